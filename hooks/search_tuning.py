"""Search that finds the concept and lands on the section that answers (issue 15; measured by
tests/search_queries.tsv and tests/test_browser_search.py).

- A page's `keywords` front matter (the names candidates type: "two sum", "N+1", "postmortem")
  is shown under its title as "Key terms" and indexed in the hidden `keys` search field.
- Every page is recorded here before Material's search plugin indexes it; after the build,
  handbook_site/search_index.py rebuilds the index with the ranking policy (README, "Search
  ranking"), one entry per Level tab, the phrasings of docs/_search_terms.yml and code identifiers
  split and joined. It runs before the offline plugin inlines the index (search ranks the same
  offline).
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook_site.search_cache import PageEntries, defer_material_indexing
from handbook_site.search_index import PageRecord, page_entries, tune

log = logging.getLogger("mkdocs.hooks.search_tuning")
TERMS = "_search_terms.yml"  # under docs/ (not published: exclude_docs `_*`)
_H1 = re.compile(r"^# .+$", re.MULTILINE)
_records: dict[str, PageRecord] = {}


@event_priority(-100)  # after Material's search plugin made its index
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # every page Material would parse is recorded here and parsed again by the pass below, which
    # replaces its entries: Material's own parse is skipped (handbook_site/search_cache.py)
    defer_material_indexing(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _records.clear()


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    keywords = page.meta.get("keywords")
    if not keywords:
        return markdown
    terms = " · ".join(f"*{term}*" for term in keywords)
    line = f'\n<p class="key-terms" markdown>**Key terms:** {terms}</p>\n'
    heading = _H1.search(markdown)
    at = heading.end() if heading else 0
    return markdown[:at] + "\n" + line + markdown[at:]


@event_priority(50)  # before the search plugin, which strips data-search-exclude from the HTML
def on_page_context(context: dict, page: Page, **kwargs: object) -> dict:
    _records[page.url] = PageRecord(
        src_uri=page.file.src_uri, url=page.url, title=str(page.meta.get("title", page.title)),
        content=page.content or "", toc=page.toc, meta=dict(page.meta),
        keywords=[str(k) for k in page.meta.get("keywords") or []])
    return context


def load_terms(docs_dir: str) -> dict[str, dict[str, list[str]]]:
    path = Path(docs_dir) / TERMS
    if not path.exists():
        return {}
    stat = path.stat()  # parsed once per version of the file (mkdocs serve: every save)
    return copy.deepcopy(_parsed_terms(path, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=4)
def _parsed_terms(path: Path, mtime_ns: int, size: int) -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {page: {str(k or ""): list(v or []) for k, v in (sections or {}).items()}
            for page, sections in data.items()}


@event_priority(-50)  # after the search plugin wrote the index, before offline inlines it
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists() or not _records:
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    entries = PageEntries(page_entries, Path(config.config_file_path).parent / ".cache" / "search")
    index, unmatched = tune(index, list(_records.values()), load_terms(config.docs_dir), {},
                            entries)
    entries.save()
    for where in unmatched:
        log.warning("search terms: %s names no section of that page (docs/%s)", where, TERMS)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")

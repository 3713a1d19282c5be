"""The search index a candidate needs: the topic page first, landing on the section (and Level tab)
that answers. A build-time pass over Material's `search/search_index.json` (issue 15).

Material's search (lunr in a web worker) scores every entry (a page top or one of its sections) by
field (`title`, `text`, `tags` and any field named in the plugin's `fields` option), multiplies by
the entry's `boost`, then by `1 + (is_page_top + share_of_query_terms_found)²`, and lists pages in
the order of their best entry; Enter opens the best entry. This module decides those inputs:

- **Ranking policy** (README, "Search ranking"): topic pages first (boost 1); module overviews,
  playbooks, glossary, study tools and practice notebooks below them (`SECONDARY`); tags, the
  question bank, cheat sheets, printable copies, claim ledgers, errata and the verification report
  last (`GENERATED`), where they keep only their page-top entry (title + first paragraph) so a query
  that names them ("question bank", "errata") still finds them.
- **Per-tab entries**: a `pymdownx.tabbed` block becomes its own entry at the tab's anchor
  (`#explained-by-level-level-2-strong-candidate`); Material opens the tab a URL's hash names.
- **A hidden `keys` field** (not shown in results, strong): the page's `keywords` front matter and
  the phrasings in `docs/_search_terms.yml` (synonyms, abbreviations, misspellings, error messages
  as pasted, questions) on the section they belong to.
- **A hidden `code` field** (weak, like text): the identifiers in the section's code split and
  joined (`WeakValueDictionary` -> `weak value dictionary`, `weakvaluedictionary`;
  `max_requests_jitter` -> `max requests jitter`), so either spelling finds the section.
- Concept tags stay on the page top only (Material repeats them on every section).
- Page tops are boosted down by what Material's page-top bonus adds, so a section that answers the
  query outranks its own page's summary.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any

TOP_BONUS = 2.5  # Material multiplies a page top's score by about 2.5 against a section's
SECONDARY_BOOST = 0.35
GENERATED_BOOST = 0.25
SECONDARY = ("playbooks/", "study/", "glossary.md", "index.md", "dsa-patterns/practice/")
GENERATED = ("tags.md", "question-bank.md", "study/cheat-sheets.md", "print/", "ledger/",
             "errata.md", "verification.md")
COPIES, COPY_BOOST = ("ledger/", "print/"), 0.05  # one per topic: never above the topic itself
MODULES = ("core-python/", "concurrency/", "dsa-patterns/", "backend-systems/", "production/",
           "machine-coding/", "communication/")
FILLER = {"vs", "versus", "and", "or", "the", "a", "an", "of", "in", "on", "to", "for", "with",
          "how", "why", "what", "is", "my", "i", "it", "does", "do"}


def tier(src_uri: str) -> str:
    """"topic", "secondary" or "generated" (the ranking policy)."""
    if src_uri.startswith(GENERATED):
        return "generated"
    if src_uri.startswith(MODULES) and not src_uri.endswith("index.md") \
            and "/practice/" not in src_uri:
        return "topic"
    return "secondary"


@dataclass
class PageRecord:
    """What the index pass needs from a rendered page (kept by the hook in on_page_context)."""
    src_uri: str
    url: str
    title: str
    content: str
    toc: Any
    meta: dict
    keywords: list[str] = field(default_factory=list)


# -- Level tabs -> headings Material's parser splits on ------------------------------------------
_SET = re.compile(r'<div class="tabbed-set[^"]*"[^>]*>')
_INPUT = re.compile(r'<input[^>]*\bid="([^"]+)"[^>]*>')
_LABELS = re.compile(r'<div class="tabbed-labels[^"]*">(.*?)</div>', re.S)
_LABEL = re.compile(r'<label for="([^"]+)"[^>]*>(.*?)</label>', re.S)
_BLOCK = '<div class="tabbed-block">'
_TAG = re.compile(r"<[^>]+>")


def split_tabs(content: str) -> str:
    """Put an `<h6 id="tab-anchor">label</h6>` before every tab block (and drop the label strip),
    so Material's parser makes one entry per tab; text after the tab set returns to the enclosing
    section (the parser leaves a heading's section when its parent element closes)."""
    out, at = [], 0
    for found in _SET.finditer(content):
        if found.start() < at:
            continue  # a set nested in one already split
        labels = _LABELS.search(content, found.end())
        if not labels:
            continue
        ids = _INPUT.findall(content, found.end(), labels.start())
        names = {for_: _TAG.sub("", text).strip() for for_, text in _LABEL.findall(labels.group(1))}
        pos, blocks = labels.end(), []
        for _ in ids:
            start = content.find(_BLOCK, pos)
            if start < 0:
                break
            blocks.append(start)
            pos = start + len(_BLOCK)
        nested = _SET.search(content, labels.end(), blocks[-1] if blocks else labels.end())
        if len(blocks) != len(ids) or nested:
            continue
        out.append(content[at:labels.start()])
        at = labels.end()
        for tab_id, start in zip(ids, blocks, strict=True):
            out.append(content[at:start])
            out.append(f'<h6 id="{tab_id}">{html.escape(names.get(tab_id, tab_id))}</h6>')
            at = start
    out.append(content[at:])
    return "".join(out)


# -- identifiers -----------------------------------------------------------------------------------
_CODE = re.compile(r"(?<!<pre>)<code>(.*?)</code>", re.S)  # inline code: names the prose uses
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def identifier_variants(ident: str) -> list[str]:
    """`max_requests_jitter` -> `max requests jitter`;
    `WeakValueDictionary` -> `weak value dictionary`, `weakvaluedictionary`;
    `asyncio.TaskGroup` -> `asyncio task group`, `taskgroup`.

    A CamelCase name is also typed as one lowercase word; a snake_case or dotted one is typed with
    its separators (the tokenizer splits them), so code gets no joined form of it: "yieldper"
    would make every `yield*` query count each such identifier twice."""
    parts = [p for p in re.split(r"[._]+", ident) if p]
    words = [w.lower() for p in parts for w in _CAMEL.findall(p)]
    if len(words) < 2:
        return []
    return [" ".join(words)] + ["".join(_CAMEL.findall(p)).lower() for p in parts
                                if len(_CAMEL.findall(p)) > 1]


def joined(ident: str) -> str:
    """`asyncio.to_thread` -> `asynciotothread`: in `keys` (chosen phrases, not every name in the
    code), a query's first word then also matches the whole identifier: the one phrase signal a
    prefix search has."""
    return "".join(re.split(r"[._]+", ident)).lower()


_CLASS = re.compile(r"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\b")  # class names in code blocks too


def code_keys(text: str) -> list[str]:
    return list(_code_keys(text))


@functools.lru_cache(maxsize=4096)  # mkdocs serve: the same entries on every save
def _code_keys(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for code in _CODE.findall(text) + _CLASS.findall(text):
        for ident in _IDENT.findall(html.unescape(code)):
            for variant in identifier_variants(ident):
                seen.setdefault(variant, None)
    return tuple(seen)


_PRE = re.compile(r"<pre>(.*?)</pre>", re.S)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LEAD = re.compile(r"^\s*(?:<p>.*?</p>\s*)+", re.S)


@functools.lru_cache(maxsize=4096)
def move_code_blocks(text: str) -> tuple[str, str]:
    """The entry's prose without its code blocks, and the blocks' words, each once.

    Code blocks were a third of the index text: every matched entry carried them to the page
    (Material renders a result's text as HTML), and their repeated names only raised `text` scores
    that the words already earn once. Their words stay searchable in the `code` field."""
    words: dict[str, None] = {}
    for block in _PRE.findall(text):
        for word in _WORD.findall(html.unescape(_TAG.sub(" ", block))):
            words.setdefault(word, None)
    return _PRE.sub(" ", text), " ".join(words)


def lead(text: str, limit: int = 600) -> str:
    """A generated page's first paragraphs (what says what the page is), not its listing."""
    found = _LEAD.match(text)
    return (found.group(0) if found else text)[:limit]


def phrase_keys(phrase: str) -> list[str]:
    """A phrase as indexed in `keys`: its words without fillers, plus identifiers and hyphenated
    forms joined ("asyncio.to_thread" -> "asynciotothread", "cache-aside" -> "cacheaside")."""
    words = [w for w in re.split(r"[\s,:;!?()\"']+", phrase) if w and w.lower() not in FILLER]
    out = [" ".join(words)] if words else []
    for word in words:  # the tokenizer already splits `_`, `.` and CamelCase: joined forms only
        if identifier_variants(word):  # (a spaced copy would count each part twice)
            out.append(joined(word))
        if "-" in word:
            out.append(word.replace("-", ""))
    return out


_VS = re.compile(r"\bvs\b")  # "vs" in a title matched every "X vs Y" query: unsearchable, same look


def slug(phrase: str) -> str:
    """"Partial index" -> "partial-index" (a fragment of the anchor of a heading that names it)."""
    return re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")


# -- terms file ---------------------------------------------------------------------------------
def find_section(entries: list[dict], url: str, selector: str) -> dict | None:
    """The entry a terms-file key names: "" is the page top; otherwise an anchor, or the first
    anchor that contains the selector ("level-2", "common-traps")."""
    if not selector:
        return next((e for e in entries if e["location"] == url), None)
    anchors = [(e["location"].partition("#")[2], e) for e in entries]
    for anchor, entry in anchors:
        if anchor == selector:
            return entry
    for anchor, entry in anchors:
        if selector in anchor:
            return entry
    return None


# -- the pass -----------------------------------------------------------------------------------
_HEADING_WITH_ID = re.compile(r"<h[1-6]\b[^>]*\bid=")


def page_top(content: str) -> str:
    """The HTML that makes a page's first search entry: up to its second heading with an id
    (Material's parser starts a section at each one). A generated page keeps only that entry, and
    a printable page is a whole module: parsing all of it cost ~0.4 s per `mkdocs serve` save."""
    found = _HEADING_WITH_ID.finditer(content)
    second = next(found, None) and next(found, None)
    return content[:second.start()] if second else content


def page_entries(record: PageRecord, plugin_config: dict) -> list[dict]:
    """Material's own entries for the page, with Level tabs split out."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(**plugin_config)
    meta = {k: v for k, v in record.meta.items() if k != "search"}
    page = SimpleNamespace(content=split_tabs(record.content), toc=record.toc, url=record.url,
                           meta=meta, title=record.title)
    index.add_entry_from_context(page)
    return index.entries


def tune(index: dict, records: list[PageRecord], terms: dict[str, dict[str, list[str]]],
         plugin_config: dict, entries_of: Any = page_entries) -> tuple[dict, list[str]]:
    """Rebuild the entries of every recorded page; returns the index and the terms-file keys that
    named no section (reported by the hook). `entries_of` is `page_entries` or a cache of it
    (handbook_site/search_cache.py)."""
    by_url = {r.url: r for r in records}
    kept = [d for d in index["docs"] if d["location"].partition("#")[0] not in by_url]
    unmatched: list[str] = []
    for record in records:
        kind = tier(record.src_uri)
        if kind == "generated":
            record = replace(record, content=page_top(record.content))
        entries = entries_of(record, plugin_config)
        if not entries:
            continue
        if kind == "generated":
            entries = entries[:1]
            entries[0]["text"] = lead(entries[0]["text"])
        base = {"topic": 1.0, "secondary": SECONDARY_BOOST, "generated": GENERATED_BOOST}[kind]
        if record.src_uri.startswith(COPIES):
            base = COPY_BOOST
        base *= float((record.meta.get("search") or {}).get("boost", 1) or 1)
        for entry in entries:
            top = entry["location"] == record.url
            entry.pop("tags", None) if not top else None
            code = code_keys(entry["text"]) if kind != "generated" else []
            entry["text"], words = move_code_blocks(entry["text"])
            if words:
                code.append(words)
            if code:
                entry["code"] = code
            entry["keys"] = []
            entry["boost"] = round(base / TOP_BONUS if top else base, 4)
        for keyword in record.keywords:  # on the section whose heading names it, else the top
            named = find_section(entries[1:], record.url, slug(keyword)) if slug(keyword) else None
            (named or find_section(entries, record.url, "") or entries[0])["keys"] += \
                phrase_keys(keyword)
        for selector, phrases in (terms.get(record.src_uri) or {}).items():
            target = find_section(entries, record.url, selector or "")
            if target is None:
                unmatched.append(f"{record.src_uri} {selector!r}")
                continue
            for phrase in phrases:
                target["keys"] += phrase_keys(str(phrase))
        for entry in entries:
            entry["title"] = _VS.sub("v\u200bs", entry["title"])
            entry["keys"] = list(dict.fromkeys(entry["keys"]))
            if not entry["keys"]:
                del entry["keys"]
        kept.extend(entries)
    index["docs"] = kept
    return index, unmatched

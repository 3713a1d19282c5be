"""MkDocs adapter for the claim ledgers: checks them before the build (handbook_verify.ledger), then
adds the pages handbook_site.ledger_pages writes: one per ledger, the check line under each page's
title, the totals on the Verification report."""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook_site.ledger_pages import (
    LABELS,
    ledger_page,
    page_heading,
    totals_section,
    view_path,
    with_check_line,
)
from handbook_verify import ledger as ledgers

__all__ = ["LABELS", "ledger_page", "view_path"]  # the old import path of these
state: dict[str, ledgers.Ledger] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    items = [_loaded(p, *_version(p)) for p in sorted((root / "ledger").rglob("*.yml"))]
    problems = ledgers.check_ledgers(root, ledgers.SEEDS_DIR, items)
    if problems:
        raise PluginError("Claim ledger problems:\n" + "\n".join(p.render() for p in problems))
    state.clear()
    state.update({item.page: item for item in items})


def _version(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=1024)  # each ledger parsed once per version (mkdocs serve: every save)
def _loaded(path: Path, mtime_ns: int, size: int) -> ledgers.Ledger:
    return ledgers.load(path)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    for page, item in state.items():
        heading = page_heading((docs / page).read_text(encoding="utf-8"))
        title = heading[1] if heading else page
        files.append(File.generated(config, view_path(page), content=ledger_page(item, title)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "verification.md":
        return markdown + totals_section(state)
    item = state.get(page.file.src_uri)
    return with_check_line(markdown, item) if item else markdown

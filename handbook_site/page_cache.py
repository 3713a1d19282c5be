"""`mkdocs serve`: a page whose Markdown did not change is not converted again.

MkDocs rebuilds the whole site on every save. Converting the Markdown of ~100 pages (the printable
pages repeat the whole handbook) is most of that time, and almost all of it gives the same HTML as
the previous build. This cache wraps `Page.render`: the key is the page's final Markdown (after
every `on_page_markdown` hook, so a sample's new output changes it), its place in the site, the
list of files (links resolve against it) and the Markdown configuration. On a hit the page gets
the content, TOC, title and anchors of the earlier conversion.

Only for `mkdocs serve` (`mkdocs build` always converts, so strict link checks see every page);
a conversion that logged a warning is never stored, so the warning comes back on every save.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

LIMIT = 2_000  # entries; past this a long session starts over
stats = {"hits": 0, "misses": 0}


@dataclass
class _Rendered:
    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # linked file's src_uri -> {anchor: link}


_cache: dict[str, _Rendered] = {}
_files_keys: dict[int, tuple[Files, str]] = {}


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _files_key(files: Files) -> str:
    known = _files_keys.get(id(files))
    if known is None or known[0] is not files:
        digest = hashlib.sha256()
        for f in sorted(files, key=lambda f: f.src_uri):
            digest.update(f"{f.src_uri}|{f.dest_uri}|{f.url}|{f.inclusion}\n".encode())
        _files_keys.clear()
        known = _files_keys[id(files)] = (files, digest.hexdigest())
    return known[1]


def _key(page: Page, config: Any, files: Files) -> str:
    digest = hashlib.sha256()
    for part in (page.markdown or "", page.file.src_uri, page.file.dest_uri, page.file.url,
                 _files_key(files), repr(config["markdown_extensions"]),
                 repr(config["mdx_configs"]), repr(config["validation"]),
                 str(config["use_directory_urls"])):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def install() -> None:
    """Wrap Page.render (idempotent). Pages whose render is replaced per instance (notebooks,
    by mkdocs-jupyter, which caches them itself) are not affected."""
    if hasattr(Page.render, "__wrapped__"):
        return
    original = Page.render

    def render(self: Page, config: Any, files: Files) -> None:
        key = _key(self, config, files)
        hit = _cache.get(key)
        if hit is not None:
            stats["hits"] += 1
            self.content, self.toc, self._title_from_render = hit.content, hit.toc, hit.title
            self.present_anchor_ids = set(hit.anchors) if hit.anchors is not None else None
            if hit.links is not None:
                self.links_to_anchors = {
                    linked: dict(anchors) for uri, anchors in hit.links.items()
                    if (linked := files.get_file_from_path(uri)) is not None}
            return
        stats["misses"] += 1
        warnings = _Warnings()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(warnings)
        try:
            original(self, config, files)
        finally:
            logger.removeHandler(warnings)
        if warnings.count:
            return
        if len(_cache) >= LIMIT:
            _cache.clear()
        links = self.links_to_anchors
        _cache[key] = _Rendered(
            self.content or "", self.toc, self._title_from_render,
            set(self.present_anchor_ids) if self.present_anchor_ids is not None else None,
            {f.src_uri: dict(a) for f, a in links.items()} if links is not None else None)

    render.__wrapped__ = original  # type: ignore[attr-defined]
    Page.render = render  # type: ignore[method-assign]

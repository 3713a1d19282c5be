"""`mkdocs serve`: a page whose Markdown did not change is not converted (or indexed) again.

MkDocs rebuilds the whole site on every save. Converting the Markdown of ~100 pages (the printable
pages repeat the whole handbook) is most of that time, and almost all of it gives the same HTML as
the previous build. This cache wraps `Page.render`: the key is the page's final Markdown (after
every `on_page_markdown` hook, so a sample's new output changes it), its place in the site, the
list of files (links resolve against it) and the Markdown configuration. On a hit the page gets
the content, TOC, title and anchors of the earlier conversion. The files a page includes
(pymdownx.snippets) are part of the key by size and modification time.

Material's search plugin parses every page's HTML again on every build (a quarter of a rebuild):
its entries are cached the same way, keyed by the page's HTML, URL, TOC and front matter.

The theme's template is rendered again only when the page, its place in the navigation, the
navigation itself (titles and URLs of every entry) or mkdocs.yml changed.

Only for `mkdocs serve` (`mkdocs build` always converts, so strict link checks see every page);
a conversion that logged a warning is never stored, so the warning comes back on every save.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
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


_INCLUDE = re.compile(r'--8<--\s*"([^"]+)"')


def _included(markdown: str, config: Any) -> str:
    """Name, size and mtime of every file the page includes with pymdownx.snippets, nested
    includes too: a saved sample changes the key of exactly the pages that show it. A block-form
    include (a bare `--8<--` line) makes every file under the base paths count."""
    options = config["mdx_configs"].get("pymdownx.snippets", {})
    root = Path(config.config_file_path).parent
    bases = [root / b for b in options.get("base_path", ["."])]
    seen: dict[Path, str] = {}
    todo = [markdown]
    while todo:
        text = todo.pop()
        targets = [m.group(1).split(":")[0] for m in _INCLUDE.finditer(text)]
        if re.search(r"^\s*-{1,}8<-{1,}\s*$", text, re.MULTILINE):
            targets += [p.relative_to(b).as_posix() for b in bases for p in b.rglob("*")
                        if p.is_file()]
        for target in targets:
            for base in bases:
                path = base / target
                if path in seen or not path.is_file():
                    continue
                stat = path.stat()
                seen[path] = f"{path}|{stat.st_size}|{stat.st_mtime_ns}"
                if path.suffix in (".md", ".txt", ".html"):
                    todo.append(path.read_text(encoding="utf-8", errors="replace"))
                break
    return "\n".join(sorted(seen.values()))


def _key(page: Page, config: Any, files: Files) -> str:
    digest = hashlib.sha256()
    for part in (page.markdown or "", _included(page.markdown or "", config),
                 page.file.src_uri, page.file.dest_uri, page.file.url,
                 _files_key(files), repr(config["markdown_extensions"]),
                 repr(config["mdx_configs"]), repr(config["validation"]),
                 str(config["use_directory_urls"])):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _toc(items: Any) -> list:
    return [(i.id, i.url, i.title, _toc(i.children)) for i in items or []]


def _install_search() -> None:
    from material.plugins.search.plugin import SearchIndex

    if hasattr(SearchIndex.add_entry_from_context, "__wrapped__"):
        return
    original = SearchIndex.add_entry_from_context
    entries: dict[str, list[dict]] = {}

    def add_entry_from_context(self: SearchIndex, page: Page) -> None:
        digest = hashlib.sha256()
        for part in (page.content or "", page.url, str(page.title), repr(page.meta),
                     repr(_toc(page.toc))):
            digest.update(part.encode())
            digest.update(b"\0")
        key = digest.hexdigest()
        if key in entries:
            stats["hits"] += 1
            self.entries.extend(copy.deepcopy(entries[key]))
            return
        before = len(self.entries)
        original(self, page)
        if len(entries) >= LIMIT:
            entries.clear()
        entries[key] = copy.deepcopy(self.entries[before:])

    add_entry_from_context.__wrapped__ = original  # type: ignore[attr-defined]
    SearchIndex.add_entry_from_context = add_entry_from_context  # type: ignore[method-assign]


_nav_keys: dict[int, tuple[Any, str]] = {}


def _nav_key(nav: Any) -> str:
    known = _nav_keys.get(id(nav))
    if known is None or known[0] is not nav:

        def walk(items: Any) -> list:
            return [(type(i).__name__, str(i.title), getattr(i, "url", None),
                     walk(getattr(i, "children", None))) for i in items or []]

        _nav_keys.clear()
        known = _nav_keys[id(nav)] = (nav, hashlib.sha256(repr(walk(nav.items)).encode())
                                      .hexdigest())
    return known[1]


def _install_templates() -> None:
    import jinja2

    if hasattr(jinja2.Template.render, "__wrapped__"):
        return
    original = jinja2.Template.render
    outputs: dict[str, str] = {}

    def render(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        context = args[0] if len(args) == 1 and isinstance(args[0], dict) else kwargs
        page, config, nav = context.get("page"), context.get("config"), context.get("nav")
        if not isinstance(page, Page) or config is None or nav is None:
            return original(self, *args, **kwargs)
        digest = hashlib.sha256()
        with open(config.config_file_path, "rb") as config_file:
            digest.update(config_file.read())
        for part in (self.name or "", page.content or "", page.url, str(page.title),
                     repr(page.meta), repr(_toc(page.toc)), str(config.site_url),
                     str(getattr(page, "nb_url", "")), _nav_key(nav),
                     str(page.previous_page and page.previous_page.url),
                     str(page.next_page and page.next_page.url)):
            digest.update(part.encode())
            digest.update(b"\0")
        key = digest.hexdigest()
        if key in outputs:
            stats["hits"] += 1
            return outputs[key]
        output = original(self, *args, **kwargs)
        if len(outputs) >= LIMIT:
            outputs.clear()
        outputs[key] = output
        return output

    render.__wrapped__ = original  # type: ignore[attr-defined]
    jinja2.Template.render = render  # type: ignore[method-assign]


def bytecode_cache() -> Any:
    """One in-memory Jinja bytecode cache for the process: MkDocs makes a new Jinja environment
    for every build, which would compile the theme's templates again on each save (~1 s)."""
    global _bytecode
    if _bytecode is None:
        import jinja2

        class _Memory(jinja2.BytecodeCache):
            def __init__(self) -> None:
                self.store: dict[str, bytes] = {}

            def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
                if bucket.key in self.store:  # the key covers the template's source
                    bucket.bytecode_from_string(self.store[bucket.key])

            def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
                self.store[bucket.key] = bucket.bytecode_to_string()

        _bytecode = _Memory()
    return _bytecode


_bytecode: Any = None


def installed() -> bool:
    return hasattr(Page.render, "__wrapped__")


def install() -> None:
    """Wrap Page.render, the search index and template rendering (idempotent). Pages whose
    render is replaced per instance (notebooks, by mkdocs-jupyter, which caches them itself) are
    not converted through this cache."""
    _install_search()
    _install_templates()
    if hasattr(Page.render, "__wrapped__"):
        return
    original = Page.render

    def render(self: Page, config: Any, files: Files) -> None:
        key = _key(self, config, files)
        hit = _cache.get(key)
        if hit is not None:
            stats["hits"] += 1
            # plugins edit the TOC in place (Material's tags listings): a copy each time
            self.content, self.toc = hit.content, copy.deepcopy(hit.toc)
            self._title_from_render = hit.title
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
            self.content or "", copy.deepcopy(self.toc), self._title_from_render,
            set(self.present_anchor_ids) if self.present_anchor_ids is not None else None,
            {f.src_uri: dict(a) for f, a in links.items()} if links is not None else None)

    render.__wrapped__ = original  # type: ignore[attr-defined]
    Page.render = render  # type: ignore[method-assign]

"""`mkdocs serve`: the theme's template is rendered again only when something it shows changed.

MkDocs rebuilds the whole site on every save. Pages are converted again only when their Markdown
changed (handbook_site/adapters/page_cache.py, also across `mkdocs build`s) and search entries are
parsed only for changed HTML (handbook_site/search_cache.py); here, the theme's template is
rendered again only when the page, its place in the navigation, the navigation itself (titles and
URLs of every entry) or mkdocs.yml changed, the theme's templates are compiled once per
process, and an installed theme's files are listed once per process. Only for `mkdocs serve`
(HANDBOOK_SERVE_CACHE=0 turns it off).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

LIMIT = 2_000  # entries; past this a long session starts over
stats = {"hits": 0, "misses": 0}


def _toc(items: Any) -> list:
    return [(i.id, i.url, i.title, _toc(i.children)) for i in items or []]


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


def _install_theme_listing() -> None:
    """The template list of an installed theme (Material's: thousands of icon files, walked on
    every build by MkDocs to find its static files) is read once per process; a theme folder of
    the project is still listed on every build."""
    import jinja2

    if hasattr(jinja2.FileSystemLoader.list_templates, "__wrapped__"):
        return
    original = jinja2.FileSystemLoader.list_templates
    listed: dict[tuple, list[str]] = {}

    def list_templates(self: jinja2.FileSystemLoader) -> list[str]:
        paths = tuple(str(path) for path in self.searchpath)
        if not all("site-packages" in Path(path).parts for path in paths):
            return original(self)
        key = (paths, self.followlinks)
        if key not in listed:
            listed[key] = original(self)
        return list(listed[key])

    list_templates.__wrapped__ = original  # type: ignore[attr-defined]
    jinja2.FileSystemLoader.list_templates = list_templates  # type: ignore[method-assign]


def installed() -> bool:
    return hasattr(__import__("jinja2").Template.render, "__wrapped__")


def install() -> None:
    """Wrap template rendering and theme listing (idempotent)."""
    _install_templates()
    _install_theme_listing()

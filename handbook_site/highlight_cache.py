"""Code highlighting cached by content, for the whole process.

The printable and cheat-sheet pages repeat the code of the topic pages, and `mkdocs serve` rebuilds
every page on each save: without a cache the same code is highlighted again and again (Pygments'
lexer, and an HTML formatter built per block). The cache wraps pymdownx.highlight's
`Highlight.highlight`: the key is the code, every argument and the extension's configuration,
except the block's number on its page, which only names the ids of its line spans and anchors
(`__span-3-1`); those are renamed in the cached HTML (Pygments escapes `"` in code, so an
`id="…` attribute in the HTML is always markup). The output is byte for byte what pymdownx would
produce. Inline code and HTML-mode titles (which write to the page's HTML stash) are not cached.
"""

from __future__ import annotations

from typing import Any

_ATTRIBUTES = ('id="', 'name="', 'href="#')
LIMIT = 50_000  # entries; a long `mkdocs serve` session starts over past this
_cache: dict[tuple, tuple[str, str]] = {}
stats = {"hits": 0, "misses": 0}


def _rename(html: str, prefixes: tuple[str, ...], old: str, new: str) -> str:
    if old == new:
        return html
    for attribute in _ATTRIBUTES:
        for prefix in filter(None, prefixes):
            html = html.replace(f"{attribute}{prefix}-{old}-", f"{attribute}{prefix}-{new}-")
    return html


def _settings(highlighter: Any) -> str:
    return repr(sorted((k, repr(v)) for k, v in vars(highlighter).items() if k != "md"))


def cached(highlight):
    """`Highlight.highlight` with its block results remembered."""

    def wrapper(self: Any, src: str, language: str, css_class: str = "highlight",
                hl_lines: Any = None, linestart: int = -1, linestep: int = -1,
                linespecial: int = -1, inline: bool = False, classes: Any = None,
                id_value: str = "", attrs: Any = None, title: Any = None,
                code_block_count: int = 0) -> Any:
        arguments = (src, language, css_class, hl_lines, linestart, linestep, linespecial, inline,
                     classes, id_value, attrs, title)
        if inline or getattr(self, "title_mode", "text") == "html":
            return highlight(self, *arguments, code_block_count=code_block_count)
        block = id_value or str(code_block_count)
        key = (repr(arguments), _settings(self))
        hit = _cache.get(key)
        if hit is None:
            stats["misses"] += 1
            if len(_cache) >= LIMIT:
                _cache.clear()
            html = highlight(self, *arguments, code_block_count=code_block_count)
            _cache[key] = (html, block)
            return html
        stats["hits"] += 1
        html, old = hit
        prefixes = (getattr(self, "line_spans", ""), getattr(self, "line_anchors", ""))
        return _rename(html, prefixes, old, block)

    wrapper.__wrapped__ = highlight  # type: ignore[attr-defined]
    return wrapper


def install() -> None:
    """Route pymdownx.highlight's block highlighting through the cache (idempotent)."""
    from pymdownx.highlight import Highlight

    if not hasattr(Highlight.highlight, "__wrapped__"):
        Highlight.highlight = cached(Highlight.highlight)  # type: ignore[method-assign]

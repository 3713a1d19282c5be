"""Pygments highlighting cached by content, for the whole process.

The printable and cheat-sheet pages repeat the code of the topic pages, and `mkdocs serve` rebuilds
every page on each save: without a cache the same code is highlighted again and again. The cache
wraps the `highlight()` call of pymdownx.highlight: the key is the code, the lexer and the
formatter's options, except the per-page ids of line spans and anchors (`__span-3`), which are
renamed in the cached HTML (Pygments escapes `"` in code, so an `id="…` attribute in the HTML is
always markup). The output is byte for byte what Pygments would produce.
"""

from __future__ import annotations

from typing import Any

_ID_OPTIONS = ("linespans", "lineanchors")
_ATTRIBUTES = ('id="', 'name="', 'href="#')
LIMIT = 50_000  # entries; a long `mkdocs serve` session starts over past this
_cache: dict[tuple, tuple[str, str, str]] = {}
stats = {"hits": 0, "misses": 0}


def _freeze(options: dict[str, Any]) -> str:
    return repr(sorted((k, repr(v)) for k, v in options.items() if k not in _ID_OPTIONS))


def _rename(html: str, old: str, new: str) -> str:
    if old == new or not old:
        return html
    for attribute in _ATTRIBUTES:
        html = html.replace(f"{attribute}{old}-", f"{attribute}{new}-")
    return html


def cached(highlight):
    """`highlight(src, lexer, formatter)` with its results remembered."""

    def wrapper(src: str, lexer: Any, formatter: Any, outfile: Any = None) -> str:
        if outfile is not None:
            return highlight(src, lexer, formatter, outfile)
        options = getattr(formatter, "options", {})
        spans = options.get("linespans") or ""
        anchors = options.get("lineanchors") or ""
        key = (src, type(lexer), _freeze(getattr(lexer, "options", {})), type(formatter),
               getattr(formatter, "pymdownx_inline", False), _freeze(options),
               bool(spans), bool(anchors))
        hit = _cache.get(key)
        if hit is None:
            stats["misses"] += 1
            if len(_cache) >= LIMIT:
                _cache.clear()
            html = highlight(src, lexer, formatter)
            _cache[key] = (html, spans, anchors)
            return html
        stats["hits"] += 1
        html, old_spans, old_anchors = hit
        return _rename(_rename(html, old_spans, spans), old_anchors, anchors)

    wrapper.__wrapped__ = highlight  # type: ignore[attr-defined]
    return wrapper


def install() -> None:
    """Route pymdownx.highlight's Pygments calls through the cache (idempotent)."""
    from pymdownx import highlight as module

    if not hasattr(module.highlight, "__wrapped__"):
        module.highlight = cached(module.highlight)

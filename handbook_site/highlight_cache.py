"""Code highlighting cached by content, for the whole process.

The printable and cheat-sheet pages repeat the code of the topic pages, and `mkdocs serve` rebuilds
every page on each save: without a cache the same code is highlighted again and again (Pygments'
lexer, and an HTML formatter built per block). The cache wraps pymdownx.highlight's
`Highlight.highlight`: the key is the code, every argument and the extension's configuration,
except the block's number on its page, which only names the ids of its line spans and anchors
(`__span-3-1`); those are renamed in the cached HTML (Pygments escapes `"` in code, so an
`id="…` attribute in the HTML is always markup). The output is byte for byte what pymdownx would
produce. Inline code and HTML-mode titles (which write to the page's HTML stash) are not cached.

The cache is also kept on disk (.cache/highlight.pickle, tied to the Pygments and pymdownx versions
and this file): a build whose pages all come from the page cache highlights nothing, so the first
page saved in `mkdocs serve` would otherwise highlight its code, and the printable module's, from
scratch (~0.4 s). It is read on the first block not in memory and written after a build that
highlighted something new.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from importlib import metadata
from pathlib import Path
from typing import Any

_ATTRIBUTES = ('id="', 'name="', 'href="#')
LIMIT = 10_000  # entries (the site has ~1,500 distinct blocks); past this it starts over
_cache: dict[tuple, tuple[str, str]] = {}
stats = {"hits": 0, "misses": 0}
_disk: dict[str, Any] = {"path": None, "read": False, "changed": False}


def _version() -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for package in ("pygments", "pymdown-extensions"):
        digest.update(metadata.version(package).encode())
    return digest.hexdigest()


def _read_disk() -> None:
    _disk["read"] = True
    path = _disk["path"]
    try:
        with open(path, "rb") as stored:
            version, entries = pickle.load(stored)
    except (OSError, EOFError, TypeError, ValueError, pickle.UnpicklingError):
        return
    if version == _version() and isinstance(entries, dict):
        for key, value in entries.items():
            _cache.setdefault(key, value)


def save() -> None:
    """After a build: the cache to disk, when this build highlighted something new."""
    path = _disk["path"]
    if path is None or not _disk["changed"]:
        return
    if not _disk["read"]:
        _read_disk()  # keep what other builds stored
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(partial, "wb") as stored:
        pickle.dump((_version(), _cache), stored, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    _disk["changed"] = False


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
        if hit is None and _disk["path"] is not None and not _disk["read"]:
            _read_disk()
            hit = _cache.get(key)
        if hit is None:
            stats["misses"] += 1
            _disk["changed"] = True
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


def install(cache_file: Path | None = None) -> None:
    """Route pymdownx.highlight's block highlighting through the cache (idempotent); kept in
    `cache_file` across builds when given."""
    from pymdownx.highlight import Highlight

    if cache_file != _disk["path"]:
        _disk.update(path=cache_file, read=False)

    if not hasattr(Highlight.highlight, "__wrapped__"):
        Highlight.highlight = cached(Highlight.highlight)  # type: ignore[method-assign]

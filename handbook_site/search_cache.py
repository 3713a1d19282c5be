"""Search entries parsed once per page content, across builds (issue 18).

Material's search plugin parses every page's HTML (28 MB with the notebooks and printable pages)
on every build, and the search pass (handbook_site/search_index.py) then parses every page again,
with its Level tabs split out, and replaces Material's entries with its own: together about half
the CPU of a build. Here:

- Material's own per-page parse is skipped (`defer_material_indexing`): the search pass rebuilds
  the entries of every page Material would have indexed (it records the same pages one event
  earlier), so those entries were thrown away unread. Material still writes the index file; its
  `data-search-*` attributes are still stripped from the pages (the same result, found faster).
- The search pass's entries are remembered by everything they are made from (`PageEntries`): the
  page's HTML, URL, title, front matter and TOC, the search plugin's configuration, Material's
  version and the source of search_index.py. In the process (`mkdocs serve`) and on disk
  (.cache/search/entries.json, rewritten with the entries of the latest build only), so a build
  parses only the pages whose HTML changed. Entries do not take part in link checking.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

VERSION = "1"
_memory: dict[str, str] = {}  # key -> the entries as JSON (a fresh copy on every hit)
stats = {"hits": 0, "misses": 0}


def _toc(items: Any) -> list:
    return [(i.id, i.url, str(i.title), _toc(i.children)) for i in items or []]


def _salt() -> str:
    from handbook_site import search_index

    digest = hashlib.sha256(VERSION.encode())
    digest.update(metadata.version("mkdocs-material").encode())
    digest.update(Path(search_index.__file__).read_bytes())
    return digest.hexdigest()


class PageEntries:
    """`entries(record, plugin_config)`: `compute(record, plugin_config)`, remembered."""

    def __init__(self, compute: Callable[[Any, dict], list[dict]], cache_dir: Path | None) -> None:
        self.compute = compute
        self.path = cache_dir / "entries.json" if cache_dir else None
        self.salt = _salt()
        self.used: dict[str, str] = {}
        self.loaded: dict[str, str] = {}
        if self.path and self.path.is_file():
            try:
                self.loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.loaded = {}

    def key(self, record: Any, plugin_config: dict) -> str:
        digest = hashlib.sha256(self.salt.encode())
        meta = {k: v for k, v in record.meta.items() if k != "search"}
        for part in (record.url, record.title, record.content, repr(sorted(meta.items())),
                     repr(_toc(record.toc)), repr(sorted(plugin_config.items()))):
            digest.update(b"\0")
            digest.update(part.encode())
        return digest.hexdigest()

    def __call__(self, record: Any, plugin_config: dict) -> list[dict]:
        key = self.key(record, plugin_config)
        known = _memory.get(key) or self.loaded.get(key)
        if known is None:
            stats["misses"] += 1
            known = json.dumps(self.compute(record, plugin_config), ensure_ascii=False)
        else:
            stats["hits"] += 1
        _memory[key] = self.used[key] = known
        if len(_memory) > 5_000:  # a long serve session starts over
            _memory.clear()
        return json.loads(known)

    def save(self) -> None:
        """Keep this build's entries (only when they differ from what the file holds)."""
        if self.path is None or self.used == self.loaded:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(self.used, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.path)
        self.loaded = dict(self.used)


class _Deferred:
    """Stands in for Material's SearchIndex while pages are built: a page is not parsed (the
    search pass makes its entries), the index file is still written by Material."""

    def __init__(self, index: Any) -> None:
        self._index = index

    def add_entry_from_context(self, page: Any) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


_ATTRIBUTE = re.compile(r'data-search-\w+="[^"]+"')  # a literal start: found by fast search
_SPACE = re.compile(r"\s")


def strip_search_attributes(html: str) -> str:
    """What Material's `re.sub(r'\\s?data-search-\\w+="[^"]+"', "", html)` gives: with the optional
    `\\s` first, that pattern is tried at every position of 28 MB of HTML on every build."""
    out, at = [], 0
    for found in _ATTRIBUTE.finditer(html):
        start = found.start()
        if start > at and _SPACE.match(html, start - 1):
            start -= 1
        out.append(html[at:start])
        at = found.end()
    out.append(html[at:])
    return "".join(out)


def _strip_search_attributes(context: Any, *, page: Any, **kwargs: Any) -> Any:
    """Material's on_page_context without the parse (the search pass makes the entries)."""
    if page.content:
        page.content = strip_search_attributes(page.content)
    return context


def defer_material_indexing(config: Any) -> dict | None:
    """Skip Material's per-page parse; returns the search plugin's configuration (None when the
    search plugin is not Material's or is disabled: then nothing is changed)."""
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled \
                and hasattr(plugin, "search_index"):
            if not isinstance(plugin.search_index, _Deferred):
                plugin.search_index = _Deferred(plugin.search_index)
            events = config.plugins.events["page_context"]
            for at, method in enumerate(events):
                if getattr(method, "__self__", None) is plugin \
                        and getattr(method, "__func__", None) is SearchPlugin.on_page_context:
                    events[at] = _strip_search_attributes  # same place: same priority
            return dict(plugin.config)
    return None

"""A page whose Markdown did not change is not converted again: in `mkdocs serve` and across
`mkdocs build`s (issue 18).

Converting the Markdown of ~100 pages (the printable pages repeat the whole handbook) was most of
a warm build, and almost all of it gives the HTML of the previous build. This cache wraps
`Page.render`. The key is everything the conversion reads:

- the page's final Markdown (after every `on_page_markdown` hook, so a sample's new output changes
  it) and the content of every file it includes (pymdownx.snippets, nested includes too);
- its place in the site (source, destination, URL) and the list of files with their URLs and
  inclusion (links resolve against it);
- the Markdown extensions and their configuration (functions by module and name, and the source
  of project modules that define them), `validation`, `use_directory_urls`, `site_url`;
- the versions of Python, MkDocs, Python-Markdown, pymdown-extensions, Pygments and Material, and
  the source of this module and of the highlight cache.

A hit gives the page the content, TOC, title, anchors and links to other pages' anchors of the
earlier conversion, and logs again the INFO lines that conversion logged. Links and anchors stay
checked on every `mkdocs build --strict`:

- a conversion that logged a warning (a link to a missing page, an unrecognized link) is never
  stored, so it runs, and warns, on every build until it is fixed; a hit means the same Markdown
  against the same files converted without one;
- anchors are checked by MkDocs after all pages are converted, from each page's links and the
  anchors of the pages they point at: both are restored on a hit, so a broken `#anchor` warns
  whether or not the pages were converted in this build.

Kept in the process (`mkdocs serve`) and under .cache/pages/ (one file per conversion; files not
used for a week are removed). HANDBOOK_PAGE_CACHE=0 turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import re
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FORMAT = "1"
LIMIT = 2_000  # entries in memory; past this a long session starts over
KEEP_S = 7 * 24 * 3600  # files not used for this long are removed after a build
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "pygments", "mkdocs-material")
stats = {"hits": 0, "misses": 0, "disk hits": 0}


@dataclass
class _Rendered:
    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # linked file's src_uri -> {anchor: link}
    logged: list[tuple[str, int, str]]  # INFO lines of the conversion: logger, level, message


_memory: dict[str, _Rendered] = {}
_state: dict[str, Any] = {"dir": None, "root": None}
_files_keys: dict[int, tuple[Files, str]] = {}
_config_keys: dict[int, tuple[Any, str]] = {}


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _files_key(files: Files) -> str:
    known = _files_keys.get(id(files))
    if known is None or known[0] is not files:
        digest = hashlib.sha256()
        for f in sorted(files, key=lambda f: f.src_uri):
            digest.update(f"{f.src_uri}|{f.dest_uri}|{f.url}|{f.inclusion}\n".encode())
        _files_keys.clear()
        known = _files_keys[id(files)] = (files, digest.hexdigest())
    return known[1]


def _source_digest(module: str) -> str:
    """The source of a module of the project (not an installed package: versions cover those)."""
    found = sys.modules.get(module)
    path = Path(getattr(found, "__file__", "") or "")
    root = _state["root"]
    if root is None or not path.is_file() or ".venv" in path.parts \
            or "site-packages" in path.parts or root not in path.resolve().parents:
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stable(value: Any) -> str:
    """A repr that is the same in every process (no memory addresses)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{_stable(k)}:{_stable(v)}" for k, v in
                              sorted(value.items(), key=lambda kv: repr(kv[0]))) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return f"{type(value).__name__}[" + ",".join(_stable(v) for v in items) + "]"
    if callable(value):
        module = getattr(value, "__module__", "") or ""
        name = getattr(value, "__qualname__", type(value).__qualname__)
        return f"<{module}.{name} {_source_digest(module)}>"
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


def _config_key(config: Any) -> str:
    known = _config_keys.get(id(config))
    if known is None or known[0] is not config:
        digest = hashlib.sha256(FORMAT.encode())
        digest.update(Path(__file__).read_bytes())
        from handbook_site import highlight_cache

        digest.update(Path(highlight_cache.__file__).read_bytes())
        digest.update(sys.version.encode())
        for package in PACKAGES:
            digest.update(f"{package}={metadata.version(package)}".encode())
        for part in (config["markdown_extensions"], config["mdx_configs"],
                     dict(config["validation"]), config["use_directory_urls"],
                     config["site_url"]):
            digest.update(b"\0")
            digest.update(_stable(part).encode())
        _config_keys.clear()
        known = _config_keys[id(config)] = (config, digest.hexdigest())
    return known[1]


_INCLUDE = re.compile(r"""--8<--\s*(["'])(.+?)\1""")
_BLOCK_INCLUDE = re.compile(r"^\s*-{1,}8<-{1,}\s*$", re.MULTILINE)


def _included(markdown: str, config: Any) -> str:
    """The content of every file the page includes with pymdownx.snippets, nested includes too. A
    block-form include (a bare `--8<--` line) makes every file under the base paths count."""
    options = config["mdx_configs"].get("pymdownx.snippets", {})
    root = Path(config.config_file_path).parent
    bases = [root / b for b in options.get("base_path", ["."])]
    seen: dict[Path, str] = {}
    todo = [markdown]
    while todo:
        text = todo.pop()
        if "8<-" not in text:
            continue
        targets = [m.group(2).split(":")[0] for m in _INCLUDE.finditer(text)]
        if _BLOCK_INCLUDE.search(text):
            targets += [p.relative_to(b).as_posix() for b in bases if b.is_dir()
                        for p in b.rglob("*") if p.is_file()]
        for target in targets:
            for base in bases:
                path = base / target
                if path in seen or not path.is_file():
                    continue
                data = path.read_bytes()
                seen[path] = f"{path}|{hashlib.sha256(data).hexdigest()}"
                if path.suffix in (".md", ".txt", ".html"):
                    todo.append(data.decode("utf-8", "replace"))
                break
    return "\n".join(sorted(seen.values()))


def _key(page: Page, config: Any, files: Files) -> str:
    digest = hashlib.sha256()
    for part in (_config_key(config), page.markdown or "", _included(page.markdown or "", config),
                 page.file.src_uri, page.file.dest_uri, page.file.url, _files_key(files)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _load(key: str) -> _Rendered | None:
    folder = _state["dir"]
    if folder is None:
        return None
    path = folder / f"{key}.pickle"
    try:
        with path.open("rb") as stored:
            found = pickle.load(stored)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(found, _Rendered):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept by the clean-up
    stats["disk hits"] += 1
    return found


def _store(key: str, rendered: _Rendered) -> None:
    folder = _state["dir"]
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{key}.{os.getpid()}.tmp"
        with partial.open("wb") as out:
            pickle.dump(rendered, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, folder / f"{key}.pickle")
    except OSError:
        pass


def clean_up() -> None:
    """Remove stored conversions no build used for a week."""
    folder = _state["dir"]
    if folder is None or not folder.is_dir():
        return
    limit = time.time() - KEEP_S
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass


def _restore(page: Page, hit: _Rendered, files: Files) -> None:
    import copy

    # plugins edit the TOC in place (Material's tags listings): a copy each time
    page.content, page.toc = hit.content, copy.deepcopy(hit.toc)
    page._title_from_render = hit.title
    page.present_anchor_ids = set(hit.anchors) if hit.anchors is not None else None
    if hit.links is not None:
        page.links_to_anchors = {
            linked: dict(anchors) for uri, anchors in hit.links.items()
            if (linked := files.get_file_from_path(uri)) is not None}
    for name, level, message in hit.logged:
        logging.getLogger(name).log(level, "%s", message)


def installed() -> bool:
    return hasattr(Page.render, "__wrapped__")


def install(root: Path, cache_dir: Path | None) -> None:
    """Wrap Page.render (idempotent); `cache_dir` None keeps conversions in memory only. Pages
    whose render is replaced per instance (notebooks, by mkdocs-jupyter, which caches them
    itself) are not converted through this cache."""
    _state["root"], _state["dir"] = root.resolve(), cache_dir
    if hasattr(Page.render, "__wrapped__"):
        return
    original = Page.render

    def render(self: Page, config: Any, files: Files) -> None:
        key = _key(self, config, files)
        hit = _memory.get(key) or _load(key)
        if hit is not None:
            stats["hits"] += 1
            _memory[key] = hit
            _restore(self, hit, files)
            return
        stats["misses"] += 1
        records = _Records()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(records)
        try:
            original(self, config, files)
        finally:
            logger.removeHandler(records)
        if any(r.levelno >= logging.WARNING for r in records.records):
            return  # converted (and warned) again next time
        if len(_memory) >= LIMIT:
            _memory.clear()
        import copy

        links = self.links_to_anchors
        rendered = _Rendered(
            self.content or "", copy.deepcopy(self.toc), self._title_from_render,
            set(self.present_anchor_ids) if self.present_anchor_ids is not None else None,
            {f.src_uri: dict(a) for f, a in links.items()} if links is not None else None,
            [(r.name, r.levelno, r.getMessage()) for r in records.records])
        _memory[key] = rendered
        _store(key, rendered)

    render.__wrapped__ = original  # type: ignore[attr-defined]
    Page.render = render  # type: ignore[method-assign]

"""`mkdocs serve`: the site directory is updated in place instead of emptied and written again.

MkDocs empties the site directory before every rebuild, then writes every page and copies every
static file (Pyodide's 10 MB among them) again, though a save changes a few. Here, in `mkdocs
serve` only: the directory is not emptied; a page or generated file whose bytes equal what this
process last wrote there, still there untouched (same size and modification time: a plugin that
rewrote it after, such as search_tuning, gets it written afresh), is not written again; a static
file is not copied again while its copy has the same size and is newer than the source; and after
the build, a file MkDocs wrote in an earlier rebuild but not in this one (a page renamed or
deleted) is removed. Files other plugins write by other means are theirs to rewrite, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.structure.files import File

_state: dict[str, Any] = {"site": None, "digests": {}, "this": set(), "before": set()}


def _ours(path: str) -> bool:
    site = _state["site"]
    return site is not None and path.startswith(site + os.sep)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _fresh_copy(source: str, copy: str) -> bool:
    theirs, ours = _stamp(source), _stamp(copy)
    return bool(theirs and ours and ours[1] == theirs[1] and ours[0] >= theirs[0])


def install(site_dir: str) -> None:
    """Idempotent; `site_dir` is the serve's temporary directory."""
    _state["site"] = str(Path(site_dir).resolve())
    if hasattr(utils.write_file, "__wrapped__"):
        return
    clean, write, copy = utils.clean_directory, utils.write_file, File.copy_file

    def clean_directory(directory: str) -> None:
        if str(Path(directory).resolve()) != _state["site"]:
            clean(directory)
            return
        _state["before"], _state["this"] = _state["before"] | _state["this"], set()

    def write_file(content: bytes, output_path: str) -> None:
        path = os.path.abspath(output_path)
        if _ours(path):
            digest = hashlib.blake2b(content, digest_size=16).digest()
            _state["this"].add(path)
            if _state["digests"].get(path) == (digest, _stamp(path)):
                return
            write(content, output_path)
            _state["digests"][path] = (digest, _stamp(path))
            return
        write(content, output_path)

    def copy_file(self: File, dirty: bool = False) -> None:
        path = os.path.abspath(self.abs_dest_path)
        if not _ours(path):
            copy(self, dirty)
        elif self._content is None:
            _state["this"].add(path)
            if not _fresh_copy(str(self.abs_src_path), path):
                copy(self)
        else:
            data = self._content.encode() if isinstance(self._content, str) else self._content
            write_file(data, path)

    clean_directory.__wrapped__ = clean  # type: ignore[attr-defined]
    write_file.__wrapped__ = write  # type: ignore[attr-defined]
    utils.clean_directory, utils.write_file = clean_directory, write_file
    File.copy_file = copy_file  # type: ignore[method-assign]


def remove_stale() -> None:
    """After a build: files MkDocs wrote before but not in this build."""
    for path in _state["before"] - _state["this"]:
        _state["digests"].pop(path, None)
        with contextlib.suppress(OSError):
            os.remove(path)
    _state["before"] = set()

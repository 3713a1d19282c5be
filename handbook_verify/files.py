"""File contents remembered by the file's size and modification time.

`mkdocs serve` runs every hook again on each save, and each reads the same pages, samples and
seeds again; a file is read (and decoded) again only when its stat changed. Callers treat what
they get as read-only.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path


def data(path: Path) -> bytes:
    stat = os.stat(path)
    return _data(str(path), stat.st_mtime_ns, stat.st_size)


def text(path: Path) -> str:
    stat = os.stat(path)
    return _text(str(path), stat.st_mtime_ns, stat.st_size)


def lines(path: Path) -> tuple[str, ...]:
    stat = os.stat(path)
    return _lines(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=2048)
def _data(path: str, mtime_ns: int, size: int) -> bytes:
    return Path(path).read_bytes()


@functools.lru_cache(maxsize=2048)
def _text(path: str, mtime_ns: int, size: int) -> str:
    return _data(path, mtime_ns, size).decode("utf-8")


@functools.lru_cache(maxsize=64)
def _lines(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    return tuple(_text(path, mtime_ns, size).splitlines())

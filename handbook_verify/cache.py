"""Results cache, keyed by everything that can change a result.

The key covers only what can change a result: the sample's bytes, the local modules it imports
(recursively, from its own folder and snippets/_support), sibling files it names, its expected
output file, the engine code that runs and judges it (RUNNER_FILES and the module of its check), the
interpreter, every installed distribution's version, and the services with their versions. Page
generators, reports and templates are not in it: editing them re-runs nothing. Only passing results
are stored, so a failure is always re-run.
"""

from __future__ import annotations

import ast
import contextlib
import fcntl
import hashlib
import json
import os
import sys
import sysconfig
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from . import files
from .model import Result, Sample

ENGINE_DIR = Path(__file__).parent
# The engine code that decides a sample's result (each check's own module is added per sample).
RUNNER_FILES = ("runner.py", "cache.py", "claims.py", "metadata.py", "model.py", "discover.py",
                "services.py", "sandbox.py", "checks/__init__.py", "checks/base.py",
                "checks/output.py")


def default_dir(root: Path) -> Path:
    return Path(os.environ.get("HANDBOOK_VERIFY_CACHE", root / ".cache" / "verify"))


@cache
def environment_fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    # The installed packages, from site-packages only: sys.path differs between processes (MkDocs
    # puts the project folder on it, whose egg-info would otherwise count as another package).
    where = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions(path=where))
    digest.update("\n".join(dists).encode())
    for name in RUNNER_FILES:
        digest.update((ENGINE_DIR / name).read_bytes())
    from .sandbox import profile  # a result holds only under the isolation it ran with

    digest.update(profile().describe().encode())
    return digest.hexdigest()


@cache
def check_fingerprint(check: str) -> str:
    """The source of the module that implements `check` (e.g. checks/sql.py for "sql")."""
    from .checks import CHECKERS

    module = sys.modules[CHECKERS[check].__module__]
    return hashlib.sha256(Path(module.__file__ or "").read_bytes()).hexdigest()


@lru_cache(maxsize=8192)
def _imported_modules(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    """Top-level names of the absolute imports of a Python file (remembered per file version:
    `mkdocs serve` computes every sample's key on each save)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, OSError):
        return ()
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module.split(".")[0])
    return tuple(names)


def local_imports(path: Path, search: list[Path]) -> list[Path]:
    """Files under `search` that a Python file imports, directly or through each other."""
    seen: dict[Path, None] = {}
    todo = [path]
    while todo:
        current = todo.pop()
        try:
            stat = current.stat()
        except OSError:
            continue
        for top in _imported_modules(current, stat.st_mtime_ns, stat.st_size):
            for folder in search:
                for candidate in (folder / f"{top}.py", folder / top / "__init__.py"):
                    if candidate.is_file() and candidate not in seen and candidate != path:
                        seen[candidate] = None
                        todo.append(candidate)
    return sorted(seen)


def named_siblings(path: Path) -> list[Path]:
    """Files next to a sample that it names in its source (a Lua script it loads, a fixture)."""
    source = files.data(path).decode("utf-8", errors="replace")
    return [p for p in sorted(path.parent.iterdir())
            if p.is_file() and p != path and p.name in source]


_DEPENDENCIES: dict[tuple, tuple[tuple, tuple[Path, ...]]] = {}


def _stamps(paths: list[Path]) -> tuple:
    def stamp(path: Path) -> tuple[int, int] | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    return tuple(stamp(p) for p in paths)


def dependencies(sample: Sample, snippets_dir: Path) -> list[Path]:
    """The files a sample's result depends on; remembered while the sample, its folder,
    snippets/_support and every file found keep their stat (`mkdocs serve` asks on each save)."""
    watched = [sample.path, sample.path.parent, snippets_dir / "_support"]
    memo = (sample.path, sample.check, sample.meta.expected)
    known = _DEPENDENCIES.get(memo)
    if known is not None and known[0] == _stamps([*watched, *known[1]]):
        return list(known[1])
    deps = _find_dependencies(sample, snippets_dir)
    _DEPENDENCIES[memo] = (_stamps([*watched, *deps]), tuple(deps))
    return deps


def _find_dependencies(sample: Sample, snippets_dir: Path) -> list[Path]:
    deps = [sample.path, *named_siblings(sample.path)]
    if sample.path.suffix == ".py":
        deps += local_imports(sample.path, [sample.path.parent, snippets_dir / "_support"])
        conftest = sample.path.parent / "conftest.py"
        if sample.check == "pytest" and conftest.is_file():
            deps.append(conftest)
    if sample.meta.expected:
        deps.append(sample.path.parent / sample.meta.expected)
    return deps


def cache_key(sample: Sample, snippets_dir: Path, services: str) -> str:
    digest = hashlib.sha256(environment_fingerprint().encode())
    digest.update(f"{sample.check}|{check_fingerprint(sample.check)}|{services}".encode())
    for dep in dependencies(sample, snippets_dir):
        digest.update(dep.as_posix().encode())
        digest.update(files.data(dep) if dep.is_file() else b"<missing>")
    return digest.hexdigest()


class ResultCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def get(self, key: str) -> Result | None:
        if self.directory is None:
            return None
        entry = self.directory / f"{key}.json"
        try:
            result = Result.from_json(json.loads(entry.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None
        result.cached = True
        return result

    def get_or_run(self, key: str, run: Callable[[], Result]) -> Result:
        """The stored result, else `run()`'s, stored. Verifiers at work at once (a build beside
        the test suite's per-sample tests, two builds) each take the sample's lock first, so no
        sample runs twice: the second waits for the first and takes its result."""
        if (found := self.get(key)) is not None:
            return found
        if self.directory is None:
            return run()
        running = self.directory / "running"
        running.mkdir(parents=True, exist_ok=True)
        with open(running / key, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if (found := self.get(key)) is None:
                    found = run()
                    self.put(key, found)
            finally:
                with contextlib.suppress(OSError):
                    (running / key).unlink()  # a waiter still holds it; a newcomer finds the result
        return found

    def put(self, key: str, result: Result) -> None:
        if self.directory is None or result.status == "failed":
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        entry = self.directory / f"{key}.json"
        partial = entry.with_suffix(".tmp")
        partial.write_text(json.dumps(result.to_json()), encoding="utf-8")
        partial.replace(entry)  # atomic: a concurrent build never reads half an entry

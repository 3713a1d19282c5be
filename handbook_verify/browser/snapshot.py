"""The memory snapshot the reader's browser starts Python from (issue 17: first Run <= 5 s).

snapshot.mjs loads the pinned Pyodide under Node as node_runner.mjs does (same env, harness.py
imported) and saves its WebAssembly memory, gzipped; hooks/browser_run.py serves it as
assets/pyodide/snapshot.gz and docs/assets/javascripts/run-worker.js restores it. Kept apart from
qualify.py, whose own text keys the qualification cache. Plain Python API, no MkDocs.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from pathlib import Path

from ..cache import default_dir
from .qualify import HERE, RUNTIME_FILES, Runtime, find_runtime

_SNAPSHOT_KEYS: dict[tuple, str] = {}  # per process: `mkdocs serve` rebuilds often
SNAPSHOT_NAME = "snapshot.gz"  # served as assets/pyodide/snapshot.gz (docs/.../run-worker.js)
SNAPSHOT_TIMEOUT_S = 600.0


def _snapshot_key(runtime: Runtime) -> str:
    inputs = (HERE / "snapshot.mjs", *(HERE / n for n in RUNTIME_FILES),
              runtime.pyodide_dir / "pyodide.asm.wasm", Path(runtime.node))
    stamp = (runtime.label, *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in inputs))
    if stamp not in _SNAPSHOT_KEYS:
        node_version = subprocess.run([runtime.node, "--version"], capture_output=True,
                                      text=True).stdout.strip()
        digest = hashlib.sha256(f"{runtime.label}|{node_version}".encode())
        for path in inputs[:-1]:
            digest.update(path.read_bytes())
        _SNAPSHOT_KEYS[stamp] = digest.hexdigest()[:24]
    return _SNAPSHOT_KEYS[stamp]


def snapshot(root: Path, *, make: bool = True) -> tuple[Path | None, str]:
    """The gzipped memory snapshot the browser starts Python from (snapshot.mjs): Pyodide
    initialised and harness.py imported, as node_runner.mjs leaves it before the first job.
    Cached by content (Pyodide's version, Node's, snapshot.mjs and the runtime files); made
    only when `make` (a build that runs samples), else taken from the cache. Returns the file,
    or None and why not (the browser then starts Python the ordinary way, a few seconds slower).
    """
    root = root.resolve()
    runtime, why = find_runtime(root)
    if runtime is None:
        return None, why
    target = default_dir(root) / "browser" / f"snapshot-{_snapshot_key(runtime)}.gz"
    if target.is_file():
        return target, ""
    if not make:
        return None, "no snapshot in the cache (made by a build that runs the samples)"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run([runtime.node, str(HERE / "snapshot.mjs"), str(runtime.pyodide_dir),
                               str(target)], capture_output=True, text=True,
                              timeout=SNAPSHOT_TIMEOUT_S,
                              env={"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
                                   "TZ": "UTC", "HOME": tempfile.gettempdir()})
    except subprocess.TimeoutExpired:
        return None, f"making the snapshot took over {SNAPSHOT_TIMEOUT_S:g} s"
    if done.returncode != 0 or not target.is_file():
        return None, "making the snapshot failed: " + (done.stderr.strip()[-300:] or "no output")
    return target, ""

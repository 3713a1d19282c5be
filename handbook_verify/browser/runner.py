"""How node_runner.mjs is started in the sandbox: for a build's batches (qualify.py) and for the
process a `mkdocs serve` session keeps (session.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import sandbox

if TYPE_CHECKING:
    from .qualify import Runtime

HERE = Path(__file__).parent
LIMITS = sandbox.Limits(memory=sandbox.parse_size("8G"))  # Pyodide reserves WebAssembly memory


@dataclass(frozen=True)
class Invocation:
    argv: list[str]
    env: dict[str, str]
    read_only: list[Path]


def invocation(runtime: Runtime, jobs: str, memory: Path | None, workdir: Path) -> Invocation:
    """`jobs`: a jobs file, or "-" for stdin; `memory`: the snapshot Python starts from."""
    snapshot = [memory] if memory else []
    return Invocation(
        argv=[runtime.node, str(HERE / "node_runner.mjs"), str(runtime.pyodide_dir), jobs,
              *map(str, snapshot)],
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(workdir), "LANG": "C.UTF-8",
             "TZ": "UTC"},
        read_only=[HERE, runtime.pyodide_dir, *snapshot])

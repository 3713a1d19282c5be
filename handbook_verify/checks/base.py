"""What every check receives and returns, and the sandboxed subprocess they share."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import sandbox
from ..model import Problem, Sample

VENV_BIN = Path(sys.executable).parent


@dataclass
class Context:
    sample: Sample
    snippets_dir: Path
    workdir: Path  # a fresh temporary directory, removed after the check
    service_env: dict[str, str]
    versions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # Python, services
    slot: int = 0  # the worker slot: its own Redis server and, as root, its own sandbox uid
    service_paths: list[Path] = field(default_factory=list)  # socket dirs bound into the sandbox

    @property
    def where(self) -> str:
        return f"snippets/{self.sample.rel}"

    def problem(self, reason: str, *, line: int = 0, detail: str = "", hint: str = "") -> Problem:
        where = f"{self.where}:{line}" if line else self.where
        return Problem(where, reason, detail, hint, page=self.sample.first_page)

    def clean_env(self) -> dict[str, str]:
        """A minimal, reproducible environment: nothing leaks in from the builder's shell."""
        support = self.snippets_dir / "_support"
        env = {
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.workdir),
            "TMPDIR": str(self.workdir),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
            "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": os.pathsep.join([str(self.sample.path.parent), str(support)]),
            "NO_COLOR": "1",
            "COLUMNS": "100",
        }
        env.update(self.service_env)
        return env


@dataclass
class Outcome:
    label: str  # the check as readers see it, e.g. "ran with Python 3.11.7"
    output: str = ""
    problems: list[Problem] = field(default_factory=list)
    claims: int = 0
    artifacts: dict[str, str] = field(default_factory=dict)
    executed: bool = True  # False: only checked (syntax, lint) with a stated reason
    other_versions: list[str] = field(default_factory=list)  # qualifiers of unchecked claims


@dataclass
class Completed:
    returncode: int | None  # None: killed at the timeout or past the output cap
    stdout: str
    stderr: str
    seconds: float
    exceeded: str = ""  # the limit that stopped it ("output", "memory", ...); "" if none
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)


def run_sandboxed(ctx: Context, argv: list[str]) -> Completed:
    """Run argv in the sample's temp dir with a clean env, inside the sandbox (handbook_verify/
    sandbox.py: no network, read-only filesystem, own PID namespace, limits, capped output); on
    timeout or past the output cap, kill everything it started."""
    meta = ctx.sample.meta
    read_only = [ctx.snippets_dir, ctx.sample.path.parent, Path(sys.prefix), *ctx.service_paths]
    done = sandbox.run(argv, workdir=ctx.workdir, env=ctx.clean_env(), read_only=read_only,
                       slot=ctx.slot, limits=sandbox.limits_from(meta.limits),
                       timeout=meta.timeout)
    return Completed(done.returncode, done.stdout, done.stderr, done.seconds, done.exceeded,
                     done.limits)


def tail(text: str, lines: int = 15) -> str:
    rows = text.rstrip().splitlines()
    return "\n".join(rows[-lines:])

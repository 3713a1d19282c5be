"""What every check receives and returns, and the sandboxed subprocess they share."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Problem, Sample

VENV_BIN = Path(sys.executable).parent


@dataclass
class Context:
    sample: Sample
    snippets_dir: Path
    workdir: Path  # a fresh temporary directory, removed after the check
    service_env: dict[str, str]
    versions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # Python, services

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
        env.update(self.sample.meta.env)
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
    returncode: int | None  # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float


def run_sandboxed(ctx: Context, argv: list[str]) -> Completed:
    """Run argv in the sample's temp dir, clean env; on timeout kill its whole process group."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        cwd=ctx.workdir,
        env=ctx.clean_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=ctx.sample.meta.timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        code = None
    finally:
        # Nothing a sample started may outlive it (servers, workers, stray children).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    return Completed(code, stdout, stderr, time.perf_counter() - start)


def tail(text: str, lines: int = 15) -> str:
    rows = text.rstrip().splitlines()
    return "\n".join(rows[-lines:])

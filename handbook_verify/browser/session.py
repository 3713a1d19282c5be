"""One Node process with Pyodide started, kept for a `mkdocs serve` session.

A build qualifies its samples in batches (qualify._run_batch): Node starts, Python is restored
from the memory snapshot (~1 s), the jobs run, the process ends. In `mkdocs serve` a saved sample
is one job, so that start was most of its wait. A session starts the same runner, in the same
sandbox, once; each job goes to its stdin and its answer is read from stdout. A job that does not
answer in its time, or a process that dies, ends the session: the caller runs that job in a
batch of its own (which reports Node's stderr) and the next job starts a new process.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .. import sandbox

if TYPE_CHECKING:
    from .qualify import Job, Runtime

HERE = Path(__file__).parent
READY_S = 60.0  # Node and Python starting
LIFETIME_S = 6 * 3600.0  # the CPU limit of the process (a serve session's samples together)


class NodeSession:
    """Every call runs in the session's own thread: the sandbox dies with the thread that started
    it (bubblewrap's --die-with-parent follows the parent thread), and a build's threads end."""

    def __init__(self, runtime: Runtime, memory: Path | None, slot: int) -> None:
        self.runtime, self.memory, self.slot = runtime, memory, slot
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyodide-session")
        self._proc: subprocess.Popen[bytes] | None = None
        self._workdir: Path | None = None
        self._pending = b""

    def warm(self) -> None:
        """Start the process now (in the background of the first build), not on the first save."""
        self._thread.submit(self._ensure)

    def run(self, jobs: Iterable[Job]) -> dict[str, dict]:
        """Answers by job key; a job missing from them did not finish here (see the module)."""
        return self._thread.submit(self._run, list(jobs)).result()

    def close(self) -> None:
        self._thread.submit(self._stop).result()
        self._thread.shutdown()

    def _run(self, jobs: list[Job]) -> dict[str, dict]:
        answers: dict[str, dict] = {}
        for job in jobs:
            answer = self._ensure() and self._ask(job)
            if not answer:
                self._stop()
                break
            answers[job.key] = answer
        return answers

    # -- the process ----------------------------------------------------------------------------
    def _ensure(self) -> bool:
        if self._proc is not None and self._proc.poll() is None:
            return True
        self._stop()
        workdir = Path(tempfile.mkdtemp(prefix="pyodide-session-"))
        os.chmod(workdir, 0o755)
        owner = sandbox.owner_for(self.slot)
        if owner is not None:
            os.chown(workdir, owner, owner)
        memory = [self.memory] if self.memory else []
        argv = [self.runtime.node, str(HERE / "node_runner.mjs"), str(self.runtime.pyodide_dir),
                "-", *map(str, memory)]
        limits = sandbox.Limits(memory=sandbox.parse_size("8G"))
        cmd = sandbox.command(argv, workdir=workdir, read_only=[HERE, self.runtime.pyodide_dir,
                                                                *memory],
                              slot=self.slot, limits=limits, timeout=LIFETIME_S / 2)
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(workdir), "LANG": "C.UTF-8",
               "TZ": "UTC"}
        self._workdir, self._pending = workdir, b""
        self._proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                      start_new_session=True)
        ready = self._answer(lambda data: "ready" in data, READY_S)
        return ready is not None

    def _ask(self, job: Job) -> dict | None:
        assert self._proc is not None and self._proc.stdin is not None
        line = json.dumps({"id": job.key, "kind": job.kind, "files": job.files,
                           "main": job.main}) + "\n"
        try:
            self._proc.stdin.write(line.encode())
            self._proc.stdin.flush()
        except OSError:
            return None
        return self._answer(lambda data: data.get("id") == job.key, job.timeout)

    def _answer(self, wanted, timeout: float) -> dict | None:
        """The first JSON line from the process that `wanted` accepts, within `timeout`."""
        assert self._proc is not None and self._proc.stdout is not None
        stdout: IO[bytes] = self._proc.stdout
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while True:
                while b"\n" in self._pending:
                    line, _, self._pending = self._pending.partition(b"\n")
                    with contextlib.suppress(ValueError):
                        data = json.loads(line)
                        if isinstance(data, dict) and wanted(data):
                            return data
                left = deadline - time.monotonic()
                if left <= 0 or len(self._pending) > sandbox.Limits().output:
                    return None
                if selector.select(left):
                    chunk = os.read(stdout.fileno(), 1 << 16)
                    if not chunk:
                        return None  # the process ended
                    self._pending += chunk

    def _stop(self) -> None:
        if self._proc is not None:
            sandbox.kill_everything(self._proc, self.slot)
            self._proc.wait()
            for stream in (self._proc.stdin, self._proc.stdout):
                with contextlib.suppress(OSError):
                    stream.close()  # type: ignore[union-attr]
            self._proc = None
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

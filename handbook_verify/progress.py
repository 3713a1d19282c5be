"""Progress of a verification run, as it goes: one live line on a terminal, and on anything else
(CI logs, files) a count every `every` seconds, so a long cold run is never silent."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from .model import Result


class Progress:
    def __init__(self, *, stream: TextIO | None = None, every: float = 10.0,
                 log: Callable[[str], None] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every
        self.log = log or (lambda text: print(text, file=self.stream, flush=True))
        self.total = self.done = self.failed = 0
        self.started = self.last = time.monotonic()
        self._lock = threading.Lock()

    def planned(self, total: int) -> None:
        """Called once, with the number of samples that will run (not those from the cache)."""
        self.total = total
        self.started = self.last = time.monotonic()
        if total and not self.live:
            self.log(f"Verifying samples: {total} to run")

    def __call__(self, result: Result) -> None:
        with self._lock:
            self.done += 1
            self.failed += result.status == "failed"
            now = time.monotonic()
            if self.live:
                self.stream.write(f"\r\033[K{self._line(now)} · {result.sample}"[:200])
                self.stream.flush()
            elif now - self.last >= self.every or self.done == self.total:
                self.last = now
                self.log(self._line(now))

    def _line(self, now: float) -> str:
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"Verifying samples: {self.done}/{self.total} run{failed} "
                f"({now - self.started:.0f} s)")

    def close(self) -> None:
        """Clear the live line (the caller prints the summary)."""
        if self.live and self.total:
            self.stream.write("\r\033[K")
            self.stream.flush()

"""The sandbox's cost per sample: median wall time of a trivial sample run through
handbook_verify.sandbox.run versus a plain subprocess (target: ≤ 20 ms). `make bench` prints it;
`python scripts/sandbox_overhead.py` measures only this."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRIVIAL = [sys.executable, "-c", "print('hello')"]


def sandbox_overhead(rounds: int = 25) -> tuple[float, float, str]:
    """(median plain ms, median sandboxed ms, isolation in force)."""
    sys.path.insert(0, str(ROOT))
    from handbook_verify import sandbox

    plain, boxed = [], []
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    with tempfile.TemporaryDirectory(prefix="sandbox-bench-") as tmp:
        workdir = Path(tmp)
        sandbox.run(TRIVIAL, workdir=workdir, env=env, read_only=[], slot=0,
                    limits=sandbox.Limits(), timeout=30)  # probes, uid lock
        for _ in range(rounds):  # interleaved: load changes hit both alike
            started = time.perf_counter()
            subprocess.run(TRIVIAL, cwd=workdir, env=env, capture_output=True, check=True)
            plain.append(time.perf_counter() - started)
            done = sandbox.run(TRIVIAL, workdir=workdir, env=env, read_only=[], slot=0,
                               limits=sandbox.Limits(), timeout=30)
            assert done.returncode == 0, done.stderr
            boxed.append(done.seconds)
    return (statistics.median(plain) * 1000, statistics.median(boxed) * 1000,
            sandbox.profile().mechanism)


def report() -> None:
    plain_ms, boxed_ms, mechanism = sandbox_overhead()
    print(f"\nsandbox ({mechanism}): trivial sample {boxed_ms:.1f} ms vs plain subprocess "
          f"{plain_ms:.1f} ms: median overhead {boxed_ms - plain_ms:.1f} ms per sample "
          "(target ≤ 20 ms)")


if __name__ == "__main__":
    report()

"""Search typing latency in chromium on a built site (part of `make bench`; issue 15's target:
results within 100 ms of a keystroke, median). Usage: bench_search.py SITE_DIR"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import serve  # the tests' server and chromium flags
from test_browser_search import typing_latencies

TARGET_MS = 100


def report(site: Path) -> None:
    with serve(site) as url:
        latencies = typing_latencies(url)
    median = statistics.median(latencies)
    p95 = latencies[int(len(latencies) * 0.95)]
    print(f"\nsearch typing latency ({len(latencies)} keystrokes): median {median:.0f} ms, "
          f"p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms (target: median ≤ {TARGET_MS} ms: "
          f"{'met' if median <= TARGET_MS else 'NOT met'})")


if __name__ == "__main__":
    report(Path(sys.argv[1]))

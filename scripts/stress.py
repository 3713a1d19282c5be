"""Stress mode (`make stress`): N oversubscribed, uncached runs of every sample; prints each
sample's failure count. A sample that fails even once has a timing- or order-dependent claim.
Each run's line gives its wall seconds and the load average (1 min) at its start and end, so
the summary says how loaded the machine was.

    python scripts/stress.py [--runs 10] [--jobs 6] [paths…]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=6, help="parallel samples (oversubscribed)")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    failures: Counter[str] = Counter()
    failed_runs = 0
    durations: list[float] = []
    loads: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(1, args.runs + 1):
            report = Path(tmp) / f"run-{run}.json"
            load_before, started = os.getloadavg()[0], time.monotonic()
            done = subprocess.run(
                [sys.executable, "-m", "handbook_verify", "run", "--no-cache", "--jobs",
                 str(args.jobs), "--json", str(report), *args.paths],
                cwd=ROOT, capture_output=True, text=True)
            seconds, load_after = time.monotonic() - started, os.getloadavg()[0]
            durations.append(seconds)
            loads += [load_before, load_after]
            timing = f"{seconds:.0f} s, load {load_before:.1f} -> {load_after:.1f}"
            if not report.exists():
                print(f"run {run} ({timing}): the verifier itself failed:\n{done.stderr[-2000:]}")
                failed_runs += 1
                continue
            data = json.loads(report.read_text(encoding="utf-8"))
            failed = [s["file"] for s in data["samples"] if s["status"] == "failed"]
            failures.update(failed)
            failed_runs += bool(failed) or done.returncode != 0
            print(f"run {run}/{args.runs} ({timing}): {data['summary']}"
                  + (f"; failed: {', '.join(failed)}" if failed else ""), flush=True)
            for sample in data["samples"]:  # why, so a rare failure can be fixed from the log
                for problem in sample["problems"] if sample["status"] == "failed" else ():
                    rows = problem.splitlines()  # rendered: where, reason, detail, hint
                    print("\n".join(f"    {row}" for row in rows[:40]), flush=True)
    print(f"\n{failed_runs} of {args.runs} runs had failures; run time {min(durations):.0f}-"
          f"{max(durations):.0f} s (total {sum(durations) / 60:.1f} min), load average "
          f"{min(loads):.1f}-{max(loads):.1f}")
    for sample, count in failures.most_common():
        print(f"{count:3d}/{args.runs}  {sample}")
    return 1 if failed_runs else 0


if __name__ == "__main__":
    sys.exit(main())

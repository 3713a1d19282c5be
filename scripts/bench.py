"""Build-time benchmark: cold, warm, one snippet touched, and verification disabled.

Works on a copy of the project (the repository tree is never modified) with a private cache.
Prints seconds and the ratios the project tracks: warm/disabled (target <= 1.5) and
cold/disabled, plus how many samples a one-snippet change re-ran (target: 1).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOUCHED = "core-python/memory-management/refcount_basics.py"


def build(project: Path, label: str, **env: str) -> tuple[float, int | None]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / f"site-{label}")],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{label} build failed:\n{done.stderr[-3000:]}")
    executed = re.search(r"; (\d+) executed", done.stderr)
    return seconds, int(executed.group(1)) if executed else None


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        for name in ("mkdocs.yml", "docs", "snippets", "hooks", "handbook_verify"):
            source = ROOT / name
            copy = shutil.copytree if source.is_dir() else shutil.copy2
            copy(source, project / name)
        cache = {"HANDBOOK_VERIFY_CACHE": str(Path(tmp) / "cache")}
        rows: dict[str, tuple[float, int | None]] = {}
        build(project, "warmup", HANDBOOK_VERIFY="0")  # imports, notebooks: same for all
        rows["disabled"] = build(project, "disabled", HANDBOOK_VERIFY="0")
        rows["cold"] = build(project, "cold", **cache)
        rows["warm"] = build(project, "warm", **cache)
        sample = project / "snippets" / TOUCHED
        sample.write_text(sample.read_text() + "# touched by the benchmark\n")
        rows["one touched"] = build(project, "touched", **cache)

        report = json.loads((project / "site-cold" / "verification.json").read_text())
        runs = [s["duration_s"] for s in report["samples"]]
        ideal = sum(runs) / (os.cpu_count() or 1)

    base = rows["disabled"][0]
    print(f"{'build':<14}{'seconds':>9}{'× disabled':>12}{'samples run':>13}")
    for label, (seconds, executed) in rows.items():
        ran = "—" if executed is None else str(executed)
        print(f"{label:<14}{seconds:>9.2f}{seconds / base:>11.2f}×{ran:>13}")
    print(f"\n{len(runs)} samples; their own run time {sum(runs):.1f} s, ideal on "
          f"{os.cpu_count()} cores {ideal:.1f} s; cold verification overhead "
          f"{rows['cold'][0] - base:.1f} s")
    print(f"warm/disabled = {rows['warm'][0] / base:.2f} (target ≤ 1.5); "
          f"cold/disabled = {rows['cold'][0] / base:.2f}; "
          f"one touched snippet re-ran {rows['one touched'][1]} sample(s) (target 1)")


if __name__ == "__main__":
    main()

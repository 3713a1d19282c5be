# /// verify
# services = ["postgres"]
# timeout = 60
# ///
"""Runs test_parallel_schemas.py on two pytest-xdist workers (site addition)."""

from pathlib import Path

tests = Path(__file__).with_name("test_parallel_schemas.py")

# --8<-- [start:demo]
import subprocess
import sys

result = subprocess.run(
    [sys.executable, "-m", "pytest", "-n", "2", "-p", "no:cacheprovider", str(tests)],
    capture_output=True, text=True,
)
for line in result.stdout.splitlines():
    if "workers" in line or "passed" in line or "failed" in line:
        print(line)
# Output: created: 2/2 workers
# Output: 2 workers [4 items]
# Output: ... 4 passed in ...
# --8<-- [end:demo]
sys.exit(result.returncode)

"""Site addition: the handbook's module-level ProcessPoolExecutor under each start method."""

# --8<-- [start:demo]
import subprocess
import sys
from pathlib import Path

# The handbook's Level 1 code, exactly as printed: the pool is created at module level
HANDBOOK_CODE = """\
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
import time
def compute_square(n):
    return n * n
# Executing across parallel processes bypasses the GIL
with ProcessPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(compute_square, range(10)))
print(results)
"""


def run_with_start_method(method: str) -> str:
    """Run the handbook's file as __main__ with `method` as the default start method."""
    Path("handbook_pool.py").write_text(HANDBOOK_CODE)
    runner = (
        "import multiprocessing as mp, runpy\n"
        f"mp.set_start_method({method!r})\n"
        "try:\n"
        "    runpy.run_path('handbook_pool.py', run_name='__main__')\n"
        "except Exception as exc:\n"
        "    print(f'failed: {type(exc).__name__}: {exc}')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", runner], capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip()  # the pool's results, or the error the parent got


for method in ("fork", "forkserver", "spawn"):
    print(f"{method}: {run_with_start_method(method)}")
# Output: fork: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
# Each forkserver/spawn worker re-imports the file, reaches the module-level pool and fails;
# how the parent learns of it depends on the version
# Output (Python 3.12-3.13): forkserver: failed: ...
# Output (Python 3.11): forkserver: failed: BrokenProcessPool: A process in the process pool...
# Output (Python 3.14+): forkserver: failed: ConnectionResetError: [Errno 104] Connection reset...
# Output: spawn: failed: BrokenProcessPool: A process in the process pool was terminated abruptly...
# --8<-- [end:demo]

"""The worker-count rule of gunicorn.conf.py, evaluated for a few containers (site addition)."""

import runpy
from pathlib import Path

config = runpy.run_path(str(Path(__file__).with_name("gunicorn.conf.py")))
worker_count = config["worker_count"]

# --8<-- [start:demo]
for limit_mb, cpus in [(None, 4), (4096, 4), (1024, 4), (256, 8)]:
    print(f"limit={limit_mb} MB, cpus={cpus}: workers={worker_count(limit_mb, cpus)}")
# Output: limit=None MB, cpus=4: workers=9
# Output: limit=4096 MB, cpus=4: workers=9
# Output: limit=1024 MB, cpus=4: workers=3
# Output: limit=256 MB, cpus=8: workers=1
# --8<-- [end:demo]

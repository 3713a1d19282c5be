# /// verify
# check = "gunicorn"
# app = "main:app"
# ///
# --8<-- [start:demo]
# gunicorn.conf.py — size the worker pool from the container's memory limit
import os
from pathlib import Path

WORKER_RSS_MB = 250  # measured peak RSS of one worker under load
HEADROOM = 0.75  # leave 25% of the limit for OS buffers and pymalloc arenas


def cgroup_memory_limit_mb() -> int | None:
    """The container's memory limit (cgroup v2, then v1), or None when unlimited."""
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            raw = Path(path).read_text().strip()
        except OSError:
            continue
        if raw != "max" and int(raw) < 2**60:  # v1 reports "unlimited" as a huge number
            return int(raw) // 2**20
    return None


def worker_count(limit_mb: int | None, cpus: int) -> int:
    by_cpu = 2 * cpus + 1
    if limit_mb is None:
        return by_cpu
    by_memory = int(limit_mb * HEADROOM) // WORKER_RSS_MB
    return max(1, min(by_cpu, by_memory))


bind = "0.0.0.0:8000"
worker_class = "uvicorn_worker.UvicornWorker"  # ASGI workers for FastAPI (`uvicorn-worker`)
workers = worker_count(cgroup_memory_limit_mb(), len(os.sched_getaffinity(0)))
# Recycle workers to return fragmented pymalloc arenas to the OS
max_requests = 1000
max_requests_jitter = 50
graceful_timeout = 25  # under Kubernetes' 30 s grace period; `docker stop` needs --time 30
# --8<-- [end:demo]

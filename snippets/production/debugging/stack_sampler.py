"""A statistical profiler in a few lines: what py-spy does, done from inside (site addition)."""

import threading

stop = threading.Event()


# --8<-- [start:workload]
import hashlib


# The "production" code: one request handler burning CPU
def compute_checksums(rows: list[bytes]) -> bytes:
    digest = b""
    for row in rows:
        digest = hashlib.sha256(digest + row).digest()
    return digest


def format_rows(count: int) -> list[bytes]:
    return [f"row-{i}".encode() for i in range(count)]


def render_report() -> None:
    rows = format_rows(2_000)
    for _ in range(20):
        compute_checksums(rows)


def handle_request() -> None:
    while not stop.is_set():
        render_report()
# --8<-- [end:workload]


# --8<-- [start:demo]
import sys
import threading
import time
from collections import Counter


def sample_stacks(thread_id: int, seconds: float, interval: float = 0.005) -> Counter[str]:
    """Every `interval`, record the thread's call stack: the more samples, the hotter."""
    stacks: Counter[str] = Counter()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        frame = sys._current_frames().get(thread_id)
        names = []
        while frame is not None:
            names.append(frame.f_code.co_name)
            frame = frame.f_back
        stacks[";".join(reversed(names))] += 1  # "collapsed stack" format, as flame graphs use
        time.sleep(interval)
    return stacks


worker = threading.Thread(target=handle_request, name="request-handler")
worker.start()
stacks = sample_stacks(worker.ident, seconds=0.5)
stop.set()
worker.join()

hottest, hits = stacks.most_common(1)[0]
print("hottest stack:", hottest)
# Output: hottest stack: ...;run;handle_request;render_report;compute_checksums
print(f"share of samples over 50%: {hits / stacks.total() > 0.5}")
# Output: share of samples over 50%: True
# --8<-- [end:demo]

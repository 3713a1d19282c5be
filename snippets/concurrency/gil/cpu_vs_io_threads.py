"""Site addition: threads overlap I/O waits but never run CPU-bound Python in parallel."""


# --8<-- [start:demo]
import time
from concurrent.futures import ThreadPoolExecutor


def fake_download(_: int) -> None:
    time.sleep(0.1)  # blocking I/O: CPython releases the GIL while waiting


def checksum(n: int) -> float:
    """Pure-Python CPU work (holds the GIL); returns the CPU seconds this thread used."""
    started = time.thread_time()
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return time.thread_time() - started


with ThreadPoolExecutor(max_workers=5) as pool:
    start = time.perf_counter()
    list(pool.map(fake_download, range(5)))
    io_wall = time.perf_counter() - start

    start = time.perf_counter()
    cpu_seconds = sum(pool.map(checksum, [400_000] * 4))
    cpu_wall = time.perf_counter() - start

# One after another, five 0.1 s waits take at least 0.5 s; threads overlap them
print(f"I/O-bound: 5 waits overlapped: {io_wall < 0.4}")
# Output: I/O-bound: 5 waits overlapped: True
# Four threads, yet their CPU seconds add up to no more than the wall-clock seconds:
# only one of them was ever running Python, so there was no parallel speedup to gain
print(f"CPU-bound: threads used at most one core: {cpu_seconds <= cpu_wall * 1.1}")
# Output: CPU-bound: threads used at most one core: True
# --8<-- [end:demo]

"""Site addition: threads speed up I/O-bound work but not CPU-bound work."""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor


def elapsed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


# --8<-- [start:demo]
def fake_download(_: int) -> None:
    time.sleep(0.1)  # blocking I/O: CPython releases the GIL while waiting


def checksum(n: int) -> int:  # pure-Python CPU work: holds the GIL
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total


with ThreadPoolExecutor(max_workers=5) as pool:
    io_serial = elapsed(lambda: [fake_download(i) for i in range(5)])
    io_threaded = elapsed(lambda: list(pool.map(fake_download, range(5))))

    jobs = [400_000, 400_000]
    # best of 3 runs each, so a noisy neighbour on the machine cannot skew one measurement
    cpu_serial = min(elapsed(lambda: [checksum(n) for n in jobs]) for _ in range(3))
    cpu_threaded = min(elapsed(lambda: list(pool.map(checksum, jobs))) for _ in range(3))

print(f"I/O-bound: threads >= 3x faster: {io_serial / io_threaded >= 3}")
# Output: I/O-bound: threads >= 3x faster: True
print(f"CPU-bound: threads >= 1.3x faster: {cpu_serial / cpu_threaded >= 1.3}")
# Output: CPU-bound: threads >= 1.3x faster: False
# --8<-- [end:demo]

"""Eager list vs lazy generator: same values, very different peak memory."""

import tracemalloc
from collections.abc import Callable, Iterable


# --8<-- [start:demo]
# Memory Heavy: Loads 10 million integers into RAM simultaneously
def fetch_ids_eager(limit):
    return [i for i in range(limit)]


# Memory Efficient: Yields one integer at a time O(1) memory
def fetch_ids_lazy(limit):
    for i in range(limit):  # noqa: UP028 (the explicit loop is the lesson)
        yield i


# --8<-- [end:demo]


def peak_bytes(make: Callable[[int], Iterable[int]], limit: int) -> tuple[int, int]:
    """Sum the ids while tracing allocations; return (total, peak bytes allocated)."""
    tracemalloc.start()
    total = sum(make(limit))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return total, peak


# --8<-- [start:usage]
import sys

LIMIT = 200_000  # 50x smaller than the comment above, so the sample stays fast

print(type(fetch_ids_lazy(LIMIT)).__name__)  # Output: generator
print(sys.getsizeof(fetch_ids_lazy(LIMIT)) < 500)  # Output: True

eager_total, eager_peak = peak_bytes(fetch_ids_eager, LIMIT)
lazy_total, lazy_peak = peak_bytes(fetch_ids_lazy, LIMIT)
print(eager_total == lazy_total)  # Output: True
print(f"eager peak > 5 MB: {eager_peak > 5_000_000}")  # Output: eager peak > 5 MB: True
print(f"lazy peak < 10 KB: {lazy_peak < 10_000}")  # Output: lazy peak < 10 KB: True
# --8<-- [end:usage]

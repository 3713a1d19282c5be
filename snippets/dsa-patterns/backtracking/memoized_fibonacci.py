# --8<-- [start:demo]
from functools import cache


# Optimized recursive metric calculation using auto-memoization
@cache
def compute_fibonacci_metric(n: int) -> int:
    if n <= 1:
        return n
    return compute_fibonacci_metric(n - 1) + compute_fibonacci_metric(n - 2)


print(compute_fibonacci_metric(90))  # Output: 2880067194370816120
# 91 distinct calls computed once each; every other call was answered from the cache.
print(compute_fibonacci_metric.cache_info())
# Output: CacheInfo(hits=88, misses=91, maxsize=None, currsize=91)
# --8<-- [end:demo]

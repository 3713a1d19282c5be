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

# --8<-- [start:depth]
# The cache removes repeated calls, not recursion depth: a cold call still nests n frames.
compute_fibonacci_metric.cache_clear()
try:
    compute_fibonacci_metric(5_000)
except RecursionError:
    print("cold cache, n=5,000: RecursionError")  # Output: cold cache, n=5,000: RecursionError

for n in range(5_001):  # warm it bottom-up: each call finds n-1 and n-2 cached
    compute_fibonacci_metric(n)
print(len(str(compute_fibonacci_metric(5_000))), "digits")  # Output: 1045 digits
# --8<-- [end:depth]

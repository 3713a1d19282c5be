# /// verify
# services = ["redis"]
# ///
"""The candidate's Redis claim, measured: atomic counters, sub-millisecond round trips."""


from services import redis_client

r = redis_client()

# --8<-- [start:demo]
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

KEY = "ratelimit:user:42:minute"  # one counter per client and time window


def hit(_: int) -> int:
    """One rate-limit check: INCR is atomic, so concurrent requests never lose a count."""
    with r.pipeline() as pipe:  # one round trip: INCR + EXPIRE (window of 60 s)
        count, _ = pipe.incr(KEY).expire(KEY, 60, nx=True).execute()
    return count


with ThreadPoolExecutor(max_workers=8) as pool:  # 8 concurrent "API workers"
    list(pool.map(hit, range(4000)))
print("count after 4000 concurrent checks:", r.get(KEY))
# Output: count after 4000 concurrent checks: 4000

timings = []
for i in range(1000):
    start = time.perf_counter()
    hit(i)
    timings.append(time.perf_counter() - start)
print("median round trip under 1 ms:", statistics.median(timings) < 0.001)
# Output: median round trip under 1 ms: True
# --8<-- [end:demo]
r.close()

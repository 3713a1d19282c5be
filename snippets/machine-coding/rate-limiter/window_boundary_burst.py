# /// verify
# services = ["redis"]
# ///
"""A fixed window lets a client through twice at a window boundary; a token bucket does not."""

from pathlib import Path

from services import redis_client

HERE = Path(__file__).parent
cache = redis_client()

# --8<-- [start:demo]
fixed_window = cache.register_script((HERE / "fixed_window.lua").read_text())  # the handbook's
token_bucket = cache.register_script((HERE / "token_bucket.lua").read_text())  # the fix

# 200 requests in under a second: the last 100 of minute N, the first 100 of minute N + 1
minute = 29_577_330
allowed = sum(
    fixed_window(keys=[f"rate:203.0.113.7:{window}"], args=[100, 60])
    for window in [minute] * 100 + [minute + 1] * 100
)
print("fixed window allowed:", allowed)  # Output: fixed window allowed: 200

# the same burst against a bucket of 100 tokens refilled at 100 per minute
RATE = 100 / 60  # tokens per second
started = cache.time()  # the clock the script reads: (seconds, microseconds) on the server
allowed = sum(token_bucket(keys=["rate:198.51.100.2"], args=[100, RATE])[0] for _ in range(200))
ended = cache.time()
burst_seconds = (ended[0] - started[0]) + (ended[1] - started[1]) / 1_000_000
# the full bucket, plus whatever trickled in while the burst lasted (a second: one more)
print("token bucket allowed 100 + refill:", 100 <= allowed <= 100 + burst_seconds * RATE)
# Output: token bucket allowed 100 + refill: True
# --8<-- [end:demo]
cache.close()

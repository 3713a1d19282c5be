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
allowed = sum(token_bucket(keys=["rate:198.51.100.2"], args=[100, 100 / 60])[0]
              for _ in range(200))
print("token bucket allowed at most 100 (+1 refilled):", 100 <= allowed <= 101)
# Output: token bucket allowed at most 100 (+1 refilled): True
# --8<-- [end:demo]
cache.close()

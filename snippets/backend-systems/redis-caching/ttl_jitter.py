# /// verify
# services = ["redis"]
# ///
from services import redis_client

redis_client = redis_client()
import random

random.seed(20)  # the jitter is random; the claims below must not depend on luck

# --8<-- [start:demo]
import random


def set_cache_with_jitter(redis_client, key: str, value: str, base_ttl: int):
    # Appends randomized jitter (+/- 15%) to distribute expiration load uniformly
    jitter = random.randint(-int(base_ttl * 0.15), int(base_ttl * 0.15))
    redis_client.set(key, value, ex=base_ttl + jitter)  # SETEX is deprecated in redis-py 8


# A cache warm-up writes 1,000 product pages at once (one pipelined transaction) with a base TTL
# of one hour
started = redis_client.time()[0]  # the server's clock, in whole seconds
warm_up = redis_client.pipeline(transaction=True)
for product_id in range(1000):
    set_cache_with_jitter(warm_up, f"product:{product_id}", "<html>…</html>", 3600)
warm_up.execute()
finished = redis_client.time()[0]

# EXPIRETIME is the absolute expiry (Unix seconds): unlike TTL, it does not count down while
# 1,000 keys are read back, so the check holds however slow the machine is
expiries = [redis_client.expiretime(f"product:{product_id}") for product_id in range(1000)]
within = all(started + 3060 <= e <= finished + 4140 for e in expiries)
print("all within 3600 ± 15%:", within)
# Output: all within 3600 ± 15%: True
print("spread over at least 500 distinct seconds:", len(set(expiries)) >= 500)
# Output: spread over at least 500 distinct seconds: True
# Without jitter all 1,000 keys would expire in the same second; with it, the busiest second has:
busiest = max(expiries.count(e) for e in set(expiries))
print("at most 10 keys expire in any one second:", busiest <= 10)
# Output: at most 10 keys expire in any one second: True
# --8<-- [end:demo]

# /// verify
# services = ["redis"]
# ///
# ruff: noqa: E402  (hidden setup runs before the shown imports)
from services import redis_client

redis_client = redis_client()

# --8<-- [start:demo]
import random


def set_cache_with_jitter(redis_client, key: str, value: str, base_ttl: int):
    # Appends randomized jitter (+/- 15%) to distribute expiration load uniformly
    jitter = random.randint(-int(base_ttl * 0.15), int(base_ttl * 0.15))
    redis_client.set(key, value, ex=base_ttl + jitter)  # SETEX is deprecated in redis-py 8


# A cache warm-up writes 1,000 product pages at once with a base TTL of one hour
for product_id in range(1000):
    set_cache_with_jitter(redis_client, f"product:{product_id}", "<html>…</html>", 3600)

ttls = [redis_client.ttl(f"product:{product_id}") for product_id in range(1000)]
print("all within 3600 ± 15%:", all(3060 <= t <= 4140 for t in ttls))
# Output: all within 3600 ± 15%: True
print("spread over at least 500 distinct seconds:", len(set(ttls)) >= 500)
# Output: spread over at least 500 distinct seconds: True
# Without jitter all 1,000 keys would expire in the same second; with it, the busiest second has:
busiest = max(ttls.count(t) for t in set(ttls))
print("at most 10 keys expire in any one second:", busiest <= 10)
# Output: at most 10 keys expire in any one second: True
# --8<-- [end:demo]

# /// verify
# services = ["redis"]
# ///
from services import redis_client

redis_client = redis_client()

# --8<-- [start:demo]
def batch_update_metrics(redis_client, metrics: dict[str, int]):
    # Buffers commands locally client-side before flushing over sockets atomically
    pipeline = redis_client.pipeline()
    for key, val in metrics.items():
        pipeline.incrby(f"metric:{key}", val)
        pipeline.expire(f"metric:{key}", 3600)
    # Executes buffered blocks in a single network socket round-trip
    pipeline.execute()


batch_update_metrics(redis_client, {"orders_created": 3, "emails_sent": 5})
batch_update_metrics(redis_client, {"orders_created": 2})
print(redis_client.get("metric:orders_created"), redis_client.get("metric:emails_sent"))
# Output: 5 5
print(redis_client.ttl("metric:orders_created"))  # Output: 3600
# --8<-- [end:demo]

# --8<-- [start:evidence]
import time


def one_by_one(redis_client, metrics: dict[str, int]) -> None:
    for key, val in metrics.items():  # two network round trips per metric
        redis_client.incrby(f"metric:{key}", val)
        redis_client.expire(f"metric:{key}", 3600)


metrics = {f"endpoint_{i}": i for i in range(500)}  # 1,000 commands
timings = {}
for strategy in (one_by_one, batch_update_metrics):
    started = time.perf_counter()
    strategy(redis_client, metrics)
    timings[strategy.__name__] = time.perf_counter() - started

print("pipeline at least 2x faster:", timings["one_by_one"] / timings["batch_update_metrics"] >= 2)
# Output: pipeline at least 2x faster: True
# Both strategies applied the same increments: 2 x 499
print(redis_client.get("metric:endpoint_499"))  # Output: 998
# --8<-- [end:evidence]

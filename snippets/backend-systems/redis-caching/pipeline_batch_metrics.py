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


def server_reads(redis_client) -> int:
    # Redis counts every read it makes from a client socket (this INFO call is one more)
    return redis_client.info("stats")["total_reads_processed"]


metrics = {f"endpoint_{i}": i for i in range(500)}  # 1,000 commands
reads = {}
for strategy in (one_by_one, batch_update_metrics):
    before = server_reads(redis_client)
    started = time.perf_counter()
    strategy(redis_client, metrics)
    elapsed_ms = (time.perf_counter() - started) * 1000
    reads[strategy.__name__] = server_reads(redis_client) - before - 1  # minus that INFO
    print(f"{strategy.__name__}: {reads[strategy.__name__]} socket reads, {elapsed_ms:.0f} ms")
# Output: one_by_one: 1000 socket reads, ... ms
# Output: batch_update_metrics: ... socket reads, ... ms
# One by one, the server waits for each command; the pipeline's 1,000 commands (about 50 KB)
# arrive in one round trip, read from the socket in a few chunks (the milliseconds vary with
# the machine's load; these counts do not)
pipelined, sequential = reads["batch_update_metrics"], reads["one_by_one"]
print("pipeline at least 20x fewer reads:", 20 * pipelined <= sequential)
# Output: pipeline at least 20x fewer reads: True
# Both strategies applied the same increments: 2 x 499
print(redis_client.get("metric:endpoint_499"))  # Output: 998
# --8<-- [end:evidence]

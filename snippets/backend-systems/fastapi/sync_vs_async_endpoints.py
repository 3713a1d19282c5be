# /// verify
# ///
# --8<-- [start:demo]
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import anyio.to_thread
from fastapi import FastAPI
from fastapi.testclient import TestClient

app = FastAPI()
# Probes for the demo (not part of a real app): how many requests are inside a route at once.
# The barrier lets `def` requests through only when all 4 are inside together, so "overlapped"
# is proven, not inferred from timings that a loaded machine stretches.
all_four_inside = threading.Barrier(4)
in_flight = {"now": 0, "peak": 0}
lock = threading.Lock()


def enter() -> None:
    with lock:
        in_flight["now"] += 1
        in_flight["peak"] = max(in_flight["peak"], in_flight["now"])


def leave() -> None:
    with lock:
        in_flight["now"] -= 1


@app.get("/sync")
def sync_endpoint() -> dict[str, str]:
    enter()
    time.sleep(0.2)  # blocking I/O, e.g. a sync DB driver
    all_four_inside.wait(timeout=20)  # raises BrokenBarrierError if they did not overlap
    leave()
    return {"thread": threading.current_thread().name}


@app.get("/async-blocking")
async def async_blocking_endpoint() -> dict[str, str]:
    enter()
    time.sleep(0.2)  # BUG: blocks the event loop thread itself
    leave()
    return {"thread": threading.current_thread().name}


def fire_concurrently(client: TestClient, path: str, n: int = 4) -> tuple[float, set[str], int]:
    in_flight["peak"] = 0
    started = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        responses = list(pool.map(lambda _: client.get(path), range(n)))
    return time.perf_counter() - started, {r.json()["thread"] for r in responses}, in_flight["peak"]


with TestClient(app) as client:
    sync_time, sync_threads, sync_peak = fire_concurrently(client, "/sync")
    async_time, async_threads, async_peak = fire_concurrently(client, "/async-blocking")

# `def` routes are sent to anyio's worker threads: the loop stays free
print("def runs in:", sorted(sync_threads))  # Output: def runs in: ['AnyIO worker thread']
print("def requests overlapped:", sync_peak == 4)  # Output: def requests overlapped: True
# `async def` routes run on the event loop's own thread: one at a time
print("async def threads:", len(async_threads))  # Output: async def threads: 1
print("async def requests serialized:", async_peak == 1 and async_time >= 4 * 0.2)
# Output: async def requests serialized: True
print(f"requests inside the route at once: def {sync_peak}, async def {async_peak}")
# Output: requests inside the route at once: def 4, async def 1


# The pool is anyio's default limiter: at most 40 `def` routes run at once per process
async def thread_pool_size() -> float:
    return anyio.to_thread.current_default_thread_limiter().total_tokens


print("worker threads for def routes:", anyio.run(thread_pool_size))
# Output: worker threads for def routes: 40
# --8<-- [end:demo]

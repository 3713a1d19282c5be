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


@app.get("/sync")
def sync_endpoint() -> dict[str, str]:
    time.sleep(0.2)  # blocking I/O, e.g. a sync DB driver
    return {"thread": threading.current_thread().name}


@app.get("/async-blocking")
async def async_blocking_endpoint() -> dict[str, str]:
    time.sleep(0.2)  # BUG: blocks the event loop thread itself
    return {"thread": threading.current_thread().name}


def fire_concurrently(client: TestClient, path: str, n: int = 4) -> tuple[float, set[str]]:
    started = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        responses = list(pool.map(lambda _: client.get(path), range(n)))
    return time.perf_counter() - started, {r.json()["thread"] for r in responses}


with TestClient(app) as client:
    sync_time, sync_threads = fire_concurrently(client, "/sync")
    async_time, async_threads = fire_concurrently(client, "/async-blocking")

# `def` routes are sent to anyio's worker threads: the loop stays free
print("def runs in:", sorted(sync_threads))  # Output: def runs in: ['AnyIO worker thread']
print("def requests overlapped:", sync_time < 0.6)  # Output: def requests overlapped: True
# `async def` routes run on the event loop's own thread: one at a time
print("async def threads:", len(async_threads))  # Output: async def threads: 1
print("async def requests serialized:", async_time >= 0.8)
# Output: async def requests serialized: True
print("blocking async def is >= 2x slower:", async_time / sync_time >= 2)
# Output: blocking async def is >= 2x slower: True


# The pool is anyio's default limiter: at most 40 `def` routes run at once per process
async def thread_pool_size() -> float:
    return anyio.to_thread.current_default_thread_limiter().total_tokens


print("worker threads for def routes:", anyio.run(thread_pool_size))
# Output: worker threads for def routes: 40
# --8<-- [end:demo]

"""The interview's FastAPI endpoint: blocking calls inside async def, and the two fixes."""


from fastapi import FastAPI

# Hidden setup: stand-ins for the real dependencies, scaled down so the sample stays fast.
IO_WAIT = 0.3  # one database round trip


def fetch_records_from_db() -> list[int]:
    time.sleep(IO_WAIT)  # like psycopg2: blocks the calling thread while waiting
    return list(range(1000))


async def fetch_records_async() -> list[int]:
    await asyncio.sleep(IO_WAIT)  # like asyncpg: yields to the loop while waiting
    return list(range(1000))


def perform_heavy_computation(data: list[int]) -> int:
    total = 0
    for _ in range(20):  # a few ms of pure-Python CPU work (the handbook's takes 500 ms)
        total += sum(x * x for x in data)
    return total


app = FastAPI()


# --8<-- [start:bug]
@app.get("/process")
async def process_data():
    data = fetch_records_from_db()  # Uses synchronous psycopg2 driver
    result = perform_heavy_computation(data)  # Takes 500ms CPU execution
    return {"status": result}


# --8<-- [end:bug]


buggy_app, app = app, FastAPI()


# --8<-- [start:fix]
import asyncio


@app.get("/process")
async def process_data_fixed():
    # Non-blocking async IO database fetch
    data = await fetch_records_async()
    # Offload blocking CPU processing to threadpool
    result = await asyncio.to_thread(perform_heavy_computation, data)
    return {"status": result}


# --8<-- [end:fix]


fixed_app, app = app, FastAPI()


# --8<-- [start:sync_fix]
# Path 1 of the answer: a plain `def` endpoint; FastAPI runs it in its thread pool
@app.get("/process")
def process_data_sync():
    data = fetch_records_from_db()
    result = perform_heavy_computation(data)
    return {"status": result}


# --8<-- [end:sync_fix]


sync_app = app


# --8<-- [start:load_test]
import asyncio
import time

import httpx
from fastapi import FastAPI


async def serve_concurrently(target: FastAPI, requests: int = 4) -> float:
    """Send `requests` concurrent requests through the app, in this event loop."""
    transport = httpx.ASGITransport(app=target)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        if target is not buggy_app:
            await client.get("/process")  # warm-up: starts the thread pool before timing
        start = time.perf_counter()
        responses = await asyncio.gather(*(client.get("/process") for _ in range(requests)))
        elapsed = time.perf_counter() - start
    for response in responses:
        response.raise_for_status()
    return elapsed


async def main() -> None:
    buggy = await serve_concurrently(buggy_app)
    fixed = await serve_concurrently(fixed_app)
    sync = await serve_concurrently(sync_app)
    # One after another, 4 requests need at least 4 x 300 ms of database waiting
    one_by_one = 4 * IO_WAIT
    print(f"async def + blocking calls: requests overlapped: {buggy < one_by_one}")
    print(f"async driver + to_thread: requests overlapped: {fixed < one_by_one}")
    print(f"plain def endpoint: requests overlapped: {sync < one_by_one}")


asyncio.run(main())
# Output: async def + blocking calls: requests overlapped: False
# Output: async driver + to_thread: requests overlapped: True
# Output: plain def endpoint: requests overlapped: True
# --8<-- [end:load_test]

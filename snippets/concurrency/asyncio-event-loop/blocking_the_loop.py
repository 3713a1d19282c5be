"""Site addition: a blocking call freezes every task on the loop; to_thread does not."""

import asyncio
import itertools
import time


# --8<-- [start:demo]
async def heartbeat(beats: list[float]) -> None:
    while True:  # stands in for every other request the server is handling
        beats.append(time.perf_counter())
        await asyncio.sleep(0.02)


async def handler_blocking() -> None:
    time.sleep(0.5)  # synchronous call inside a coroutine: nothing else can run


async def handler_offloaded() -> None:
    await asyncio.to_thread(time.sleep, 0.5)  # runs in a worker thread; the loop stays free


async def longest_gap(handler) -> float:
    beats: list[float] = []
    monitor = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0.05)
    await handler()
    await asyncio.sleep(0.05)
    monitor.cancel()
    return max(later - earlier for earlier, later in itertools.pairwise(beats))


async def main() -> None:
    blocked = await longest_gap(handler_blocking)
    offloaded = await longest_gap(handler_offloaded)
    print(f"blocking call froze the loop for >= 0.5s: {blocked >= 0.5}")
    print(f"to_thread kept the loop responsive (gaps < 0.25s): {offloaded < 0.25}")


asyncio.run(main())
# Output: blocking call froze the loop for >= 0.5s: True
# Output: to_thread kept the loop responsive (gaps < 0.25s): True
# --8<-- [end:demo]

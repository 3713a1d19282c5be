"""Site addition: a blocking call freezes every task on the loop; to_thread does not."""


# --8<-- [start:demo]
import asyncio
import time


async def heartbeat(beats: list[float]) -> None:
    while True:  # stands in for every other request the server is handling
        beats.append(time.perf_counter())
        await asyncio.sleep(0.02)


async def handler_blocking() -> None:
    time.sleep(0.5)  # synchronous call inside a coroutine: nothing else can run


async def handler_offloaded() -> None:
    await asyncio.to_thread(time.sleep, 0.5)  # runs in a worker thread; the loop stays free


async def beats_during(handler) -> int:
    """How many heartbeats the loop ran while `handler` was awaited."""
    beats: list[float] = []
    monitor = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0.05)
    before = len(beats)
    await handler()
    during = len(beats) - before
    monitor.cancel()
    return during


async def main() -> None:
    # Counts, not timings: the result holds however loaded the machine is.
    print(f"heartbeats during the blocking call: {await beats_during(handler_blocking)}")
    print(f"heartbeats during to_thread: > 0: {await beats_during(handler_offloaded) > 0}")


asyncio.run(main())
# Output: heartbeats during the blocking call: 0
# Output: heartbeats during to_thread: > 0: True
# --8<-- [end:demo]

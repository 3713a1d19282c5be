"""Two coroutines run concurrently on one event loop with asyncio.gather."""

# --8<-- [start:demo]
import asyncio
import time


async def fetch_data(id: int, delay: float):
    print(f"Task {id}: Start")
    await asyncio.sleep(delay)  # Yields execution control back to event loop
    print(f"Task {id}: Done")
    return f"Result {id}"


async def main():
    # Execute concurrently without spawning OS threads
    results = await asyncio.gather(fetch_data(1, 1.0), fetch_data(2, 0.5))
    print(results)


start = time.perf_counter()
asyncio.run(main())
# Output: Task 1: Start
# Output: Task 2: Start
# Output: Task 2: Done
# Output: Task 1: Done
# Output: ['Result 1', 'Result 2']
# Total time is about the longest delay (1.0 s), not the sum of the delays (1.5 s)
print(f"took less than the sum: {time.perf_counter() - start < 1.5}")
# Output: took less than the sum: True
# --8<-- [end:demo]

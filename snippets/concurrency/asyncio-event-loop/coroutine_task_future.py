"""Site addition: a coroutine object, a Task and a Future, side by side."""


# --8<-- [start:demo]
import asyncio


async def compute() -> int:
    return 42


async def main() -> None:
    coro = compute()  # calling an async def only creates a coroutine object
    print(type(coro).__name__)  # Output: coroutine
    task = asyncio.create_task(coro)  # now it is scheduled on the running loop
    print(type(task).__name__, isinstance(task, asyncio.Future))  # Output: Task True
    print(await task)  # Output: 42

    future = asyncio.get_running_loop().create_future()  # a bare "result will arrive later"
    asyncio.get_running_loop().call_later(0.01, future.set_result, "filled by a callback")
    print(await future)  # Output: filled by a callback


asyncio.run(main())
# --8<-- [end:demo]

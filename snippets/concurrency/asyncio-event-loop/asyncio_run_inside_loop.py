"""Site addition: calling asyncio.run() while a loop is already running."""


# --8<-- [start:demo]
import asyncio


async def fetch_user() -> str:
    return "user-42"


async def handler() -> None:
    coro = fetch_user()
    try:
        asyncio.run(coro)  # WRONG: we are already inside a running event loop
    except RuntimeError as exc:
        print(f"RuntimeError: {exc}")
        coro.close()  # the coroutine never ran; close it to avoid a "never awaited" warning
    print(await fetch_user())  # RIGHT: just await it


asyncio.run(handler())
# Output: RuntimeError: asyncio.run() cannot be called from a running event loop
# Output: user-42
# --8<-- [end:demo]

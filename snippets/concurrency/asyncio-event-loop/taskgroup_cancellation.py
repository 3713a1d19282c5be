"""Site addition: asyncio.TaskGroup (3.11+) propagates a failure and cancels the siblings."""


# --8<-- [start:demo]
import asyncio


async def fetch(name: str, delay: float, fail: bool = False) -> str:
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if fail:
        raise ConnectionError(f"{name} unreachable")
    return name


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch("inventory", 0.05, fail=True))
            slow = group.create_task(fetch("pricing", 1.0))
    except* ConnectionError as errors:  # failures arrive as an ExceptionGroup
        print(f"caught: {[str(e) for e in errors.exceptions]}")
    print(f"sibling cancelled, not left running: {slow.cancelled()}")


asyncio.run(main())
# Output: pricing: cancelled
# Output: caught: ['inventory unreachable']
# Output: sibling cancelled, not left running: True
# --8<-- [end:demo]

"""Site addition: gather() re-raises the first error, but the other tasks keep running."""


# --8<-- [start:demo]
import asyncio

finished: list[str] = []


async def job(name: str, delay: float, fail: bool = False) -> str:
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    finished.append(name)
    return f"{name} done"


async def main() -> None:
    try:
        await asyncio.gather(job("A", 0.02, fail=True), job("B", 0.4))
    except ValueError as exc:
        print(f"gather raised: {exc}; B finished yet: {'B' in finished}")
    await asyncio.sleep(0.5)
    print(f"B kept running and finished unmonitored: {'B' in finished}")

    results = await asyncio.gather(job("C", 0.05, fail=True), job("D", 0.1), return_exceptions=True)
    print(results)


asyncio.run(main())
# Output: gather raised: A failed; B finished yet: False
# Output: B kept running and finished unmonitored: True
# Output: [ValueError('C failed'), 'D done']
# --8<-- [end:demo]

"""Password hashing inside `async def` stalls the event loop; an executor keeps it serving."""

import hashlib
import hmac
import os
from collections.abc import Awaitable, Callable


def hash_password(plain_password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(plain_password.encode(), salt=salt, n=2**14, r=8, p=1)


def verify_password(plain_password: str, salt: bytes, expected: bytes) -> bool:
    # The salt travels with the hash (as it is stored with it): a worker process must not rely on
    # module state, which Python 3.14's default start method on Linux (forkserver) re-creates.
    return hmac.compare_digest(hash_password(plain_password, salt), expected)


SALT = os.urandom(16)
STORED = hash_password("s3cret!", SALT)


async def loop_keeps_serving(logins: Callable[[], Awaitable[None]]) -> bool:
    """Count 5 ms heartbeats that the event loop managed to run while `logins` was awaited."""
    ticks = 0

    async def heartbeat() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1

    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.02)  # let the heartbeat settle in
    ticks = 0
    await logins()
    served = ticks > 0
    beating.cancel()
    return served


# --8<-- [start:demo]
import asyncio
from concurrent.futures import ProcessPoolExecutor


async def main() -> None:
    async def inline_logins() -> None:  # what an `async def` login route does if it hashes inline
        for _ in range(4):
            verify_password("s3cret!", SALT, STORED)

    with ProcessPoolExecutor(max_workers=2) as pool:
        loop = asyncio.get_running_loop()
        # start the workers
        await loop.run_in_executor(pool, verify_password, "warm-up", SALT, STORED)

        async def offloaded_logins() -> None:  # the handbook's fix: a ProcessPoolExecutor
            for _ in range(4):
                if not await loop.run_in_executor(pool, verify_password, "s3cret!", SALT, STORED):
                    raise RuntimeError("the stored hash no longer verifies")

        print("inline:       loop kept serving:", await loop_keeps_serving(inline_logins))
        # Output: inline:       loop kept serving: False
        print("process pool: loop kept serving:", await loop_keeps_serving(offloaded_logins))
        # Output: process pool: loop kept serving: True


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:demo]

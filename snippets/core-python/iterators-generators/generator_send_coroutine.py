"""Site addition: a generator used as a coroutine, receiving values through .send()."""


# --8<-- [start:demo]
from collections.abc import Generator


def running_average() -> Generator[float, float, None]:
    """Receives numbers via .send() and yields the average so far."""
    total = 0.0
    count = 0
    average = 0.0
    while True:
        value = yield average  # pauses here; .send(x) resumes with value = x
        total += value
        count += 1
        average = total / count


averager = running_average()
next(averager)  # "prime" the coroutine: run it up to the first yield
print(averager.send(10))  # Output: 10.0
print(averager.send(20))  # Output: 15.0
print(averager.send(60))  # Output: 30.0
averager.close()  # raises GeneratorExit inside the paused frame
# --8<-- [end:demo]


# --8<-- [start:asyncio]
import asyncio
import inspect


async def fetch_user() -> str:  # asyncio runs native coroutines, not generators
    return "user-1"


print(inspect.isgenerator(running_average()), inspect.isgenerator(fetch_user))
# Output: True False
print(asyncio.run(fetch_user()))  # Output: user-1
# @asyncio.coroutine (generator-based coroutines) was removed in Python 3.11
print(hasattr(asyncio, "coroutine"))  # Output: False
# --8<-- [end:asyncio]

"""Site addition: a decorator that supports both def and async def functions."""


# --8<-- [start:naive]
import asyncio
import inspect
import time
from collections.abc import Callable
from functools import wraps
from typing import Any


def naive_timer(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        result = func(*args, **kwargs)  # for async def: only creates the coroutine object
        print(f"[naive] {func.__name__} took {time.perf_counter() - start:.2f}s")
        return result

    return wrapper


@naive_timer
async def fetch_profile() -> str:
    print("fetch_profile starts")
    await asyncio.sleep(0.2)
    return "profile"


# The wrapper "finishes" before the coroutine has even started: it timed nothing
print(asyncio.run(fetch_profile()))
# Output: [naive] fetch_profile took ...s
# Output: fetch_profile starts
# Output: profile
# The coroutine itself still works; what broke is the wrapper's logic and its signature:
print(inspect.iscoroutinefunction(fetch_profile))  # Output: False
# --8<-- [end:naive]


# --8<-- [start:demo]
import asyncio
import inspect
import time
from collections.abc import Callable
from functools import wraps
from typing import Any


def timer(func: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(func):

        @wraps(func)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await func(*args, **kwargs)  # await inside the wrapper
            finally:
                elapsed = time.perf_counter() - start
                print(f"[timer] {func.__name__} awaited >= 0.2s: {elapsed >= 0.2}")

        return async_wrapper

    @wraps(func)
    def sync_wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            print(f"[timer] {func.__name__} took {time.perf_counter() - start:.2f}s")

    return sync_wrapper


@timer
async def fetch_orders() -> list[int]:
    await asyncio.sleep(0.2)
    return [1, 2]


@timer
def parse_orders() -> list[int]:
    return [1, 2]


print(inspect.iscoroutinefunction(fetch_orders))  # Output: True
print(asyncio.run(fetch_orders()))
# Output: [timer] fetch_orders awaited >= 0.2s: True
# Output: [1, 2]
print(parse_orders())
# Output: [timer] parse_orders took ...s
# Output: [1, 2]
# --8<-- [end:demo]


# --8<-- [start:deprecation]
import asyncio
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(asyncio.iscoroutinefunction(fetch_orders))  # Output: True
print(f"DeprecationWarning: {caught[0].message}" if caught else "no warning")
# Output (Python 3.11-3.13): no warning
# Output (Python 3.14+): DeprecationWarning: 'asyncio.iscoroutinefunction' is deprecated and ...
# --8<-- [end:deprecation]

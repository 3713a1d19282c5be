"""Site addition: asyncio.get_event_loop() outside a running loop, across Python versions."""

# --8<-- [start:demo]
import asyncio
import warnings

# No loop is running and none has been set: what does get_event_loop() do?
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError as exc:
        print(f"RuntimeError: {exc}")
    else:
        warned = any(issubclass(w.category, DeprecationWarning) for w in caught)
        print(f"created a loop implicitly; DeprecationWarning: {warned}")
        loop.close()
# Output (Python 3.11): created a loop implicitly; DeprecationWarning: False
# Output (Python 3.12-3.13): created a loop implicitly; DeprecationWarning: True
# Output (Python 3.14+): RuntimeError: There is no current event loop in thread 'MainThread'.


# Inside a coroutine, ask for the loop that is running: the same on every version
async def main() -> None:
    print(type(asyncio.get_running_loop()).__name__)  # Output: _UnixSelectorEventLoop


asyncio.run(main())
# --8<-- [end:demo]

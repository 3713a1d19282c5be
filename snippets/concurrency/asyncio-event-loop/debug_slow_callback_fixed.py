"""Event-loop debug mode switched on before the loop runs: the blocking step is reported."""

# --8<-- [start:demo]
import asyncio
import logging
import sys
import time

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)


async def main():
    loop = asyncio.get_running_loop()
    # Flag operations blocking the loop for more than 100ms
    loop.slow_callback_duration = 0.1
    # Simulating blocking operation
    time.sleep(0.3)


# debug=True (or PYTHONASYNCIODEBUG=1) enables debug mode before the first step runs
asyncio.run(main(), debug=True)
# Output: DEBUG:asyncio:Using selector: EpollSelector
# Output: WARNING:asyncio:Executing <Task finished ... coro=<main() done, ...> took ... seconds
# --8<-- [end:demo]

"""The handbook's event-loop debug snippet, run as written, and a count of the warnings it logs."""

# --8<-- [start:demo]
import asyncio
import logging
import sys  # added on this site: the log goes to stdout so the build can check it
import time  # added on this site: the handbook's snippet uses time without importing it

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)


async def main():
    loop = asyncio.get_running_loop()
    # Flag operations blocking the loop for more than 100ms
    loop.slow_callback_duration = 0.1
    loop.set_debug(True)
    # Simulating blocking operation
    time.sleep(0.3)  # Logs warning: Executing <Task ...> took 0.302 seconds


# --8<-- [end:demo]


# --8<-- [start:usage]
import asyncio
import logging


class CountWarnings(logging.Handler):
    count = 0

    def emit(self, record: logging.LogRecord) -> None:
        CountWarnings.count += record.levelno >= logging.WARNING


logging.getLogger("asyncio").addHandler(CountWarnings())
asyncio.run(main())
# Output: DEBUG:asyncio:Using selector: EpollSelector
# Output: DEBUG:asyncio:Close <_UnixSelectorEventLoop running=False closed=False debug=True>
print(f"slow-callback warnings logged: {CountWarnings.count}")
# Output: slow-callback warnings logged: 0
# --8<-- [end:usage]

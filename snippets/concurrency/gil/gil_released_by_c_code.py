"""Site addition: C code that releases the GIL lets other threads run; code holding it does not."""


# --8<-- [start:demo]
import hashlib
import threading
import time
from collections.abc import Callable


def ticks_during(work: Callable[[], object]) -> int:
    """Count how often a background Python thread gets to run while `work` runs."""
    ticks = 0
    stop = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1  # needs the GIL to execute
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    time.sleep(0.01)
    ticks = 0
    work()
    seen = ticks
    stop.set()
    thread.join()
    return seen


payload = b"x" * 80_000_000
# hashlib releases the GIL while hashing buffers larger than 2047 bytes
during_hashing = ticks_during(lambda: hashlib.sha256(payload).digest())
# Big-integer arithmetic is C code too, but it keeps the GIL for the whole call
during_bigint = ticks_during(lambda: 7**400_000)

print(f"background thread ran during sha256: {during_hashing >= 5}")
# Output: background thread ran during sha256: True
print(f"background thread ran during 7**400_000: {during_bigint >= 5}")
# Output: background thread ran during 7**400_000: False
# --8<-- [end:demo]

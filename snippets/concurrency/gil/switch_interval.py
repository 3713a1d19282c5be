"""The GIL switch interval, and its effect on how often two CPU-bound threads alternate."""

import threading
import time

# isort: split
# --8<-- [start:demo]
import sys

# Viewing and tweaking the interpreter thread preemption interval
print(sys.getswitchinterval())  # Output: 0.005
# --8<-- [end:demo]


# --8<-- [start:proof]
def count_handoffs(interval: float, duration: float = 0.25) -> int:
    """Run two CPU-bound threads and count how often the running thread changes."""
    sys.setswitchinterval(interval)
    state = {"last": "", "handoffs": 0}
    deadline = time.perf_counter() + duration

    def spin(name: str) -> None:
        while time.perf_counter() < deadline:
            if state["last"] != name:
                state["last"] = name
                state["handoffs"] += 1

    threads = [threading.Thread(target=spin, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sys.setswitchinterval(0.005)
    return state["handoffs"]


every_1ms = count_handoffs(0.001)  # at most about 0.25 s / 1 ms = 250 handoffs
every_100ms = count_handoffs(0.100)  # at most about 0.25 s / 100 ms = 3 handoffs
print(f"1 ms interval: more than 5x the handoffs of 100 ms: {every_1ms > 5 * every_100ms}")
# Output: 1 ms interval: more than 5x the handoffs of 100 ms: True
print(sys.getswitchinterval())  # Output: 0.005
# --8<-- [end:proof]

"""The GIL switch interval, and how long a thread that wants the GIL waits because of it."""


# isort: split
# --8<-- [start:demo]
import sys

# Viewing and tweaking the interpreter thread preemption interval
print(sys.getswitchinterval())  # Output: 0.005
# --8<-- [end:demo]


# --8<-- [start:proof]
import sys
import threading
import time


def gil_wait_ms(interval: float, wakeups: int = 7) -> float:
    """Shortest time a waking thread waits for the GIL while the main thread spins in Python.

    Each wait is at least `interval` (the GIL's timed wait) plus however long the OS takes to
    run both threads; the shortest of several wakeups is the one the OS delayed least.
    """
    sys.setswitchinterval(interval)
    waits: list[float] = []
    finished = threading.Event()
    spinning_at = 0.0  # when the main thread last ran Python, i.e. held the GIL

    def sleeper() -> None:
        while len(waits) < wakeups:
            start = time.perf_counter()
            time.sleep(0.01)  # releases the GIL; the spinning main thread takes it
            # Back from sleep, this thread must wait until the main thread is made to let go.
            # On a busy machine the main thread may not have run at all during the sleep,
            # leaving the GIL free: that wakeup measured nothing, so it is not counted.
            if spinning_at > start:
                waits.append(time.perf_counter() - start - 0.01)
        finished.set()

    thread = threading.Thread(target=sleeper)
    thread.start()
    while not finished.is_set():  # CPU-bound Python: never releases the GIL voluntarily
        spinning_at = time.perf_counter()
    thread.join()
    sys.setswitchinterval(0.005)
    return min(waits) * 1000


wait_100ms = gil_wait_ms(0.100)
wait_1ms = gil_wait_ms(0.001)
print(f"100 ms interval: the waking thread waited >= 90 ms: {wait_100ms >= 90}")
# Output: 100 ms interval: the waking thread waited >= 90 ms: True
print(f"1 ms interval: it waited less: {wait_1ms < wait_100ms}")
# Output: 1 ms interval: it waited less: True
print(sys.getswitchinterval())  # Output: 0.005
# --8<-- [end:proof]

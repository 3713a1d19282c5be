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

    def sleeper() -> None:
        for _ in range(wakeups):
            start = time.perf_counter()
            time.sleep(0.01)  # releases the GIL; the spinning main thread takes it
            # Back from sleep, this thread must wait until the main thread is made to let go
            waits.append(time.perf_counter() - start - 0.01)
        finished.set()

    thread = threading.Thread(target=sleeper)
    thread.start()
    while not finished.is_set():  # CPU-bound Python: never releases the GIL voluntarily
        pass
    thread.join()
    sys.setswitchinterval(0.005)
    return min(waits) * 1000


wait_50ms = gil_wait_ms(0.050)
wait_1ms = gil_wait_ms(0.001)
print(f"50 ms interval: the waking thread waited >= 40 ms: {wait_50ms >= 40}")
# Output: 50 ms interval: the waking thread waited >= 40 ms: True
print(f"1 ms interval: it waited less: {wait_1ms < wait_50ms}")
# Output: 1 ms interval: it waited less: True
print(sys.getswitchinterval())  # Output: 0.005
# --8<-- [end:proof]

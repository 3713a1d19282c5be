"""Site addition: each process has its own GIL; threads of one process share one."""


# --8<-- [start:demo]
import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from typing import Any


def tick_forever(counter: Any) -> None:
    """Python bytecode that needs its interpreter's GIL to make progress."""
    while True:
        counter.value += 1  # one writer, so a lock-free shared int is enough
        time.sleep(0.001)


def ticks_during_gil_holding_call(start_ticker: Callable[[Any], object]) -> int:
    counter = mp.RawValue("i", 0)  # a C int in shared memory, visible to a child process
    start_ticker(counter)
    time.sleep(0.2)  # let the ticker get going
    before = counter.value
    _ = 7**500_000  # big-int maths: C code that keeps *this* process's GIL the whole time
    return counter.value - before


def start_thread(counter: Any) -> threading.Thread:
    thread = threading.Thread(target=tick_forever, args=(counter,), daemon=True)
    thread.start()
    return thread


def start_process(counter: Any) -> mp.Process:
    process = mp.Process(target=tick_forever, args=(counter,), daemon=True)
    process.start()
    return process


if __name__ == "__main__":
    in_thread = ticks_during_gil_holding_call(start_thread)
    in_process = ticks_during_gil_holding_call(start_process)
    print(f"ticker thread frozen meanwhile: {in_thread <= 2}")
    # Output: ticker thread frozen meanwhile: True
    print(f"ticker process kept running: {in_process >= 5}")
    # Output: ticker process kept running: True
# --8<-- [end:demo]

"""Site addition: each process has its own GIL; threads of one process share one."""

import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from multiprocessing.sharedctypes import Synchronized
from typing import Any


# --8<-- [start:demo]
def tick_forever(counter: Any) -> None:
    """Python bytecode that needs a GIL to make progress."""
    while True:
        with counter.get_lock():
            counter.value += 1
        time.sleep(0.001)


def ticks_while_holding_the_gil(start_ticker: Callable[[Synchronized], Any]) -> int:
    counter = mp.Value("i", 0)
    start_ticker(counter)
    time.sleep(0.2)  # let the ticker get going
    before = counter.value
    _ = 7**500_000  # big-int maths: C code that keeps *this* process's GIL the whole time
    return counter.value - before


def start_thread(counter: Synchronized) -> threading.Thread:
    thread = threading.Thread(target=tick_forever, args=(counter,), daemon=True)
    thread.start()
    return thread


def start_process(counter: Synchronized) -> mp.Process:
    process = mp.Process(target=tick_forever, args=(counter,), daemon=True)
    process.start()
    return process


if __name__ == "__main__":
    in_thread = ticks_while_holding_the_gil(start_thread)
    in_process = ticks_while_holding_the_gil(start_process)
    print(f"ticker thread progressed: {in_thread >= 10}")  # Output: ticker thread progressed: False
    print(f"ticker process progressed: {in_process >= 10}")
    # Output: ticker process progressed: True
# --8<-- [end:demo]

"""A counter shared by processes: multiprocessing.Value, with and without an explicit Lock."""

# --8<-- [start:demo]
import multiprocessing as mp
import time
from typing import Any


def add_unsafe(counter: Any, lock: Any, start: Any, times: int) -> None:
    start.wait()  # both processes begin together
    for _ in range(times):
        current = counter.value  # read
        time.sleep(0.001)  # some work; the other process reads the same old value
        counter.value = current + 1  # write: overwrites the other process's update


def add_safe(counter: Any, lock: Any, start: Any, times: int) -> None:
    start.wait()
    for _ in range(times):
        with lock:  # read-modify-write as one critical section across processes
            current = counter.value
            time.sleep(0.001)
            counter.value = current + 1


def run(worker: Any) -> int:
    counter = mp.Value("i", 0)  # a C int in shared memory
    lock = mp.Lock()
    start = mp.Barrier(2)
    workers = [mp.Process(target=worker, args=(counter, lock, start, 50)) for _ in range(2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join()
    return counter.value


if __name__ == "__main__":
    print(f"without a lock, lost updates: {run(add_unsafe) < 100}")
    # Output: without a lock, lost updates: True
    print(f"with mp.Lock(): {run(add_safe)}")  # Output: with mp.Lock(): 100
# --8<-- [end:demo]

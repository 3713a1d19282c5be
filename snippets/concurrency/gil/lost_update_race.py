"""Site addition: a real lost-update race between threads, and the Lock that fixes it."""


# --8<-- [start:demo]
import threading
import time

balance = 0
balance_lock = threading.Lock()


def fraud_check() -> None:
    time.sleep(0.001)  # I/O inside the business transaction: the GIL is released here


def deposit_unsafe(times: int) -> None:
    global balance
    for _ in range(times):
        current = balance  # read
        fraud_check()  # other threads run and read the same old balance
        balance = current + 1  # write: overwrites their deposits


def deposit_safe(times: int) -> None:
    global balance
    for _ in range(times):
        with balance_lock:  # the whole read-check-write is one critical section
            current = balance
            fraud_check()
            balance = current + 1


def run(worker) -> int:
    global balance
    balance = 0
    threads = [threading.Thread(target=worker, args=(25,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return balance


unsafe_total = run(deposit_unsafe)
print(f"without a lock: lost updates: {unsafe_total < 100}")
# Output: without a lock: lost updates: True
print(f"with a lock: {run(deposit_safe)}")  # Output: with a lock: 100
# --8<-- [end:demo]

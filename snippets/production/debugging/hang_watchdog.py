# /// verify
# expect_exit = 1
# ///
"""A watchdog that dumps every thread's stack, then exits, when a worker stops making progress."""

import threading

ledger = threading.Lock()


# --8<-- [start:demo]
import faulthandler
import sys


def process_batch(batch_id: int) -> None:
    with ledger:  # a bug: the lock is already held by the caller
        print(f"batch {batch_id} done", flush=True)


def worker_loop() -> None:
    for batch_id in range(3):
        # Re-arm before each unit of work: if it takes over 1 s, dump all stacks and exit(1)
        faulthandler.dump_traceback_later(1.0, exit=True, file=sys.stdout)
        if batch_id == 2:
            ledger.acquire()  # the bug: held here, then wanted again inside
        process_batch(batch_id)
    faulthandler.cancel_dump_traceback_later()


worker_loop()
# Output: batch 0 done
# Output: batch 1 done
# Output: Timeout (0:00:01)!
# Output: Thread 0x... (most recent call first):
# Output:   File "...hang_watchdog.py", line ... in process_batch
# Output:   File "...hang_watchdog.py", line ... in worker_loop
# --8<-- [end:demo]

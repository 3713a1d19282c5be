"""Dumping every thread's stack from a deadlocked worker process (site addition).

The stdlib counterpart of `gdb ... py-bt` / `py-spy dump`: the worker registers a faulthandler
signal handler at start-up; any time later, a signal makes it print all its threads' stacks,
even while every Python thread is stuck. faulthandler writes from C, without needing the GIL.
"""

from pathlib import Path

# --8<-- [start:worker]
WORKER = '''
import faulthandler
import signal
import sys
import threading
import time

faulthandler.register(signal.SIGUSR1, all_threads=True)  # at start-up, in production code

accounts, ledger = threading.Lock(), threading.Lock()
both_hold_one = threading.Barrier(2)

def transfer() -> None:        # takes accounts, then ledger
    with accounts:
        both_hold_one.wait()
        with ledger:
            pass

def audit() -> None:           # takes ledger, then accounts: the opposite order
    with ledger:
        both_hold_one.wait()
        with accounts:
            pass

threads = [threading.Thread(target=f, name=f.__name__) for f in (transfer, audit)]
for thread in threads:
    thread.start()

def at_second_lock(thread: threading.Thread) -> bool:  # def, with, wait(), with
    frame = sys._current_frames().get(thread.ident)
    return frame is not None and frame.f_lineno == frame.f_code.co_firstlineno + 3

# for the demo: say "running" once both stand on their second lock, so that a busy machine
# cannot catch a thread still on its way there
while not all(at_second_lock(thread) for thread in threads):
    time.sleep(0.01)
print("worker running", flush=True)
'''
# --8<-- [end:worker]

Path("worker.py").write_text(WORKER)  # in the sample's temporary working directory

# --8<-- [start:demo]
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

worker = subprocess.Popen([sys.executable, "worker.py"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
print(worker.stdout.readline().strip())  # Output: worker running

# The worker hangs. From outside, ask it for its stacks (`kill -USR1 <pid>`):
os.kill(worker.pid, signal.SIGUSR1)
dump = []
while len([line for line in dump if " in transfer" in line or " in audit" in line]) < 2:
    dump.append(worker.stderr.readline().rstrip())
# faulthandler lists threads in no fixed order: one block per thread, shown audit's first
threads = re.split(r"\n(?=Thread 0x|Current thread 0x)", "\n".join(filter(str.strip, dump)))
print("\n".join(sorted(threads, key=lambda stack: " in transfer" in stack)))
# Output: Thread 0x... (most recent call first):
# Output:   File ".../worker.py", line ... in audit
# Output: ...
# Output: Thread 0x... (most recent call first):
# Output:   File ".../worker.py", line ... in transfer

# Map the line numbers back to the source: each thread waits for the lock the other holds
source = Path("worker.py").read_text().splitlines()
for number, function in sorted(re.findall(r"line (\d+) in (transfer|audit)", "\n".join(dump)),
                               key=lambda found: found[1]):
    print(f"{function} is blocked at: {source[int(number) - 1].strip()}")
# Output: audit is blocked at: with accounts:
# Output: transfer is blocked at: with ledger:
# --8<-- [end:demo]

# --8<-- [start:pyspy]
import re
import shutil
import subprocess

# py-spy attaches to the same deadlocked process from outside, with no preparation in the code
py_spy = shutil.which("py-spy")
if py_spy is None:
    raise SystemExit("py-spy not found: it is installed with the site's sample dependencies")
spy = subprocess.run([py_spy, "dump", "--pid", str(worker.pid)],
                     capture_output=True, text=True, check=True).stdout
for function, number in sorted(re.findall(r"^\s+(transfer|audit) \(worker\.py:(\d+)\)", spy, re.M)):
    print(f"py-spy: {function} is blocked at: {source[int(number) - 1].strip()}")
# Output: py-spy: audit is blocked at: with accounts:
# Output: py-spy: transfer is blocked at: with ledger:
print("py-spy marks both threads idle:", spy.count("(idle)") >= 2)
# Output: py-spy marks both threads idle: True
# --8<-- [end:pyspy]
worker.kill()
worker.wait()

"""Site addition: the bytecode of `count += 1` (Python 3.11-3.14), and where threads can switch."""


# --8<-- [start:demo]
import dis

count = 0


def increment() -> None:
    global count
    count += 1


print([ins.opname for ins in dis.get_instructions(increment)][1:5])
# Output (Python 3.11-3.13): ['LOAD_GLOBAL', 'LOAD_CONST', 'BINARY_OP', 'STORE_GLOBAL']
# Output (Python 3.14+): ['LOAD_GLOBAL', 'LOAD_SMALL_INT', 'BINARY_OP', 'STORE_GLOBAL']
# --8<-- [end:demo]


# --8<-- [start:switch_points]
import sys
import threading


def hammer(times: int) -> None:
    global count
    for _ in range(times):
        count += 1  # no call, no backward jump inside the read-add-write


sys.setswitchinterval(1e-6)  # ask for a thread switch as often as possible
threads = [threading.Thread(target=hammer, args=(200_000,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
sys.setswitchinterval(0.005)
# The standard CPython build only switches threads at a loop's backward jump, at function
# entry and at calls, never between LOAD_GLOBAL and STORE_GLOBAL: this loop loses nothing.
# (That is an implementation detail: a free-threaded build has no GIL to switch.)
print(count)  # Output: 800000
# --8<-- [end:switch_points]

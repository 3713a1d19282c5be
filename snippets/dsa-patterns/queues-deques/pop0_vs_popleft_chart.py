# /// verify
# timeout = 60
# artifacts = ["pop0_vs_popleft.svg"]
# ///
import matplotlib

matplotlib.use("Agg")  # render to a file, no display needed

# --8<-- [start:demo]
import time
import timeit
from collections import deque

import matplotlib.pyplot as plt

SIZES = [2_500, 5_000, 10_000, 20_000]


def drain_list(n: int) -> None:
    items = list(range(n))
    while items:
        items.pop(0)


def drain_deque(n: int) -> None:
    items = deque(range(n))
    while items:
        items.popleft()


def best_ms(drain, n: int) -> float:
    # CPU time of this thread (not wall time): a busy machine cannot stretch it
    runs = timeit.repeat(lambda: drain(n), timer=time.thread_time, number=1, repeat=3)
    return min(runs) * 1000


list_ms = [best_ms(drain_list, n) for n in SIZES]
deque_ms = [best_ms(drain_deque, n) for n in SIZES]

figure, axes = plt.subplots(figsize=(6, 3.5))
axes.plot(SIZES, list_ms, marker="o", label="list.pop(0): O(N²) to drain")
axes.plot(SIZES, deque_ms, marker="o", label="deque.popleft(): O(N) to drain")
axes.set_xlabel("items drained from the front")
axes.set_ylabel("CPU milliseconds (best of 3)")
axes.set_title("Draining a FIFO queue")
axes.legend()
figure.tight_layout()
figure.savefig("pop0_vs_popleft.svg", metadata={"Date": None})
print("wrote pop0_vs_popleft.svg")  # Output: wrote pop0_vs_popleft.svg

# 8x the items: the list's time grows much faster than the deque's.
print("list grows faster than deque:", list_ms[-1] / list_ms[0] > deque_ms[-1] / deque_ms[0])
# Output: list grows faster than deque: True
# --8<-- [end:demo]

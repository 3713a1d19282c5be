# --8<-- [start:demo]
import timeit
from collections import deque

N = 20_000


def drain_list() -> None:
    items = list(range(N))
    while items:
        items.pop(0)  # shifts every remaining pointer: O(N) per pop, O(N²) in total


def drain_deque() -> None:
    items = deque(range(N))
    while items:
        items.popleft()  # O(1) per pop


list_seconds = min(timeit.repeat(drain_list, number=1, repeat=3))
deque_seconds = min(timeit.repeat(drain_deque, number=1, repeat=3))
print(f"list.pop(0): {list_seconds * 1000:.1f} ms, deque.popleft(): {deque_seconds * 1000:.1f} ms")
# Output: list.pop(0): ... ms, deque.popleft(): ... ms
print("deque at least 5x faster:", list_seconds >= 5 * deque_seconds)
# Output: deque at least 5x faster: True
# --8<-- [end:demo]

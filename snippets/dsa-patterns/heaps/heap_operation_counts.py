# --8<-- [start:demo]
import heapq
import math
import random


class Counted:
    """An int wrapper that counts every comparison heapq makes (heapq only uses <)."""

    comparisons = 0
    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value

    def __lt__(self, other: "Counted") -> bool:
        Counted.comparisons += 1
        return self.value < other.value


def measure(n: int) -> tuple[float, float, float]:
    rng = random.Random(n)
    items = [Counted(rng.randrange(10 * n)) for _ in range(n)]
    Counted.comparisons = 0
    heapq.heapify(items)
    per_item_heapify = Counted.comparisons / n
    Counted.comparisons = 0
    for _ in range(1_000):
        heapq.heappush(items, Counted(rng.randrange(10 * n)))
    per_push = Counted.comparisons / 1_000
    Counted.comparisons = 0
    for _ in range(1_000):
        heapq.heappop(items)
    per_pop = Counted.comparisons / 1_000
    return per_item_heapify, per_push, per_pop


for n in (1_000, 100_000):
    heapify_cost, push_cost, pop_cost = measure(n)
    print(f"N={n:>7,}: heapify {heapify_cost:.2f}/item, push {push_cost:.2f}, pop {pop_cost:.1f}")
    print("  heapify linear (< 2 comparisons per item):", heapify_cost < 2)
    print("  pop logarithmic (<= 2·log2 N):", pop_cost <= 2 * math.log2(n))
# Output: N=  1,000: heapify .../item, push ..., pop ...
# Output:   heapify linear (< 2 comparisons per item): True
# Output:   pop logarithmic (<= 2·log2 N): True
# Output: N=100,000: heapify .../item, push ..., pop ...
# Output:   heapify linear (< 2 comparisons per item): True
# Output:   pop logarithmic (<= 2·log2 N): True
# --8<-- [end:demo]

# --8<-- [start:max_heap]
import heapq

# Max-Heap: push negated keys, negate again on the way out.
latencies = [120, 450, 300, 90]
max_heap: list[int] = []
for latency in latencies:
    heapq.heappush(max_heap, -latency)
print(-heapq.heappop(max_heap))  # Output: 450
print(-heapq.heappop(max_heap))  # Output: 300

# Python 3.14+ has a max-heap API: no negation, and it works for any orderable item.
if hasattr(heapq, "heapify_max"):
    hosts = ["db-1", "api-3", "cache-2"]
    heapq.heapify_max(hosts)
    print(heapq.heappop_max(hosts))  # Output (Python 3.14+): db-1
else:
    print("no public max-heap functions")  # Output (Python 3.11-3.13): no public max-heap functions
# --8<-- [end:max_heap]


# --8<-- [start:top_k]
import heapq


# Finding Top K highest request throughput payloads efficiently
def top_k_throughputs(throughputs: list[int], k: int) -> list[int]:
    min_heap = []
    for val in throughputs:
        heapq.heappush(min_heap, val)
        if len(min_heap) > k:
            heapq.heappop(min_heap)  # Evict smallest element to maintain size K
    return min_heap


top = top_k_throughputs([120, 450, 300, 90, 800, 610, 75], 3)
print(top)  # Output: [450, 610, 800]
print(sorted(top, reverse=True))  # Output: [800, 610, 450]
print(heapq.nlargest(3, [120, 450, 300, 90, 800, 610, 75]))  # Output: [800, 610, 450]
# --8<-- [end:top_k]

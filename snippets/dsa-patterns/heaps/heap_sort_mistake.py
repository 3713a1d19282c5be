# --8<-- [start:demo]
import heapq


def is_min_heap(values: list[int]) -> bool:
    return all(values[(i - 1) // 2] <= values[i] for i in range(1, len(values)))


jobs = [30, 10, 50, 20, 40]
heapq.heapify(jobs)

# .sort() leaves a valid heap (an ascending list satisfies the invariant); it just costs
# O(N log N) where heappush/heappop cost O(log N).
jobs.sort()
print(is_min_heap(jobs), heapq.heappop(jobs))  # Output: True 10

# What actually breaks a heap: reordering it any other way, or plain list operations.
jobs.sort(reverse=True)
print(is_min_heap(jobs), heapq.heappop(jobs))  # Output: False 50
jobs = [10, 20, 30]
jobs.append(5)  # not heappush
print(is_min_heap(jobs), heapq.heappop(jobs))  # Output: False 10

# heappop is min-heap only: the smallest item comes out first (the _max functions are 3.14+).
scores = [3, 9, 1]
heapq.heapify(scores)
print(heapq.heappop(scores))  # Output: 1
# --8<-- [end:demo]

# --8<-- [start:demo]
import heapq


def left_child(i: int) -> int:
    return 2 * i + 1


def right_child(i: int) -> int:
    return 2 * i + 2


def parent(i: int) -> int:
    return (i - 1) // 2


heap = [42, 7, 19, 3, 25, 11, 8, 30, 1]
heapq.heapify(heap)
print(heap)  # Output: [1, 3, 8, 7, 25, 11, 19, 30, 42]

# Every node is <= its children, located only by index arithmetic.
print(all(heap[parent(i)] <= heap[i] for i in range(1, len(heap))))  # Output: True
print(heap[1], "->", heap[left_child(1)], heap[right_child(1)])  # Output: 3 -> 7 25

# The same list drawn as the complete binary tree it encodes, one level per line.
level_start = 0
while level_start < len(heap):
    level_end = 2 * level_start + 1  # the first index of the next level
    print(heap[level_start:level_end])
    level_start = level_end
# Output: [1]
# Output: [3, 8]
# Output: [7, 25, 11, 19]
# Output: [30, 42]

# Duplicates: a parent may equal its children (the invariant is <=, not <).
status_codes = [503, 503, 503, 200]
heapq.heapify(status_codes)
print(status_codes)  # Output: [200, 503, 503, 503]
print(status_codes[parent(3)] == status_codes[3])  # Output: True
# --8<-- [end:demo]

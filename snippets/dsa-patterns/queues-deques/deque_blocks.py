# --8<-- [start:demo]
import sys
from collections import deque

# Watch sys.getsizeof jump each time the deque links in a new block.
tasks: deque[int] = deque()
size = sys.getsizeof(tasks)
jumps: list[tuple[int, int]] = []
for i in range(300):
    tasks.append(i)
    if sys.getsizeof(tasks) != size:
        jumps.append((len(tasks), sys.getsizeof(tasks) - size))
        size = sys.getsizeof(tasks)

print(jumps)  # Output: [(33, 528), (97, 528), (161, 528), (225, 528), (289, 528)]
# A new block every 64 items; each block is 64 item pointers + 2 link pointers (left, right).
print(64 * 8 + 2 * 8)  # Output: 528
# The first block starts half full: an empty deque begins in the middle of its first block,
# so it can grow to the left as well as to the right without moving anything.
tasks.appendleft(-1)
print(sys.getsizeof(tasks) == size)  # Output: True
# --8<-- [end:demo]

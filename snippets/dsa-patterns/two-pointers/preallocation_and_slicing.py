# --8<-- [start:demo]
import sys

# Pre-allocating when the batch size is known: exactly `size` slots, no resizes while filling.
size = 1_000
batch: list[int | None] = [None] * size
for i in range(size):
    batch[i] = i * i

# Appending instead: the list over-allocates, so only a few appends reallocate.
grown: list[int] = []
resizes = 0
for i in range(size):
    before = sys.getsizeof(grown)
    grown.append(i * i)
    resizes += sys.getsizeof(grown) != before

print(batch == grown)  # Output: True
print(f"reallocations: {resizes} of {size}")  # Output: reallocations: 28 of 1000
print(sys.getsizeof(batch) < sys.getsizeof(grown))  # Output: True

# Slicing copies: a window taken with arr[start:end] is a new list (O(K) time and space).
arr = [10, 20, 30, 40, 50]
window = arr[1:4]
window[0] = 99
print(arr, window)  # Output: [10, 20, 30, 40, 50] [99, 30, 40]


# Index pointers read the same window without copying anything.
def window_sum(values: list[int], start: int, end: int) -> int:
    total = 0
    for i in range(start, end):
        total += values[i]
    return total


print(window_sum(arr, 1, 4))  # Output: 90
# --8<-- [end:demo]

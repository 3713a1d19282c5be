# --8<-- [start:demo]
import bisect

# Finding insertion points to maintain sorted sequence arrays
timestamps = [100, 200, 300, 400, 500]
target = 250
# Returns index offset where target should be inserted to maintain order
index = bisect.bisect_left(timestamps, target)
print(f"Target belongs at offset: {index}")  # Output: Target belongs at offset: 2
# --8<-- [end:demo]

# --8<-- [start:insort]
import bisect

bisect.insort(timestamps, target)  # binary search for the spot, then an O(N) list insert
print(timestamps)  # Output: [100, 200, 250, 300, 400, 500]
print(bisect.bisect_left(timestamps, 250), bisect.bisect_right(timestamps, 250))  # Output: 2 3
# --8<-- [end:insort]

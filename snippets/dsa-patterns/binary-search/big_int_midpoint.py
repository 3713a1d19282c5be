# --8<-- [start:demo]
import ctypes

# Bounds near the top of a signed 64-bit integer (2**63 - 1 is Java's Long.MAX_VALUE).
left, right = 2**62, 2**63 - 1
print(left + right)  # Output: 13835058055282163711
mid = (left + right) // 2
print(left <= mid <= right)  # Output: True

# The same sum in a fixed-width 64-bit integer wraps around to a negative number.
wrapped = ctypes.c_int64(left + right).value
print(wrapped)  # Output: -4611686018427387905
print(wrapped // 2 < left)  # Output: True

# The classic fixed-width fix, also correct in Python.
print(left + (right - left) // 2 == mid)  # Output: True
# --8<-- [end:demo]

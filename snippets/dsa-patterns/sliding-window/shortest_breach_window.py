# --8<-- [start:demo]
# Dynamic sliding window finding shortest continuous payload breach sequence
def shortest_breach_window(bandwidths: list[int], limit: int) -> int:
    if limit <= 0:  # an empty window already "breaches": the loop would run past the end
        raise ValueError("limit must be positive")
    if any(b < 0 for b in bandwidths):  # shrinking must never raise the sum
        raise ValueError("bandwidths must be non-negative")
    left = 0
    current_bandwidth = 0
    min_length = float("inf")
    for right in range(len(bandwidths)):
        current_bandwidth += bandwidths[right]
        while current_bandwidth >= limit:
            min_length = min(min_length, right - left + 1)
            current_bandwidth -= bandwidths[left]
            left += 1
    return min_length if min_length != float("inf") else 0


print(shortest_breach_window([2, 3, 1, 2, 4, 3], 7))  # Output: 2
print(shortest_breach_window([1, 1, 1], 10))  # Output: 0
print(shortest_breach_window([], 7))  # Output: 0
try:
    shortest_breach_window([1, 2], 0)
except ValueError as exc:
    print(f"ValueError: {exc}")  # Output: ValueError: limit must be positive
try:
    shortest_breach_window([5, -10, 5, 5], 8)  # the handbook's version answers 0, not 2
except ValueError as exc:
    print(f"ValueError: {exc}")  # Output: ValueError: bandwidths must be non-negative
# --8<-- [end:demo]

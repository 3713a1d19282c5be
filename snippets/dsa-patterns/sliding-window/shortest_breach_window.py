# --8<-- [start:demo]
# Dynamic sliding window finding shortest continuous payload breach sequence
def shortest_breach_window(bandwidths: list[int], limit: int) -> int:
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
# --8<-- [end:demo]

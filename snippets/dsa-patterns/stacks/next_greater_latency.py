# --8<-- [start:demo]
# Monotonic decreasing stack finding next higher network latency spike O(N)
def next_greater_latency(latencies: list[int]) -> list[int]:
    result = [-1] * len(latencies)
    stack = []  # Stores indices
    for i, latency in enumerate(latencies):
        while stack and latencies[stack[-1]] < latency:
            prev_index = stack.pop()
            result[prev_index] = latency
        stack.append(i)
    return result


print(next_greater_latency([120, 80, 95, 200, 150, 180]))
# Output: [200, 95, 200, -1, 180, -1]
# Equal values wait on the stack together (it is non-increasing, not strictly decreasing),
# and indices never followed by a higher value are never popped.
print(next_greater_latency([100, 100, 120, 90]))  # Output: [120, 120, -1, -1]
print(next_greater_latency([]))  # Output: []
# --8<-- [end:demo]

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
# --8<-- [end:demo]

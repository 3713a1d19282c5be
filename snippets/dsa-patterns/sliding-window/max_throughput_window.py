# --8<-- [start:demo]
# Fixed size sliding window calculating max payload throughput O(N) time
def max_throughput_window(payloads: list[int], window_size: int) -> int:
    if not payloads or not 0 < window_size <= len(payloads):  # also rejects sizes <= 0
        return 0
    current_sum = sum(payloads[:window_size])
    max_sum = current_sum
    for i in range(window_size, len(payloads)):
        current_sum += payloads[i] - payloads[i - window_size]
        max_sum = max(max_sum, current_sum)
    return max_sum


payloads_per_second = [3, 1, 4, 1, 5, 9, 2, 6]
print(max_throughput_window(payloads_per_second, 3))  # Output: 17
print(max_throughput_window([], 3))  # Output: 0
print(max_throughput_window(payloads_per_second, 0))  # Output: 0
print(max_throughput_window(payloads_per_second, -1))  # Output: 0
# --8<-- [end:demo]

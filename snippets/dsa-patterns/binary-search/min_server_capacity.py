# --8<-- [start:demo]
# Binary search finding minimum server capacity needed to handle load arrays
def can_process_in_time(workloads: list[int], capacity: int, hours: int) -> bool:
    time_needed = sum((w + capacity - 1) // capacity for w in workloads)
    return time_needed <= hours


def min_server_capacity(workloads: list[int], target_hours: int) -> int:
    left, right = 1, max(workloads)
    result = right
    while left <= right:
        mid = (left + right) // 2
        if can_process_in_time(workloads, mid, target_hours):
            result = mid
            right = mid - 1  # Try finding smaller valid capacity
        else:
            left = mid + 1  # Capacity too low, increase lower boundary
    return result


print(min_server_capacity([3, 6, 7, 11], 8))  # Output: 4
print(min_server_capacity([30, 11, 23, 4, 20], 6))  # Output: 23
# --8<-- [end:demo]

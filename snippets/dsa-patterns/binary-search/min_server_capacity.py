# --8<-- [start:demo]
# Binary search finding minimum server capacity needed to handle load arrays
def can_process_in_time(workloads: list[int], capacity: int, hours: int) -> bool:
    time_needed = sum((w + capacity - 1) // capacity for w in workloads)
    return time_needed <= hours


def min_server_capacity(workloads: list[int], target_hours: int) -> int:
    # Each workload takes at least one hour, so fewer hours than workloads has no answer.
    if not workloads or target_hours < len(workloads):
        raise ValueError("need at least one workload and target_hours >= len(workloads)")
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
try:
    min_server_capacity([3, 6, 7, 11], 3)  # the handbook's version answers 11, which needs 4 hours
except ValueError as exc:
    print(f"ValueError: {exc}")
# Output: ValueError: need at least one workload and target_hours >= len(workloads)
# --8<-- [end:demo]

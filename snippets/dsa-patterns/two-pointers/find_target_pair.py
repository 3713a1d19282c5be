# --8<-- [start:demo]
# Two-Pointer approach to find target sum in sorted array O(N) time, O(1) space
def find_target_pair(arr: list[int], target: int) -> list[int]:
    left, right = 0, len(arr) - 1
    while left < right:
        current_sum = arr[left] + arr[right]
        if current_sum == target:
            return [arr[left], arr[right]]
        elif current_sum < target:
            left += 1
        else:
            right -= 1
    return []


print(find_target_pair([1, 3, 4, 6, 8, 11], 10))  # Output: [4, 6]
print(find_target_pair([1, 3, 4, 6, 8, 11], 100))  # Output: []
print(find_target_pair([], 10))  # Output: []
# --8<-- [end:demo]

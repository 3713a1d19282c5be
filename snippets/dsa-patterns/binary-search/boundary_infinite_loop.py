# --8<-- [start:demo]
def first_at_least(values: list[int], target: int, *, buggy: bool) -> int | None:
    """Index of the first value >= target; None if the loop stops making progress."""
    left, right = 0, len(values) - 1
    for _ in range(100):  # a guard so the buggy version cannot hang this page
        if left >= right:
            return left
        mid = (left + right) // 2
        if values[mid] < target:
            left = mid if buggy else mid + 1  # mid is too small: it must be excluded
        else:
            right = mid
    return None


print(first_at_least([1, 3], 3, buggy=True))  # Output: None
print(first_at_least([1, 3], 3, buggy=False))  # Output: 1
# --8<-- [end:demo]

# --8<-- [start:solution]
from collections.abc import Sequence


def equal_sum_split(allocations: Sequence[int]) -> int | None:
    """The first index i such that sum(allocations[:i]) == sum(allocations[i:]).

    Both parts must be non-empty (1 <= i < len(allocations)); None if no split exists.
    """
    total = sum(allocations)
    prefix = 0  # running sum of allocations[:i]
    for i in range(1, len(allocations)):
        prefix += allocations[i - 1]
        if 2 * prefix == total:  # left == right  <=>  left == total - left
            return i
    return None


if __name__ == "__main__":
    allocations = [4, 1, 2, 3, 3, 1]
    split = equal_sum_split(allocations)
    print(split, allocations[:split], allocations[split:])  # Output: 3 [4, 1, 2] [3, 3, 1]
    print(equal_sum_split([5, 5]))  # Output: 1
    print(equal_sum_split([1, 2, 4]))  # Output: None
    print(equal_sum_split([3, -3, 0]))  # Output: 2
# --8<-- [end:solution]

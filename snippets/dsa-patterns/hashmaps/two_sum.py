# --8<-- [start:solution]
from collections.abc import Sequence


def two_sum(values: Sequence[int], target: int) -> tuple[int, int] | None:
    """Indices (i, j), i < j, of the first pair summing to target, or None.

    One pass: for each value, look up its complement among the values already seen.
    """
    index_of: dict[int, int] = {}  # value -> index of its first occurrence
    for j, value in enumerate(values):
        i = index_of.get(target - value)
        if i is not None:
            return i, j
        index_of.setdefault(value, j)
    return None


if __name__ == "__main__":
    print(two_sum([2, 7, 11, 15], 9))  # Output: (0, 1)
    print(two_sum([3, 2, 4], 6))  # Output: (1, 2)
    print(two_sum([3, 3], 6))  # Output: (0, 1)
    print(two_sum([1, 2, 3], 100))  # Output: None
# --8<-- [end:solution]

# --8<-- [start:solution]
from collections.abc import Callable


def first_bad_version(versions: int, is_bad: Callable[[int], bool]) -> int | None:
    """The first bad version among 1..versions, or None if every version is good.

    Versions are ordered and a defect, once deployed, stays: is_bad is False...False True...True.
    Each is_bad call may be expensive (a deploy, a test run), so make O(log N) of them.
    """
    left, right = 1, versions
    first_bad = None
    while left <= right:
        mid = (left + right) // 2
        if is_bad(mid):
            first_bad = mid  # a candidate; an earlier one may exist
            right = mid - 1
        else:
            left = mid + 1
    return first_bad


if __name__ == "__main__":
    calls: list[int] = []

    def is_bad(version: int) -> bool:
        calls.append(version)
        return version >= 1_337

    print(first_bad_version(2_000, is_bad))  # Output: 1337
    print(f"{len(calls)} calls: {calls}")
    # Output: 11 calls: [1000, 1500, 1250, 1375, 1312, 1343, 1327, 1335, 1339, 1337, 1336]
    print(first_bad_version(10, lambda version: False))  # Output: None
# --8<-- [end:solution]

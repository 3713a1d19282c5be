# --8<-- [start:solution]
from collections.abc import Sequence


def has_interactions_k_apart(timestamps: Sequence[int], k: int) -> bool:
    """True if two distinct interactions happened exactly k seconds apart.

    Sort once, then move two pointers in the same direction: `right` looks for
    timestamps[right] - timestamps[left] == k, `left` catches up when the gap is too wide.
    """
    k = abs(k)
    ordered = sorted(timestamps)
    left, right = 0, 1
    while right < len(ordered):
        if left == right:  # two *distinct* interactions: never compare one with itself
            right += 1
            continue
        gap = ordered[right] - ordered[left]
        if gap == k:
            return True
        if gap < k:
            right += 1
        else:
            left += 1
    return False


if __name__ == "__main__":
    events = [1_700_000_030, 1_700_000_000, 1_700_000_095, 1_700_000_042]
    print(has_interactions_k_apart(events, 12))  # Output: True
    print(has_interactions_k_apart(events, 50))  # Output: False
    print(has_interactions_k_apart([5, 5], 0))  # Output: True
    print(has_interactions_k_apart([5], 0))  # Output: False
# --8<-- [end:solution]

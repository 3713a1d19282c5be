# --8<-- [start:solution]
from collections.abc import Hashable, Sequence


def longest_unique_run(signatures: Sequence[Hashable]) -> tuple[int, int]:
    """(start, length) of the longest contiguous run with no repeated signature.

    The earliest such run wins on ties; an empty input gives (0, 0).
    """
    last_seen: dict[Hashable, int] = {}  # signature -> index of its latest occurrence
    best_start, best_length = 0, 0
    left = 0
    for right, signature in enumerate(signatures):
        previous = last_seen.get(signature)
        if previous is not None and previous >= left:
            left = previous + 1  # jump past the duplicate: the window never shrinks one by one
        last_seen[signature] = right
        if right - left + 1 > best_length:
            best_start, best_length = left, right - left + 1
    return best_start, best_length


if __name__ == "__main__":
    packets = ["AUTH", "DATA", "ACK", "DATA", "FIN", "RST", "AUTH"]
    start, length = longest_unique_run(packets)
    print(start, length, packets[start : start + length])
    # Output: 2 5 ['ACK', 'DATA', 'FIN', 'RST', 'AUTH']
    print(longest_unique_run("abcabcbb"))  # Output: (0, 3)
    print(longest_unique_run([]))  # Output: (0, 0)
# --8<-- [end:solution]

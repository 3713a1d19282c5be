import random

import pytest
from longest_unique_packets import longest_unique_run


def brute_force(signatures: list[str]) -> int:
    best = 0
    for i in range(len(signatures)):
        for j in range(i, len(signatures)):
            if len(set(signatures[i : j + 1])) == j - i + 1:
                best = max(best, j - i + 1)
    return best


@pytest.mark.parametrize(
    ("signatures", "expected"),
    [
        ([], (0, 0)),  # empty input
        (["SYN"], (0, 1)),  # a single packet
        (["ACK", "ACK", "ACK"], (0, 1)),  # only duplicates
        (["A", "B", "C", "D"], (0, 4)),  # no duplicate at all
        ("abcabcbb", (0, 3)),  # strings work too
        ("pwwkew", (2, 3)),  # the run starts after a duplicate
        ("abba", (0, 2)),  # a stale last-seen index must not move left backwards
        ("dvdf", (1, 3)),
    ],
)
def test_examples(signatures: list[str], expected: tuple[int, int]) -> None:
    assert longest_unique_run(signatures) == expected


def test_window_really_is_unique_and_longest() -> None:
    rng = random.Random(11)
    for _ in range(300):
        signatures = [rng.choice("ABCDE") for _ in range(rng.randrange(15))]
        start, length = longest_unique_run(signatures)
        window = signatures[start : start + length]
        assert len(set(window)) == len(window) == length
        assert length == brute_force(signatures)


def test_large_input() -> None:
    signatures = [f"sig-{i % 1000}" for i in range(300_000)]
    assert longest_unique_run(signatures) == (0, 1000)
    assert longest_unique_run(list(range(200_000))) == (0, 200_000)

import random

import pytest
from k_apart_interactions import has_interactions_k_apart


def brute_force(timestamps: list[int], k: int) -> bool:
    return any(
        abs(timestamps[i] - timestamps[j]) == abs(k)
        for i in range(len(timestamps))
        for j in range(i + 1, len(timestamps))
    )


@pytest.mark.parametrize(
    ("timestamps", "k", "expected"),
    [
        ([], 5, False),  # empty input
        ([42], 0, False),  # one interaction cannot pair with itself
        ([10, 10], 0, True),  # duplicates: two distinct events at the same second
        ([10, 10, 10], 3, False),  # duplicates, no answer
        ([1, 5, 3, 9], 4, True),  # unsorted input
        ([1, 5, 3, 9], 7, False),  # no answer
        ([100, 40], -60, True),  # k given as a negative gap
    ],
)
def test_examples(timestamps: list[int], k: int, expected: bool) -> None:
    assert has_interactions_k_apart(timestamps, k) is expected


def test_input_is_not_mutated() -> None:
    timestamps = [30, 10, 20]
    has_interactions_k_apart(timestamps, 10)
    assert timestamps == [30, 10, 20]


def test_matches_brute_force_on_random_inputs() -> None:
    rng = random.Random(7)
    for _ in range(300):
        timestamps = [rng.randrange(50) for _ in range(rng.randrange(12))]
        k = rng.randrange(-10, 20)
        assert has_interactions_k_apart(timestamps, k) is brute_force(timestamps, k)


def test_large_input() -> None:
    timestamps = list(range(0, 400_000, 2))  # only even gaps exist
    assert has_interactions_k_apart(timestamps, 399_998) is True
    assert has_interactions_k_apart(timestamps, 7) is False

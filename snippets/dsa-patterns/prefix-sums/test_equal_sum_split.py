import random

import pytest
from equal_sum_split import equal_sum_split


def brute_force(allocations: list[int]) -> int | None:
    for i in range(1, len(allocations)):
        if sum(allocations[:i]) == sum(allocations[i:]):
            return i
    return None


@pytest.mark.parametrize(
    ("allocations", "expected"),
    [
        ([], None),  # empty input: no two non-empty parts
        ([0], None),  # a single element cannot be split
        ([0, 0], 1),  # zeros: the first split wins
        ([7, 7, 7, 7], 2),  # duplicates
        ([1, 2, 3], 2),
        ([1, 2, 4], None),  # no answer
        ([5, 1, 1], None),  # odd total: never splittable
        ([3, -3, 0], 2),  # negatives: 3 + -3 == 0
        ([-1, 1, -1, 1], 2),
    ],
)
def test_examples(allocations: list[int], expected: int | None) -> None:
    assert equal_sum_split(allocations) == expected


def test_matches_brute_force_on_random_inputs() -> None:
    rng = random.Random(9)
    for _ in range(500):
        allocations = [rng.randrange(-5, 6) for _ in range(rng.randrange(10))]
        assert equal_sum_split(allocations) == brute_force(allocations)


def test_large_input() -> None:
    allocations = [1] * 1_000_000
    assert equal_sum_split(allocations) == 500_000
    assert equal_sum_split([*allocations, 1]) is None  # odd total

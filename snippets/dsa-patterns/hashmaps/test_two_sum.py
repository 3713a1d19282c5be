import random

import pytest
from two_sum import two_sum


@pytest.mark.parametrize(
    ("values", "target", "expected"),
    [
        ([], 0, None),  # empty input
        ([5], 10, None),  # a single value cannot pair with itself
        ([3, 3], 6, (0, 1)),  # duplicates
        ([3, 2, 4], 6, (1, 2)),  # 3 + 3 would reuse index 0
        ([-4, 10, 1, 14], 10, (0, 3)),  # negatives
        ([0, 4, 0], 0, (0, 2)),  # zeros
        ([1, 2, 3], 100, None),  # no answer
    ],
)
def test_examples(values: list[int], target: int, expected: tuple[int, int] | None) -> None:
    assert two_sum(values, target) == expected


def test_answer_is_valid_on_random_inputs() -> None:
    rng = random.Random(3)
    for _ in range(300):
        values = [rng.randrange(-20, 20) for _ in range(rng.randrange(10))]
        target = rng.randrange(-30, 30)
        result = two_sum(values, target)
        pairs = [
            (i, j)
            for i in range(len(values))
            for j in range(i + 1, len(values))
            if values[i] + values[j] == target
        ]
        if result is None:
            assert pairs == []
        else:
            i, j = result
            assert i < j
            assert values[i] + values[j] == target


def test_large_input() -> None:
    values = list(range(1, 500_001))
    assert two_sum(values, 999_999) == (499_998, 499_999)
    assert two_sum(values, 2) is None

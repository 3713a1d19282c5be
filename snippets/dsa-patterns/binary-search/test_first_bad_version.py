import math

import pytest
from first_bad_version import first_bad_version


class Repository:
    """Versions 1..size; versions >= first_bad are bad. Counts the probes."""

    def __init__(self, size: int, first_bad: int | None) -> None:
        self.size, self.first_bad, self.calls = size, first_bad, 0

    def is_bad(self, version: int) -> bool:
        assert 1 <= version <= self.size, "probed a version that does not exist"
        self.calls += 1
        return self.first_bad is not None and version >= self.first_bad


def max_calls(size: int) -> int:
    return math.floor(math.log2(size)) + 1


def test_no_versions() -> None:  # empty input
    repo = Repository(0, None)
    assert first_bad_version(0, repo.is_bad) is None
    assert repo.calls == 0


@pytest.mark.parametrize(("size", "first_bad"), [(1, 1), (1, None), (2, 1), (2, 2), (5, 4)])
def test_small_repositories(size: int, first_bad: int | None) -> None:
    repo = Repository(size, first_bad)
    assert first_bad_version(size, repo.is_bad) == first_bad


def test_every_position_in_a_range() -> None:
    for size in range(1, 65):
        for first_bad in [*range(1, size + 1), None]:  # None: no answer
            repo = Repository(size, first_bad)
            assert first_bad_version(size, repo.is_bad) == first_bad
            assert repo.calls <= max_calls(size)


def test_all_bad_and_all_good() -> None:  # the same answer on every probe ("duplicates")
    assert first_bad_version(1_000, lambda version: True) == 1
    assert first_bad_version(1_000, lambda version: False) is None


def test_huge_version_space_uses_logarithmic_calls() -> None:  # large input
    size = 2**64  # beyond any fixed-width int: (left + right) would overflow in C or Java
    repo = Repository(size, 2**63 + 12_345)
    assert first_bad_version(size, repo.is_bad) == 2**63 + 12_345
    assert repo.calls <= 65

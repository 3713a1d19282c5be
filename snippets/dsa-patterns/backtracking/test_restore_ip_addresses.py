import ipaddress
from itertools import combinations

import pytest
from restore_ip_addresses import restore_ip_addresses


def brute_force(digits: str) -> list[str]:
    found = []
    for a, b, c in combinations(range(1, len(digits)), 3):
        parts = [digits[:a], digits[a:b], digits[b:c], digits[c:]]
        if all(p and str(int(p)) == p and int(p) <= 255 for p in parts):
            found.append(".".join(parts))
    return found


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("", []),  # empty input
        ("123", []),  # too short
        ("0000", ["0.0.0.0"]),  # repeated zeros: "0" is a valid part
        ("1111", ["1.1.1.1"]),  # duplicate digits
        ("010010", ["0.10.0.10", "0.100.1.0"]),  # leading zeros are rejected
        ("255255255255", ["255.255.255.255"]),
        ("256256256256", []),  # no answer: every part would exceed 255
        ("1234567890123", []),  # too long
        ("12a4", []),  # not digits
        ("1²34", []),  # str.isdigit() alone accepts "²"
    ],
)
def test_examples(digits: str, expected: list[str]) -> None:
    assert restore_ip_addresses(digits) == expected


def test_results_are_valid_ipv4_addresses() -> None:
    for address in restore_ip_addresses("172162541"):
        assert str(ipaddress.IPv4Address(address)) == address
        assert address.replace(".", "") == "172162541"


def test_matches_brute_force_for_many_inputs() -> None:
    for number in range(0, 3_000_000, 7_919):
        digits = str(number) + "0" * (number % 5)
        assert sorted(restore_ip_addresses(digits)) == sorted(brute_force(digits))


def test_large_input_is_rejected_immediately() -> None:
    assert restore_ip_addresses("1" * 1_000_000) == []

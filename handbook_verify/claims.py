"""Output claims: `# Output: text` comments that the real output must bear out, in order.

A claim may name the versions it holds on, when the output differs between supported versions:

    print(sys.getrefcount(x))  # Output (Python 3.11-3.13): 2
                               # Output (Python 3.14+): 1

A qualifier is one product (Python, PostgreSQL, Redis) and versions: `3.12`, `3.13+`, `3.11-3.13`
(or an en dash), several separated by commas. A claim whose versions exclude the one running is
not checked (the report counts it as stated for another version); every other claim is.
"""

from __future__ import annotations

import platform
import re
from collections.abc import Mapping
from dataclasses import dataclass

_CLAIM = re.compile(r"(?:#|--)\s*Output(?:\s*\((?P<when>[^)]*)\))?:\s?(?P<text>.*)$")
_RANGE = re.compile(r"^(?P<low>\d+(?:\.\d+)*)\s*(?:(?P<plus>\+)|[-–]\s*(?P<high>\d+(?:\.\d+)*))?$")
PRODUCTS = ("Python", "PostgreSQL", "Redis")

Versions = Mapping[str, tuple[int, ...]]


class ClaimSyntaxError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _parse(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def version_of(text: str) -> tuple[int, ...]:
    """The first dotted version number in `text` ("Redis 7.0.15" -> (7, 0, 15)); () if none."""
    found = re.search(r"\d+(?:\.\d+)*", text)
    return _parse(found.group()) if found else ()


def running_versions(services: Mapping[str, str]) -> dict[str, tuple[int, ...]]:
    """The versions claims are checked against: this interpreter and the services in use."""
    found = {"Python": _parse(platform.python_version())}
    for product, key in (("PostgreSQL", "postgres"), ("Redis", "redis")):
        if version := version_of(services.get(key, "")):
            found[product] = version
    return found


@dataclass(frozen=True)
class Claim:
    line: int  # 1-based line in the sample file
    text: str
    when: str = ""  # "" holds everywhere; else e.g. "Python 3.13+"

    def applies(self, versions: Versions) -> bool:
        if not self.when:
            return True
        product, _, ranges = self.when.partition(" ")
        running = versions.get(product)
        if running is None:
            return False
        for spec in ranges.split(","):
            match = _RANGE.match(spec.strip())
            assert match  # validated by extract_claims
            low = _parse(match["low"])
            high = None if match["plus"] else _parse(match["high"] or match["low"])
            if running[: len(low)] >= low and (high is None or running[: len(high)] <= high):
                return True
        return False


def _validate(when: str, line: int) -> str:
    when = " ".join(when.split())
    product, _, ranges = when.partition(" ")
    if product not in PRODUCTS or not ranges:
        raise ClaimSyntaxError(line, f"claim qualifier ({when}) must name one of "
                               f"{', '.join(PRODUCTS)} and versions, e.g. (Python 3.13+)")
    for spec in ranges.split(","):
        if not _RANGE.match(spec.strip()):
            raise ClaimSyntaxError(line, f"claim qualifier ({when}): {spec.strip()!r} is not a "
                                   "version, a range like 3.11-3.13, or an open range like 3.14+")
    return when


def extract_claims(source: str) -> list[Claim]:
    claims = []
    for number, line in enumerate(source.splitlines(), start=1):
        match = _CLAIM.search(line)
        if match:
            when = _validate(match["when"], number) if match["when"] is not None else ""
            claims.append(Claim(number, match.group("text").rstrip(), when))
    return claims


def claim_text_start(line: str) -> int:
    """Where the claimed text begins on a line that has a claim."""
    match = _CLAIM.search(line)
    if match is None:
        raise ValueError(f"no output claim on {line!r}")
    return match.start("text")


def _pattern(text: str) -> re.Pattern[str]:
    """A claim as a full-line pattern in which `...` matches anything (doctest ELLIPSIS)."""
    return re.compile(".*".join(re.escape(part) for part in text.split("...")), re.DOTALL)


def line_matches(expected: str, actual: str) -> bool:
    return _pattern(expected.rstrip()).fullmatch(actual.rstrip()) is not None


def first_unmet(claims: list[Claim], stdout: str) -> tuple[Claim, int] | None:
    """Match claims in order against stdout lines; return the first unmet claim and where the
    search for it started (index into stdout lines), or None when all hold."""
    lines = stdout.splitlines()
    position = 0
    for claim in claims:
        for index in range(position, len(lines)):
            if line_matches(claim.text, lines[index]):
                position = index + 1
                break
        else:
            return claim, position
    return None


def whole_output_matches(expected: str, stdout: str) -> bool:
    """Full expected output (from an `expected` file): every line must match, `...` per line, and
    a line that is exactly `...` matches any number of lines."""
    want = expected.rstrip("\n").splitlines()
    got = stdout.rstrip("\n").splitlines()

    def match(i: int, j: int) -> bool:
        if i == len(want):
            return j == len(got)
        if want[i].strip() == "...":
            return any(match(i + 1, k) for k in range(j, len(got) + 1))
        return j < len(got) and line_matches(want[i], got[j]) and match(i + 1, j + 1)

    return match(0, 0)

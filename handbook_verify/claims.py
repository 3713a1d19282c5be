"""Output claims: `# Output: text` comments that the real stdout must bear out, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLAIM = re.compile(r"(?:#|--)\s*Output:\s?(?P<text>.*)$")


@dataclass(frozen=True)
class Claim:
    line: int  # 1-based line in the sample file
    text: str


def extract_claims(source: str) -> list[Claim]:
    claims = []
    for number, line in enumerate(source.splitlines(), start=1):
        match = _CLAIM.search(line)
        if match:
            claims.append(Claim(number, match.group("text").rstrip()))
    return claims


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

"""`python -m handbook_verify run --update`: bring samples' stated output up to date with what
they really print, for a person to review with `git diff` (in the spirit of pytest-examples'
`--update-examples`).

- A sample's `expected` file is written when it is missing or no longer matches.
- An `Output:` claim that the output does not bear out gets, on its own line, the output line
  most like it (from where the previous claim matched on). Only that claim's text changes: its
  qualifier, its comment and every other claim stay, and no claim is ever deleted. A claim with
  no output left to match against is reported, not changed.

Claims are about the handbook's words: when a claim changes because the handbook was wrong, the
page needs an erratum too (CONTRIBUTING.md, "Errata"). Parts that vary between runs need `...`
by hand.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .claims import (
    ClaimSyntaxError,
    claim_text_start,
    extract_claims,
    line_matches,
    whole_output_matches,
)
from .model import Result, Sample

OUTPUT_PROBLEMS = ("output claim not met", "output differs from", "expected output file")


@dataclass
class Change:
    path: Path
    diff: str  # unified diff of the file, for the log
    note: str = ""


def _closest(text: str, lines: list[str], start: int) -> int | None:
    """Index of the output line (from `start` on) most like a claim's text; the first wins ties."""
    scores = [(difflib.SequenceMatcher(None, text, line.rstrip()).ratio(), -index)
              for index, line in enumerate(lines) if index >= start]
    return -max(scores)[1] if scores else None


def propose_claims(source: str, output: str, versions: Mapping[str, tuple[int, ...]]
                   ) -> tuple[str, list[str]]:
    """The sample's source with each unmet claim that applies here rewritten to the output line
    it most likely means, and notes on claims left as they were."""
    lines = source.splitlines(keepends=True)
    printed = output.splitlines()
    notes: list[str] = []
    position = 0
    for claim in extract_claims(source):
        if not claim.applies(versions):
            continue
        hit = next((i for i in range(position, len(printed))
                    if line_matches(claim.text, printed[i])), None)
        if hit is None:
            hit = _closest(claim.text, printed, position)
            if hit is None:
                notes.append(f"line {claim.line}: no output left to match `{claim.text}`; "
                             "left as it is")
                continue
            line = lines[claim.line - 1]
            ending = line[len(line.rstrip("\r\n")):]
            start = claim_text_start(line)
            lines[claim.line - 1] = line[:start] + printed[hit].rstrip() + ending
        position = hit + 1
    return "".join(lines), notes


def _diff(path: Path, before: str, after: str, root: Path) -> str:
    name = path.relative_to(root).as_posix()
    return "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True), f"a/{name}", f"b/{name}"))


def update_sample(sample: Sample, result: Result, versions: Mapping[str, tuple[int, ...]],
                  root: Path) -> list[Change]:
    """Write what `--update` changes for one verified sample; return the changes made."""
    changes: list[Change] = []
    if result.status != "failed" or not all(p.reason.startswith(OUTPUT_PROBLEMS)
                                            for p in result.problems):
        return changes  # a crash or a failing test is for a person to fix, not to record
    if sample.meta.expected:
        expected = sample.path.parent / sample.meta.expected
        before = expected.read_text(encoding="utf-8") if expected.exists() else ""
        if not expected.exists() or not whole_output_matches(before, result.output):
            expected.write_text(result.output, encoding="utf-8")
            changes.append(Change(expected, _diff(expected, before, result.output, root)))
    source = sample.path.read_text(encoding="utf-8")
    try:
        updated, notes = propose_claims(source, result.output, versions)
    except ClaimSyntaxError as exc:
        return [*changes, Change(sample.path, "", f"line {exc.line}: {exc}; not updated")]
    if updated != source:
        sample.path.write_text(updated, encoding="utf-8")
    if updated != source or notes:
        changes.append(Change(sample.path, _diff(sample.path, source, updated, root),
                              "; ".join(notes)))
    return changes


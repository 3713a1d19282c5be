"""The one output check shared by every kind of sample (Python, SQL, Lua): `Output:` claims in
order, version-qualified claims only on their versions, and an optional full expected file."""

from __future__ import annotations

import difflib

from ..claims import ClaimSyntaxError, extract_claims, first_unmet, whole_output_matches
from ..model import Problem
from .base import Context


def other_versions(ctx: Context) -> list[str]:
    """Qualifiers of the claims this build does not check (they are for other versions)."""
    try:
        claims = extract_claims(ctx.sample.path.read_text(encoding="utf-8"))
    except ClaimSyntaxError:
        return []
    return sorted({c.when for c in claims if not c.applies(ctx.versions)})


def output_problems(ctx: Context, output: str) -> tuple[list[Problem], int]:
    """Problems with the sample's claims about `output`, and how many claims were checked."""
    source = ctx.sample.path.read_text(encoding="utf-8")
    try:
        claims = [c for c in extract_claims(source) if c.applies(ctx.versions)]
    except ClaimSyntaxError as exc:
        return [ctx.problem(str(exc), line=exc.line)], 0
    problems = []
    unmet = first_unmet(claims, output)
    if unmet:
        claim, start = unmet
        rest = output.splitlines()[start : start + 12]
        problems.append(
            ctx.problem(
                "output claim not met",
                line=claim.line,
                detail=f"claimed{f' ({claim.when})' if claim.when else ''}: {claim.text}\n"
                f"output from line {start + 1} on:\n"
                + ("\n".join(f"  | {row}" for row in rest) or "  | (no more output)"),
                hint="fix the sample, or fix the claim where the handbook was wrong and add an "
                "erratum; use ... for parts that vary between runs, and a qualifier such as "
                "`Output (Python 3.13+):` where versions print different things",
            )
        )
    if ctx.sample.meta.expected:
        problems += _expected_file_problems(ctx, output)
    return problems, len(claims) + bool(ctx.sample.meta.expected)


def _expected_file_problems(ctx: Context, output: str) -> list[Problem]:
    path = ctx.sample.path.parent / ctx.sample.meta.expected
    if not path.exists():
        return [ctx.problem(f"expected output file {path.name} is missing",
                            hint="write it with: python -m handbook_verify run --update "
                            f"{ctx.where}")]
    expected = path.read_text(encoding="utf-8")
    if whole_output_matches(expected, output):
        return []
    diff = difflib.unified_diff(expected.splitlines(), output.splitlines(), "expected", "actual",
                                lineterm="")
    return [ctx.problem(f"output differs from {path.name}", detail="\n".join(list(diff)[:30]),
                        hint="update the expected file only if the new output is right")]

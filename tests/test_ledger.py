"""Claim ledgers: every handbook line is accounted for, and every piece of evidence resolves."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from handbook_verify import ledger

ROOT = Path(__file__).resolve().parent.parent
LEDGERS = sorted((ROOT / "ledger").rglob("*.yml"))


@pytest.mark.parametrize("path", LEDGERS, ids=[p.relative_to(ROOT / "ledger").as_posix()
                                              for p in LEDGERS])
def test_ledger_accounts_for_every_line_with_evidence_that_resolves(path: Path):
    problems = ledger.check_ledger(ledger.load(path), ROOT, ledger.SEEDS_DIR)
    assert not problems, "\n".join(p.render() for p in problems)


def test_every_line_of_the_handbook_is_in_a_ledger():
    missing = ledger.uncovered_handbook_lines(ROOT, ledger.SEEDS_DIR)
    assert not missing, f"{len(missing)} handbook lines are in no ledger, from line {missing[0]}"


def test_the_seed_copies_match_the_shared_seeds():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds is not beside this clone (it is in CI and on fresh machines)")
    for copy in sorted(ledger.SEEDS_DIR.glob("*.txt")):
        assert copy.read_bytes() == (shared / copy.name).read_bytes(), copy.name


# -- the checker itself, on a small fixture project ------------------------------------------

SEED = "Title line\nA fact about refcounts.\nprint(1)  # Output: 1\n\nSome advice.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "seed.txt").write_text(SEED)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(textwrap.dedent('''\
        # Page

        ```python
        --8<-- "m/t/sample.py"
        ```

        !!! erratum "Refcounts differ on 3.12+"
            text
        '''))
    (tmp_path / "snippets" / "m" / "t").mkdir(parents=True)
    (tmp_path / "snippets" / "m" / "t" / "sample.py").write_text(
        "print(1)  # Output: 1\n\ndef test_one():\n    assert True\n")
    (tmp_path / "ledger").mkdir()
    return tmp_path


def check(project: Path, statements: str) -> list[str]:
    path = project / "ledger" / "page.yml"
    path.write_text("page: page.md\nseed: seed.txt\nlines: 1-5\nstatements:\n"
                    + textwrap.indent(textwrap.dedent(statements), "  "))
    return [p.reason for p in ledger.check_ledger(ledger.load(path), project, project / "seeds")]


COMPLETE = """\
- {at: 1, says: Title line, verdict: structure}
- {at: 2, says: A fact, verdict: corrected, erratum: "Refcounts differ on 3.12+"}
- {at: 3, says: prints 1, verdict: demonstrated, sample: m/t/sample.py, claim: "Output: 1"}
- {at: 5, says: Some advice, verdict: advice, review: sound because it is}
"""


def test_a_complete_ledger_passes(project: Path):
    assert check(project, COMPLETE) == []


def test_an_unaccounted_line_is_reported(project: Path):
    problems = check(project, COMPLETE.replace("- {at: 5", "- {at: 1"))
    assert problems == ["1 seed line(s) of seed.txt not accounted for: 5"]


@pytest.mark.parametrize(("change", "expected"), [
    ('erratum: "Refcounts differ on 3.12+"', 'erratum: "Nope"', ),
    ('claim: "Output: 1"', 'claim: "Output: 2"'),
    ("sample: m/t/sample.py", "sample: m/t/missing.py"),
])
def test_evidence_that_points_at_nothing_is_reported(project: Path, change: str, expected: str):
    problems = check(project, COMPLETE.replace(change, expected))
    assert len(problems) == 1 and "statement" in problems[0]


def test_a_named_test_must_exist(project: Path):
    good = COMPLETE.replace('claim: "Output: 1"', "test: test_one")
    assert check(project, good) == []
    assert "no test function" in check(project, good.replace("test_one", "test_two"))[0]


def test_a_sourced_statement_needs_a_version(project: Path):
    sourced = COMPLETE.replace('verdict: advice, review: sound because it is',
                               'verdict: sourced, source: "PEP 683"')
    assert check(project, sourced) == ["statement 4 (at 5): a sourced statement needs version"]
    assert check(project, sourced.replace('"PEP 683"', '"PEP 683", version: "3.12"')) == []


def test_an_at_on_a_blank_or_missing_seed_line_is_reported(project: Path):
    problems = check(project, COMPLETE + "- {at: 4, says: nothing here, verdict: structure}\n")
    assert problems == ["statement 5 (at 4): line(s) [4] of seed.txt are blank or past its end "
                        "(a mis-numbered `at`?)"]


def test_says_that_reads_like_a_nearby_line_is_a_warning_not_a_problem(project: Path):
    shifted = COMPLETE.replace("- {at: 1, says: Title line", "- {at: [1, 2], says: Title line")
    shifted = shifted.replace("- {at: 2, says: A fact,", "- {at: 5, says: A fact about refcounts,")
    assert check(project, shifted) == []
    warnings = ledger.says_warnings(ledger.load(project / "ledger" / "page.yml"),
                                    project / "seeds")
    assert [w.reason for w in warnings] == [
        "statement 2 (at 5): `says` matches seed line 2 (100% of its words) better than its "
        "`at` lines (0%)"]
    assert ledger.says_warnings(ledger.load(project / "ledger" / "page.yml"), project / "seeds",
                                window=0) == []

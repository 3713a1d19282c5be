"""Claim ledgers: every line of the handbook's text, split into statements, each with a verdict.

One YAML file per page, `ledger/<page path without .md>.yml`, mirrors `docs/`:

    page: core-python/memory-management.md
    seed: 002_6728ea6d2d6351bc.txt      # optional, the handbook by default
    lines: 4-91                          # the unit's seed lines: "a-b", an int, or a list of them
    statements:
      - at: 6                            # seed line(s) the words come from: int, "6-8" or a list
        says: "Every object in CPython contains a header with a reference count (ob_refcnt)."
        verdict: sourced
        source: "CPython v3.14.0 Include/object.h: PyObject holds ob_refcnt (and ob_type)"
        version: "CPython 3.14.0"
      - at: 8-16
        says: "print(sys.getrefcount(my_list)) # Output: 2"
        verdict: demonstrated
        sample: core-python/memory-management/refcount_basics.py
        claim: "Output: 2"               # text of an `Output:` claim line in the sample
                                         # (or `test: test_name`, or `runs: true` for code)
      - {at: 9, says: "...", verdict: corrected, erratum: "Title of the !!! erratum on the page"}
      - {at: 12, says: "...", verdict: advice, review: "why the advice is sound"}
      - {at: 5, says: "Level 1 — Must Know", verdict: structure}

`check_ledgers()` returns every problem: a seed line of the unit that no statement accounts for,
an `at` on a blank seed line, evidence that points at nothing, a `sourced` entry without a version.
`says_warnings()` flags (without failing) a `says` that matches a nearby seed line much better
than its own `at` lines: `says` is paraphrased, so only that signature of an off-by-n `at` is used.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import files
from .claims import Claim, extract_claims
from .discover import find_includes

# libyaml's safe loader when PyYAML has it (20× faster on ~50 ledgers, every build).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HANDBOOK = "002_6728ea6d2d6351bc.txt"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "ledger" / "seeds"  # copies of shared/seeds
VERDICTS = ("demonstrated", "sourced", "corrected", "advice", "structure")
REQUIRED = {
    "demonstrated": ("sample",),
    "sourced": ("source", "version"),
    "corrected": ("erratum",),
    "advice": ("review",),
    "structure": (),
}
_ERRATUM = re.compile(r'^\s*[!?]{3}\+?\s+erratum\s+"(?P<title>(?:[^"\\]|\\.)*)"', re.MULTILINE)
_TEST = re.compile(r"^\s*(?:async\s+)?def\s+(test_\w+)\s*\(", re.MULTILINE)


def parse_lines(spec: object) -> list[int]:
    """`12`, `"4-9"`, `[3, "5-6"]` -> sorted seed line numbers."""
    items = spec if isinstance(spec, list) else [spec]
    found: set[int] = set()
    for item in items:
        text = str(item).strip()
        low, _, high = text.partition("-")
        if not low.strip().isdigit() or (high and not high.strip().isdigit()):
            raise ValueError(f"not a line or range of lines: {item!r}")
        found.update(range(int(low), int(high or low) + 1))
    return sorted(found)


@dataclass
class Statement:
    at: list[int]
    says: str
    verdict: str
    data: dict

    @property
    def evidence(self) -> str:
        """One line for readers: what backs the verdict."""
        d = self.data
        if self.verdict == "demonstrated":
            how = d.get("claim") or (f"test {d['test']}" if d.get("test") else "runs")
            return f"{d['sample']} — {how}"
        if self.verdict == "sourced":
            return f"{d['source']} ({d['version']})"
        if self.verdict == "corrected":
            return f"erratum: {d['erratum']}"
        if self.verdict == "advice":
            return d["review"]
        return ""

    @property
    def note(self) -> str:
        return str(self.data.get("note") or "")


@dataclass
class Ledger:
    path: Path
    page: str
    seed: str
    lines: list[int]
    statements: list[Statement] = field(default_factory=list)

    def totals(self) -> Counter[str]:
        return Counter(s.verdict for s in self.statements)


@dataclass
class LedgerProblem:
    where: str
    reason: str

    def render(self) -> str:
        return f"{self.where}: {self.reason}"


def load(path: Path) -> Ledger:
    data = _parsed(files.text(path))
    statements = [
        Statement(parse_lines(item.get("at", [])), str(item.get("says", "")),
                  str(item.get("verdict", "")), item)
        for item in data.get("statements") or []
    ]
    return Ledger(path, str(data.get("page", "")), str(data.get("seed", HANDBOOK)),
                  parse_lines(data.get("lines", [])), statements)


@functools.lru_cache(maxsize=256)  # mkdocs serve: every ledger is loaded on each save
def _parsed(text: str) -> dict:
    """A ledger's YAML (read-only to callers)."""
    return yaml.load(text, Loader=_YAML_LOADER) or {}


def load_all(root: Path) -> list[Ledger]:
    return [load(p) for p in sorted((root / "ledger").rglob("*.yml"))]


def seed_text(seeds_dir: Path, seed: str) -> Sequence[str]:
    return files.lines(seeds_dir / seed)


def _check_statement(s: Statement, index: int, ledger: Ledger, root: Path, page_text: str,
                     embedded: set[str], seed: Sequence[str] | None = None) -> list[str]:
    where = f"statement {index + 1} (at {s.at[0] if s.at else '?'})"
    if s.verdict not in VERDICTS:
        return [f"{where}: verdict {s.verdict!r} is not one of {', '.join(VERDICTS)}"]
    if not s.at:
        return [f"{where}: `at` names no seed line"]
    if not s.says.strip():
        return [f"{where}: `says` is empty (quote the handbook's words)"]
    missing = [k for k in REQUIRED[s.verdict] if not str(s.data.get(k) or "").strip()]
    if missing:
        return [f"{where}: a {s.verdict} statement needs {', '.join(missing)}"]
    outside = sorted(set(s.at) - set(ledger.lines))
    if outside:
        return [f"{where}: line(s) {outside} are outside the unit's lines"]
    blank = [n for n in s.at if seed is not None and (n > len(seed) or not seed[n - 1].strip())]
    if blank:
        return [f"{where}: line(s) {blank} of {ledger.seed} are blank or past its end "
                "(a mis-numbered `at`?)"]
    if s.verdict == "demonstrated":
        return _check_demonstration(s, where, root, embedded)
    if s.verdict == "corrected":
        titles = {m["title"].replace('\\"', '"') for m in _ERRATUM.finditer(page_text)}
        if s.data["erratum"] not in titles:
            return [f"{where}: no `!!! erratum \"{s.data['erratum']}\"` on docs/{ledger.page}"]
    return []


@functools.lru_cache(maxsize=512)  # mkdocs serve: every ledger is checked on each save
def _claims(source: str) -> tuple[Claim, ...]:
    return tuple(extract_claims(source))


def _check_demonstration(s: Statement, where: str, root: Path, embedded: set[str]) -> list[str]:
    sample = str(s.data["sample"])
    path = root / "snippets" / sample
    if not path.is_file():
        return [f"{where}: sample snippets/{sample} does not exist"]
    if sample not in embedded:
        return [f"{where}: snippets/{sample} is not embedded on this page"]
    source = files.text(path)
    if claim := s.data.get("claim"):
        claims = _claims(source)
        def full(c: Claim) -> str:
            return f"Output{f' ({c.when})' if c.when else ''}: {c.text}"

        matching = [c for c in claims if str(claim) in full(c)]
        whole = {c.text for c in matching} | {full(c) for c in matching}
        if not matching:
            return [f"{where}: no `Output:` claim in snippets/{sample} contains {claim!r}"]
        # one claim, or the same claim stated per version; never a fragment of several claims
        if (len({c.text for c in matching}) > 1 and str(claim) not in whole
                and not all(c.when for c in matching)):
            return [f"{where}: {claim!r} matches {len(matching)} different claims in "
                    f"snippets/{sample}: quote the one that shows the statement"]
    elif test := s.data.get("test"):
        if test not in _TEST.findall(source):
            return [f"{where}: snippets/{sample} has no test function {test!r}"]
    elif s.data.get("runs") is not True:
        return [f"{where}: name the `claim` or `test` that shows it (or `runs: true` for "
                "handbook code the sample runs)"]
    return []


def check_ledger(ledger: Ledger, root: Path, seeds_dir: Path,
                 includes: list | None = None) -> list[LedgerProblem]:
    """Problems of one ledger; `includes` (find_includes of docs/) when checking many."""
    where = ledger.path.relative_to(root).as_posix()
    page = root / "docs" / ledger.page
    if not page.is_file():
        return [LedgerProblem(where, f"page docs/{ledger.page} does not exist")]
    if not ledger.lines:
        return [LedgerProblem(where, "`lines` names no seed line")]
    text = seed_text(seeds_dir, ledger.seed)
    page_text = files.text(page)
    if includes is None:
        includes = find_includes(root / "docs")
    embedded = {i.target for i in includes if i.page == ledger.page}
    problems = [
        LedgerProblem(where, message)
        for index, s in enumerate(ledger.statements)
        for message in _check_statement(s, index, ledger, root, page_text, embedded, text)
    ]
    covered = {n for s in ledger.statements for n in s.at}
    unaccounted = [n for n in ledger.lines
                   if n <= len(text) and text[n - 1].strip() and n not in covered]
    if unaccounted:
        shown = ", ".join(map(str, unaccounted[:15])) + (" …" if len(unaccounted) > 15 else "")
        problems.append(LedgerProblem(
            where, f"{len(unaccounted)} seed line(s) of {ledger.seed} not accounted for: {shown}"))
    return problems


_WORD = re.compile(r"[a-z0-9_]{4,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def says_warnings(ledger: Ledger, seeds_dir: Path, *, window: int = 5) -> list[LedgerProblem]:
    """Statements whose `says` reads like a nearby seed line rather than their own `at` lines.

    Only a warning: `says` is paraphrased, abridged or annotated ("(glued onto the code line)"),
    so it cannot be matched exactly. A statement is flagged when a non-blank seed line within
    `window` lines of its `at` holds at least 60 % of its words (of 4+ characters) and at least
    30 points more than the `at` lines do: the signature of an `at` that is off by a few lines.
    """
    text = seed_text(seeds_dir, ledger.seed)
    where = ledger.path.name
    found = []
    for index, s in enumerate(ledger.statements):
        said = _words(s.says)
        if len(said) < 3 or not s.at:
            continue
        own = " ".join(text[n - 1] for n in s.at if n <= len(text))
        here = len(said & _words(own)) / len(said)
        best, line = here, 0
        for n in range(min(s.at) - window, max(s.at) + window + 1):
            if 1 <= n <= len(text) and n not in s.at and text[n - 1].strip():
                score = len(said & _words(text[n - 1])) / len(said)
                if score > best:
                    best, line = score, n
        if line and best >= 0.6 and best - here >= 0.3:
            found.append(LedgerProblem(
                where, f"statement {index + 1} (at {s.at[0]}): `says` matches seed line {line} "
                f"({best:.0%} of its words) better than its `at` lines ({here:.0%})"))
    return found


def check_ledgers(root: Path, seeds_dir: Path,
                  ledgers: list[Ledger] | None = None) -> list[LedgerProblem]:
    includes = find_includes(root / "docs")
    return [p for ledger in (load_all(root) if ledgers is None else ledgers)
            for p in check_ledger(ledger, root, seeds_dir, includes)]


def uncovered_handbook_lines(root: Path, seeds_dir: Path) -> list[int]:
    """Handbook lines (non-blank) that no ledger's unit includes."""
    text = seed_text(seeds_dir, HANDBOOK)
    covered = {n for ledger in load_all(root) if ledger.seed == HANDBOOK for n in ledger.lines}
    return [n for n, line in enumerate(text, 1) if line.strip() and n not in covered]


def summary(totals: Counter[str]) -> str:
    """"42 statements: 17 demonstrated by samples, 19 sourced, 6 corrected (errata), …"."""
    names = {"demonstrated": "demonstrated by samples", "sourced": "sourced",
             "corrected": "corrected (errata)", "advice": "advice (reviewed)",
             "structure": "structure"}
    parts = [f"{totals[v]} {names[v]}" for v in VERDICTS if totals[v]]
    return f"{sum(totals.values())} statements: " + ", ".join(parts)

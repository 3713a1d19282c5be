"""Finds what the pages embed and what lives under snippets/, and ties the two together."""

from __future__ import annotations

import re
from pathlib import Path

from . import files
from .metadata import MetadataError, parse_meta
from .model import Include, Meta, Problem, Sample

# `--8<-- "path"` or `--8<-- "path:section"` on a line of its own (any indentation).
_INCLUDE = re.compile(r"""^\s*--8<--\s+(["'])(?P<target>[^"']+)\1\s*$""")
_SECTION_MARK = re.compile(r"--8<--\s*\[\s*(start|end)\s*:\s*([a-z][-_0-9a-z]*)\s*\]")
_SUPPORT_NAMES = {"__init__.py", "conftest.py", "README.md"}

DEFAULT_CHECKS = {
    ".py": "run",
    ".sql": "sql",
    ".lua": "lua",
    ".sh": "shellcheck",
    ".yaml": "parse",
    ".yml": "parse",
    ".toml": "parse",
    ".ini": "parse",
    ".cfg": "parse",
    ".json": "parse",
}
IMPLIED_SERVICES = {"sql": "postgres", "lua": "redis"}
CHECKS = {*DEFAULT_CHECKS.values(), "pytest", "hadolint", "gunicorn", "compile"}


def is_support(rel: Path) -> bool:
    """Helpers and data that samples use but pages need not embed."""
    return rel.name in _SUPPORT_NAMES or any(part.startswith(("_", ".")) for part in rel.parts)


def find_includes(docs_dir: Path) -> list[Include]:
    includes = []
    for page in sorted(docs_dir.rglob("*.md")):
        rel_page = page.relative_to(docs_dir)
        if is_support(rel_page):
            continue
        for number, line in enumerate(files.lines(page), start=1):
            match = _INCLUDE.match(line)
            if match:
                target, section = split_target(match.group("target"))
                includes.append(Include(rel_page.as_posix(), number, target, section))
    return includes


def split_target(target: str) -> tuple[str, str | None]:
    """`a/b.py:demo` -> (`a/b.py`, `demo`); line ranges (`a/b.py:3:9`) count as the whole file."""
    path, sep, rest = target.partition(":")
    if not sep or rest[:1].isdigit():
        return path, None
    return path, rest


def sections_of(text: str) -> set[str]:
    return {m.group(2) for m in _SECTION_MARK.finditer(text) if m.group(1) == "start"}


def default_check(path: Path) -> str:
    if path.name == "Dockerfile" or path.suffix == ".Dockerfile":
        return "hadolint"
    if path.suffix == ".py" and path.name.startswith("test_"):
        return "pytest"
    return DEFAULT_CHECKS.get(path.suffix, "")


def collect(docs_dir: Path, snippets_dir: Path) -> tuple[list[Sample], list[Problem]]:
    """Every sample with the pages that embed it, plus every structural problem found."""
    problems: list[Problem] = []
    samples: dict[str, Sample] = {}
    expected_files: set[str] = set()
    for path in sorted(p for p in snippets_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(snippets_dir)
        if is_support(rel) or "__pycache__" in rel.parts or path.suffix in {".pyc", ".out"}:
            continue
        where = f"snippets/{rel.as_posix()}"
        try:
            meta = parse_meta(files.text(path))
        except MetadataError as exc:
            problems.append(Problem(f"{where}:{exc.line}", str(exc), hint="see CONTRIBUTING.md"))
            meta = Meta()
        check = meta.check or default_check(path)
        if check not in CHECKS:
            problems.append(
                Problem(
                    where,
                    f"no check for this file type (check={check!r})",
                    hint=f'declare one of {sorted(CHECKS)} with `check = "..."` in a verify block',
                )
            )
            continue
        if check == "compile" and not meta.reason:
            problems.append(
                Problem(where, f"check = {check!r} needs a `reason` saying why it is not run")
            )
        implied = IMPLIED_SERVICES.get(check)
        if implied and implied not in meta.services:
            meta.services.append(implied)
        if meta.expected:
            expected_files.add((rel.parent / meta.expected).as_posix())
        samples[rel.as_posix()] = Sample(rel.as_posix(), path, check, meta)

    for include in find_includes(docs_dir):
        page = f"docs/{include.page}:{include.line}"
        target = snippets_dir / include.target
        if not target.is_file():
            problems.append(
                Problem(
                    page,
                    f"include does not resolve: snippets/{include.target}",
                    hint="fix the path (relative to snippets/) or create the file",
                )
            )
            continue
        if include.section and include.section not in sections_of(files.text(target)):
            problems.append(
                Problem(
                    page,
                    f"section '{include.section}' not found in snippets/{include.target}",
                    hint=f"mark it with `--8<-- [start:{include.section}]` / "
                    f"`--8<-- [end:{include.section}]` comment lines",
                )
            )
            continue
        if include.target in samples:
            samples[include.target].includes.append(include)

    for sample in samples.values():
        if not sample.includes and sample.rel not in expected_files:
            problems.append(
                Problem(
                    f"snippets/{sample.rel}",
                    "not embedded by any page",
                    hint="embed it with --8<-- on the page of its topic, or delete it "
                    "(helpers belong under a _-prefixed folder)",
                )
            )
    return [s for s in samples.values() if s.includes], problems

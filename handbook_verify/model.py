"""The plain data the verifier passes around: includes, samples, problems and results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Include:
    """One `--8<--` line on a page."""

    page: str  # path relative to the docs dir, e.g. "core-python/memory-management.md"
    line: int  # 1-based line of the include on the page
    target: str  # path relative to snippets/, e.g. "core-python/memory-management/refcount.py"
    section: str | None  # named section, or None for the whole file


@dataclass
class Meta:
    """The `/// verify` block of a sample (all keys optional)."""

    services: list[str] = field(default_factory=list)
    timeout: float = 30.0
    check: str = ""
    reason: str = ""
    expect_exit: int = 0
    expected: str = ""
    app: str = ""
    keys: list[str] = field(default_factory=list)
    args: list[str] = field(default_factory=list)
    setup: list[list[str]] = field(default_factory=list)
    expect_rules: list[str] = field(default_factory=list)
    artifacts: list[str] = field(default_factory=list)  # text files the sample writes (charts)
    limits: dict[str, object] = field(default_factory=dict)  # raise a sandbox limit, e.g.
    # { memory = "8G", processes = 1024, file_size = "4G", cpu = 300, output = "16M" }
    needs: list[str] = field(default_factory=list)  # sandbox capabilities: "user-namespaces"
    line: int = 0  # where the block starts (0: no block)


@dataclass
class Problem:
    """Something a reader of the build log must fix, with where and how."""

    where: str  # "snippets/x/y.py:12" or "docs/x.md:40"
    reason: str
    detail: str = ""
    hint: str = ""
    page: str = ""  # "docs/x.md:40" when the problem is about a sample embedded there

    def render(self) -> str:
        lines = [f"✗ {self.where}: {self.reason}"]
        if self.page:
            lines.append(f"  embedded at {self.page}")
        if self.detail:
            lines += ["  " + row for row in self.detail.rstrip().splitlines()]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)


@dataclass
class Sample:
    """One file under snippets/ and everything needed to verify it."""

    rel: str  # path relative to snippets/
    path: Path
    check: str
    meta: Meta
    includes: list[Include] = field(default_factory=list)

    @property
    def first_page(self) -> str:
        if not self.includes:
            return ""
        first = self.includes[0]
        return f"docs/{first.page}:{first.line}"


@dataclass
class Result:
    """What verifying one sample established."""

    sample: str  # path relative to snippets/
    check: str  # the check that ran ("run", "pytest", "sql", ...)
    status: str  # "passed" | "failed" | "checked" (syntax only, with a reason)
    label: str = ""  # human wording of the check, shown on the badge
    output: str = ""  # what readers see under the sample
    duration: float = 0.0
    services: list[str] = field(default_factory=list)
    claims: int = 0  # output claims checked
    other_versions: list[str] = field(default_factory=list)  # e.g. "Python 3.11-3.13": stated,
    # not checked by this build (it ran another version)
    cached: bool = False
    artifacts: dict[str, str] = field(default_factory=dict)  # name -> text, published by the site
    problems: list[Problem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["problems"] = [asdict(p) for p in self.problems]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        problems = [Problem(**p) for p in data.pop("problems", [])]
        return cls(**data, problems=problems)

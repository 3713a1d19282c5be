"""The shown part of every embedded Python sample keeps the imports the lesson uses.

A page embeds only a named section of a sample (`--8<-- "x.py:demo"`); the rest of the file is
setup the reader need not see. A reader who pastes the shown part must not meet a `NameError` for a
module or object the lesson itself uses (`sys.getrefcount` with `import sys` hidden). The rule
(CONTRIBUTING.md, "What the page shows"): every name the shown code reads that the file binds by a
module-level `import` must be imported inside the shown section. Helpers of the sample itself stay
hidden: names the hidden part defines (functions, fixtures, fake data) and names imported from the
sample's own support modules (a module next to the sample or under a `_`-prefixed folder of
snippets/) are setup, not lesson. No browser, no build.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

from handbook_verify.discover import find_includes, is_support

SNIPPETS = ROOT / "snippets"


def shown_lines(text: str, section: str) -> set[int]:
    """1-based line numbers the page shows: pymdownx takes the first start..end of the section."""
    import re

    marker = re.compile(r"--8<--\s*\[\s*(start|end)\s*:\s*([a-z][-_0-9a-z]*)\s*\]")
    shown: set[int] = set()
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        found = marker.search(line)
        if found and found.group(2) == section:
            if found.group(1) == "start":
                inside = True
                continue
            if inside:
                break
        if found:
            continue  # other sections' markers are not shown
        if inside:
            shown.add(number)
    return shown


def is_local_module(module: str, sample: Path) -> bool:
    """The sample's own helpers: a module next to it, or any `_`-prefixed module of snippets/."""
    top = module.split(".")[0]
    if not top:  # relative import
        return True
    if top.startswith("_"):
        return True
    if (sample.parent / f"{top}.py").exists() or (sample.parent / top).is_dir():
        return True
    return any(
        (folder / f"{top}.py").exists() or (folder / top).is_dir()
        for folder in SNIPPETS.iterdir()
        if folder.name.startswith("_") and folder.is_dir()
    )


def _module_imports(tree: ast.Module, sample: Path) -> list[tuple[str, ast.stmt]]:
    """(bound name, statement) for every import at module level, outside functions and classes."""
    found: list[tuple[str, ast.stmt]] = []

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if not is_local_module(alias.name, sample):
                        found.append((alias.asname or alias.name.split(".")[0], node))
            elif isinstance(node, ast.ImportFrom):
                if node.level or is_local_module(node.module or "", sample):
                    continue
                for alias in node.names:
                    if alias.name != "*":
                        found.append((alias.asname or alias.name, node))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            else:  # if/try/with at module level: imports inside still bind module names
                for field in ("body", "orelse", "finalbody", "handlers"):
                    inner = getattr(node, field, None)
                    if isinstance(inner, list):
                        visit([n for n in inner if isinstance(n, ast.stmt)] + [
                            s for h in inner if isinstance(h, ast.ExceptHandler) for s in h.body
                        ])

    visit(tree.body)
    return found


def _lines(node: ast.AST) -> set[int]:
    return set(range(node.lineno, (node.end_lineno or node.lineno) + 1))


def hidden_imports(sample: Path, section: str) -> list[str]:
    """Names the shown section reads that only a hidden import binds, as `name (line N)`."""
    text = sample.read_text(encoding="utf-8")
    shown = shown_lines(text, section)
    tree = ast.parse(text)
    imports = _module_imports(tree, sample)
    shown_imports = {  # at any depth: a section inside a function imports there
        alias.asname or alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom)) and _lines(node) <= shown
        for alias in node.names
    }
    hidden = {name: node.lineno for name, node in imports if not _lines(node) & shown}
    # Names the shown code binds itself (assignment, def, class, loop target, parameter).
    bound: set[str] = set()
    used: dict[str, int] = {}
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) not in shown:
            continue
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                used.setdefault(node.id, node.lineno)
            else:
                bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return [
        f"{name} (used line {line}, imported line {hidden[name]})"
        for name, line in sorted(used.items(), key=lambda item: item[1])
        if name in hidden and name not in shown_imports and name not in bound
    ]


def embedded_sections() -> list[tuple[Path, str]]:
    seen: set[tuple[str, str]] = set()
    for include in find_includes(ROOT / "docs"):
        if include.section and include.target.endswith(".py"):
            seen.add((include.target, include.section))
    return [
        (SNIPPETS / target, section)
        for target, section in sorted(seen)
        if (SNIPPETS / target).is_file() and not is_support(Path(target))
    ]


def test_shown_sections_keep_the_imports_they_use():
    sections = embedded_sections()
    assert len(sections) > 100, "discovery found too few embedded Python sections"
    problems = []
    for sample, section in sections:
        missing = hidden_imports(sample, section)
        if missing:
            where = f"snippets/{sample.relative_to(SNIPPETS).as_posix()}:{section}"
            problems.append(f"{where}: {', '.join(missing)}")
    assert not problems, (
        f"{len(problems)} of {len(sections)} shown sections use names imported only in the hidden "
        "setup; move the import into the section:\n" + "\n".join(problems)
    )


def test_the_check_sees_a_hidden_import(tmp_path):
    sample = tmp_path / "refcount.py"
    sample.write_text(
        "import sys\nfrom collections import Counter\n\n"
        "# --8<-- [start:demo]\nfrom collections import Counter\n"
        "x = []\nprint(sys.getrefcount(x), Counter(x))\n# --8<-- [end:demo]\n"
    )
    assert hidden_imports(sample, "demo") == ["sys (used line 7, imported line 1)"]

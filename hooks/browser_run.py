"""MkDocs adapter for handbook_verify.browser: Run in the browser (Pyodide) and practice mode.

- on_pre_build: qualify samples for the browser (handbook_verify.browser.qualify: each candidate
  runs under Node with the pinned Pyodide and must meet its claims there; cached by content). It
  runs in a thread beside the verifier's CPython runs (a cold build waited ~20 s more for it);
  on_files, the first event that needs the results, waits for it.
- on_files: Pyodide's runtime files (from node_modules/pyodide, installed by `make setup`; its
  lock file without the package list), the memory snapshot Python starts from in the browser
  (browser/snapshot.py), the shared harness, and one JSON per qualifying sample (its whole file
  and the modules it imports) under assets/pyodide/ and assets/run/. Fetched only when a
  reader first presses Run.
- on_page_markdown: a Run bar under each qualifying sample; on the ten DSA pattern pages, a
  practice block (prompt's starter code + the worked solution's tests) before the solution.

Without Node or Pyodide the build still succeeds; there is no Run button and the Verification
report says why.
"""

from __future__ import annotations

import ast
import functools
import html
import json
import logging
import re
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook_verify import files as files_cache
from handbook_verify.browser.qualify import (
    HERE,
    PYODIDE_FILES,
    RUNTIME_FILES,
    SLOT_BASE,
    BrowserResult,
    Runtime,
    bundle,
    find_runtime,
    practice_pairs,
    qualify,
)
from handbook_verify.browser.session import NodeSession
from handbook_verify.browser.snapshot import SNAPSHOT_NAME, snapshot
from handbook_verify.discover import _INCLUDE, collect, split_target

log = logging.getLogger("mkdocs.hooks.browser_run")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
BADGE = "also runs in your browser (Python 3.14, Pyodide)"
state: dict = {"results": {}, "why": "", "runtime": None, "samples": {}, "practice": {},
               "snapshot": None, "serving": False, "session": None}
SESSION_SLOT = SLOT_BASE + 500  # beside the batches' slots (SLOT_BASE + worker)


def on_startup(command: str, dirty: bool) -> None:
    state["serving"] = command == "serve"


def on_shutdown() -> None:
    if state["session"] is not None:
        state["session"].close()
        state["session"] = None


def _verified_outputs(config: MkDocsConfig) -> dict[str, str]:
    """CPython's verified stdout per sample, from the verification plugin (for "show both")."""
    verify = config.plugins.get("handbook-verify")
    report = getattr(verify, "report", None)
    return {r.sample: r.output for r in report.results} if report else {}


@event_priority(100)  # before the verifier's on_pre_build, so that both run at once
def on_pre_build(config: MkDocsConfig) -> None:
    verify = config.plugins.get("handbook-verify")
    execute = bool(verify.config.enabled) if verify else True
    root = Path(config.config_file_path).parent
    failed: list[BaseException] = []

    def prepare() -> None:
        try:
            _prepare(root, execute)
        except BaseException as error:  # re-raised in on_files, in the build's thread
            failed.append(error)

    # A daemon: a build the verifier stops does not wait for Node (its sandbox dies with us).
    worker = threading.Thread(target=prepare, name="browser-qualify", daemon=True)
    state["pending"] = (worker, failed)
    worker.start()


def _wait() -> None:
    pending = state.pop("pending", None)
    if pending is None:
        return
    worker, failed = pending
    worker.join()
    if failed:
        raise failed[0]


def _prepare(root: Path, execute: bool) -> None:
    samples, _ = collect(root / "docs", root / "snippets")
    runtime, why = find_runtime(root)
    state["snapshot"], no_snapshot = snapshot(root, make=execute) if not why else (None, why)
    if no_snapshot and not why:
        log.info("Run in the browser: Python starts without a snapshot (%s)", no_snapshot)
    results, why = qualify(root, samples, execute=execute, memory=state["snapshot"],
                           session=state["session"])
    _keep_session(runtime, execute)
    state.update(results=results, why=why, runtime=runtime, samples={s.rel: s for s in samples})
    state["practice"] = {test.rel: solution for test, solution in practice_pairs(samples)}
    runs = sum(1 for r in results.values() if r.runs and r.kind == "sample")
    if why:
        log.info("Run in the browser: off (%s)", why)
    else:
        log.info("Run in the browser: %d samples qualify (Pyodide)", runs)


def _keep_session(runtime: Runtime | None, execute: bool) -> None:
    """In `mkdocs serve`: one Node process with Python started, kept for the next saves (started
    in the background once this build's qualification is done; a new snapshot, a new one)."""
    session = state["session"]
    if session is not None and session.memory == state["snapshot"]:
        return
    if session is not None:
        session.close()
        state["session"] = None
    if state["serving"] and execute and runtime:
        state["session"] = NodeSession(runtime, state["snapshot"], SESSION_SLOT)
        state["session"].warm()


def summary() -> dict:
    """For the Verification report: counts and the reason when the feature is off."""
    results: dict[str, BrowserResult] = state["results"]
    samples = [r for r in results.values() if r.kind == "sample"]
    practice = [r for r in results.values() if r.kind == "tests"]
    return {"why": state["why"], "runtime": state["runtime"].label if state["runtime"] else "",
            "candidates": len(samples), "runs": sum(r.runs for r in samples),
            "not": sorted((r.sample, r.reason) for r in samples if not r.runs),
            "practice": len([r for r in practice if r.runs])}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _wait()
    runtime = state["runtime"]
    if runtime is None or not state["results"]:
        return files
    for name in PYODIDE_FILES:
        if name == "pyodide-lock.json":
            continue
        files.append(File.generated(config, f"assets/pyodide/{name}",
                                    abs_src_path=str(runtime.pyodide_dir / name)))
    files.append(File.generated(config, "assets/pyodide/pyodide-lock.json",
                                content=empty_lock(runtime.pyodide_dir)))
    if state["snapshot"]:
        files.append(File.generated(config, f"assets/pyodide/{SNAPSHOT_NAME}",
                                    abs_src_path=str(state["snapshot"])))
    for name in RUNTIME_FILES:
        files.append(File.generated(config, f"assets/pyodide/{name}",
                                    abs_src_path=str(HERE / name)))
    snippets = Path(config.config_file_path).parent / "snippets"
    for rel, result in state["results"].items():
        if not result.runs:
            continue
        sample = state["samples"][rel]
        if result.kind == "sample":
            data = {"main": sample.path.name, "files": bundle(sample, snippets)}
        else:
            solution = state["practice"][rel]
            files_ = bundle(solution, snippets)
            files_.pop(solution.path.name)
            data = {"main": sample.path.name, "module": solution.path.name,
                    "files": {**files_, sample.path.name: sample.path.read_text("utf-8")},
                    "browser_tests": [t["id"] for t in result.tests if t["outcome"] == "passed"],
                    "cpython_only": [t["id"] for t in result.tests if t["outcome"] != "passed"]}
        files.append(File.generated(config, f"assets/run/{rel}.json", content=json.dumps(data)))
    return files


def empty_lock(pyodide_dir: Path) -> str:
    """Pyodide's lock file without its package list: the site serves none of those packages
    (no CDN), so `import numpy` fails as in CPython instead of suggesting an install that would
    fetch from off the site; 0.3 KB instead of 119 KB."""
    info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}})


def _differs(rel: str, result: BrowserResult, verified: dict[str, str], indent: str) -> list[str]:
    cpython = verified.get(rel)
    if cpython is None or cpython.rstrip() == result.stdout.rstrip():
        return []
    rows = [f"    {row}" if row else "" for row in result.stdout.rstrip("\n").splitlines()[:150]]
    lines = ['??? run-differs "In your browser the output differs (Pyodide, Python 3.14)"',
             "    The verified output above comes from this build's CPython; Pyodide runs "
             "Python 3.14 compiled to WebAssembly, so version-dependent lines (reference counts, "
             "sizes, reprs), memory addresses and timings print differently. Every `Output:` "
             "claim of this sample was checked against this output too (the claims for Python "
             "3.14 where they are version-qualified).", "", "    ```text", *rows, "    ```", ""]
    return [f"{indent}{line}" if line else "" for line in lines]


def _run_bar(rel: str, section: str, indent: str) -> list[str]:
    attrs = (f'class="run-bar" data-sample="{html.escape(rel)}" '
             f'data-section="{html.escape(section)}"')
    return ["", f'{indent}<div {attrs} data-search-exclude markdown>', "",
            f'{indent}:material-play-circle-outline: **{BADGE}**', "", f"{indent}</div>", ""]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = _report_markdown(markdown, page)
    results: dict[str, BrowserResult] = state["results"]
    if not results or page.file.src_uri.startswith("print/"):  # printed pages: read, not run
        return markdown
    verified = _verified_outputs(config)
    lines = markdown.split("\n")
    blocks = []
    for i in range(len(lines) - 2):
        opening = _FENCE.match(lines[i])
        include = _INCLUDE.match(lines[i + 1])
        if opening and include and lines[i + 2].strip() == opening.group("fence"):
            rel, section = split_target(include.group("target"))
            blocks.append((i, rel, section or ""))
    practice_done = set()
    for index, rel, section in reversed(blocks):
        indent = _FENCE.match(lines[index]).group("indent")  # type: ignore[union-attr]
        result = results.get(rel)
        if result and result.runs and result.kind == "sample":
            added = _run_bar(rel, section, indent) + _differs(rel, result, verified, indent)
            lines[index + 3 : index + 3] = added
        test_rel = f"{Path(rel).parent.as_posix()}/test_{Path(rel).name}"
        test_result = results.get(test_rel)
        if (section == "solution" and test_result and test_result.runs
                and test_rel not in practice_done):
            practice_done.add(test_rel)
            at = _solution_reveal(lines, index)
            if at is not None:
                lines[at:at] = practice_block(test_rel, rel, config, test_result)
    return "\n".join(lines)


def _solution_reveal(lines: list[str], fence_index: int) -> int | None:
    """The line of the `??? success "Solution"` that holds the worked solution."""
    for j in range(fence_index, -1, -1):
        if re.match(r'^\?\?\?\+? success "Solution"', lines[j]):
            return j
    return None


@functools.lru_cache(maxsize=64)  # mkdocs serve: the same solutions on every save
def starter_code(source: str) -> str:
    """The worked solution with every function body replaced by `raise NotImplementedError`
    (signatures, docstrings, imports, classes and constants kept; the __main__ demo dropped)."""
    tree = ast.parse(source)
    rows = source.splitlines()
    cut: list[tuple[int, int, str]] = []  # (first line, last line, replacement) 1-based
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            keep = 1 if (body and isinstance(body[0], ast.Expr)
                         and isinstance(body[0].value, ast.Constant)
                         and isinstance(body[0].value.value, str)) else 0
            if len(body) <= keep:
                continue
            start, end = body[keep].lineno, body[-1].end_lineno or body[-1].lineno
            pad = " " * body[keep].col_offset
            cut.append((start, end, f"{pad}# Your code here.\n{pad}raise NotImplementedError"))
    # Outermost bodies only (a nested function disappears with its parent's body).
    cut.sort()
    outer: list[tuple[int, int, str]] = []
    for item in cut:
        if not outer or item[0] > outer[-1][1]:
            outer.append(item)
    for start, end, text in reversed(outer):
        rows[start - 1 : end] = text.split("\n")
    text = "\n".join(rows)
    text = re.sub(r'\nif __name__ == "__main__":\n(?:[ \t]+.*\n?|\n)*', "\n", text)
    return re.sub(r"\n{3,}", "\n\n\n", text).strip("\n") + "\n"


def practice_block(test_rel: str, rel: str, config: MkDocsConfig,
                   result: BrowserResult) -> list[str]:
    snippets = Path(config.config_file_path).parent / "snippets"
    source = files_cache.text(snippets / rel)
    starter = starter_code(_section(source, "solution"))
    passing = [t for t in result.tests if t["outcome"] == "passed"]
    skipped = [t["id"] for t in result.tests if t["outcome"] != "passed"]
    note = (f" {len(skipped)} more need threads, which Pyodide lacks: they run in CPython on every "
            "build, not here." if skipped else "")
    lines = ['??? practice "Practice: solve it in your browser"',
             f'    <div class="practice-box" data-tests="{html.escape(test_rel)}" '
             f'data-module="{html.escape(Path(rel).name)}" data-search-exclude markdown>', "",
             f"    Write your solution below, then run the {len(passing)} tests of "
             f"`{Path(test_rel).name}` against it (Python 3.14 in your browser, Pyodide)."
             f"{note} The worked solution stays hidden below until you open it.", "",
             "    ```python", *[f"    {row}" if row else "" for row in starter.split("\n")[:-1]],
             "    ```", "", "    </div>", ""]
    return lines


def _section(source: str, name: str) -> str:
    match = re.search(rf"#\s*--8<--\s*\[start:{name}\]\n(.*?)#\s*--8<--\s*\[end:{name}\]",
                      source, re.DOTALL)
    return match.group(1) if match else source


def report_section() -> str:
    """The Verification report's account of Run in the browser."""
    info = summary()
    if info["why"]:
        return ("\n\n## Runs in your browser\n\nNot in this build: " + info["why"]
                + ". The pages have no Run button.\n")
    rows = "\n".join(f"| `{rel}` | {reason.replace('|', '/')} |" for rel, reason in info["not"])
    return (f"\n\n## Runs in your browser\n\n**{info['runs']} of {info['candidates']}** Python "
            f"samples that need no service also run in your browser ({info['runtime']}, "
            "CPython 3.14 in WebAssembly): each ran under Node with that Pyodide at build time "
            "and met its `Output:` claims there (the Python 3.14 ones where claims are "
            "version-qualified); only those have a Run button. "
            f"{info['practice']} of 10 practice prompts run their tests in the browser.\n\n"
            "<div class=\"browser-not\" markdown>\n\n"
            f"??? note \"The {len(info['not'])} that do not run in the browser, and why\"\n\n"
            "    | sample | in Pyodide |\n    |---|---|\n"
            + "\n".join(f"    {row}" for row in rows.splitlines()) + "\n\n</div>\n")


def _report_markdown(markdown: str, page: Page) -> str:
    if page.file.src_uri == "verification.md" and state["results"] is not None:
        return markdown + report_section()
    return markdown

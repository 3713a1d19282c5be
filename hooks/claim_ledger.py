"""MkDocs adapter for the claim ledgers (handbook_verify.ledger): a check line under each page's
title, a generated page per ledger with every statement, and per-page totals on the report."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook_verify import ledger as ledgers

state: dict[str, ledgers.Ledger] = {}
LABELS = {"demonstrated": "✔ demonstrated", "sourced": "📖 sourced", "corrected": "✎ corrected",
          "advice": "advice", "structure": "structure"}


def view_path(page: str) -> str:
    return f"ledger/{page.removesuffix('.md')}.md"


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    items = ledgers.load_all(root)
    problems = ledgers.check_ledgers(root, ledgers.SEEDS_DIR, items)
    if problems:
        raise PluginError("Claim ledger problems:\n" + "\n".join(p.render() for p in problems))
    state.clear()
    state.update({item.page: item for item in items})


def _cell(text: str) -> str:
    return html.escape(" ".join(text.split())).replace("|", "\\|")


def _evidence(statement: ledgers.Statement, page: str) -> str:
    text = _cell(statement.evidence)
    if statement.verdict in ("demonstrated", "corrected"):
        target = "errata.md" if statement.verdict == "corrected" else page
        link = posixpath.relpath(target, posixpath.dirname(view_path(page)))
        text = f"[{text}]({link})"
    return f"{text} <br>*{_cell(statement.note)}*" if statement.note else text


def ledger_page(item: ledgers.Ledger, title: str) -> str:
    back = posixpath.relpath(item.page, posixpath.dirname(view_path(item.page)))
    lines = ["---", f"title: 'How “{title}” was checked'", "search: {exclude: true}", "---", "",
             f"# How “{title}” was checked", "",
             f"Every line of the handbook's text for [{title}]({back}) "
             f"(`{item.seed}`, lines {item.lines[0]}–{item.lines[-1]}), split into statements, "
             "each with one verdict. **demonstrated**: a sample on the page shows it on every "
             "build; **sourced**: a primary source at a named version; **corrected**: the "
             "handbook was wrong and the page carries an erratum; **advice**: a recommendation, "
             "reviewed; **structure**: headings and prompts.", "",
             f"**{ledgers.summary(item.totals())}.**", "",
             "| line | the handbook says | verdict | evidence |", "|---|---|---|---|"]
    for s in item.statements:
        at = f"{s.at[0]}–{s.at[-1]}" if len(s.at) > 1 else str(s.at[0])
        evidence = _evidence(s, item.page)
        lines.append(f"| {at} | {_cell(s.says)} | {LABELS[s.verdict]} | {evidence} |")
    return "\n".join(lines) + "\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    for page, item in state.items():
        text = (docs / page).read_text(encoding="utf-8")
        title = next((ln[2:].strip() for ln in text.splitlines() if ln.startswith("# ")), page)
        files.append(File.generated(config, view_path(page), content=ledger_page(item, title)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "verification.md":
        return markdown + totals_section()
    item = state.get(page.file.src_uri)
    if item is None:
        return markdown
    link = posixpath.relpath(view_path(item.page), posixpath.dirname(item.page))
    line = (f'<p class="ledger-line" markdown>**Checked:** '
            f"[{ledgers.summary(item.totals())}]({link})</p>")
    lines = markdown.splitlines()
    title = next((i for i, ln in enumerate(lines) if ln.startswith("# ")), -1)
    lines.insert(title + 1, "\n" + line)
    return "\n".join(lines)


def totals_section() -> str:
    rows = ["", "## Claim ledgers", "",
            "The handbook's text, statement by statement, per page "
            "(each page's ledger lists the evidence).", "",
            "| page | statements | demonstrated | sourced | corrected | advice | structure |",
            "|---|---|---|---|---|---|---|"]
    for page, item in sorted(state.items()):
        t = item.totals()
        rows.append(f"| [{page}]({view_path(page)}) | {sum(t.values())} | "
                    + " | ".join(str(t[v]) for v in ledgers.VERDICTS) + " |")
    return "\n".join(rows) + "\n"

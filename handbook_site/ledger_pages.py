"""Claim ledger pages (handbook_verify.ledger holds the ledgers): a page per ledger with every
statement and its evidence, the check line under each handbook page's title, and the per-page
totals on the Verification report."""

from __future__ import annotations

import functools
import html
import posixpath

from handbook_verify import ledger as ledgers

from .markdown import scan

LABELS = {  # Material's icons (SVG inlined by pymdownx.emoji): no emoji font needed
    "demonstrated": ":material-check-decagram: demonstrated",
    "sourced": ":material-book-open-variant: sourced",
    "corrected": ":material-file-document-edit-outline: corrected",
    "advice": ":material-lightbulb-outline: advice",
    "structure": "structure",
}


def view_path(page: str) -> str:
    return f"ledger/{page.removesuffix('.md')}.md"


def _cell(text: str) -> str:
    return html.escape(" ".join(text.split())).replace("|", "\\|")


def _evidence(statement: ledgers.Statement, page: str) -> str:
    text = _cell(statement.evidence)
    if statement.verdict in ("demonstrated", "corrected"):
        target = "errata.md" if statement.verdict == "corrected" else page
        link = posixpath.relpath(target, posixpath.dirname(view_path(page)))
        text = f"[{text}]({link})"
    return f"{text} <br>*{_cell(statement.note)}*" if statement.note else text


@functools.lru_cache(maxsize=512)  # every page on every build (mkdocs serve: unchanged ones)
def page_heading(markdown: str) -> tuple[int, str] | None:
    """(line index, text as written) of the page's H1, outside code."""
    for line in scan(markdown):
        if line.heading and line.heading.level == 1 and line.text.startswith("# "):
            return line.index, line.text[2:].strip()
    return None


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


def with_check_line(markdown: str, item: ledgers.Ledger) -> str:
    """The page's Markdown with the "Checked: …" line under its title."""
    link = posixpath.relpath(view_path(item.page), posixpath.dirname(item.page))
    line = (f'<p class="ledger-line" markdown>**Checked:** '
            f"[{ledgers.summary(item.totals())}]({link})</p>")
    lines = markdown.splitlines()
    heading = page_heading(markdown)
    lines.insert(heading[0] + 1 if heading else 0, "\n" + line)
    return "\n".join(lines)


def totals_section(items: dict[str, ledgers.Ledger]) -> str:
    rows = ["", "## Claim ledgers", "",
            "The handbook's text, statement by statement, per page "
            "(each page's ledger lists the evidence).", "",
            "| page | statements | demonstrated | sourced | corrected | advice | structure |",
            "|---|---|---|---|---|---|---|"]
    for page, item in sorted(items.items()):
        t = item.totals()
        rows.append(f"| [{page}]({view_path(page)}) | {sum(t.values())} | "
                    + " | ".join(str(t[v]) for v in ledgers.VERDICTS) + " |")
    return "\n".join(rows) + "\n"

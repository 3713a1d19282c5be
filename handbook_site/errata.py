"""The Errata page, generated from the `!!! erratum` blocks of the pages (handbook_site.markdown
reads them: fence-aware, with the anchor of the heading or Level tab each one sits in)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook_verify.discover import is_support

from .markdown import body, rebase_links, scan


@dataclass
class Erratum:
    page: str  # relative to docs/
    page_title: str
    anchor: str
    section: str
    title: str
    body: str


def page_errata(page: str, text: str) -> list[Erratum]:
    lines = scan(text)
    found = []
    for line in lines:
        mark = line.admonition
        if mark is None or mark.kind != "erratum":
            continue
        section = line.section
        anchor, where = (section.anchor, section.text) if section else ("", "")
        if line.tabs:
            anchor, where = line.tabs[-1].anchor, f"{where} › {line.tabs[-1].label}"
        found.append(Erratum(page, line.title or page, anchor, where, mark.title or "",
                             "\n".join(body(lines, line.index, mark.indent)).strip()))
    return found


def collect_errata(docs_dir: Path) -> list[Erratum]:
    errata = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if not is_support(rel):
            errata += page_errata(rel.as_posix(), path.read_text(encoding="utf-8"))
    return errata


def errata_page(errata: list[Erratum], nav_order: list[str]) -> str:
    order = {page: i for i, page in enumerate(nav_order)}
    errata = sorted(errata, key=lambda e: order.get(e.page, len(order)))
    lines = [
        "---", "title: Errata",
        "description: Where this site corrects the handbook, and how each correction was verified.",
        "---", "", "# Errata", "",
        "Where the handbook's code crashes on current library versions, prints something else "
        "than it claims, or states an outdated CPython fact, this site fixes the sample, keeps the "
        "lesson, and marks the spot. This page is generated from those marks on every build: "
        f"**{len(errata)} errata** on {len({e.page for e in errata})} pages.", "",
    ]
    current = None
    for erratum in errata:
        if erratum.page != current:
            current = erratum.page
            lines += [f"## {erratum.page_title}", ""]
        link = f"{erratum.page}#{erratum.anchor}" if erratum.anchor else erratum.page
        lines += [f"### {erratum.title or 'Correction'}", "",
                  f"In [{erratum.section or erratum.page_title}]({link}).", "",
                  rebase_links(erratum.body, erratum.page), ""]
    return "\n".join(lines)

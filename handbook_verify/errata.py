"""Collects `!!! erratum` blocks from the pages and builds the Errata page from them."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .discover import is_support
from .slugs import slugify as _SLUG

_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*(\{[^}]*\})?\s*#*\s*$")
_TAB = re.compile(r'^(?P<indent>\s*)===\+?\s+"(?P<label>[^"]+)"')
_ERRATUM = re.compile(r'^(?P<indent>\s*)[!?]{3}\+?\s+erratum(?:\s+"(?P<title>[^"]*)")?')
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")  # a code fence line; shared with the hooks


@dataclass
class Erratum:
    page: str  # relative to docs/
    page_title: str
    anchor: str
    section: str
    title: str
    body: str


def plain(text: str) -> str:
    """Heading text as the TOC sees it: no code ticks, links, emphasis or HTML."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[`*_]", "", text).strip()


def slug(text: str, used: dict[str, int]) -> str:
    base = _SLUG(plain(text), "-")
    count = used.get(base, 0)
    used[base] = count + 1
    return base if count == 0 else f"{base}_{count}"


def page_errata(page: str, text: str) -> list[Erratum]:
    found: list[Erratum] = []
    used: dict[str, int] = {}
    title = page
    heading_slug, heading_text = "", ""
    tabs: list[tuple[int, str, str]] = []  # (indent, anchor, label) of open tabs
    lines = text.splitlines()
    in_fence = False
    for i, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        tabs = [t for t in tabs if indent > t[0]]
        if heading := _HEADING.match(line):
            heading_text = plain(heading.group("text"))
            heading_slug = slug(heading.group("text"), used)
            if heading.group(1) == "#":
                title = heading_text
            continue
        if tab := _TAB.match(line):
            anchor = f"{heading_slug}-{_SLUG(plain(tab.group('label')), '-')}"
            tabs.append((len(tab.group("indent")), anchor, tab.group("label")))
            continue
        if erratum := _ERRATUM.match(line):
            body_indent = len(erratum.group("indent")) + 4
            body = []
            for follow in lines[i + 1 :]:
                if follow.strip() and len(follow) - len(follow.lstrip()) < body_indent:
                    break
                body.append(follow[body_indent:])
            anchor, section = heading_slug, heading_text
            if tabs:
                anchor, section = tabs[-1][1], f"{heading_text} › {tabs[-1][2]}"
            found.append(Erratum(page, title, anchor, section, erratum.group("title") or "",
                                 "\n".join(body).strip()))
    return found


def collect_errata(docs_dir: Path) -> list[Erratum]:
    errata = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if not is_support(rel):
            errata += page_errata(rel.as_posix(), path.read_text(encoding="utf-8"))
    return errata


def rebase_links(body: str, page: str) -> str:
    """Relative links in an erratum point from its page; make them point from the site root."""
    folder = posixpath.dirname(page)

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z]+:|^/", target):
            return match.group(0)
        if target.startswith("#"):
            return f"{match.group(1)}{page}{target})"
        return f"{match.group(1)}{posixpath.normpath(posixpath.join(folder, target))})"

    return re.sub(r"(\]\()([^)\s]+)\)", fix, body)


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

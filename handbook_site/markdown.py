"""One fence-aware reading of a handbook page's Markdown, shared by the page generators.

`scan(text)` walks the lines once and tells, for each line: whether it is code (inside a fenced
block, fence lines included: a fence closes only with the same character, at least as long),
its indent, and the structure it opens — a heading (with the anchor MkDocs gives it), a Level
tab (anchor `<heading anchor>-<tab slug>`, as pymdownx.tabbed's combine_header_slug makes it) or
an admonition (`!!! kind "title"` / `??? kind`). Each line also knows the heading it sits under
and the tabs that enclose it. Headings are counted at any indent (a heading inside a tab is a
heading of the page and takes its anchor), so duplicate anchors get MkDocs' `_1`, `_2` suffixes
in page order.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from handbook_verify.slugs import slugify as _slugify

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(?P<indent>\s*)(?P<marks>#{1,6})\s+(?P<text>.+?)\s*(\{[^}]*\})?\s*#*\s*$")
_TAB = re.compile(r'^(?P<indent>\s*)===\+?\s+"(?P<label>[^"]+)"')
_ADMONITION = re.compile(  # a title may hold quotes: `??? question "The \"none\" algorithm"`
    r'^(?P<indent>\s*)(?P<marker>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>.*)")?\s*$')
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_LINK = re.compile(r"(\]\()([^)\s]+)\)")
_SHIFTED = re.compile(r"^(\s*)(#{1,6})(\s+.*)$")


def plain(text: str) -> str:
    """Heading text as the TOC sees it: no code ticks, links, emphasis or HTML."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[`*_]", "", text).strip()


def slug(text: str, used: dict[str, int]) -> str:
    """The anchor of a heading, numbered like MkDocs' toc when it repeats on the page."""
    base = _slugify(plain(text), "-")
    count = used.get(base, 0)
    used[base] = count + 1
    return base if count == 0 else f"{base}_{count}"


@dataclass
class SourcePage:
    """A page of docs/ as the generators read it."""

    path: str  # relative to docs/
    title: str  # its H1 as written (else the front matter's title, else the path)
    description: str
    body: list[str]  # the lines after the front matter and the H1
    meta: dict = field(default_factory=dict)  # the front matter


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, the rest), as MkDocs reads them: YAML between `---` lines at the top."""
    import yaml

    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta, text[match.end():].lstrip("\n")) if isinstance(meta, dict) else ({}, text)


def source_page(path: str, text: str) -> SourcePage:
    """A page's front matter, H1 (the first `# ` line outside code) and the body after it."""
    meta, rest = split_front_matter(text)
    lines = rest.splitlines()
    h1 = next((ln.index for ln in scan(rest) if ln.heading and ln.heading.level == 1
               and ln.indent == 0), None)
    if h1 is None:
        return SourcePage(path, meta.get("title", path), meta.get("description", ""), lines, meta)
    return SourcePage(path, lines[h1][2:].strip(), meta.get("description", ""), lines[h1 + 1:],
                      meta)


@dataclass
class Heading:
    level: int
    text: str  # plain text
    anchor: str


@dataclass
class Tab:
    label: str
    anchor: str
    indent: int


@dataclass
class Admonition:
    kind: str
    title: str | None
    indent: int
    collapsible: bool


@dataclass
class Line:
    index: int
    text: str
    indent: int
    code: bool  # inside a fenced block, or a fence line
    heading: Heading | None = None  # opened on this line
    tab: Tab | None = None
    admonition: Admonition | None = None
    section: Heading | None = None  # the heading it sits under, outside the tabs that hold it
    tabs: list[Tab] = field(default_factory=list)  # enclosing tabs, innermost last
    title: str = ""  # the page's H1 so far

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def code_marks(lines: list[str]) -> list[bool]:
    """For each line: True inside fenced code (fence lines themselves count as code)."""
    marks, fence = [], ""
    for line in lines:
        opening = FENCE.match(line)
        if not fence:
            fence = opening.group(1) if opening else ""
            marks.append(bool(opening))
            continue
        marks.append(True)
        closing = line.strip()
        if opening and set(closing) == {fence[0]} and len(closing) >= len(fence):
            fence = ""
    return marks


def fence_close(lines: list[str], start: int) -> int:
    """The line that closes the fence opened on line `start` (as `code_marks` reads it: the same
    character, at least as long), or len(lines) when it stays open."""
    fence = FENCE.match(lines[start]).group(1)  # type: ignore[union-attr]
    for j in range(start + 1, len(lines)):
        closing = lines[j].strip()
        if FENCE.match(lines[j]) and set(closing) == {fence[0]} and len(closing) >= len(fence):
            return j
    return len(lines)


def scan(text: str) -> tuple[Line, ...]:
    """The page's lines as read once; remembered by text (every `mkdocs serve` save hands the
    generators the same unchanged pages again). Treat the result as read-only."""
    return _scan(text)


@functools.lru_cache(maxsize=1024)
def _scan(text: str) -> tuple[Line, ...]:
    lines = text.splitlines()
    used: dict[str, int] = {}
    headings: list[tuple[int, Heading]] = []  # (indent, heading) in page order
    tabs: list[Tab] = []
    title = ""
    out: list[Line] = []

    def outer(limit: int) -> Heading | None:
        """The last heading at most `limit` deep (a heading inside a tab does not name the
        tabs after it: pymdownx prefixes a tab set with the heading before the set)."""
        return next((h for indent, h in reversed(headings) if indent <= limit), None)

    for i, (raw, code) in enumerate(zip(lines, code_marks(lines), strict=True)):
        indent = len(raw) - len(raw.lstrip())
        line = Line(i, raw, indent, code)
        if not code and raw.strip():
            tabs = [t for t in tabs if indent > t.indent]
            if heading := _HEADING.match(raw):
                line.heading = Heading(len(heading["marks"]), plain(heading["text"]),
                                       slug(heading["text"], used))
                headings.append((indent, line.heading))
                if line.heading.level == 1 and not title:
                    title = line.heading.text
            elif tab := _TAB.match(raw):
                before = outer(indent)
                anchor = f"{before.anchor if before else ''}-{_slugify(plain(tab['label']), '-')}"
                line.tab = Tab(tab["label"], anchor, len(tab["indent"]))
                tabs = [*tabs, line.tab]
            elif admonition := _ADMONITION.match(raw):
                line.admonition = Admonition(admonition["kind"], admonition["title"],
                                             len(admonition["indent"]),
                                             admonition["marker"].startswith("?"))
        enclosing = [t for t in tabs if t is not line.tab]
        line.section = outer(enclosing[-1].indent if enclosing else 10**6)
        line.tabs, line.title = list(tabs), title
        out.append(line)
    return tuple(out)


def body(lines: Sequence[Line], start: int, indent: int) -> list[str]:
    """The indented body of the block opened on line `start` (a tab or an admonition at
    `indent`): following lines while blank or indented deeper, with that indentation removed."""
    found = []
    for line in lines[start + 1:]:
        if not line.blank and line.indent <= indent:
            break
        found.append(line.text[indent + 4:] if not line.blank else "")
    while found and not found[-1].strip():
        found.pop()
    return found


def page_title(text: str, default: str = "") -> str:
    """The page's H1 (outside code), else `default`."""
    return next((ln.heading.text for ln in scan(text)
                 if ln.heading and ln.heading.level == 1), default)


def rebase_links(markdown: str, page: str) -> str:
    """Relative links written on `page` made relative to the site root (`#x` -> `page#x`)."""
    folder = posixpath.dirname(page)

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z]+:|^/", target):
            return match.group(0)
        if target.startswith("#"):
            return f"{match.group(1)}{page}{target})"
        return f"{match.group(1)}{posixpath.normpath(posixpath.join(folder, target))})"

    return _LINK.sub(fix, markdown)


def relink(lines: list[str], source: str, dest: str) -> list[str]:
    """Relative links written on page `source` rewritten to work from page `dest` (outside code)."""
    base = posixpath.dirname(dest)

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z]+:|^/", target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        return f"{match.group(1)}{posixpath.relpath(path, base)}{hash_}{anchor})"

    return [line if code else _LINK.sub(fix, rebase_links(line, source))
            for line, code in zip(lines, code_marks(lines), strict=True)]


def link(target: str, dest: str) -> str:
    """A page relative to the site root (`m/p.md`), as a link written on page `dest`."""
    return posixpath.relpath(target, posixpath.dirname(dest))


def shift(lines: list[str], by: int) -> list[str]:
    """Every heading (outside code) `by` levels deeper, at most H6."""
    return [line if code or not (h := _SHIFTED.match(line))
            else f"{h.group(1)}{'#' * min(6, len(h.group(2)) + by)}{h.group(3)}"
            for line, code in zip(lines, code_marks(lines), strict=True)]


def below(lines: list[str], level: int) -> list[str]:
    """Headings shifted so that the highest one sits at `level`."""
    found = [len(h.group(2)) for line, code in zip(lines, code_marks(lines), strict=True)
             if not code and (h := _SHIFTED.match(line))]
    return shift(lines, max(0, level - min(found))) if found else lines


def front_matter(title: str, description: str) -> list[str]:
    """Front matter of a generated page: out of search (its text is found on the topic pages)
    and without the navigation sidebar."""
    def quoted(value: str) -> str:  # a JSON string is a YAML string
        return json.dumps(value, ensure_ascii=False)

    return ["---", f"title: {quoted(title)}", f"description: {quoted(description)}",
            "search:", "  exclude: true", "hide:", "  - navigation", "---", ""]

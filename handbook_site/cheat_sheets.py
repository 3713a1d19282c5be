"""The cheat sheet of a module: what a candidate rereads minutes before an interview, on at most
four printed A4 pages (tests/test_browser_study.py prints each one and counts).

For each topic of the module, in page order, under a link to its page:
- **Level 1 in one line per point**: each paragraph of the Level 1 tab reduced to its key sentence
  (the first one with **bold** text, else the first), each top-level list item to its first
  sentence, a sub-heading as the bold lead of its first point, and each `!!! erratum` in the tab
  as a one-line correction (its title), so a corrected statement is never shown alone. Captions of
  samples (a paragraph that ends with `:` before code) are dropped.
- **Template**: the shortest sample of the Level 1 tab that defines a function or class, when its
  shown part is at most `TEMPLATE_LINES` lines (a pattern's skeleton, shown with its output).
- **Common traps / Common Mistakes / Concurrency & Scaling Tradeoffs**: the first list, each item
  whole.
- **Time Complexity Intuition**, **Architecture Diagram / Mental Model** and **A reusable …
  template / skeleton** (Communication): the section's own text, lists, diagrams and text blocks.
In these sections too, samples (and the captions that introduce them) stay on the
page and an erratum becomes its one-line correction.
- every block the author marked with a `cheat` admonition (`!!! cheat "Two-pointer template"`),
  whole.
Everything else (Levels 2 and 3, the other samples, questions, prose) stays on the topic page: each
topic ends with a line that names what is there and links to it.

Markdown strings in, Markdown out: no MkDocs import here (hooks/study_pages.py is the adapter).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .markdown import Line, SourcePage, below, body, fence_close, front_matter, link, relink, scan

LEVEL_1 = "Level 1 — Must Know"
WHOLE = ("time complexity intuition", "architecture diagram / mental model")
LISTS = ("common traps", "common mistakes", "concurrency & scaling tradeoffs")
TEMPLATE_LINES = 20
_LIST_ITEM = re.compile(r"^([-*+]|\d+\.)\s+(.*)$")
_INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"')
_SENTENCE_END = re.compile(  # not after e.g., i.e., vs., etc.
    r"(?<![ (]e\.g)(?<![ (]i\.e)(?<!\bvs)(?<!\betc)[.!?](?=\*{0,2}\s+[A-Z(*`\"“])")
_DEFINES = re.compile(r"^\s*(async\s+def|def|class)\s", re.M)


Topic = SourcePage  # a topic page: path, title, description, body after the H1


@dataclass
class Piece:
    name: str
    lines: list[str]  # Markdown, links as written on the topic page
    anchor: str = ""  # where it sits on the topic page


def sentence(text: str) -> str:
    """The first sentence of a paragraph (outside code spans), whole when it has only one."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"`[^`]*`", text)]
    for match in _SENTENCE_END.finditer(text):
        if not any(a <= match.start() < b for a, b in spans):
            cut = text[: match.end()]
            if cut.count("**") % 2:  # the sentence ends inside bold: keep its closing marks
                cut += "**"
            return cut
    return text


def key_sentence(text: str) -> str:
    """The sentence that carries a paragraph: the first with bold text, else the first."""
    rest = text
    while rest:
        first = sentence(rest)
        if "**" in first:
            return first
        rest = rest[len(first):].lstrip()
        if first == rest or not rest:
            break
    return sentence(text)


def _fence_end(lines: Sequence[Line], start: int) -> int:
    """The line after the fenced block opened on line `start`."""
    return fence_close([ln.text for ln in lines], start) + 1


def level_one(lines: list[str], shown: Callable[[str], str | None]) -> tuple[list[str],
                                                                            list[str]]:
    """(key points as a Markdown list, the template's fenced block or []) of a Level 1 tab."""
    scanned = scan("\n".join(lines))
    points: list[str] = []
    lead = ""  # a sub-heading waiting for its first point
    paragraph: list[str] = []
    templates: list[tuple[int, list[str]]] = []

    note: list[int] = []  # a site note just added: a caption if code follows it

    def point(text: str) -> None:
        nonlocal lead
        text = " ".join(text.split())
        if text:
            points.append(f"- **{lead}:** {text}" if lead else f"- {text}")
            lead = ""

    def flush() -> None:
        text = " ".join(paragraph)
        if paragraph and not text.rstrip().endswith(":"):  # else the caption of a sample
            point(key_sentence(text))
            note[:] = [len(points) - 1] if "site addition" in text.lower() else []
        paragraph.clear()

    i = 0
    while i < len(scanned):
        line = scanned[i]
        if not line.blank and not line.code and not paragraph:
            note.clear()
        if line.code:
            flush()
            if note and note[0] == len(points) - 1:
                points.pop()
            note.clear()
            end = _fence_end(scanned, i)
            block = [ln.text for ln in scanned[i:end]]
            includes = [m.group(1) for ln in block if (m := _INCLUDE.match(ln))]
            if len(includes) == 1 and (code := shown(includes[0])) is not None \
                    and _DEFINES.search(code) and len(code.splitlines()) <= TEMPLATE_LINES:
                templates.append((len(code.splitlines()), block))
            i = end
            continue
        if line.blank:
            flush()
            i += 1
            continue
        if line.indent == 0 and line.heading:
            flush()
            lead = line.heading.text
        elif line.indent == 0 and line.admonition:
            flush()
            if line.admonition.kind == "erratum" and line.admonition.title:
                points.append(f"- *Correction:* {line.admonition.title}")
            i += 1 + len(body(scanned, i, 0))
            continue
        elif line.indent == 0 and (item := _LIST_ITEM.match(line.text)):
            flush()
            text = item.group(2)
            while i + 1 < len(scanned) and not scanned[i + 1].blank and \
                    scanned[i + 1].indent > 0 and not scanned[i + 1].code and \
                    not _LIST_ITEM.match(scanned[i + 1].text.strip()):
                i += 1
                text += " " + scanned[i].text.strip()
            point(sentence(text))
        elif line.indent == 0 and line.text.lstrip().startswith(("|", "<")):
            flush()
        elif line.indent == 0 or paragraph:  # (an indented line is a paragraph's continuation,
            paragraph.append(line.text.strip())  # else a nested list item: left on the page)
        i += 1
    flush()
    template = min(templates, key=lambda t: t[0])[1] if templates else []
    return points, template


def _section_end(lines: Sequence[Line], start: int) -> int:
    """A section's own text ends at the next heading (its sub-sections stay on the page)."""
    return next((j for j in range(start + 1, len(lines)) if lines[j].heading
                 and lines[j].indent == 0), len(lines))


def section_code(source: str, section: str = "") -> str | None:
    """What an include `file:section` shows of a sample's source (pymdownx.snippets' named
    sections: the lines between `[start:section]` and `[end:section]`), None if absent."""
    if not section:
        return source
    lines = source.splitlines()
    start = next((i for i, ln in enumerate(lines) if f"[start:{section}]" in ln), None)
    end = next((i for i, ln in enumerate(lines) if f"[end:{section}]" in ln), None)
    if start is None or end is None:
        return None
    return "\n".join(ln for ln in lines[start + 1:end] if "--8<-- [" not in ln)


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    return lines


def condense(lines: list[str], list_only: bool = False) -> list[str]:
    """A section as the sheet shows it: its text and lists, diagrams and text blocks (a
    template to fill in) as written; samples and their captions left on the page;
    each erratum as a one-line correction. `list_only`: of the text, only the first list."""
    scanned = scan("\n".join(lines))
    out: list[str] = []
    paragraph: list[str] = []
    listed = ended = False

    def flush() -> None:
        text = " ".join(paragraph).lower()
        if paragraph and not text.rstrip().endswith(":") and not (list_only and ended):
            out.extend([*paragraph, ""])
        paragraph.clear()

    i = 0
    while i < len(scanned):
        line = scanned[i]
        if line.code:
            flush()
            end = _fence_end(scanned, i)
            block = [ln.text for ln in scanned[i:end]]
            if not any(_INCLUDE.match(ln) for ln in block) and not (list_only and ended):
                out.extend([*block, ""])
            i = end
            continue
        if line.indent == 0 and line.admonition:
            flush()
            if line.admonition.kind == "erratum" and line.admonition.title:
                out.extend([f"- *Correction:* {line.admonition.title}", ""])
            i += 1 + len(body(scanned, i, 0))
            continue
        item = re.match(r"^ {0,3}([-*+]|\d+\.)\s", line.text)
        if line.blank:
            flush()
        elif item or (listed and line.indent > 0 and not paragraph):
            if not (list_only and ended):
                out.append(line.text)
            listed = True
        else:
            ended = ended or listed
            paragraph.append(line.text)
        if line.blank and out and out[-1] != "":
            out.append("")
        i += 1
    flush()
    return _trim(out)


def cheat_pieces(topic: Topic, shown: Callable[[str], str | None] = lambda _: None
                 ) -> list[Piece]:
    """What the cheat sheet keeps of a topic page, in page order. `shown(include)` gives the
    code a sample include shows (`"folder/file.py:section"`), or None when it is unknown."""
    lines = scan("\n".join(topic.body))
    pieces: list[Piece] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.code:
            i += 1
            continue
        if line.tab and line.tab.label == LEVEL_1:
            tab = body(lines, i, line.tab.indent)
            points, template = level_one(tab, shown)
            if points:
                pieces.append(Piece("Level 1", points, line.tab.anchor))
            if template:
                pieces.append(Piece("Template", template, line.tab.anchor))
            i += 1 + len(tab)
            continue
        if line.admonition and line.admonition.kind == "cheat":
            block = body(lines, i, line.admonition.indent)
            anchor = line.tabs[-1].anchor if line.tabs else \
                line.section.anchor if line.section else ""
            pieces.append(Piece(line.admonition.title or "Cheat sheet", _trim(block), anchor))
            i += 1 + len(block)
            continue
        heading = line.heading
        name = heading.text.lower() if heading and line.indent == 0 else ""
        if name in WHOLE or name in LISTS or name.startswith("a reusable "):
            end = _section_end(lines, i)
            section = _trim([ln.text for ln in lines[i + 1:end]])
            pieces.append(Piece(heading.text, condense(section, name in LISTS), heading.anchor))
            i = end
            continue
        i += 1
    return pieces


def left_on_page(topic: Topic) -> str:
    """What the sheet leaves on the topic page: 'Levels 2–3, 12 samples, 3 follow-up questions'."""
    lines = scan("\n".join(topic.body))
    samples = sum(1 for ln in lines if ln.code and _INCLUDE.match(ln.text))
    levels = [ln.tab.label.split(" —")[0] for ln in lines if ln.tab
              and ln.tab.label.startswith("Level") and ln.tab.label != LEVEL_1]
    questions = sum(1 for ln in lines if ln.admonition and ln.admonition.kind == "question"
                    and ln.admonition.collapsible)
    parts = []
    if levels:
        parts.append("Levels " + "–".join(x.split()[-1] for x in (levels[0], levels[-1]))
                     if len(levels) > 1 else levels[0])
    if samples:
        parts.append(f"{samples} sample{'s' * (samples != 1)}")
    if questions:
        parts.append(f"{questions} follow-up question{'s' * (questions != 1)}")
    return ", ".join(parts)


def cheat_sheet(folder: str, title: str, topics: list[Topic],
                shown: Callable[[str], str | None] = lambda _: None) -> str:
    """The page `print/cheat-sheets/<folder>.md`: every topic, each with a link to its page."""
    dest = f"print/cheat-sheets/{folder}.md"
    lines = front_matter(f"{title} — cheat sheet", f"The Level 1 points, traps and templates of "
                         f"every {title} topic, to print on at most four A4 pages.")
    lines += [f"# {title} — cheat sheet", "",
              "For each topic: **Level 1** one line per point, a short template, the common traps "
              "(for a pattern its complexity, for a system its architecture and scaling "
              "trade-offs) and whatever its page marks for the cheat sheet. Levels 2–3, the other "
              "samples and the questions stay on the topic page, linked under each topic. "
              f"[Whole module, printable]({link(f'print/{folder}.md', dest)}) · "
              f"[All cheat sheets]({link('study/cheat-sheets.md', dest)})", "",
              '<div class="study-cheat" markdown>', ""]
    for topic in topics:
        to_page = link(topic.path, dest)
        lines += [f"## [{topic.title}]({to_page})", ""]
        if topic.description:
            lines += [f"*{topic.description}*", ""]
        for piece in cheat_pieces(topic, shown):
            target = f"{to_page}#{piece.anchor}" if piece.anchor else to_page
            lines += [f"### [{piece.name}]({target})", "",
                      *relink(below(piece.lines, 4), topic.path, dest), ""]
        rest = left_on_page(topic)
        lines += [f'<p class="study-cheat__more" markdown>On the page{": " + rest if rest else ""}'
                  f" — [open {topic.title}]({to_page})</p>", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)

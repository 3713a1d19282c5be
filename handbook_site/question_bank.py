"""The question bank's Levels: which Level tab of the handbook a question draws on.

A question has a kind (where it comes from: "Interview Reality", "Follow-up", "Worked problem",
"Design prompt", "Communication", "Playbook") and, where the handbook has Level tabs to study for
it, a level ("Level 1" … "Level 3"), so the Flashcards' Level filter means "questions I can answer
after studying up to this level":
- a question inside a Level tab takes that tab;
- a playbook question takes the deepest Level its answer links to (its "Study in the handbook"
  line: `…#explained-by-level-level-2-strong-candidate`);
- any other question on a page with Level tabs takes the deepest tab whose own key terms its
  question, answer or code use — a key term is a `code span`, a **bold** term or an included
  sample file of the tab (outside its errata) that no shallower tab of the page has; a single
  short word (under 7 letters, such as `task` or `list`) is too common to count. With none,
  Level 1: the answer needs nothing deeper than the basics;
- a question with no Level tabs to draw on (Machine Coding, Communication, playbook questions
  that link no Level) has none: the Kind filter finds those.
"""

from __future__ import annotations

import re

from .markdown import Line, body, scan

LEVEL_TAB = re.compile(r"^Level ([1-3])\b")
_LEVEL_LINK = re.compile(r"#[\w-]*-level-([1-3])-[\w-]+")
_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")
_INCLUDE = re.compile(r'--8<--\s+"([^":]+)')


def key_terms(text: str) -> set[str]:
    """Code spans, bold terms and included sample files of some Markdown, lower-cased."""
    found = set(_INCLUDE.findall(text))
    for term in _CODE.findall(text) + _BOLD.findall(text):
        term = re.sub(r"[\s:.,]+$", "", term.strip()).lower()
        if len(term) >= 4 and not (term.isalpha() and len(term) < 7):
            found.add(term)
    return found


def _without_errata(lines: list[Line]) -> list[str]:
    kept, skip = [], -1
    for line in lines:
        if line.index <= skip:
            continue
        if line.admonition and line.admonition.kind == "erratum":
            skip = line.index + len(body(lines, line.index, line.indent))
            continue
        kept.append(line.text)
    return kept


def level_terms(text: str) -> dict[int, set[str]]:
    """For each Level tab of a page (1–3), the key terms it introduces: not in a shallower tab."""
    lines = scan(text)
    tabs: dict[int, set[str]] = {}
    for line in lines:
        if line.tab and (level := LEVEL_TAB.match(line.tab.label)):
            tab = scan("\n".join(body(lines, line.index, line.tab.indent)))
            tabs.setdefault(int(level.group(1)), set()).update(
                key_terms("\n".join(_without_errata(tab))))
    seen: set[str] = set()
    introduced = {}
    for level in sorted(tabs):
        introduced[level] = tabs[level] - seen
        seen |= tabs[level]
    return introduced


def uses(term: str, text: str, terms: set[str]) -> bool:
    return term in terms or re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def derived_level(question: str, answer: str, introduced: dict[int, set[str]]) -> str:
    """The level of a question on a page whose tabs introduce `introduced` (see the module
    docstring); `answer` is its raw Markdown (includes kept)."""
    links = [int(n) for n in _LEVEL_LINK.findall(answer)]
    if links:
        return f"Level {max(links)}"
    if not introduced:
        return ""
    text = f"{question}\n{answer}".lower()
    terms = key_terms(f"{question}\n{answer}")
    used = [level for level, introduced_here in introduced.items()
            if any(uses(t, text, terms) for t in introduced_here)]
    return f"Level {max(used, default=1)}"

"""Question bank: every interview question on the site, gathered from the pages' Markdown.

Sources (no hand-kept copy that could drift):
- each "What interviewers actually ask" quote, with the "Strong candidate answer" below it;
- each collapsible `??? question "…"` (follow-ups, playbook questions), with its body;
- each `### Worked problem: …` heading (DSA Interview Usage prompts), with its statement;
- Machine Coding: each system's architecture and scaling sections as design prompts;
  Communication: its Interviewer/Candidate example and each "Practice" / "What the interviewer
  probes next" item as a follow-up.
From them: the Question bank page, the JSON the Flashcards read, the CSV and the Anki deck, and the
ids and anchors of the questions in a page's HTML. Each question links to the section that answers
it; MkDocs' anchor validation fails the build if such a target disappears.

A question has a kind (where it comes from: "Interview Reality", "Follow-up", "Worked problem",
"Design prompt", "Communication", "Playbook") and, where the handbook has Level tabs to study for
it, a level ("Level 1" … "Level 3"), so the Flashcards' Level filter means "questions that need
this level":
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

Markdown strings in, pages and files out: no MkDocs import here (hooks/question_bank.py is the
adapter; links to the published site come from a `published(page, anchor)` function).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import markdown as md

from .markdown import Line, body, fence_close, page_title, rebase_links, scan, slug

Published = Callable[[str, str], str]  # (page relative to docs/, anchor) -> published address
_INCLUDE_LINE = re.compile(r"^\s*--8<--")
# Machine Coding: each system's design sections become design prompts.
DESIGN_PROMPTS = {
    "architecture diagram / mental model":
        "Design {system}: sketch the components and how a request flows through them.",
    "concurrency & scaling tradeoffs": "{system}: what breaks first at scale, and how do you "
                                       "scale it?",
}


@dataclass
class Question:
    module: str
    page: str  # relative to docs/
    page_title: str
    anchor: str
    section: str
    kind: str  # "Interview Reality", "Follow-up", "Worked problem", "Design prompt",
    #            "Communication" or "Playbook"
    question: str
    answer: str  # Markdown, links relative to the site root
    context: str = ""  # the code the question asks about (fenced blocks with their includes)
    level: str = ""  # "Level 1" … "Level 3": the Level tab it draws on (handbook_site)

    @property
    def link(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    @property
    def uid(self) -> str:
        return hashlib.sha1(f"{self.page}|{self.question}".encode()).hexdigest()[:12]


FOLLOW_UPS = ("practice", "what the interviewer probes next")


def _list_items(section: list[str]) -> list[str]:
    """The top-level items of the first list in a section, each joined on one line."""
    items: list[str] = []
    for line in section:
        if re.match(r"^[-*] ", line):
            items.append(line[2:].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and line.strip():
            break
    return items


def _until_heading(lines: Sequence[Line], start: int) -> list[str]:
    """The lines from `start` up to the next heading of the page (outside code)."""
    found = []
    for line in lines[start:]:
        if line.heading and line.indent == 0:
            break
        found.append(line.text)
    return found


def _quote_and_code(lines: Sequence[Line], start: int) -> tuple[str, list[str]]:
    """The question is the quote; code blocks beside it (the code to review) are its context."""
    quote, code = [], []
    for line in lines[start:]:
        if line.heading and line.indent == 0:
            break
        if line.code:
            code.append(line.text)
        elif line.text.startswith(">"):
            quote.append(line.text.lstrip("> ").strip())
    return " ".join(q for q in quote if q), code


def _clean(body: list[str], page: str) -> str:
    text = "\n".join(line for line in body if not _INCLUDE_LINE.match(line)).strip()
    return rebase_links(text, page)


def page_questions(module: str, page: str, text: str) -> list[Question]:
    lines = scan(text)
    found: list[Question] = []
    raw: dict[int, str] = {}  # id(question) -> its answer's Markdown, includes kept
    kind = "Playbook" if page.startswith("playbooks/") else "Interview Reality"
    anchor = section = ""
    for i, line in enumerate(lines):
        title = line.title or page
        heading = line.heading if line.indent == 0 else None
        if heading:
            anchor, section, name = heading.anchor, heading.text, heading.text.lower()
            if name == "what interviewers actually ask":
                question, code = _quote_and_code(lines, i + 1)
                answer = next((ln.index for ln in lines[i + 1:] if ln.heading and ln.indent == 0
                               and ln.heading.text.lower() == "strong candidate answer"), None)
                text_ = _until_heading(lines, answer + 1) if answer is not None else []
                found.append(Question(module, page, title, anchor, section, kind, question,
                                      _clean(text_, page), "\n".join(code)))
                raw[id(found[-1])] = "\n".join([*text_, *code])
            elif name in DESIGN_PROMPTS and page.startswith("machine-coding/"):
                system = re.sub(r"^System \d+:\s*", "", title)
                found.append(Question(module, page, title, anchor, section, "Design prompt",
                                      DESIGN_PROMPTS[name].format(system=system),
                                      _clean(_until_heading(lines, i + 1), page)))
            elif name in FOLLOW_UPS and page.startswith("communication/"):
                for item in _list_items(_until_heading(lines, i + 1)):
                    item = rebase_links(item, page)
                    found.append(Question(module, page, title, anchor, section, "Follow-up",
                                          item, f"Work it through, then compare with the "
                                          f"handbook: {item}"))
            elif name.startswith("worked problem:"):
                statement = _until_heading(lines, i + 1)
                cut = next((k for k, ln in enumerate(statement) if ln.lstrip().startswith("???")),
                           len(statement))
                found.append(Question(module, page, title, anchor, section, "Worked problem",
                                      heading.text.split(":", 1)[1].strip(),
                                      _clean(statement[:cut], page)))
                raw[id(found[-1])] = "\n".join(statement)
            continue
        mark = line.admonition
        if mark is None:
            continue
        if mark.kind == "question" and mark.title == "Interviewer" and not mark.collapsible \
                and page.startswith("communication/"):
            prompt = body(lines, i, mark.indent)
            after = next((ln for ln in lines[i + 1:] if not ln.blank and ln.indent <= mark.indent),
                         None)
            reply = after.admonition if after else None
            if reply and reply.kind == "success" and reply.title == "Candidate" \
                    and not reply.collapsible and after.indent == mark.indent:
                text_q = " ".join(ln.strip() for ln in prompt if ln.strip()).strip('"“” ')
                found.append(Question(module, page, title, anchor, section, "Communication",
                                      text_q, _clean(body(lines, after.index, mark.indent),
                                                     page)))
        elif mark.kind == "question" and mark.collapsible and mark.title is not None:
            where_anchor, where_level = anchor, ""
            if line.tabs:
                where_anchor = line.tabs[-1].anchor
                where_level = " ".join(line.tabs[-1].label.split()[:2])  # "Level 1"
            answer_lines = body(lines, i, mark.indent)
            found.append(Question(module, page, title, where_anchor, section, kind,
                                  re.sub(r"^Q:\s*", "", mark.title),
                                  _clean(answer_lines, page), level=where_level))
            raw[id(found[-1])] = "\n".join(answer_lines)
    introduced = level_terms(text)
    for q in found:
        if not q.level and id(q) in raw:  # not inside a Level tab
            q.level = derived_level(q.question, raw[id(q)], introduced)
    return found


def collect(pages: list[tuple[str, str]], titles: dict[str, str]) -> list[Question]:
    """The questions of `pages` ((path, Markdown) in reading order); `titles` names each
    module folder (its index page's H1)."""
    questions: list[Question] = []
    for page, text in pages:
        folder = page.split("/")[0]
        questions += page_questions(titles.get(folder, folder), page, text)
    return questions


def module_title(folder: str, index: str | None) -> str:
    """A module's name: its index page's H1 (as written), else the folder."""
    return page_title(index, folder) if index is not None else folder


_MERMAID = re.compile(r"^```mermaid\n.*?^```$", re.S | re.M)


def bank_page(questions: list[Question]) -> str:
    lines = ["---", "title: Question bank",
             "description: Every interview question in the handbook and the playbooks, with the "
             "answer collapsed for self-quizzing.", "---", "", "# Question bank", "",
             f"All **{len(questions)} questions** from the handbook and the playbooks, grouped by "
             "module and generated from the pages on every build. Read the question, answer aloud, "
             "then open it. To drill them as cards, use [Flashcards](study/flashcards.md); "
             "to study offline, download the [Anki deck](question-bank.apkg) or the "
             "[CSV](question-bank.csv).", ""]
    current_module = current_page = None
    for q in questions:
        if q.module != current_module:
            current_module, current_page = q.module, None
            lines += [f"## {q.module}", ""]
        if q.page != current_page:
            current_page = q.page
            lines += [f"### {q.page_title}", ""]
        # a link inside <summary> nests interactive elements (axe): keep the words, drop the link
        title = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", q.question).replace('"', "&quot;")
        lines.append(f'??? question "{title}"')
        answer = _MERMAID.sub(f"*The diagram is on the page: [open the section]({q.link}).*",
                              q.answer or "Open the section for the answer.")
        if q.context:
            answer = f"The code in question:\n\n{q.context}\n\n{answer}"
        lines += [f"    {row}" if row else "" for row in answer.splitlines()]
        where = " · ".join(x for x in (q.level, q.kind, q.section) if x)
        lines += ["", f"    :material-link-variant: [{where}]({q.link})", ""]
    return "\n".join(lines)


_OPEN_DIV = re.compile(r"^\s*</?div\b[^>]*>\s*$")


def card_markdown(text: str, link: str) -> str:
    """The bank's Markdown as plain Markdown any renderer reads: admonitions and tabs become
    labelled paragraphs, fence titles are dropped, code taken from a sample (stripped include) or
    a diagram becomes a link to the section that shows it."""
    out: list[str] = []
    lines = scan(text)
    i = 0
    while i < len(lines):
        line = lines[i].text
        if lines[i].code:
            indent = line[: len(line) - len(line.lstrip())]
            mark = line.strip()
            ticks = re.match(r"[`~]+", mark).group(0)  # type: ignore[union-attr]
            info = mark[len(ticks):].strip()
            lang = info.split()[0] if info and not info.startswith(("title=", "{")) else ""
            title = re.search(r'title="([^"]*)"', info)
            close = fence_close([ln.text for ln in lines], i)
            inner = [ln.text for ln in lines[i + 1:close]]
            i = close + 1
            code = [b for b in inner if not _INCLUDE_LINE.match(b)]
            if lang == "mermaid":
                out += ["", f"{indent}*Diagram source (Mermaid), drawn on the page: "
                        f"[open the section]({link}).*", "", f"{indent}```text", *code,
                        f"{indent}```"]
            elif not "".join(code).strip():
                what = (
                    f"The code (`{title.group(1)}`)" if title else "The code")
                out += ["", f"{indent}*{what} is on the page: [open the section]({link}).*", ""]
            else:
                out += [f"{indent}```{lang}", *code, f"{indent}```"]
            continue
        if _OPEN_DIV.match(line):
            i += 1
            continue
        adm, tab = lines[i].admonition, lines[i].tab
        if adm or tab:
            indent = " " * lines[i].indent
            if adm:
                kind, head = adm.kind, adm.title
                label = f"{head} ({kind})" if head and kind.lower() not in head.lower() else (
                    head or kind.capitalize())
            else:
                label = tab.label  # type: ignore[union-attr]
            out += ["", f"{indent}**{label}:**", ""]
            i += 1
            while i < len(lines) and (not lines[i].text.strip()
                                      or lines[i].text.startswith(indent + "    ")):
                text_ = lines[i].text
                out.append(indent + text_[len(indent) + 4 :] if text_.strip() else "")
                i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def card_html(text: str, link: str, inline: bool = False) -> str:
    """Clean HTML for Anki and the CSV: code as <pre><code>, admonitions as labelled text, site
    links absolute (to the published site)."""
    markdown = card_markdown(text, link)
    if inline:  # one line of text: "1. Why…" is a numbered question, not a list
        markdown = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", re.sub(r"^([-*+#>])", r"\\\1", markdown))
    result = md.markdown(markdown, extensions=["fenced_code", "tables", "sane_lists"])
    if inline and result.startswith("<p>") and result.endswith("</p>") and \
            result.count("<p>") == 1:
        result = result[3:-4]
    return result


def _absolute(text: str, published: Published) -> str:
    """Links relative to the site root (`page.md#anchor`) made absolute on the published site."""
    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z]+:|^#", target):
            return match.group(0)
        path, _, anchor = target.partition("#")
        if not path.endswith((".md", ".ipynb")):
            return match.group(0)
        return f"{match.group(1)}{published(path, anchor)})"

    return re.sub(r"(\]\()([^)\s]+)\)", fix, text)


def card_fields(q: Question, published: Published) -> tuple[str, str, str]:
    """(question HTML, answer HTML, link) of one card."""
    link = published(q.page, q.anchor)
    question = card_html(_absolute(q.question, published), link, inline=True)
    answer = q.answer or f"The answer is in [the section]({link})."
    if q.context:
        answer = f"*The code in question is on the page: [open the section]({link}).*\n\n{answer}"
    return question, card_html(_absolute(answer, published), link), link


def csv_text(questions: list[Question], published: Published) -> str:
    """One row per question; `question` and `answer` are HTML (Anki and spreadsheets read it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["module", "page", "level", "kind", "question", "answer", "link"])
    for q in questions:
        question, answer, link = card_fields(q, published)
        writer.writerow([q.module, q.page_title, q.level, q.kind, question, answer, link])
    return out.getvalue()


def anki_deck(questions: list[Question], published: Published) -> bytes:
    import genanki

    model = genanki.Model(
        1_607_392_319, "Backend Interview Handbook card",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
        css=(".card { font-family: sans-serif; text-align: left; } "
             "pre { background: #f4f4f4; padding: .5em; overflow-x: auto; } "
             "code { font-family: monospace; }"),
        templates=[{"name": "Card", "qfmt": "{{Question}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<p>{{Source}}</p>"}],
    )
    deck = genanki.Deck(2_059_400_110, "Cracking the Python Backend Interview")
    for q in questions:
        question, answer, link = card_fields(q, published)
        source = f'<a href="{link}">{html.escape(q.page_title)} › {html.escape(q.section)}</a>'
        tags = [q.module.split(":")[0].replace(" ", "_"), q.kind.replace(" ", "_"),
                *([q.level.replace(" ", "_")] if q.level else [])]
        deck.add_note(genanki.Note(model=model, fields=[question, answer, source],
                                   guid=q.uid, tags=tags))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(path)
        return path.read_bytes()


def _norm(text: str) -> str:
    """Question text compared across Markdown and HTML (study.js normQuestion does the same)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", html.unescape(re.sub(r"<[^>]+>", "", text)))
    return re.sub(r"[\W_]+", "", re.sub(r"^\s*Q:\s*", "", text, flags=re.I).lower())


_DETAILS = re.compile(r'<details class="question"( open)?>(\s*<summary>(.*?)</summary>)', re.S)


def tag_questions(output: str, questions: list[Question]) -> str:
    """A page's HTML with each collapsible question carrying its bank id and an anchor of its own
    (`#q-<slug>`), so the study tools need no question-bank.json on a topic page and a follow-up
    can be linked."""
    by_text = {_norm(q.question): q for q in questions}
    used: dict[str, int] = {}

    def tag(match: re.Match[str]) -> str:
        q = by_text.get(_norm(match.group(3)))
        anchor = "q-" + slug(re.sub(r"^\s*Q:\s*", "", re.sub(r"<[^>]+>", "", match.group(3))),
                             used)
        attrs = f' id="{html.escape(anchor)}"'
        if q:
            attrs += (f' data-question-id="{q.uid}"'
                      f' data-question-link="{html.escape(q.link)}"')
        return f'<details class="question"{match.group(1) or ""}{attrs}>{match.group(2)}'

    return _DETAILS.sub(tag, output) if "<details class=\"question\"" in output else output


def bank_files(questions: list[Question], published: Published) -> dict[str, str | bytes]:
    """Every file of the question bank by its path under docs/."""
    bank = json.dumps([asdict(q) | {"link": q.link, "id": q.uid} for q in questions])
    return {
        "question-bank.md": bank_page(questions),
        "question-bank.json": bank,
        # The same data as a script, for the offline copy (file:// refuses fetch()).
        "question-bank.js": f"window.__question_bank = {bank};\n",
        "question-bank.csv": csv_text(questions, published),
        "question-bank.apkg": anki_deck(questions, published),
    }


# -- levels ---------------------------------------------------------------------------------------

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


def _without_errata(lines: Sequence[Line]) -> list[str]:
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

"""Question bank: every interview question on the site, gathered from the pages on each build.

Sources (no hand-kept copy that could drift):
- each "What interviewers actually ask" quote, with the "Strong candidate answer" below it;
- each collapsible `??? question "…"` (follow-ups, playbook questions), with its body;
- each `### Worked problem: …` heading (DSA Interview Usage prompts), with its statement.
Writes the Question bank page, question-bank.json (the Flashcards drill page reads it;
question-bank.js carries the same for the offline copy),
question-bank.csv and question-bank.apkg (an Anki deck). Each question links to the section
that answers it; MkDocs' anchor validation fails the build if such a target disappears.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import markdown as md
from canonical_url import published_link
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from site_nav import nav_pages

from handbook_verify.errata import FENCE, plain, rebase_links, slug

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
_TAB = re.compile(r'^(\s*)===\+?\s+"([^"]+)"')
_QUESTION = re.compile(r'^(\s*)\?{3}\+?\s+question\s+"(.+)"\s*$')
_INCLUDE = re.compile(r"^\s*--8<--")


@dataclass
class Question:
    module: str
    page: str  # relative to docs/
    page_title: str
    anchor: str
    section: str
    level: str  # "Level 1" … "Level 3", "Interview Reality", "Worked problem" or "Playbook"
    question: str
    answer: str  # Markdown, links relative to the site root
    context: str = ""  # the code the question asks about (fenced blocks with their includes)

    @property
    def link(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    @property
    def uid(self) -> str:
        return hashlib.sha1(f"{self.page}|{self.question}".encode()).hexdigest()[:12]


def _block(lines: list[str], start: int, indent: int) -> list[str]:
    """Lines from `start` while they are blank or indented deeper than `indent`."""
    body = []
    for line in lines[start:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line[indent + 4 :] if line.strip() else "")
    return body


def _until_heading(lines: list[str], start: int) -> list[str]:
    body = []
    for line in lines[start:]:
        if _HEADING.match(line):
            break
        body.append(line)
    return body


def _quote_and_code(section: list[str]) -> tuple[str, list[str]]:
    """The question is the quote; code blocks beside it (the code to review) are its context."""
    quote, code, fenced = [], [], False
    for line in section:
        if FENCE.match(line) or fenced:
            code.append(line)
            fenced = fenced != bool(FENCE.match(line))
        elif line.startswith(">"):
            quote.append(line.lstrip("> ").strip())
    return " ".join(q for q in quote if q), code


def _clean(body: list[str], page: str) -> str:
    text = "\n".join(line for line in body if not _INCLUDE.match(line)).strip()
    return rebase_links(text, page)


def page_questions(module: str, page: str, text: str) -> list[Question]:
    found: list[Question] = []
    used: dict[str, int] = {}
    lines = text.splitlines()
    title, anchor, section, level = page, "", "", "Interview Reality"
    tabs: list[tuple[int, str, str]] = []
    in_fence = False
    default_level = "Playbook" if page.startswith("playbooks/") else "Interview Reality"
    for i, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        tabs = [t for t in tabs if indent > t[0]]
        if heading := _HEADING.match(line):
            text_ = plain(heading.group(2))
            anchor, section = slug(heading.group(2), used), text_
            if heading.group(1) == "#":
                title = text_
            if not tabs:
                level = default_level
            if text_.lower() == "what interviewers actually ask":
                question, code = _quote_and_code(_until_heading(lines, i + 1))
                answer = next((j for j in range(i + 1, len(lines))
                               if plain(lines[j].lstrip("# ")).lower() == "strong candidate answer"
                               and lines[j].startswith("#")), None)
                body = _until_heading(lines, answer + 1) if answer is not None else []
                found.append(Question(module, page, title, anchor, section, level, question,
                                      _clean(body, page), "\n".join(code)))
            elif text_.lower().startswith("worked problem:"):
                statement = _until_heading(lines, i + 1)
                cut = next((k for k, ln in enumerate(statement) if ln.lstrip().startswith("???")),
                           len(statement))
                found.append(Question(module, page, title, anchor, section, "Worked problem",
                                      text_.split(":", 1)[1].strip(),
                                      _clean(statement[:cut], page)))
            continue
        if tab := _TAB.match(line):
            label = tab.group(2)
            tab_anchor = f"{anchor}-{slug(label, {})}"
            tabs.append((len(tab.group(1)), tab_anchor, label))
            continue
        if question := _QUESTION.match(line):
            q_indent = len(question.group(1))
            where_anchor, where_level = anchor, level
            if tabs:
                where_anchor = tabs[-1][1]
                where_level = " ".join(tabs[-1][2].split()[:2])  # "Level 1"
            found.append(Question(module, page, title, where_anchor, section, where_level,
                                  re.sub(r"^Q:\s*", "", question.group(2)),
                                  _clean(_block(lines, i + 1, q_indent), page)))
    return found


def collect(docs: Path, nav_pages: list[str]) -> tuple[list[Question], dict[str, str]]:
    modules: dict[str, str] = {}
    questions: list[Question] = []
    for page in nav_pages:
        path = docs / page
        if not path.is_file() or "/" not in page:
            continue
        folder = page.split("/")[0]
        if folder not in modules:
            index = docs / folder / "index.md"
            head = next((ln[2:] for ln in index.read_text("utf-8").splitlines()
                         if ln.startswith("# ")), folder) if index.exists() else folder
            modules[folder] = head.strip()
        questions += page_questions(modules[folder], page, path.read_text("utf-8"))
    return questions, modules


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
        title = q.question.replace('"', "&quot;")
        lines.append(f'??? question "{title}"')
        answer = q.answer or "Open the section for the answer."
        if q.context:
            answer = f"The code in question:\n\n{q.context}\n\n{answer}"
        lines += [f"    {row}" if row else "" for row in answer.splitlines()]
        lines += ["", f"    :material-link-variant: [{q.level} · {q.section}]({q.link})", ""]
    return "\n".join(lines)


def csv_text(questions: list[Question], config: MkDocsConfig) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["module", "page", "level", "question", "answer", "link"])
    for q in questions:
        link = published_link(config, q.page, q.anchor)
        writer.writerow([q.module, q.page_title, q.level, q.question, q.answer, link])
    return out.getvalue()


def anki_deck(questions: list[Question], config: MkDocsConfig) -> bytes:
    import genanki

    model = genanki.Model(
        1_607_392_319, "Backend Interview Handbook card",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
        templates=[{"name": "Card", "qfmt": "{{Question}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<p>{{Source}}</p>"}],
    )
    deck = genanki.Deck(2_059_400_110, "Cracking the Python Backend Interview")
    for q in questions:
        link = published_link(config, q.page, q.anchor)
        source = f'<a href="{link}">{q.page_title} › {q.section}</a>'
        answer = md.markdown(q.answer, extensions=["fenced_code", "tables"])
        tags = [q.module.split(":")[0].replace(" ", "_"), q.level.replace(" ", "_")]
        deck.add_note(genanki.Note(model=model, fields=[q.question, answer, source],
                                   guid=q.uid, tags=tags))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(path)
        return path.read_bytes()


state: dict[str, dict[str, list[Question]]] = {"by_page": {}}
_DETAILS = re.compile(r'<details class="question"( open)?>(\s*<summary>(.*?)</summary>)', re.S)


def _norm(text: str) -> str:
    """Question text compared across Markdown and HTML (study.js normQuestion does the same)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", html.unescape(re.sub(r"<[^>]+>", "", text)))
    return re.sub(r"[\W_]+", "", re.sub(r"^\s*Q:\s*", "", text, flags=re.I).lower())


def on_page_content(output: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Each collapsible question gets its bank id and an anchor of its own (`#q-<slug>`), so the
    study tools need no question-bank.json on a topic page and a follow-up can be linked."""
    questions = {_norm(q.question): q for q in state["by_page"].get(page.file.src_uri, [])}
    used: dict[str, int] = {}

    def tag(match: re.Match[str]) -> str:
        q = questions.get(_norm(match.group(3)))
        anchor = "q-" + slug(re.sub(r"^\s*Q:\s*", "", re.sub(r"<[^>]+>", "", match.group(3))),
                             used)
        attrs = f' id="{html.escape(anchor)}"'
        if q:
            attrs += (f' data-question-id="{q.uid}"'
                      f' data-question-link="{html.escape(q.link)}"')
        return f'<details class="question"{match.group(1) or ""}{attrs}>{match.group(2)}'

    return _DETAILS.sub(tag, output) if "<details class=\"question\"" in output else output


def on_files(files: Files, config: MkDocsConfig) -> Files:
    questions, _ = collect(Path(config.docs_dir), nav_pages(config))
    state["by_page"] = {}
    for q in questions:
        state["by_page"].setdefault(q.page, []).append(q)
    bank = json.dumps([asdict(q) | {"link": q.link, "id": q.uid} for q in questions])
    generated = {
        "question-bank.md": bank_page(questions),
        "question-bank.json": bank,
        # The same data as a script, for the offline copy (file:// refuses fetch()).
        "question-bank.js": f"window.__question_bank = {bank};\n",
        "question-bank.csv": csv_text(questions, config),
    }
    for name, content in generated.items():
        files.append(File.generated(config, name, content=content))
    files.append(File.generated(config, "question-bank.apkg",
                                content=anki_deck(questions, config)))
    return files

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

from handbook_site.question_bank import derived_level, level_terms
from handbook_verify.errata import FENCE, plain, rebase_links, slug

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
_TAB = re.compile(r'^(\s*)===\+?\s+"([^"]+)"')
_QUESTION = re.compile(r'^(\s*)\?{3}\+?\s+question\s+"(.+)"\s*$')
_INCLUDE = re.compile(r"^\s*--8<--")
_INTERVIEWER = re.compile(r'^(\s*)!!!\s+question\s+"Interviewer"\s*$')
_CANDIDATE = re.compile(r'^(\s*)!!!\s+success\s+"Candidate"\s*$')
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
    raw: dict[int, str] = {}  # id(question) -> its answer's Markdown, includes kept
    used: dict[str, int] = {}
    lines = text.splitlines()
    title, anchor, section, level = page, "", "", ""
    tabs: list[tuple[int, str, str]] = []
    in_fence = False
    kind = "Playbook" if page.startswith("playbooks/") else "Interview Reality"
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
                level = ""
            if text_.lower() == "what interviewers actually ask":
                question, code = _quote_and_code(_until_heading(lines, i + 1))
                answer = next((j for j in range(i + 1, len(lines))
                               if plain(lines[j].lstrip("# ")).lower() == "strong candidate answer"
                               and lines[j].startswith("#")), None)
                body = _until_heading(lines, answer + 1) if answer is not None else []
                found.append(Question(module, page, title, anchor, section, kind, question,
                                      _clean(body, page), "\n".join(code), level))
                raw[id(found[-1])] = "\n".join([*body, *code])
            elif text_.lower() in DESIGN_PROMPTS and page.startswith("machine-coding/"):
                system = re.sub(r"^System \d+:\s*", "", title)
                found.append(Question(module, page, title, anchor, section, "Design prompt",
                                      DESIGN_PROMPTS[text_.lower()].format(system=system),
                                      _clean(_until_heading(lines, i + 1), page)))
            elif text_.lower() in FOLLOW_UPS and page.startswith("communication/"):
                for item in _list_items(_until_heading(lines, i + 1)):
                    item = rebase_links(item, page)
                    found.append(Question(module, page, title, anchor, section, "Follow-up",
                                          item, f"Work it through, then compare with the "
                                          f"handbook: {item}"))
            elif text_.lower().startswith("worked problem:"):
                statement = _until_heading(lines, i + 1)
                cut = next((k for k, ln in enumerate(statement) if ln.lstrip().startswith("???")),
                           len(statement))
                found.append(Question(module, page, title, anchor, section, "Worked problem",
                                      text_.split(":", 1)[1].strip(),
                                      _clean(statement[:cut], page), level=level))
                raw[id(found[-1])] = "\n".join(statement)
            continue
        if tab := _TAB.match(line):
            label = tab.group(2)
            tab_anchor = f"{anchor}-{slug(label, {})}"
            tabs.append((len(tab.group(1)), tab_anchor, label))
            continue
        if (asked := _INTERVIEWER.match(line)) and page.startswith("communication/"):
            a_indent = len(asked.group(1))
            prompt = _block(lines, i + 1, a_indent)
            after = i + 1 + len(prompt)
            while after < len(lines) and not lines[after].strip():
                after += 1
            if after < len(lines) and _CANDIDATE.match(lines[after]):
                text_q = " ".join(ln.strip() for ln in prompt if ln.strip()).strip('"“” ')
                found.append(Question(module, page, title, anchor, section, "Communication",
                                      text_q, _clean(_block(lines, after + 1, a_indent), page)))
            continue
        if question := _QUESTION.match(line):
            q_indent = len(question.group(1))
            where_anchor, where_level = anchor, level
            if tabs:
                where_anchor = tabs[-1][1]
                where_level = " ".join(tabs[-1][2].split()[:2])  # "Level 1"
            answer_lines = _block(lines, i + 1, q_indent)
            found.append(Question(module, page, title, where_anchor, section, kind,
                                  re.sub(r"^Q:\s*", "", question.group(2)),
                                  _clean(answer_lines, page), level=where_level))
            raw[id(found[-1])] = "\n".join(answer_lines)
    introduced = level_terms(text)
    for q in found:
        if not q.level and id(q) in raw:  # not inside a Level tab
            q.level = derived_level(q.question, raw[id(q)], introduced)
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


_ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"(.*)")?\s*$')
_TAB_LINE = re.compile(r'^(\s*)===\+?\s+"(.*)"\s*$')
_OPEN_DIV = re.compile(r"^\s*</?div\b[^>]*>\s*$")


def card_markdown(text: str, link: str) -> str:
    """The bank's Markdown as plain Markdown any renderer reads: admonitions and tabs become
    labelled paragraphs, fence titles are dropped, code taken from a sample (stripped include) or
    a diagram becomes a link to the section that shows it."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            indent = line[: len(line) - len(line.lstrip())]
            mark = line.strip()
            ticks = re.match(r"[`~]+", mark).group(0)  # type: ignore[union-attr]
            info = mark[len(ticks):].strip()
            lang = info.split()[0] if info and not info.startswith(("title=", "{")) else ""
            title = re.search(r'title="([^"]*)"', info)
            body, i = [], i + 1
            while i < len(lines) and not (lines[i].strip().startswith(ticks)
                                          and not lines[i].strip()[len(ticks):].strip()):
                body.append(lines[i])
                i += 1
            i += 1
            code = [b for b in body if not _INCLUDE.match(b)]
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
        if (adm := _ADMONITION.match(line)) or (tab := _TAB_LINE.match(line)):
            indent = (adm or tab).group(1)  # type: ignore[union-attr]
            if adm:
                kind, head = adm.group(2), adm.group(3)
                label = f"{head} ({kind})" if head and kind.lower() not in head.lower() else (
                    head or kind.capitalize())
            else:
                label = tab.group(2)  # type: ignore[union-attr]
            out += ["", f"{indent}**{label}:**", ""]
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(indent + "    ")):
                out.append(indent + lines[i][len(indent) + 4 :] if lines[i].strip() else "")
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


def _absolute(text: str, config: MkDocsConfig) -> str:
    """Links relative to the site root (`page.md#anchor`) made absolute on the published site."""
    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z]+:|^#", target):
            return match.group(0)
        path, _, anchor = target.partition("#")
        if not path.endswith((".md", ".ipynb")):
            return match.group(0)
        return f"{match.group(1)}{published_link(config, path, anchor)})"

    return re.sub(r"(\]\()([^)\s]+)\)", fix, text)


def card_fields(q: Question, config: MkDocsConfig) -> tuple[str, str, str]:
    """(question HTML, answer HTML, link) of one card."""
    link = published_link(config, q.page, q.anchor)
    question = card_html(_absolute(q.question, config), link, inline=True)
    answer = q.answer or f"The answer is in [the section]({link})."
    if q.context:
        answer = f"*The code in question is on the page: [open the section]({link}).*\n\n{answer}"
    return question, card_html(_absolute(answer, config), link), link


def csv_text(questions: list[Question], config: MkDocsConfig) -> str:
    """One row per question; `question` and `answer` are HTML (Anki and spreadsheets read it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["module", "page", "level", "kind", "question", "answer", "link"])
    for q in questions:
        question, answer, link = card_fields(q, config)
        writer.writerow([q.module, q.page_title, q.level, q.kind, question, answer, link])
    return out.getvalue()


def anki_deck(questions: list[Question], config: MkDocsConfig) -> bytes:
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
        question, answer, link = card_fields(q, config)
        source = f'<a href="{link}">{html.escape(q.page_title)} › {html.escape(q.section)}</a>'
        tags = [q.module.split(":")[0].replace(" ", "_"), q.kind.replace(" ", "_"),
                *([q.level.replace(" ", "_")] if q.level else [])]
        deck.add_note(genanki.Note(model=model, fields=[question, answer, source],
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

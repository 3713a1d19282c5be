"""MkDocs adapter for the question bank (handbook_site.question_bank generates it from the pages'
Markdown): reads the pages of the nav, hands MkDocs the Question bank page, question-bank.json /
.js / .csv / .apkg, and tags each question of a rendered page with its id and anchor."""

from __future__ import annotations

from pathlib import Path

from canonical_url import published_link
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from site_nav import nav_pages

from handbook_site.memo import remembered
from handbook_site.question_bank import Question, bank_files, collect, module_title, tag_questions

state: dict[str, dict[str, list[Question]]] = {"by_page": {}}


def on_page_content(output: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    questions = state["by_page"].get(page.file.src_uri, [])
    return tag_questions(output, questions) if '<details class="question"' in output else output


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    pages = [(page, (docs / page).read_text("utf-8")) for page in nav_pages(config)
             if "/" in page and (docs / page).is_file()]
    titles = {}
    for page, _ in pages:
        folder = page.split("/")[0]
        index = docs / folder / "index.md"
        if folder not in titles:
            titles[folder] = module_title(folder, index.read_text("utf-8")
                                          if index.exists() else None)
    questions = collect(pages, titles)
    state["by_page"] = {}
    for q in questions:
        state["by_page"].setdefault(q.page, []).append(q)
    # the JSON/CSV/Anki files again only when a question changed (mkdocs serve: handbook_site.memo)
    generated = remembered("question bank files", (questions, config.extra.get("canonical_url"),
                                                    config.use_directory_urls),
                           lambda: bank_files(questions, lambda page, anchor:
                                              published_link(config, page, anchor)))
    for name, content in generated.items():
        files.append(File.generated(config, name, content=content))
    return files

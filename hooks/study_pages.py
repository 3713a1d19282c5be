"""MkDocs adapter for the printable study pages (cheat sheets, printable modules, the printable
handbook): handbook_site.study_pages generates them from the pages' Markdown; this hook reads the
pages and the samples, and hands MkDocs the generated files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from handbook_site.cheat_sheets import section_code
from handbook_site.markdown import SourcePage, source_page
from handbook_site.study_pages import MODULES, modules, notebook_download, study_pages

__all__ = ["MODULES", "on_files", "on_page_content"]


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    return notebook_download(page.file.src_uri, html)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    snippets = Path(config.config_file_path).parent / "snippets"

    def read(path: str) -> SourcePage:
        return source_page(path, (docs / path).read_text(encoding="utf-8"))

    def shown(include: str) -> str | None:
        path, _, section = include.partition(":")
        source = snippets / path
        return section_code(source.read_text("utf-8"), section) if source.is_file() else None

    found = [(folder, title, [read(p) for p in pages if (docs / p).is_file()])
             for folder, title, pages in modules(config.nav)]
    for name, content in study_pages(read("index.md"), found, shown).items():
        files.append(File.generated(config, name, content=content))
    return files

"""MkDocs adapter for the glossary (handbook_site.glossary): every abbreviation is explained on
hover through the `abbr` extension's `glossary` option, fed once here in on_config (appended to
each page instead, its 162 definition lines cost a quadratic block-parser pass on every page), and
the same file becomes the Glossary page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from handbook_site.glossary import SOURCE, definitions, glossary_page

__all__ = ["definitions", "glossary_page"]  # the old import path of these


def _source(config: MkDocsConfig) -> str:
    return (Path(config.config_file_path).parent / SOURCE).read_text(encoding="utf-8")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "abbr" in config.markdown_extensions:
        options = config.mdx_configs.setdefault("abbr", {})
        options["glossary"] = {**definitions(_source(config)), **options.get("glossary", {})}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "glossary.md", content=glossary_page(_source(config))))
    return files

"""Glossary: the abbreviations file explains every abbreviation on hover and this hook turns the
same file into the Glossary page.

The definitions reach every page once, through Python-Markdown's `abbr` extension `glossary`
option (set here in on_config), not by appending the file to each page: appended, its 162
definition lines cost a quadratic block-parser pass on every page (about half of a plain build).
"""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SOURCE = Path("snippets/_glossary/abbreviations.md")
_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")


def definitions(source: str) -> dict[str, str]:
    return {m["term"].strip(): m["meaning"].strip()
            for m in map(_ENTRY.match, source.splitlines()) if m}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "abbr" in config.markdown_extensions:
        source = Path(config.config_file_path).parent / SOURCE
        options = config.mdx_configs.setdefault("abbr", {})
        options["glossary"] = {**definitions(source.read_text(encoding="utf-8")),
                               **options.get("glossary", {})}
    return config


def glossary_page(source: str) -> str:
    entries = definitions(source)
    # A plural form ("ABCs") repeats its singular ("ABC"): list the singular only.
    terms = sorted((t for t in entries if not (t.endswith("s") and t[:-1] in entries)),
                   key=str.casefold)
    lines = ["---", "title: Glossary",
             "description: Every abbreviation used in the handbook and the playbooks.", "---", "",
             "# Glossary", "",
             f"The {len(terms)} abbreviations used across the handbook and the playbooks. "
             "Anywhere on the site, hover over (or focus) an abbreviation to see its meaning.", ""]
    for letter, group in groupby(terms, key=lambda t: t[0].upper()):
        lines += [f"## {letter}", ""]
        for term in group:
            name, _, explanation = entries[term].partition(" — ")
            lines += [f"{term}", f":   **{name}**" + (f" — {explanation}" if explanation else ""),
                      ""]
    return "\n".join(lines)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    source = Path(config.config_file_path).parent / SOURCE
    files.append(File.generated(config, "glossary.md",
                                content=glossary_page(source.read_text(encoding="utf-8"))))
    return files

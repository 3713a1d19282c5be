"""The abbreviations file (snippets/_glossary/abbreviations.md): its definitions for the `abbr`
extension's glossary, and the Glossary page."""

from __future__ import annotations

import re
from itertools import groupby

SOURCE = "snippets/_glossary/abbreviations.md"
_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")


def definitions(source: str) -> dict[str, str]:
    return {m["term"].strip(): m["meaning"].strip()
            for m in map(_ENTRY.match, source.splitlines()) if m}


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

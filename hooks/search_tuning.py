"""Search that finds the concept (tuned against tests/search_queries.tsv).

- A page's `keywords` front matter (the names candidates type: "two sum", "N+1", "postmortem")
  is shown under its title as "Key terms", and indexed like tags (Material ranks tag matches
  first). They are added after the tags plugin has read the page's own tags, so the tag index
  keeps only the broad concept tags.
- Handbook pages rank above pages that merely mention a concept (playbooks, glossary).
- Generated pages that repeat other pages (question bank, printable copies, the verification
  report, errata) stay out of the index so they never crowd out the page that explains.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

HANDBOOK = ("core-python/", "concurrency/", "dsa-patterns/", "backend-systems/", "production/",
            "machine-coding/", "communication/")
NOT_INDEXED = ("question-bank.md", "verification.md", "errata.md", "print/")
_H1 = re.compile(r"^# .+$", re.MULTILINE)


@event_priority(-100)  # after the tags plugin (-50) has collected the page's concept tags
def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    path = page.file.src_uri
    search = page.meta.setdefault("search", {})
    if path.startswith(NOT_INDEXED):
        search["exclude"] = True
    elif path.startswith(HANDBOOK) and "/practice/" not in path:
        search.setdefault("boost", 2)
    keywords = page.meta.get("keywords")
    if not keywords:
        return markdown
    page.meta["tags"] = [*page.meta.get("tags", []), *keywords]  # seen by search only
    terms = " · ".join(f"*{term}*" for term in keywords)
    line = f'\n<p class="key-terms" markdown>**Key terms:** {terms}</p>\n'
    heading = _H1.search(markdown)
    at = heading.end() if heading else 0
    return markdown[:at] + "\n" + line + markdown[at:]

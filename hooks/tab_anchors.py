"""Make Level-tab anchors count for MkDocs' anchor validation.

pymdownx.tabbed gives each tab its id (`explained-by-level-level-3-deep-internals`) in a late
tree pass, after MkDocs has collected the page's anchors, so links to a tab were reported as
broken. Record every id of the rendered page instead; links to tabs are then validated like any
other anchor (and a link to a tab that is gone still fails the strict build).
"""

from __future__ import annotations

import functools
import re

from mkdocs.structure.pages import Page

_ID = re.compile(r'id="([^"]+)"')  # a literal start: found by fast search, not tried everywhere
_SPACE = re.compile(r"\s")


@functools.lru_cache(maxsize=512)  # mkdocs serve: unchanged pages give the same HTML on each save
def ids(html: str) -> tuple[str, ...]:
    """Every `id` attribute's value (`id="…"` after whitespace, as in `\\sid="([^"]+)"`)."""
    return tuple(m.group(1) for m in _ID.finditer(html)
                 if m.start() > 0 and _SPACE.match(html, m.start() - 1))


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(ids(html))
    return html

"""Anchors for headings and tabs: readable, lowercase, one dash between words.

pymdownx's slugify turns "Level 1 — Must Know" into "level-1--must-know" (the dash between two
spaces leaves two separators); readers paste these anchors into notes, so we collapse them.
Used by the Markdown toc and tabbed extensions (mkdocs.yml) and by the errata index.
"""

from __future__ import annotations

import re

from pymdownx.slugs import slugify as _pymdownx_slugify

_base = _pymdownx_slugify(case="lower")


def slugify(text: str, sep: str) -> str:
    return re.sub(f"{re.escape(sep)}+", sep, _base(text, sep)).strip(sep)

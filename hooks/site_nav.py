"""Shared by the hooks (not a hook itself): the pages of the nav, in reading order."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def nav_pages(config: MkDocsConfig) -> list[str]:
    pages: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                pages.append(value)

    walk(config.nav or [])
    return pages

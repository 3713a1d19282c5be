"""Shared by the hooks (not a hook itself): the pages of the nav, in reading order. One
implementation, in the package (the handbook-verify plugin uses it too)."""

from handbook_site.adapters.verify_plugin import nav_pages

__all__ = ["nav_pages"]

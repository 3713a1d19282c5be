"""Printable study pages, generated from the topic pages on every build (never copied by hand).

- print/cheat-sheets/<module>.md: at most four printed A4 pages per module, what
  handbook_site/cheat_sheets.py keeps of each topic (Level 1 one line per point, a short
  template, the traps, `!!! cheat` blocks) with a link to the page for the rest.
- print/<module>.md: the module overview and all its topic pages on one page.
- print/handbook.md: the home page, then every module's printable page loaded in place (lazily).

Headings are shifted below the generated page's own, relative links are rebased onto the generated
page, and sample includes are kept (the same code with the same verified output). The pages are
left out of search: their text is already found on the topic pages.

Markdown strings in, Markdown out: no MkDocs import here (hooks/study_pages.py is the adapter).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from .cheat_sheets import cheat_sheet
from .markdown import SourcePage, front_matter, link, relink, scan, shift

MODULES = ("core-python", "concurrency", "dsa-patterns", "backend-systems", "production",
           "machine-coding", "communication")
PAGE_BREAK = '<div style="break-before: page"></div>'
Module = tuple[str, str, list[SourcePage]]  # (folder, nav title, pages: overview first)


def modules(nav: list | None) -> list[tuple[str, str, list[str]]]:
    """(folder, nav title, pages) of each handbook module, in nav order (MkDocs' `nav` list)."""
    found = []
    for item in nav or []:
        if not isinstance(item, dict):
            continue
        (title, value), = item.items()
        pages = [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
        folder = pages[0].split("/")[0] if pages else ""
        if folder in MODULES:
            found.append((folder, title, pages))
    return found


def opened(lines: list[str]) -> list[str]:
    """Collapsed blocks (`??? kind`) opened (`???+ kind`), for printing."""
    return [f"{ln.text[:ln.indent]}???+{ln.text[ln.indent + 3:]}"
            if ln.admonition and ln.text[ln.indent:].startswith("??? ") else ln.text
            for ln in scan("\n".join(lines))]


def printable(dest: str, pages: list[SourcePage], depth: int) -> list[str]:
    """Pages one after the other, each with its H1 at level `depth`, a page break before each."""
    lines: list[str] = []
    for page in pages:
        body = opened([f"# {page.title}", *page.body])
        lines += ["", PAGE_BREAK, "", *relink(shift(body, depth - 1), page.path, dest), ""]
    return lines


def module_page(folder: str, title: str, pages: list[SourcePage]) -> str:
    dest = f"print/{folder}.md"
    overview, *topics = pages  # the nav lists the module overview first
    lines = front_matter(f"{title} — printable", f"Every {title} topic on one printable page.")
    lines += [f"# {overview.title}", "",
              f"The whole module on one page, for printing (++ctrl+p++) or reading offline: every "
              f"Level tab and collapsed answer is shown. [Cheat sheet]"
              f"({link(f'print/cheat-sheets/{folder}.md', dest)}) · "
              f"[All printable pages]({link('study/cheat-sheets.md', dest)})", "",
              *relink(overview.body, overview.path, dest), *printable(dest, topics, 2)]
    return "\n".join(lines)


def handbook_page(home: SourcePage, found: list[Module]) -> str:
    """The whole handbook for printing, light to open: the home page, then each module as a link
    to its printable page that study.js loads in place (when scrolled near, or all at once with
    "Load every module"). One page holding every module was 3.4 MB of HTML on every visit."""
    dest = "print/handbook.md"
    lines = front_matter(f"{home.title} — printable", "The whole handbook, printable.")
    lines += [f"# {home.title}", "",
              "Every module one after the other, for printing (++ctrl+p++) or reading offline. "
              "Each module loads here as you reach it; to print the whole handbook, load every "
              "module first. "
              f"[All printable pages]({link('study/cheat-sheets.md', dest)})", "",
              '<div class="study-print-all" markdown>', "",
              "*Loading a module needs the site served (or the offline copy's own module pages): "
              "each one is also a page of its own, linked below.*", "", "</div>", "",
              *relink(home.body, home.path, dest)]
    for folder, title, pages in found:
        overview = pages[0].title if pages else title
        target = link(f"print/{folder}.md", dest)
        lines += ["", PAGE_BREAK, "", f'<div class="study-print-module" data-print-src="{folder}"'
                  f' markdown>', "", f"## {overview}", "",
                  f"[{title}: every topic, printable]({target})", "", "</div>", ""]
    return "\n".join(lines)


def study_pages(home: SourcePage, found: list[Module],
                shown: Callable[[str], str | None] = lambda _: None) -> dict[str, str]:
    """Every generated study page by its path under docs/: the printable handbook, and each
    module's cheat sheet and printable page. `shown(include)` gives the code a sample include
    shows, for the cheat sheets' templates."""
    generated = {"print/handbook.md": handbook_page(home, found)}
    for folder, title, pages in found:
        topics = [p for p in pages if not p.path.endswith("/index.md")]
        generated[f"print/cheat-sheets/{folder}.md"] = cheat_sheet(folder, title, topics, shown)
        generated[f"print/{folder}.md"] = module_page(folder, title, pages)
    return generated


def notebook_download(src_uri: str, html: str) -> str:
    """A practice notebook's page with a download link to its .ipynb, which mkdocs-jupyter
    (include_source) writes next to the page in both layouts (`name/name.ipynb`, offline
    `name.ipynb`)."""
    if not src_uri.endswith(".ipynb"):
        return html
    name = posixpath.basename(src_uri)
    return (f'<p class="notebook-download"><a href="{name}" download>'
            f'Download this notebook ({name})</a> to work on it in Jupyter.</p>\n{html}')

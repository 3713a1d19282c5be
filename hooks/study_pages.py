"""Printable study pages, generated from the topic pages on every build (never copied by hand).

- print/cheat-sheets/<module>.md: at most four printed A4 pages per module, what
  handbook_site/cheat_sheets.py keeps of each topic (Level 1 one line per point, a short
  template, the traps, `!!! cheat` blocks) with a link to the page for the rest.
- print/<module>.md: the module overview and all its topic pages on one page.
- print/handbook.md: the home page, then every module's printable page loaded in place (lazily).

Headings are shifted below the generated page's own, relative links are rebased onto the generated
page, and sample includes are kept (the same code with the same verified output). The pages are
left out of search: their text is already found on the topic pages.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from handbook_site.cheat_sheets import Topic, cheat_sheet, section_code
from handbook_verify.errata import FENCE, rebase_links

MODULES = ("core-python", "concurrency", "dsa-patterns", "backend-systems", "production",
           "machine-coding", "communication")
PAGE_BREAK = '<div style="break-before: page"></div>'

_HEADING = re.compile(r"^(\s*)(#{1,6})(\s+.*)$")
_COLLAPSED = re.compile(r"^(\s*)\?\?\?(\s)")
_LINK = re.compile(r"(\]\()([^)\s]+)\)")


@dataclass
class Page:
    path: str  # relative to docs/
    title: str
    description: str
    body: list[str]  # after the front matter and the H1


def prose(lines: list[str]) -> list[bool]:
    """For each line: True outside fenced code (fence lines themselves count as code)."""
    marks, fence = [], ""
    for line in lines:
        opening = FENCE.match(line)
        if not fence:
            fence = opening.group(1) if opening else ""
            marks.append(not opening)
            continue
        marks.append(False)
        closing = line.strip()
        if opening and set(closing) == {fence[0]} and len(closing) >= len(fence):
            fence = ""
    return marks


def read_page(docs: Path, path: str) -> Page:
    body, meta = get_data((docs / path).read_text(encoding="utf-8"))
    lines = body.splitlines()
    h1 = next((i for i, (ln, ok) in enumerate(zip(lines, prose(lines), strict=True))
               if ok and ln.startswith("# ")), None)
    title = lines[h1][2:].strip() if h1 is not None else meta.get("title", path)
    return Page(path, title, meta.get("description", ""), lines[h1 + 1 :] if h1 is not None
                else lines)


def shift(lines: list[str], by: int) -> list[str]:
    marks = prose(lines)
    return [f"{h.group(1)}{'#' * min(6, len(h.group(2)) + by)}{h.group(3)}"
            if ok and (h := _HEADING.match(line)) else line
            for line, ok in zip(lines, marks, strict=True)]


def below(lines: list[str], level: int) -> list[str]:
    """Shift headings so that the highest one sits at `level`."""
    marks = prose(lines)
    found = [len(h.group(2)) for line, ok in zip(lines, marks, strict=True)
             if ok and (h := _HEADING.match(line))]
    return shift(lines, max(0, level - min(found))) if found else lines


def relink(lines: list[str], source: str, dest: str) -> list[str]:
    """Relative links written on page `source` rewritten to work from page `dest`."""
    base = posixpath.dirname(dest)

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z]+:|^/", target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        return f"{match.group(1)}{posixpath.relpath(path, base)}{hash_}{anchor})"

    marks = prose(lines)
    return [_LINK.sub(fix, rebase_links(line, source)) if ok else line
            for line, ok in zip(lines, marks, strict=True)]


def link(target: str, dest: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(dest))


def front_matter(title: str, description: str) -> list[str]:
    def quoted(value: str) -> str:  # a JSON string is a YAML string
        return json.dumps(value, ensure_ascii=False)

    return ["---", f"title: {quoted(title)}", f"description: {quoted(description)}",
            "search:", "  exclude: true", "hide:", "  - navigation", "---", ""]


def modules(config: MkDocsConfig) -> list[tuple[str, str, list[str]]]:
    """(folder, nav title, pages) of each handbook module, in nav order."""
    found = []
    for item in config.nav or []:
        if not isinstance(item, dict):
            continue
        (title, value), = item.items()
        pages = [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
        folder = pages[0].split("/")[0] if pages else ""
        if folder in MODULES:
            found.append((folder, title, pages))
    return found


def printable(dest: str, pages: list[Page], depth: int) -> list[str]:
    """Pages one after the other, each with its H1 at level `depth`, a page break before each."""
    lines: list[str] = []
    for page in pages:
        body = [f"# {page.title}", *page.body]
        body = [_COLLAPSED.sub(r"\1???+\2", ln) if ok else ln
                for ln, ok in zip(body, prose(body), strict=True)]
        lines += ["", PAGE_BREAK, "", *relink(shift(body, depth - 1), page.path, dest), ""]
    return lines


def module_page(folder: str, title: str, pages: list[Page]) -> str:
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


def handbook_page(home: Page, found: list[tuple[str, str, list[Page]]]) -> str:
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


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Practice notebooks: a download link to the .ipynb, which mkdocs-jupyter (include_source)
    writes next to the page in both layouts (`name/name.ipynb`, offline `name.ipynb`)."""
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    name = posixpath.basename(page.file.src_uri)
    return (f'<p class="notebook-download"><a href="{name}" download>'
            f'Download this notebook ({name})</a> to work on it in Jupyter.</p>\n{html}')


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    snippets = Path(config.config_file_path).parent / "snippets"

    def shown(include: str) -> str | None:
        path, _, section = include.partition(":")
        source = snippets / path
        return section_code(source.read_text("utf-8"), section) if source.is_file() else None

    found = [(folder, title, [read_page(docs, p) for p in pages if (docs / p).is_file()])
             for folder, title, pages in modules(config)]
    generated = {"print/handbook.md": handbook_page(read_page(docs, "index.md"), found)}
    for folder, title, pages in found:
        topics = [p for p in pages if not p.path.endswith("/index.md")]
        generated[f"print/cheat-sheets/{folder}.md"] = cheat_sheet(
            folder, title, [Topic(p.path, p.title, p.description, p.body) for p in topics], shown)
        generated[f"print/{folder}.md"] = module_page(folder, title, pages)
    for name, content in generated.items():
        files.append(File.generated(config, name, content=content))
    return files

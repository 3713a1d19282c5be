"""Puts each sample's verification result on its page, right under the code block."""

from __future__ import annotations

import html
import re
from pathlib import Path

from . import files
from .discover import _INCLUDE, _SECTION_MARK, split_target
from .metadata import _CLOSE, _OPEN
from .model import Result

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
MAX_OUTPUT_LINES = 150


def badge(result: Result, mistake: list[str] | None = None) -> str:
    """`mistake`: the linter rules a sample breaks on purpose (its `expect_rules`): the page shows
    it as the mistake to avoid, and the badge must not read as approval."""
    if result.status == "failed":
        return ":material-close-octagon: **Failed verification** — see the build log"
    if mistake:
        rules = ", ".join(f"`{rule}`" for rule in mistake)
        return (f":material-alert-decagram: **Verified: shows the mistake** — {result.label} "
                f"reports {rules}, the flaw this page explains (the fix is beside it)")
    text = f"**Verified** — {result.label}"
    if result.claims:
        text += f" · {result.claims} output claim{'s' if result.claims > 1 else ''} checked"
    if result.other_versions:
        text += (" · the code also states what " + " and ".join(result.other_versions)
                 + " print (`Output (…)` comments; not run by this build)")
    icon = ":material-check-decagram:" if result.status == "passed" else ":material-check:"
    return f"{icon} {text}"


def result_block(result: Result, indent: str, with_output: bool,
                 mistake: list[str] | None = None) -> list[str]:
    status = "mistake" if mistake and result.status != "failed" else result.status
    lines = ["", f'<div class="verify-result verify-{status}" data-search-exclude markdown>',
             "", badge(result, mistake), ""]
    output = result.output.rstrip("\n")
    if with_output and output:
        rows = output.splitlines()
        if len(rows) > MAX_OUTPUT_LINES:
            hidden = len(rows) - MAX_OUTPUT_LINES
            rows = [*rows[:MAX_OUTPUT_LINES], f"… {hidden} more lines in the verification report"]
        fence = "`" * max(3, max((len(m) for m in re.findall(r"`{3,}", output)), default=0) + 1)
        title = "Output of this build" if result.status == "passed" else "Report"
        lines += [f'??? output "{title}"', f"    {fence}text"]
        lines += [f"    {row}" if row else "" for row in rows]
        lines += [f"    {fence}", ""]
    lines += ["</div>", ""]
    return [f"{indent}{line}" if line else "" for line in lines]


def _mistake(snippets: Path | None, target: str) -> list[str]:
    if snippets is None or not (snippets / target).is_file():
        return []
    from .metadata import MetadataError, parse_meta

    try:
        return list(parse_meta(files.text(snippets / target)).expect_rules)
    except (MetadataError, UnicodeDecodeError):
        return []


def decorate(markdown: str, results: dict[str, Result], snippets: Path | None = None) -> str:
    """Append a result block after every fenced block that holds exactly one include."""
    lines = markdown.split("\n")
    blocks: list[tuple[int, str]] = []  # (index of the closing fence, target)
    for i in range(len(lines) - 2):
        opening = _FENCE.match(lines[i])
        include = _INCLUDE.match(lines[i + 1])
        if opening and include and lines[i + 2].strip() == opening.group("fence"):
            blocks.append((i + 2, split_target(include.group("target"))[0]))
    last_index = {target: index for index, target in blocks}
    for index, target in reversed(blocks):
        result = results.get(target)
        if result is None:
            continue
        indent = _FENCE.match(lines[index - 2]).group("indent")  # type: ignore[union-attr]
        block = result_block(result, indent, with_output=last_index[target] == index,
                             mistake=_mistake(snippets, target))
        lines[index + 1 : index + 1] = block
    return "\n".join(lines)


def runnable_text(source: str) -> str:
    """What a reader copies from a sample shown in part: the whole file (the setup the page hides
    included), without its `/// verify` block and its section markers."""
    out, in_meta = [], False
    for line in source.splitlines():
        if not in_meta and _OPEN.match(line):
            in_meta = True
            continue
        if in_meta:
            in_meta = not _CLOSE.match(line)
            continue
        if _SECTION_MARK.search(line) and re.fullmatch(r"\s*(#|--|//)\s*--8<--.*", line):
            continue
        out.append(line)
    text = "\n".join(out).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def runnable_copies(markdown: str, snippets: Path) -> str:
    """Where a page shows one section of a sample, its copy button copies the whole runnable file
    (Material copies the `data-copy` of a code block's container; `fill_copies` adds it to the
    HTML, where no Markdown pattern can touch it) and a collapsed block right under it shows that
    file in place."""
    lines = markdown.split("\n")
    blocks: list[tuple[int, str]] = []  # (index of the opening fence, target)
    for i in range(len(lines) - 2):
        opening = _FENCE.match(lines[i])
        include = _INCLUDE.match(lines[i + 1])
        if opening and include and lines[i + 2].strip() == opening.group("fence"):
            path, section = split_target(include.group("target"))
            if section and (snippets / path).is_file():
                blocks.append((i, path))
    for index, path in reversed(blocks):
        opening = _FENCE.match(lines[index])
        indent, fence = opening.group("indent"), opening.group("fence")  # type: ignore[union-attr]
        full = runnable_text(files.text(snippets / path))
        lang = opening.group("info").split()[0] if opening.group("info").split() else ""  # type: ignore[union-attr]
        if lang.startswith("title="):
            lang = ""
        long_fence = "`" * max(len(fence), max((len(m) for m in re.findall(r"`{3,}", full)),
                                               default=0) + 1)
        name = Path(path).name
        shown = [f"{indent}<div class=\"sample-runnable\" data-sample=\"{html.escape(path)}\" "
                 "markdown>", "",
                 *lines[index : index + 3], "", f"{indent}</div>"]
        details = ["", f"{indent}<div class=\"sample-file\" data-search-exclude markdown>", "",
                   f'{indent}??? sample-file "Whole file, setup included: {name} '
                   f'(what the copy button copies)"', "",
                   f"{indent}    {long_fence}{lang}",
                   *[f"{indent}    {row}" if row else "" for row in full.rstrip("\n").split("\n")],
                   f"{indent}    {long_fence}", "", f"{indent}</div>", ""]
        lines[index : index + 3] = shown + details
    return "\n".join(lines)


_RUNNABLE = re.compile(r'<div class="sample-runnable" data-sample="([^"]+)"( markdown)?>')


def fill_copies(page_html: str, snippets: Path) -> str:
    """The whole file as the `data-copy` of each `sample-runnable` block (see runnable_copies)."""
    def fill(match: re.Match[str]) -> str:
        path = snippets / html.unescape(match.group(1))
        if not path.is_file():
            return match.group(0)
        full = runnable_text(files.text(path)).rstrip("\n")
        copy = html.escape(full, quote=True).replace("\n", "&#10;")
        return f'<div class="sample-runnable" data-sample="{match.group(1)}" data-copy="{copy}">'

    return _RUNNABLE.sub(fill, page_html) if "sample-runnable" in page_html else page_html

"""Puts each sample's verification result on its page, right under the code block."""

from __future__ import annotations

import re

from .discover import _INCLUDE, split_target
from .model import Result

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
MAX_OUTPUT_LINES = 150


def badge(result: Result) -> str:
    if result.status == "failed":
        return ":material-close-octagon: **Failed verification** — see the build log"
    text = f"**Verified** — {result.label}"
    if result.claims:
        text += f" · {result.claims} output claim{'s' if result.claims > 1 else ''} checked"
    if result.other_versions:
        text += (" · the code also states what " + " and ".join(result.other_versions)
                 + " print (`Output (…)` comments; not run by this build)")
    icon = ":material-check-decagram:" if result.status == "passed" else ":material-check:"
    return f"{icon} {text}"


def result_block(result: Result, indent: str, with_output: bool) -> list[str]:
    lines = ["", f'<div class="verify-result verify-{result.status}" data-search-exclude markdown>',
             "", badge(result), ""]
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


def decorate(markdown: str, results: dict[str, Result]) -> str:
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
        block = result_block(result, indent, with_output=last_index[target] == index)
        lines[index + 1 : index + 1] = block
    return "\n".join(lines)

"""Reads a sample's `/// verify` block (PEP 723 style, in the file's own comment syntax)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields

from .model import Meta
from .sandbox import CAPABILITIES, limits_from

_OPEN = re.compile(r"^\s*(#|--)\s*/// verify\s*$")
_CLOSE = re.compile(r"^\s*(#|--)\s*///\s*$")
KNOWN_KEYS = {f.name for f in fields(Meta)} - {"line"}


class MetadataError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def parse_meta(text: str) -> Meta:
    """Return the sample's metadata; raise MetadataError naming the line when it is malformed."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _OPEN.match(line)), None)
    if start is None:
        return Meta()
    prefix = _OPEN.match(lines[start]).group(1)  # type: ignore[union-attr]
    body: list[str] = []
    for line in lines[start + 1 :]:
        if _CLOSE.match(line):
            break
        stripped = line.strip()
        if not stripped.startswith(prefix):
            message = f"line in the verify block does not start with {prefix!r}"
            raise MetadataError(start + 1, message)
        body.append(stripped[len(prefix) :].removeprefix(" "))
    else:
        raise MetadataError(start + 1, "verify block is not closed with a `///` line")
    try:
        data = tomllib.loads("\n".join(body))
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(start + 1, f"verify block is not valid TOML: {exc}") from exc
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise MetadataError(
            start + 1, f"unknown key(s) {sorted(unknown)}; known: {sorted(KNOWN_KEYS)}"
        )
    try:
        limits_from(data.get("limits", {}))
    except (ValueError, TypeError) as exc:
        raise MetadataError(start + 1, f"verify block: {exc}") from exc
    unknown_needs = set(data.get("needs", [])) - CAPABILITIES
    if unknown_needs:
        raise MetadataError(start + 1, f"unknown need(s) {sorted(unknown_needs)}; known: "
                            f"{sorted(CAPABILITIES)}")
    return Meta(**data, line=start + 1)

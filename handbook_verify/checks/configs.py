"""Configuration samples must parse with the parser their consumers use."""

from __future__ import annotations

import configparser
import json
import tomllib

from .base import Context, Outcome


def _load(suffix: str, text: str) -> object:
    if suffix in {".yaml", ".yml"}:
        import yaml

        return list(yaml.safe_load_all(text))
    if suffix == ".toml":
        return tomllib.loads(text)
    if suffix == ".json":
        return json.loads(text)
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    return parser


def check_parse(ctx: Context) -> Outcome:
    suffix = ctx.sample.path.suffix
    kind = {".yml": "YAML", ".yaml": "YAML", ".toml": "TOML", ".json": "JSON"}.get(suffix, "INI")
    try:
        _load(suffix, ctx.sample.path.read_text(encoding="utf-8"))
    except Exception as exc:  # every parser has its own error type
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        line = line or getattr(exc, "lineno", 0) or 0
        return Outcome(f"parsed as {kind}", problems=[ctx.problem(
            f"does not parse as {kind}: {exc}".splitlines()[0], line=line)], executed=False)
    return Outcome(f"parsed as {kind}", executed=False)

"""How the build runs (handbook_site): caches that keep rebuilds fast, and a quiet log.

- highlight_cache: code is highlighted once per process, whichever page repeats it;
- serve_cache: `mkdocs serve` converts again only the pages whose Markdown changed
  (`mkdocs build` always converts every page; HANDBOOK_SERVE_CACHE=0 turns it off);
- quiet: no per-notebook INFO lines, no Jupyter kernel TCP warning.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook_site import highlight_cache, quiet
from handbook_site.adapters import serve_cache


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve" and os.environ.get("HANDBOOK_SERVE_CACHE", "1") != "0":
        serve_cache.install()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if serve_cache.installed():
        env.bytecode_cache = serve_cache.bytecode_cache()
    return env


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    highlight_cache.install()
    quiet.install(Path(config.config_file_path).parent / ".cache")
    return config

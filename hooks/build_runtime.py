"""How the build runs (handbook_site): caches that keep rebuilds fast, and a quiet log.

- highlight_cache: code is highlighted once per process, whichever page repeats it;
- page_cache: `mkdocs serve` converts again only the pages whose Markdown changed
  (`mkdocs build` always converts every page; HANDBOOK_SERVE_CACHE=0 turns it off);
- quiet: no per-notebook INFO lines, no Jupyter kernel TCP warning.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from handbook_site import highlight_cache, page_cache, quiet


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve" and os.environ.get("HANDBOOK_SERVE_CACHE", "1") != "0":
        page_cache.install()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    highlight_cache.install()
    quiet.install(Path(config.config_file_path).parent / ".cache")
    return config

"""How the build runs (handbook_site): caches that keep rebuilds fast, and a quiet log.

- highlight_cache: code is highlighted once per process, whichever page repeats it;
- page_cache: `mkdocs serve` converts again only the pages whose Markdown changed
  (`mkdocs build` always converts every page);
- quiet: no per-notebook INFO lines, no Jupyter kernel TCP warning.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from handbook_site import highlight_cache, page_cache, quiet


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        page_cache.install()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    highlight_cache.install()
    quiet.install(Path(config.config_file_path).parent / ".cache")
    return config

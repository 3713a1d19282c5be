"""How the build runs (handbook_site): caches that keep rebuilds fast, and a quiet log.

- highlight_cache: code is highlighted once, whichever page repeats it (.cache/highlight.pickle);
- page_cache: a page whose Markdown (and what it includes) did not change is not converted again,
  in `mkdocs serve` and across builds (.cache/pages/; links and anchors stay checked on every
  strict build; HANDBOOK_PAGE_CACHE=0 turns it off);
- serve_cache: `mkdocs serve` renders the theme's template again only for what changed, and
  serve_writes: it updates the site directory in place, writing only what changed
  (HANDBOOK_SERVE_CACHE=0 turns both off);
- quiet: no per-notebook INFO lines, no Jupyter kernel TCP warning.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook_site import highlight_cache, quiet
from handbook_site.adapters import page_cache, serve_cache, serve_writes


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve" and os.environ.get("HANDBOOK_SERVE_CACHE", "1") != "0":
        serve_cache.install()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if serve_cache.installed():
        env.bytecode_cache = serve_cache.bytecode_cache()
    return env


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    if serve_cache.installed():
        serve_writes.install(config.site_dir)
    highlight_cache.install(root / ".cache" / "highlight.pickle")
    if os.environ.get("HANDBOOK_PAGE_CACHE", "1") != "0":
        page_cache.install(root, root / ".cache" / "pages")
    quiet.install(root / ".cache")
    return config


def on_post_build(config: MkDocsConfig) -> None:
    page_cache.clean_up()
    highlight_cache.save()
    serve_writes.remove_stale()

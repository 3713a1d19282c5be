"""The published site's address, for every link a reader copies or exports.

`site_url` in mkdocs.yml (`SITE_URL` at build time, a public default otherwise) is the one place
it is configured. Copy-link, the notes export, the question bank's CSV and Anki "Source" links
all use it, in the published site's directory-URL form (`…/core-python/gil/#anchor`), whatever
the build that made the page: `mkdocs serve` replaces `site_url` with its own local address and
the offline copy (mkdocs.offline.yml) writes `name.html` pages, yet both keep giving the links of
the published site. Each page carries the address for study.js as
`<meta name="handbook:site-url" content="…" data-dir-urls="true|false">`
(`data-dir-urls` tells how *this* build lays out its pages).
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import yaml_load

state = {"command": ""}


def on_startup(command: str, dirty: bool) -> None:
    state["command"] = command


def published_url(config: MkDocsConfig) -> str:
    """site_url as configured (serve overwrites config.site_url with its local address)."""
    url = config.site_url or ""
    if state["command"] == "serve" and config.config_file_path:
        with open(config.config_file_path, "rb") as file:
            url = yaml_load(file).get("site_url") or url
    return url.rstrip("/") + "/" if url else ""


def published_path(src_uri: str) -> str:
    """The page's path on the published site (directory URLs): 'index.md' -> '',
    'core-python/index.md' -> 'core-python/', 'core-python/gil.md' -> 'core-python/gil/'."""
    stem = str(Path(src_uri).with_suffix("")).replace("\\", "/")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def published_link(config: MkDocsConfig, src_uri: str, anchor: str = "") -> str:
    link = config.extra.get("canonical_url", "") + published_path(src_uri)
    return f"{link}#{anchor}" if anchor else link


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    url = published_url(config)
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"site_url must be the published site's http(s) address, not {url!r}")
    config.extra["canonical_url"] = url
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    meta = (f'<meta name="handbook:site-url" content="{html.escape(config.extra["canonical_url"])}"'
            f' data-dir-urls="{str(bool(config.use_directory_urls)).lower()}">')
    return output.replace("</head>", f"{meta}\n</head>", 1)

"""The offline copy's download link. `make build` builds the file:// copy (site-offline/, from
mkdocs.offline.yml) first; the main build then zips it into downloads/handbook-offline.zip. A build
without it (`mkdocs build` alone, `mkdocs serve`, the offline copy itself) says how to get the
copy instead of linking to a file that does not exist."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ZIP = "downloads/handbook-offline.zip"
_BLOCK = re.compile(r"<!-- offline-download -->.*?<!-- /offline-download -->", re.DOTALL)
UNAVAILABLE = ("The offline copy is not part of this build. Build it with `make build` (it makes "
               "`site-offline/`, a copy that works from the file system with no network at all, "
               "search included, and zips it here), or open `site-offline/index.html` after "
               "`make offline`.")
state = {"command": "", "available": False}


def on_startup(command: str, dirty: bool) -> None:
    state["command"] = command


def _archive(folder: Path) -> bytes:
    """The folder zipped, without source maps (only a browser's developer tools fetch them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".map":
                archive.write(path, Path("site-offline") / path.relative_to(folder))
    return buffer.getvalue()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    folder = Path(config.config_file_path).parent / "site-offline"
    state["available"] = (state["command"] == "build" and "offline" not in config.plugins
                          and (folder / "index.html").is_file())
    if state["available"]:
        files.append(File.generated(config, ZIP, content=_archive(folder)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if state["available"] or "<!-- offline-download -->" not in markdown:
        return markdown
    return _BLOCK.sub(UNAVAILABLE, markdown)

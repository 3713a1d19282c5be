"""The practice notebooks executed beside the samples, not after them.

mkdocs-jupyter executes a notebook when its page is rendered: one after another, once the
verifier has run every sample, about 1.5 s each (a kernel starts): 16 s of a cold build for the
ten practice notebooks, on a core that sat idle while the samples ran. Here a thread started with
the build renders each notebook through mkdocs-jupyter itself (its `on_pre_page`, then the render
it installs), which executes it and stores the page in mkdocs-jupyter's cache (`cache: true` in
mkdocs.yml, keyed by the notebook and the plugin's options); when the page is rendered in turn it
is a cache hit. A notebook whose execution fails here is left to mkdocs-jupyter, which executes it
again and reports the failure as it always did.
"""

from __future__ import annotations

import copy
import logging
import threading
from pathlib import Path
from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.notebook_prewarm")
_pending: list[threading.Thread] = []


def start(config: MkDocsConfig) -> None:
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["cache"] or not plugin.config["execute"]:
        return
    docs = Path(config.docs_dir)
    files = [File(path.relative_to(docs).as_posix(), str(docs), config.site_dir,
                  config.use_directory_urls) for path in sorted(docs.rglob("*.ipynb"))]
    files = [f for f in files if plugin.should_include(f)]
    if not files:
        return
    ahead = copy.copy(plugin)  # its own record of the cache files used; the plugin's is its own
    ahead.on_pre_build(config)
    worker = threading.Thread(target=_render_all, args=(ahead, files, config), daemon=True,
                              name="notebook-prewarm")
    _pending.append(worker)
    worker.start()


def _render_all(plugin, files: list[File], config: MkDocsConfig) -> None:
    for file in files:
        page = SimpleNamespace(file=file, abs_url="/", title=None, content=None, toc=None)
        try:
            plugin.on_pre_page(page, config=config, files=Files(files))
            page.render(config, Files(files))  # executes it, or finds it in the cache
        except Exception as error:  # left to mkdocs-jupyter's own render, which reports it
            log.debug("notebook %s not executed ahead: %s", file.src_uri, error)


def wait() -> None:
    """Before the pages are rendered (on_files)."""
    while _pending:
        _pending.pop().join()

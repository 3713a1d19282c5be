"""The `handbook-verify` MkDocs plugin: runs the engine (handbook_verify) during the build.

- on_pre_build: verify every sample (cached, parallel, progress as it goes); any failure stops
  the build with one report.
- on_files: the generated Errata and Verification report pages, verification.json, and the files
  samples declare as `artifacts` (charts) under generated/<sample folder>/.
- on_page_markdown: each sample's real output and verification badge under it; where a page
  shows one section of a sample, the copy button copies the whole runnable file, shown collapsed.
- `mkdocs build` writes into a staging folder that replaces site/ only when the build succeeded,
  so a failed build never leaves a half-written site/.

Configuration (mkdocs.yml; `!ENV` keeps the old environment switches working):

    plugins:
      - handbook-verify:
          enabled: !ENV [HANDBOOK_VERIFY, true]      # false: run nothing, show what is cached
          only: !ENV [HANDBOOK_VERIFY_ONLY, ""]      # "snippets/a,snippets/b": verify a subset
          cache_dir: !ENV [HANDBOOK_VERIFY_CACHE, .cache/verify]
          jobs: !ENV [HANDBOOK_VERIFY_JOBS, 0]       # 0: one per core
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from handbook_verify import SiteReport, verify_site
from handbook_verify import files as files_cache
from handbook_verify.progress import Progress
from handbook_verify.render import decorate, fill_copies, runnable_copies
from handbook_verify.report import as_json, failure_text, markdown_page, summary_line

from ..errata import collect_errata, errata_page

log = logging.getLogger("mkdocs.plugins.handbook_verify")
UNVERIFIED = ('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="40"><text x="8" y="24">'
              "Not generated: samples were not run in this build.</text></svg>")


class _Switch(c.BaseConfigOption[bool]):
    """true/false, also as the strings and numbers an environment variable gives (`0`, `1`)."""

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off", ""):
            return False
        raise base.ValidationError(f"expected true or false, got {value!r}")


class _Paths(c.BaseConfigOption[list[str]]):
    """A list of paths, or one comma-separated string (as an environment variable gives it)."""

    def __init__(self) -> None:
        super().__init__()
        self.default: list[str] = []

    def run_validation(self, value: object) -> list[str]:
        items = value if isinstance(value, list) else str(value or "").split(",")
        return [str(item).strip() for item in items if str(item).strip()]


class VerifyConfig(base.Config):
    enabled = _Switch(default=True)
    only = _Paths()
    cache_dir = c.Optional(c.Type(str))
    jobs = c.Type(int, default=0)


def nav_pages(config: MkDocsConfig) -> list[str]:
    """The pages of the nav, in reading order."""
    pages: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                pages.append(value)

    walk(config.nav or [])
    return pages


class VerifyPlugin(BasePlugin[VerifyConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.final_site: str | None = None
        self.report: SiteReport | None = None
        # `mkdocs serve`: a page's decorated Markdown / filled HTML, by its text, for as long as
        # no result and no sample file changed (`_version`).
        self._pages: dict[tuple[str, bool, str], str] = {}
        self._version = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.command == "build" and self.final_site is None:
            self.final_site = config.site_dir
            config.site_dir = f"{config.site_dir.rstrip('/')}.partial-{os.getpid()}"
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        root = Path(config.config_file_path).parent
        if not self.config.enabled:
            log.info("Verification disabled: nothing is run; results are shown only where cached")
        cache_dir = root / self.config.cache_dir if self.config.cache_dir else None
        progress = Progress(log=log.info)
        try:
            report = verify_site(root, only=self.config.only or None, jobs=self.config.jobs or None,
                                 execute=self.config.enabled, cache_dir=cache_dir,
                                 progress=progress, planned=progress.planned)
        finally:
            progress.close()
        self.report = report
        version = _version(report, root / "snippets")
        if version != self._version:
            self._pages.clear()
            self._version = version
        if not report.ok:
            raise PluginError(failure_text(report))
        log.info("Verified samples: %s", summary_line(report))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        report = self._report()
        docs = Path(config.docs_dir)
        titles = {}
        for path in docs.rglob("*.md"):
            first = next((ln for ln in files_cache.lines(path)
                          if ln.startswith("# ")), "")
            titles[path.relative_to(docs).as_posix()] = first[2:].strip() or path.stem
        generated = {
            "errata.md": errata_page(collect_errata(docs), nav_pages(config)),
            "verification.md": markdown_page(report, titles),
            "verification.json": json.dumps(as_json(report)),
        }
        for name, content in generated.items():
            files.append(File.generated(config, name, content=content))
        results = {r.sample: r for r in report.results}
        for sample in report.samples:
            produced = results[sample.rel].artifacts if sample.rel in results else {}
            for name in sample.meta.artifacts:
                target = f"generated/{Path(sample.rel).parent.as_posix()}/{name}"
                files.append(File.generated(config, target,
                                            content=produced.get(name, UNVERIFIED)))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        printed = page.file.src_uri.startswith("print/")  # printed, not copied: no file copies
        return self._remembered(markdown, printed, lambda: self._decorated(markdown, printed,
                                                                           config))

    def _decorated(self, markdown: str, printed: bool, config: MkDocsConfig) -> str:
        results = {r.sample: r for r in self._report().results}
        snippets = Path(config.config_file_path).parent / "snippets"
        markdown = decorate(markdown, results, snippets) if results else markdown
        return markdown if printed else runnable_copies(markdown, snippets)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        snippets = Path(config.config_file_path).parent / "snippets"
        return self._remembered(html, None, lambda: fill_copies(html, snippets))

    def _remembered(self, text: str, variant: bool | None,
                    make: Callable[[], str]) -> str:
        key = (hashlib.sha256(text.encode()).hexdigest(), variant, self._version)
        if key not in self._pages:
            self._pages[key] = make()
        return self._pages[key]

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.final_site is None:
            return
        staging = config.site_dir
        if config.strict and _strict_warnings():
            shutil.rmtree(staging, ignore_errors=True)  # MkDocs aborts next; site/ stays as it was
            return
        shutil.rmtree(self.final_site, ignore_errors=True)
        os.replace(staging, self.final_site)
        config.site_dir = self.final_site

    def on_build_error(self, *, error: Exception) -> None:
        if self.final_site is not None:
            shutil.rmtree(f"{self.final_site.rstrip('/')}.partial-{os.getpid()}",
                          ignore_errors=True)

    def _report(self) -> SiteReport:
        assert self.report is not None, "on_pre_build runs first"
        return self.report


def _version(report: SiteReport, snippets: Path) -> str:
    """What the page hooks' output depends on besides the page: every result, and every file
    under snippets/ (shown whole by the copy button, its `expect_rules`) by size and mtime."""
    digest = hashlib.sha256(repr([r.to_json() for r in report.results]).encode())
    for path in sorted(snippets.rglob("*")):
        stat = path.stat()
        digest.update(f"{path}|{stat.st_mtime_ns}|{stat.st_size}\n".encode())
    return digest.hexdigest()


def _strict_warnings() -> int:
    handlers = logging.getLogger("mkdocs").handlers
    return sum(sum(n for _, n in h.get_counts()) for h in handlers if isinstance(h, CountHandler))


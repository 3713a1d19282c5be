"""MkDocs adapter for handbook_verify: verify before building, show results, fail strictly.

- on_pre_build: verify every sample (cached, parallel); any failure stops the build with one report.
- on_files: add the generated Errata and Verification report pages, verification.json, and the
  files samples declare as `artifacts` (charts) under generated/<sample folder>/.
- on_page_markdown: put each sample's real output and verification badge under it; where a page
  shows one section of a sample, the copy button copies the whole runnable file, shown collapsed.
- `mkdocs build` writes into a staging folder that replaces site/ only when the build succeeded,
  so a failed build never leaves a half-written site/.

HANDBOOK_VERIFY=0 builds without running samples (for the benchmark's baseline only);
HANDBOOK_VERIFY_ONLY=snippets/a,snippets/b verifies only those (while writing one module).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from site_nav import nav_pages

from handbook_verify import SiteReport, verify_site
from handbook_verify.errata import collect_errata, errata_page
from handbook_verify.progress import Progress
from handbook_verify.render import decorate, fill_copies, runnable_copies
from handbook_verify.report import as_json, failure_text, markdown_page, summary_line

log = logging.getLogger("mkdocs.hooks.verify_samples")
UNVERIFIED = ('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="40"><text x="8" y="24">'
              "Not generated: samples were not run in this build.</text></svg>")
state: dict = {"command": None, "final_site": None, "report": None}


def enabled() -> bool:
    return os.environ.get("HANDBOOK_VERIFY", "1") != "0"


def on_startup(command: str, dirty: bool) -> None:
    state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if state["command"] == "build" and state["final_site"] is None:
        state["final_site"] = config.site_dir
        config.site_dir = f"{config.site_dir.rstrip('/')}.partial-{os.getpid()}"
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    only = [p for p in os.environ.get("HANDBOOK_VERIFY_ONLY", "").split(",") if p] or None
    if not enabled():
        log.info("HANDBOOK_VERIFY=0: nothing is run; results are shown only where cached")
    progress = Progress(log=log.info)
    try:
        report = verify_site(root, only=only, execute=enabled(), progress=progress,
                             planned=progress.planned)
    finally:
        progress.close()
    state["report"] = report
    if not report.ok:
        raise PluginError(failure_text(report))
    log.info("Verified samples: %s", summary_line(report))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    report: SiteReport = state["report"]
    docs = Path(config.docs_dir)
    titles = {}
    for path in docs.rglob("*.md"):
        first = next((ln for ln in path.read_text("utf-8").splitlines() if ln.startswith("# ")), "")
        titles[path.relative_to(docs).as_posix()] = first[2:].strip() or path.stem
    generated = {
        "errata.md": errata_page(collect_errata(docs), nav_pages(config)),
        "verification.md": markdown_page(report, titles),
    }
    for name, content in generated.items():
        files.append(File.generated(config, name, content=content))
    files.append(File.generated(config, "verification.json", content=json.dumps(as_json(report))))
    results = {r.sample: r for r in report.results}
    for sample in report.samples:
        produced = results[sample.rel].artifacts if sample.rel in results else {}
        for name in sample.meta.artifacts:
            target = f"generated/{Path(sample.rel).parent.as_posix()}/{name}"
            files.append(File.generated(config, target, content=produced.get(name, UNVERIFIED)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    report: SiteReport = state["report"]
    results = {r.sample: r for r in report.results}
    snippets = Path(config.config_file_path).parent / "snippets"
    markdown = decorate(markdown, results, snippets) if results else markdown
    if page.file.src_uri.startswith("print/"):  # printed, not copied: no second copy of files
        return markdown
    return runnable_copies(markdown, snippets)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return fill_copies(html, Path(config.config_file_path).parent / "snippets")


def _strict_warnings() -> int:
    handlers = logging.getLogger("mkdocs").handlers
    return sum(sum(n for _, n in h.get_counts()) for h in handlers if isinstance(h, CountHandler))


@event_priority(-100)  # after every other plugin has written its files
def on_post_build(config: MkDocsConfig) -> None:
    final = state["final_site"]
    if final is None:
        return
    staging = config.site_dir
    if config.strict and _strict_warnings():
        shutil.rmtree(staging, ignore_errors=True)  # MkDocs aborts next; site/ stays as it was
        return
    shutil.rmtree(final, ignore_errors=True)
    os.replace(staging, final)
    config.site_dir = final


def on_build_error(error: Exception) -> None:
    final = state["final_site"]
    if final is not None:
        shutil.rmtree(f"{final.rstrip('/')}.partial-{os.getpid()}", ignore_errors=True)

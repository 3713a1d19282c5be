"""The page conversion cache (handbook_site/adapters/page_cache.py) never lets a broken link or
anchor through a strict build, and a build from the cache writes what a fresh conversion writes.

A small project (three pages, a snippet, the real build_runtime hook) built with
`mkdocs build --strict` in a subprocess, as a writer builds."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build

CONFIG = f"""\
site_name: Cache fixture
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
hooks:
  - {ROOT / "hooks" / "build_runtime.py"}
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/name:handbook_verify.slugs.slugify
  - pymdownx.highlight
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: [snippets]
      check_paths: true
nav:
  - a.md
  - b.md
"""


def _project(root: Path) -> None:
    (root / "docs").mkdir()
    (root / "snippets").mkdir()
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "snippets" / "code.py").write_text("print('one')\n", encoding="utf-8")
    (root / "docs" / "a.md").write_text(textwrap.dedent("""\
        # Page A

        See [the anchor](b.md#the-anchor).

        ```python
        --8<-- "code.py"
        ```
        """), encoding="utf-8")
    (root / "docs" / "b.md").write_text("# Page B\n\n## The anchor\n\nText.\n", encoding="utf-8")


def _build(root: Path, site: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / site)],
        cwd=root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PAGE_CACHE": "1"})


def test_cached_pages_match_and_broken_links_still_fail(tmp_path: Path) -> None:
    _project(tmp_path)
    cold = _build(tmp_path, "cold")
    assert cold.returncode == 0, cold.stderr
    stored = list((tmp_path / ".cache" / "pages").glob("*.pickle"))
    assert len(stored) == 2
    warm = _build(tmp_path, "warm")
    assert warm.returncode == 0, warm.stderr
    for page in ("a/index.html", "b/index.html"):
        assert (tmp_path / "cold" / page).read_bytes() == (tmp_path / "warm" / page).read_bytes()

    # an included file changed: the page that includes it is converted again
    (tmp_path / "snippets" / "code.py").write_text("print('two')\n", encoding="utf-8")
    changed = _build(tmp_path, "changed")
    assert changed.returncode == 0, changed.stderr
    assert "two" in (tmp_path / "changed" / "a" / "index.html").read_text(encoding="utf-8")

    # b loses the anchor a links to; a itself is unchanged (a cache hit): the build still fails
    (tmp_path / "docs" / "b.md").write_text("# Page B\n\nText.\n", encoding="utf-8")
    broken = _build(tmp_path, "broken")
    assert broken.returncode != 0
    assert "the-anchor" in broken.stderr and "b.md" in broken.stderr

    # a link to a missing page warns on every build: such a conversion is never stored
    (tmp_path / "docs" / "b.md").write_text("# Page B\n\n## The anchor\n\n[x](gone.md)\n",
                                            encoding="utf-8")
    for attempt in ("missing-1", "missing-2"):
        missing = _build(tmp_path, attempt)
        assert missing.returncode != 0
        assert "gone.md" in missing.stderr, attempt


SERVE = """
import sys
from mkdocs.commands import build
from mkdocs.config import load_config

site, step = sys.argv[1], sys.argv[2]
first = load_config("mkdocs.yml", site_dir=site)
first.plugins.on_startup(command="serve", dirty=False)
build.build(first, serve_url="http://127.0.0.1:8000/")
for _ in range(int(step)):
    input()  # the test changes files, then sends a line: one rebuild
    build.build(load_config("mkdocs.yml", site_dir=site), serve_url="http://127.0.0.1:8000/")
    print("built", flush=True)
"""


def test_serve_updates_the_site_in_place_writing_only_what_changed(tmp_path: Path) -> None:
    """mkdocs serve's rebuilds (handbook_site/adapters/serve_writes.py), in one process as in
    `mkdocs serve`: an unchanged page is not written again, a changed one is, a page rewritten
    by someone else since is written afresh, and a deleted page's file goes."""
    _project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(CONFIG.split("nav:")[0].replace("strict: true\n", ""),
                                         encoding="utf-8")
    site = tmp_path / "served"
    serve = subprocess.Popen([sys.executable, "-c", SERVE, str(site), "4"], cwd=tmp_path,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert serve.stdin and serve.stdout

    def rebuild() -> None:
        serve.stdin.write("\n")
        serve.stdin.flush()
        assert serve.stdout.readline() == "built\n", "the serve rebuild failed"

    page_a, page_b = site / "a" / "index.html", site / "b" / "index.html"
    try:
        rebuild()  # nothing changed
        stamps = {p: p.stat().st_mtime_ns for p in (page_a, page_b)}
        (tmp_path / "docs" / "b.md").write_text("# Page B\n\n## The anchor\n\nNew text.\n",
                                                encoding="utf-8")
        rebuild()
        assert page_a.stat().st_mtime_ns == stamps[page_a]
        assert "New text." in page_b.read_text(encoding="utf-8")
        good = page_a.read_bytes()
        page_a.write_bytes(good + b"<!-- rewritten by another plugin -->")
        rebuild()
        assert page_a.read_bytes() == good
        (tmp_path / "docs" / "b.md").unlink()
        rebuild()
        assert not page_b.exists() and page_a.exists()
    finally:
        serve.stdin.close()
        assert serve.wait(60) == 0

"""Shared fixtures: tiny fixture sites for the engine, and one strict build of the real site."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


class FixtureSite:
    """A throwaway docs/ + snippets/ tree: add samples and the page lines that embed them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "docs").mkdir()
        (root / "snippets").mkdir()
        self.page_lines: list[str] = ["# Fixture page", ""]

    def sample(self, rel: str, source: str, *, embed: bool = True, section: str = "") -> Path:
        path = self.root / "snippets" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
        if embed:
            target = f"{rel}:{section}" if section else rel
            self.page_lines += ["```", f'--8<-- "{target}"', "```", ""]
        self.write_page()
        return path

    def write_page(self) -> None:
        (self.root / "docs" / "page.md").write_text("\n".join(self.page_lines), encoding="utf-8")

    def include_line(self, rel: str) -> int:
        return next(i for i, ln in enumerate(self.page_lines, 1) if rel in ln and "--8<--" in ln)


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path)


def build(config: Path, site_dir: Path, env: dict[str, str] | None = None):
    """Run `mkdocs build --strict` as a user would; return the completed process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d",
         str(site_dir)],
        cwd=config.parent, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on localhost for the browser tests."""
    from browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium driven by Playwright (tests/browser.py has the flags)."""
    from browser import browser

    with browser() as instance:
        yield instance


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per test session (samples come from the cache when
    test_samples.py already ran them). HANDBOOK_BUILT_SITE=dir reuses a site built before, to
    iterate on browser tests quickly."""
    if os.environ.get("HANDBOOK_BUILT_SITE"):
        return Path(os.environ["HANDBOOK_BUILT_SITE"])
    site_dir = tmp_path_factory.mktemp("built") / "site"
    done = build(ROOT / "mkdocs.yml", site_dir)
    if done.returncode != 0:
        pytest.fail(f"strict build failed:\n{done.stderr[-6000:]}", pytrace=False)
    return site_dir

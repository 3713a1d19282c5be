"""Shared fixtures: tiny fixture sites for the engine, and one strict build of the real site.

Markers are given here, by what a test uses: `build` for everything that builds a site (the real
one through `built_site`, or a fixture project) or runs the real samples, `browser` (set by the
browser test modules) for Playwright. `pytest -m "not build and not browser"` is the fast loop.

Under pytest-xdist (`make test` runs `-n auto`) each site is still built once, under a file lock
in the run's shared temporary folder: `early_builds` starts both builds when the run begins, in
the background of the first worker, and tests that need a site wait for it. Tests that need no
built site run first; the samples they run and the build's are shared through the result cache
(one run per sample, whoever starts it first).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def open_to_samples(root: Path) -> None:
    """As root, samples run as an unprivileged uid (without bubblewrap, in a chroot, that uid
    reads the files directly): open pytest's 0700 folders to it (o+rx: pytest lists them too)."""
    if os.geteuid() != 0:
        return
    for folder in (root, *root.parents):
        if folder == Path(tempfile.gettempdir()) or folder == folder.parent:
            break
        folder.chmod(folder.stat().st_mode | 0o005)


class FixtureSite:
    """A throwaway docs/ + snippets/ tree: add samples and the page lines that embed them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        open_to_samples(root)
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


def _strict_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> dict:
    """`mkdocs build --strict` as a user runs it, as keyword arguments of subprocess.Popen."""
    return {"args": [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                     "-d", str(site_dir)],
            "cwd": config.parent, "text": True,
            "env": {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}}


def build(config: Path, site_dir: Path, env: dict[str, str] | None = None):
    """Run `mkdocs build --strict` as a user would; return the completed process."""
    return subprocess.run(**_strict_build(config, site_dir, env), capture_output=True)


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


SITE_FIXTURES = {"built_site", "site_url", "offline_site", "site_url_config", "search_sections"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__ if item.module else ""
        uses_site = bool(SITE_FIXTURES & set(getattr(item, "fixturenames", ())))
        if uses_site or module in ("test_build", "test_samples"):
            item.add_marker(pytest.mark.build)
    # Tests without a built site first (they fill the sample cache), then the rest, keeping
    # each group in collection order.
    items.sort(key=lambda i: bool(SITE_FIXTURES & set(getattr(i, "fixturenames", ()))))


def _shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, shared by the workers
    folder = base / f"shared-{name}"
    folder.mkdir(exist_ok=True)
    return folder


def _build_once(folder: Path, config: Path, running: list | None = None) -> None:
    """Build into folder/site unless it is there (or failed before); the caller holds the lock."""
    site_dir, failed = folder / "site", folder / "failed.txt"
    if site_dir.is_dir() or failed.exists():
        return
    process = subprocess.Popen(**_strict_build(config, site_dir), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    if running is not None:
        running.append(process)
    _, stderr = process.communicate()
    if process.returncode != 0:
        failed.write_text(stderr[-6000:], encoding="utf-8")


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, config: Path) -> Path:
    """`mkdocs build --strict` of `config` once per test run, whichever xdist worker asks first
    (or early_builds, already under way)."""
    folder = _shared_folder(tmp_path_factory, name)
    site_dir, failed = folder / "site", folder / "failed.txt"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _build_once(folder, config)
    if failed.exists():
        pytest.fail(f"strict build of {config.name} failed:\n{failed.read_text()}",
                    pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per test run. HANDBOOK_BUILT_SITE=dir reuses a site
    built before, to iterate on browser tests quickly."""
    if os.environ.get("HANDBOOK_BUILT_SITE"):
        return Path(os.environ["HANDBOOK_BUILT_SITE"])
    return shared_build(tmp_path_factory, "built", ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file:// variant (mkdocs.offline.yml), built strictly once per test run;
    HANDBOOK_OFFLINE_SITE=dir reuses one built before (site-offline/ after `make offline`)."""
    if os.environ.get("HANDBOOK_OFFLINE_SITE"):
        return Path(os.environ["HANDBOOK_OFFLINE_SITE"])
    return shared_build(tmp_path_factory, "offline", ROOT / "mkdocs.offline.yml")


EARLY_BUILDS = (("built", "mkdocs.yml", "HANDBOOK_BUILT_SITE", "built_site"),
                ("offline", "mkdocs.offline.yml", "HANDBOOK_OFFLINE_SITE", "offline_site"))


@pytest.fixture(scope="session", autouse=True)
def early_builds(request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """When the run needs the built sites, start building them at once, in the background of
    the first worker to get here: the build runs the samples beside test_samples.py (the
    cache's per-sample lock lets neither run one twice) instead of after it, and the browser
    tests find the sites ready sooner. The builds hold shared_build's locks: a test that needs a
    site waits for it."""
    used = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    needed = [(name, ROOT / config) for name, config, env, fixture in EARLY_BUILDS
              if fixture in used and not os.environ.get(env)]
    locks = []
    for name, _ in needed:
        folder = _shared_folder(tmp_path_factory, name)
        lock = open(folder / "lock", "w")  # noqa: SIM115 (held by the thread below)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another worker builds them
            lock.close()
            break
        locks.append(lock)
    if len(locks) < len(needed) or not needed:
        for lock in locks:
            lock.close()
        yield
        return
    running: list[subprocess.Popen] = []

    def work() -> None:
        try:
            for name, config in needed:
                _build_once(_shared_folder(tmp_path_factory, name), config, running)
        finally:
            for lock in locks:
                lock.close()

    thread = threading.Thread(target=work, name="early-builds", daemon=True)
    thread.start()
    yield
    # This worker is done, but another may still wait for the sites: let the builds finish,
    # unless the run is stopping (-x, Ctrl+C), when no build may outlive it.
    if request.session.shouldstop or request.session.shouldfail:
        for process in running:
            if process.poll() is None:
                process.terminate()
    thread.join()

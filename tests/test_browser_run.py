"""Run in the browser (issue 17): the build-time qualification engine (no MkDocs), the starter
code of practice mode, and in chromium: Run, edit, reset, run again, a failing and a passing
practice attempt counted on the Progress page, no request off the site, axe, and the offline
message. Timings are measured by scripts/bench_browser.py, not asserted here.

Without Node and the pinned Pyodide (`make setup` installs them) the browser tests are skipped
with that reason, and the build has no Run button."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from browser import guarded_page, requires_chromium
from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from browser_run import empty_lock, starter_code

from handbook_verify.browser import harness, pytest_lite
from handbook_verify.browser.qualify import (
    PYODIDE_FILES,
    RUNTIME_FILES,
    SLOT_BASE,
    Job,
    find_runtime,
)
from handbook_verify.browser.session import NodeSession
from handbook_verify.browser.snapshot import SNAPSHOT_NAME, snapshot

RUNTIME, WHY = find_runtime(ROOT)
requires_pyodide = pytest.mark.skipif(RUNTIME is None, reason=f"no browser runtime: {WHY}")
PAGE = "dsa-patterns/two-pointers/"
SAMPLE = "dsa-patterns/two-pointers/find_target_pair.py"
SOLUTION = ROOT / "snippets/dsa-patterns/two-pointers/k_apart_interactions.py"


def test_missing_runtime_is_said_not_skipped_silently(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_PYODIDE_DIR", str(tmp_path))
    runtime, why = find_runtime(ROOT)
    assert runtime is None
    assert "make setup" in why and "nodejs" in why


@requires_pyodide
def test_served_lock_file_lists_no_packages():
    """The site serves none of Pyodide's packages, so its lock file offers none (119 KB -> 0.2)."""
    lock = json.loads(empty_lock(RUNTIME.pyodide_dir))
    full = json.loads((RUNTIME.pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock == {"info": full["info"], "packages": {}}


@requires_pyodide
def test_snapshot_comes_only_from_the_cache_when_nothing_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_VERIFY_CACHE", str(tmp_path))
    path, why = snapshot(ROOT, make=False)
    assert path is None and "cache" in why
    assert not list(tmp_path.rglob("*.gz"))


def test_starter_code_keeps_signatures_and_drops_bodies():
    source = SOLUTION.read_text(encoding="utf-8")
    starter = starter_code(source)
    assert "def has_interactions_k_apart(timestamps: Sequence[int], k: int) -> bool:" in starter
    assert "raise NotImplementedError" in starter
    assert "ordered = sorted" not in starter and "__main__" not in starter
    compile(starter, "starter.py", "exec")


def test_pytest_lite_ids_and_outcomes(tmp_path):
    (tmp_path / "mod.py").write_text("def double(x):\n    return x * 2\n", encoding="utf-8")
    test = tmp_path / "test_mod.py"
    test.write_text(
        "import pytest\nfrom mod import double\n\n"
        "@pytest.mark.parametrize(('x', 'want'), [(1, 2), (2, 5)])\n"
        "def test_double(x, want):\n    assert double(x) == want\n\n"
        "def test_raises():\n    with pytest.raises(ValueError, match='bad'):\n"
        "        raise ValueError('bad input')\n", encoding="utf-8")
    sys.modules["pytest_real"] = sys.modules.get("pytest")
    sys.path.insert(0, str(tmp_path))
    try:
        sys.modules["pytest"] = pytest_lite
        results = pytest_lite.run_file(str(test))
    finally:
        sys.modules["pytest"] = sys.modules.pop("pytest_real")
        sys.path.remove(str(tmp_path))
        sys.modules.pop("mod", None)
    outcomes = {r["id"]: r["outcome"] for r in results}
    assert outcomes == {"test_double[1-2]": "passed", "test_double[2-5]": "failed",
                        "test_raises": "passed"}
    failed = next(r for r in results if r["outcome"] == "failed")
    assert "assert 4 == 5" in failed["message"] or "AssertionError" in failed["message"]


def test_harness_reports_a_traceback_and_exit_code():
    result = json.loads(harness.run_sample(json.dumps({"boom.py": "print('hi')\n1/0\n"}),
                                           "boom.py"))
    assert result["stdout"] == "hi\n"
    assert result["exit"] == 1
    assert "ZeroDivisionError" in result["stderr"] and 'boom.py", line 2' in result["stderr"]


@pytest.mark.browser  # the browser's Python under Node: ~15 s, kept out of the fast loop
@requires_pyodide
def test_node_runs_samples_under_pyodide_314_in_a_kept_process():
    """The runner kept running in its sandbox, as in `mkdocs serve` (browser/session.py): two
    jobs in one process; a job that overruns its time ends it, and the next starts a new one."""
    session = NodeSession(RUNTIME, None, SLOT_BASE + 900)

    def job(key: str, code: str, timeout: float = 120) -> Job:
        return Job(key, None, "sample", {"v.py": code}, "v.py", timeout)  # type: ignore[arg-type]

    try:
        # started by a build's thread that asks and ends: the process outlives it, as in serve
        answers: dict = {}
        asked = threading.Thread(target=lambda: answers.update(session.run(
            [job("a", "import sys\nprint(sys.version_info[:2])\n"), job("b", "print('again')\n")])))
        asked.start()
        asked.join()
        assert answers["a"]["stdout"] == "(3, 14)\n" and answers["a"]["exit"] == 0
        assert answers["b"]["stdout"] == "again\n"
        process = session._proc
        assert session.run([job("c", "print(1)\n")])["c"]["stdout"] == "1\n"
        assert session._proc is process and process.poll() is None
        assert session.run([job("d", "while True:\n    pass\n", timeout=3)]) == {}
        assert session._proc is None
        assert session.run([job("e", "print(2)\n")])["e"]["stdout"] == "2\n"
    finally:
        session.close()


# ------------------------------------------------------------------ in chromium


browser = [pytest.mark.browser, requires_chromium, requires_pyodide]


def _tab(chromium, site_url):
    """A page whose uncaught errors (`tab.errors`; Python's own stderr may reach the console)
    and off-site requests are recorded."""
    context, tab = guarded_page(chromium, (site_url,))
    tab.errors = []
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    return context, tab


def _bar(tab):
    return tab.locator(f'.run-bar[data-sample="{SAMPLE}"]')


@pytest.mark.browser
@requires_chromium
@requires_pyodide
def test_run_edit_reset_and_run_again(chromium, site_url, built_site):
    """What a reader does; how fast it is, is measured by scripts/bench_browser.py (not here:
    the timings depend on the machine's load)."""
    assert (built_site / "assets/pyodide/pyodide.asm.wasm").is_file()
    context, tab = _tab(chromium, site_url)
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.goto(f"{site_url}/{PAGE}")
        bar = _bar(tab)
        assert "also runs in your browser (Python 3.14, Pyodide)" in bar.inner_text()
        assert not [u for u in requests if "pyodide" in u], "Pyodide loaded before Run"
        verified = tab.locator(".verify-result:visible").count()  # none on a cold VERIFY=0 build
        bar.get_by_role("button", name="Run").click()
        bar.locator(".run-stdout").wait_for(timeout=120_000)
        assert "[4, 6]" in bar.locator(".run-stdout").inner_text()
        assert "Ran in your browser" in bar.locator(".run-status").inner_text()
        if (built_site / "assets/pyodide" / SNAPSHOT_NAME).is_file():  # builds that ran samples
            assert bar.get_attribute("data-snapshot") == "1", bar.get_attribute("data-load-marks")
        # Edit, run the edited code, then reset.
        bar.get_by_role("button", name="Edit").click()
        editor = tab.get_by_role("textbox", name="Edit find_target_pair.py (Ctrl+Enter runs it)")
        editor.fill("print('edited in the browser')\nraise ValueError('on purpose')\n")
        editor.press("Control+Enter")
        bar.locator(".run-stderr").wait_for(timeout=10_000)
        assert "edited in the browser" in bar.locator(".run-stdout").inner_text()
        assert "ValueError: on purpose" in bar.locator(".run-stderr").inner_text()
        assert "Traceback (most recent call last)" in bar.locator(".run-stderr").inner_text()
        bar.get_by_role("button", name="Reset").click()
        assert editor.is_hidden()
        code = tab.locator(f'.sample-runnable[data-sample="{SAMPLE}"] > .highlight')
        assert code.is_visible() and "def find_target_pair" in code.inner_text()
        assert tab.locator(".verify-result:visible").count() == verified  # verified output stays
        # A later run of the restored code, Python already loaded.
        bar.get_by_role("button", name="Run").click()
        tab.wait_for_function(
            "el => !el.querySelector('.run-run').disabled && "
            "el.querySelector('.run-status').textContent.startsWith('Ran')",
            arg=bar.element_handle(), timeout=60_000)
        assert "[4, 6]" in bar.locator(".run-stdout").inner_text()
        assert "edited" not in bar.locator(".run-output").inner_text()
        assert not tab.offsite, tab.offsite
        assert not tab.errors, tab.errors
    finally:
        context.close()


@pytest.mark.browser
@requires_chromium
@requires_pyodide
def test_practice_failing_then_passing_counts_on_progress(chromium, site_url):
    context, tab = _tab(chromium, site_url)
    try:
        tab.goto(f"{site_url}/{PAGE}")
        tab.get_by_text("Practice: solve it in your browser").click()
        box = tab.locator(".practice-box")
        run = box.get_by_role("button", name="Run the tests")
        run.click()
        tab.wait_for_function("document.querySelectorAll('.practice-results li').length > 0",
                              timeout=60_000)
        assert box.locator(".practice-failed").count() > 0
        assert box.locator(".practice-passed").count() == 0
        assert "0 of" in box.locator(".run-status").inner_text()
        solution = SOLUTION.read_text(encoding="utf-8")
        box.locator("textarea").fill(solution)
        run.click()
        tab.wait_for_function(
            "document.querySelector('.practice-box .run-status').textContent.includes('solved')",
            timeout=60_000)
        assert box.locator(".practice-failed").count() == 0
        assert box.locator(".practice-passed").count() >= 10
        # the worked solution stays behind its reveal
        assert not tab.locator("details.success").first.evaluate("d => d.open")
        tab.goto(f"{site_url}/study/progress/")
        progress = tab.locator("#practice-progress")
        progress.wait_for()
        assert "1 of 10 practice prompts solved" in progress.inner_text()
        assert not tab.offsite, tab.offsite
    finally:
        context.close()


@pytest.mark.browser
@requires_chromium
@requires_pyodide
def test_run_controls_are_axe_clean_in_light_and_dark(chromium, site_url):
    from test_browser_site import serious_violations as axe_violations

    for scheme in ("light", "dark"):
        context = chromium.new_context(color_scheme=scheme)
        tab = context.new_page()
        try:
            tab.goto(f"{site_url}/{PAGE}")
            bar = _bar(tab)
            bar.get_by_role("button", name="Edit").click()
            tab.get_by_text("Practice: solve it in your browser").click()
            assert axe_violations(tab) == [], scheme
        finally:
            context.close()


@pytest.mark.browser
@requires_chromium
@requires_pyodide
def test_offline_copy_explains_how_to_serve(chromium, offline_site: Path):
    context = chromium.new_context()
    tab = context.new_page()
    try:
        tab.goto((offline_site / PAGE.rstrip("/")).with_suffix(".html").as_uri())
        bar = _bar(tab)
        bar.get_by_role("button", name="Run").click()
        note = bar.locator(".run-offline")
        note.wait_for()
        assert "python3 -m http.server -d site-offline" in note.inner_text()
    finally:
        context.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
@requires_chromium
@requires_pyodide
def test_offline_copy_served_with_the_one_command_runs_a_sample(chromium, offline_site: Path):
    """The command the file:// note gives (`python3 -m http.server -d site-offline`, here on a
    free port): the copy then runs a sample from its own files, nothing off the site. Its Pyodide
    folder holds only what Run loads."""
    served = {p.name for p in (offline_site / "assets/pyodide").iterdir()}
    assert served <= {*PYODIDE_FILES, *RUNTIME_FILES, SNAPSHOT_NAME}, served
    port = _free_port()
    server = subprocess.Popen(["python3", "-m", "http.server", "-d", str(offline_site),
                               "--bind", "127.0.0.1", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=5).close()
                break
            except OSError:
                time.sleep(0.1)
        context, tab = _tab(chromium, url)
        try:
            tab.goto(f"{url}/{PAGE.rstrip('/')}.html")
            bar = _bar(tab)
            bar.get_by_role("button", name="Run").click()
            bar.locator(".run-stdout").wait_for(timeout=120_000)
            assert "[4, 6]" in bar.locator(".run-stdout").inner_text()
            assert not bar.locator(".run-offline").count()
            assert not tab.offsite, tab.offsite
            assert not tab.errors, tab.errors
        finally:
            context.close()
    finally:
        server.terminate()
        server.wait(timeout=10)

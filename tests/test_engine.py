"""The verifier on good and bad input: each case a tiny fixture site, verified for real."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handbook_verify import verify_site
from handbook_verify.cli import main as cli_main
from handbook_verify.services import Services


@pytest.fixture(scope="module")
def postgres_url():
    """One embedded PostgreSQL for the SQL cases (each sample still gets its own database);
    test_postgres_sample_gets_its_own_database starts and stops the verifier's own server."""
    with Services() as services:
        yield services._postgres_admin()


@pytest.fixture
def shared_postgres(postgres_url, monkeypatch):
    monkeypatch.setenv("HANDBOOK_DATABASE_URL", postgres_url)


def only_result(report):
    assert len(report.results) == 1, report.results
    return report.results[0]


def test_passing_sample_with_claims(site):
    site.sample("t/ok.py", """
        print("hello")
        print({"b": 1, "a": 2})  # Output: {'b': 1, 'a': 2}
        print(object())  # Output: <object object at 0x...>
    """)
    report = verify_site(site.root, use_cache=False)
    result = only_result(report)
    assert report.ok and result.status == "passed"
    assert result.claims == 2
    assert result.output.splitlines()[0] == "hello"
    assert result.label.startswith("ran with Python 3.")


def test_crashing_sample_names_page_file_line_and_stderr(site):
    site.sample("t/crash.py", """
        def divide(a: int, b: int) -> float:
            return a / b

        print(divide(1, 0))
    """)
    report = verify_site(site.root, use_cache=False)
    (problem,) = report.failures
    assert problem.where == "snippets/t/crash.py:2"
    assert problem.page == f"docs/page.md:{site.include_line('t/crash.py')}"
    assert "exited with 1 (expected 0)" in problem.reason
    assert "ZeroDivisionError" in problem.detail
    assert problem.hint


def test_hanging_sample_is_killed_at_its_timeout(site):
    site.sample("t/hang.py", """
        # /// verify
        # timeout = 1
        # ///
        import time
        print("working", flush=True)
        time.sleep(60)
    """)
    report = verify_site(site.root, use_cache=False)
    result = only_result(report)
    (problem,) = result.problems
    assert "timed out after 1 s and was killed" in problem.reason
    assert "working" in problem.detail
    assert result.duration < 10


def test_output_mismatch_shows_claim_line_and_actual_output(site):
    site.sample("t/mismatch.py", """
        print(sum([1, 2, 3]))  # Output: 7
    """)
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert problem.where == "snippets/t/mismatch.py:1"
    assert problem.reason == "output claim not met"
    assert "claimed: 7" in problem.detail and "| 6" in problem.detail


def test_claims_must_hold_in_order(site):
    site.sample("t/order.py", """
        print("second")  # Output: first
        print("first")  # Output: second
    """)
    assert not verify_site(site.root, use_cache=False).ok


def test_missing_include_and_missing_section(site):
    site.sample("t/real.py", "print(1)\n")
    site.page_lines += ["```", '--8<-- "t/nowhere.py"', "```",
                        "```", '--8<-- "t/real.py:absent"', "```"]
    site.write_page()
    problems = {p.reason: p for p in verify_site(site.root, use_cache=False).problems}
    missing = problems["include does not resolve: snippets/t/nowhere.py"]
    assert missing.where == f"docs/page.md:{site.include_line('t/nowhere.py')}"
    assert "section 'absent' not found in snippets/t/real.py" in problems


def test_unembedded_snippet_is_an_error_but_support_files_are_not(site):
    site.sample("t/orphan.py", "print(1)\n", embed=False)
    site.sample("_support/helper.py", "VALUE = 1\n", embed=False)
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert problem.where == "snippets/t/orphan.py"
    assert problem.reason == "not embedded by any page"


def test_section_embeds_only_part_but_whole_file_runs(site):
    site.sample("t/sectioned.py", """
        setup = 41
        # --8<-- [start:demo]
        print(setup + 1)  # Output: 42
        # --8<-- [end:demo]
    """, section="demo")
    assert only_result(verify_site(site.root, use_cache=False)).status == "passed"


def test_deprecation_warning_from_the_sample_fails_it(site):
    site.sample("t/deprecated.py", """
        import warnings

        warnings.warn("old API", DeprecationWarning, stacklevel=1)
        print("unreachable")
    """)
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert "DeprecationWarning" in problem.detail
    assert "deprecated API" in problem.hint


def test_clean_environment_and_private_workdir(site, monkeypatch):
    monkeypatch.setenv("LEAKED_SECRET", "nope")
    site.sample("t/env.py", """
        import os
        from pathlib import Path

        Path("scratch.txt").write_text("x")
        print(os.environ.get("LEAKED_SECRET"))  # Output: None
        print(os.environ["PYTHONHASHSEED"])  # Output: 0
        print(hash("stable") == -4353087006428389432 or "hash seed not fixed")
    """)
    report = verify_site(site.root, use_cache=False)
    assert report.ok, report.failures
    assert not list(site.root.rglob("scratch.txt")), "the sample wrote into the repository tree"


def test_expected_output_file(site):
    site.sample("t/full.py", """
        # /// verify
        # expected = "full.out"
        # ///
        for i in range(3):
            print(f"line {i}")
    """)
    (site.root / "snippets/t/full.out").write_text("line 0\n...\nline 2\n")
    assert verify_site(site.root, use_cache=False).ok
    (site.root / "snippets/t/full.out").write_text("line 0\nline 9\n")
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert "output differs from full.out" in problem.reason
    assert "+line 1" in problem.detail


def test_bad_metadata_is_reported_with_its_line(site):
    site.sample("t/meta.py", """
        # /// verify
        # timeuot = 3
        # ///
        print(1)
    """)
    (problem,) = verify_site(site.root, use_cache=False).problems
    assert problem.where == "snippets/t/meta.py:1"
    assert "unknown key(s) ['timeuot']" in problem.reason


def test_every_failure_is_reported_not_just_the_first(site):
    site.sample("t/a.py", "raise SystemExit(3)\n")
    site.sample("t/b.py", "print(1)  # Output: 2\n")
    site.sample("t/c.py", "print('fine')\n")
    report = verify_site(site.root, use_cache=False)
    assert sorted(r.status for r in report.results) == ["failed", "failed", "passed"]


def test_cache_reruns_only_what_changed(site, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_VERIFY_CACHE", str(tmp_path / "cache"))
    site.sample("t/one.py", "print(1)\n")
    site.sample("t/two.py", "import helper\nprint(helper.VALUE)  # Output: 2\n")
    site.sample("t/helper.py", "VALUE = 2\n", embed=False)
    site.page_lines += ["```", '--8<-- "t/helper.py"', "```"]
    site.write_page()
    assert verify_site(site.root).executed == 3
    warm = verify_site(site.root)
    assert warm.executed == 0 and all(r.cached for r in warm.results)
    (site.root / "snippets/t/helper.py").write_text("VALUE = 2  # touched\n")
    touched = verify_site(site.root)
    assert touched.executed == 2  # helper.py itself and two.py, which imports it
    assert {r.sample for r in touched.results if not r.cached} == {"t/helper.py", "t/two.py"}
    # A file the sample names, added next to it later, is one of its inputs from then on (the
    # remembered dependency list is renewed when the folder changes).
    (site.root / "snippets/t/notes.txt").write_text("fixture the sample names\n")
    named = verify_site(site.root)
    assert {r.sample for r in named.results if not r.cached} == set()
    site.sample("t/one.py", "print(1)  # reads notes.txt\n", embed=False)
    (site.root / "snippets/t/notes.txt").write_text("changed, longer fixture text\n")
    again = verify_site(site.root)
    assert {r.sample for r in again.results if not r.cached} == {"t/one.py"}
    (site.root / "snippets/t/notes.txt").write_text("changed again, and longer still\n")
    assert {r.sample for r in verify_site(site.root).results if not r.cached} == {"t/one.py"}


def test_failures_are_not_cached(site, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_VERIFY_CACHE", str(tmp_path / "cache"))
    site.sample("t/bad.py", "raise SystemExit(1)\n")
    verify_site(site.root)
    assert verify_site(site.root).executed == 1


@pytest.mark.parametrize("name", ["Dockerfile", "api.Dockerfile"])
def test_broken_dockerfile_is_linted_by_hadolint(site, name):
    site.sample(f"t/{name}", """
        FROM python:latest
        RUN apt-get update && apt-get install -y curl
        COPY . /app
    """)
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert "hadolint reports" in problem.reason
    assert "DL3007" in problem.reason  # `latest` tag
    assert problem.where.endswith(f"{name}:1")


def test_expected_hadolint_rules_make_a_flawed_dockerfile_a_passing_lesson(site):
    site.sample("t/flawed.Dockerfile", """
        # /// verify
        # expect_rules = ["DL3007", "DL3008", "DL3009", "DL3015"]
        # ///
        FROM python:latest
        RUN apt-get update && apt-get install -y curl
    """)
    result = only_result(verify_site(site.root, use_cache=False))
    assert result.status == "checked", result.problems
    assert "DL3007" in result.output and "hadolint" in result.label


def test_shell_is_checked_with_shellcheck(site):
    site.sample("t/deploy.sh", """
        #!/usr/bin/env bash
        for f in $(ls *.txt); do echo $f; done
    """)
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert problem.reason == "shellcheck findings" and "SC2045" in problem.detail


def test_config_files_must_parse(site):
    site.sample("t/ci.yml", "jobs:\n  test: [unclosed\n")
    site.sample("t/ok.toml", "[tool]\nname = 'x'\n")
    report = verify_site(site.root, use_cache=False)
    (problem,) = report.failures
    assert problem.where.startswith("snippets/t/ci.yml")
    assert "does not parse as YAML" in problem.reason


def test_redis_sample_runs_against_a_real_server(site):
    site.sample("t/counter.py", """
        # /// verify
        # services = ["redis"]
        # ///
        import os

        import redis

        r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
        print(r.dbsize())  # Output: 0
        print(r.incr("hits"), r.incr("hits"))  # Output: 1 2
        print(r.info("server")["redis_version"] >= "6")  # Output: True
    """)
    # Run twice: the second run must see a flushed keyspace (isolation across re-runs).
    for _ in range(2):
        result = only_result(verify_site(site.root, use_cache=False))
        assert result.status == "passed", result.problems


def test_lua_runs_inside_redis_with_eval(site):
    site.sample("t/release.lua", """
        -- /// verify
        -- keys = ["lock:1"]
        -- args = ["token-a"]
        -- setup = [["SET", "lock:1", "token-a"]]
        -- ///
        if redis.call("GET", KEYS[1]) == ARGV[1] then
            return redis.call("DEL", KEYS[1])
        end
        return 0
        -- Output: 1
    """)
    result = only_result(verify_site(site.root, use_cache=False))
    assert result.status == "passed", result.problems
    assert "EVAL" in result.output and result.label.startswith("run in Redis")


def test_postgres_sample_gets_its_own_database(site):
    sample = """
        # /// verify
        # services = ["postgres"]
        # ///
        import os

        import psycopg

        with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
            conn.execute("CREATE TABLE t (id int)")  # fails if another sample's table leaked in
            print(conn.execute("SELECT current_database() LIKE 'sample_%'").fetchone()[0])
            # Output: True
    """
    site.sample("t/pg_a.py", sample)
    site.sample("t/pg_b.py", sample)
    report = verify_site(site.root, use_cache=False, jobs=2)
    assert report.ok, [p.render() for p in report.failures]


def test_sql_sample_runs_on_postgres_and_shows_results(site, shared_postgres):
    site.sample("t/query.sql", """
        CREATE TABLE orders (id int, status text);
        INSERT INTO orders VALUES (1, 'PAID'), (2, 'DELETED');
        SELECT status, count(*) FROM orders GROUP BY status ORDER BY status;
        -- Output: DELETED | 1
    """)
    result = only_result(verify_site(site.root, use_cache=False))
    assert result.status == "passed", result.problems
    assert "(2 rows)" in result.output and result.label.startswith("executed on PostgreSQL")


def test_sql_error_names_the_line(site, shared_postgres):
    site.sample("t/broken.sql", """
        CREATE TABLE orders (id int);
        SELECT id
        FROM missing_table;
    """)
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert problem.where == "snippets/t/broken.sql:3"
    assert 'relation "missing_table" does not exist' in problem.reason


def test_missing_service_is_reported_with_a_hint(site, monkeypatch, tmp_path):
    monkeypatch.setenv("HANDBOOK_DATABASE_URL", f"postgresql://nobody@/x?host={tmp_path}/none")
    site.sample("t/needs_pg.py", """
        # /// verify
        # services = ["postgres"]
        # ///
        print("never runs")
    """)
    (problem,) = verify_site(site.root, use_cache=False).failures
    assert problem.reason.startswith("postgres unavailable")
    assert "HANDBOOK_DATABASE_URL" in problem.hint


def test_pytest_samples_run_their_tests(site):
    site.sample("t/shop.py", "def total(xs: list[int]) -> int:\n    return sum(xs)\n")
    site.sample("t/test_shop.py", """
        from shop import total

        def test_total():
            assert total([1, 2]) == 3

        def test_empty():
            assert total([]) == 0
    """)
    report = verify_site(site.root, use_cache=False)
    labels = {r.sample: r.label for r in report.results}
    assert report.ok, report.failures
    assert labels["t/test_shop.py"].startswith("2 tests passed with pytest")


def test_cli_reports_and_writes_json(site, tmp_path, capsys):
    site.sample("t/ok.py", "print(1)  # Output: 1\n")
    site.sample("t/bad.py", "print(1)  # Output: 2\n")
    out = tmp_path / "report.json"
    code = cli_main(["run", "--root", str(site.root), "--no-cache", "--json", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert "snippets/t/bad.py:1: output claim not met" in captured.err
    data = json.loads(out.read_text())
    statuses = {s["file"]: s["status"] for s in data["samples"]}
    assert statuses == {"snippets/t/ok.py": "passed", "snippets/t/bad.py": "failed"}
    assert data["samples"][0]["pages"][0].startswith("docs/page.md:")


def test_declared_artifacts_are_collected_for_the_site(site):
    site.sample("t/chart.py", """
        # /// verify
        # artifacts = ["chart.svg", "missing.svg"]
        # ///
        from pathlib import Path

        Path("chart.svg").write_text("<svg/>")
    """)
    result = only_result(verify_site(site.root, use_cache=False))
    assert result.artifacts == {"chart.svg": "<svg/>"}
    (problem,) = result.problems
    assert problem.reason == "declared artifact missing.svg was not written"


def test_execute_false_runs_nothing_and_returns_cached_results(site, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_VERIFY_CACHE", str(tmp_path / "cache"))
    site.sample("t/one.py", "print(1)\n")
    assert verify_site(site.root, execute=False).results == []
    verify_site(site.root)
    report = verify_site(site.root, execute=False)
    assert report.executed == 0 and [r.sample for r in report.results] == ["t/one.py"]


def test_update_records_what_samples_print_without_deleting_a_claim(site, capsys):
    site.sample("t/drift.py", """
        import sys

        print("total: 42")  # Output: total: 41
        print("3.99 is not a version")
        print(sys.version_info >= (3, 11))  # Output: True
        print("gone")  # Output (Python 2.7): never checked here
    """)
    site.sample("t/full.py", """
        # /// verify
        # expected = "full.out"
        # ///
        print("one")
        print("two")
    """)
    site.sample("t/crash.py", 'print("partial")  # Output: complete\nraise SystemExit(3)\n')
    code = cli_main(["run", "--root", str(site.root), "--no-cache", "--update"])
    captured = capsys.readouterr()
    assert code == 1, "the crashing sample is for a person to fix"
    assert "snippets/t/crash.py: the sample exited with 3" in captured.err
    drift = (site.root / "snippets/t/drift.py").read_text()
    assert 'print("total: 42")  # Output: total: 42' in drift
    assert "# Output: True" in drift
    assert "# Output (Python 2.7): never checked here" in drift, "a claim for another version stays"
    assert "-print(\"total: 42\")  # Output: total: 41" in captured.out
    assert (site.root / "snippets/t/full.out").read_text() == "one\ntwo\n"
    assert "complete" in (site.root / "snippets/t/crash.py").read_text()
    assert "add an erratum" in captured.out
    report = verify_site(site.root, use_cache=False, only=["t/drift.py", "t/full.py"])
    assert report.ok, report.failures


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def test_sigterm_stops_the_run_and_its_servers(site):
    site.sample("t/slow_redis.py", """
        # /// verify
        # services = ["redis"]
        # timeout = 8
        # ///
        import os
        import time

        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).ping()
        print("connected", flush=True)
        time.sleep(60)
    """)
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_REDIS_URL"}
    cli = subprocess.Popen([sys.executable, "-m", "handbook_verify", "run", "--no-cache"],
                           cwd=site.root, env=env, stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    servers: set[int] = set()
    while time.monotonic() < deadline and not servers:
        servers = {p for p in _descendants(cli.pid)
                   if "redis" in Path(f"/proc/{p}/comm").read_text(errors="replace")}
        time.sleep(0.2)
    assert servers, "the verifier never started its Redis"
    time.sleep(1)
    cli.send_signal(signal.SIGTERM)
    assert cli.wait(timeout=90) != 0
    time.sleep(0.5)
    assert not [p for p in servers if Path(f"/proc/{p}").exists()
                and "redis" in Path(f"/proc/{p}/comm").read_text(errors="replace")]


def test_two_verifiers_at_once_run_a_sample_once(tmp_path):
    """A build beside the per-sample tests (or two builds): the second waits for the first's run
    and takes its result."""
    import threading

    from handbook_verify.cache import ResultCache
    from handbook_verify.model import Result

    runs: list[str] = []

    def run() -> Result:
        runs.append(threading.current_thread().name)
        time.sleep(0.3)
        return Result("t/x.py", "run", "passed", output="1\n")

    results: list[Result] = []
    threads = [threading.Thread(target=lambda: results.append(
        ResultCache(tmp_path / "cache").get_or_run("k", run))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 1
    assert sorted(r.cached for r in results) == [False, True, True]
    assert {r.output for r in results} == {"1\n"}


def test_the_reports_run_figures_stay_out_of_the_search_index(site):
    """The summary (timings, counts) changes with every build; kept in the search index it
    changed lunr's term set from build to build, and one offline build then failed queries
    another answered ("restore IP addresses")."""
    import re

    from handbook_verify.report import markdown_page

    site.sample("t/one.py", "print(1)\n")
    report = verify_site(site.root)
    page = markdown_page(report, {})
    indexed = re.sub(r'<div [^>]*data-search-exclude[^>]*>.*?</div>', "", page, flags=re.S)
    assert "executed" in page and "executed" not in indexed

"""Build-time benchmark: plain, disabled, cold, warm, one snippet touched, and `mkdocs serve`.

Works on a copy of the project (the repository tree is never modified) with a private cache.

- plain: the same handbook pages built by Material alone (no hooks, no notebooks, no generated
  pages), from a temporary config derived from mkdocs.yml = P, the baseline of every ratio;
- disabled: HANDBOOK_VERIFY=0 (nothing run; results shown only where cached);
- cold / warm / one touched: an empty cache, nothing changed, one sample changed;
- serve: `mkdocs serve` on a free port in the copy; save a page, then a sample, and poll the served
  page until it changes (what a writer waits for in the browser).

Targets (issue 18): warm ≤ 1.5×P, disabled ≤ 1.3×P, cold ≤ 1.1×(P + the ideal 2-core schedule
of the samples' own run times), serve: page save ≤ 3 s, sample save ≤ 3 s + its own run time.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "snippets", "ledger", "hooks", "handbook_verify", "handbook_site")
TOUCHED = "core-python/memory-management/refcount_basics.py"
SERVED_PAGE = ("core-python/memory-management.md", "core-python/memory-management/")
SERVED_SAMPLE = ("core-python/memory-management/refcount_basics.py",
                 "# Demonstration of reference counting mechanics")
GLOSSARY = Path("snippets/_glossary/abbreviations.md")
GENERATED = {"question-bank.md", "glossary.md", "errata.md", "verification.md"}


CPU: dict[str, float] = {}  # label -> CPU seconds of the build (robust when the machine is shared)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, label: str, *args: str, **env: str) -> tuple[float, int | None]:
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args, "-d", str(project / f"site-{label}")],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    seconds = time.perf_counter() - started
    CPU[label] = _children_cpu() - cpu
    if done.returncode != 0:
        sys.exit(f"{label} build failed:\n{done.stderr[-3000:]}")
    executed = re.search(r"; (\d+) executed", done.stderr)
    return seconds, int(executed.group(1)) if executed else None


# -- the plain config: mkdocs.yml without hooks, notebooks and generated pages -------------------
class _Tagged:
    def __init__(self, tag: str, value: object) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(tag, loader.construct_sequence(node, deep=True))
    return _Tagged(tag, loader.construct_mapping(node, deep=True))


def _represent(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Loader.add_multi_constructor("!", _tagged)
_Dumper.add_representer(_Tagged, _represent)


def _handbook_only(nav: list) -> list:
    kept = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                if inner := _handbook_only(value):
                    kept.append({title: inner})
            elif _is_handbook(value):
                kept.append(item)
        elif _is_handbook(item):
            kept.append(item)
    return kept


def _is_handbook(page: str) -> bool:
    return page.endswith(".md") and page not in GENERATED


def _glossary_without_hooks(project: Path, config: dict) -> None:
    """The abbreviations on hover, as the glossary hook gives them, by the abbr extension's own
    `glossary` option (when the pages do not append the file themselves)."""
    source = project / GLOSSARY
    extensions = config["markdown_extensions"]
    names = [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    if "abbr" not in names or not source.is_file() or GLOSSARY.name in repr(extensions):
        return
    entries = dict(re.findall(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$", source.read_text("utf-8"), re.M))
    extensions[names.index("abbr")] = {"abbr": {"glossary": entries}}


def plain_config(project: Path) -> Path:
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["plugins"] = [p for p in config["plugins"]
                         if (next(iter(p)) if isinstance(p, dict) else p) in ("search", "tags")]
    config["nav"] = _handbook_only(config["nav"])
    _glossary_without_hooks(project, config)
    config["exclude_docs"] = config.get("exclude_docs", "") + "*.ipynb\n"
    config["strict"] = False  # links to generated pages have nothing to point at here
    config["validation"] = {"omitted_files": "info", "absolute_links": "info",
                            "unrecognized_links": "info", "anchors": "info", "links": {
                                "not_found": "info"}}
    path = project / "mkdocs.plain.yml"
    path.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


# -- mkdocs serve --------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, marker: str, timeout: float) -> float:
    """Seconds until the page at `url` shows `marker` (inf when it never does)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if marker in _fetch(url):
            return time.perf_counter() - started
        time.sleep(0.05)
    print(f"mkdocs serve: {url} did not show {marker!r} within {timeout:.0f} s", file=sys.stderr)
    return float("inf")


def _process_cpu(pid: int) -> float:
    """CPU seconds of a running process (its threads included; Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _builds_done(log: Path, count: int, timeout: float = 120) -> None:
    """Wait until the serve log shows `count` finished builds (the served page is written before
    the rebuild's last events)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if log.read_text(encoding="utf-8", errors="replace").count("Documentation built in") \
                >= count:
            return
        time.sleep(0.1)


def serve_latency(project: Path, **env: str) -> dict[str, float]:
    port = _free_port()
    log = (project / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    page, path = SERVED_PAGE
    url = f"http://127.0.0.1:{port}/{path}"
    found: dict[str, float] = {}
    try:
        found["start"] = _wait_for(url, "refcount_basics", 600)
        if process.poll() is not None:
            tail = (project / "serve.log").read_text(encoding="utf-8", errors="replace")[-2000:]
            print(f"mkdocs serve exited ({process.returncode}):\n{tail}", file=sys.stderr)
            return {**found, "page saved": float("inf"), "sample saved": float("inf")}
        time.sleep(2)  # let the watcher settle after the first build
        marker = f"Served-page marker {time.time_ns()}"
        doc = project / "docs" / page
        cpu = _process_cpu(process.pid)
        doc.write_text(doc.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        found["page saved"] = _wait_for(url, marker, 120)
        _builds_done(project / "serve.log", 2)
        time.sleep(2)
        found["page saved CPU"] = _process_cpu(process.pid) - cpu
        sample_path, line = SERVED_SAMPLE
        sample = project / "snippets" / sample_path
        marker = f"serve bench {time.time_ns()}"
        cpu = _process_cpu(process.pid)
        sample.write_text(sample.read_text(encoding="utf-8").replace(line, f"{line} ({marker})"),
                          encoding="utf-8")
        found["sample saved"] = _wait_for(url, marker, 120)
        _builds_done(project / "serve.log", 3)
        found["sample saved CPU"] = _process_cpu(process.pid) - cpu  # the sample runs apart
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
    return found


def _pyodide_seconds(cache: Path, sample: str) -> float:
    """The sample's last run under Node in Pyodide (its browser qualification): a saved sample
    runs in CPython and in Pyodide; both are its own run time."""
    runs = [(p.stat().st_mtime, json.loads(p.read_text())) for p in (cache / "browser").glob(
        "*.json")] if (cache / "browser").is_dir() else []
    mine = [data for _, data in sorted(runs, key=lambda r: r[0]) if data.get("sample") == sample]
    return float(mine[-1].get("seconds", 0.0)) if mine else 0.0


def main() -> None:
    # `bench.py DIR` measures another checkout (e.g. `git archive` of a commit) instead of this one.
    origin = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    load = f"{os.getloadavg()[0]:.2f}"
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        os.chmod(tmp, 0o755)  # sandboxed samples run as an unprivileged uid that reads them here
        project = Path(tmp) / "project"
        project.mkdir()
        for name in COPIED:
            source = origin / name
            if not source.exists():
                continue
            copy = shutil.copytree if source.is_dir() else shutil.copy2
            copy(source, project / name)
        if (ROOT / "node_modules").is_dir():  # the pinned Pyodide: Run in the browser is on
            (project / "node_modules").symlink_to(ROOT / "node_modules")
        plain = plain_config(project)
        cache = {"HANDBOOK_VERIFY_CACHE": str(Path(tmp) / "cache")}
        rows: dict[str, tuple[float, int | None]] = {}
        build(project, "warmup", "--strict", HANDBOOK_VERIFY="0")  # imports, notebooks
        rows["plain"] = build(project, "plain", "-f", str(plain))
        rows["disabled"] = build(project, "disabled", "--strict", HANDBOOK_VERIFY="0")
        rows["cold"] = build(project, "cold", "--strict", **cache)
        rows["warm"] = build(project, "warm", "--strict", **cache)
        sample = project / "snippets" / TOUCHED
        sample.write_text(sample.read_text() + "# touched by the benchmark\n")
        rows["one touched"] = build(project, "touched", "--strict", **cache)

        report = json.loads((project / "site-cold" / "verification.json").read_text())
        runs = {s["file"]: s["duration_s"] for s in report["samples"]}
        ideal = sum(runs.values()) / (os.cpu_count() or 1)
        served = serve_latency(project, **cache)
        touched_run = json.loads((project / "site-touched" / "verification.json").read_text())
        own = next((s["duration_s"] for s in touched_run["samples"]
                    if s["file"].endswith(SERVED_SAMPLE[0])), 0.0)
        in_pyodide = _pyodide_seconds(Path(tmp) / "cache", SERVED_SAMPLE[0])
        own += in_pyodide

    plain_s = rows["plain"][0]
    labels = dict(zip(rows, ("plain", "disabled", "cold", "warm", "touched"), strict=True))
    plain_cpu = CPU["plain"]
    print(f"load average before/after: {load} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} "
          "cores (CPU seconds count this process tree only)")
    print(f"{'build':<14}{'seconds':>9}{'× plain':>10}{'CPU s':>8}{'× plain':>10}"
          f"{'samples run':>13}")
    for label, (seconds, executed) in rows.items():
        ran = "—" if executed is None else str(executed)
        cpu = CPU[labels[label]]
        print(f"{label:<14}{seconds:>9.2f}{seconds / plain_s:>9.2f}×{cpu:>8.1f}"
              f"{cpu / plain_cpu:>9.2f}×{ran:>13}")
    print(f"\n{len(runs)} samples; their own run time {sum(runs.values()):.1f} s, ideal on "
          f"{os.cpu_count()} cores {ideal:.1f} s")
    print("\nmkdocs serve (seconds until the served page shows the change):")
    print(f"  first build {served['start']:.2f}; page saved {served['page saved']:.2f} "
          f"(target ≤ 3); sample saved {served['sample saved']:.2f} "
          f"(target ≤ 3 + its own run time {own:.2f}, in Pyodide {in_pyodide:.2f} of it)")
    nan = float("nan")
    print(f"  CPU seconds of the serve process: page save {served.get('page saved CPU', nan):.2f}, "
          f"sample save {served.get('sample saved CPU', nan):.2f} (without the sample's own "
          "process)")

    def verdict(value: float, limit: float) -> str:
        return f"{value:.2f} (target ≤ {limit:.2f}) {'ok' if value <= limit else 'MISSED'}"

    print("\ntargets:")
    print(f"  warm/plain      = {verdict(rows['warm'][0] / plain_s, 1.5)}")
    print(f"  disabled/plain  = {verdict(rows['disabled'][0] / plain_s, 1.3)}")
    print(f"  cold/(P+ideal)  = {verdict(rows['cold'][0] / (plain_s + ideal), 1.1)}")
    print(f"  serve page save = {verdict(served['page saved'], 3.0)} s")
    print(f"  serve sample    = {verdict(served['sample saved'], 3.0 + own)} s")
    print(f"  one touched snippet re-ran {rows['one touched'][1]} sample(s) (target 1)")
    from sandbox_overhead import report as sandbox_overhead  # issue 16: the sandbox's cost

    sandbox_overhead()
    # In chromium, on one site built without verification: issue 17's first Run and a later
    # run, issue 15's typing latency.
    from bench_browser import report as browser_run
    from bench_search import report as search_latency

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                       cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "HANDBOOK_VERIFY": "0", "NO_MKDOCS_2_WARNING": "1"})
        browser_run(site)
        search_latency(site)


if __name__ == "__main__":
    main()

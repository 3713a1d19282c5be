"""Browser qualification: which samples also run in the reader's browser (Pyodide), decided by
running them there.

Each candidate (a Python sample run with `python file.py`, no services, no sandbox needs) runs
under Node with the same pinned Pyodide the site serves, through the same harness the browser uses
(harness.py), inside the verifier's sandbox; its `Output:` claims are checked by the verifier's own
checker (checks/output.py) against Python 3.14, the version Pyodide runs. Only samples whose run
exits as expected and meets every claim qualify. The practice prompts' tests (pytest_lite.py)
run against the worked solution the same way: the tests that pass there are the ones the browser
runs against the reader's code.

Results are cached by content (.cache/verify/browser/): the sample and every file it brings, the
Pyodide version, and the code here that runs and judges it. Plain Python API, no MkDocs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import sandbox
from ..cache import default_dir, local_imports, named_siblings
from ..checks.base import Context
from ..checks.output import output_problems
from ..files import data as read_data
from ..files import text as read_text
from ..model import Sample
from .session import NodeSession

HERE = Path(__file__).parent
ENGINE = HERE.parent
RUNTIME_FILES = ("harness.py", "pytest_lite.py")  # written into Pyodide, here and in the browser
# The files a result depends on besides the sample's own (the runner, the judge).
JUDGE_FILES = (*(HERE / n for n in (*RUNTIME_FILES, "node_runner.mjs", "qualify.py")),
               ENGINE / "claims.py", ENGINE / "checks/output.py", ENGINE / "metadata.py")
# Pyodide's files a page needs at run time (the npm package also holds maps, types, consoles).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
PYODIDE_PYTHON = (3, 14)  # checked against the package at run time (see Runtime.python)
SLOWER = 3.0  # WebAssembly runs a sample a few times slower than native CPython


@dataclass
class Runtime:
    """The pinned Pyodide installed by `make setup` (npm ci), and Node to run it at build time."""

    node: str
    pyodide_dir: Path
    version: str

    @property
    def label(self) -> str:
        return f"Pyodide {self.version}"


MIN_NODE = 20
PYODIDE_LINE = "314"
QUALIFY_CAP_S = 900.0  # the whole batch; each job has its own timeout inside the runner
# Sandbox slots of their own (each slot runs as its own uid, with its own process limit): the
# build qualifies beside the verifier's runs, which use slots 0, 1, ...
SLOT_BASE = 1000


def find_runtime(root: Path) -> tuple[Runtime | None, str]:
    """The runtime, or None and why not (shown on the Verification report)."""
    pyodide_dir = Path(os.environ.get("HANDBOOK_PYODIDE_DIR", root / "node_modules" / "pyodide"))
    node = shutil.which("node") or shutil.which("nodejs")
    missing = [name for name in PYODIDE_FILES if not (pyodide_dir / name).is_file()]
    if missing:
        return None, (f"Pyodide is not installed ({pyodide_dir} lacks {', '.join(missing)}): "
                      "run `make setup` (it runs `npm ci`; Node and npm come from Debian's "
                      "`nodejs` and `npm` packages, installed as root by scripts/ensure-system.sh)")
    if node is None:
        return None, ("Node.js is not installed, so samples cannot be qualified for the browser: "
                      "`sudo apt-get install nodejs npm`, then `make setup`")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    major = int(version.lstrip("v").split(".")[0] or 0) if version[1:2].isdigit() else 0
    if major < MIN_NODE:
        # Seen on Debian 12 (Node 18): loading Pyodide 314 never finished, so qualification hung.
        return None, (f"Node.js {version or '(unknown)'} is older than {MIN_NODE}, which Pyodide "
                      f"{PYODIDE_LINE} needs here (on Node 18 it never finished loading): Run in "
                      "the browser is left out of this build; Debian 13 and later ship Node 20")
    package = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))
    return Runtime(node, pyodide_dir, package["version"]), ""


@dataclass
class BrowserResult:
    sample: str  # path relative to snippets/ (the sample, or for practice the test file)
    kind: str  # "sample" | "tests"
    runs: bool  # qualifies: runs in the browser and its claims hold there
    reason: str = ""  # why not, in a reader's words
    stdout: str = ""
    stderr: str = ""
    exit: int | None = 0
    seconds: float = 0.0
    claims: int = 0
    tests: list[dict] = field(default_factory=list)  # kind "tests": id, outcome, message
    cached: bool = False

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("cached")
        return data


@dataclass
class Job:
    key: str
    sample: Sample
    kind: str
    files: dict[str, str]
    main: str
    timeout: float


def candidates(samples: Iterable[Sample]) -> list[Sample]:
    """Python samples that could run in a browser: run with `python file.py`, no services, no
    sandbox capabilities. Whether they do run is decided by running them."""
    return [s for s in samples if s.check == "run" and s.path.suffix == ".py"
            and s.path.name != "gunicorn.conf.py" and not s.meta.services and not s.meta.needs]


def practice_pairs(samples: Iterable[Sample]) -> list[tuple[Sample, Sample]]:
    """(test file, worked solution) for each practice prompt: a `test_*.py` under
    snippets/dsa-patterns/ next to the module it imports."""
    by_path = {s.path: s for s in samples}
    pairs = []
    for test in by_path.values():
        if not (test.check == "pytest" and test.rel.startswith("dsa-patterns/")):
            continue
        module = test.path.with_name(test.path.name.removeprefix("test_"))
        if module in by_path:
            pairs.append((test, by_path[module]))
    return sorted(pairs, key=lambda pair: pair[0].rel)


def bundle(sample: Sample, snippets_dir: Path) -> dict[str, str]:
    """The files a sample needs, by their name in its folder: itself, the local modules it
    imports (snippets/_support ones under _support/), and the sibling files it names."""
    support = snippets_dir / "_support"
    files = {sample.path.name: read_text(sample.path)}
    for dep in [*local_imports(sample.path, [sample.path.parent, support]),
                *named_siblings(sample.path)]:
        if dep.suffix in {".pyc", ".out"} or dep.name.startswith("test_"):
            continue
        name = f"_support/{dep.name}" if dep.parent == support else dep.name
        try:
            files.setdefault(name, read_text(dep))
        except UnicodeDecodeError:
            continue
    return files


def _key(runtime: Runtime, kind: str, files: dict[str, str], extra: str = "") -> str:
    digest = _judge_digest(tuple(read_data(path) for path in JUDGE_FILES)).copy()
    digest.update(f"{runtime.label}|{kind}|{extra}".encode())
    digest.update(json.dumps(files, sort_keys=True).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=4)
def _judge_digest(judge: tuple[bytes, ...]) -> hashlib._Hash:
    """The runner's and judge's files hashed once, not once per job."""
    digest = hashlib.sha256()
    for data in judge:
        digest.update(hashlib.sha256(data).digest())
    return digest


def _judge_sample(job: Job, raw: dict, snippets_dir: Path) -> BrowserResult:
    sample = job.sample
    result = BrowserResult(sample.rel, "sample", False, stdout=raw.get("stdout", ""),
                           stderr=raw.get("stderr", ""), exit=raw.get("exit"),
                           seconds=round(raw.get("seconds", 0.0), 3))
    if raw.get("exit") != sample.meta.expect_exit:
        last = (raw.get("stderr") or "").strip().splitlines()
        result.reason = (f"exits with {raw.get('exit')} in Pyodide"
                         + (f": {last[-1]}" if last else ""))
        return result
    ctx = Context(sample, snippets_dir, Path(tempfile.gettempdir()), {},
                  {"Python": PYODIDE_PYTHON})
    problems, claims = output_problems(ctx, raw.get("stdout", ""))
    result.claims = claims
    if problems:
        first = problems[0]
        result.reason = f"{first.reason} in Pyodide ({first.where.split(':')[-1]}): " + (
            first.detail.splitlines()[0] if first.detail else "")
        return result
    result.runs = True
    return result


def _judge_tests(job: Job, raw: dict) -> BrowserResult:
    tests = raw.get("tests", [])
    passed = [t for t in tests if t["outcome"] == "passed"]
    result = BrowserResult(job.sample.rel, "tests", bool(passed), stdout=raw.get("stdout", ""),
                           stderr=raw.get("stderr", ""), exit=raw.get("exit"),
                           seconds=round(raw.get("seconds", 0.0), 3), tests=tests)
    if not passed:
        result.reason = "no test of the worked solution passes in Pyodide"
    elif len(passed) < len(tests):
        result.reason = (f"{len(tests) - len(passed)} of {len(tests)} tests need what Pyodide "
                         "lacks (threads); the browser runs the other "
                         f"{len(passed)}")
    return result


def _run_batch(runtime: Runtime, jobs: list[Job], slot: int,
               memory: Path | None = None) -> dict[str, dict]:
    """Run jobs in one Node process (Pyodide loads once, from the memory snapshot `memory` when
    given); results by job key. A job the process did not finish is missing from the answer."""
    workdir = Path(tempfile.mkdtemp(prefix="pyodide-"))
    try:
        jobs_file = workdir / "jobs.jsonl"
        jobs_file.write_text("".join(json.dumps({"id": j.key, "kind": j.kind, "files": j.files,
                                                 "main": j.main}) + "\n" for j in jobs),
                             encoding="utf-8")
        os.chmod(workdir, 0o755)
        os.chmod(jobs_file, 0o644)
        limits = sandbox.Limits(memory=sandbox.parse_size("8G"))
        timeout = min(60.0 + sum(j.timeout for j in jobs), QUALIFY_CAP_S)
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(workdir), "LANG": "C.UTF-8",
               "TZ": "UTC"}
        argv = [runtime.node, str(HERE / "node_runner.mjs"), str(runtime.pyodide_dir),
                str(jobs_file), *([str(memory)] if memory else [])]
        done = sandbox.run(argv, workdir=workdir, env=env,
                           read_only=[HERE, runtime.pyodide_dir, *([memory] if memory else [])],
                           slot=slot, limits=limits, timeout=timeout)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    answers: dict[str, dict] = {}
    for line in done.stdout.splitlines():
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if "id" in data:
            answers[data["id"]] = data
    if not answers and done.stderr.strip():
        answers["__error__"] = {"stderr": done.stderr[-2000:]}
    return answers


def qualify(root: Path, samples: list[Sample], *, jobs: int | None = None,
            use_cache: bool = True, execute: bool = True, memory: Path | None = None,
            session: NodeSession | None = None) -> tuple[dict[str, BrowserResult], str]:
    """Browser results by sample path (samples and practice test files), and the reason there are
    none ("" when the runtime is available). `memory`: the snapshot Python starts from, as in
    the reader's browser (browser/snapshot.py). `session`: a Node process kept running (mkdocs
    serve) that runs the jobs first; what it does not finish runs in batches as in a build."""
    root = root.resolve()
    snippets_dir = root / "snippets"
    runtime, why = find_runtime(root)
    if runtime is None:
        return {}, why
    store = default_dir(root) / "browser" if use_cache else None
    todo: list[Job] = []
    for sample in candidates(samples):
        files = bundle(sample, snippets_dir)
        todo.append(Job(_key(runtime, "sample", files, str(sample.meta.expect_exit) +
                             sample.meta.expected), sample, "sample", files, sample.path.name,
                        sample.meta.timeout * SLOWER))
    for test, solution in practice_pairs(samples):
        files = {**bundle(solution, snippets_dir), test.path.name:
                 test.path.read_text(encoding="utf-8")}
        todo.append(Job(_key(runtime, "tests", files), test, "tests", files, test.path.name,
                        test.meta.timeout * SLOWER))
    results: dict[str, BrowserResult] = {}
    pending = []
    for job in todo:
        cached = _load(store, job.key) if store else None
        if cached:
            results[job.sample.rel] = cached
        else:
            pending.append(job)
    if not execute or not pending:
        return results, ""
    finished: list[tuple[Job, dict | None]] = []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
    if session is not None and len(pending) <= workers:  # a save, not a cold start
        answers = session.run(pending)
        finished = [(j, answers[j.key]) for j in pending if j.key in answers]
        pending = [j for j in pending if j.key not in answers]
    batches = [pending[i::workers] for i in range(workers)]

    def work(batch: int) -> list[tuple[Job, dict | None]]:
        out: list[tuple[Job, dict | None]] = []
        remaining, slot = batches[batch], SLOT_BASE + batch
        while remaining:
            answers = _run_batch(runtime, remaining, slot, memory)
            done = [j for j in remaining if j.key in answers]
            out += [(j, answers[j.key]) for j in done]
            missing = [j for j in remaining if j.key not in answers]
            if not missing:
                break
            # The process died on the first missing job: run that one alone, then the rest.
            first = missing[0]
            out.append((first, _run_batch(runtime, [first], slot, memory).get(first.key)))
            remaining = missing[1:]
        return out

    if pending:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            finished += [pair for part in pool.map(work, range(workers)) for pair in part]
    for job, raw in finished:
        if raw is None:
            results[job.sample.rel] = BrowserResult(
                job.sample.rel, job.kind, False,
                reason=f"did not finish in Pyodide within {job.timeout:g} s")
            continue  # not cached: a slow machine may finish next time
        result = (_judge_tests(job, raw) if job.kind == "tests"
                  else _judge_sample(job, raw, snippets_dir))
        results[job.sample.rel] = result
        if store:
            _save(store, job.key, result)
    return results, ""


def _load(store: Path, key: str) -> BrowserResult | None:
    try:
        data = json.loads((store / f"{key}.json").read_text(encoding="utf-8"))
        return BrowserResult(**data, cached=True)
    except (OSError, ValueError, TypeError):
        return None


def _save(store: Path, key: str, result: BrowserResult) -> None:
    store.mkdir(parents=True, exist_ok=True)
    partial = store / f"{key}.tmp"
    partial.write_text(json.dumps(result.to_json()), encoding="utf-8")
    partial.replace(store / f"{key}.json")

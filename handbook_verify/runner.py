"""The public API: verify every sample of a site (or a chosen few), in parallel, with a cache."""

from __future__ import annotations

import os
import queue
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ResultCache, cache_key, default_dir
from .checks import CHECKERS, Context
from .checks.output import other_versions
from .claims import running_versions
from .discover import collect
from .model import Problem, Result, Sample
from .sandbox import missing_capability, share_memory
from .services import Services, ServiceUnavailable, versions


@dataclass
class SiteReport:
    samples: list[Sample] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # structural: includes, metadata
    seconds: float = 0.0
    executed: int = 0  # samples actually run this time (not from the cache)

    @property
    def failures(self) -> list[Problem]:
        return self.problems + [p for r in self.results for p in r.problems]

    @property
    def ok(self) -> bool:
        return not self.failures


def _relative_prefix(path: str, root: Path) -> str:
    absolute = Path(path).resolve()
    if absolute.is_relative_to(root / "snippets"):
        return absolute.relative_to(root / "snippets").as_posix()
    return path.removeprefix("snippets/")


def verify_one(sample: Sample, snippets_dir: Path, services: Services, slot: int) -> Result:
    started = time.perf_counter()
    if missing := missing_capability(sample.meta.needs):
        return Result(sample.rel, sample.check, "checked", label=f"not run: {missing}",
                      services=sample.meta.services)
    workdir = Path(tempfile.mkdtemp(prefix="sample-"))
    try:
        with services.lease(sample.meta.services, slot) as service_env:
            ctx = Context(sample, snippets_dir, workdir, service_env,
                          running_versions(versions()), slot,
                          services.socket_dirs(sample.meta.services, slot))
            outcome = CHECKERS[sample.check](ctx)
            outcome.other_versions = other_versions(ctx)
    except ServiceUnavailable as exc:
        problem = Problem(f"snippets/{sample.rel}", str(exc), hint=exc.hint, page=sample.first_page)
        return Result(sample.rel, sample.check, "failed", problems=[problem],
                      services=sample.meta.services)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    status = "failed" if outcome.problems else "passed" if outcome.executed else "checked"
    return Result(
        sample=sample.rel,
        check=sample.check,
        status=status,
        label=outcome.label,
        output=outcome.output,
        duration=round(time.perf_counter() - started, 3),
        services=sample.meta.services,
        claims=outcome.claims,
        other_versions=outcome.other_versions,
        artifacts=outcome.artifacts,
        problems=outcome.problems,
    )


def verify_site(
    root: Path,
    *,
    only: Iterable[str] | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    execute: bool = True,
    progress: Callable[[Result], None] | None = None,
    planned: Callable[[int], None] | None = None,
    cache_dir: Path | None = None,
) -> SiteReport:
    """Verify the samples of the site at `root` (docs/ + snippets/).

    `only` restricts the run to samples whose path (relative to snippets/) starts with one of the
    given prefixes; structural problems are then reported only for those samples.
    `execute=False` runs nothing and returns only the results found in the cache.
    `cache_dir` defaults to HANDBOOK_VERIFY_CACHE, else .cache/verify under `root`.
    `planned(n)` is told how many samples will run, before the first starts; `progress(result)`
    hears of each as it finishes (handbook_verify.progress.Progress does both).
    """
    started = time.perf_counter()
    root = root.resolve()
    snippets_dir = root / "snippets"
    samples, problems = collect(root / "docs", snippets_dir)
    if only is not None:
        prefixes = tuple(_relative_prefix(p, root) for p in only)
        samples = [s for s in samples if s.rel.startswith(prefixes)]
        problems = [p for p in problems if any(x in p.where for x in prefixes)]
    report = SiteReport(samples=samples, problems=problems)
    store = ResultCache((cache_dir or default_dir(root)) if use_cache else None)
    workers = max(1, jobs or os.cpu_count() or 1)
    share_memory(workers)  # per-sample memory x parallel samples fits the machine
    with Services() as services:
        keys = {s.rel: cache_key(s, snippets_dir, services.describe()) for s in samples}
        cached = {s.rel: store.get(keys[s.rel]) for s in samples}
        todo = [s for s in samples if cached[s.rel] is None] if execute else []
        # Longest-declared first keeps both cores busy to the end of the run.
        todo.sort(key=lambda s: (-s.meta.timeout, -len(s.meta.services), s.rel))
        if planned:
            planned(len(todo))
        slots: queue.Queue[int] = queue.Queue()
        for slot in range(workers):
            slots.put(slot)

        def run(sample: Sample) -> Result:
            slot = slots.get()
            try:
                result = store.get_or_run(keys[sample.rel],
                                          lambda: verify_one(sample, snippets_dir, services, slot))
            finally:
                slots.put(slot)
            if progress:
                progress(result)
            return result

        with ThreadPoolExecutor(max_workers=workers) as pool:
            fresh = {r.sample: r for r in pool.map(run, todo)}
    report.results = [r for s in samples if (r := cached[s.rel] or fresh.get(s.rel))]
    report.executed = sum(not r.cached for r in fresh.values())  # not what another verifier ran
    report.seconds = time.perf_counter() - started
    return report

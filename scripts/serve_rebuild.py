"""Where a `mkdocs serve` rebuild spends its time, hook by hook (issue 18).

Builds the site in this process as `mkdocs serve` does (config loaded again per rebuild, plugins
kept), then times rebuilds with nothing changed, after a page save and after a sample save: the
median CPU seconds of each, and the wall seconds of every plugin event and MkDocs step of that
median rebuild. The files saved are restored afterwards.

    .venv/bin/python scripts/serve_rebuild.py [page.md] [sample.py]
"""

from __future__ import annotations

import collections
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs import plugins
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
SERVE_URL = "http://127.0.0.1:8765/"
TIMES: collections.Counter[str] = collections.Counter()


def _timed_events() -> None:
    def run_event(self, name, item=None, **kwargs):  # as PluginCollection.run_event, timed
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            started = time.perf_counter()
            result = method(**kwargs) if item is None else method(item, **kwargs)
            if item is not None and result is not None:
                item = result
            TIMES[f"{name}: {method.__module__}.{method.__qualname__}"] += \
                time.perf_counter() - started
        self._current_plugin = None
        return item

    plugins.PluginCollection.run_event = run_event
    for step in ("_populate_page", "_build_page"):
        original = getattr(mkdocs_build, step)

        def timed(*args, _original=original, _step=step, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                TIMES[f"mkdocs {_step} (events included)"] += time.perf_counter() - started

        setattr(mkdocs_build, step, timed)


def main() -> None:
    page = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/core-python/memory-management.md")
    sample = Path(sys.argv[2] if len(sys.argv) > 2
                  else "snippets/core-python/memory-management/refcount_basics.py")
    logging.basicConfig(level=logging.WARNING)
    _timed_events()
    site_dir = tempfile.mkdtemp(prefix="serve-rebuild-")

    def config():
        loaded = load_config(config_file="mkdocs.yml", site_dir=site_dir)
        loaded.site_url = SERVE_URL
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build.build(first, serve_url=SERVE_URL)

    def rebuilds(label: str, edit: Callable[[], None], count: int = 5) -> None:
        runs = []
        for _ in range(count):
            edit()
            TIMES.clear()
            started = time.process_time()
            mkdocs_build.build(config(), serve_url=SERVE_URL)
            runs.append((time.process_time() - started, dict(TIMES)))
        runs.sort(key=lambda run: run[0])
        cpu, steps = runs[len(runs) // 2]
        print(f"{label}: median {cpu:.2f} CPU s (min {runs[0][0]:.2f}, max {runs[-1][0]:.2f})")
        for step, seconds in sorted(steps.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {seconds:6.3f} s  {step}")

    rebuilds("nothing changed", lambda: None)
    for path, label in ((page, "page saved"), (sample, "sample saved")):
        original = path.read_text(encoding="utf-8")
        try:
            mark = "<!-- serve_rebuild {} -->" if path.suffix == ".md" else "# serve_rebuild {}"
            rebuilds(label, lambda p=path, o=original, m=mark: p.write_text(
                f"{o}\n{m.format(time.time_ns())}\n", encoding="utf-8"), count=3)
        finally:
            path.write_text(original, encoding="utf-8")


if __name__ == "__main__":
    main()

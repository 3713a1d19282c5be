"""One test per real sample of the site: `pytest -k refcount` verifies just that one.

Results go through the same content-keyed cache as the build, so the strict build test later in
the session does not run a sample twice; an unchanged sample that passed before is not re-run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook_verify.cache import ResultCache, cache_key, default_dir
from handbook_verify.discover import collect
from handbook_verify.runner import verify_one
from handbook_verify.services import Services

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
SAMPLES, STRUCTURAL_PROBLEMS = collect(ROOT / "docs", SNIPPETS)


@pytest.fixture(scope="module")
def services():
    with Services() as running:
        yield running


def test_every_include_resolves_and_every_snippet_is_embedded():
    assert not STRUCTURAL_PROBLEMS, "\n\n".join(p.render() for p in STRUCTURAL_PROBLEMS)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.rel for s in SAMPLES])
def test_sample(sample, services):
    store = ResultCache(default_dir(ROOT))
    key = cache_key(sample, SNIPPETS, services.describe())
    result = store.get_or_run(key, lambda: verify_one(sample, SNIPPETS, services, slot=0))
    assert result.status in {"passed", "checked"}, "\n\n".join(p.render() for p in result.problems)

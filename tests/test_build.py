"""Whole-site builds: the real site builds strictly; a broken one fails clearly and atomically."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import build, open_to_samples


def test_real_site_builds_strictly_with_every_sample_verified(built_site: Path):
    report = json.loads((built_site / "verification.json").read_text())
    assert report["samples"], "no samples were verified"
    failed = [s["file"] for s in report["samples"] if s["status"] == "failed"]
    assert not failed
    page = (built_site / "core-python/memory-management/index.html").read_text()
    assert page.count('class="verify-result verify-passed"') >= 9
    assert "Output of this build" in page
    assert 'id="explained-by-level-level-3-deep-internals"' in page


def test_errata_page_lists_every_erratum_with_a_link_back(built_site: Path):
    errata = (built_site / "errata/index.html").read_text()
    assert "pymalloc arenas are 1 MiB and pools 16 KiB" in errata
    assert "memory-management/#explained-by-level-level-3-deep-internals" in errata


def test_verification_report_page_lists_samples(built_site: Path):
    page = (built_site / "verification/index.html").read_text()
    assert "refcount_basics.py" in page and "ran with Python" in page


def test_no_asset_is_loaded_from_another_host(built_site: Path):
    for html in built_site.rglob("*.html"):
        text = html.read_text()
        for marker in ('src="http', "fonts.googleapis", "unpkg.com", "cdn.jsdelivr"):
            assert marker not in text, f"{html.relative_to(built_site)} loads {marker}"


def _fixture_project(tmp_path: Path, sample: str, page_extra: str = "") -> Path:
    """A minimal project using the real hook, with one sample."""
    project = tmp_path / "project"
    open_to_samples(tmp_path)
    (project / "docs").mkdir(parents=True)
    (project / "snippets" / "t").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(textwrap.dedent("""
        site_name: fixture
        strict: true
        validation: {links: {anchors: warn}}
        plugins: [handbook-verify]
        markdown_extensions:
          - pymdownx.superfences
          - pymdownx.snippets: {base_path: [snippets], check_paths: true}
          - admonition
          - pymdownx.details
          - md_in_html
        nav: [index.md]
    """))
    (project / "snippets/t/sample.py").write_text(textwrap.dedent(sample))
    (project / "docs/index.md").write_text(
        f'# Fixture\n\n```python\n--8<-- "t/sample.py"\n```\n\n{page_extra}\n')
    return project


def test_failing_sample_fails_the_build_and_leaves_site_untouched(tmp_path: Path):
    project = _fixture_project(tmp_path, "print(1 + 1)  # Output: 3\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.html").write_text("the last good build")
    done = build(project / "mkdocs.yml", site, {"HANDBOOK_VERIFY_CACHE": str(tmp_path / "c")})
    assert done.returncode != 0
    assert "snippets/t/sample.py:1: output claim not met" in done.stderr
    assert "embedded at docs/index.md:4" in done.stderr
    assert [p.name for p in site.iterdir()] == ["previous.html"]
    assert not list(tmp_path.glob("site.partial-*"))


def test_broken_anchor_fails_the_build_without_half_writing_site(tmp_path: Path):
    project = _fixture_project(tmp_path, "print(2)  # Output: 2\n", "[gone](#no-such-heading)")
    site = tmp_path / "site"
    done = build(project / "mkdocs.yml", site, {"HANDBOOK_VERIFY_CACHE": str(tmp_path / "c")})
    assert done.returncode != 0 and "no-such-heading" in done.stderr
    assert not site.exists() and not list(tmp_path.glob("site.partial-*"))


def test_good_fixture_build_shows_the_real_output(tmp_path: Path):
    project = _fixture_project(tmp_path, "print('hello from the sample')\n")
    site = tmp_path / "site"
    done = build(project / "mkdocs.yml", site, {"HANDBOOK_VERIFY_CACHE": str(tmp_path / "c")})
    assert done.returncode == 0, done.stderr
    assert "hello from the sample" in (site / "index.html").read_text()

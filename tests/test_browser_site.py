"""Every page of the built site in chromium: clean console, nothing fetched off localhost, no
serious accessibility violation (axe-core), linked Level tabs, glossary tooltips, and the offline
archive searched from file:// with the network blocked."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from browser import guarded_page, requires_chromium

pytestmark = [pytest.mark.browser, requires_chromium]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"  # axe-core 4, MPL-2.0 (see its LICENSE)
LEVEL_2 = "explained-by-level-level-2-strong-candidate"


@pytest.fixture
def page(chromium, site_url):
    context, tab = guarded_page(chromium, (site_url,))
    yield tab
    context.close()


def serious_violations(tab) -> list[str]:
    """Serious or critical axe-core violations on the loaded page: rule, impact, first nodes
    (once the site's a11y.js has run: on a loaded machine axe could otherwise audit first)."""
    tab.wait_for_function("document.documentElement.dataset.a11y === 'applied'", timeout=30_000)
    if not tab.evaluate("typeof axe !== 'undefined'"):
        tab.evaluate(AXE.read_text(encoding="utf-8"))
    return tab.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations
          .filter(v => v.impact === "serious" || v.impact === "critical")
          .map(v => `${v.id} (${v.impact}): ` +
                    v.nodes.slice(0, 3).map(n => n.target).join(" | "));
    }""")


def concatenation(path: str) -> bool:
    """print/<module> and print/handbook repeat the topic pages (audited there) on one page, too
    large for axe to be quick (about a minute for the whole handbook)."""
    return path.startswith("print/") and not path.startswith("print/cheat-sheets/")


AUDIT_PARTS = 4  # every page audited once, in four parts that go to different workers


def audit(part: int, chromium, site_url: str, built_site: Path) -> dict[str, dict]:
    """Every AUDIT_PARTS-th HTML page of the site (from `part`) loaded once: its console errors,
    off-site requests, and its serious or critical axe-core violations (light scheme, the
    default). About 2 s a page on 2 cores, half of it axe (a topic page's code lines are
    thousands of nodes whose colour contrast it checks): ~4.5 min of the suite's work."""
    context, tab = guarded_page(chromium, (site_url,))
    found, started = {}, time.monotonic()
    for html in sorted(built_site.rglob("*.html"))[part::AUDIT_PARTS]:
        path = html.relative_to(built_site).as_posix()
        tab.console_errors.clear()
        tab.offsite.clear()
        # "load", not "networkidle" (0.5 s of silence per page), where axe audits: a request
        # made later is still recorded while a11y.js runs and axe audits (read after it)
        tab.goto(f"{site_url}/{path}",
                 wait_until="networkidle" if concatenation(path) else "load")
        axe = [] if concatenation(path) else serious_violations(tab)
        found[path] = {"console": list(tab.console_errors), "offsite": list(tab.offsite),
                       "axe": axe}
    context.close()
    print(f"\naudited {len(found)} pages in {time.monotonic() - started:.0f} s")
    return found


@pytest.mark.parametrize("part", range(AUDIT_PARTS), ids=lambda p: f"part{p + 1}of{AUDIT_PARTS}")
def test_every_page_loads_cleanly_and_has_no_serious_accessibility_violation(
        part, chromium, site_url, built_site):
    """One test per part (two tests sharing a part's audit ran it twice when xdist gave them
    to different workers)."""
    pages = audit(part, chromium, site_url, built_site)
    assert len(pages) > 50 // AUDIT_PARTS
    loading = {path: {k: v for k, v in result.items() if k != "axe" and v}
               for path, result in pages.items()}
    loading = {path: found for path, found in loading.items() if found}
    axe = {path: result["axe"] for path, result in pages.items() if result["axe"]}
    assert not loading and not axe, (
        f"console errors or off-site requests: {loading}\n"
        f"serious or critical axe violations: {axe}")


@pytest.mark.parametrize("path", ["", "core-python/memory-management/", "errata/",
                                  "print/cheat-sheets/core-python/"])
def test_dark_scheme_has_no_serious_accessibility_violation(chromium, site_url, path):
    context = chromium.new_context(color_scheme="dark")
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/{path}")
        assert tab.locator("body[data-md-color-scheme='slate']").count() == 1
        assert serious_violations(tab) == []
    finally:
        context.close()


def test_linked_level_tabs_keep_the_chosen_level_across_pages(page, site_url):
    page.goto(f"{site_url}/core-python/memory-management/")
    page.locator(f"label[for='{LEVEL_2}']").click()
    assert page.locator(f"input#{LEVEL_2}").is_checked()
    page.locator("a.md-nav__link[href$='iterators-generators/']").first.click()
    page.wait_for_url("**/core-python/iterators-generators/")
    assert page.locator(f"input#{LEVEL_2}").is_checked()
    page.goto(f"{site_url}/production/docker/")  # a full page load keeps it too
    assert page.locator(f"input#{LEVEL_2}").is_checked()
    assert page.console_errors == []


def test_glossary_abbreviation_shows_a_tooltip(page, site_url):
    page.goto(f"{site_url}/core-python/memory-management/")
    page.locator("abbr", has_text="GC").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert "Garbage Collector" in tooltip.inner_text()


def test_offline_archive_searches_from_the_file_system(chromium, offline_site: Path):
    assert not (offline_site / "core-python/memory-management/index.html").exists()
    context, tab = guarded_page(chromium, ("file://",))
    try:
        tab.goto((offline_site / "index.html").resolve().as_uri())
        tab.click("label.md-search__icon, .md-search__input")
        # The index is read from search_index.js by a worker running in an iframe. Wait until it
        # is ready, then type: Material searches on key events (fill() sends none).
        tab.get_by_text("Type to start searching").wait_for(timeout=15_000)
        tab.locator("input.md-search__input").press_sequentially("weakref", delay=30)
        results = tab.locator(".md-search-result__item")
        results.first.wait_for(timeout=15_000)
        assert any("Memory Management" in t for t in results.all_inner_texts())
        results.filter(has_text="Memory Management").first.locator("a").first.click()
        tab.wait_for_url("**/core-python/memory-management.html*")
        assert tab.offsite == [] and tab.console_errors == []
    finally:
        context.close()

"""The built site in a real browser: loads cleanly, stays on localhost, searches, deep-links."""

from __future__ import annotations

import pytest
from browser import requires_chromium

pytestmark = [pytest.mark.browser, requires_chromium]


@pytest.fixture
def page(chromium, site_url):
    """A fresh page that records console errors and blocks (and records) any off-site request."""
    context = chromium.new_context()
    tab = context.new_page()
    tab.console_errors = []
    tab.offsite = []
    tab.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))

    def guard(route):
        if route.request.url.startswith(site_url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            tab.offsite.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield tab
    context.close()


def test_home_page_loads_cleanly_and_offline(page, site_url):
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    assert "Backend Interview Handbook" in page.title()
    assert page.console_errors == []
    assert page.offsite == []


def test_search_for_weakref_finds_memory_management(page, site_url):
    page.goto(site_url + "/")
    page.click("label.md-search__icon, .md-search__input")
    page.fill("input.md-search__input", "weakref")
    page.press("input.md-search__input", "End")  # Material searches on key events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    titles = results.all_inner_texts()
    assert any("Memory Management" in text for text in titles), titles


def test_level_tab_deep_link_selects_that_tab(page, site_url):
    anchor = "explained-by-level-level-3-deep-internals"
    page.goto(f"{site_url}/core-python/memory-management/#{anchor}")
    page.wait_for_load_state("networkidle")
    assert page.locator(f"input#{anchor}").is_checked()
    assert page.get_by_text("pymalloc, a specialized").first.is_visible()
    assert page.console_errors == []

"""Pay only for what a page uses: what chromium transfers on a first visit (empty cache), served
with gzip as any static host serves the published site.

- A topic page stays within 500 KB transferred, the search index excluded (Material's search
  worker fetches it in the background for the search box, once per visit of the site).
- The diagram library (mermaid.min.js, 3.5 MB) is fetched only by pages that draw a diagram, and
  there it renders them (from the vendored copy, never a CDN).
- The whole-handbook printable page opens light and loads each module's printable page in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import requires_chromium, serve

pytestmark = [pytest.mark.browser, requires_chromium]

BUDGET = 500 * 1024
TOPICS = ["core-python/memory-management/", "concurrency/gil/", "dsa-patterns/two-pointers/",
          "backend-systems/postgresql/", "production/docker/", "communication/star-framework/"]
DIAGRAM_PAGE = "machine-coding/url-shortener/"
MERMAID = "/assets/javascripts/mermaid.min.js"


@pytest.fixture(scope="module")
def gzip_url(built_site: Path) -> Iterator[str]:
    with serve(built_site, compress=True) as url:
        yield url


def first_visit(chromium, url: str) -> tuple[int, int, list[str], object, object]:
    """(bytes transferred, bytes uncompressed, URLs fetched, page, context) of a first visit;
    the search index is left out of both counts."""
    context = chromium.new_context()
    tab = context.new_page()
    finished: list = []
    tab.on("requestfinished", lambda request: finished.append(request))
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    wire = raw = 0
    for request in finished:
        if "search_index" in request.url:
            continue
        sizes = request.sizes()
        wire += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        response = request.response()
        raw += len(response.body()) if response and response.status == 200 else 0
    return wire, raw, [r.url for r in finished], tab, context


@pytest.mark.parametrize("path", TOPICS)
def test_a_topic_page_first_visit_stays_within_the_budget(chromium, gzip_url, path):
    wire, raw, urls, _, context = first_visit(chromium, f"{gzip_url}/{path}")
    context.close()
    print(f"\n{path}: {wire / 1024:.0f} KB transferred, {raw / 1024:.0f} KB uncompressed")
    assert not [u for u in urls if u.endswith(MERMAID)], "no diagram here, no diagram library"
    assert not [u for u in urls if u.endswith("question-bank.json")], \
        "the questions on a page carry their ids: the bank is not fetched"
    assert wire <= BUDGET, f"{path}: {wire / 1024:.0f} KB transferred > {BUDGET // 1024} KB"


def test_home_and_study_pages_do_not_fetch_the_diagram_library(chromium, gzip_url):
    for path in ["", "study/flashcards/", "print/handbook/", "question-bank/"]:
        wire, _, urls, _, context = first_visit(chromium, f"{gzip_url}/{path}")
        context.close()
        assert not [u for u in urls if u.endswith(MERMAID)], path
        assert wire <= BUDGET, f"/{path}: {wire / 1024:.0f} KB transferred"


def test_a_page_with_diagrams_loads_the_library_and_renders_them(chromium, gzip_url):
    _, _, urls, tab, context = first_visit(chromium, f"{gzip_url}/{DIAGRAM_PAGE}")
    assert [u for u in urls if u.endswith(MERMAID)]
    tab.wait_for_function("document.querySelectorAll('.md-content div.mermaid').length > 0"
                          " && !document.querySelector('.md-content pre.mermaid')",
                          timeout=20_000)
    assert tab.evaluate("typeof mermaid.mermaidAPI") == "object"  # the real library, not the stub
    # Instant navigation to another diagram page renders there too, without a second fetch.
    fetched = len([u for u in urls if u.endswith(MERMAID)])
    tab.evaluate("location.hash = ''")
    link = tab.locator(".md-nav--primary a[href$='rate-limiter/']").first
    link.click()
    tab.wait_for_url("**/machine-coding/rate-limiter/")
    tab.wait_for_function("document.querySelectorAll('.md-content div.mermaid').length > 0",
                          timeout=20_000)
    assert len([u for u in urls if u.endswith(MERMAID)]) == fetched
    context.close()


def test_the_printable_handbook_loads_its_modules_in_place(chromium, gzip_url):
    wire, _, _, tab, context = first_visit(chromium, f"{gzip_url}/print/handbook/")
    assert wire <= BUDGET
    modules = tab.locator(".study-print-module")
    assert modules.count() == 7
    tab.get_by_role("button", name="Load every module").click()
    tab.get_by_text("Every module is on this page").wait_for(timeout=120_000)
    assert tab.locator(".study-print-module[data-print-loaded]").count() == 7
    assert tab.locator("#what-interviewers-actually-ask").count() > 0
    tab.wait_for_function("document.querySelectorAll('.study-print-module div.mermaid').length"
                          " > 0", timeout=60_000)
    context.close()

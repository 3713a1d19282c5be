"""Search finds the concept: every query in search_queries.tsv, typed into the site's search
as a candidate would, must list its expected page among the first three results."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser, requires_chromium, serve

pytestmark = [pytest.mark.browser, requires_chromium]
QUERIES = [
    tuple(line.split("\t"))
    for line in (Path(__file__).parent / "search_queries.tsv").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]


def top_pages(page, query: str) -> list[str]:
    """The first three distinct pages among the results, in order (results list sections,
    grouped by page)."""
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material searches on key events
    page.wait_for_timeout(300)  # let the search worker's answer to the last key land
    meta = page.text_content(".md-search-result__meta") or ""
    if "matching document" not in meta.lower():
        return []
    paths = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname)",
    )
    distinct = list(dict.fromkeys(path.lstrip("/") for path in paths))
    return distinct[:3]


def test_every_concept_query_finds_its_page(built_site: Path):
    assert len(QUERIES) >= 120
    misses, top1 = [], 0
    with serve(built_site) as url, browser() as chromium:
        page = chromium.new_page()
        page.goto(url + "/")
        page.click(".md-search__input")
        page.fill("input.md-search__input", "python")
        page.press("input.md-search__input", "End")
        page.wait_for_selector(".md-search-result__item")  # the index is loaded
        for query, expected in QUERIES:
            found = top_pages(page, query)
            top1 += bool(found) and found[0] == expected
            if expected not in found:
                misses.append(f"{query!r}: expected {expected}, got {found}")
    total = len(QUERIES)
    print(f"\nsearch: top-1 {top1}/{total} = {top1 / total:.0%}, "
          f"top-3 {total - len(misses)}/{total} = {(total - len(misses)) / total:.0%}")
    assert not misses, "\n".join(misses)

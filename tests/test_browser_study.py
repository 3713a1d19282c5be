"""The study tools in chromium: known / review marks that survive a reload and show on the Progress
page, export then import into a fresh browser, Markdown links copied from headings and tabs, tab
deep links, and the Flashcards drill. Each test starts from a fresh browser context (empty
localStorage) and ends with a clean console and no request off the site."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from browser import guarded_page, requires_chromium
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, requires_chromium]

PAGE = "/core-python/memory-management/"
TITLE = "Memory Management, Garbage Collection & References"
STORE = "handbook-study:v1"
LEVEL_2 = "explained-by-level-level-2-strong-candidate"
LEVEL_3 = "explained-by-level-level-3-deep-internals"
MITIGATION = "mitigating-strategy-for-worker-pools"  # a section with text of its own

# Records what the page copies instead of touching the system clipboard.
CLIPBOARD_STUB = """
window.__copied = [];
window.__codeCopied = [];  // Material's code copy button goes through execCommand("copy")
document.addEventListener("copy", () => {
  const t = document.activeElement;
  window.__codeCopied.push(t && "value" in t ? t.value.slice(t.selectionStart, t.selectionEnd)
                                             : String(getSelection()));
}, true);
Object.defineProperty(navigator, "clipboard", {configurable: true, value: {
  writeText: (text) => { window.__copied.push(text); return Promise.resolve(); },
}});
"""


@pytest.fixture(scope="module")
def site_url_config(built_site: Path) -> str:
    """The configured site_url, as Material wrote it into the canonical link."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    start = html.index('<link rel="canonical" href="') + len('<link rel="canonical" href="')
    return html[start:html.index('"', start)]


@pytest.fixture(scope="module")
def search_sections(built_site: Path) -> dict[str, int]:
    """How many sections (headings and Level tabs with an anchor) each module has in the search
    index; container headings (no text of their own, or only their questions) are not sections."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        body = doc.get("text", "").strip()
        if not body or body.startswith("Q:"):
            continue
        if anchor and "/" in page and doc["location"] not in seen:
            seen.add(doc["location"])
            counts[page.split("/")[0]] = counts.get(page.split("/")[0], 0) + 1
    return counts


@pytest.fixture
def fresh(chromium, site_url):
    """Opens pages in new, independent browser contexts; each records console errors and
    aborts (and records) any request off the site."""
    contexts = []

    def open_page():
        context, tab = guarded_page(chromium, (site_url,), init_script=CLIPBOARD_STUB,
                                    viewport={"width": 1280, "height": 900},
                                    accept_downloads=True)
        contexts.append(context)
        return tab

    yield open_page
    for context in contexts:
        context.close()


def clean(tab) -> None:
    assert tab.console_errors == []
    assert tab.offsite == []


def stored(tab) -> dict:
    return json.loads(tab.evaluate(f"localStorage.getItem('{STORE}') || '{{}}'"))


def progress_row(tab, module: str) -> dict[str, int]:
    row = tab.locator(f"#study-progress tr[data-module='{module}']")
    row.wait_for()
    return {cell.get_attribute("data-count"): int(cell.inner_text())
            for cell in row.locator("td[data-count]").all()}


def test_a_section_marked_known_survives_a_reload_and_counts_on_progress(
        fresh, site_url, search_sections):
    tab = fresh()
    tab.goto(site_url + PAGE)
    known = tab.locator("#common-traps .study-btn[data-action='known']")
    assert known.get_attribute("aria-pressed") == "false"
    known.click()
    assert known.get_attribute("aria-pressed") == "true"

    tab.reload()
    known = tab.locator("#common-traps .study-btn[data-action='known']")
    assert known.get_attribute("aria-pressed") == "true"
    entry = stored(tab)["entries"]["core-python/memory-management#common-traps"]
    assert entry["status"] == "known"
    assert entry["title"] == f"{TITLE} › Common traps"

    tab.goto(site_url + "/study/progress/")
    counts = progress_row(tab, "core-python")
    assert counts["sections-known"] == 1
    assert counts["sections-review"] == 0
    assert counts["sections-left"] == search_sections["core-python"] - 1
    assert progress_row(tab, "concurrency")["sections-known"] == 0
    # What is left links to the other sections, not to the known one.
    left = tab.locator("#progress-core-python details.study-left")
    assert left.locator("[data-study-id='core-python/memory-management#common-traps']").count() == 0
    left.locator("summary").click()
    link = left.locator("[data-study-id='core-python/memory-management#weak-references'] a")
    link.click()  # instant navigation: the controls come back through document$
    tab.wait_for_url("**/core-python/memory-management/#weak-references")
    heading = tab.locator("#weak-references")
    heading.locator(".study-btn[data-action='known']").wait_for()
    # The heading sits in the Level 2 tab: following its link selects that tab.
    assert tab.locator(f"input#{LEVEL_2}").is_checked()
    assert heading.is_visible() and heading.evaluate("h => h.getBoundingClientRect().top") < 450
    assert tab.locator("#common-traps .study-btn[data-action='known']"
                       ).get_attribute("aria-pressed") == "true"
    clean(tab)


def test_known_per_level_tab_and_container_headings_are_not_sections(fresh, site_url):
    tab = fresh()
    tab.goto(site_url + PAGE)
    # Each Level tab has its own mark; marking Level 2 leaves Levels 1 and 3 unmarked.
    tab.locator(f"label[for='{LEVEL_2}']").click()
    level_2 = tab.locator(f".study-btn[data-action='known'][data-study-id="
                          f"'core-python/memory-management#{LEVEL_2}']")
    level_2.click()
    assert level_2.get_attribute("aria-pressed") == "true"
    level_3 = tab.locator(f".study-btn[data-action='known'][data-study-id="
                          f"'core-python/memory-management#{LEVEL_3}']")
    assert level_3.get_attribute("aria-pressed") == "false"
    # Container headings keep their copy-link button but carry no marks of their own.
    for container in ("explained-by-level", "interview-reality", "follow-up-questions",
                      "production-thinking"):
        heading = tab.locator(f"#{container}")
        assert heading.locator(".study-btn--copy").count() == 1, container
        assert heading.locator(".study-btn[data-action='known']").count() == 0, container
    assert tab.locator("#common-traps .study-btn[data-action='known']").count() == 1
    # Each follow-up question has its own anchor and its own mark.
    question = tab.locator("details.question[id^='q-']").first
    assert question.locator(".study-btn[data-action='known']").count() == 1
    entry = stored(tab)["entries"][f"core-python/memory-management#{LEVEL_2}"]
    assert entry["status"] == "known"

    tab.goto(site_url + "/study/progress/")
    assert progress_row(tab, "core-python")["sections-known"] == 1
    left = tab.locator("#progress-core-python details.study-left")
    for gone in (LEVEL_2, "explained-by-level", "interview-reality", "follow-up-questions"):
        selector = f"[data-study-id='core-python/memory-management#{gone}']"
        assert left.locator(selector).count() == 0, gone
    assert left.locator(f"[data-study-id='core-python/memory-management#{LEVEL_3}']").count() == 1
    clean(tab)


def test_export_then_import_into_a_fresh_browser_restores_the_same_state(
        fresh, site_url, site_url_config, tmp_path):
    first = fresh()
    first.goto(site_url + PAGE)
    first.locator("#strong-candidate-answer .study-btn[data-action='review']").click()
    first.locator(f"#{MITIGATION} .study-btn[data-action='note']").click()
    note = "Remember: tracemalloc snapshots, then max_tasks_per_child."
    first.locator(f"#{MITIGATION} + .study-note textarea").fill(note)
    first.locator(f"#{MITIGATION} + .study-note button", has_text="Close").click()
    question = first.locator("details.question").first
    question.locator(":scope > summary").click()
    question.locator(".study-qbar .study-btn[data-action='known']").click()
    assert question.locator(".study-chip").inner_text() == "Known"
    state = stored(first)
    assert len(state["entries"]) == 3
    assert any(key.startswith("q:") for key in state["entries"])

    first.goto(site_url + "/study/progress/")
    first.locator("#study-progress table").wait_for()
    with first.expect_download() as download:
        first.get_by_role("button", name="Export progress and notes (JSON)").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    data = json.loads(exported.read_text("utf-8"))
    assert data["format"] == "backend-interview-handbook/study" and data["version"] == 1
    assert data["entries"] == state["entries"]

    with first.expect_download() as download:
        first.get_by_role("button", name="Export notes (Markdown)").click()
    notes = Path(download.value.path()).read_text("utf-8")
    link = (f"[{TITLE} › Mitigating strategy for worker pools]"
            f"({site_url_config}core-python/memory-management/#{MITIGATION})")
    assert f"### {link}\n\n{note}\n" in notes
    clean(first)

    second = fresh()
    second.goto(site_url + PAGE)
    second.locator("#what-interviewers-actually-ask .study-btn[data-action='known']").click()
    second.goto(site_url + "/study/progress/")
    second.locator("#study-data input[type='file']").set_input_files(exported)
    second.get_by_role("button", name="Import", exact=True).click()  # merge is the default
    second.get_by_text("merged with what was here").wait_for()
    merged = stored(second)["entries"]
    mine = "core-python/memory-management#what-interviewers-actually-ask"
    assert set(merged) == set(state["entries"]) | {mine}
    assert progress_row(second, "core-python")["sections-known"] == 1  # redrawn after import

    second.locator("#study-data input[value='replace']").check()
    second.get_by_role("button", name="Import", exact=True).click()
    second.get_by_text("replaced what was here").wait_for()
    assert stored(second)["entries"] == state["entries"]
    counts = progress_row(second, "core-python")
    assert (counts["sections-known"], counts["sections-review"]) == (0, 1)
    assert counts["questions-known"] == 1

    second.goto(site_url + PAGE)
    assert second.locator("#strong-candidate-answer .study-btn[data-action='review']"
                          ).get_attribute("aria-pressed") == "true"
    second.locator(f"#{MITIGATION} .study-btn[data-action='note']").click()
    assert second.locator(f"#{MITIGATION} + .study-note textarea").input_value() == note
    clean(second)


def test_copy_link_gives_a_markdown_link_with_the_exact_anchor(fresh, site_url, site_url_config):
    tab = fresh()
    tab.goto(site_url + PAGE)
    tab.get_by_role("button", name="Copy link to “Common traps”").click()
    tab.locator(f"label[for='{LEVEL_3}']").click()
    tab.get_by_role("button", name="Copy link to tab “Level 3 — Deep Internals”").click()
    copied = tab.evaluate("window.__copied")
    page_url = f"{site_url_config}core-python/memory-management/"
    assert copied == [
        f"[{TITLE} › Common traps]({page_url}#common-traps)",
        f"[{TITLE} › Level 3 — Deep Internals]({page_url}#{LEVEL_3})",
    ]
    clean(tab)


def test_a_tab_link_opens_that_tab_scrolled_into_view(fresh, site_url):
    tab = fresh()
    tab.goto(f"{site_url}{PAGE}#{LEVEL_3}")
    tab.wait_for_load_state("networkidle")
    assert tab.locator(f"input#{LEVEL_3}").is_checked()
    tab.wait_for_function(
        """id => {
            const top = document.getElementById(id).closest('.tabbed-set')
                .getBoundingClientRect().top;
            return top >= 0 && top < innerHeight / 2;
        }""", arg=LEVEL_3, timeout=5_000)
    clean(tab)


def test_flashcards_reveal_an_answer_and_known_updates_progress(fresh, site_url):
    tab = fresh()
    tab.goto(site_url + "/study/flashcards/")
    tab.locator("#study-flashcards select[name='module']").select_option("core-python")
    assert "module=core-python" in tab.url
    card = tab.locator(".study-fc__card")
    question_id = card.get_attribute("data-question-id")
    answer = card.locator(".study-fc__answer")
    assert answer.is_hidden()
    tab.get_by_role("button", name="Reveal answer").click()
    assert answer.is_visible() and answer.inner_text().strip()
    source = card.locator("a[data-action='source']").get_attribute("href")
    assert source.startswith(site_url + "/core-python/") and "#" in source
    counter = tab.locator(".study-fc__counter")
    assert counter.get_attribute("data-known") == "0"
    card.get_by_role("button", name="Known").click()
    assert counter.get_attribute("data-known") == "1"
    assert card.get_attribute("data-question-id") != question_id  # next card
    assert stored(tab)["entries"][f"q:{question_id}"]["status"] == "known"

    tab.goto(site_url + "/study/progress/")
    assert progress_row(tab, "core-python")["questions-known"] == 1
    clean(tab)


def test_the_answer_renderer_escapes_html_and_rewrites_site_links(fresh, site_url):
    tab = fresh()
    tab.goto(site_url + "/study/flashcards/")
    html = tab.evaluate("""() => HandbookStudy.renderMarkdown(
        '<img src=x onerror=alert(1)> **bold** `a<b>` [evil](javascript:alert(1)) ' +
        '[GIL](concurrency/gil.md#interview-reality)\\n\\n- one\\n- two\\n\\n```py\\n<x>\\n```')""")
    assert "<img" not in html and "javascript:" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<strong>bold</strong>" in html and "<code>a&lt;b&gt;</code>" in html
    assert f'<a href="{site_url}/concurrency/gil/#interview-reality">GIL</a>' in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert "<pre><code>&lt;x&gt;</code></pre>" in html
    clean(tab)


PUBLISHED = "https://backend-interview-handbook.github.io/"  # mkdocs.yml's default site_url


def test_site_url_is_the_published_address_never_localhost(site_url_config):
    assert site_url_config.startswith("https://") and "127.0.0.1" not in site_url_config
    assert "localhost" not in site_url_config


def published_context(chromium, site_url: str, published: str):
    """A fresh browser in which the published address is answered by the served site (as if
    the link were pasted into a note app and opened)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})

    def relay(route):
        local = site_url + "/" + route.request.url[len(published):]
        try:
            route.fulfill(response=route.fetch(url=local))
        except PlaywrightError as error:
            # The page moved on (a click navigated, the test closed it) while this request was
            # relayed: seen at load 12 on Debian testing. A page that needed it fails the test.
            if "disposed" not in str(error) and "closed" not in str(error):
                raise

    context.route(published + "**", relay)
    context.route(lambda url: not url.startswith((published, "data:", "blob:")),
                  lambda route: route.abort())
    return context


def test_a_copied_link_pasted_into_a_fresh_browser_opens_the_section_and_tab(
        fresh, chromium, site_url, site_url_config):
    tab = fresh()
    tab.goto(site_url + PAGE)
    tab.locator(f"label[for='{LEVEL_3}']").click()
    tab.get_by_role("button", name="Copy link to tab “Level 3 — Deep Internals”").click()
    tab.locator(f"label[for='{LEVEL_2}']").click()
    tab.get_by_role("button", name="Copy link to “Weak references”").click()
    question = tab.locator("details.question").first
    question.locator(":scope > summary").click()
    question.locator(".study-qbar .study-btn--copy").click()
    copied = tab.evaluate("window.__copied")
    urls = [text[text.rindex("](") + 2 : -1] for text in copied]
    assert all(u.startswith(site_url_config) for u in urls), urls
    assert urls[2].startswith(f"{site_url_config}core-python/memory-management/#q-")
    clean(tab)

    context = published_context(chromium, site_url, site_url_config)
    reader = context.new_page()
    reader.goto(urls[0])  # the Level 3 tab
    reader.wait_for_load_state("networkidle")
    assert reader.locator(f"input#{LEVEL_3}").is_checked()
    reader.goto("about:blank")
    reader.goto(urls[1])  # a heading inside the Level 2 tab
    reader.wait_for_load_state("networkidle")
    assert reader.locator(f"input#{LEVEL_2}").is_checked()
    reader.wait_for_function("""() => {
        const top = document.getElementById('weak-references').getBoundingClientRect().top;
        return top >= 0 && top < innerHeight / 2; }""", timeout=5_000)
    reader.goto("about:blank")
    reader.goto(urls[2])  # one follow-up question, opened
    anchor = urls[2].split("#", 1)[1]
    reader.wait_for_function(f"document.getElementById('{anchor}').open", timeout=5_000)
    context.close()


def test_the_offline_copy_copies_the_published_links(chromium, offline_site, site_url_config):
    context = chromium.new_context()
    context.add_init_script(CLIPBOARD_STUB)
    context.route(lambda url: not url.startswith(("file:", "data:", "blob:")),
                  lambda route: route.abort())
    tab = context.new_page()
    tab.goto((offline_site / "core-python" / "memory-management.html").as_uri())
    tab.get_by_role("button", name="Copy link to “Common traps”").click()
    tab.locator(f"label[for='{LEVEL_3}']").click()
    tab.get_by_role("button", name="Copy link to tab “Level 3 — Deep Internals”").click()
    page_url = f"{site_url_config}core-python/memory-management/"
    assert tab.evaluate("window.__copied") == [
        f"[{TITLE} › Common traps]({page_url}#common-traps)",
        f"[{TITLE} › Level 3 — Deep Internals]({page_url}#{LEVEL_3})",
    ]
    context.close()


def test_csv_and_anki_sources_link_to_the_published_site(built_site: Path, site_url_config):
    import csv
    import sqlite3
    import tempfile
    import zipfile

    rows = list(csv.DictReader((built_site / "question-bank.csv").open(encoding="utf-8")))
    assert rows and all(r["link"].startswith(site_url_config) for r in rows)
    assert not [r["link"] for r in rows if ".html" in r["link"] or "//#" in r["link"]]
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(built_site / "question-bank.apkg") as deck:
            deck.extract("collection.anki2", tmp)
        notes = sqlite3.connect(Path(tmp) / "collection.anki2").execute(
            "select flds from notes").fetchall()
    sources = [flds.split("\x1f")[2] for (flds,) in notes]
    assert len(sources) == len(rows)
    assert all(f'<a href="{site_url_config}' in s for s in sources)


def test_the_code_copy_button_copies_the_whole_file_and_the_setup_opens_in_place(
        fresh, site_url):
    from conftest import ROOT

    from handbook_verify.render import runnable_text

    # The page shows the lesson; the hidden setup (a stderr-capturing helper) is in the copy.
    sample = "core-python/memory-management/pymalloc_arenas.py"
    full = runnable_text((ROOT / "snippets" / sample).read_text("utf-8")).rstrip("\n")
    tab = fresh()
    tab.goto(site_url + PAGE)
    tab.locator(f"label[for='{LEVEL_3}']").click()
    block = tab.locator(f".sample-runnable[data-sample='{sample}']").first
    assert "def allocator_stats" not in block.locator("code").inner_text()
    block.locator("pre").hover()
    block.locator("button[data-md-type='copy']").click()
    tab.wait_for_function("window.__codeCopied.length > 0")
    assert tab.evaluate("window.__codeCopied") == [full]
    setup = tab.locator(".sample-file details").filter(has_text="pymalloc_arenas.py").first
    setup.locator("summary").click()
    assert "def allocator_stats" in setup.locator("code").inner_text()
    clean(tab)


TOOLS = {"Question bank": "question-bank/", "Flashcards": "study/flashcards/",
         "Progress": "study/progress/", "Cheat sheets": "study/cheat-sheets/",
         "Offline copy": "study/cheat-sheets/#offline-copy", "Glossary": "glossary/"}


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900},
                                      {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_home_is_the_front_door_to_the_study_tools(chromium, site_url, viewport):
    context = chromium.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(site_url + "/")
    for name, href in TOOLS.items():
        link = tab.locator(".md-content .home-tools a", has_text=name).first
        assert link.is_visible(), name
        # Material's instant navigation makes links absolute
        assert link.get_attribute("href") in (href, f"{site_url}/{href}"), name
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], name
    context.close()


def test_flashcard_keys_n_and_a_before_reveal(fresh, site_url):
    tab = fresh()
    tab.goto(site_url + "/study/flashcards/")
    card = tab.locator(".study-fc__card")
    first = card.get_attribute("data-question-id")
    tab.locator("body").press("n")  # the next card, not Material's next page
    assert tab.url.startswith(site_url + "/study/flashcards/")
    second = card.get_attribute("data-question-id")
    assert second != first
    tab.locator("body").press("p")
    assert card.get_attribute("data-question-id") == first
    tab.locator("body").press("a")  # "again" without revealing first
    assert stored(tab)["entries"][f"q:{first}"]["status"] == "review"
    assert card.get_attribute("data-question-id") != first
    kinds = tab.locator("#study-flashcards select[name='kind'] option").all_inner_texts()
    assert {"Design prompt", "Communication", "Follow-up"} <= set(kinds)
    clean(tab)


def test_flashcards_filter_by_the_level_a_question_draws_on(fresh, site_url, built_site):
    """Levels 1–3 are offered and each gives cards of that level only (the Level tab the answer
    draws on: handbook_site/question_bank.py), combined with the module and kind filters."""
    bank = json.loads((built_site / "question-bank.json").read_text("utf-8"))
    tab = fresh()
    tab.goto(site_url + "/study/flashcards/?show=all")
    level = tab.locator("#study-flashcards select[name='level']")
    expect(level.locator("option")).to_have_text(["All levels", "Level 1", "Level 2", "Level 3"])
    card = tab.locator(".study-fc__card")
    counter = tab.locator(".study-fc__counter")
    for name in ("Level 1", "Level 2", "Level 3"):
        level.select_option(name)
        expected = [q for q in bank if q["level"] == name]
        assert len(expected) >= 3, f"{name}: only {len(expected)} questions"
        expect(counter).to_contain_text(f"of {len(expected)} ·")
        seen = set()
        for _ in range(min(5, len(expected))):
            expect(card.locator(".study-fc__meta")).to_contain_text(name)
            seen.add(card.get_attribute("data-question-id"))
            tab.locator("body").press("n")
        assert seen <= {q["id"] for q in expected}
    expect(tab).to_have_url(re.compile(r"level=Level(\+|%20)3"))
    tab.locator("#study-flashcards select[name='module']").select_option("production")
    both = [q for q in bank if q["level"] == "Level 3" and q["page"].startswith("production/")]
    expect(counter).to_contain_text(f"of {len(both)} ·")
    tab.reload()  # the choice survives in the URL
    expect(level).to_have_value("Level 3")
    clean(tab)


def test_on_a_phone_every_level_tab_is_in_view_and_code_needs_no_sideways_swipe(
        chromium, site_url):
    context = chromium.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    tab = context.new_page()
    tab.goto(site_url + PAGE)
    labels = tab.locator(".tabbed-set").first.locator(".tabbed-labels > label")
    assert labels.count() == 3
    for label in labels.all():
        box = label.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
    labels.nth(2).click()
    assert tab.locator(f"input#{LEVEL_3}").is_checked()
    wide = tab.evaluate("""() => [...document.querySelectorAll('.md-content pre > code')]
        .filter(c => c.offsetParent && c.scrollWidth > c.clientWidth + 1).length""")
    assert wide == 0
    context.close()


def test_a_sample_shown_as_a_mistake_says_so(chromium, site_url, built_site):
    html = (built_site / "production" / "docker" / "index.html").read_text("utf-8")
    if "verify-result" not in html:
        pytest.skip("this build shows no verification results (HANDBOOK_VERIFY=0, empty cache)")
    context = chromium.new_context()
    tab = context.new_page()
    tab.goto(site_url + "/production/docker/")
    flawed = tab.locator(".verify-mistake").first
    assert "Verified: shows the mistake" in flawed.inner_text()
    assert "DL3042" in flawed.inner_text()
    context.close()


def test_status_icons_need_no_emoji_font(built_site):
    for page in ["verification/index.html", "index.html", "production/docker/index.html"]:
        text = (built_site / page).read_text("utf-8")
        assert not [c for c in "✅☑❌✔✓" if c in text], page


def test_a_practice_notebook_page_links_its_download(chromium, site_url):
    context = chromium.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(site_url + "/dsa-patterns/practice/two-pointers/")
    link = tab.locator(".notebook-download a[download]")
    assert link.get_attribute("href").endswith("practice/two-pointers/two-pointers.ipynb")
    with tab.expect_download() as download:
        link.click()
    notebook = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert notebook["nbformat"] == 4 and notebook["cells"]
    context.close()


CHEAT_SHEET_PAGES = 4  # A4 pages a module's cheat sheet may take when printed


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF: its /Type /Page objects (not the /Pages tree nodes)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def test_every_cheat_sheet_prints_on_four_a4_pages_and_links_every_topic(chromium, site_url):
    """Printed from chromium as a reader would (A4, print media): at most four pages per module,
    every topic of the module on it with a working link to its page (the PDF's link
    annotations), text no smaller than 9 pt, and no code cut off at a column's edge."""
    from test_site_pages import MODULES, topics

    tab = chromium.new_page()
    found = {}
    try:
        for module in MODULES:
            tab.goto(f"{site_url}/print/cheat-sheets/{module}/")
            tab.emulate_media(media="print")
            pdf = tab.pdf(format="A4")
            found[module] = pdf_pages(pdf)
            links = {unquote(u.decode()) for u in re.findall(rb"/URI \(([^)]*)\)", pdf)}
            for topic in topics(module):
                assert f"{site_url}/{topic.removesuffix('.md')}/" in links, \
                    f"{topic} is not linked from the printed {module} cheat sheet"
            small, cut = tab.evaluate("""() => {
                const sheet = document.querySelector('.study-cheat');
                const small = [...sheet.querySelectorAll('p, li, code, a, h2, h3')]
                    .filter(e => e.offsetParent && parseFloat(getComputedStyle(e).fontSize) < 12)
                    .map(e => e.textContent.slice(0, 40));
                const cut = [...sheet.querySelectorAll('pre, pre > code')]
                    .filter(e => e.scrollWidth > e.clientWidth + 1)
                    .map(e => e.textContent.slice(0, 40));
                return [small, cut];
            }""")
            assert small == [], f"{module}: text under 9 pt (12 px): {small[:5]}"
            assert cut == [], f"{module}: code wider than its column: {cut[:5]}"
    finally:
        tab.close()
    over = {m: n for m, n in found.items() if n > CHEAT_SHEET_PAGES}
    assert not over, f"cheat sheets over {CHEAT_SHEET_PAGES} A4 pages: {over} (all: {found})"

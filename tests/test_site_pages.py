"""The generated study pages and downloads in the built site, and every internal link of it.

No browser: cheat sheets and printable pages per module, the question bank's CSV and Anki deck,
the tags index, the offline configuration, and links/anchors checked with the stdlib HTML parser.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import sys
import tempfile
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import ROOT
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from handbook_site.study_pages import MODULES

LEVEL_1_TAB = "explained-by-level-level-1-must-know"


class Html(HTMLParser):
    """Ids, link targets and visible text of one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.sections: list[str] = []  # ids of headings and of Level tabs
        self.links: list[str] = []
        self.words: list[str] = []
        self._skip = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(found["id"])
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "input"):
                self.sections.append(found["id"])
        if tag == "a" and found.get("name"):
            self.ids.append(found["name"])
        for key in ("href", "src"):
            if found.get(key) and not (tag == "link" and found.get("rel") == "canonical"):
                self.links.append(found[key])
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.words += data.split()

    @property
    def text(self) -> str:
        return " ".join(self.words)


def text(html: str) -> str:
    return Html(html).text


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def topics(module: str) -> list[str]:
    """Topic pages of a module, in nav order (from mkdocs.yml, as the hook reads them)."""
    with open(ROOT / "mkdocs.yml") as file:
        config = yaml_load(file)
    (pages,) = [p for item in config["nav"] if isinstance(item, dict)
                for p in item.values() if isinstance(p, list) and p[0].startswith(f"{module}/")]
    return [p for p in pages if isinstance(p, str) and not p.endswith("/index.md")]


def url(page_md: str) -> str:
    return page_md.removesuffix(".md")


def first(html: str, after: str, tag: str) -> str:
    """Text of the first <tag> element after `after` in the page, or ''."""
    start = html.find(after)
    match = re.search(rf"<{tag}[ >].*?</{tag}>", html[start:], re.S) if start >= 0 else None
    return text(match.group(0)) if match else ""


# -- cheat sheets and printable pages ---------------------------------------------------------

@pytest.mark.parametrize("module", MODULES)
def test_cheat_sheet_holds_level_1_and_traps_of_every_topic(built_site: Path, module: str):
    """Each topic with a link to its page and to its Level 1 tab (the tab's points, one line
    each: tests/test_site_generators.py), and its traps whole."""
    sheet_html = page(built_site, f"print/cheat-sheets/{module}")
    sheet = text(sheet_html)
    for topic in topics(module):
        html = page(built_site, url(topic))
        title = first(html, '<h1', "h1").removesuffix(" ¶")
        assert title in sheet, f"{topic} is missing from the {module} cheat sheet"
        assert f'href="../../../{url(topic)}/"' in sheet_html, f"{topic} is not linked"
        if f'id="{LEVEL_1_TAB}"' in html:
            assert f'href="../../../{url(topic)}/#{LEVEL_1_TAB}"' in sheet_html, \
                f"Level 1 of {topic} is missing"
        for section in ('id="common-traps"', 'id="common-mistakes"',
                        'id="time-complexity-intuition"', 'id="concurrency-scaling-tradeoffs"'):
            if section in html:
                item = first(html, section, "li")
                assert item in sheet, f"{section} of {topic} is missing: {item[:80]}"


def test_cheat_sheet_keeps_verified_templates_and_rebases_links(built_site: Path):
    html = page(built_site, "print/cheat-sheets/dsa-patterns")
    assert "find_target_pair.py" in html
    if "verify-result" in page(built_site, "dsa-patterns/two-pointers"):  # a verified build
        assert 'class="verify-result verify-passed"' in html  # the template keeps its badge
    assert 'href="../../../dsa-patterns/two-pointers/"' in html
    core = page(built_site, "print/cheat-sheets/core-python")
    assert "pymalloc, a specialized" not in core  # Level 3 stays on the topic page


@pytest.mark.parametrize("module", MODULES)
def test_printable_module_holds_every_topic_with_unique_anchors(built_site: Path, module: str):
    html = page(built_site, f"print/{module}")
    parsed = Html(html)
    duplicates = [i for i, n in Counter(parsed.sections).items() if n > 1]
    assert not duplicates, f"duplicate ids in print/{module}: {duplicates[:10]}"
    for topic in topics(module):
        title = first(page(built_site, url(topic)), "<h1", "h1").removesuffix(" ¶")
        assert title in parsed.text, f"{topic} is missing from print/{module}"
    closed = [c for c, attrs in re.findall(r'<details class="([^"]*)"([^>]*)>', html)
              if "open" not in attrs and "output" not in c]  # outputs stay collapsed
    assert not closed, "collapsed answers are opened for printing"
    levels = len(re.findall(r'id="explained-by-level[^"]*-level-3-deep-internals"', html))
    tabbed = sum(f'id="{LEVEL_1_TAB}"' in page(built_site, url(t)) for t in topics(module))
    assert levels == tabbed, "every topic's Level 3 tab is printed"


def test_printable_handbook_holds_every_module(built_site: Path):
    """Light to open: each module is a placeholder that study.js fills with the module's
    printable page (tests/test_browser_weight.py loads them)."""
    html = page(built_site, "print/handbook")
    assert len(html.encode()) < 200_000, "the modules load in place, not all in the page"
    for module in MODULES:
        overview = first(page(built_site, module), "<h1", "h1").removesuffix(" ¶")
        assert overview in text(html), f"{module} is missing from the printable handbook"
        assert f'data-print-src="{module}"' in html and f'href="../{module}/"' in html
    assert "by Anubhaw" in html  # the author's credit travels with the whole book
    assert not [i for i, n in Counter(Html(html).sections).items() if n > 1]


def test_printable_copies_rank_below_every_topic_in_search(built_site: Path):
    """README "Search ranking": a printable copy keeps only its page top, boosted far below the
    topic pages it copies, so a query finds the topic first unless it names the printable page."""
    index = json.loads((built_site / "search/search_index.json").read_text())
    copies = [d for d in index["docs"] if d["location"].startswith("print/")]
    topic = [d for d in index["docs"] if d["location"].startswith("core-python/memory-management/")]
    assert topic and all("#" not in d["location"] for d in copies)
    assert max(d.get("boost", 1) for d in copies) < min(d.get("boost", 1) for d in topic)


# -- question bank downloads and tags ---------------------------------------------------------

def anki_notes(built_site: Path) -> list[list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(built_site / "question-bank.apkg") as deck:
            deck.extract("collection.anki2", tmp)
        db = sqlite3.connect(Path(tmp) / "collection.anki2")
        try:
            return [row[0].split("\x1f") for row in db.execute("SELECT flds FROM notes")]
        finally:
            db.close()


def same_text(html: str, markdown: str) -> bool:
    """The card's HTML says what the bank's Markdown says (markup aside)."""
    def words(text: str) -> str:
        text = re.sub(r"\]\([^)]*\)", "", re.sub(r"<[^>]+>", "", text))
        import html as html_lib

        return re.sub(r"[\W_]+", "", html_lib.unescape(text)).lower()

    return words(html) == words(markdown)


def test_question_bank_csv_and_anki_deck_hold_every_question(built_site: Path):
    bank = json.loads((built_site / "question-bank.json").read_text())
    questions = [q["question"] for q in bank]
    assert questions
    rows = list(csv.DictReader(io.StringIO((built_site / "question-bank.csv").read_text())))
    assert len(rows) == len(questions)
    assert all(same_text(r["question"], q) for r, q in zip(rows, questions, strict=True))
    fronts = [fields[0] for fields in anki_notes(built_site)]
    assert Counter(fronts) == Counter(r["question"] for r in rows)


def test_anki_and_csv_cards_are_clean_html(built_site: Path):
    """Code as code, admonitions and tabs as labelled text, nothing left as raw Markdown, and a
    link to the section wherever the page shows something the card leaves out."""
    rows = list(csv.DictReader(io.StringIO((built_site / "question-bank.csv").read_text())))
    notes = anki_notes(built_site)
    for fields in [[r["question"], r["answer"]] for r in rows] + [n[:2] for n in notes]:
        for field in fields:
            text = re.sub(r"<(pre|code)>.*?</\1>", "", field, flags=re.S)
            assert "```" not in field and "~~~" not in field, field[:300]
            assert not re.search(r"^\s*(!!!|\?\?\?|===)", text, re.M), field[:300]
            assert "`" not in text, f"raw backticks: {field[:300]}"
            assert "--8<--" not in field and 'href="../' not in field and ".md#" not in field
    pointers = [r for r in rows if "is on the page" in r["answer"]]
    assert pointers and all(r["link"] in r["answer"] for r in pointers)
    assert any("<pre><code" in r["answer"] for r in rows)


def test_machine_coding_and_communication_have_cards(built_site: Path):
    bank = json.loads((built_site / "question-bank.json").read_text())
    by_module = Counter(q["page"].split("/")[0] for q in bank)
    assert by_module["machine-coding"] >= 14  # two design prompts per system
    assert by_module["communication"] >= 8
    kinds = Counter(q["kind"] for q in bank if q["page"].startswith("communication/"))
    assert kinds["Communication"] >= 4 and kinds["Follow-up"] >= 4
    star = next(q for q in bank if q["page"] == "communication/star-framework.md"
                and q["kind"] == "Communication")
    assert "Situation" in star["answer"] and "Result" in star["answer"]


def test_tags_index_lists_tagged_topics(built_site: Path):
    html = page(built_site, "tags")
    assert 'href="../core-python/memory-management/"' in html
    assert re.search(r'id="tag:memory"', html)


def test_each_tag_is_spelled_one_way():
    spellings: dict[str, set[str]] = {}
    for path in (ROOT / "docs").rglob("*.md"):
        for tag in get_data(path.read_text(encoding="utf-8"))[1].get("tags") or []:
            spellings.setdefault(tag.casefold(), set()).add(tag)
    assert not {k: v for k, v in spellings.items() if len(v) > 1}, "one tag index entry each"


@pytest.mark.parametrize("module", MODULES)
def test_topic_pages_carry_tags(module: str):
    for topic in topics(module):
        source = (ROOT / "docs" / topic).read_text(encoding="utf-8")
        assert re.match(r"---\n.*?^tags:\n\s+- ", source, re.S | re.M), f"{topic} has no tags"


def test_offline_config_differs_only_where_it_must():
    with open(ROOT / "mkdocs.yml") as main_file, open(ROOT / "mkdocs.offline.yml") as offline_file:
        main, offline = yaml_load(main_file), yaml_load(offline_file)  # follows INHERIT
    def plugins(config: dict) -> dict:  # list form or mapping form, as a mapping
        entries = config["plugins"]
        if isinstance(entries, dict):
            return {name: cfg or {} for name, cfg in entries.items()}
        return dict(next(iter(e.items())) if isinstance(e, dict) else (e, {}) for e in entries)

    assert plugins(offline) == {**plugins(main), "offline": {}}
    instant = {"navigation.instant", "navigation.instant.progress"}
    assert offline["theme"]["features"] == [f for f in main["theme"]["features"]
                                            if f not in instant]


# -- every internal link and anchor ----------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(built_site: Path):
    pages = {p.relative_to(built_site).as_posix(): Html(p.read_text(encoding="utf-8"))
             for p in sorted(built_site.rglob("*.html"))}
    broken = []
    for path, parsed in pages.items():
        base = f"http://site/{path}"
        for href in parsed.links:
            target = urlsplit(urljoin(base, href))
            if target.scheme not in ("http", "https") or target.netloc != "site":
                continue
            file = unquote(target.path).lstrip("/")
            if file == "" or file.endswith("/"):
                file += "index.html"
            if not (built_site / file).is_file():
                broken.append(f"{path}: {href} (no {file})")
            elif target.fragment and file.endswith(".html") and \
                    unquote(target.fragment) not in pages[file].ids:
                broken.append(f"{path}: {href} (no #{target.fragment} in {file})")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])


RUNNABLE = re.compile(r'<div class="sample-runnable" data-sample="([^"]+)" data-copy="([^"]*)"')
# Samples that need no service and no third-party package, run as a reader would paste them.
PASTED = ["core-python/memory-management/refcount_basics.py",
          "core-python/memory-management/weakref_cache.py",
          "core-python/iterators-generators/generator_internals.py",
          "core-python/iterators-generators/yield_from_delegation.py",
          "dsa-patterns/two-pointers/find_target_pair.py"]


def copied_blocks(built_site: Path) -> dict[str, str]:
    """What the copy button of each sample shown in part copies (Material copies `data-copy`)."""
    import html as html_lib

    found: dict[str, str] = {}
    for path in sorted(built_site.rglob("*.html")):
        if "print" in path.relative_to(built_site).parts:
            continue
        for sample, copy in RUNNABLE.findall(path.read_text(encoding="utf-8")):
            found[html_lib.unescape(sample)] = html_lib.unescape(copy)
    return found


def test_the_copy_button_copies_the_whole_runnable_file(built_site: Path):
    from handbook_verify.render import runnable_text

    copies = copied_blocks(built_site)
    sectioned = {p.relative_to(ROOT / "snippets").as_posix()
                 for p in (ROOT / "snippets").rglob("*")
                 if p.is_file() and "--8<-- [start:" in p.read_text("utf-8", errors="replace")}
    assert len(copies) > 100 and set(copies) <= sectioned
    for sample, copy in copies.items():
        full = runnable_text((ROOT / "snippets" / sample).read_text("utf-8"))
        assert copy == full.rstrip("\n"), f"{sample}: the copy is not the whole file"
        assert "/// verify" not in copy and "--8<--" not in copy, sample
        if sample.endswith(".py"):
            compile(copy, sample, "exec")  # every copied Python block parses


@pytest.mark.parametrize("sample", PASTED)
def test_a_copied_sample_runs_as_pasted(built_site: Path, tmp_path: Path, sample: str):
    import subprocess

    copy = copied_blocks(built_site)[sample]
    (tmp_path / "pasted.py").write_text(copy + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "pasted.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]

"""Page generation on Markdown strings (no site build): the shared scanner, the errata, the
glossary, and the caches that keep rebuilds fast."""

from __future__ import annotations

import textwrap

from handbook_site import cheat_sheets, glossary, highlight_cache, question_bank
from handbook_site.errata import errata_page, page_errata
from handbook_site.ledger_pages import page_heading, with_check_line
from handbook_site.markdown import page_title, rebase_links, scan

PAGE = textwrap.dedent('''
    # Memory `management`

    ## Explained by level

    === "Level 1 — Must Know"

        Text.

        ### Nested heading

        ```python
        # not a heading
        ```

    === "Level 2 — Strong Candidate"

        !!! erratum "Arenas are 1 MiB"
            The handbook said 256 KiB.
            See [the GIL](../concurrency/gil.md#the-gil).

    ## Explained by level

    ````markdown
    ```
    ## not a heading either
    ```
    ````

    ??? cheat "Template"
        body
''').lstrip()


def test_scanner_reads_headings_tabs_and_admonitions_outside_code_only():
    lines = scan(PAGE)
    headings = [(ln.heading.level, ln.heading.text, ln.heading.anchor)
                for ln in lines if ln.heading]
    assert headings == [(1, "Memory management", "memory-management"),
                        (2, "Explained by level", "explained-by-level"),
                        (3, "Nested heading", "nested-heading"),
                        (2, "Explained by level", "explained-by-level_1")]
    tabs = [ln.tab.anchor for ln in lines if ln.tab]
    # a tab set takes the heading before the set, not one nested in an earlier tab
    assert tabs == ["explained-by-level-level-1-must-know",
                    "explained-by-level-level-2-strong-candidate"]
    kinds = [(ln.admonition.kind, ln.admonition.title, ln.admonition.collapsible)
             for ln in lines if ln.admonition]
    assert kinds == [("erratum", "Arenas are 1 MiB", False), ("cheat", "Template", True)]
    assert page_title(PAGE) == "Memory management"


def test_erratum_names_its_tab_and_its_links_point_from_the_site_root():
    (erratum,) = page_errata("core-python/memory-management.md", PAGE)
    assert erratum.anchor == "explained-by-level-level-2-strong-candidate"
    assert erratum.section == "Explained by level › Level 2 — Strong Candidate"
    assert erratum.page_title == "Memory management"
    page = errata_page([erratum], ["core-python/memory-management.md"])
    assert "**1 errata** on 1 pages" in page
    assert "(concurrency/gil.md#the-gil)" in page
    assert "(core-python/memory-management.md#explained-by-level-level-2-strong-candidate)" in page


def test_rebase_links_keeps_absolute_and_external_links():
    text = "[a](#x) [b](../y.md) [c](https://e.org) [d](/abs)"
    assert rebase_links(text, "m/p.md") == "[a](m/p.md#x) [b](y.md) [c](https://e.org) [d](/abs)"


def test_glossary_feeds_abbr_once_and_lists_singulars():
    source = "*[ABC]: Abstract Base Class — a contract\n*[ABCs]: Abstract Base Classes\n"
    assert glossary.definitions(source) == {"ABC": "Abstract Base Class — a contract",
                                            "ABCs": "Abstract Base Classes"}
    page = glossary.glossary_page(source)
    assert "The 1 abbreviations" in page and ":   **Abstract Base Class** — a contract" in page


def test_highlight_cache_gives_what_pymdownx_gives_with_each_blocks_ids():
    import markdown

    page = "```python\nprint('x')  # a\n```\n\ntext\n\n```python\nprint('x')  # a\n```\n"
    extensions = ["pymdownx.superfences", "pymdownx.highlight"]
    configs = {"pymdownx.highlight": {"anchor_linenums": True, "line_spans": "__span",
                                      "pygments_lang_class": True}}
    plain_html = markdown.markdown(page, extensions=extensions, extension_configs=configs)
    highlight_cache.install()
    before = dict(highlight_cache.stats)
    cached_html = markdown.markdown(page, extensions=extensions, extension_configs=configs)
    assert cached_html == plain_html
    assert 'id="__span-1-1"' in cached_html and 'id="__codelineno-1-1"' in cached_html
    assert highlight_cache.stats["hits"] > before["hits"]


def test_highlight_cache_on_disk_serves_the_next_process(tmp_path, monkeypatch):
    import markdown

    page, extensions = "```python\nprint('disk')\n```\n", ["pymdownx.superfences",
                                                             "pymdownx.highlight"]
    monkeypatch.setattr(highlight_cache, "_cache", {})
    monkeypatch.setattr(highlight_cache, "_disk", {"path": None, "read": False,
                                                   "changed": False})
    highlight_cache.install(tmp_path / "highlight.pickle")
    first = markdown.markdown(page, extensions=extensions)
    highlight_cache.save()
    assert (tmp_path / "highlight.pickle").is_file()
    highlight_cache._cache.clear()  # as in the next process
    highlight_cache._disk["read"] = False
    hits = highlight_cache.stats["hits"]
    assert markdown.markdown(page, extensions=extensions) == first
    assert highlight_cache.stats["hits"] == hits + 1


def test_check_line_goes_under_the_title_not_under_a_code_comment():
    class Item:
        page = "core-python/gil.md"

        @staticmethod
        def totals():
            from collections import Counter
            return Counter({"demonstrated": 2, "advice": 1})

    markdown = "```python\n# not the title\n```\n\n# The GIL\n\nText."
    assert page_heading(markdown) == (4, "The GIL")
    lines = with_check_line(markdown, Item).splitlines()
    assert lines[4] == "# The GIL" and "**Checked:** [3 statements" in lines[6]
    assert "(../ledger/core-python/gil.md)" in lines[6]


def test_verify_plugin_config_takes_environment_strings_and_rejects_nonsense():
    from handbook_site.adapters.verify_plugin import VerifyPlugin

    plugin = VerifyPlugin()
    errors, _ = plugin.load_config({"enabled": 0, "only": "snippets/a, snippets/b", "jobs": 2})
    assert not errors
    assert plugin.config.enabled is False
    assert plugin.config.only == ["snippets/a", "snippets/b"]
    errors, _ = plugin.load_config({"enabled": "maybe"})
    assert errors and "expected true or false" in str(errors[0][1])


TOPIC = textwrap.dedent('''
    ## Explained by level

    === "Level 1 — Must Know"

        Some context first. A **queue** is FIFO, e.g. a line at a shop. More detail here.

        - **Deque:** O(1) at both ends. Not a list.
        - A list pops the front in O(N),
          so use a deque.

        Measured *(site addition)*:

        ```python title="template.py"
        --8<-- "m/topic/template.py:demo"
        ```

        ```python title="long.py"
        --8<-- "m/topic/long.py"
        ```

        !!! erratum "Appends are amortized O(1)"
            **The handbook says:** a long story, see [the other page](other.md#part).

        !!! cheat "Inside Level 1"
            Left with the tab.

        ### The trap

        Mutable defaults are shared. They live on the function.

    === "Level 2 — Strong Candidate"

        Level two text.

        ??? cheat "Two-pointer template"
            ### The template
            See [the other page](other.md#part).

    ### Common traps

    - A trap, whole. With its reason.

    The trap, reproduced:

    ```python
    --8<-- "m/topic/trap.py"
    ```

    ## Time Complexity Intuition

    - Push: *O(1)*

    !!! erratum "Pop is O(1) only at the end"
        Body.

    Practise it: [notebook](practice/q.ipynb).

    ### Beyond the sheet

    Text that stays on the page.
''').strip("\n").splitlines()

SOURCES = {"m/topic/template.py": "import x\n# --8<-- [start:demo]\ndef f():\n    return 1\n"
                                  "# --8<-- [end:demo]\n",
           "m/topic/long.py": "def g():\n" + "    pass\n" * 30}


def shown(include: str) -> str | None:
    path, _, section = include.partition(":")
    return cheat_sheets.section_code(SOURCES[path], section) if path in SOURCES else None


def test_cheat_sheet_keeps_level_1_one_line_per_point_and_the_traps_whole():
    topic = cheat_sheets.Topic("m/topic.md", "Topic", "What it is.", TOPIC)
    pieces = {p.name: p for p in cheat_sheets.cheat_pieces(topic, shown)}
    assert list(pieces) == ["Level 1", "Template", "Two-pointer template", "Common traps",
                            "Time Complexity Intuition"]
    assert pieces["Level 1"].lines == [
        "- A **queue** is FIFO, e.g. a line at a shop.",  # the sentence with the bold term
        "- **Deque:** O(1) at both ends.",
        "- A list pops the front in O(N), so use a deque.",
        "- *Correction:* Appends are amortized O(1)",  # never the corrected text alone
        "- **The trap:** Mutable defaults are shared.",
    ]  # the caption of a sample and the cheat block inside the tab are not points
    assert pieces["Level 1"].anchor == "explained-by-level-level-1-must-know"
    # the shortest sample that defines a function, when short: the include as on the page
    assert pieces["Template"].lines[1] == '--8<-- "m/topic/template.py:demo"'
    assert pieces["Two-pointer template"].lines[0] == "### The template"
    assert pieces["Common traps"].lines == ["- A trap, whole. With its reason."]
    assert pieces["Time Complexity Intuition"].lines == [
        "- Push: *O(1)*", "", "- *Correction:* Pop is O(1) only at the end", "",
        "Practise it: [notebook](practice/q.ipynb)."]


def test_cheat_sheet_links_every_topic_and_what_it_leaves_on_the_page():
    topic = cheat_sheets.Topic("m/topic.md", "Topic", "What it is.", TOPIC)
    sheet = cheat_sheets.cheat_sheet("m", "Module", [topic], shown)
    assert "## [Topic](../../m/topic.md)" in sheet
    assert "### [Level 1](../../m/topic.md#explained-by-level-level-1-must-know)" in sheet
    assert "[the other page](../../m/other.md#part)" in sheet  # rebased onto the sheet
    assert "#### The template" in sheet  # below the piece's own heading
    assert "On the page: Level 2, 3 samples — [open Topic](../../m/topic.md)" in sheet
    assert "Text that stays on the page" not in sheet and "a long story" not in sheet
    assert "search:\n  exclude: true" in sheet


def test_key_sentence_skips_abbreviations_and_code():
    assert cheat_sheets.sentence("Use `a. B` here. Then more.") == "Use `a. B` here."
    assert cheat_sheets.sentence("Pick one, e.g. Redis. Done.") == "Pick one, e.g. Redis."
    assert cheat_sheets.key_sentence("Intro. The **key** point. Tail.") == "The **key** point."


LEVELS = textwrap.dedent("""
    ## Explained by level

    === "Level 1 — Must Know"

        A **reference count** per object; `del` drops a name.

    === "Level 2 — Strong Candidate"

        The cyclic GC (`gc.collect()`) finds **reference cycles**; `del` again.

        !!! erratum "Generations"
            `gc.freeze()` is only named in an erratum.

    === "Level 3 — Deep Internals"

        ```python
        --8<-- "core-python/memory/arenas.py:demo"
        ```
""")


def test_a_question_takes_the_deepest_level_whose_own_terms_its_answer_uses():
    introduced = question_bank.level_terms(LEVELS)
    assert "gc.collect()" in introduced[2] and "del" not in introduced[2]  # short, and Level 1's
    assert "gc.freeze()" not in introduced[2]  # errata do not define a level
    assert introduced[3] == {"core-python/memory/arenas.py"}
    level = question_bank.derived_level
    assert level("Why call `gc.collect()`?", "It breaks reference cycles.", introduced) == \
        "Level 2"
    assert level("Q", 'See:\n```\n--8<-- "core-python/memory/arenas.py:other"\n```',
                 introduced) == "Level 3"  # the same sample as the Level 3 tab
    assert level("What does `del` do?", "Drops a name.", introduced) == "Level 1"
    assert level("Q", "[GIL — Level 2](../concurrency/gil.md#explained-by-level-level-2-strong-"
                 "candidate) and [Level 1](x.md#explained-by-level-level-1-must-know)", {}) == \
        "Level 2"  # a playbook's "Study in the handbook" links
    assert level("Design it.", "No tabs to draw on.", {}) == ""


def test_source_page_and_printable_module_from_markdown_strings():
    from handbook_site import study_pages
    from handbook_site.markdown import source_page

    overview = source_page("m/index.md", "---\ntitle: M\n---\n\n# Module `M`\n\nIntro.\n")
    assert (overview.title, overview.body, overview.meta) == ("Module `M`", ["", "Intro."],
                                                              {"title": "M"})
    topic = source_page("m/topic.md", textwrap.dedent('''
        ---
        description: About it.
        ---
        ```python
        # a comment, not the title
        ```

        # Topic

        ## Part

        ```python
        # a comment, not a heading to shift
        ```

        ??? question "Q: Why?"
            See [there](other.md#x).
    ''').lstrip())
    assert topic.title == "Topic" and topic.description == "About it."
    page = study_pages.module_page("m", "Module", [overview, topic])
    assert "### Part" in page and "## Topic" in page  # the topic's H1 under the module's
    assert '???+ question "Q: Why?"' in page  # opened for printing
    assert "[there](../m/other.md#x)" in page
    assert "\n# a comment, not a heading to shift" in page  # code is not a heading
    pages = study_pages.study_pages(overview, [("m", "Module", [overview, topic])])
    assert sorted(pages) == ["print/cheat-sheets/m.md", "print/handbook.md", "print/m.md"]
    assert study_pages.modules([{"Home": "index.md"}, {"Module": ["m/index.md", "m/topic.md"]},
                                {"Other": ["x/a.md"]}]) == []  # only the handbook's modules
    assert study_pages.modules([{"Core": ["core-python/index.md", "core-python/gil.md"]}]) == \
        [("core-python", "Core", ["core-python/index.md", "core-python/gil.md"])]


QUESTIONS = textwrap.dedent('''
    # The GIL

    ## Explained by level

    === "Level 1 — Must Know"

        One **lock** for the interpreter.

    === "Level 2 — Strong Candidate"

        `sys.setswitchinterval()` sets how often threads switch.

        ??? question "Q: Inside the tab?"
            Yes.

    ## Interview Reality

    ### What interviewers actually ask

    > "Why is my threaded code slow?"

    ```python
    # review this code: a comment, not a heading
    --8<-- "concurrency/gil/slow.py"
    ```

    ### Strong candidate answer

    > "Threads take turns; `sys.setswitchinterval()` sets how often."

    ### Follow-up questions

    ??? question "Q: What is the \\"none\\" algorithm?"
        !!! note "Careful"
            Reject it.

        ```python title="none_alg.py"
        --8<-- "concurrency/gil/none_alg.py"
        ```
''').lstrip()


def test_question_bank_reads_questions_with_their_anchor_kind_and_level():
    found = question_bank.page_questions("Module 2", "concurrency/gil.md", QUESTIONS)
    assert [(q.question, q.anchor, q.kind, q.level) for q in found] == [
        ("Inside the tab?", "explained-by-level-level-2-strong-candidate", "Interview Reality",
         "Level 2"),
        ('"Why is my threaded code slow?"', "what-interviewers-actually-ask",
         "Interview Reality", "Level 2"),  # the answer uses a term Level 2 introduces
        ('What is the \\"none\\" algorithm?', "follow-up-questions", "Interview Reality",
         "Level 1"),
    ]
    asked = found[1]
    assert asked.page_title == "The GIL" and "--8<--" not in asked.answer
    assert "# review this code" in asked.context  # a comment in code, not a heading
    card = question_bank.card_markdown(found[2].answer, "https://x/gil/#q")
    assert "**Careful (note):**" in card
    assert "*The code (`none_alg.py`) is on the page: [open the section](https://x/gil/#q).*" \
        in card
    html = ('<details class="question"><summary>Q: What is the "none" algorithm?</summary>'
            '<p>x</p></details>')
    tagged = question_bank.tag_questions(html, found)
    assert f'data-question-id="{found[2].uid}"' in tagged and 'id="q-' in tagged


def test_a_generated_pages_search_entry_comes_from_its_top_alone():
    from types import SimpleNamespace

    from handbook_site.search_index import PageRecord, page_entries, page_top

    content = ('<p>Printable copy of the module.</p><h1 id="core">Core</h1><p>All topics.</p>'
               '<h2 id="memory">Memory</h2><p>Refcounts.</p><h3 id="gc">GC</h3><p>Cycles.</p>')
    toc = [SimpleNamespace(id=i, url=f"#{i}", title=i, children=[]) for i in ("core", "memory")]
    record = PageRecord("print/core.md", "print/core/", "Core", content, toc, {})
    whole = page_entries(record, {})
    top = page_entries(PageRecord(**{**vars(record), "content": page_top(content)}), {})
    assert len(whole) == 4 and top == whole[:2]  # the preface and the H1 section, unchanged
    assert page_top("<p>No headings</p>") == "<p>No headings</p>"

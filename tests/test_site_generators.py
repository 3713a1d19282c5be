"""Page generation on Markdown strings (no site build): the shared scanner, the errata, the
glossary, and the caches that keep rebuilds fast."""

from __future__ import annotations

import textwrap

from handbook_site import glossary, highlight_cache
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

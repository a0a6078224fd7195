"""Markdown cut points: only before blocks nothing earlier can continue; incremental as one-shot."""

from __future__ import annotations

import pytest

from workbench.core.chat_markdown import MarkdownCuts, stable_cut


def test_cuts_before_a_fresh_paragraph_after_a_blank_line() -> None:
    text = "# Title\n\nSome **bold** text.\n\nNext para"
    assert stable_cut(text) == text.index("Next")


def test_never_cuts_inside_a_code_fence() -> None:
    assert stable_cut("a\n\n```\nx\n\ny") == 3
    text = "a\n\n~~~~\n```\n\nstill code\n~~~~\n\nz"
    assert stable_cut(text) == text.index("z")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("- a\n\n- b", "a list item may continue a loose list"),
        ("1. a\n\n2. b", "an ordered item may continue the list"),
        ("- a\n\n  more of a", "indented text continues the item"),
        ("> a\n\n> b", "a quote line"),
        ("| a |\n|---|\n\n| b |", "a table line"),
        ("a\n\n12", "'12' may still become '12. item'"),
        ("a\n\n-", "'-' may still become '- item'"),
    ],
)
def test_does_not_cut_before_lines_that_may_continue_a_block(text: str, why: str) -> None:
    assert stable_cut(text) == 0, why


@pytest.mark.parametrize(
    "text",
    [
        "a\n\n<div>\n\nb\n\nc",
        "a <b>bold\n\nc\n\nd",
        "- [ ] task\n\nafter\n\nmore",
        "a\n\n  ```\n\nb\n\nc",
        "a\r\rb\n\nc\n\nd",
    ],
)
def test_constructs_that_reach_across_blank_lines_stop_the_cuts(text: str) -> None:
    cuts = MarkdownCuts()
    cut = cuts.advance(text)
    assert cuts.halted
    assert cut < text.rindex("\n\n")


def test_autolinks_do_not_count_as_html() -> None:
    text = "see <https://example.org/x>\n\nnext"
    assert stable_cut(text) == text.index("next")


def test_reference_definitions_are_flagged_even_on_the_last_line() -> None:
    cuts = MarkdownCuts()
    text = "see [x]\n\n[x]: https://example.org"
    cuts.advance(text)
    assert not cuts.has_references  # the last line is not complete yet
    assert cuts.references_in(text)
    assert not MarkdownCuts().references_in("see [x](https://example.org)\n\nno definitions")


def test_scanning_piece_by_piece_finds_the_same_cuts_as_scanning_once() -> None:
    text = (
        "# Title\n\nIntro with `code` and **bold**.\n\n- a\n- b\n\nAfter the list.\n\n"
        "```python\nx = 1\n\ny = 2\n```\n\n1. one\n2. two\n\n---\n\n12 monkeys\n\nEnd."
    )
    for step in (1, 2, 3, 7, 13):
        cuts = MarkdownCuts()
        for end in range(0, len(text) + 1, step):
            got = cuts.advance(text[:end])
            assert got == stable_cut(text[:end]), (step, end)
        assert cuts.advance(text) == stable_cut(text)

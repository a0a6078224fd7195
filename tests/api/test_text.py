"""The English plural rule of counted core texts: "1 request", "2 requests", never "1 requests"."""

from __future__ import annotations

import pytest

from workbench.api.text import Text, counted, english_form


@pytest.mark.parametrize(
    ("count", "english"),
    [(0, "0 requests"), (1, "1 request"), (2, "2 requests"), (1234, "1,234 requests")],
)
def test_a_counted_noun_is_singular_for_one_only(count: int, english: str) -> None:
    assert str(Text("%n request(s)", count=count)) == english
    assert counted("%n request(s)", count) == english


def test_every_ending_of_a_counted_template_follows_the_count() -> None:
    template = "%1 of %n request(s) failed, %n match(es) (at the budget)"
    assert english_form(template, 1) == "%1 of %n request failed, %n match (at the budget)"
    assert english_form(template, 3) == "%1 of %n requests failed, %n matches (at the budget)"
    said = Text(template, "1", count=1)
    assert str(said) == "1 of 1 request failed, 1 match (at the budget)"


def test_the_values_are_put_in_as_they_are() -> None:
    """Only the template's words change: a value holding "(s)" or "%n" stays as it came."""
    said = Text("%n character(s): %1", "item(s) %n %2", count=1)
    assert str(said) == "1 character: item(s) %n %2"
    inner = Text("%n event(s)", count=1)
    assert str(Text("%1 and %n more event(s)", inner, count=5)) == "1 event and 5 more events"


def test_a_text_without_a_count_is_left_as_written() -> None:
    assert str(Text("%1 unknown event(s) with %n", "2")) == "2 unknown event(s) with %n"

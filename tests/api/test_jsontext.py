"""JSON from outside: depth, numbers and surrogates give one error type with a position."""

from __future__ import annotations

import json

import pytest

from workbench.api import jsontext


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("[" * 5000 + "]" * 5000, "nested deeper than 100 levels", 101),
        ('{"a": ' * 101 + "1" + "}" * 101, "nested deeper than 100 levels", 601),
        ("[1, NaN]", "NaN is not a JSON number", 5),
        ('{"x": -Infinity}', "-Infinity is not a JSON number", 7),
        ("[1e400]", "the number 1e400 is out of range", 2),
        ("[" + "9" * 5000 + "]", "Exceeds the limit", 2),
        ("[1,]", "Expecting value", 4),
    ],
)
def test_bad_json_is_one_error_with_its_position(text: str, message: str, column: int) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        jsontext.loads(text)
    assert message in caught.value.msg
    assert (caught.value.lineno, caught.value.colno) == (1, column)


def test_depth_of_exactly_the_limit_is_fine() -> None:
    assert jsontext.loads("[" * 100 + "]" * 100) is not None


def test_wire_answers_keep_non_finite_numbers_for_the_field_check() -> None:
    assert jsontext.loads('{"n": 1e999, "m": NaN}', finite=False)["n"] == float("inf")


def test_lone_surrogates_are_replaced_unless_kept() -> None:
    text = '{"a\\udc00": ["\\ud83c", "\\ud83c\\udf89"]}'
    assert jsontext.loads(text) == {"a\ufffd": ["\ufffd", "🎉"]}
    assert jsontext.loads(text, keep_surrogates=True)["a\udc00"][0] == "\ud83c"


def test_bytes_in_utf16_with_a_bom_are_read() -> None:
    assert jsontext.loads('{"a": "é"}'.encode("utf-16")) == {"a": "é"}


def test_bytes_that_are_not_text_are_the_same_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        jsontext.loads(b'{"a": "\xff"}')


def test_fix_surrogates_joins_pairs_and_replaces_halves() -> None:
    assert jsontext.fix_surrogates("\ud83c\udf89 \udc00 \ud83c") == "🎉 \ufffd \ufffd"


@pytest.mark.parametrize(
    "text",
    ["", "[1 2]", '{"a" 1}', "{1: 2}", '"abc', '"a\x01"', '"\\q"', '"\\u12"', "1 2", "[1, ]"],
)
def test_the_parsers_reasons_are_the_fixed_words_the_gui_translates(text: str) -> None:
    """Python's parser words its reasons itself: a new wording would reach the GUI in English."""
    with pytest.raises(jsontext.JsonTextError) as caught:
        jsontext.loads(text)
    assert caught.value.msg in jsontext.PARSER_REASONS
    assert jsontext.reason(caught.value).template == caught.value.msg


def test_the_checks_reasons_are_texts_with_their_value() -> None:
    with pytest.raises(jsontext.JsonTextError) as caught:
        jsontext.loads('{"x": NaN}')
    text = jsontext.reason(caught.value)
    assert (text.template, text.values) == ("%1 is not a JSON number", ("NaN",))
    assert caught.value.msg == "NaN is not a JSON number"  # the English line, as before

"""Property tests of masking a streamed answer piece by piece: exactly what the full pass masks.

`GrowingRanges` and `StreamedAnswer` read only what each delta adds (issue 15); at every step they
must give what `redacted_ranges` and `shown_answer` give for the whole answer so far, including a
secret (whole, or 8+ characters of one) split across deltas, header values, URL passwords,
secrets registered mid-stream, demo mode, and citations while a tail is held back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.api.models import Citation
from workbench.api.redact import REDACTED, forget_secrets, redacted_ranges, register_secret
from workbench.api.redact_hosts import register_host, set_demo_mode
from workbench.api.redact_stream import GrowingRanges
from workbench.core.citations import resolve_citations
from workbench.core.shown_answer import StreamedAnswer, shown_answer

if TYPE_CHECKING:
    from collections.abc import Iterator

KEY = "sk-Zq9Xw2Lp7Rt4Vb8N"
SHORT = "Qv7#"
"""A secret under 8 characters: masked only whole."""
PIECES = st.sampled_from(
    [
        KEY[:3], KEY[3:9], KEY[9:], KEY[5:13], SHORT[:2], SHORT[2:], "api-key: ", "Authorization",
        ": Bearer ", "https://user:", "pw@", "host.example/", "://", "@", "😀", "\u0130", "\u212a",
        " ", "\n", "x", "q", "9", "-", "**", "'", "\u017f", "api-", "key=", "AUTHO", "rization:",
        "://u:",
    ]
)  # fmt: skip
WHOLE = st.lists(PIECES | st.text("sk-Zq9X7#:/@ ab", max_size=6), max_size=24).map("".join)


@st.composite
def _streams(draw: st.DrawFn) -> list[str]:
    """An answer cut into deltas anywhere (inside a key, a header name, a URL, a surrogate pair's
    code point)."""
    whole = draw(WHOLE)
    cuts = sorted(draw(st.lists(st.integers(0, len(whole)), max_size=12)))
    return [whole[a:b] for a, b in zip([0, *cuts], [*cuts, len(whole)], strict=True)]


STREAM = _streams()


@pytest.fixture(autouse=True)
def _no_secrets() -> Iterator[None]:
    forget_secrets()
    yield
    forget_secrets()
    set_demo_mode(False)


@given(STREAM, st.integers(0, 3), st.integers(-1, 12))
def test_growing_ranges_are_the_full_passes_ranges(
    stream: list[str], secrets: int, registered_at: int
) -> None:
    for secret in (KEY, SHORT)[: secrets % 3]:
        register_secret(secret)
    growing, text = GrowingRanges(), ""
    for step, delta in enumerate(stream):
        if step == registered_at:
            register_secret(KEY)  # a key read while the answer streams (a token refresh)
        text += delta
        assert growing.ranges(text) == redacted_ranges(text)


@given(STREAM, st.booleans(), st.booleans(), st.data())
def test_a_streamed_answer_shows_what_the_full_pass_shows(
    stream: list[str], with_key: bool, demo: bool, data: st.DataObject
) -> None:
    if with_key:
        register_secret(KEY)
    if demo:
        register_host("https://host.example/")
        set_demo_mode(True)
    deltas = stream
    whole = "".join(deltas)
    cites = _citations(whole, data)
    streamed, text = StreamedAnswer(), ""
    for delta in deltas:
        text += delta
        anchors = resolve_citations(text, [c for c in cites if (c.end or 0) <= len(text)])
        assert streamed.shown(text, anchors) == shown_answer(text, anchors, streaming=True)


def _citations(text: str, data: st.DataObject) -> list[Citation]:
    if not text:
        return []
    bounds = st.tuples(st.integers(0, len(text) - 1), st.integers(1, 8))
    pairs = data.draw(st.lists(bounds, max_size=4))
    return [
        Citation(start=s, end=min(len(text), s + n), text=text[s : s + n], document_ids=["d"])
        for s, n in pairs
    ]


def test_a_key_split_across_two_deltas_is_masked_as_a_whole() -> None:
    register_secret(KEY)
    growing, streamed = GrowingRanges(), StreamedAnswer()
    anchors = resolve_citations("", [])
    first = f"Your key is {KEY[:7]}"
    assert growing.ranges(first) == redacted_ranges(first) == []
    assert streamed.shown(first, anchors)[0] == "Your key is "  # its start is held back
    second = first + KEY[7:] + " ok."
    assert growing.ranges(second) == redacted_ranges(second) == [(12, 12 + len(KEY))]
    assert streamed.shown(second, anchors)[0] == f"Your key is {REDACTED} ok."


@pytest.mark.parametrize(
    "deltas",
    [
        ["Send it as api", "-key: abc123 then"],
        ["Send it as AUTHORIZ", "ATION: Bearer abc then"],
        ["see https:/", "/user:pw@host.example/x"],
        ["see https://user:pw", "@host.example/x"],
    ],
)
def test_a_header_or_url_split_across_deltas_is_masked_as_the_full_pass_masks(
    deltas: list[str],
) -> None:
    growing, text = GrowingRanges(), ""
    for delta in deltas:
        text += delta
        assert growing.ranges(text) == redacted_ranges(text)
    assert redacted_ranges(text)


def test_in_demo_mode_a_streamed_answer_masks_hosts_as_the_full_pass() -> None:
    register_secret(KEY)
    register_host("https://host.example/")
    set_demo_mode(True)
    streamed, anchors = StreamedAnswer(), resolve_citations("", [])
    texts = ("It runs on host.example", f"It runs on host.example with {KEY[:4]}")
    for text in (*texts, texts[1] + KEY[4:] + " and api-key: abc today."):
        assert streamed.shown(text, anchors) == shown_answer(text, anchors, streaming=True)

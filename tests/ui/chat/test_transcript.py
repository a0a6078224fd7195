"""Transcript: coalesced streaming render, exact citation highlights, cut-off marks, links."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTimer, QUrl

from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Citation
from workbench.core.citations import resolve_citations
from workbench.ui.chat import transcript as transcript_module
from workbench.ui.chat import transcript_live
from workbench.ui.chat.transcript import (
    RENDER_BUDGET_CHARS,
    Transcript,
    TurnDisplay,
    stable_cut,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QScrollBar
    from pytestqt.qtbot import QtBot

ANSWER = "Le café 😀 coûte €3 à Zürich 🇨🇭.\nNaïve façade: 👩‍👩‍👧 home, señor."


def _cite(phrase: str, *docs: str) -> Citation:
    start = ANSWER.index(phrase)
    return Citation(start=start, end=start + len(phrase), text=phrase, document_ids=list(docs))


CITES = (
    _cite("coûte €3", "doc_0"),
    _cite("Zürich 🇨🇭.\nNaïve", "doc_1"),
    _cite("👩‍👩‍👧 home", "doc_0", "doc_1"),
    _cite("home, señor", "doc_2"),
)


def _shown(**fields: Any) -> TurnDisplay:
    """A display with its citations anchored, as core anchors them for the pane."""
    display = TurnDisplay(**fields)
    return replace(display, anchors=resolve_citations(display.text, display.citations))


@pytest.fixture
def transcript(qtbot: QtBot) -> Transcript:
    widget = Transcript()
    qtbot.addWidget(widget)
    return widget


def _expected() -> dict[int, str]:
    return {i: c.text for i, c in enumerate(CITES)}


def test_finished_turn_highlights_exactly_the_cited_text(transcript: Transcript) -> None:
    transcript.set_turns([_shown(index=0, user="Où ?", text=ANSWER, citations=CITES)])
    assert transcript.highlighted_spans(0) == _expected()


def test_streaming_turn_highlights_as_citations_arrive(
    transcript: Transcript, qtbot: QtBot
) -> None:
    text = ""
    for step in range(0, len(ANSWER), 3):
        text = ANSWER[: step + 3]
        cites = tuple(c for c in CITES if c.end <= len(text))
        transcript.show_live(_shown(index=1, user="q", text=text, citations=cites, streaming=True))
        if step % 9 == 0:
            transcript.flush()
    qtbot.waitUntil(lambda: transcript.highlighted_spans(1) == _expected(), timeout=WAIT_MS)
    transcript.finish_live(_shown(index=1, user="q", text=ANSWER, citations=CITES, status="done"))
    assert transcript.highlighted_spans(1) == _expected()
    assert transcript.answer_text(1) == ANSWER


def test_markdown_streams_and_keeps_settled_paragraphs(transcript: Transcript) -> None:
    chunks = ["# Title\n\nSome **bold", "** text.\n\n```\ncode\n\n", "more\n```\n\n- item"]
    text = ""
    for chunk in chunks:
        text += chunk
        transcript.show_live(TurnDisplay(index=0, user="md", text=text, streaming=True))
        transcript.flush()
    plain = transcript.toPlainText()
    assert "Title" in plain
    assert "bold text." in plain
    assert "**" not in plain
    assert "code\n\nmore" in plain
    assert transcript.renders == 3


def test_updates_are_coalesced(transcript: Transcript, qtbot: QtBot) -> None:
    transcript.show_live(TurnDisplay(index=0, user="u", text="x", streaming=True))
    assert transcript.renders == 1  # the first output at once
    for n in range(2, 200):
        transcript.show_live(TurnDisplay(index=0, user="u", text="x" * n, streaming=True))
    qtbot.waitUntil(lambda: transcript.renders >= 2, timeout=WAIT_MS)
    assert transcript.renders == 2
    assert "x" * 199 in transcript.toPlainText()


def test_the_first_output_is_drawn_without_waiting_for_the_timer(transcript: Transcript) -> None:
    transcript.show_live(TurnDisplay(index=0, user="u", streaming=True))  # started, no text yet
    transcript.show_live(TurnDisplay(index=0, user="u", text="Hello", streaming=True))
    assert "Hello" in transcript.toPlainText()  # no event loop turn, no timer
    transcript.show_live(TurnDisplay(index=0, user="u", text="Hello world", streaming=True))
    assert "Hello world" not in transcript.toPlainText()  # later updates wait for the tick
    transcript.flush()
    assert "Hello world" in transcript.toPlainText()


def test_a_tool_call_alone_counts_as_the_first_output(transcript: Transcript) -> None:
    calls = ("get_weather({})",)
    transcript.show_live(TurnDisplay(index=0, user="u", tool_calls=calls, streaming=True))
    renders = transcript.renders
    transcript.show_live(TurnDisplay(index=0, user="u", tool_calls=calls, streaming=True))
    assert transcript.renders == renders  # coalesced from here on


def test_cut_off_answer_is_marked_with_the_reason(transcript: Transcript) -> None:
    transcript.finish_live(
        TurnDisplay(index=0, user="u", text="Partial", cut_off="stream dropped at event 5")
    )
    assert "Partial" in transcript.toPlainText()
    cut = tr("Transcript", "Cut off: %1", "stream dropped at event 5")
    assert f"⚠ {cut}" in transcript.toPlainText()


def test_stable_cut_ignores_blank_lines_inside_code_fences() -> None:
    assert stable_cut("a\n\n```\nx\n\ny") == 3
    assert stable_cut("a\n\n```\nx\n\ny\n```\n\nz") == len("a\n\n```\nx\n\ny\n```\n\n")


def test_links_emit_citation_and_source(transcript: Transcript, qtbot: QtBot) -> None:
    transcript.set_turns([_shown(index=2, user="u", text=ANSWER, citations=CITES)])
    with qtbot.waitSignal(transcript.citation_activated, timeout=WAIT_MS) as cited:
        transcript.highlighted.emit(QUrl("cite:2:2,3"))
    assert cited.args == [2, (2, 3)]
    with qtbot.waitSignal(transcript.source_activated, timeout=WAIT_MS) as source:
        transcript.anchorClicked.emit(QUrl("source:2:3"))
    assert source.args == [2, "doc_2"]  # doc_0, doc_1, doc_2 in the order first cited
    # The hrefs the tests emit are the ones the document carries; no action is link text.
    html = transcript.toHtml()
    assert 'href="cite:2:2,3"' in html
    assert 'href="source:2:3"' in html
    assert "edit:" not in html
    assert "copy:" not in html


MARKDOWN_SAMPLES = {
    "paragraphs": "Hello **world**.\n\nSecond para with `code`.\n\nThird.",
    "headings": "# A\n\ntext\n\n## B\n\n### C\n\nSetext\n======\n\nend",
    "tight list": "Intro\n\n- a\n- b\n\nAfter",
    "loose lists": "- a\n\n- b\n\n1. one\n\n2. two\n\n3. three",
    "nested": "1. a\n   - b\n\n   continued\n\nTop",
    "fences": "x\n\n```py\ncode\n\nmore\n```\n\n~~~\n```\n\n~~~\n\ny",
    "table": "Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter table.",
    "quote": "> q1\n> q2\n\nz\n\n> q3",
    "task list": "- [ ] a\n- [x] b\n\nAfter the tasks",
    "html": "a\n\n<div>\n\nx\n\n</div>\n\nb <i>c</i>",
    "reference": "see [x] and [y]\n\n[x]: https://example.org/x\n\nmore\n\n[y]: https://example.org/y",
    "rules and breaks": "a  \nb\n\n---\n\nc\\\nd\n\n***\n\n~~gone~~ &amp; <https://example.org>",
}


def test_raw_html_in_an_answer_is_shown_as_text_never_drawn(transcript: Transcript) -> None:
    """Qt's Markdown drew raw HTML: `<img src=x>` swallowed the words after it, a model
    explaining `<div>` lost the tag, and a `<span>` could make text huge or invisible."""
    text = (
        "Before <img src=x onerror=alert(1)> after. Use the <div> tag.\n\n"
        '<span style="font-size:300pt">HUGE</span> and <a href="cite:0:0">a fake citation</a>'
    )
    transcript.show_live(_shown(index=0, user="q", text=text[:60], streaming=True))
    transcript.flush()
    assert "Before <img src=x onerror=alert(1)> after." in transcript.toPlainText()
    transcript.finish_live(TurnDisplay(index=0, user="q", text=text, status="done"))
    shown = transcript.toPlainText()
    assert "Use the <div> tag." in shown
    assert '<span style="font-size:300pt">HUGE</span>' in shown
    assert "cite:0:0" in shown  # the server's link is text, not one of the pane's own links


def _stream(transcript: Transcript, final: TurnDisplay, seed: int) -> None:
    """Feed the answer in random pieces, rendering some ticks and coalescing others, then finish."""
    rng = random.Random(seed)
    end = 0
    while end < len(final.text):
        end = min(len(final.text), end + rng.randint(1, 25))
        cites = tuple(c for c in final.citations if c.end <= end + rng.randint(-4, 20))
        live = _shown(
            index=final.index,
            user=final.user,
            text=final.text[:end],
            citations=cites,
            streaming=True,
            tool_calls=("lookup({",),
        )
        transcript.show_live(live)
        if rng.random() < 0.7:
            transcript.flush()
    transcript.finish_live(final)


def _rendered_whole(turns: list[TurnDisplay]) -> Transcript:
    transcript = Transcript()
    transcript.set_turns(turns)
    return transcript


# The previous answer ends in a list, which the next turn must neither join nor disturb.
EARLIER = TurnDisplay(index=0, user="first", text="Earlier:\n\n- one\n- two", status="done")


def test_a_link_reference_defined_after_its_use_is_a_link_while_the_answer_streams(
    transcript: Transcript,
) -> None:
    """`[x]` stayed text until the turn ended: the text above the definition had settled, drawn
    in a piece of its own that knew no `[x]`."""
    transcript.set_turns([EARLIER])
    text = "See [x] for the plans.\n\nMore on pricing.\n\n[x]: https://example.org/x\n\nAnd then"
    for end in (12, 40, len(text)):  # before the definition, before it is whole, after
        live = TurnDisplay(index=1, user="q", text=text[:end], streaming=True)
        transcript.show_live(live)
        transcript.flush()
        assert transcript.toHtml() == _rendered_whole([EARLIER, live]).toHtml()
    assert 'href="https://example.org/x"' in transcript.toHtml()
    transcript.finish_live(replace(live, streaming=False, status="done"))
    assert 'href="https://example.org/x"' in transcript.toHtml()


def test_a_long_answer_defining_a_link_reference_is_drawn_in_pieces_as_before(
    transcript: Transcript,
) -> None:
    """Past `WHOLE_CHARS` a tick does not draw the whole answer again: such a link shows as text
    until the turn ends, and the end draws it right."""
    text = (
        LONG_MARKDOWN * (transcript_live.WHOLE_CHARS // len(LONG_MARKDOWN) + 1)
        + "\n\nSee [x].\n\n[x]: /x\n\n"
    )
    live = TurnDisplay(index=1, user="q", text=text, streaming=True)
    transcript.show_live(live)
    _caught_up(transcript)
    assert 'href="/x"' not in transcript.toHtml()
    final = replace(live, streaming=False, status="done")
    transcript.finish_live(final)
    assert transcript.toHtml() == _rendered_whole([final]).toHtml()


@pytest.mark.parametrize("name", sorted(MARKDOWN_SAMPLES))
def test_streamed_markdown_finishes_exactly_as_rendered_whole(
    transcript: Transcript, name: str
) -> None:
    final = TurnDisplay(index=1, user="q", text=MARKDOWN_SAMPLES[name], status="finish: COMPLETE")
    transcript.set_turns([EARLIER])
    _stream(transcript, final, seed=len(name))
    whole = _rendered_whole([EARLIER, final])
    assert transcript.toHtml() == whole.toHtml()
    assert transcript.turns() == [EARLIER, final]


def test_streamed_cited_answer_finishes_exactly_as_rendered_whole(transcript: Transcript) -> None:
    text = ANSWER + "\n\n" + ANSWER
    moved = Citation(start=3, end=8, text="façade", document_ids=["doc_9"])  # anchored nearby
    cites = (*CITES, moved, Citation(start=1, end=4, text="absent", document_ids=["doc_3"]))
    final = _shown(index=1, user="q", text=text, citations=cites, status="s", cut_off="x")
    for seed in range(5):
        transcript.set_turns([EARLIER])
        _stream(transcript, final, seed)
        whole = _rendered_whole([EARLIER, final])
        assert transcript.toHtml() == whole.toHtml()
        assert transcript.highlighted_spans(1) == whole.highlighted_spans(1)
        drawn = {s.index: s.citation.text for s in final.anchors.anchored()}
        assert transcript.highlighted_spans(1) == drawn  # what core anchored, nothing else


def test_set_turns_keeps_what_is_shown_and_matches_a_fresh_render(transcript: Transcript) -> None:
    turns = [
        EARLIER,
        _shown(index=1, user="q1", text=ANSWER, citations=CITES, status="s1"),
        TurnDisplay(index=2, user="q2", text="## Two\n\n- x", status="s2"),
    ]
    replacement = TurnDisplay(index=1, user="q1, edited", text="Other *answer*", status="s")
    for shown in ([*turns], turns[:2], [turns[0], replacement], [*turns], []):
        transcript.set_turns(shown)
        assert transcript.toHtml() == _rendered_whole(shown).toHtml()
        assert transcript.turns() == shown


def test_a_turn_after_an_answer_ending_in_a_list_is_not_drawn_inside_the_list(
    transcript: Transcript,
) -> None:
    transcript.set_turns([EARLIER, TurnDisplay(index=1, user="next", text="plain", status="s")])
    outside = []
    block = transcript.document().begin()
    while block.isValid():
        if block.textList() is None:
            outside.append(block.text())
        block = block.next()
    assert {"done", "next", "plain", "s"} <= set(outside)
    assert tr("Transcript", "You") in outside


def test_a_backlog_is_shown_a_budget_per_tick_and_caught_up_without_new_events(
    transcript: Transcript, qtbot: QtBot
) -> None:
    transcript.set_markdown(False)  # plain text shows the answer verbatim
    text = "".join(f"line {n} of a long backlog\n" for n in range(1500))
    transcript.show_live(TurnDisplay(index=0, user="u", text=text, streaming=True))  # at once
    shown = transcript.toPlainText()
    assert text[:RENDER_BUDGET_CHARS] in shown
    assert text[: RENDER_BUDGET_CHARS + 1] not in shown
    qtbot.waitUntil(lambda: text in transcript.toPlainText(), timeout=WAIT_MS)
    assert transcript.renders >= len(text) // RENDER_BUDGET_CHARS
    transcript.finish_live(TurnDisplay(index=0, user="u", text=text, status="done"))
    whole = Transcript()
    whole.set_markdown(False)
    whole.set_turns(transcript.turns())
    assert transcript.toHtml() == whole.toHtml()


def _long_conversation_shown(transcript: Transcript) -> QScrollBar:
    """Twelve long finished turns and a thirteenth about to stream, in a shown 480x500 view."""
    earlier = [
        TurnDisplay(index=i, user=f"q{i}", text="word " * 200, status="s") for i in range(12)
    ]
    transcript.resize(480, 500)
    transcript.show()
    transcript.set_turns([*earlier, TurnDisplay(index=12, user="next")])
    return transcript.verticalScrollBar()


def test_a_streaming_answer_is_followed_when_the_view_got_shorter_at_send(
    transcript: Transcript,
) -> None:
    bar = _long_conversation_shown(transcript)
    transcript.resize(480, 440)  # the pane below the transcript grew (the composer while busy)
    assert bar.value() < bar.maximum()
    for words in (50, 400):
        live = TurnDisplay(index=12, user="next", text="more " * words, streaming=True)
        transcript.show_live(live)
        transcript.flush()
        assert bar.value() == bar.maximum()


def test_a_streaming_answer_leaves_a_view_scrolled_up_where_it_is(transcript: Transcript) -> None:
    bar = _long_conversation_shown(transcript)
    reading = bar.maximum() // 2
    bar.setValue(reading)  # the person scrolled up to read
    for words in (50, 400):
        transcript.show_live(TurnDisplay(index=12, user="next", text="a " * words, streaming=True))
        transcript.flush()
        assert bar.value() == reading < bar.maximum()


class _Arriving:
    """A live turn whose answer grows by `step` characters each time it is read, `times` times
    (a backlog being folded while the transcript's timer ticks), noting what was drawn then."""

    def __init__(self, transcript: Transcript, step: int, times: int) -> None:
        self.transcript, self.step, self.times = transcript, step, times
        self.reads = 0
        self.renders_while_growing: list[int] = []

    def __call__(self) -> TurnDisplay:
        if self.reads < self.times:
            self.reads += 1
            self.renders_while_growing.append(self.transcript.renders)
            # More events came: announced again once read, as the controller does.
            QTimer.singleShot(0, self._announce)
        return TurnDisplay(index=0, user="u", text=self.text(), streaming=True)

    def _announce(self) -> None:
        self.transcript.show_live(self)

    def text(self) -> str:
        return "".join(f"word {n:03} " for n in range(self.reads * self.step // 9))

    def shown_whole(self) -> bool:
        return self.reads == self.times and self.text() in self.transcript.toPlainText()


def test_a_backlog_being_folded_is_drawn_once_it_is_in(
    transcript: Transcript, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transcript_module, "BACKLOG_WAIT_S", 60.0)  # never cut short here
    transcript.set_markdown(False)  # plain text shows the answer verbatim
    transcript.show_live(TurnDisplay(index=0, user="u", text="first ", streaming=True))
    drawn = transcript.renders
    arriving = _Arriving(transcript, step=transcript_module.BACKLOG_CHARS_PER_S // 2, times=4)
    transcript.show_live(arriving)
    qtbot.waitUntil(arriving.shown_whole, timeout=WAIT_MS)
    assert arriving.renders_while_growing == [drawn] * 4  # nothing drawn while it grew
    budget_ticks = -(-len(arriving.text()) // RENDER_BUDGET_CHARS)
    assert transcript.renders - drawn <= budget_ticks


def test_a_backlog_that_keeps_arriving_is_still_drawn_now_and_then(
    transcript: Transcript, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transcript_module, "BACKLOG_WAIT_S", 0.0)  # the longest hold: none
    transcript.set_markdown(False)
    transcript.show_live(TurnDisplay(index=0, user="u", text="first ", streaming=True))
    drawn = transcript.renders
    arriving = _Arriving(transcript, step=transcript_module.BACKLOG_CHARS_PER_S // 2, times=4)
    transcript.show_live(arriving)
    qtbot.waitUntil(arriving.shown_whole, timeout=WAIT_MS)
    assert arriving.renders_while_growing[-1] > drawn


def test_a_slow_stream_is_drawn_at_every_tick_however_far_apart_the_ticks(
    transcript: Transcript, qtbot: QtBot
) -> None:
    # A backlog is told by its pace, not by how much a tick brings: a few characters a tick is
    # never held back, even when a loaded machine spaces the ticks out.
    transcript.set_markdown(False)
    transcript.show_live(TurnDisplay(index=0, user="u", text="first ", streaming=True))
    drawn = transcript.renders
    arriving = _Arriving(transcript, step=100, times=4)
    transcript.show_live(arriving)
    qtbot.waitUntil(arriving.shown_whole, timeout=WAIT_MS)
    assert arriving.renders_while_growing == [drawn, drawn + 1, drawn + 2, drawn + 3]


LONG_MARKDOWN = "".join(
    f"Paragraph {n} has **bold** words, `code` and 😀.\n\n"
    + ("- a list item\n- another\n\n" if n % 7 == 6 else "")
    for n in range(700)
)


def _caught_up(transcript: Transcript) -> None:
    """Draw every piece of a backlog now (the transcript would, a piece every few milliseconds)."""
    while True:
        renders = transcript.renders
        transcript.flush()
        if transcript.renders == renders:
            return


def test_a_backlog_is_caught_up_below_the_view_then_followed_once(
    transcript: Transcript, qtbot: QtBot
) -> None:
    bar = _long_conversation_shown(transcript)
    first = TurnDisplay(index=12, user="next", text="A first line.\n\n", streaming=True)
    transcript.show_live(first)  # the first output: drawn and followed at once
    assert bar.value() == bar.maximum()
    reading = bar.value()
    text = first.text + LONG_MARKDOWN + "An unfinished tail"
    assert len(text) > 3 * RENDER_BUDGET_CHARS
    live = replace(first, text=text, tool_calls=("lookup({",))
    transcript.show_live(live)
    transcript.flush()  # one piece
    assert bar.value() == reading < bar.maximum()  # appended below the view, not followed
    assert "lookup" not in transcript.toPlainText()  # no footer the next piece takes out again
    qtbot.waitUntil(lambda: "An unfinished tail" in transcript.toPlainText(), timeout=WAIT_MS)
    assert bar.value() == bar.maximum()  # the last piece is followed
    # What is shown once caught up is what the live state drawn whole shows.
    whole = _rendered_whole([*transcript.turns(), live])
    assert transcript.toHtml() == whole.toHtml()


@settings(max_examples=30, deadline=None, derandomize=True, database=None)
@given(
    samples=st.lists(st.sampled_from(sorted(MARKDOWN_SAMPLES.values())), min_size=1, max_size=4),
    long=st.integers(0, 3000),
    steps=st.lists(st.tuples(st.integers(1, 400), st.sampled_from(["", "tick", "catch up"]))),
    budget=st.sampled_from([1, 9, 64, 700]),
)
def test_a_stream_cut_anywhere_and_caught_up_in_pieces_shows_what_a_whole_render_shows(
    qapp: QApplication, samples: list[str], long: int, steps: list[tuple[int, str]], budget: int
) -> None:
    text = "\n\n".join([*samples, LONG_MARKDOWN[:long]])
    final = TurnDisplay(index=1, user="q", text=text, status="finish: COMPLETE")
    transcript = Transcript()
    transcript.set_turns([EARLIER])
    end = 0
    with patch.object(transcript_live, "RENDER_BUDGET_CHARS", budget):
        for size, then in [*steps, (len(text), "")]:
            end = min(len(text), end + size)
            live = TurnDisplay(
                index=1, user="q", text=text[:end], streaming=True, tool_calls=("c",)
            )
            transcript.show_live(live)
            if then == "tick":
                transcript.flush()  # a piece, maybe leaving more to catch up
            elif then == "catch up":
                _caught_up(transcript)
                assert transcript.toHtml() == _rendered_whole([EARLIER, live]).toHtml()
        transcript.finish_live(final)  # may come in the middle of catching up
    assert transcript.toHtml() == _rendered_whole([EARLIER, final]).toHtml()
    transcript.deleteLater()

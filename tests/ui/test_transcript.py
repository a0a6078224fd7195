"""Transcript: coalesced streaming render, exact citation highlights, cut-off marks, links."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QUrl

from workbench.api.models import Citation
from workbench.ui.widgets.transcript import Transcript, TurnDisplay, stable_cut

if TYPE_CHECKING:
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


@pytest.fixture
def transcript(qtbot: QtBot) -> Transcript:
    widget = Transcript()
    qtbot.addWidget(widget)
    return widget


def _expected() -> dict[int, str]:
    return {i: c.text for i, c in enumerate(CITES)}


def test_finished_turn_highlights_exactly_the_cited_text(transcript: Transcript) -> None:
    transcript.set_turns([TurnDisplay(index=0, user="Où ?", text=ANSWER, citations=CITES)])
    assert transcript.highlighted_spans(0) == _expected()


def test_streaming_turn_highlights_as_citations_arrive(
    transcript: Transcript, qtbot: QtBot
) -> None:
    text = ""
    for step in range(0, len(ANSWER), 3):
        text = ANSWER[: step + 3]
        cites = tuple(c for c in CITES if c.end <= len(text))
        transcript.show_live(
            TurnDisplay(index=1, user="q", text=text, citations=cites, streaming=True)
        )
        if step % 9 == 0:
            transcript.flush()
    qtbot.waitUntil(lambda: transcript.highlighted_spans(1) == _expected())
    transcript.finish_live(
        TurnDisplay(index=1, user="q", text=ANSWER, citations=CITES, status="done")
    )
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
    for n in range(200):
        transcript.show_live(TurnDisplay(index=0, user="u", text="x" * n, streaming=True))
    qtbot.waitUntil(lambda: transcript.renders >= 1)
    assert transcript.renders == 1
    assert "x" * 199 in transcript.toPlainText()


def test_cut_off_answer_is_marked_with_the_reason(transcript: Transcript) -> None:
    transcript.finish_live(
        TurnDisplay(index=0, user="u", text="Partial", cut_off="stream dropped at event 5")
    )
    assert "Partial" in transcript.toPlainText()
    assert "⚠ Cut off: stream dropped at event 5" in transcript.toPlainText()


def test_stable_cut_ignores_blank_lines_inside_code_fences() -> None:
    assert stable_cut("a\n\n```\nx\n\ny") == 3
    assert stable_cut("a\n\n```\nx\n\ny\n```\n\nz") == len("a\n\n```\nx\n\ny\n```\n\n")


def test_links_emit_edit_copy_and_citation(transcript: Transcript, qtbot: QtBot) -> None:
    transcript.set_turns([TurnDisplay(index=2, user="u", text=ANSWER, citations=CITES)])
    with qtbot.waitSignal(transcript.citation_activated) as cited:
        transcript.highlighted.emit(QUrl("cite:2:2,3"))
    assert cited.args == [2, (2, 3)]
    with qtbot.waitSignal(transcript.edit_requested) as edit:
        transcript.anchorClicked.emit(QUrl("edit:2"))
    assert edit.args == [2]
    # The hrefs the tests emit are the ones the document carries.
    html = transcript.toHtml()
    assert 'href="edit:2"' in html
    assert 'href="cite:2:2,3"' in html

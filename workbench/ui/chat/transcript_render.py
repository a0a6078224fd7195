"""Transcript turn rendering: what a turn shows, its header, footer and links, and a turn written whole.

An answer with citations is shown as plain text, because citation offsets index the answer as
received and Markdown rendering moves characters; its spans are painted where they were sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument

from workbench.core.citations import CitationMap, cites_answer, segments
from workbench.core.turns import STOPPED
from workbench.ui.chat.transcript_format import (
    add_markers,
    bold,
    link,
    metrics,
    muted,
    new_plain_block,
    paint_citations,
    plain_format,
    start_turn_block,
    warning,
)
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from workbench.api.models import Citation

THUMB = 48
"""Pixels of a thumbnail's longer side in the transcript."""
Links = tuple[int | None, int]
"""Where a turn's "You" and "Assistant" header lines end."""


@dataclass(frozen=True)
class TurnDisplay:
    """What the transcript shows for one turn."""

    index: int
    user: str | None
    text: str = ""
    tool_plan: str = ""
    tool_results_sent: int = 0
    citations: tuple[Citation, ...] = ()
    search_queries: tuple[str, ...] = ()
    cut_off: str | None = None
    status: str = ""
    streaming: bool = False
    tool_calls: tuple[str, ...] = field(default=())
    """One-line summaries of the calls the model asked for."""
    thinking: str = ""
    """The model's reasoning, shown in a block above the answer that folds and unfolds."""
    thinking_open: bool = False
    images: tuple[str, ...] = ()
    """Data URIs of the images sent with the user's message (shown as thumbnails)."""
    anchors: CitationMap = field(default_factory=CitationMap)
    """`citations` anchored on `text`, computed in core (`ChatController.citations`)."""
    source_labels: tuple[tuple[str, str], ...] = ()
    """(document id, where it came from) for documents handed over by the Rerank pane."""


_CORE_REASONS = (
    QT_TRANSLATE_NOOP("Transcript", "Stopped by you"),
    QT_TRANSLATE_NOOP("Transcript", "the stream ended without its final event"),
)
"""Core's own cut-off reasons (`core.turns.STOPPED`, `UNFINISHED`), drawn translated; an error's
text stays as it is (tests/ui/chat/test_i18n.py checks the two lists agree)."""


_FAILED = (
    QT_TRANSLATE_NOOP("Transcript", "Cut off: %1"),
    QT_TRANSLATE_NOOP("Transcript", "No answer: %1"),
)
"""How a failed turn is marked: partial, or with nothing at all."""


class TranscriptTexts(QObject):
    """The transcript's counted texts (a QObject, so lupdate files plural forms)."""

    def tool_results_sent(self, count: int) -> str:
        """ "↩ sent 2 tool result(s)" above the answer that used them."""
        return self.tr("↩ sent %n tool result(s)", "", count)

    def thinking(self, words: int) -> str:
        """ "Thinking (120 words)" on the thinking block's toggle."""
        return self.tr("Thinking (%n words)", "", words)


def frame_of(display: TurnDisplay) -> tuple[object, ...]:
    """What of a live turn, when changed, needs its header re-rendered."""
    return (
        display.index,
        display.user,
        display.tool_plan,
        display.tool_results_sent,
        display.thinking,
        display.thinking_open,
        display.images,
    )


def wants_plain(display: TurnDisplay, *, markdown: bool) -> bool:
    """Whether the answer is shown as plain text (Markdown is off, or citations index it)."""
    return not markdown or any(cites_answer(c) for c in display.citations)


def render_turn(cursor: QTextCursor, display: TurnDisplay, *, markdown: bool) -> None:
    """Write a whole turn at the cursor (the document's end), its anchored citations painted."""
    write_header(cursor, display)
    base = cursor.position()
    cmap = display.anchors
    if wants_plain(display, markdown=markdown):
        cursor.insertText(display.text, plain_format())
        runs = segments(cmap, len(display.text))
        labels = dict(display.source_labels)
        paint_citations(cursor.document(), base, display.index, cmap.spans, runs, labels=labels)
        add_markers(cursor.document(), base, display.index, cmap.spans, labels)
        cursor.movePosition(QTextCursor.MoveOperation.End)
    else:
        insert_markdown(cursor, display.text)
    write_footer(cursor, display)


MARKDOWN = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | (
    QTextDocument.MarkdownFeature.MarkdownNoHTML
)
"""How an answer's Markdown is read: GitHub's dialect (tables, strikethrough, autolinks) with
raw HTML shown as text. Qt's default drew it: `Before <img src=x> after.` lost "after.", a
model explaining the `<div>` tag lost the tag, and a `<span>` could make text 300 points high
or white on white."""


def insert_markdown(cursor: QTextCursor, text: str) -> None:
    if text:
        cursor.insertMarkdown(text, MARKDOWN)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def write_header(cursor: QTextCursor, display: TurnDisplay) -> Links:
    """Write who speaks, in a block with the space between turns above it.

    Returns where the header lines end (the turn's actions are buttons over the card, not text).
    """
    start_turn_block(cursor)
    you: int | None = None
    if display.user is not None:
        cursor.insertText(QCoreApplication.translate("Transcript", "You"), bold())
        you = cursor.position()
        new_plain_block(cursor)
        cursor.insertText(display.user, plain_format())
        new_plain_block(cursor)
        if display.images:
            write_thumbnails(cursor, display)
    if display.tool_results_sent:
        sent = TranscriptTexts().tool_results_sent(display.tool_results_sent)
        cursor.insertText(sent, muted())
        new_plain_block(cursor)
    cursor.insertText(QCoreApplication.translate("Transcript", "Assistant"), bold())
    assistant = cursor.position()
    new_plain_block(cursor)
    if display.thinking:
        write_thinking(cursor, display)
    if display.tool_plan:
        cursor.insertText(display.tool_plan, muted(italic=True))
        new_plain_block(cursor)
    return you, assistant


def write_thinking(cursor: QTextCursor, display: TurnDisplay) -> None:
    """The thinking block: a toggle line (a link, so Tab and Return reach it), then the text
    when open. It stays open while the model thinks and folds when the answer starts."""
    words = len(display.thinking.split())
    arrow = "▾" if display.thinking_open else "▸"
    toggle = f"{arrow} {TranscriptTexts().thinking(words)}"
    cursor.insertText(toggle, link(f"thinking:{display.index}"))
    cursor.insertBlock(cursor.blockFormat(), plain_format())
    if display.thinking_open:
        cursor.insertText(display.thinking, muted(italic=True))
        cursor.insertBlock(cursor.blockFormat(), plain_format())


def write_thumbnails(cursor: QTextCursor, display: TurnDisplay) -> None:
    """Small pictures of the images sent with the message (a note when one cannot be shown)."""
    document = cursor.document()
    for pos, url in enumerate(display.images):
        name = f"turn-image:{display.index}:{pos}"
        image = QImage.fromData(QByteArray.fromBase64(url.partition(",")[2].encode()))
        if image.isNull():
            cursor.insertText(
                QCoreApplication.translate("Transcript", "[image %1]").replace("%1", str(pos + 1))
                + " ",
                muted(),
            )
            continue
        small = image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), small)
        cursor.insertImage(name)
        cursor.insertText(" ", plain_format())
    cursor.insertBlock(cursor.blockFormat(), plain_format())


def write_footer(cursor: QTextCursor, display: TurnDisplay) -> None:
    """Write tool calls, search queries, the cut-off reason and the status after the answer."""
    cursor.movePosition(QTextCursor.MoveOperation.End)
    for call in display.tool_calls:
        new_plain_block(cursor)
        cursor.insertText(f"⚙ {call}", muted())
    if display.search_queries:
        new_plain_block(cursor)
        queries = QCoreApplication.translate("Transcript", "Search queries: %1").replace(
            "%1", " · ".join(display.search_queries)
        )
        cursor.insertText(queries, muted())
    if display.cut_off == STOPPED:
        # The person's own choice, not a failure: said in neutral colours (issue 19).
        new_plain_block(cursor)
        cursor.insertText("■ " + QCoreApplication.translate("Transcript", STOPPED), muted())
    elif display.cut_off:
        new_plain_block(cursor)
        reason = display.cut_off
        if reason in _CORE_REASONS:
            reason = QCoreApplication.translate("Transcript", reason)
        # A turn that failed before any answer was cut off from nothing: it got no answer.
        line = _FAILED[0] if display.text or display.tool_calls else _FAILED[1]
        said = QCoreApplication.translate("Transcript", line).replace("%1", reason)
        cursor.insertText("⚠ " + said, warning())
    if display.status:
        new_plain_block(cursor)
        cursor.insertText(display.status, metrics())

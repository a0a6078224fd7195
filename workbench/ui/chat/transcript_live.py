"""Transcript live turn: the streaming answer appended piece by piece, so a tick costs O(new text).

Markdown is appended block by block, cut only where the pieces render exactly as the whole text
would (`core.chat_markdown`); the unfinished tail and the footer are cut out again at the next
tick, in the same edit as what it adds, so Qt lays the change out once. A plain (cited) answer
is appended as text and only new or moved citation spans (as core anchored them) are painted
again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextDocumentFragment

from workbench.core.chat_markdown import MarkdownCuts
from workbench.core.citations import segments_between
from workbench.ui.chat.transcript_format import add_markers, paint_citations, plain_format
from workbench.ui.chat.transcript_render import (
    MARKDOWN,
    frame_of,
    write_footer,
    write_header,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from workbench.ui.chat.transcript_render import Links, TurnDisplay

RENDER_BUDGET_CHARS = 8192
"""Most characters a tick adds to the live turn (about 10 ms of Markdown layout; a steady stream
of 5,000 events/s brings ~1,000 per tick). A backlog is caught up in pieces this big: each tick
also costs a repaint and the tail drawn again, so pieces half this size cost more in all."""
WHOLE_CHARS = 8192
"""Longest answer drawn whole at every tick once it defines a link reference (a few ms of
Markdown a tick); a longer one shows such links as text until the turn ends."""
_SPACER = "x\n\n"
"""Prepended to a Markdown piece so its first block arrives as a block of its own; the "x" merges
into the block shown last and is deleted again, leaving that block as it was."""


@dataclass
class LiveTurn:
    """Where the streaming turn sits in the document, so a tick touches only what is new."""

    document: QTextDocument
    display: TurnDisplay
    plain: bool
    answer_base: int
    links: Links
    """Where the header lines end (`transcript_render.Links`)."""
    cuts: MarkdownCuts = field(default_factory=MarkdownCuts)
    stable_len: int = 0
    """Code points of the answer rendered for good."""
    applied: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Span index → UTF-16 (start, end) of the spans highlighted so far."""
    tail_from: int | None = None
    """Where the unfinished tail and the footer begin, while they are in the document."""

    @classmethod
    def start(cls, cursor: QTextCursor, display: TurnDisplay, *, plain: bool) -> LiveTurn:
        """Write the live turn's header at the cursor (the document's end) and track it."""
        links = write_header(cursor, display)
        nothing_yet = replace(display, text="", citations=())
        return cls(cursor.document(), nothing_yet, plain, cursor.position(), links)

    def continues(self, display: TurnDisplay, *, plain: bool) -> bool:
        """Whether `display` only adds to what the live turn shows (the answer only grows)."""
        return (
            self.plain == plain
            and frame_of(self.display) == frame_of(display)
            and display.text.startswith(self.display.text)
        )

    def within_budget(self, display: TurnDisplay) -> TurnDisplay:
        """`display` itself, or cut to `RENDER_BUDGET_CHARS` more than is shown already."""
        most = len(self.display.text) + RENDER_BUDGET_CHARS
        if len(display.text) > most:
            return replace(display, text=display.text[:most])
        return display

    def advance(self, display: TurnDisplay, *, tail: bool = True) -> None:
        """Show `display`: append what settled, paint new citations, redraw tail and footer.

        Without `tail`, only what settled is appended (a piece of a backlog being caught up, off
        screen: the next piece would take the tail and footer out again at once).
        """
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()  # one change, so one layout and one resize of the scroll range
        whole = self._drawn_whole(display)
        if whole:  # nothing is settled: the whole answer is the tail, taken out and drawn again
            self.tail_from = self.answer_base if self.stable_len else self.tail_from
            self.stable_len = 0
        self.drop_tail()
        if not whole:
            self._extend_stable(display)
        if self.plain:
            self._apply_citations(display)
        self.display = display
        if tail or whole:
            self._write_tail(display)
        cursor.endEditBlock()

    def _drawn_whole(self, display: TurnDisplay) -> bool:
        """Whether the answer defines a link reference, which changes links anywhere above it:
        drawn in pieces, `[x]` stayed text until the turn ended. Only up to `WHOLE_CHARS`."""
        text = display.text
        return not self.plain and len(text) <= WHOLE_CHARS and self.cuts.references_in(text)

    def finish(self, display: TurnDisplay) -> bool:
        """Complete the live rendering into the finished one; False when it must be redone whole.

        The caller has checked that `display` continues this turn.
        """
        if not self.plain and self.cuts.references_in(display.text):
            return False  # a link reference definition can change links anywhere above it
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        self.drop_tail()
        self._extend_stable(display, final=True)
        if self.plain:
            self._apply_citations(display)
            labels = dict(display.source_labels)
            add_markers(
                self.document, self.answer_base, display.index, display.anchors.spans, labels
            )
        write_footer(cursor, display)
        cursor.endEditBlock()
        return True

    def drop_tail(self) -> None:
        """Take the unfinished tail and footer out again, leaving what settled as it was."""
        if self.tail_from is None:
            return
        cursor = QTextCursor(self.document)
        cursor.setPosition(self.tail_from)
        block, chars = cursor.blockFormat(), cursor.blockCharFormat()
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # Joined with the tail's last block, the block the tail began in takes that block's
        # format (a rule above the tail became an empty paragraph): give it its own back.
        cursor.setBlockFormat(block)
        cursor.setBlockCharFormat(chars)
        self.tail_from = None

    def _write_tail(self, display: TurnDisplay) -> None:
        """Write the unfinished tail and the footer after what settled (dropped next tick)."""
        cursor = QTextCursor(self.document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.tail_from = cursor.position()
        if not self.plain:
            self._append_markdown(cursor, display.text[self.stable_len :])
        write_footer(cursor, display)

    def _extend_stable(self, display: TurnDisplay, *, final: bool = False) -> None:
        text = display.text
        cut = len(text) if self.plain or final else self.cuts.advance(text)
        if cut <= self.stable_len:
            return
        cursor = QTextCursor(self.document)
        chunk = text[self.stable_len : cut]
        if self.plain:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(chunk, plain_format())
        else:
            self._append_markdown(cursor, chunk)
        self.stable_len = cut

    def _append_markdown(self, cursor: QTextCursor, text: str) -> None:
        """Append a Markdown piece that starts a block, as the whole text's rendering has it."""
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not text:
            return
        if cursor.position() == self.answer_base:
            cursor.insertMarkdown(text, MARKDOWN)  # the first piece: exactly as `render_turn`
        else:
            at = cursor.position()
            cursor.insertFragment(QTextDocumentFragment.fromMarkdown(_SPACER + text, MARKDOWN))
            spacer = QTextCursor(self.document)
            spacer.setPosition(at)
            spacer.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
            spacer.removeSelectedText()
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def _apply_citations(self, display: TurnDisplay) -> None:
        # Anchored in core on the whole answer so far; a tick may show less of it (the budget).
        spans, shown = display.anchors.spans, len(display.text)
        anchored = [s for s in display.anchors.anchored() if (s.end or 0) <= shown]
        labels = dict(display.source_labels)
        placed = {s.index: (s.start16 or 0, s.end16 or 0) for s in anchored}
        fresh = {i for i, where in placed.items() if self.applied.get(i) != where}
        if not fresh and len(placed) == len(self.applied):
            return
        if set(self.applied) - set(placed) or fresh & set(self.applied):
            # A highlighted span moved or vanished (its text arrived nearer): format it all again.
            cursor = QTextCursor(self.document)
            cursor.setPosition(self.answer_base)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(plain_format())
            runs = segments_between(anchored, 0, len(display.text))
            paint_citations(
                self.document, self.answer_base, display.index, spans, runs, labels=labels
            )
        else:
            # Only runs inside new spans change; earlier runs keep their formats.
            low = min(s.start or 0 for s in anchored if s.index in fresh)
            high = max(s.end or 0 for s in anchored if s.index in fresh)
            runs = segments_between(anchored, low, high)
            paint_citations(
                self.document, self.answer_base, display.index, spans, runs, fresh, labels
            )
        self.applied = placed

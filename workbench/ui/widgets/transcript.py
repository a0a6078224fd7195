"""Transcript: the conversation rendered as Markdown, streamed on a coalescing timer, with citations.

Why it is built this way:
* Updates are coalesced: `show_live()` only stores the newest state; a ~30 ms single-shot timer
  renders it, so a server sending thousands of events per second costs ~33 renders per second.
* The streaming turn never re-renders what is settled: Markdown is appended block by block, cut
  only where the pieces render exactly as the whole text would (`core.chat_markdown`); the
  unfinished tail and the footer are one undoable edit, undone at the next tick, so every tick
  costs O(new text) whatever the answer's length. A tick shows at most `RENDER_BUDGET_CHARS`
  more characters (a backlog, say after a stalled connection, is caught up over a few ticks), so
  no tick grows with a burst. A finished turn keeps that rendering and only adds its last piece,
  footer and links, so it reads the same as a turn rendered whole.
* Citation offsets index the answer *as received*. Markdown rendering moves characters, so an
  answer with citations is shown as plain text, and spans are formatted at their UTF-16 positions
  (`core.citations`), which is what QTextCursor counts. While streaming, only new or changed spans
  are anchored and formatted again.
* `set_turns` keeps the turns already shown that did not change, so starting a turn in a long
  conversation does not render the whole conversation again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from workbench.core.chat_markdown import MarkdownCuts, stable_cut
from workbench.core.citations import (
    CitationMap,
    CitationSpan,
    Segment,
    StreamingCitations,
    cites_answer,
    resolve_citations,
    segments,
    segments_between,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Citation

CITE_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Char-format property holding "turn:span,span" on highlighted text."""
RENDER_INTERVAL_MS = 30
RENDER_BUDGET_CHARS = 4096
"""Most characters a tick adds to the live turn (about 5 ms of Markdown layout; a steady stream
of 5,000 events/s brings ~1,000 per tick)."""
_SPACER = "x\n\n"
"""Prepended to a Markdown piece so its first block arrives as a block of its own; the "x" merges
into the block shown last and is deleted again, leaving that block as it was."""

__all__ = ["CITE_PROPERTY", "Transcript", "TurnDisplay", "stable_cut"]


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


@dataclass
class _Live:
    """Where the streaming turn sits in the document, so a tick touches only what is new."""

    display: TurnDisplay
    plain: bool
    answer_base: int
    links: tuple[int | None, int]
    """Where the finished turn's "[edit and resend]" and "[copy]" links go (after "You", "Assistant")."""
    cuts: MarkdownCuts = field(default_factory=MarkdownCuts)
    citations: StreamingCitations = field(default_factory=StreamingCitations)
    stable_len: int = 0
    """Code points of the answer rendered for good."""
    applied: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Span index → UTF-16 (start, end) of the spans highlighted so far."""
    tail_shown: bool = False
    """The unfinished tail and footer are in the document as the one entry of its undo stack."""


class Transcript(QTextBrowser):
    """Read-only conversation view; links are keyboard-reachable (Tab, then Return)."""

    citation_activated = Signal(int, object)
    """(turn index, tuple of span indexes) when a cited span is hovered or clicked."""
    edit_requested = Signal(int)
    """The person asked to edit and resend the turn with this index."""
    copy_requested = Signal(int)
    """The person asked to copy the answer of this turn."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chat_transcript")
        self.setAccessibleName("Conversation")
        self.setOpenLinks(False)
        self._markdown = True
        self._turns: list[TurnDisplay] = []
        self._starts: list[int] = []
        """Document position where each finished turn begins."""
        self._maps: dict[int, CitationMap] = {}
        self._live: _Live | None = None
        self._pending: TurnDisplay | Callable[[], TurnDisplay] | None = None
        self._live_start = 0
        self.renders = 0
        """How many times the live turn was rendered (the benchmark reads it)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.highlighted.connect(self._on_self_highlighted)

    # --- public API ---------------------------------------------------------------------------

    def set_markdown(self, enabled: bool) -> None:
        """Render answers without citations as Markdown (True) or as plain text."""
        self._markdown = enabled
        turns, self._turns = self._turns, []
        self.set_turns(turns)

    def set_turns(self, turns: list[TurnDisplay]) -> None:
        """Show these finished turns (drops any live turn); turns shown already stay as they are."""
        self._timer.stop()
        self._pending = None
        self._drop_live()
        kept = _common_prefix(self._turns, turns)
        cursor = self._truncate(kept)
        cursor.beginEditBlock()
        for turn in turns[kept:]:
            self._starts.append(cursor.position())
            self._render_turn(cursor, turn)
        cursor.endEditBlock()
        self._turns = list(turns)
        self._live_start = self._end()
        self._scroll_to_end()

    def show_live(self, display: TurnDisplay | Callable[[], TurnDisplay]) -> None:
        """Schedule the streaming turn to be rendered at the next tick (coalesced).

        A callable is called only at render time, so a caller folding thousands of events per
        second builds the display ~33 times per second, not once per event.
        """
        if self._pending is None:  # the timer runs exactly while something is pending
            self._timer.start()
        self._pending = display

    def flush(self) -> None:
        """Render the pending live state now."""
        self._timer.stop()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._render_live(pending if isinstance(pending, TurnDisplay) else pending())

    def finish_live(self, display: TurnDisplay) -> None:
        """Replace the live turn by its final rendering and append it to the finished turns."""
        self._timer.stop()
        self._pending = None
        live, self._live = self._live, None
        self._starts.append(self._live_start)
        if live is None or not self._finish_in_place(live, display):
            self._drop_live(live)
            cursor = self._clear_live_region()
            cursor.beginEditBlock()
            self._render_turn(cursor, display)
            cursor.endEditBlock()
        self._turns.append(display)
        self._live_start = self._end()
        self._scroll_to_end()

    def turns(self) -> list[TurnDisplay]:
        """The finished turns shown."""
        return list(self._turns)

    def citation_map(self, turn: int) -> CitationMap | None:
        """The resolved citations of a turn as last rendered."""
        live = self._live
        if live is not None and live.plain and live.display.index == turn:
            return live.citations.citation_map()
        return self._maps.get(turn)

    def highlighted_spans(self, turn: int) -> dict[int, str]:
        """Span index → the text the document actually highlights for it (read back from Qt)."""
        found: dict[int, list[tuple[int, str]]] = {}
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                owner, spans = _parse_cite(str(frag.charFormat().property(CITE_PROPERTY) or ""))
                if owner == turn:
                    for span in spans:
                        found.setdefault(span, []).append((frag.position(), frag.text()))
                it += 1
            block = block.next()
        return {span: _join_runs(runs) for span, runs in found.items()}

    def answer_text(self, turn: int) -> str:
        """The answer of a finished turn as received (for Copy)."""
        return next((t.text for t in self._turns if t.index == turn), "")

    # --- finished turns -----------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        self.flush()

    def _truncate(self, kept: int) -> QTextCursor:
        """Remove every turn from the `kept`-th on; returns a cursor at the end."""
        if kept == 0:
            self.document().clear()
        else:
            start = self._starts[kept] if kept < len(self._starts) else self._live_start
            self._remove_from(start)
        indexes = {t.index for t in self._turns[:kept]}
        self._maps = {i: m for i, m in self._maps.items() if i in indexes}
        del self._starts[kept:]
        self._turns = self._turns[:kept]
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _clear_live_region(self) -> QTextCursor:
        return self._remove_from(self._live_start)

    def _remove_from(self, position: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self._end()))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        return cursor

    def _end(self) -> int:
        return max(0, self.document().characterCount() - 1)

    def _render_turn(self, cursor: QTextCursor, display: TurnDisplay) -> None:
        self._render_header(cursor, display)
        base = cursor.position()
        if self._wants_plain(display):
            cursor.insertText(display.text, _plain_format())
            cmap = resolve_citations(display.text, display.citations)
            self._maps[display.index] = cmap
            runs = segments(cmap, len(display.text))
            self._format_runs(base, display.index, cmap.spans, runs)
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            self._insert_markdown(cursor, display.text)
            self._maps[display.index] = resolve_citations(display.text, display.citations)
        self._render_footer(cursor, display)

    def _render_header(self, cursor: QTextCursor, display: TurnDisplay) -> tuple[int | None, int]:
        """Write who speaks; returns where the links of a finished turn go (see `_Live.links`)."""
        if cursor.position() > 0:
            _new_plain_block(cursor)
        you: int | None = None
        if display.user is not None:
            cursor.insertText("You", _bold())
            you = cursor.position()
            self._end_link_line(cursor, display, "[edit and resend]", f"edit:{display.index}")
            cursor.insertText(display.user, _plain_format())
            cursor.insertBlock()
        if display.tool_results_sent:
            cursor.insertText(f"↩ sent {display.tool_results_sent} tool result(s)", _muted())
            cursor.insertBlock()
        cursor.insertText("Assistant", _bold())
        assistant = cursor.position()
        self._end_link_line(cursor, display, "[copy]", f"copy:{display.index}")
        if display.tool_plan:
            cursor.insertText(display.tool_plan, _muted(italic=True))
            cursor.insertBlock()
        return you, assistant

    def _end_link_line(
        self, cursor: QTextCursor, display: TurnDisplay, label: str, href: str
    ) -> None:
        """End a header line, with its link once the turn is finished.

        A new block takes the character format in force, the link's; a streaming header gives its
        next block that format too, so adding the links at the end leaves the document exactly as
        a turn rendered whole.
        """
        if display.streaming:
            cursor.insertBlock(cursor.blockFormat(), _link(href))
        else:
            self._insert_link(cursor, label, href)
            cursor.insertBlock()

    def _insert_link(self, cursor: QTextCursor, label: str, href: str) -> None:
        cursor.insertText("  ", _plain_format())
        cursor.insertText(label, _link(href))

    def _render_footer(self, cursor: QTextCursor, display: TurnDisplay) -> None:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        for call in display.tool_calls:
            _new_plain_block(cursor)
            cursor.insertText(f"⚙ {call}", _muted())
        if display.search_queries:
            _new_plain_block(cursor)
            cursor.insertText("Search queries: " + " · ".join(display.search_queries), _muted())
        if display.cut_off:
            _new_plain_block(cursor)
            cursor.insertText(f"⚠ Cut off: {display.cut_off}", _warning())
        if display.status:
            _new_plain_block(cursor)
            cursor.insertText(display.status, _muted())

    def _insert_markdown(self, cursor: QTextCursor, text: str) -> None:
        if text:
            cursor.insertMarkdown(text)
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def _wants_plain(self, display: TurnDisplay) -> bool:
        return not self._markdown or any(cites_answer(c) for c in display.citations)

    def _format_runs(
        self,
        base: int,
        turn: int,
        spans: tuple[CitationSpan, ...],
        runs: list[Segment],
        only: set[int] | None = None,
    ) -> None:
        """Format each cited run (all, or those touching `only`) at its UTF-16 position."""
        cursor = QTextCursor(self.document())
        utf16 = {s.start: s.start16 for s in spans if s.anchored}
        utf16.update({s.end: s.end16 for s in spans if s.anchored})
        for run in runs:
            if not run.spans or run.start not in utf16 or run.end not in utf16:
                continue
            if only is not None and only.isdisjoint(run.spans):
                continue
            ids = ",".join(str(i) for i in run.spans)
            docs = sorted({d for i in run.spans for d in spans[i].document_ids})
            cursor.setPosition(base + (utf16[run.start] or 0))
            cursor.setPosition(base + (utf16[run.end] or 0), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(_cited(f"{turn}:{ids}", docs))

    # --- the live turn ------------------------------------------------------------------------

    def _render_live(self, display: TurnDisplay) -> None:
        self.renders += 1
        at_bottom = self._at_bottom()
        live = self._live
        if live is None or not self._continues(live, display):
            self._drop_live(live)
            live = self._live = self._start_live(display)
        shown = display
        if len(display.text) > len(live.display.text) + RENDER_BUDGET_CHARS:
            shown = replace(
                display, text=display.text[: len(live.display.text) + RENDER_BUDGET_CHARS]
            )
            if self._pending is None:  # catch up at the next tick even if nothing new arrives
                self._pending = display
                self._timer.start()
        self._undo_tail(live)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self._extend_stable(live, shown)
        if live.plain:
            self._apply_citations(live, shown)
        cursor.endEditBlock()
        live.display = shown
        self._show_tail(live, shown)
        if at_bottom:
            self._scroll_to_end()

    def _continues(self, live: _Live, display: TurnDisplay) -> bool:
        """Whether `display` only adds to what the live turn shows (the answer only grows)."""
        return (
            live.plain == self._wants_plain(display)
            and _frame_of(live.display) == _frame_of(display)
            and display.text.startswith(live.display.text)
        )

    def _start_live(self, display: TurnDisplay) -> _Live:
        cursor = self._clear_live_region()
        links = self._render_header(cursor, display)
        nothing_yet = replace(display, text="", citations=())
        return _Live(nothing_yet, self._wants_plain(display), cursor.position(), links)

    def _drop_live(self, live: _Live | None = None) -> None:
        """Forget the live turn (its region is removed by whoever renders next)."""
        live = live or self._live
        if live is not None:
            self._undo_tail(live)
        self._live = None

    def _undo_tail(self, live: _Live) -> None:
        if live.tail_shown:
            self.document().undo()
            live.tail_shown = False
        self.document().setUndoRedoEnabled(False)  # also empties the undo stack

    def _show_tail(self, live: _Live, display: TurnDisplay) -> None:
        """Write the unfinished tail and the footer as one undoable edit (undone next tick)."""
        self.document().setUndoRedoEnabled(True)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        if not live.plain:
            self._append_markdown(live, cursor, display.text[live.stable_len :])
        self._render_footer(cursor, display)
        cursor.endEditBlock()
        live.tail_shown = True

    def _extend_stable(self, live: _Live, display: TurnDisplay, *, final: bool = False) -> None:
        text = display.text
        cut = len(text) if live.plain or final else live.cuts.advance(text)
        if cut <= live.stable_len:
            return
        cursor = QTextCursor(self.document())
        chunk = text[live.stable_len : cut]
        if live.plain:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(chunk, _plain_format())
        else:
            self._append_markdown(live, cursor, chunk)
        live.stable_len = cut

    def _append_markdown(self, live: _Live, cursor: QTextCursor, text: str) -> None:
        """Append a Markdown piece that starts a block, as the whole text's rendering has it."""
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not text:
            return
        if cursor.position() == live.answer_base:
            cursor.insertMarkdown(text)  # the first piece: exactly what `_render_turn` does
        else:
            at = cursor.position()
            cursor.insertFragment(QTextDocumentFragment.fromMarkdown(_SPACER + text))
            spacer = QTextCursor(self.document())
            spacer.setPosition(at)
            spacer.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
            spacer.removeSelectedText()
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def _apply_citations(self, live: _Live, display: TurnDisplay) -> None:
        spans = live.citations.update(display.text, display.citations)
        placed = {s.index: (s.start16 or 0, s.end16 or 0) for s in spans if s.anchored}
        fresh = {i for i, where in placed.items() if live.applied.get(i) != where}
        if not fresh and len(placed) == len(live.applied):
            return
        anchored = sorted((s for s in spans if s.anchored), key=lambda s: (s.start or 0, s.index))
        if set(live.applied) - set(placed) or fresh & set(live.applied):
            # A highlighted span moved or vanished (its text arrived nearer): format it all again.
            cursor = QTextCursor(self.document())
            cursor.setPosition(live.answer_base)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(_plain_format())
            runs = segments_between(anchored, 0, len(display.text))
            self._format_runs(live.answer_base, display.index, spans, runs)
        else:
            # Only runs inside new spans change; earlier runs keep their formats.
            low = min(s.start or 0 for s in anchored if s.index in fresh)
            high = max(s.end or 0 for s in anchored if s.index in fresh)
            runs = segments_between(anchored, low, high)
            self._format_runs(live.answer_base, display.index, spans, runs, fresh)
        live.applied = placed

    def _finish_in_place(self, live: _Live, display: TurnDisplay) -> bool:
        """Complete the live rendering into the finished one; False when it must be redone whole."""
        if not self._continues(live, display):
            return False
        if not live.plain and live.cuts.references_in(display.text):
            return False  # a link reference definition can change links anywhere above it
        self._undo_tail(live)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self._extend_stable(live, display, final=True)
        if live.plain:
            self._apply_citations(live, display)
            self._maps[display.index] = live.citations.citation_map()
        else:
            self._maps[display.index] = resolve_citations(display.text, display.citations)
        self._render_footer(cursor, display)
        cursor.endEditBlock()
        # Each link is an edit of its own: one edit spanning header to footer would lay out the
        # whole answer again.
        you, assistant = live.links
        cursor.setPosition(assistant)
        self._insert_link(cursor, "[copy]", f"copy:{display.index}")
        if you is not None and display.user is not None:
            cursor.setPosition(you)
            self._insert_link(cursor, "[edit and resend]", f"edit:{display.index}")
        return True

    # --- links --------------------------------------------------------------------------------

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self._dispatch(url.toString(), clicked=True)

    def _on_self_highlighted(self, url: QUrl) -> None:
        self._dispatch(url.toString(), clicked=False)

    def _dispatch(self, href: str, *, clicked: bool) -> None:
        kind, _, rest = href.partition(":")
        if kind == "cite":
            turn, spans = _parse_cite(rest)
            if turn is not None:
                self.citation_activated.emit(turn, tuple(spans))
        elif clicked and kind == "edit" and rest.isdigit():
            self.edit_requested.emit(int(rest))
        elif clicked and kind == "copy" and rest.isdigit():
            self.copy_requested.emit(int(rest))

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())


def _common_prefix(shown: list[TurnDisplay], wanted: list[TurnDisplay]) -> int:
    """How many leading turns are the same in both lists."""
    kept = 0
    for old, new in zip(shown, wanted, strict=False):
        if old != new:
            break
        kept += 1
    return kept


def _frame_of(display: TurnDisplay) -> tuple[object, ...]:
    """What of a live turn, when changed, needs its header re-rendered."""
    return (display.index, display.user, display.tool_plan, display.tool_results_sent)


def _parse_cite(value: str) -> tuple[int | None, list[int]]:
    turn, _, ids = value.partition(":")
    if not turn.isdigit():
        return None, []
    return int(turn), [int(i) for i in ids.split(",") if i.isdigit()]


def _join_runs(runs: list[tuple[int, str]]) -> str:
    """Join fragments of one span; a gap of one position is a block separator (a newline)."""
    runs.sort()
    out: list[str] = []
    end = None
    for pos, text in runs:
        if end is not None and pos == end + 1:
            out.append("\n")
        out.append(text)
        end = pos + len(text.encode("utf-16-le")) // 2
    return "".join(out).replace("\u2029", "\n")


def _new_plain_block(cursor: QTextCursor) -> None:
    """Start a block of its own: `insertBlock()` would copy the block format of the answer above
    it, so after an answer ending in a list every later header, footer and plain answer joined that
    list (drawn as bullets, and each new block made Qt lay out the whole list again)."""
    cursor.insertBlock(QTextBlockFormat(), _plain_format())


def _plain_format() -> QTextCharFormat:
    return QTextCharFormat()


def _bold() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def _muted(*, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#6b6b6b"))
    fmt.setFontItalic(italic)
    return fmt


def _warning() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#c62828"))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def _link(href: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setForeground(QColor("#1565c0"))
    fmt.setFontUnderline(True)
    return fmt


def _cited(value: str, documents: list[str]) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#fff3b0"))
    fmt.setFontUnderline(True)
    fmt.setAnchor(True)
    fmt.setAnchorHref(f"cite:{value}")
    fmt.setProperty(CITE_PROPERTY, value)
    fmt.setToolTip("Cited: " + (", ".join(documents) or "no document id"))
    return fmt

"""Transcript: the conversation rendered as Markdown, streamed on a coalescing timer, with citations.

Why it is built this way:
* Updates are coalesced: `show_live()` only stores the newest state; a ~30 ms single-shot timer
  renders it, so a server sending thousands of events per second costs ~33 renders per second.
  Only until the turn shows its first output is each update rendered at once.
* The streaming turn never re-renders what is settled: Markdown is appended block by block, cut
  only where the pieces render exactly as the whole text would (`core.chat_markdown`); the
  unfinished tail and the footer are cut out and written again at the next tick, so every tick
  costs O(new text) whatever the answer's length. A tick shows at most `RENDER_BUDGET_CHARS`
  more characters (a backlog, say after a stalled connection, is caught up a piece every
  `CATCH_UP_MS`, below the view, which jumps to the end once), so no tick grows with a burst;
  while a backlog is still being folded (text arriving faster than `BACKLOG_CHARS_PER_S`) the
  drawing waits for it (at most `BACKLOG_WAIT_S`), so it is drawn once, not tick by tick. A
  finished turn keeps that rendering and only adds its last piece, footer and links, so it reads
  the same as a turn rendered whole (`transcript_live`).
* Citation offsets index the answer *as received*. Markdown rendering moves characters, so an
  answer with citations is shown as plain text, and spans are formatted at their UTF-16 positions,
  which is what QTextCursor counts. The spans come anchored from core (`TurnDisplay.anchors`);
  the transcript only draws them, and while streaming formats only new or moved spans again
  (`transcript_format`, `transcript_render`).
* `set_turns` keeps the turns already shown that did not change, so starting a turn in a long
  conversation does not render the whole conversation again.
* Each turn sits on a painted card with its actions floating over it, and what to do after the
  last turn is a card of widgets under the document: none of them is document text, so none of
  them costs a layout (`transcript_view`, the base class).
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QTextCursor

from workbench.core.chat_markdown import stable_cut
from workbench.ui.chat.transcript_format import (
    CITE_PROPERTY,
    highlighted_spans,
    parse_cite,
    source_order,
)
from workbench.ui.chat.transcript_live import RENDER_BUDGET_CHARS, LiveTurn
from workbench.ui.chat.transcript_render import TurnDisplay, render_turn, wants_plain
from workbench.ui.chat.transcript_view import TurnCardsView
from workbench.ui.common.steady_scroll import SteadyScrollBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

RENDER_INTERVAL_MS = 30
BACKLOG_CHARS_PER_S = 64_000
"""Text arriving faster than this is a backlog being handed over (a stalled connection catching
up): it is drawn once it has arrived, not a tick at a time while it is folded. Twice the pace of
the benchmark's 5,000 events/s, itself far above a model's (a backlog folds at 150-400 KB/s)."""
CATCH_UP_MS = 5
"""Between two pieces of a backlog being caught up. Not 0: a chain of zero-interval timers kept
other timers (a 5 ms heartbeat) waiting for up to 100 ms."""
BACKLOG_WAIT_S = 0.25
"""The longest a backlog arriving holds the drawing back."""

__all__ = [
    "CITE_PROPERTY",
    "RENDER_BUDGET_CHARS",
    "RENDER_INTERVAL_MS",
    "Transcript",
    "TurnDisplay",
    "stable_cut",
]


class Transcript(TurnCardsView):
    """Read-only conversation view; links are keyboard-reachable (Tab, then Return)."""

    citation_activated = Signal(int, object)
    """(turn index, tuple of span indexes) when a cited span is hovered or clicked."""
    source_activated = Signal(int, str)
    """(turn index, document id) when a citation marker ([1], [2]) is activated."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatTranscript")
        self.setOpenLinks(False)
        self.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, self))
        self._markdown = True
        self._redraw_owed = False
        """The theme or language changed while a turn streamed: the finished turns are drawn
        again when it ends (`set_turns` draws them all then, `finish_live` does it itself)."""
        self.renders = 0
        """How many times the live turn was rendered (the benchmark reads it)."""
        self._seen = 0
        """Length of the live answer at the last tick."""
        self._seen_at = 0.0
        """When `_seen` was taken (`time.monotonic`)."""
        self._held_since: float | None = None
        """When a backlog began to hold the drawing back."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.highlighted.connect(self._on_self_highlighted)
        # On the steady bar set above (the view's own, which the base class knew, is gone).
        self.verticalScrollBar().valueChanged.connect(self._on_bar_value_changed)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language or theme switch: finished turns are drawn again, at once or, while a
        turn streams, when it finishes (it finishes in the new language and colours)."""
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate_ui()
            if self._live is None and self._pending is None:
                self._redraw()
            else:
                self._redraw_owed = True
        super().changeEvent(event)

    def _redraw(self) -> None:
        self._redraw_owed = True  # every turn, though none changed (`set_turns` clears it)
        self.set_turns(list(self._turns))

    def retranslate_ui(self) -> None:
        """Set the accessible name in the current language."""
        super().retranslate_ui()
        self.setAccessibleName(self.tr("Conversation"))

    # --- public API ---------------------------------------------------------------------------

    def set_markdown(self, enabled: bool) -> None:
        """Render answers without citations as Markdown (True) or as plain text."""
        self._markdown = enabled
        self._redraw()

    def set_turns(self, turns: list[TurnDisplay]) -> None:
        """Show these finished turns (drops any live turn); turns shown already stay as they are.

        The view stays on the turn it showed, as far into it, unless it was at the end: a theme
        or language switch or a thinking block unfolded jumped to the end, away from the text
        being read.
        """
        place = self._reading_place()
        self._timer.stop()
        self._pending = None
        self._drop_live()
        kept = 0 if self._redraw_owed else _common_prefix(self._turns, turns)
        self._redraw_owed = False
        cursor = self._truncate(kept)
        cursor.beginEditBlock()
        for turn in turns[kept:]:
            self._starts.append(cursor.position())
            self._render_turn(cursor, turn)
        cursor.endEditBlock()
        self._turns = list(turns)
        self._live_start = self._end()
        self._return_to(place)
        self._actions_for_new_turns()

    def show_live(self, display: TurnDisplay | Callable[[], TurnDisplay]) -> None:
        """Schedule the streaming turn to be rendered at the next tick (coalesced).

        A callable is called only at render time, so a caller folding thousands of events per
        second builds the display ~33 times per second, not once per event. Until the live turn
        shows some output it is rendered at once instead: the first text does not wait for the
        timer (issue 15: that wait was most of the time to first token the app added).
        """
        if self._pending is None:  # the timer runs exactly while something is pending
            self._timer.start(RENDER_INTERVAL_MS)
            self._seen_at = time.monotonic()  # all shown until now: news arrives from here on
            self.turn_actions.hide()
        self._pending = display
        if not self._shows_output():
            self.flush()

    def flush(self) -> None:
        """Render the pending live state now."""
        self._timer.stop()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._render_live(pending if isinstance(pending, TurnDisplay) else pending())

    def finish_live(self, display: TurnDisplay) -> None:
        """Replace the live turn by its final rendering and append it to the finished turns."""
        at_bottom = self._at_bottom()  # read here, the live turn not yet replaced
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
        if at_bottom:  # else the person reads above, as the live drawing left them (no follow)
            self.scroll_to_end()
        if self._redraw_owed:  # the theme or language changed while it streamed
            self._redraw()
        else:
            self._actions_for_new_turns()

    def toggle_thinking(self, turn: int) -> None:
        """Unfold or fold a finished turn's thinking block (a streaming turn keeps its own)."""
        if self._live is not None or self._pending is not None:
            return
        turns = [
            replace(t, thinking_open=not t.thinking_open) if t.index == turn else t
            for t in self._turns
        ]
        self.set_turns(turns)

    def turns(self) -> list[TurnDisplay]:
        """The finished turns shown."""
        return list(self._turns)

    def highlighted_spans(self, turn: int) -> dict[int, str]:
        """Span index → the text the document actually highlights for it (read back from Qt)."""
        return highlighted_spans(self.document(), turn)

    def answer_text(self, turn: int) -> str:
        """The answer of a finished turn as received (for Copy)."""
        return next((t.text for t in self._turns if t.index == turn), "")

    # --- finished turns -----------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        if self._pending is not None and self._backlog_arriving(self._pending):
            self._timer.start(RENDER_INTERVAL_MS)  # look again next tick: draw it once it is in
            return
        self.flush()

    def _backlog_arriving(self, pending: TurnDisplay | Callable[[], TurnDisplay]) -> bool:
        """Whether much more arrived since the last tick (and the drawing was not held too long).

        Drawing each tick of a backlog as it is folded cost a render and a repaint a few thousand
        characters at a time (issue 15: the pane's CPU in 1 s bursts was 2.3 times the stream's).
        """
        display = pending if isinstance(pending, TurnDisplay) else pending()
        self._pending = display
        now = time.monotonic()
        grown, self._seen = len(display.text) - self._seen, len(display.text)
        # A pace, not an amount per tick: on a loaded machine a backlog is folded more slowly, and
        # a tick's worth of it was under any fixed amount, so it was drawn tick by tick after all.
        elapsed, self._seen_at = max(now - self._seen_at, RENDER_INTERVAL_MS / 1000), now
        if grown <= BACKLOG_CHARS_PER_S * elapsed or self._live is None:
            self._held_since = None
            return False
        if self._held_since is None:
            self._held_since = now
        return now - self._held_since < BACKLOG_WAIT_S

    def _render_turn(self, cursor: QTextCursor, display: TurnDisplay) -> None:
        render_turn(cursor, display, markdown=self._markdown)

    def _wants_plain(self, display: TurnDisplay) -> bool:
        return wants_plain(display, markdown=self._markdown)

    def _truncate(self, kept: int) -> QTextCursor:
        """Remove every turn from the `kept`-th on; returns a cursor at the end."""
        if kept == 0:
            self.document().clear()
        else:
            start = self._starts[kept] if kept < len(self._starts) else self._live_start
            self._remove_from(start)
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

    # --- the live turn ------------------------------------------------------------------------

    def _render_live(self, display: TurnDisplay) -> None:
        # One method the benchmark wraps (`benchmarks/chat_stream_render.py`) to time a tick.
        self.renders += 1
        self._seen, self._seen_at = len(display.text), time.monotonic()
        at_bottom = self._at_bottom()
        live = self._live
        if live is None or not live.continues(display, plain=self._wants_plain(display)):
            self._drop_live(live)
            live = self._live = self._start_live(display)
        shown = live.within_budget(display)
        if shown is not display and self._pending is None:
            # Catch up soon, even if nothing new arrives.
            self._pending = display
            self._timer.start(CATCH_UP_MS)
        # While catching up, a piece is appended below the view, without the tail and footer the
        # next piece would take out again, and not followed: on screen it would cost a repaint
        # (~5 ms) for a few milliseconds (issue 15). The last piece is followed, so the view
        # jumps to the end once. The first output is drawn and followed as ever.
        off_screen = shown is not display and self._shows_output()
        live.advance(shown, tail=not off_screen)
        if at_bottom and not off_screen:
            self.scroll_to_end()

    def _shows_output(self) -> bool:
        """Whether the live turn shows any of the answer yet (text, a tool plan or calls)."""
        shown = self._live.display if self._live is not None else None
        return shown is not None and bool(shown.text or shown.tool_plan or shown.tool_calls)

    def _start_live(self, display: TurnDisplay) -> LiveTurn:
        cursor = self._clear_live_region()
        return LiveTurn.start(cursor, display, plain=self._wants_plain(display))

    def _drop_live(self, live: LiveTurn | None = None) -> None:
        """Forget the live turn (its region is removed by whoever renders next)."""
        live = live or self._live
        if live is not None:
            live.drop_tail()
        self._live = None

    def _finish_in_place(self, live: LiveTurn, display: TurnDisplay) -> bool:
        """Complete the live rendering into the finished one; False when it must be redone whole."""
        if not live.continues(display, plain=self._wants_plain(display)):
            return False
        return live.finish(display)

    # --- links and scrolling ------------------------------------------------------------------

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self._dispatch(url.toString(), clicked=True)

    def _on_self_highlighted(self, url: QUrl) -> None:
        self._dispatch(url.toString(), clicked=False)

    def _dispatch(self, href: str, *, clicked: bool) -> None:
        kind, _, rest = href.partition(":")
        if kind == "cite":
            turn, spans = parse_cite(rest)
            if turn is not None:
                self.citation_activated.emit(turn, tuple(spans))
        elif clicked and kind == "source":
            self._activate_source(rest)
        elif clicked and kind == "thinking" and rest.isdigit():
            self.toggle_thinking(int(rest))

    def _activate_source(self, rest: str) -> None:
        """A marker "turn:n" was activated: name source n of that turn."""
        turn, _, number = rest.partition(":")
        display = next((t for t in self._turns if str(t.index) == turn), None)
        if display is None or not number.isdigit():
            return
        docs = source_order(display.anchors.spans)
        if 1 <= int(number) <= len(docs):
            self.source_activated.emit(display.index, docs[int(number) - 1])


def _common_prefix(shown: list[TurnDisplay], wanted: list[TurnDisplay]) -> int:
    """How many leading turns are the same in both lists."""
    kept = 0
    for old, new in zip(shown, wanted, strict=False):
        if old != new:
            break
        kept += 1
    return kept

"""Transcript: the conversation rendered as Markdown, streamed on a coalescing timer, with citations.

Why it is built this way:
* Updates are coalesced: `show_live()` only stores the newest state; a ~30 ms single-shot timer
  renders it, so a server sending thousands of events per second costs ~33 renders per second.
* The streaming turn never re-renders what is settled: Markdown is appended paragraph by paragraph
  (cut at blank lines outside code fences) and only the unfinished tail is replaced each tick.
* Citation offsets index the answer *as received*. Markdown rendering moves characters, so an
  answer with citations is shown as plain text, and spans are formatted at their UTF-16 positions
  (`core.citations`), which is what QTextCursor counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from workbench.core.citations import CitationMap, cites_answer, resolve_citations, segments

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Citation

CITE_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Char-format property holding "turn:span,span" on highlighted text."""
RENDER_INTERVAL_MS = 30


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


def stable_cut(text: str) -> int:
    """Length of the prefix made of finished Markdown paragraphs (outside code fences)."""
    cut = 0
    pos = text.find("\n\n")
    while pos != -1:
        if text.count("```", 0, pos) % 2 == 0:
            cut = pos + 2
        pos = text.find("\n\n", pos + 2)
    return cut


@dataclass
class _Live:
    """Where the streaming turn sits in the document, so a tick touches only its tail."""

    display: TurnDisplay
    plain: bool
    answer_base: int
    stable_len: int = 0
    """Code points of the answer already rendered for good."""
    tail_start: int = 0
    applied: tuple[int, ...] = ()
    """Indexes of the spans highlighted so far (a span anchors once its text has arrived)."""


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
        self.set_turns(self._turns)

    def set_turns(self, turns: list[TurnDisplay]) -> None:
        """Show these finished turns (drops any live turn)."""
        self._timer.stop()
        self._pending = None
        self._live = None
        self._turns = list(turns)
        self._maps.clear()
        self.document().clear()
        cursor = QTextCursor(self.document())
        for turn in self._turns:
            self._render_turn(cursor, turn)
        self._live_start = cursor.position()
        self._scroll_to_end()

    def show_live(self, display: TurnDisplay | Callable[[], TurnDisplay]) -> None:
        """Schedule the streaming turn to be rendered at the next tick (coalesced).

        A callable is called only at render time, so a caller folding thousands of events per
        second builds the display ~33 times per second, not once per event.
        """
        self._pending = display
        if not self._timer.isActive():
            self._timer.start()

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
        self._live = None
        cursor = self._clear_live_region()
        self._render_turn(cursor, display)
        self._turns.append(display)
        self._live_start = cursor.position()
        self._scroll_to_end()

    def turns(self) -> list[TurnDisplay]:
        """The finished turns shown."""
        return list(self._turns)

    def citation_map(self, turn: int) -> CitationMap | None:
        """The resolved citations of a turn as last rendered."""
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

    # --- rendering ----------------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        self.flush()

    def _clear_live_region(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._live_start, self._end()))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        return cursor

    def _end(self) -> int:
        return max(0, self.document().characterCount() - 1)

    def _render_live(self, display: TurnDisplay) -> None:
        self.renders += 1
        live = self._live
        plain = self._wants_plain(display)
        reusable = (
            live is not None
            and live.plain == plain
            and display.text.startswith(live.display.text[: live.stable_len])
            and _frame_of(live.display) == _frame_of(display)
        )
        at_bottom = self._at_bottom()
        if live is None or not reusable:
            cursor = self._clear_live_region()
            self._render_header(cursor, display)
            live = _Live(display, plain, cursor.position(), tail_start=cursor.position())
            self._live = live
        live.display = display
        self._extend_stable(live, display)
        cursor = QTextCursor(self.document())
        cursor.setPosition(live.tail_start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if not plain:
            self._insert_markdown(cursor, display.text[live.stable_len :])
        self._render_footer(cursor, display)
        if plain:
            self._apply_citations(live)
        if at_bottom:
            self._scroll_to_end()

    def _extend_stable(self, live: _Live, display: TurnDisplay) -> None:
        text = display.text
        cut = len(text) if live.plain else stable_cut(text)
        if cut <= live.stable_len:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(live.tail_start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        chunk = text[live.stable_len : cut]
        if live.plain:
            cursor.insertText(chunk, _plain_format())
        else:
            self._insert_markdown(cursor, chunk)
        live.stable_len = cut
        live.tail_start = cursor.position()

    def _apply_citations(self, live: _Live) -> None:
        display = live.display
        cmap = resolve_citations(display.text, display.citations)
        self._maps[display.index] = cmap
        anchored = tuple(s.index for s in cmap.anchored())
        if anchored != live.applied:
            # Only runs touching newly anchored spans change; earlier runs keep their formats.
            fresh = set(anchored) - set(live.applied)
            self._highlight(live.answer_base, display.index, cmap, len(display.text), fresh)
            live.applied = anchored

    def _wants_plain(self, display: TurnDisplay) -> bool:
        return not self._markdown or any(cites_answer(c) for c in display.citations)

    def _render_turn(self, cursor: QTextCursor, display: TurnDisplay) -> None:
        self._render_header(cursor, display)
        base = cursor.position()
        if self._wants_plain(display):
            cursor.insertText(display.text, _plain_format())
            cmap = resolve_citations(display.text, display.citations)
            self._maps[display.index] = cmap
            self._highlight(base, display.index, cmap, len(display.text))
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            self._insert_markdown(cursor, display.text)
            self._maps[display.index] = resolve_citations(display.text, display.citations)
        self._render_footer(cursor, display)

    def _render_header(self, cursor: QTextCursor, display: TurnDisplay) -> None:
        if cursor.position() > 0:
            cursor.insertBlock()
        if display.user is not None:
            cursor.insertText("You", _bold())
            if not display.streaming:
                cursor.insertText("  ", _plain_format())
                cursor.insertText("[edit and resend]", _link(f"edit:{display.index}"))
            cursor.insertBlock()
            cursor.insertText(display.user, _plain_format())
            cursor.insertBlock()
        if display.tool_results_sent:
            cursor.insertText(f"↩ sent {display.tool_results_sent} tool result(s)", _muted())
            cursor.insertBlock()
        cursor.insertText("Assistant", _bold())
        if not display.streaming:
            cursor.insertText("  ", _plain_format())
            cursor.insertText("[copy]", _link(f"copy:{display.index}"))
        if display.tool_plan:
            cursor.insertBlock()
            cursor.insertText(display.tool_plan, _muted(italic=True))
        cursor.insertBlock()

    def _render_footer(self, cursor: QTextCursor, display: TurnDisplay) -> None:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        for call in display.tool_calls:
            cursor.insertBlock()
            cursor.insertText(f"⚙ {call}", _muted())
        if display.search_queries:
            cursor.insertBlock()
            cursor.insertText("Search queries: " + " · ".join(display.search_queries), _muted())
        if display.cut_off:
            cursor.insertBlock()
            cursor.insertText(f"⚠ Cut off: {display.cut_off}", _warning())
        if display.status:
            cursor.insertBlock()
            cursor.insertText(display.status, _muted())

    def _insert_markdown(self, cursor: QTextCursor, text: str) -> None:
        if text:
            cursor.insertMarkdown(text)
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def _highlight(
        self,
        base: int,
        turn: int,
        cmap: CitationMap,
        length: int,
        only: set[int] | None = None,
    ) -> None:
        index = cmap.spans
        cursor = QTextCursor(self.document())
        utf16 = {s.start: s.start16 for s in index if s.anchored}
        utf16.update({s.end: s.end16 for s in index if s.anchored})
        for run in segments(cmap, length):
            if not run.spans or run.start not in utf16 or run.end not in utf16:
                continue
            if only is not None and only.isdisjoint(run.spans):
                continue
            ids = ",".join(str(i) for i in run.spans)
            docs = sorted({d for i in run.spans for d in index[i].document_ids})
            cursor.setPosition(base + (utf16[run.start] or 0))
            cursor.setPosition(base + (utf16[run.end] or 0), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(_cited(f"{turn}:{ids}", docs))

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

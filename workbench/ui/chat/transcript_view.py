"""Transcript view: each turn on a painted card, its actions over it, and cards after the last turn.

Each turn sits on a painted card (`transcript_cards`); its actions are real buttons floating over
the card (`turn_actions`) the mouse is on or the keyboard chose (Alt+Up, Alt+Down, Tab), and what
to do after the last turn (a failure, tools to answer) is a card of widgets under the document
(`turn_cards`): none of them is document text, so none of them costs a layout. `TurnCardsView`
keeps where each turn begins; the transcript (`transcript`) draws the turns and streams the live
one, and nothing here runs at its ticks.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QTextBrowser, QVBoxLayout, QWidget

from workbench.ui.chat.transcript_cards import Bounds, card_rect, paint_cards, visible_cards
from workbench.ui.chat.turn_actions import TurnActions
from workbench.ui.chat.turn_cards import ErrorCard, ToolWaitCard

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QMouseEvent, QPaintEvent, QResizeEvent

    from workbench.ui.chat.transcript_live import LiveTurn
    from workbench.ui.chat.transcript_render import TurnDisplay

DOCUMENT_MARGIN_PX = 12
"""Room between a card's sides and its text."""


class _EndArea(QWidget):
    """Holds the cards under the last turn; says when their words need another height."""

    relaid = Signal()
    """Its layout was asked again (a card's text changed, a language switch): fit it anew."""

    def event(self, event: QEvent) -> bool:
        """Emit `relaid` once the layout has handled a layout request."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self.relaid.emit()
        return handled


class Place(NamedTuple):
    """Where the person reads: a finished turn (None: above the first) and pixels into it."""

    turn: int | None
    offset: int


class TurnCardsView(QTextBrowser):
    """The turns on cards, the action buttons over one of them, the cards under the last."""

    edit_requested = Signal(int)
    """The person asked to edit and resend the turn with this index."""
    copy_requested = Signal(int)
    """The person asked to copy the answer of this turn."""
    regenerate_requested = Signal(int)
    """The person asked for a new answer to the turn with this index (the last)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document().setDocumentMargin(DOCUMENT_MARGIN_PX)
        self.turn_actions = TurnActions(self.viewport())
        self._key_turn: int | None = None
        """The turn the keyboard chose for the actions (Alt+Up, Alt+Down); None: the last."""
        self._end_area = _EndArea(self)
        self._end_area.setObjectName("chatTranscriptEnd")
        self.error_card = ErrorCard(self._end_area)
        self.tool_wait = ToolWaitCard(self._end_area)
        end_layout = QVBoxLayout(self._end_area)
        end_layout.setContentsMargins(DOCUMENT_MARGIN_PX // 2, 0, DOCUMENT_MARGIN_PX // 2, 4)
        end_layout.addWidget(self.error_card)
        end_layout.addWidget(self.tool_wait)
        # Where the turns are, which the transcript keeps as it draws them.
        self._turns: list[TurnDisplay] = []
        self._starts: list[int] = []
        """Document position where each finished turn begins."""
        self._live_start = 0
        """Document position where the live turn begins."""
        self._follow = True
        """The view was at the end when last scrolled (by the person or by the transcript)."""
        self._live: LiveTurn | None = None
        self._pending: TurnDisplay | Callable[[], TurnDisplay] | None = None
        self.turn_actions.copy_requested.connect(self.copy_requested)
        self.turn_actions.edit_requested.connect(self.edit_requested)
        self.turn_actions.regenerate_requested.connect(self.regenerate_requested)
        # Words in another language can take more lines: the area grows with them.
        self._end_area.relaid.connect(self._place_end_area)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        self.setMouseTracking(True)
        # Shortcuts, not keys read in keyPressEvent: the shortcuts sheet lists them (it reads
        # the window's QShortcuts), and they work from the action buttons too.
        self._turn_keys = [
            self._turn_key("Alt+Up", -1),
            self._turn_key("Alt+Down", 1),
        ]

    def _turn_key(self, keys: str, step: int) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self._step_actions(step))
        return shortcut

    def retranslate_ui(self) -> None:
        """Say what the turn keys do, for the shortcuts sheet, in the current language."""
        earlier, later = self._turn_keys
        earlier.setWhatsThis(self.tr("Show the buttons of the turn before"))
        later.setWhatsThis(self.tr("Show the buttons of the turn after"))

    def _end(self) -> int:
        return max(0, self.document().characterCount() - 1)

    # --- what follows the last turn -------------------------------------------------------------

    def show_error(self, texts: Callable[[], tuple[str, str]], *, can_edit: bool) -> None:
        """Show the error card under the last turn (Retry, Edit endpoint); `texts` gives its
        title and explanation in the current language."""
        self.tool_wait.hide()
        self.error_card.show_error(texts, can_edit=can_edit)
        self._place_end_area()

    def show_tool_wait(self, names: tuple[str, ...]) -> None:
        """Show which tools the last turn waits for, with a button to the Tool results form."""
        self.error_card.hide()
        self.tool_wait.show_calls(names)
        self._place_end_area()

    def end_cards(self) -> None:
        """Take the cards under the last turn away (a new turn, a new conversation)."""
        self.error_card.hide()
        self.tool_wait.hide()
        self._place_end_area()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the cards under the last turn at the bottom, as wide as the transcript."""
        super().resizeEvent(event)
        self._place_end_area()

    def _place_end_area(self) -> None:
        shown = not (self.error_card.isHidden() and self.tool_wait.isHidden())
        rect = self.contentsRect()
        layout = self._end_area.layout()
        height = layout.totalHeightForWidth(rect.width()) if shown and layout else 0
        height = min(max(height, 0), rect.height() // 2)
        self.setViewportMargins(0, 0, 0, height)
        self._end_area.setGeometry(rect.left(), rect.bottom() - height + 1, rect.width(), height)
        self._end_area.setVisible(shown)

    # --- the reading place ---------------------------------------------------------------------

    def scroll_to_end(self) -> None:
        """Show the end of the conversation."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _at_bottom(self) -> bool:
        # Whether it was at the end when it last moved, too: when the view gets shorter (the pane
        # below it grows at Send) the end moves down without the view moving, and a streaming
        # answer must still be followed.
        bar = self.verticalScrollBar()
        return self._follow or bar.value() >= bar.maximum() - 4

    def _on_bar_value_changed(self, value: int) -> None:
        """Note whether the view is at the end (connect it to the bar the view ends up with)."""
        self._follow = value >= self.verticalScrollBar().maximum() - 4

    def _reading_place(self) -> Place | None:
        """Which finished turn is at the top of the view and how far into it (pixels); None
        when the view is at the end (it stays there)."""
        if self._at_bottom() or not self._turns:
            return None
        top = self.verticalScrollBar().value()
        count = len(self._turns)
        turn = bisect.bisect_right(range(count), top, key=lambda i: round(self._card(i).top())) - 1
        if turn < 0:  # above the first card
            return Place(None, top)
        return Place(turn, top - round(self._card(turn).top()))

    def _return_to(self, place: Place | None) -> None:
        """Bring the view back to `place` (the same turn, as far into it), or to the end."""
        if place is None or (place.turn is not None and place.turn >= len(self._turns)):
            self.scroll_to_end()
            return
        top = 0 if place.turn is None else round(self._card(place.turn).top())
        self.document().size()  # the whole layout now, so the bar's range has its true end
        self.verticalScrollBar().setValue(top + place.offset)

    # --- cards and the turn actions -------------------------------------------------------------

    def card_bounds(self) -> list[Bounds]:
        """Every turn's (start, stop) positions, finished turns first, then a live one."""
        stops = [*self._starts[1:], self._live_start] if self._starts else []
        bounds = list(zip(self._starts, stops, strict=True))
        if self._live is not None and self._end() > self._live_start:
            bounds.append((self._live_start, self._end()))
        return bounds

    def visible_cards(self) -> list[tuple[int, QRectF]]:
        """(turn, card) for the cards in view, in viewport coordinates."""
        top = float(self.verticalScrollBar().value())
        width = float(self.viewport().width())
        shown = visible_cards(
            self.document(), self.card_bounds(), width, top, top + self.viewport().height()
        )
        offset = QPointF(-self.horizontalScrollBar().value(), -top)
        return [(i, rect.translated(offset)) for i, rect in shown]

    def show_actions(self, turn: int) -> None:
        """Put the action buttons over finished turn `turn` (mouse or keyboard chose it)."""
        if not 0 <= turn < len(self._turns):
            return
        display = self._turns[turn]
        last = turn == len(self._turns) - 1 and self._live is None and self._pending is None
        self.turn_actions.show_for(
            display.index,
            can_edit=display.user is not None,
            can_regenerate=last,
        )
        rect = self._card(turn).translated(0, -self.verticalScrollBar().value())
        x = int(rect.right()) - self.turn_actions.width() - 4
        self.turn_actions.move(max(0, x), max(0, int(rect.top()) + 4))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the cards in view, then the document over them."""
        paint_cards(self.viewport(), self.visible_cards(), QPointF(0, 0))
        super().paintEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Show the actions of the turn under the mouse."""
        super().mouseMoveEvent(event)
        turn = self._turn_at(event.position().toPoint())
        if turn is not None and (
            turn != self._shown_actions() or not self.turn_actions.isVisible()
        ):
            self.show_actions(turn)

    def leaveEvent(self, event: QEvent) -> None:
        """Hide the actions when the mouse leaves, unless the keyboard is on them."""
        if not self.turn_actions.has_focus_inside() and not self.hasFocus():
            self.turn_actions.hide()
        super().leaveEvent(event)

    def _shown_actions(self) -> int | None:
        return self.turn_actions.turn if self.turn_actions.isVisible() else None

    def _step_actions(self, step: int) -> None:
        if not self._turns:
            return
        shown = self._shown_actions()
        current = shown if shown is not None else len(self._turns)
        self._key_turn = min(max(current + step, 0), len(self._turns) - 1)
        rect = self._card(self._key_turn)
        bar = self.verticalScrollBar()
        if not bar.value() <= rect.top() <= bar.value() + self.viewport().height() - 40:
            bar.setValue(int(rect.top()))
        self.show_actions(self._key_turn)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The keyboard reaches the actions from the transcript (Tab) and leaves them again."""
        inside = new is not None and (new is self or self.turn_actions.isAncestorOf(new))
        if inside and not self.turn_actions.isVisible() and self._turns:
            self.show_actions(self._keyboard_turn())
        elif not inside and not self.underMouse():
            self.turn_actions.hide()

    def _keyboard_turn(self) -> int:
        """The turn the keyboard's actions are for: the one it chose, else the last."""
        last = len(self._turns) - 1
        return last if self._key_turn is None else min(self._key_turn, last)

    def _actions_for_new_turns(self) -> None:
        """The turns were drawn anew: the bar goes (its turn may be gone), and comes back on the
        keyboard's turn if the transcript has the focus.

        Only a focus change showed it again, and none comes when the focus stays here while a
        turn streams and ends: Tab then jumped past Copy, Edit and Regenerate.
        """
        self.turn_actions.hide()
        if self.hasFocus() and self._turns:
            self.show_actions(self._keyboard_turn())

    def _card(self, turn: int) -> QRectF:
        return card_rect(self.document(), self.card_bounds()[turn], self.viewport().width())

    def _turn_at(self, point: QPoint) -> int | None:
        """The finished turn at a viewport point (None over the live turn or nothing)."""
        if not self._turns:
            return None
        position = self.cursorForPosition(point).position()
        if self._live is not None and position > self._live_start:
            return None
        return min(max(bisect.bisect_left(self._starts, position) - 1, 0), len(self._turns) - 1)

"""Focus ring: a frame inside the focused control for the kinds the style marks no focus on.

Fusion marks focus on buttons, line edits, spin boxes, combo boxes and tab bars, but not on
scroll areas (read-only text views, tables, lists, trees) or on custom-painted widgets (charts):
there a keyboard user cannot see where the focus is (issue 19, item 9). One ring per window
follows the focus onto those: a see-through child laid over the control, drawn inside its edges
(a frame outside them would be cut where the control touches its parent's edge), in the
palette's highlight colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QCommandLinkButton,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

SELF_MARKING = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QTabBar, QAbstractSlider)
"""Controls the style itself draws with a focus mark; the ring leaves them alone."""
WIDTH = 2
"""Pixels of the ring, as wide as Fusion's own focus frame on a line edit."""


def _marks_itself(widget: QWidget) -> bool:
    """Whether the style draws this control's focus (not a flat button's, nor a command link's)."""
    if isinstance(widget, QCommandLinkButton) or (
        isinstance(widget, QPushButton) and widget.isFlat()
    ):
        return False
    return isinstance(widget, SELF_MARKING)


class _Ring(QWidget):
    """The ring itself: see-through to the mouse, drawn just inside its parent's edges."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """A ring just inside the edges, in the highlight colour of the palette in use."""
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()


class FocusRing(QObject):
    """Follows the focus inside one window and rings the controls that show no focus of their own.

    The ring is a child of the ringed control (so it moves, clips and scrolls with it); when a
    control is deleted with the ring on it, the next focus change makes a new ring.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._ring: _Ring | None = None
        self._target: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_app_focus_changed)

    def target(self) -> QWidget | None:
        """The control ringed now (None when the focus is on one that marks itself)."""
        return self._target if self._target is not None and isValid(self._target) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the ring on the control's edges as it resizes."""
        if watched is self._target and event.type() == QEvent.Type.Resize:
            ring = self._live_ring()
            if ring is not None:
                ring.setGeometry(self._target.rect())
        return False

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        ringed = new is not None and new.window() is self._window and not _marks_itself(new)
        self._follow(new if ringed else None)

    def _live_ring(self) -> _Ring | None:
        return self._ring if self._ring is not None and isValid(self._ring) else None

    def _follow(self, target: QWidget | None) -> None:
        old = self.target()
        if old is not None:
            old.removeEventFilter(self)
        self._target = target
        ring = self._live_ring()
        if target is None:
            if ring is not None:
                ring.hide()
            return
        if ring is None:
            ring = self._ring = _Ring(target)
        ring.setParent(target)
        ring.setGeometry(target.rect())
        target.installEventFilter(self)
        ring.show()
        ring.raise_()

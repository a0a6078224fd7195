"""A titled section whose Alt letter reaches its controls: for panes with more controls than letters.

A pane has at most 22 letters once the menu bar's are taken (Italian texts use fewer), so the
rarer controls sit in a section: Alt plus the title's letter focuses one of them, Tab the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QGroupBox, QStyle, QStyleOptionGroupBox, QStylePainter, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class Section(QGroupBox):
    """A QGroupBox whose Alt letter focuses the control last used in it, else its first one.

    QGroupBox does the same, but may pick a disabled control, which takes no focus: the letter
    then did nothing (the chat's Model options start with Thinking, off for most models). Here
    the control is one that takes the focus now. `flat` draws the title only, as a heading
    over the controls (where a label stood): no frame, which styles draw even for a flat box,
    and no margin beside or under the controls, which the style leaves for that frame.
    """

    def __init__(self, name: str, parent: QWidget | None = None, *, flat: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFlat(flat)
        self._fit_margins()

    def setTitle(self, title: str) -> None:
        """Set the title (with its Alt letter); the style measures the margins again."""
        super().setTitle(title)
        self._fit_margins()

    def changeEvent(self, event: QEvent) -> None:
        """Keep a flat section's margins off after the style measures them again (a new style
        or font)."""
        super().changeEvent(event)
        self._fit_margins()

    def _fit_margins(self) -> None:
        if self.isFlat():
            margins = self.contentsMargins()
            if margins.left() or margins.right() or margins.bottom():
                self.setContentsMargins(0, margins.top(), 0, 0)

    def event(self, event: QEvent) -> bool:
        """Focus a control on the title's letter (the only shortcut a group box grabs)."""
        if event.type() == QEvent.Type.Shortcut and not self.isCheckable():
            target = self.entry()
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the title alone when flat, and only when the paint reaches it; the frame too
        otherwise."""
        if not self.isFlat():
            super().paintEvent(event)
            return
        # A child that is not opaque (a scroll bar, a label) has its section paint under it at
        # each of its repaints: a streaming view's, 30 times a second. A flat section draws
        # nothing below its title band.
        band = QRect(0, 0, self.width(), self.contentsRect().top())
        if not event.region().intersects(band):
            return
        option = QStyleOptionGroupBox()
        self.initStyleOption(option)
        option.subControls &= ~QStyle.SubControl.SC_GroupBoxFrame
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_GroupBox, option)

    def entry(self) -> QWidget | None:
        """Where the letter leads: the control last used here, else the first, in Tab order."""
        last = self.focusWidget()
        if last is not None and last is not self and _takes_focus(last, self):
            return last
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if self.isAncestorOf(widget) and _takes_focus(widget, self):
                return widget
            widget = widget.nextInFocusChain()
        return None


def _takes_focus(widget: QWidget, section: QWidget) -> bool:
    return bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isEnabled()
        and widget.isVisibleTo(section)
    )

"""Turn actions: copy, edit and resend, regenerate, as icon buttons over the turn in question.

One small bar of real buttons floats at the top right of the turn under the mouse (or the turn
the keyboard chose, Alt+Up / Alt+Down in the transcript), so every action has a name, a tool tip
and a place in the Tab order, and the document itself holds no link text (issue 19, item 7).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from workbench.ui.common.retranslate import Retranslating

ICON_PX = 16
_GLYPHS = {"edit": "✎", "regenerate": "↻"}
"""Drawn when the desktop theme has no icon of that name (the offscreen and bare X11 cases)."""
_THEME_ICONS = {"copy": "edit-copy", "edit": "document-edit", "regenerate": "view-refresh"}


def glyph_icon(kind: str, widget: QWidget) -> QIcon:
    """The theme's icon for `kind`, else its glyph drawn in the widget's button text colour."""
    themed = QIcon.fromTheme(_THEME_ICONS[kind])
    if not themed.isNull():
        return themed
    ratio = widget.devicePixelRatioF()
    pixmap = QPixmap(QSize(ICON_PX, ICON_PX) * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = QFont(widget.font())
    font.setPixelSize(ICON_PX - 2)
    painter.setFont(font)
    painter.setPen(widget.palette().color(QPalette.ColorRole.ButtonText))
    if kind == "copy":  # two sheets, one over the other (no common font has a copy glyph)
        painter.drawRect(QRectF(2.5, 2.5, 8, 9))
        painter.fillRect(QRectF(5.5, 5.5, 8, 9), widget.palette().color(QPalette.ColorRole.Button))
        painter.drawRect(QRectF(5.5, 5.5, 8, 9))
    else:
        painter.drawText(
            QRectF(0, 0, ICON_PX, ICON_PX), Qt.AlignmentFlag.AlignCenter, _GLYPHS[kind]
        )
    painter.end()
    return QIcon(pixmap)


class TurnActions(Retranslating, QFrame):
    """Icon buttons acting on one finished turn; the transcript moves and shows it."""

    copy_requested = Signal(int)
    """The person asked to copy this turn's answer."""
    edit_requested = Signal(int)
    """The person asked to edit and resend this turn's message."""
    regenerate_requested = Signal(int)
    """The person asked for a new answer to this (the last) turn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatTurnActions")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.turn: int | None = None
        """The turn the buttons act on."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.copy = self._button("chatTurnCopy", "copy", layout)
        self.edit = self._button("chatTurnEdit", "edit", layout)
        self.regenerate = self._button("chatTurnRegenerate", "regenerate", layout)
        self.copy.clicked.connect(self._on_copy_clicked)
        self.edit.clicked.connect(self._on_edit_clicked)
        self.regenerate.clicked.connect(self._on_regenerate_clicked)
        self.hide()
        self.retranslate_ui()

    def _button(self, name: str, kind: str, layout: QHBoxLayout) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(glyph_icon(kind, button))
        button.setIconSize(QSize(ICON_PX, ICON_PX))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(button)
        return button

    def retranslate_ui(self) -> None:
        """Set names and tool tips in the current language."""
        self.setAccessibleName(self.tr("Turn actions"))
        for button, name, tip in (
            (self.copy, self.tr("Copy answer"), self.tr("Copy this answer")),
            (self.edit, self.tr("Edit and resend"), self.tr("Edit this message and send it again")),
            (self.regenerate, self.tr("Regenerate"), self.tr("Ask for a new answer")),
        ):
            button.setAccessibleName(name)
            button.setToolTip(tip)

    def show_for(self, turn: int, *, can_edit: bool, can_regenerate: bool) -> None:
        """Act on `turn` from now on (the caller places the bar)."""
        self.turn = turn
        self.edit.setVisible(can_edit)
        self.regenerate.setVisible(can_regenerate)
        self.adjustSize()
        self.show()
        self.raise_()

    def has_focus_inside(self) -> bool:
        """Whether the keyboard is on one of the buttons."""
        return any(b.hasFocus() for b in (self.copy, self.edit, self.regenerate))

    def _on_copy_clicked(self) -> None:
        if self.turn is not None:
            self.copy_requested.emit(self.turn)

    def _on_edit_clicked(self) -> None:
        if self.turn is not None:
            self.edit_requested.emit(self.turn)

    def _on_regenerate_clicked(self) -> None:
        if self.turn is not None:
            self.regenerate_requested.emit(self.turn)

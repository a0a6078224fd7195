"""Accessibility helpers: give the parts Qt creates for us the names screen readers and tests use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from workbench.ui.common.demo import shown

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from PySide6.QtWidgets import QTabWidget


def name_tab_bar(tabs: QTabWidget) -> None:
    """Name a tab widget's bar after the tab widget (`<objectName>Bar`, same accessible name).

    Qt calls every tab bar "qt_tabwidget_tabbar" and gives it no accessible name, yet the bar is
    the control that takes focus: a screen reader would announce a nameless tab list.
    """
    bar = tabs.tabBar()
    bar.setObjectName(f"{tabs.objectName()}Bar")
    bar.setAccessibleName(tabs.accessibleName() or tabs.objectName())


def hand_focus_over(going: Iterable[QWidget], to: QWidget) -> None:
    """Give `to` the keyboard focus if one of `going` (about to be disabled) has it.

    Qt moves the focus of a control disabled to the next one in the chain that is still
    enabled: pressing Run sent it on to a control about to go grey too, then on, to the
    results or round to the top of the window, anywhere but Cancel (enabled a moment later).
    Call with `to` enabled, before disabling `going`.
    """
    focused = QApplication.focusWidget()
    if focused is not None and any(w is focused or w.isAncestorOf(focused) for w in going):
        to.setFocus(Qt.FocusReason.OtherFocusReason)


def swap_enabled(usable: Iterable[QWidget], greyed: Iterable[QWidget], focus_to: QWidget) -> None:
    """Enable `usable` and disable `greyed`, the keyboard's focus going from a greyed control to
    `focus_to` (Run to Cancel as work starts, Stop back to Send as it ends): in the order
    `hand_focus_over` needs, `focus_to` enabled before the others go grey."""
    greyed = tuple(greyed)
    for widget in usable:
        widget.setEnabled(True)
    hand_focus_over(greyed, focus_to)
    for widget in greyed:
        widget.setEnabled(False)


def swap_for_work(busy: bool, cancel: QWidget, inputs: Sequence[QWidget]) -> None:
    """While work runs only `cancel` of these is usable, with the focus if an input had it; when
    it ends the inputs are, the focus going from Cancel back to the first (Run). Qt sent it on
    to whatever came next (QA's results list, Evaluation's tab bar)."""
    if busy:
        swap_enabled((cancel,), inputs, cancel)
    else:
        swap_enabled(inputs, (cancel,), inputs[0])


class StatusLabel(QLabel):
    """A label that shows a status or an error, and lets screen readers read it.

    A fixed accessible name ("Rerank error") would hide the message itself: the accessibility
    bus would announce the role, never the line and column. Here the accessible name is the
    message while there is one (the role when empty), and the description is the role.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A status may quote a server (an error body is often an HTML page): shown as it is,
        # never drawn. Qt's automatic format drew a 502 page's <h1>, and a body with a
        # 6000-pixel table pushed the whole window that wide.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._role = ""
        self._raw = ""
        self._line: Callable[[], str] | None = None

    def setAccessibleName(self, name: str) -> None:
        """Remember `name` as the label's role; the message, when shown, is read instead."""
        self._role = name
        super().setAccessibleDescription(name)
        self._update_accessible()

    def setText(self, text: str) -> None:
        """Show `text` (through the redactor: a status line may quote a server), and expose it
        to assistive technology."""
        self._line = None
        self._raw = text
        super().setText(shown(text))
        self._update_accessible()

    def say(self, line: Callable[[], str] | None) -> None:
        """Show what `line` makes (None: nothing), and again at `say_again`: a pane's status
        is read after a language switch too, so it is kept as the way to make it."""
        self.setText(line() if line is not None else "")
        self._line = line

    def say_again(self) -> None:
        """Make the line shown by `say` again (in the new language, from `retranslate_ui`)."""
        if self._line is not None:
            self.say(self._line)

    def apply_demo_mode(self, on: bool) -> None:
        """Show the text again, hosts masked or not (`DemoMode.apply` calls this)."""
        super().setText(shown(self._raw))
        self._update_accessible()

    def clear(self) -> None:
        """Show nothing (the accessible name falls back to the role)."""
        self.setText("")

    def role(self) -> str:
        """What the label is for ("Rerank error"), as first named."""
        return self._role

    def _update_accessible(self) -> None:
        message = " ".join(self.text().split())
        super().setAccessibleName(message or self._role)

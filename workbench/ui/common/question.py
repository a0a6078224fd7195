"""A question in a message box that leaves the event loop running while it waits for an answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.ui.common.keys import without_mnemonic

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


def ask(
    parent: QWidget,
    name: str,
    texts: tuple[str, str],
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
    then: Callable[[QMessageBox.StandardButton], None],
) -> QMessageBox:
    """Ask `texts` (title, question) in a window-modal box named `name`, returned open; its
    buttons are named `name` + the standard button's name ("chatDiscardBoxCancel"). `then` gets
    the button chosen (Esc's too). `QMessageBox.question` would run a loop of its own inside the
    caller: a stream, a recording or a QA run went on inside it, and the click returned only
    once the box closed. The box is deleted once answered.
    """
    title, text = texts
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setObjectName(name)
    box.setDefaultButton(default)
    for button in box.buttons():  # found by tests, named for screen readers
        standard = box.standardButton(button)
        button.setObjectName(f"{name}{standard.name}")
        button.setAccessibleName(without_mnemonic(button.text()))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda result: then(QMessageBox.StandardButton(result)))
    box.open()
    return box

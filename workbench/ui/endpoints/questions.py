"""Endpoints pane questions: whether an endpoint and its stored key are deleted.

The question leaves the event loop running and hands the button chosen to `then`. The texts keep
the pane's translation context ("EndpointsPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from workbench.ui.common.question import ask

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


def ask_delete(
    parent: QWidget, name: str, then: Callable[[QMessageBox.StandardButton], None]
) -> None:
    """Whether the endpoint `name` and its stored key are deleted (Cancel unless Yes is chosen)."""
    buttons = QMessageBox.StandardButton
    question = QCoreApplication.translate("EndpointsPane", "Delete “%1” and its stored key?")
    ask(
        parent,
        "confirmDeleteBox",
        (
            QCoreApplication.translate("EndpointsPane", "Delete endpoint"),
            question.replace("%1", name),
        ),
        buttons.Yes | buttons.Cancel,
        buttons.Cancel,
        then,
    )

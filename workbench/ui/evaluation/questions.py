"""Evaluation pane questions: which labelled set to read, and which endpoints to start over on.

Each is asked in a window-modal dialog that leaves the event loop running (a run may go on
meanwhile); the answer goes to the callback given. The texts keep the pane's translation context
("EvaluationPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QAbstractButton, QWidget

Chosen = list[tuple[str, str]]
"""The endpoints a run uses, as (id, name): A, then B if chosen and not A."""

FRESH_IDS = "endpointIds"
"""Property of a Start over box's button: the ids of the endpoints it starts over."""


def ask_set_folder(parent: QWidget, then: Callable[[str], None]) -> None:
    """Ask for a BEIR folder; `then` gets its path."""
    dialog = _set_dialog(
        parent, QCoreApplication.translate("EvaluationPane", "Choose a BEIR folder"), then
    )
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    dialog.open()


def ask_set_file(parent: QWidget, then: Callable[[str], None]) -> None:
    """Ask for a labelled set in one file (JSONL or CSV); `then` gets its path."""
    dialog = _set_dialog(
        parent, QCoreApplication.translate("EvaluationPane", "Choose a labelled set file"), then
    )
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(
        [
            QCoreApplication.translate(
                "EvaluationPane", "Labelled sets (*.jsonl *.ndjson *.csv *.tsv)"
            ),
            QCoreApplication.translate("EvaluationPane", "Any file (*)"),
        ]
    )
    dialog.open()


def _set_dialog(parent: QWidget, title: str, then: Callable[[str], None]) -> QFileDialog:
    # Window-modal without blocking the event loop, as the Rerank pane's import dialog.
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("evaluationSetDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.fileSelected.connect(then)
    dialog.finished.connect(dialog.deleteLater)
    return dialog


def start_over_tip(chosen: Chosen) -> str:
    """The Start over button's tooltip: the endpoints whose saved scores it may drop."""
    names = [name for _, name in chosen]
    if len(names) == 2:
        text = QCoreApplication.translate(
            "EvaluationPane",
            "Rank every query again on %1, on %2 or on both (you choose), dropping their scores "
            "saved for this set; other endpoints keep theirs.",
        )
    elif names:
        text = QCoreApplication.translate(
            "EvaluationPane",
            "Rank every query again on %1, dropping its scores saved for this set; other "
            "endpoints keep theirs.",
        )
    else:
        text = QCoreApplication.translate(
            "EvaluationPane",
            "Rank every query again on the endpoints chosen, dropping their scores saved for "
            "this set; other endpoints keep theirs.",
        )
    why = QCoreApplication.translate(
        "EvaluationPane",
        "Run reuses saved scores; start over when an endpoint was redeployed since.",
    )
    return f"{fill(text, *names)} {why}"


def ask_start_over(
    parent: QWidget, chosen: Chosen, then: Callable[[QAbstractButton], None]
) -> None:
    """Ask which of the chosen endpoints to start over on; `then` gets the button clicked, whose
    `fresh_ids` say which (none on Cancel, the default)."""
    box = _start_over_box(parent, chosen)
    box.buttonClicked.connect(then)
    box.finished.connect(box.deleteLater)
    box.open()


def fresh_ids(button: QAbstractButton) -> list[str]:
    """The ids of the endpoints a Start over box's button starts over (none: Cancel)."""
    ids = button.property(FRESH_IDS)  # None on Cancel
    return [str(i) for i in ids] if ids else []


def _start_over_box(parent: QWidget, chosen: Chosen) -> QMessageBox:
    """The question before dropping saved scores: which endpoints, by name; Cancel first."""
    names = [name for _, name in chosen]
    if len(chosen) == 2:
        text = QCoreApplication.translate(
            "EvaluationPane",
            "Start over on which endpoints? Their scores saved for this set are dropped and "
            "every query is ranked again on them; the saved scores of the others are kept."
            "\n\nA: %1\nB: %2",
        )
    else:
        text = QCoreApplication.translate(
            "EvaluationPane",
            "Start over on %1? Its scores saved for this set are dropped and every query is "
            "ranked again on it; the saved scores of other endpoints are kept.",
        )
    title = QCoreApplication.translate("EvaluationPane", "Start over")
    box = QMessageBox(QMessageBox.Icon.Question, title, fill(text, *names), parent=parent)
    box.setObjectName("evaluationStartOverBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a name's "<b>" is shown, not obeyed
    box.setAccessibleName(title)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    for name, label, ids in _start_over_choices(chosen):
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName(name)
        button.setProperty(FRESH_IDS, ids)
        spoken = fill(
            QCoreApplication.translate("EvaluationPane", "Start over on %1"), _and(chosen, ids)
        )
        button.setAccessibleName(spoken)
        button.setToolTip(spoken)
    box.setDefaultButton(cancel)  # Enter out of habit must not drop hours of rankings
    box.setEscapeButton(cancel)
    return box


def _start_over_choices(chosen: Chosen) -> list[tuple[str, str, list[str]]]:
    """The box's buttons: object name, text, and the ids of the endpoints started over."""
    ids = [endpoint_id for endpoint_id, _ in chosen]
    if len(ids) == 1:
        return [
            (
                "evaluationStartOverAll",
                QCoreApplication.translate("EvaluationPane", "S&tart over"),
                ids,
            )
        ]
    return [
        (
            "evaluationStartOverAll",
            QCoreApplication.translate("EvaluationPane", "&Start over on both"),
            ids,
        ),
        (
            "evaluationStartOverA",
            QCoreApplication.translate("EvaluationPane", "Only on &A"),
            ids[:1],
        ),
        (
            "evaluationStartOverB",
            QCoreApplication.translate("EvaluationPane", "Only on &B"),
            ids[1:],
        ),
    ]


def _and(chosen: Chosen, ids: list[str]) -> str:
    """The names of these endpoints: "Staging" or "Staging and Production"."""
    names = [name for endpoint_id, name in chosen if endpoint_id in ids]
    return (
        names[0]
        if len(names) == 1
        else fill(QCoreApplication.translate("EvaluationPane", "%1 and %2"), *names)
    )

"""The Evaluation pane's set path comes back at the next start as it was typed."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent

from tests.waits import WAIT_MS
from workbench.core.saved_texts import texts_path
from workbench.ui.evaluation.pane import EvaluationPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


@contextmanager
def _pane(services: Services) -> Iterator[EvaluationPane]:
    """An Evaluation pane, destroyed on the GUI thread at the end (not by the collector)."""
    gc.collect()
    widget = EvaluationPane(services=services)
    try:
        yield widget
    finally:
        widget.close()
        widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_set_path_comes_back_at_the_next_start(services: Services, qtbot: QtBot) -> None:
    """A set typed or browsed to had to be found again after every restart."""
    with _pane(services) as pane:
        pane.set_path.setText("~/sets/scifact")
        qtbot.waitUntil(lambda: "scifact" in _saved(), timeout=WAIT_MS)
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    with _pane(services) as again:
        assert again.set_path.text() == "~/sets/scifact"


def _saved() -> str:
    path = texts_path("evaluation")
    return path.read_text(encoding="utf-8") if path.exists() else ""

"""The Evaluation pane's set path (as typed), endpoints and k come back at the next start."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from tests.ui.conftest import destroyed_after, wait_saved
from workbench.core.saved_texts import texts_path
from workbench.ui.evaluation.pane import EvaluationPane

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


def _pane(services: Services) -> AbstractContextManager[EvaluationPane]:
    gc.collect()
    return destroyed_after(EvaluationPane(services=services))


def test_the_set_path_comes_back_at_the_next_start(services: Services, qtbot: QtBot) -> None:
    """A set typed or browsed to had to be found again after every restart."""
    with _pane(services) as pane:
        pane.set_path.setText("~/sets/scifact")
        wait_saved(qtbot, services, texts_path("evaluation"), "scifact")
    with _pane(services) as again:
        assert again.set_path.text() == "~/sets/scifact"


def test_the_endpoints_and_k_come_back_at_the_next_start(services: Services, qtbot: QtBot) -> None:
    """Endpoint A was the Rerank pane's again at every start, B none, and k 10."""
    with _pane(services) as pane:
        assert pane.endpoint_a.count() >= 2
        pane.endpoint_a.setCurrentIndex(1 - min(pane.endpoint_a.currentIndex(), 1))  # the other
        pane.endpoint_b.setCurrentIndex(2)  # its first entry is "none"
        pane.k.setValue(7)
        chosen = (pane.endpoint_a.currentData(), pane.endpoint_b.currentData())
        wait_saved(qtbot, services, texts_path("evaluation"), '"k": "7"')
    with _pane(services) as again:
        assert (again.endpoint_a.currentData(), again.endpoint_b.currentData()) == chosen
        assert again.k.value() == 7
        again.endpoint_b.setCurrentIndex(0)  # back to one endpoint
        wait_saved(qtbot, services, texts_path("evaluation"), '"endpoint B": ""')
    with _pane(services) as third:
        assert third.endpoint_b.currentData() is None
        assert third.endpoint_a.currentData() == chosen[0]

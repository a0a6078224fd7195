"""The Compare pane when it cannot do what was asked: what was typed stays, and it says why."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tests.ui.conftest import CHAT_MODEL, endpoint_for
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.ui.compare.pane import ComparePane
from workbench.ui.compare.targets import Target

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FOLLOW_UP = "my carefully typed follow-up question"


@pytest.fixture
def pane(services: Services) -> Iterator[ComparePane]:
    """A Compare pane, shown, columns 1 and 2 on the v1 and v2 sandbox routes, column 3 off."""
    gc.collect()
    widget = ComparePane(services=services)
    widget.resize(1400, 900)
    widget.show()
    widget.inputs.model.setText(CHAT_MODEL)
    for column, flavour in zip(
        widget.columns, (Flavour.COHERE_V1, Flavour.COHERE_V2), strict=False
    ):
        column.pick(Target(endpoint_for(services, flavour).id))
    widget.columns[2].pick(None)
    yield widget
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_refused_follow_up_stays_in_its_box(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    pane.send("Tell me about rerankers")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    first = pane.columns[0]
    pane.inputs.documents.set_text('[{"text": ')
    first.follow_up.setText(FOLLOW_UP)
    first.continue_button.click()
    assert pane.error.isVisible()
    assert tr("Errors", "line %1, column %2", 1, 11) in pane.error.text()
    assert first.follow_up.text() == FOLLOW_UP  # nothing typed is lost
    assert len(first.session.turns) == 1
    pane.inputs.documents.set_text("")
    first.continue_button.click()
    assert first.is_streaming()
    assert first.follow_up.text() == ""  # sent: the box is free for the next one
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert first.session.turns[-1].user == FOLLOW_UP

"""The Endpoints pane as the language tests use it (test_pane.py has its own, the same)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.waits import WAIT_MS
from workbench.ui.endpoints.pane import EndpointsPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> Iterator[EndpointsPane]:
    widget = EndpointsPane(services=services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield widget
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)

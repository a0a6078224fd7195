"""The chat pane tests' shared fixture; a module that needs another pane defines its own `pane`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.ui.conftest import new_chat_pane

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    """A chat pane on the fixture services (`new_chat_pane`), not shown."""
    return new_chat_pane(services, qtbot)

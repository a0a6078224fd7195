"""The Rerank pane on an Entra ID endpoint: the token is fetched, refreshed after a 401, never saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import token_calls
from tests.ui.conftest import use_endpoint
from tests.ui.rerank.test_pane import FRUIT, error_text, fill, ranking, run
from tests.waits import WAIT_S
from workbench.api.models import AuthScheme
from workbench.core.endpoints import EndpointConfig

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_rerank_pane_signs_in_and_refreshes_a_dead_token(
    pane: RerankPane,
    services: Services,
    qtbot: QtBot,
    entra_sandbox: RunningSandbox,
    token_command: Callable[..., str],
    tmp_path: Path,
) -> None:
    endpoint = EndpointConfig(
        name="Foundry rerank (Entra ID)",
        base_url=entra_sandbox.base_url,
        model="rerank-v3.5",
        auth=AuthScheme.ENTRA,
        token_command=token_command("--lifetimes=-5,3600", "--claim", "3600"),
        timeout_s=WAIT_S,
    )
    services.session.save_endpoint(endpoint)
    use_endpoint(services, endpoint.id)
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    assert error_text(pane) == ""
    assert ranking(pane)[0] == 1
    assert token_calls(tmp_path) == 2  # the first token was refused (expired), then replaced
    run(pane, services, qtbot)
    assert token_calls(tmp_path) == 2  # the live token is reused from memory
    assert "sbxentra" not in services.settings.path.read_text(encoding="utf-8")

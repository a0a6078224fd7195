"""The Rerank pane's query warning follows the model: typed, saved, or named by GET /info."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import run_async, use_endpoint
from tests.ui.rerank.test_pane import FRUIT, error_text, fill, run
from tests.ui.tr import tr
from workbench.api.models import Flavour
from workbench.core.endpoints import EndpointConfig
from workbench.sandbox.runner import SandboxConfig, start_sandbox
from workbench.ui.common.l10n import format_count

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LONG_QUERY = "x" * (3_000 * 4)  # about 3,000 tokens by the estimate


def _tokens(tokens: int, limit: int, family: str) -> str:
    """The label in the run's language and locale ("≈ 3,000 / 4,096 tokens (Rerank 4)")."""
    counts = format_count(tokens), format_count(limit)
    return tr("RerankTexts", "≈ %1 / %2 tokens (%3)", *counts, family)


def _label(pane: RerankPane) -> str:
    label = pane.findChild(QLabel, "rerankQueryTokens")
    assert label is not None
    return str(label.text())


def test_rerank_4_long_query_has_no_false_warning_while_3_5_warns(pane: RerankPane) -> None:
    pane.set_query(LONG_QUERY)
    pane.form.model.setText("rerank-v4.0-pro")
    assert _label(pane) == _tokens(3_000, 4_096, "Rerank 4")
    pane.form.model.setText("rerank-v3.5")
    over = tr(
        "RerankTexts", "⚠ %1: too long for the query limit", _tokens(3_000, 2_048, "Rerank 3.5")
    )
    assert _label(pane) == over


def test_the_model_named_by_info_sets_the_limit(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    # A deployment whose /info names a Rerank 4 model, and an endpoint that names none.
    config = SandboxConfig(key="info-test-key", chat_model="Cohere-rerank-v4.0-fast")
    with start_sandbox(config) as foundry:
        endpoint = EndpointConfig(
            name="Rerank 4", base_url=foundry.base_url, flavour=Flavour.COHERE_V2
        )
        services.session.save_endpoint(endpoint)
        run_async(qtbot, services.session.set_key(endpoint.id, "info-test-key"))
        use_endpoint(services, endpoint.id)
        fill(pane, LONG_QUERY[:4_000], FRUIT)
        assert "(unknown model)" in _label(pane)
        run(pane, services, qtbot)
        assert error_text(pane) == ""
        assert _label(pane) == _tokens(1_000, 4_096, "Rerank 4")

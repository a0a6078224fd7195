"""The Compare pane's inputs come back at the next start as they were typed."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.ui.compare.conftest import compare_pane
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.api.redact import forget_secrets, register_secret
from workbench.core.saved_texts import texts_path

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

ROUTES = (Flavour.COHERE_V2, Flavour.OPENAI, None)
KEY = "sk-compare-inputs-0123456789abcdef"


def _saved() -> str:
    path = texts_path("compare")
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _wait_saved(qtbot: QtBot, services: Services, *words: str) -> None:
    qtbot.waitUntil(lambda: all(w in _saved() for w in words), timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_the_message_documents_tools_and_parameters_come_back_at_the_next_start(
    services: Services, qtbot: QtBot
) -> None:
    """Nothing of the Compare inputs was kept: a demo prepared the day before was gone."""
    half_typed = '[{"title": "Plans", "text": "SSO is in'
    with compare_pane(services, ROUTES) as pane:
        pane.inputs.message.setPlainText("Which plan has SSO?")
        pane.inputs.documents.set_text(half_typed)
        pane.inputs.tools.set_text("[]")
        pane.inputs.params["temperature"].setText("0.3")
        _wait_saved(qtbot, services, "Which plan", "SSO is in", '"temperature": "0.3"')
    with compare_pane(services, ROUTES) as again:
        assert again.inputs.message.toPlainText() == "Which plan has SSO?"
        assert again.inputs.documents.text() == half_typed  # as typed, not yet valid JSON
        assert again.inputs.tools.text() == "[]"
        assert again.inputs.params["temperature"].text() == "0.3"


def test_a_key_typed_into_the_inputs_never_reaches_the_file(
    services: Services, qtbot: QtBot
) -> None:
    register_secret(KEY)
    try:
        with compare_pane(services, ROUTES) as pane:
            pane.inputs.message.setPlainText(f"Is {KEY} the right key? done")
            _wait_saved(qtbot, services, "right key? done")
        assert KEY not in _saved()
        assert json.loads(_saved())["texts"]["message"].endswith("the right key? done")
    finally:
        forget_secrets()


def test_a_damaged_inputs_file_is_said_with_where_and_the_pane_still_works(
    services: Services, qtbot: QtBot
) -> None:
    path = texts_path("compare")
    path.parent.mkdir(parents=True, exist_ok=True)
    form = '{"format": "cohere-workbench.pane-inputs", "texts": {"message": 7}}'
    path.write_text(form, encoding="utf-8")
    with compare_pane(services, ROUTES) as pane:
        assert pane.inputs.message.toPlainText() == ""
        (notice,) = services.notices.history()
        assert notice.title == "Saved inputs are damaged"
        assert notice.where == "compare_inputs.json: texts.message"
        pane.inputs.message.setPlainText("still works")
        _wait_saved(qtbot, services, "still works")

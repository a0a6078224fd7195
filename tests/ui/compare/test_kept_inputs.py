"""The Compare pane's inputs come back at the next start as they were typed."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.ui.compare.conftest import compare_pane
from tests.ui.conftest import endpoint_for, saved_text, wait_saved
from workbench.api.models import Flavour
from workbench.api.redact import forget_secrets, register_secret
from workbench.core.saved_texts import texts_path

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.compare.pane import ComparePane
    from workbench.ui.compare.targets import Target
    from workbench.ui.services import Services

ROUTES = (Flavour.COHERE_V2, Flavour.OPENAI, None)
KEY = "sk-compare-inputs-0123456789abcdef"


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
        wait_saved(
            qtbot,
            services,
            texts_path("compare"),
            "Which plan",
            "SSO is in",
            '"temperature": "0.3"',
        )
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
            wait_saved(qtbot, services, texts_path("compare"), "right key? done")
        assert KEY not in saved_text(texts_path("compare"))
        assert json.loads(saved_text(texts_path("compare")))["texts"]["message"].endswith(
            "the right key? done"
        )
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
        wait_saved(qtbot, services, texts_path("compare"), "still works")


def _picked(pane: ComparePane) -> list[Target | None]:
    return [column.picked() for column in pane.columns]


def _routes_line(routes: list[Target | None]) -> str:
    """How the file holds the routes (one line each, empty: off), as JSON writes it."""
    return '"routes": "' + "\\n".join(t.data() if t else "" for t in routes) + '"'


def test_the_columns_routes_come_back_at_the_next_start(services: Services, qtbot: QtBot) -> None:
    """The routes were picked again at every start: the Chat pane's endpoint, then another."""
    chosen = (Flavour.OPENAI, Flavour.COHERE_V1, Flavour.COHERE_V2)
    with compare_pane(services, None) as first:
        defaults = _picked(first)
    with compare_pane(services, chosen) as pane:
        picked = _picked(pane)
        assert picked != defaults
        wait_saved(qtbot, services, texts_path("compare"), _routes_line(picked))
    with compare_pane(services, None) as again:
        assert _picked(again) == picked
        again.columns[2].pick(None)  # off is kept too
        wait_saved(qtbot, services, texts_path("compare"), _routes_line([*picked[:2], None]))
    with compare_pane(services, None) as third:
        assert _picked(third) == [*picked[:2], None]


def test_routes_come_back_all_or_none_when_an_endpoint_has_gone(
    services: Services, qtbot: QtBot
) -> None:
    """One route gone, the others are not put back: a column could have been left on the route
    another one has. The columns start where a first start puts them."""
    with compare_pane(services, (Flavour.OPENAI, Flavour.COHERE_V1, Flavour.COHERE_V2)) as pane:
        wait_saved(qtbot, services, texts_path("compare"), _routes_line(_picked(pane)))
    gone = endpoint_for(services, Flavour.COHERE_V2)
    services.session.remove_endpoint(gone.id)
    with compare_pane(services, None) as again:
        restored = _picked(again)
    texts_path("compare").unlink()
    with compare_pane(services, None) as first:
        assert _picked(first) == restored
    assert gone.id not in {t.endpoint_id for t in restored if t}
    assert not services.notices.history()

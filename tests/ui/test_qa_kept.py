"""The QA pane's choices come back at the next start: endpoint, groups, requests, masked hosts."""

from __future__ import annotations

import gc
import json
from typing import TYPE_CHECKING

from tests.ui.conftest import destroyed_after, endpoint_for, wait_saved
from workbench.api.models import Flavour
from workbench.core.saved_texts import texts_path
from workbench.ui.qa.pane import QaPane

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


def _pane(services: Services) -> AbstractContextManager[QaPane]:
    gc.collect()
    return destroyed_after(QaPane(services=services))


def _saved() -> dict[str, str]:
    path = texts_path("qa")
    texts = json.loads(path.read_text(encoding="utf-8"))["texts"] if path.exists() else {}
    assert isinstance(texts, dict)
    return texts


def _choices(pane: QaPane) -> tuple[object, ...]:
    ticked = {group: box.isChecked() for group, box in pane.groups.items()}
    return pane.endpoint.currentData(), ticked, pane.requests.value(), pane.mask_hosts.isChecked()


def test_the_checks_chosen_come_back_at_the_next_start(services: Services, qtbot: QtBot) -> None:
    """Every group was ticked again, ten requests, hosts shown, the first endpoint: a QA person
    checking one deployment set the pane up again after every restart."""
    with _pane(services) as pane:
        first = _choices(pane)
        group = next(iter(pane.groups))
        pane.groups[group].setChecked(False)
        pane.requests.setValue(3)
        pane.mask_hosts.setChecked(not pane.mask_hosts.isChecked())
        pane.endpoint.setCurrentIndex(pane.endpoint.count() - 1)
        chosen = _choices(pane)
        assert chosen != first
        wait_saved(qtbot, services, texts_path("qa"), '"requests": "3"')
    assert _saved()[f"check {group}"] == "false"
    with _pane(services) as again:
        assert _choices(again) == chosen


def test_a_saved_endpoint_since_removed_leaves_the_box_as_a_first_start_has_it(
    services: Services, qtbot: QtBot
) -> None:
    last = endpoint_for(services, Flavour.COHERE_V2)
    with _pane(services) as pane:
        pane.requests.setValue(4)
        pane.endpoint.setCurrentIndex(pane.endpoint.findData(last.id))
        wait_saved(qtbot, services, texts_path("qa"), f'"endpoint": "{last.id}"')
    services.session.remove_endpoint(last.id)
    with _pane(services) as again:
        assert again.endpoint.findData(last.id) < 0
        assert again.endpoint.currentIndex() == 0
        assert again.requests.value() == 4
        assert not services.notices.history()

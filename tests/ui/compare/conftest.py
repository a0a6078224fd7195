"""A shown Compare pane with its columns on sandbox routes, for the Compare tests."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tests.ui.conftest import CHAT_MODEL, destroyed_after, endpoint_for, shown
from workbench.ui.compare.pane import ComparePane
from workbench.ui.compare.targets import Target

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from workbench.api.models import Flavour
    from workbench.ui.services import Services


@contextmanager
def compare_pane(
    services: Services, routes: Sequence[Flavour | None] | None
) -> Iterator[ComparePane]:
    """A Compare pane, shown, each column on the fixture endpoint of its flavour (None: off);
    `routes` None leaves the columns on the routes the pane chose itself."""
    gc.collect()
    with destroyed_after(shown(ComparePane(services=services), 1400, 900)) as widget:
        widget.inputs.model.setText(CHAT_MODEL)
        for column, flavour in zip(widget.columns, routes or (), strict=routes is not None):
            column.pick(None if flavour is None else Target(endpoint_for(services, flavour).id))
        yield widget

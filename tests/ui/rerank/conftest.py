"""The Rerank pane every test in this package drives: shown, then destroyed on the GUI thread."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest

from tests.ui.conftest import destroyed_after, shown
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.ui.services import Services


@pytest.fixture
def pane(services: Services) -> Iterator[RerankPane]:
    """A Rerank pane on the test services, 1200 by 800 and shown."""
    # Collect now, on the GUI thread: garbage from an earlier test collected later, on the
    # sandbox's thread, would stop Qt timers from the wrong thread.
    gc.collect()
    with destroyed_after(shown(RerankPane(services=services))) as widget:  # the same reason
        yield widget

"""The Rerank pane every test in this package drives: shown, then destroyed on the GUI thread."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

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
    widget = RerankPane(services=services)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    # Destroy it here, on the GUI thread, for the same reason.
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

"""What the pane builds before its first paint looks as it did when built otherwise (issue 15):
the empty editor's hint is styled as a hint, and results are painted with the style's own rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.conftest import destroyed_after, shown
from workbench.api.models import RerankHit, RerankRequest, RerankResponse
from workbench.ui.common.roles import role_colour
from workbench.ui.common.theme import LIGHT, apply_theme, score_bar_colour
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.ui.services import Services

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def themed_pane(services: Services, qapp: QApplication) -> Iterator[RerankPane]:
    """A Rerank pane built under the light theme and its style sheet, as the app builds it."""
    apply_theme(qapp, LIGHT)
    try:
        with destroyed_after(shown(RerankPane(services=services))) as widget:
            yield widget
    finally:  # other tests run on Qt's own palette and no style sheet
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())
        qapp.setProperty("workbenchTheme", None)


def _text_colour(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_the_empty_editors_hint_is_a_hint_then_an_error_restyles_it(
    themed_pane: RerankPane,
) -> None:
    pane = themed_pane
    message = pane.editor.json.findChild(QLabel, "jsonEditorMessage")
    assert message is not None
    assert message.property("role") == "hint"
    placeholder = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert _text_colour(message) == placeholder  # styled by the sheet's hint rule
    pane.editor.json.editor.setPlainText("[1,")
    pane.editor.json.validate_now()
    assert message.property("role") == "error"
    assert _text_colour(message) == role_colour("error")


def _colours(image: QImage, row_top: int, row_height: int) -> set[int]:
    return {
        image.pixel(x, y)
        for y in range(row_top + 2, row_top + row_height - 2)
        for x in range(0, image.width(), 2)
    }


def test_results_are_painted_with_score_bars_and_the_selected_row_highlighted(
    pane: RerankPane,
) -> None:
    request = RerankRequest(query="q", documents=["first", "second", "third"])
    hits = [RerankHit(index=i, relevance_score=s) for i, s in ((2, 0.9), (0, 0.6), (1, 0.3))]
    pane.results.show_results(RerankResponse(results=hits), request, [])
    table = pane.results.table
    assert table.selectionModel().isRowSelected(0)
    image = table.viewport().grab().toImage()
    height = table.rowHeight(0)
    palette = table.palette()
    selected = _colours(image, table.rowViewportPosition(0), height)
    plain = _colours(image, table.rowViewportPosition(1), height)
    assert palette.color(QPalette.ColorRole.Highlight).rgb() in selected
    assert score_bar_colour(palette).rgb() in plain
    assert score_bar_colour(palette).rgb() not in selected  # the bar takes HighlightedText there

"""Themes: View > Theme switches live and is remembered; both themes pass the WCAG contrast check
on the colours the real widgets draw with (issue 19, item 6)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tests.ui.conftest import CHAT_MODEL, endpoint_for, slow_chat_streams
from tests.waits import WAIT_MS, WAIT_S
from workbench.ui.common import theme
from workbench.ui.common.theme import DARK, LIGHT, contrast_ratio
from workbench.ui.main_window import MainWindow
from workbench.ui.rerank.results import RerankResultsModel
from workbench.ui.screenshots import SHOTS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


@pytest.fixture
def window(services: Services, qtbot: QtBot, qapp: QApplication) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    try:
        yield main
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:  # other tests run on Qt's own palette and no style sheet
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())
        qapp.setProperty("workbenchTheme", None)


def _switch(window: MainWindow, name: str) -> None:
    menu = window.findChild(QMenu, "themeMenu")
    assert menu is not None
    action = next(a for a in menu.actions() if a.data() == name)
    action.trigger()


def _button(window: QWidget, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_view_menu_switches_the_theme_live_and_remembers_it(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    run = _button(window, "rerankRun")
    _switch(window, DARK)
    assert services.settings.settings.theme == DARK
    assert theme.is_dark(run.palette())  # the live widget, with no restart
    again = MainWindow(services=services)
    qtbot.addWidget(again)
    assert again.theme_actions[DARK].isChecked()
    assert not again.theme_actions[LIGHT].isChecked()
    _switch(window, LIGHT)
    assert services.settings.settings.theme == LIGHT
    assert not theme.is_dark(run.palette())
    _switch(window, theme.SYSTEM)  # offscreen reports no scheme: System is light here
    assert services.settings.settings.theme == theme.SYSTEM
    assert not theme.is_dark(run.palette())


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_contrast_figures_pass_in_both_themes(window: MainWindow, name: str) -> None:
    _switch(window, name)
    figures = theme.contrast_figures(_button(window, "rerankRun").palette())
    print(name, {k: round(v, 2) for k, v in figures.items()})  # noqa: T201  the report's figures
    states = {k: v for k, v in figures.items() if "enabled vs disabled" in k}
    texts = {k: v for k, v in figures.items() if k not in states}
    assert len(texts) >= 15
    assert {k: v for k, v in texts.items() if v < theme.TEXT_MINIMUM} == {}
    assert {k: v for k, v in states.items() if v < theme.STATE_MINIMUM} == {}


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_text_fields_have_an_outline_3_to_1_against_the_window(
    window: MainWindow, qtbot: QtBot, name: str
) -> None:
    """WCAG 1.4.11: a field's edge is what tells where to type. Fusion's outline (the window
    colour darkened) was 1.7:1 in the light scheme and 1.15:1 in the dark one."""
    _switch(window, name)
    pane = window.rerank_pane
    query = pane.findChild(QPlainTextEdit, "rerankQuery")
    model = pane.findChild(QLineEdit, "rerankModel")
    assert query is not None
    assert model is not None
    qtbot.waitUntil(lambda: query.isVisible() and model.isVisible(), timeout=WAIT_MS)
    _button(window, "rerankRun").setFocus()  # neither field shows its focus
    paper = pane.palette().color(QPalette.ColorRole.Window)
    for field in (query, model):
        edge = field.grab().toImage().pixelColor(0, field.height() // 2)
        assert contrast_ratio(edge, paper) >= 3.0, (field.objectName(), edge.name())


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_check_boxes_spin_boxes_combos_and_list_checks_have_a_3_to_1_edge(
    window: MainWindow, qtbot: QtBot, name: str
) -> None:
    """Fusion draws these edges in the window colour darkened: an unchecked box was 1.15:1
    against the dark window. Read where they are drawn, in a window of the theme."""
    _switch(window, name)
    holder = QWidget()
    qtbot.addWidget(holder)
    box, spin, fields = QCheckBox("return_documents"), QSpinBox(), QListWidget()
    choice, typed = QComboBox(), QComboBox()
    choice.addItems(["Cohere v2", "Cohere v1"])
    typed.setEditable(True)
    item = QListWidgetItem("title")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    fields.addItem(item)
    layout = QVBoxLayout(holder)
    for widget in (box, spin, fields, choice, typed):
        layout.addWidget(widget)
    holder.show()
    qtbot.waitExposed(holder)
    paper = holder.palette().color(QPalette.ColorRole.Window)
    image = holder.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    row = fields.visualItemRect(item).translated(fields.viewport().mapTo(holder, QPoint()))
    edges = {
        "check box": image.pixelColor(box.mapTo(holder, square.topLeft()) + QPoint(0, 4)),
        "spin box": image.pixelColor(spin.geometry().left(), spin.geometry().center().y()),
        "list frame": image.pixelColor(fields.geometry().left(), fields.geometry().center().y()),
        "combo box": image.pixelColor(choice.geometry().left(), choice.geometry().center().y()),
        "editable combo box": image.pixelColor(
            typed.geometry().left(), typed.geometry().center().y()
        ),
    }
    base = fields.palette().color(QPalette.ColorRole.Base)
    line = [image.pixelColor(x, row.center().y()) for x in range(row.left(), row.left() + 24)]
    edges["list check box"] = max(line, key=lambda p: contrast_ratio(p, base))
    for what, edge in edges.items():
        against = base if what == "list check box" else paper
        assert contrast_ratio(edge, against) >= 3.0, (what, edge.name())


def _ink_and_paper(image: QImage, rect: QRect) -> tuple[QColor, QColor]:
    """The commonest colour in `rect` (the background) and the pixel farthest from it (text)."""
    pixels = [
        image.pixelColor(x, y)
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    ]
    paper = QColor(Counter(p.rgb() for p in pixels).most_common(1)[0][0])
    return max(pixels, key=lambda p: contrast_ratio(p, paper)), paper


def test_dark_disabled_button_is_legible_and_unlike_an_enabled_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    _switch(window, DARK)
    cancel = _button(window, "rerankCancel")  # nothing runs: disabled
    assert not cancel.isEnabled()
    cancel.setText("Cancel")
    qtbot.waitUntil(cancel.isVisible, timeout=WAIT_MS)
    inner = cancel.rect().adjusted(4, 4, -4, -4)
    disabled_ink, disabled_paper = _ink_and_paper(cancel.grab().toImage(), inner)
    cancel.setEnabled(True)
    enabled_ink, _ = _ink_and_paper(cancel.grab().toImage(), inner)
    cancel.setEnabled(False)
    # Rendered pixels: the darkest full-coverage glyph pixel is the pen's colour.
    assert contrast_ratio(disabled_ink, disabled_paper) >= theme.TEXT_MINIMUM
    assert contrast_ratio(enabled_ink, disabled_ink) >= theme.STATE_MINIMUM


def test_dark_score_bars_citations_and_code_views_read_well(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    rerank = window.rerank_pane
    rerank.load_sample()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    window.show_pane("rerank")
    rerank.run()
    qtbot.waitUntil(lambda: rerank.results.model.rowCount() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    _switch(window, DARK)  # after the results: what was drawn light is drawn again
    table = rerank.findChild(QTableView, "rerankResultsTable")
    assert table is not None
    table.clearSelection()
    base = table.palette().color(QPalette.ColorRole.Base)
    cell = table.visualRect(table.model().index(0, RerankResultsModel.SCORE))
    image = table.viewport().grab().toImage()
    bar = image.pixelColor(cell.left() + 6, cell.center().y())
    assert contrast_ratio(bar, base) >= 3.0  # a graphic: WCAG 1.4.11
    body = rerank.findChild(QPlainTextEdit, "rerankRequestPreview")
    assert body is not None
    _assert_code_reads_well(body)
    detail = rerank.findChild(QPlainTextEdit, "rerankResultDocument")
    assert detail is not None
    _assert_code_reads_well(detail)


def _assert_code_reads_well(view: QPlainTextEdit) -> None:
    base = view.palette().color(QPalette.ColorRole.Base)
    colours = set()
    block = view.document().firstBlock()
    while block.isValid():
        colours |= {r.format.foreground().color().rgb() for r in block.layout().formats()}
        block = block.next()
    assert colours, view.objectName()  # coloured at all
    worst = min(contrast_ratio(QColor(c), base) for c in colours)
    assert worst >= theme.TEXT_MINIMUM, view.objectName()


def _cited_sample_turn(window: MainWindow, services: Services, qtbot: QtBot) -> set[int]:
    """Ask the grounded sample in the chat pane; the citation backgrounds of its answer."""
    chat = window.chat_pane
    window.show_pane("chat")
    chat.setup.model.setText(CHAT_MODEL)
    chat.load_sample()
    qtbot.waitUntil(lambda: bool(chat.transcript.highlighted_spans(0)), timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    return _citation_backgrounds(chat.transcript.document())


def test_dark_citations_are_drawn_again_and_read_well(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    chat = window.chat_pane
    light = _cited_sample_turn(window, services, qtbot)
    _switch(window, DARK)
    dark = _citation_backgrounds(chat.transcript.document())
    assert dark
    assert dark.isdisjoint(light)  # drawn again in the dark theme's colour
    text = chat.transcript.palette().color(QPalette.ColorRole.Text)
    for background in dark:
        assert contrast_ratio(text, QColor(background)) >= theme.TEXT_MINIMUM


def test_a_theme_switch_while_a_turn_streams_redraws_the_earlier_turns_when_it_ends(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    chat = window.chat_pane
    light = _cited_sample_turn(window, services, qtbot)
    slow_chat_streams(services)
    chat.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: bool(chat.live_snapshot().text), timeout=WAIT_MS)
    _switch(window, DARK)
    assert chat.is_streaming()  # the switch came while the second turn streamed
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    dark = _citation_backgrounds(chat.transcript.document())
    assert dark
    assert dark.isdisjoint(light)


def _citation_backgrounds(document: object) -> set[int]:
    from PySide6.QtGui import QTextDocument

    from workbench.ui.chat.transcript_format import CITE_PROPERTY

    assert isinstance(document, QTextDocument)
    found = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt: QTextCharFormat = it.fragment().charFormat()
            if fmt.property(CITE_PROPERTY):
                found.add(fmt.background().color().rgb())
            it += 1
        block = block.next()
    return found


def test_system_follows_the_platforms_scheme_only_when_chosen(
    window: MainWindow, qapp: QApplication
) -> None:
    _switch(window, theme.SYSTEM)
    theme.follow_system(Qt.ColorScheme.Dark)  # what colorSchemeChanged brings
    assert theme.is_dark(qapp.palette())
    _switch(window, LIGHT)
    theme.follow_system(Qt.ColorScheme.Dark)
    assert not theme.is_dark(qapp.palette())


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_svg_charts_take_the_themes_window_text_and_readable_series(name: str) -> None:
    from workbench.core.svg_chart import Series, line_chart

    palette = theme.palette(name)
    colours = theme.chart_colours(palette)
    svg = line_chart(
        [Series("total", (1.0, 2.0))], title="t", y_unit="ms", x_label="request", colours=colours
    )
    window = palette.color(QPalette.ColorRole.Window)
    assert f'fill="{window.name()}"' in svg
    assert f'fill="{palette.color(QPalette.ColorRole.WindowText).name()}"' in svg
    for series in colours.series:  # lines are graphics: 3:1 (WCAG 1.4.11)
        assert contrast_ratio(QColor(series), window) >= 3.0


@pytest.mark.usefixtures("live_keyring")  # the app reads the keyring
def test_screenshots_can_be_made_in_the_dark_theme(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--theme", "dark", "--screenshots", str(out)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=2 * WAIT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.png")) == sorted(SHOTS)
    for name in SHOTS:
        image = QImage(str(out / name))
        menu_bar = image.pixelColor(image.width() - 10, 4)  # right of the last menu
        assert menu_bar.lightness() < 80, name
    settings = (tmp_path / "config" / "settings.json").read_text(encoding="utf-8")
    assert '"theme": "system"' in settings  # --theme is for this run only


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_evaluation_charts_are_drawn_again_in_the_dark_theme(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = window.evaluation_pane
    window.show_pane("evaluation")
    pane.sample.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    pane.results.setCurrentWidget(pane.charts)  # pyqtgraph loads and draws here
    plots = pane.charts.plots()
    assert plots is not None
    _switch(window, DARK)
    window_colour = pane.charts.palette().color(QPalette.ColorRole.Window)
    for plot in plots:
        axis = plot.getAxis("left")
        assert contrast_ratio(axis.textPen().color(), window_colour) >= theme.TEXT_MINIMUM
        assert contrast_ratio(axis.pen().color(), window_colour) >= 3.0


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_compare_citations_are_painted_again_in_the_dark_theme(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    from workbench.api.models import Flavour
    from workbench.ui import resources
    from workbench.ui.compare.pane import ComparePane
    from workbench.ui.compare.targets import Target

    pane = window.pane("compare")
    assert isinstance(pane, ComparePane)
    window.show_pane("compare")
    pane.inputs.model.setText(CHAT_MODEL)
    for column, flavour in zip(pane.columns, Flavour, strict=True):
        column.pick(Target(endpoint_for(services, flavour).id))
    v2 = pane.columns[list(Flavour).index(Flavour.COHERE_V2)]
    sample = resources.sample("chat_documents.json")
    pane.inputs.documents.set_value([{"id": d["id"], **d["data"]} for d in sample["documents"]])
    pane.send("Which plan includes single sign-on?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    light = _backgrounds(v2.view.document())
    assert light
    _switch(window, DARK)
    dark = _backgrounds(v2.view.document())
    assert dark
    assert dark.isdisjoint(light)
    text = v2.view.palette().color(QPalette.ColorRole.Text)
    assert all(contrast_ratio(text, QColor(b)) >= theme.TEXT_MINIMUM for b in dark)


def _backgrounds(document: QTextDocument) -> set[int]:
    found = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            brush = it.fragment().charFormat().background()
            if brush.style() != Qt.BrushStyle.NoBrush:
                found.add(brush.color().rgb())
            it += 1
        block = block.next()
    return found

"""FlowLayout keeps its sizes between layout passes and forgets them whenever an item changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from workbench.ui.common.flow_layout import FlowLayout

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

GAP = 4


def _row(qtbot: QtBot, *widths: int) -> tuple[QWidget, FlowLayout, list[QWidget]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, spacing=GAP)
    items = []
    for width in widths:
        item = QWidget(holder)
        item.setFixedSize(width, 20)
        layout.addWidget(item)
        items.append(item)
    holder.show()
    return holder, layout, items


def _fresh_height(widths: list[int], width: int, qtbot: QtBot) -> int:
    """What a layout that never kept anything says for these items."""
    holder, layout, _ = _row(qtbot, *widths)
    height = layout.heightForWidth(width)
    holder.close()
    return height


def test_heights_follow_the_width(qtbot: QtBot) -> None:
    holder, layout, _ = _row(qtbot, 50, 50, 50)
    assert layout.heightForWidth(200) == 20
    assert layout.heightForWidth(100) == 3 * 20 + 2 * GAP  # 50 + 4 + 50 does not fit in 100
    assert layout.heightForWidth(200) == 20  # asked again: the same
    assert holder.isVisible()


def test_a_hidden_item_is_forgotten_at_once(qtbot: QtBot) -> None:
    holder, layout, items = _row(qtbot, 50, 50, 50)
    assert layout.heightForWidth(100) == 68
    items[2].hide()
    assert layout.heightForWidth(100) == _fresh_height([50, 50], 100, qtbot) == 44
    items[2].show()
    assert layout.heightForWidth(100) == 68
    assert holder.isVisible()


def test_an_item_that_changes_size_is_laid_out_anew(qtbot: QtBot) -> None:
    holder, layout, items = _row(qtbot, 50, 50, 50)
    holder.resize(100, 100)
    assert layout.heightForWidth(100) == 68
    items[1].setFixedSize(30, 20)  # now 50 + 4 + 30 fits in the first row
    assert layout.heightForWidth(100) == _fresh_height([50, 30, 50], 100, qtbot) == 44
    qtbot.waitUntil(lambda: items[1].x() == 50 + GAP)
    assert items[2].y() == 20 + GAP


def test_items_added_and_taken_change_the_sizes(qtbot: QtBot) -> None:
    holder, layout, _ = _row(qtbot, 50)
    assert layout.minimumSize().width() == 50
    wide = QWidget(holder)
    wide.setFixedSize(80, 20)
    layout.addWidget(wide)
    qtbot.waitUntil(wide.isVisible)  # a widget added to a shown parent is shown next turn
    assert layout.minimumSize().width() == 80
    assert layout.heightForWidth(100) == 44
    taken = layout.takeAt(1)
    assert taken is not None
    assert taken.widget() is wide
    assert layout.minimumSize().width() == 50
    assert layout.heightForWidth(100) == 20

"""A shown pane or busy bar left in a reference cycle is collected without an error.

The collector clears a widget's Python attributes before Qt destroys the widget, and destroying
a shown widget hides it: a `hideEvent` override that reads its attributes then raised
AttributeError, which reached `sys.excepthook` (the crash dialog, in the app).
"""

from __future__ import annotations

import gc
import sys
import weakref
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tests.waits import WAIT_MS
from workbench.ui.common.busy_bar import BusyBar
from workbench.ui.panes import PANES

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.panes import PaneSpec
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _errors_while_collecting(
    monkeypatch: pytest.MonkeyPatch, make_cycle: Callable[[], None]
) -> list[str]:
    caught: list[str] = []

    def hook(kind: type[BaseException], error: BaseException, *_: Any) -> None:
        caught.append(f"{kind.__name__}: {error}")

    monkeypatch.setattr(sys, "excepthook", hook)
    monkeypatch.setattr(sys, "unraisablehook", lambda u: caught.append(repr(u.exc_value)))
    make_cycle()
    gc.collect()
    return caught


@pytest.mark.parametrize("spec", PANES, ids=[spec.key for spec in PANES])
def test_a_shown_pane_in_a_cycle_is_collected_quietly(
    services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, spec: PaneSpec
) -> None:
    gone: list[weakref.ref[QWidget]] = []

    def make_cycle() -> None:
        holder: Any = QWidget()
        holder.pane = spec.factory(services=services, parent=holder)
        QVBoxLayout(holder).addWidget(holder.pane)
        holder.show()
        qtbot.waitExposed(holder)
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)  # its tasks hold it till done
        holder.pane.cycle = holder
        gone.append(weakref.ref(holder.pane))

    assert _errors_while_collecting(monkeypatch, make_cycle) == []
    assert gone[0]() is None  # collected, so its hideEvent did run


def test_a_busy_bar_shown_in_a_cycle_is_collected_quietly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone: list[weakref.ref[QWidget]] = []

    def make_cycle() -> None:
        holder: Any = QWidget()
        holder.bar = BusyBar()
        QVBoxLayout(holder).addWidget(holder.bar)
        holder.show()
        qtbot.waitExposed(holder)
        assert holder.bar.is_animating()
        holder.bar.cycle = holder
        gone.append(weakref.ref(holder.bar))

    assert _errors_while_collecting(monkeypatch, make_cycle) == []
    assert gone[0]() is None

"""Guards against a Qt binding that loses references to None (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    cursor = QTextCursor(QTextDocument("streamed text"))
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("delta")
        cursor.setPosition(3)
    drift = sys.getrefcount(None) - before
    # A healthy binding leaves None's count where it was, give or take a few temporaries; the
    # broken one loses one reference per call and aborts the process once None's count reaches 0.
    assert abs(drift) < 100, f"None lost {-drift} references over 4000 void Qt calls"

"""Accessibility helpers: give the parts Qt creates for us the names screen readers and tests use."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget


def name_tab_bar(tabs: QTabWidget) -> None:
    """Name a tab widget's bar after the tab widget (`<objectName>Bar`, same accessible name).

    Qt calls every tab bar "qt_tabwidget_tabbar" and gives it no accessible name, yet the bar is
    the control that takes focus: a screen reader would announce a nameless tab list.
    """
    bar = tabs.tabBar()
    bar.setObjectName(f"{tabs.objectName()}Bar")
    bar.setAccessibleName(tabs.accessibleName() or tabs.objectName())

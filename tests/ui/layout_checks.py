"""Geometry checks on real windows: what is clipped at a small size, and the Tab order's path."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QMainWindow,
    QMenu,
    QWidget,
)


def _describe(widget: QWidget) -> str:
    owner: QWidget | None = widget
    while owner is not None and not owner.objectName():
        owner = owner.parentWidget()
    name = widget.objectName() or "<unnamed>"
    where = owner.objectName() if owner is not None and owner is not widget else ""
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{widget.metaObject().className()} {name}{f' {text!r}' if text else ''} in {where}"


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Whether `widget` sits in a scroll area's content: there, being out of view is by design."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _visible_widgets(window: QMainWindow) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible() and not w.isWindow() and not isinstance(w, QMenu)
    ]


def clipping_problems(window: QMainWindow) -> list[str]:
    """Every visible widget outside its parent or the window, and every button squeezed below
    its minimum size hint (the text or icon would be cut)."""
    problems: list[str] = []
    window_rect = window.rect()
    for widget in _visible_widgets(window):
        parent = widget.parentWidget()
        if parent is None or _scrolled(widget, window):
            continue
        what = _describe(widget)
        if not parent.rect().contains(widget.geometry()):
            problems.append(
                f"{what}: {_rect(widget.geometry())} outside its parent {_rect(parent.rect())}"
            )
        shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not window_rect.contains(shown):
            problems.append(f"{what}: {_rect(shown)} outside the window")
        if isinstance(widget, QAbstractButton):
            hint = widget.minimumSizeHint()
            if widget.width() < hint.width() or widget.height() < hint.height():
                problems.append(
                    f"{what}: {widget.width()}x{widget.height()} below {hint.width()}x{hint.height()}"
                )
    return problems


def _rect(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}x{rect.height()})"


def tab_order_problems(pane: QWidget, controls: list[QWidget]) -> list[str]:
    """Steps of the focus chain through `controls` that go back up a column or back left on a
    row: the chain may leave a column's bottom for the next column's top, never climb within it."""
    chain: list[QWidget] = []
    widget = pane.nextInFocusChain()
    while widget is not pane and len(chain) < len(controls) and widget is not None:
        if widget in controls and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    problems = []
    for before, after in itertools.pairwise(chain):
        a, b = _global(before), _global(after)
        same_column = a.left() < b.right() and b.left() < a.right()
        same_row = a.top() < b.bottom() and b.top() < a.bottom()
        if (same_column and b.bottom() <= a.top()) or (same_row and b.right() <= a.left()):
            problems.append(f"Tab goes back from {_describe(before)} to {_describe(after)}")
    return problems


def _global(widget: QWidget) -> QRect:
    """The part of `widget` on screen: a scroll area shows only what is in its viewport."""
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        rect = rect.intersected(QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect

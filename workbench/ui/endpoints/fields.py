"""Field builders for the endpoint form, and capture/restore of what is typed in a form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from workbench.ui.endpoints.price_edit import PriceEdit


def line_edit(parent: QWidget, name: str, accessible: str = "", placeholder: str = "") -> QLineEdit:
    """A named single-line field."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    return edit


def combo_box(parent: QWidget, name: str, accessible: str, items: dict[Any, str]) -> QComboBox:
    """A named combo box of `{data: label}` items."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for value, label in items.items():
        combo.addItem(label, value)
    return combo


def seconds_spin(parent: QWidget, name: str, accessible: str, value: float) -> QDoubleSpinBox:
    """A named spin box for a duration in seconds."""
    spin = QDoubleSpinBox(parent)
    spin.setObjectName(name)
    spin.setAccessibleName(accessible)
    spin.setRange(0.5, 3600)
    spin.setDecimals(1)
    spin.setSuffix(" s")
    spin.setValue(value)
    return spin


def price_edit(parent: QWidget, name: str) -> PriceEdit:
    """A named field that accepts a non-negative price in the GUI's locale, empty meaning unknown."""
    edit = PriceEdit(parent)
    edit.setObjectName(name)
    return edit


def add_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """Add a row whose label is the widget's buddy (its mnemonic focuses the widget).

    Returns:
        The label, for `retranslate_ui()` to set its text again.
    """
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    form.addRow(label, widget)
    return label


def capture(form: QWidget) -> dict[str, Any]:
    """What is typed in every named field of a form (to keep unsaved edits across switches)."""
    state: dict[str, Any] = {}
    for edit in form.findChildren(QLineEdit):
        state[edit.objectName()] = edit.text()
    for text in form.findChildren(QPlainTextEdit):
        state[text.objectName()] = text.toPlainText()
    for combo in form.findChildren(QComboBox):
        state[combo.objectName()] = combo.currentIndex()
    for spin in form.findChildren(QDoubleSpinBox):
        state[spin.objectName()] = spin.value()
    return state


def restore(form: QWidget, state: dict[str, Any]) -> None:
    """Put back what `capture` saved."""
    for edit in form.findChildren(QLineEdit):
        if edit.objectName() in state:
            edit.setText(state[edit.objectName()])
    for text in form.findChildren(QPlainTextEdit):
        if text.objectName() in state:
            text.setPlainText(state[text.objectName()])
    for combo in form.findChildren(QComboBox):
        if combo.objectName() in state:
            combo.setCurrentIndex(state[combo.objectName()])
    for spin in form.findChildren(QDoubleSpinBox):
        if spin.objectName() in state:
            spin.setValue(state[spin.objectName()])

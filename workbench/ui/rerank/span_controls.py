"""The rerank form's Cohere v2 extras: `relevant_spans` (Rerank 5 only) and `priority`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLabel, QSpinBox

from workbench.api.models import RelevantSpansOption

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFormLayout, QWidget


class SpanControls:
    """relevant_spans (mode, threshold, max_spans) and priority; each shown only where it applies."""

    def __init__(self, parent: QWidget) -> None:
        self.enabled = QCheckBox("relevant_spans", parent)
        self.enabled.setObjectName("rerankRelevantSpans")
        self.enabled.setAccessibleName("relevant_spans")
        self.threshold = QDoubleSpinBox(parent)
        self.threshold.setObjectName("rerankSpanThreshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.1)  # the API's default
        self.max_spans = QSpinBox(parent)
        self.max_spans.setObjectName("rerankMaxSpans")
        self.max_spans.setAccessibleName("relevant_spans max_spans")
        self.max_spans.setRange(0, 100)
        # 0: not sent, every span above the threshold ("all", set in retranslate_ui).
        self.priority = QSpinBox(parent)
        self.priority.setObjectName("rerankPriority")
        self.priority.setAccessibleName("priority")
        self.priority.setRange(0, 1000)
        # 0 is the server's default (highest): "not sent", set in retranslate_ui.
        self._labels: list[QLabel] = []
        self._spans_allowed = True
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language (the form calls it on a language switch)."""
        self.max_spans.setSpecialValueText(QCoreApplication.translate("SpanControls", "all"))
        self.priority.setSpecialValueText(QCoreApplication.translate("SpanControls", "not sent"))
        self.priority.setToolTip(
            QCoreApplication.translate(
                "SpanControls", "Lower is handled first under load; 0, the default, is highest"
            )
        )
        self.threshold.setAccessibleName(
            QCoreApplication.translate("SpanControls", "relevant_spans threshold")
        )
        self.enabled.setToolTip("" if self._spans_allowed else _not_rerank_5())

    def add_rows(self, form: QFormLayout, parent: QWidget) -> None:
        """Add the rows; labels are buddies of their fields."""
        form.addRow(self.enabled)
        for text, widget in (
            ("threshold:", self.threshold),
            ("ma&x_spans:", self.max_spans),
            ("priority:", self.priority),
        ):
            label = QLabel(text, parent)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self._labels.append(label)

    def set_allowed(self, form: QFormLayout, *, v2: bool, spans: bool) -> None:
        """Show the rows on Cohere v2; relevant_spans is enabled only for a Rerank 5 model."""
        for widget in (self.enabled, self.threshold, self.max_spans, self.priority):
            form.setRowVisible(widget, v2)
        self._spans_allowed = spans
        self.enabled.setEnabled(spans)
        self.enabled.setToolTip("" if spans else _not_rerank_5())
        self._on_toggled()

    def connect(self, slot: object) -> None:
        """Call `slot` whenever a value changes."""
        self.enabled.toggled.connect(slot)
        self.enabled.toggled.connect(self._on_toggled)
        self.threshold.valueChanged.connect(slot)
        self.max_spans.valueChanged.connect(slot)
        self.priority.valueChanged.connect(slot)

    def option(self) -> RelevantSpansOption | None:
        """The relevant_spans to send, or None when off or not allowed."""
        if not (self.enabled.isEnabled() and self.enabled.isChecked()):
            return None
        return RelevantSpansOption(
            threshold=round(self.threshold.value(), 4), max_spans=self.max_spans.value() or None
        )

    def priority_value(self) -> int | None:
        """The priority to send (None: not sent)."""
        return self.priority.value() or None

    def _on_toggled(self, *_: object) -> None:
        on = self.enabled.isEnabled() and self.enabled.isChecked()
        self.threshold.setEnabled(on)
        self.max_spans.setEnabled(on)


def _not_rerank_5() -> str:
    return QCoreApplication.translate(
        "SpanControls", "relevant_spans: Rerank 5 and newer models only (name one in Model)"
    )

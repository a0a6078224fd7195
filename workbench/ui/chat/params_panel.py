"""Parameters panel: every generation parameter of the endpoint's flavour, its default and range.

A blank field is "unset" and is not sent, so the server's default applies (shown as placeholder).
Fields are plain line edits rather than spin boxes: a spin box clamps silently and cannot be blank,
and an out-of-range value must be refused with its range named, keeping what the person typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.api.errors import InputError
from workbench.api.models import Flavour, GenerationParams
from workbench.ui.common.a11y import StatusLabel

COHERE = frozenset({Flavour.COHERE_V1, Flavour.COHERE_V2})
ALL = frozenset(Flavour)
V1 = frozenset({Flavour.COHERE_V1})
_INT64 = 2**63 - 1
_Field = QLineEdit | QComboBox | QPlainTextEdit


@dataclass(frozen=True)
class ParamSpec:
    """One parameter: how it is typed, its server default, its allowed range, where it exists."""

    name: str
    label: str
    kind: str
    """"float", "int", "choice" or "lines"."""
    default: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    flavours: frozenset[Flavour] = ALL
    tip: str = ""

    def range_text(self, flavour: Flavour) -> str:
        """The allowed values in words."""
        if self.kind == "lines":
            return f"at most {stop_limit(flavour)} lines"
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices) + " (other values are sent verbatim)"
        if self.high is None:
            return (
                f"a whole number ≥ {_fmt(self.low)}" if self.low is not None else "a whole number"
            )
        return f"{_fmt(self.low)} to {_fmt(self.high)}"


def _fmt(number: float | None) -> str:
    if number is None:
        return "?"
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


SPECS: tuple[ParamSpec, ...] = (
    ParamSpec("temperature", "Temperature", "float", "0.3", 0, 2, tip="Randomness of sampling."),
    ParamSpec("p", "Top p", "float", "0.75", 0.01, 0.99, flavours=COHERE, tip="Nucleus sampling."),
    ParamSpec("k", "Top k", "int", "0", 0, 500, flavours=COHERE, tip="0 disables top-k."),
    ParamSpec("frequency_penalty", "Frequency penalty", "float", "0", 0, 1),
    ParamSpec("presence_penalty", "Presence penalty", "float", "0", 0, 1),
    ParamSpec("seed", "Seed", "int", "random", -_INT64 - 1, _INT64, tip="Same seed, same answer."),
    ParamSpec("max_tokens", "Max tokens", "int", "model's limit", 1, None),
    ParamSpec("stop_sequences", "Stop sequences", "lines", "none", tip="One per line."),
    ParamSpec(
        "prompt_truncation",
        "Prompt truncation",
        "choice",
        "OFF",
        choices=("OFF", "AUTO", "AUTO_PRESERVE_ORDER"),
        flavours=V1,
    ),
    ParamSpec(
        "citation_mode",
        "Citation mode",
        "choice",
        "server's",
        choices=("ENABLED", "DISABLED", "ACCURATE", "FAST", "OFF", "accurate", "fast", "off"),
        flavours=COHERE,
        tip="v1 citation_quality, v2 citation_options.mode; older servers want lowercase.",
    ),
    ParamSpec(
        "safety_mode",
        "Safety mode",
        "choice",
        "CONTEXTUAL",
        choices=("CONTEXTUAL", "STRICT", "NONE", "OFF"),
        flavours=COHERE,
        tip="v1 knows NONE, v2 knows OFF.",
    ),
)


def stop_limit(flavour: Flavour) -> int:
    """How many stop sequences a flavour accepts (OpenAI's `stop` takes four)."""
    return 4 if flavour is Flavour.OPENAI else 5


def parse_value(spec: ParamSpec, text: str, flavour: Flavour) -> Any:
    """Parse one field's text; None when blank (unset).

    Raises:
        InputError: the text is not a value of the right kind, or out of range (range named).
    """
    where = f"parameters.{spec.name}"
    if spec.kind == "lines":
        lines = [line for line in text.splitlines() if line]
        if len(lines) > stop_limit(flavour):
            raise InputError(
                f"{spec.label}: {len(lines)} given, allowed {spec.range_text(flavour)}", where=where
            )
        return lines or None
    stripped = text.strip()
    if not stripped:
        return None
    if spec.kind == "choice":
        return stripped
    try:
        number: float = int(stripped) if spec.kind == "int" else float(stripped)
    except ValueError:
        kind = "a whole number" if spec.kind == "int" else "a number"
        raise InputError(
            f"{spec.label}: {stripped!r} is not {kind}; allowed {spec.range_text(flavour)}",
            where=where,
        ) from None
    too_low = spec.low is not None and number < spec.low
    too_high = spec.high is not None and number > spec.high
    if too_low or too_high or number != number:  # NaN compares unequal to itself
        raise InputError(
            f"{spec.label}: {stripped} is out of range; allowed {spec.range_text(flavour)}",
            where=where,
        )
    return number


class ParamsPanel(QWidget):
    """The form; `params()` returns what to send, `search_queries_only()` the v1 switch."""

    validity_changed = Signal(bool, str)
    """Emitted (ok, message) when a field is accepted or refused."""
    params_changed = Signal()
    """Any field or the v1 switch changed, keystroke by keystroke (a live preview follows it;
    validation waits for the person to leave a line edit, so half-typed values are not refused)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatParams")
        self.setAccessibleName("Generation parameters")
        self._flavour = Flavour.COHERE_V2
        self._fields: dict[str, _Field] = {}
        self._labels: dict[str, QLabel] = {}
        self._build_ui()
        self.set_flavour(self._flavour)

    def _build_ui(self) -> None:
        form = QFormLayout()
        for spec in SPECS:
            field = self._make_field(spec)
            label = QLabel(f"{spec.label}:", self)
            label.setBuddy(field)
            self._labels[spec.name] = label
            self._fields[spec.name] = field
            form.addRow(label, field)
        self._sqo = QCheckBox("Search queries only (v1)", self)
        self._sqo.setObjectName("paramSearchQueriesOnly")
        self._sqo.setAccessibleName("Search queries only")
        self._sqo.setToolTip("Ask only for the search queries the model would run (Cohere v1).")
        self._sqo.toggled.connect(self.params_changed)
        form.addRow(self._sqo)
        self._error = StatusLabel(self)
        self._error.setObjectName("chatParamsError")
        self._error.setAccessibleName("Parameter error")
        self._error.setWordWrap(True)
        self._error.setProperty("role", "error")  # the style sheet colours it, dark scheme too
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addStretch(1)

    def _make_field(self, spec: ParamSpec) -> _Field:
        field: _Field
        if spec.kind == "lines":
            field = QPlainTextEdit(self)
            field.setPlaceholderText(f"unset (default {spec.default}); one per line")
            field.setMaximumHeight(4 * field.fontMetrics().lineSpacing() + 12)
            field.setTabChangesFocus(True)
            field.textChanged.connect(self._on_field_edited)
            field.textChanged.connect(self.params_changed)
        elif spec.kind == "choice":
            field = QComboBox(self)
            field.setEditable(True)
            field.addItems(["", *spec.choices])
            line = field.lineEdit()
            if line is not None:
                line.setPlaceholderText(f"unset (default {spec.default})")
            field.currentTextChanged.connect(self._on_field_edited)
            field.currentTextChanged.connect(self.params_changed)
        else:
            field = QLineEdit(self)
            field.setPlaceholderText(f"unset (default {spec.default})")
            field.editingFinished.connect(self._on_field_edited)
            field.textChanged.connect(self.params_changed)
        field.setObjectName(f"param{spec.name.title().replace('_', '')}")
        field.setAccessibleName(spec.label)
        field.setToolTip(f"{spec.tip} Allowed: {spec.range_text(self._flavour)}.".strip())
        return field

    # --- public API ---------------------------------------------------------------------------

    def set_flavour(self, flavour: Flavour) -> None:
        """Show only what this flavour has; hidden fields keep their text but are not sent."""
        self._flavour = flavour
        for spec in SPECS:
            shown = flavour in spec.flavours
            self._fields[spec.name].setVisible(shown)
            self._labels[spec.name].setVisible(shown)
            tip = f"{spec.tip} Allowed: {spec.range_text(flavour)}.".strip()
            self._fields[spec.name].setToolTip(tip)
        self._sqo.setVisible(flavour is Flavour.COHERE_V1)

    def field(self, name: str) -> _Field:
        """The input for a parameter (tests and focus)."""
        return self._fields[name]

    def set_text(self, name: str, text: str) -> None:
        """Type a value into a field."""
        field = self._fields[name]
        if isinstance(field, QComboBox):
            field.setCurrentText(text)
        elif isinstance(field, QPlainTextEdit):
            field.setPlainText(text)
        else:
            field.setText(text)
        self._on_field_edited()

    def error_text(self) -> str:
        """The message shown under the form ('' when every field is accepted)."""
        return self._error.text()

    def search_queries_only(self) -> bool:
        """Whether to ask only for search queries (v1 only)."""
        return self._flavour is Flavour.COHERE_V1 and self._sqo.isChecked()

    def params(self) -> GenerationParams:
        """The parameters to send (unset and hidden ones left out).

        Raises:
            InputError: a field is refused; `.where` names it and the message names the range.
        """
        values: dict[str, Any] = {}
        for spec in SPECS:
            if self._flavour not in spec.flavours:
                continue
            value = parse_value(spec, self._text(spec.name), self._flavour)
            if value is not None:
                values[spec.name] = value
        return GenerationParams(**values)

    def _text(self, name: str) -> str:
        field = self._fields[name]
        if isinstance(field, QComboBox):
            return field.currentText()
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        return field.text()

    def _on_field_edited(self, *_: object) -> None:
        try:
            self.params()
        except InputError as exc:
            self._error.setText(exc.server_message)
            self.validity_changed.emit(False, exc.server_message)
        else:
            if self._error.text():
                self._error.clear()
                self.validity_changed.emit(True, "")

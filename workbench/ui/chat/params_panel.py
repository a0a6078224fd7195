"""Parameters panel: every generation parameter of the endpoint's flavour, its default and range.

A blank field is "unset" and is not sent, so the server's default applies (shown as placeholder).
Fields are plain line edits rather than spin boxes: a spin box clamps silently and cannot be blank,
and an out-of-range value must be refused with its range named, keeping what the person typed.
Numbers are shown and read in the GUI's locale ("0,5" in Italian), the wire's form ("0.5") read too;
a language switch writes what was typed with the new decimal mark.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Signal
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

from workbench.api import FlavourTraits, ParamTrait, flavour_traits
from workbench.api.errors import InputError
from workbench.api.models import DEFAULT_FLAVOUR, Flavour, GenerationParams
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, fill
from workbench.ui.common.param_values import (
    default_text,
    label_text,
    parse_value,
    range_text,
    retype_numbers,
)
from workbench.ui.common.section import Section

_Field = QLineEdit | QComboBox | QPlainTextEdit

ParamSpec = ParamTrait
"""One parameter: how it is typed, its server default, its allowed range (declared in api)."""


_CATALOGUE_TEXTS = (
    QT_TRANSLATE_NOOP("ParamsPanel", "Temperature"),
    QT_TRANSLATE_NOOP("ParamsPanel", "Randomness of sampling."),
    QT_TRANSLATE_NOOP("ParamsPanel", "Top p"),
    QT_TRANSLATE_NOOP("ParamsPanel", "Nucleus sampling."),
    QT_TRANSLATE_NOOP("ParamsPanel", "Top k"),
    QT_TRANSLATE_NOOP("ParamsPanel", "0 disables top-k."),
    QT_TRANSLATE_NOOP("ParamsPanel", "Frequency penalty"),
    QT_TRANSLATE_NOOP("ParamsPanel", "Presence penalty"),
    QT_TRANSLATE_NOOP("ParamsPanel", "Seed"),
    QT_TRANSLATE_NOOP("ParamsPanel", "random"),
    QT_TRANSLATE_NOOP("ParamsPanel", "Same seed, same answer."),
    QT_TRANSLATE_NOOP("ParamsPanel", "Max tokens"),
    QT_TRANSLATE_NOOP("ParamsPanel", "model's limit"),
    QT_TRANSLATE_NOOP("ParamsPanel", "Stop sequences"),
    QT_TRANSLATE_NOOP("ParamsPanel", "none"),
    QT_TRANSLATE_NOOP("ParamsPanel", "One per line."),
    QT_TRANSLATE_NOOP("ParamsPanel", "Prompt truncation"),
    QT_TRANSLATE_NOOP("ParamsPanel", "Citation mode"),
    QT_TRANSLATE_NOOP("ParamsPanel", "server's"),
    QT_TRANSLATE_NOOP(
        "ParamsPanel",
        "v1 citation_quality, v2 citation_options.mode; older servers want lowercase.",
    ),
    QT_TRANSLATE_NOOP("ParamsPanel", "Safety mode"),
    QT_TRANSLATE_NOOP("ParamsPanel", "v1 knows NONE, v2 knows OFF."),
)
"""The parameter catalogue's labels, tips and defaults (declared in English in `api`), listed so
lupdate collects them; `_tr` shows them translated (a parameter added later shows in English)."""


def all_specs() -> tuple[ParamSpec, ...]:
    """Every flavour's parameters, each once, in the flavours' order (one field per parameter)."""
    seen: dict[str, ParamSpec] = {}
    for flavour in Flavour:
        for spec in flavour_traits(flavour).params:
            seen.setdefault(spec.name, spec)
    return tuple(seen.values())


def _spec(name: str) -> ParamSpec:
    return next(spec for spec in all_specs() if spec.name == name)


def _tip(spec: ParamSpec, traits: FlavourTraits) -> str:
    allowed = QCoreApplication.translate("ParamsPanel", "Allowed: %1.").replace(
        "%1", range_text(spec, traits)
    )
    return f"{label_text(spec.tip)} {allowed}".strip()


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
        self._traits = flavour_traits(DEFAULT_FLAVOUR)
        self._fields: dict[str, _Field] = {}
        self._labels: dict[str, QLabel] = {}
        self._chosen: dict[str, str] = {}
        """The value the person chose in each choice field (kept while a model refuses it)."""
        self._point = QLocale().decimalPoint()
        """The decimal mark numbers were typed with (a language switch rewrites them)."""
        self._build_ui()
        self.retranslate_ui()
        self.set_flavour(self._traits.flavour)

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self._point = retype_numbers(self._number_fields(), self._point)
            self.retranslate_ui()
            self.set_flavour(self._traits.flavour)  # the tool tips name the ranges
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set labels, placeholders and the v1 switch in the current language."""
        self.setAccessibleName(self.tr("Generation parameters"))
        self._section.setTitle(self.tr("Generation p&arameters"))
        for spec in all_specs():
            label = label_text(spec.label)
            self._labels[spec.name].setText(self.tr("%1:").replace("%1", label))
            field = self._fields[spec.name]
            field.setAccessibleName(label)
            unset = self.tr("unset (default %1)").replace("%1", default_text(spec))
            if isinstance(field, QPlainTextEdit):
                field.setPlaceholderText(self.tr("%1; one per line").replace("%1", unset))
            elif isinstance(field, QComboBox):
                if (line := field.lineEdit()) is not None:
                    line.setPlaceholderText(unset)
            else:
                field.setPlaceholderText(unset)
        self._sqo.setText(self.tr("Search queries only (v1, deprecated)"))
        self._sqo.setAccessibleName(self.tr("Search queries only"))
        self._sqo.setToolTip(
            self.tr(
                "Ask only for the search queries the model would run (Cohere v1 only; "
                "deprecated, v2 has no such option)."
            )
        )
        self._error.setAccessibleName(self.tr("Parameter error"))
        if self._error.text():
            self._on_field_edited()
        self._note.setAccessibleName(self.tr("Parameter note"))
        self._say_unoffered()

    def _build_ui(self) -> None:
        # A section, its title a heading: no parameter has a letter of its own (a flavour's dozen
        # fields beside the chat's controls outnumber the free letters); its letter leads in.
        self._section = Section("chatParamsSection", self, flat=True)
        form = QFormLayout(self._section)
        form.setContentsMargins(0, 0, 0, 0)  # under its title; the page has its margins
        for spec in all_specs():
            field = self._make_field(spec)
            label = QLabel(self)
            label.setBuddy(field)
            self._labels[spec.name] = label
            self._fields[spec.name] = field
            form.addRow(label, field)
        self._sqo = QCheckBox(self)
        self._sqo.setObjectName("paramSearchQueriesOnly")
        self._sqo.toggled.connect(self.params_changed)
        form.addRow(self._sqo)
        self._error = StatusLabel(self)
        self._error.setObjectName("chatParamsError")
        self._error.setWordWrap(True)
        self._error.setProperty("role", "error")  # the style sheet colours it, dark scheme too
        self._note = StatusLabel(self)
        self._note.setObjectName("chatParamsNote")
        self._note.setWordWrap(True)
        self._note.setProperty("role", "warning")
        layout = QVBoxLayout(self)
        layout.addWidget(self._section)
        layout.addWidget(self._error)
        layout.addWidget(self._note)
        layout.addStretch(1)

    def _make_field(self, spec: ParamSpec) -> _Field:
        field: _Field
        if spec.kind == "lines":
            field = QPlainTextEdit(self)
            field.setMaximumHeight(4 * field.fontMetrics().lineSpacing() + 12)
            field.setTabChangesFocus(True)
            field.textChanged.connect(self._on_field_edited)
            field.textChanged.connect(self.params_changed)
        elif spec.kind == "choice":
            field = QComboBox(self)
            field.setEditable(True)
            field.addItems(["", *spec.choices])
            field.currentTextChanged.connect(partial(self._on_choice_changed, spec.name))
            field.currentTextChanged.connect(self._on_field_edited)
            field.currentTextChanged.connect(self.params_changed)
        else:
            field = QLineEdit(self)
            field.editingFinished.connect(self._on_field_edited)
            field.textChanged.connect(self.params_changed)
        field.setObjectName(f"param{spec.name.title().replace('_', '')}")
        return field

    # --- public API ---------------------------------------------------------------------------

    def set_flavour(self, flavour: Flavour) -> None:
        """Show only what this flavour has; hidden fields keep their text but are not sent."""
        self._traits = traits = flavour_traits(flavour)
        for spec in all_specs():
            shown = spec in traits.params
            self._fields[spec.name].setVisible(shown)
            self._labels[spec.name].setVisible(shown)
            self._fields[spec.name].setToolTip(_tip(spec, traits))
        self._sqo.setVisible(traits.search_queries_only)

    def set_choices(self, name: str, choices: tuple[str, ...]) -> None:
        """Offer only these values for a choice field (a model refuses the others).

        The person's choice stays while it is offered. One no longer offered is left out of
        the field (so it is not sent) and a note says so; it comes back when it is offered
        again (the model typed back).
        """
        field = self._fields[name]
        if not isinstance(field, QComboBox):
            return
        wanted = self._chosen.get(name, field.currentText())
        field.blockSignals(True)  # the field changes here, not the person's choice
        field.clear()
        field.addItems(["", *choices])
        field.setCurrentText(wanted if wanted in choices else "")
        field.blockSignals(False)
        self._chosen[name] = wanted
        self._say_unoffered()
        self.params_changed.emit()

    def note_text(self) -> str:
        """The note under the form: choices the model does not take ('' when none)."""
        return self._note.text()

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
        return self._traits.search_queries_only and self._sqo.isChecked()

    def params(self) -> GenerationParams:
        """The parameters to send (unset and hidden ones left out).

        Raises:
            InputError: a field is refused; `.where` names it and the message names the range.
        """
        values: dict[str, Any] = {}
        for spec in self._traits.params:
            value = parse_value(spec, self._text(spec.name), self._traits)
            if value is not None:
                values[spec.name] = value
        return GenerationParams(**values)

    def _number_fields(self) -> list[QLineEdit]:
        fields = (self._fields[spec.name] for spec in all_specs() if spec.kind == "float")
        return [field for field in fields if isinstance(field, QLineEdit)]

    def _text(self, name: str) -> str:
        field = self._fields[name]
        if isinstance(field, QComboBox):
            return field.currentText()
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        return field.text()

    def _on_choice_changed(self, name: str, text: str) -> None:
        self._chosen[name] = text  # the person's (or a recorded request's) choice
        self._say_unoffered()

    def _say_unoffered(self) -> None:
        """Name every choice kept aside because the model does not take it."""
        lines = []
        for name, wanted in self._chosen.items():
            field = self._fields[name]
            if wanted and isinstance(field, QComboBox) and field.currentText() != wanted:
                said = self.tr(
                    "%1 %2 is not taken by this model, so it is not sent; "
                    "it comes back with a model that takes it."
                )
                lines.append(fill(said, label_text(_spec(name).label), wanted))
        self._note.setText("\n".join(lines))

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

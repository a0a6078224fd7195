"""The Model page: reasoning, response format, tool choice and image attachments for a turn.

Each choice is offered only where the model's family takes it (`core.chat_models`); an unknown
model name keeps every choice, the server decides. The page adds to the generation parameters
(`apply`) and hands over the attached images (`images`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.api.errors import InputError
from workbench.api.models import ResponseFormat, ThinkingOption
from workbench.core.chat_models import family_of, safety_modes_for, takes_images, takes_thinking
from workbench.core.images import estimate_tokens
from workbench.core.structured import schema_problem
from workbench.ui.chat.image_strip import ImageStrip
from workbench.ui.common import l10n
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.common.section import Section

if TYPE_CHECKING:
    from workbench.api.models import GenerationParams, ImagePart

SCHEMA_SAMPLE = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "year": {"type": "integer"}},
    "required": ["title", "year"],
}


def _labelled(form: QFormLayout, field: QWidget) -> QLabel:
    """A buddy label for `field` in a new row (its text is set by retranslate_ui)."""
    label = QLabel(field.parentWidget())
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def _set_items(combo: QComboBox, texts: tuple[str, ...]) -> None:
    """Name a combo box's items in order (their data, what is sent, stays)."""
    for row, text in enumerate(texts):
        combo.setItemText(row, text)


class ModelOptions(QWidget):
    """Reasoning, structured output, tool choice and images."""

    options_changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatModelOptions")
        self._model: str | None = None
        self._labels: dict[str, QLabel] = {}
        self._build_reasoning()
        self._build_format()
        self._build_tools()
        self._build_images()
        # In a scroll area: the side panel stays as narrow as its other pages. A section, its
        # title a heading: its letter leads to the first choice the model takes (the groups'
        # controls outnumber the letters the chat's controls leave; Tool use has its own).
        self._body = inner = Section("chatModelOptionsBody", self, flat=True)
        layout = QVBoxLayout(inner)
        self.family_note = QLabel(inner)
        self.family_note.setObjectName("chatModelFamilyNote")
        self.family_note.setWordWrap(True)
        layout.addWidget(self.family_note)
        for box in (self.reasoning_box, self.format_box, self.tools_box, self.images_box):
            layout.addWidget(box)
        layout.addStretch(1)
        self._scroll = scroll = QScrollArea(self)
        scroll.setObjectName("chatModelOptionsScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate_ui()
        self._connect_signals()
        self.set_model(None)

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.set_model(self._model)
            self._on_images_changed()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (values sent stay as they are)."""
        self.setAccessibleName(self.tr("Model options"))
        self._scroll.setAccessibleName(self.tr("Model options"))
        self._body.setTitle(self.tr("M&odel options"))
        self.reasoning_box.setTitle(self.tr("Reasoning"))
        self.thinking.setAccessibleName(self.tr("Thinking"))
        _set_items(self.thinking, (self.tr("Model default"), self.tr("On"), self.tr("Off")))
        self.budget.setAccessibleName(self.tr("Thinking token budget"))
        self.budget.setSpecialValueText(self.tr("no budget"))
        self.format_box.setTitle(self.tr("Response format"))
        self.format_kind.setAccessibleName(self.tr("Response format"))
        formats = (self.tr("Text (default)"), self.tr("JSON object"), self.tr("JSON schema"))
        _set_items(self.format_kind, formats)
        self.schema.setAccessibleName(self.tr("JSON schema"))
        self.schema.set_name(self.tr("JSON schema"))
        self.tools_box.setTitle(self.tr("Tool &use"))
        self.tool_choice.setAccessibleName(self.tr("Tool choice"))
        choices = (self.tr("Model decides"), self.tr("Required"), self.tr("None"))
        _set_items(self.tool_choice, choices)
        self.strict_tools.setText(self.tr("Strict tools"))
        self.strict_tools.setToolTip(self.tr("Tool calls follow the tool definitions strictly."))
        self.strict_tools.setAccessibleName(self.tr("Strict tools"))
        self.images_box.setTitle(self.tr("Images"))
        self.detail.setAccessibleName(self.tr("Image detail"))
        details = (self.tr("Auto"), self.tr("Low (fewer tokens)"), self.tr("High"))
        _set_items(self.detail, details)
        self.attach.setText(self.tr("&Attach image…"))
        self.attach.setAccessibleName(self.tr("Attach image"))
        self.paste.setText(self.tr("Paste image"))
        self.paste.setAccessibleName(self.tr("Paste image"))
        self.remove.setText(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove selected image"))
        self.estimate.setAccessibleName(self.tr("Image token estimate"))
        labels = {
            "thinking": self.tr("Thinking:"),
            "budget": self.tr("Token &budget:"),
            "format": self.tr("Format:"),
            "schema": self.tr("Schema:"),
            "tool_choice": self.tr("Tool choice:"),
            "attached": self.tr("Attached:"),
            "detail": self.tr("Detail:"),
        }
        for key, text in labels.items():
            self._labels[key].setText(text)

    # --- layout -------------------------------------------------------------------------------

    def _build_reasoning(self) -> None:
        self.reasoning_box = Section("chatReasoningBox", self)
        form = QFormLayout(self.reasoning_box)
        self.thinking = QComboBox(self.reasoning_box)
        self.thinking.setObjectName("chatThinking")
        for value in (None, "enabled", "disabled"):
            self.thinking.addItem("", value)
        self._labels["thinking"] = _labelled(form, self.thinking)
        self.budget = QSpinBox(self.reasoning_box)
        self.budget.setObjectName("chatThinkingBudget")
        self.budget.setRange(0, 1_000_000)
        self.budget.setSingleStep(256)
        self._labels["budget"] = _labelled(form, self.budget)

    def _build_format(self) -> None:
        self.format_box = Section("chatFormatBox", self)
        form = QFormLayout(self.format_box)
        self.format_kind = QComboBox(self.format_box)
        self.format_kind.setObjectName("chatResponseFormat")
        for value in (None, "json_object", "json_schema"):
            self.format_kind.addItem("", value)
        self._labels["format"] = _labelled(form, self.format_kind)
        self.schema = JsonEditor(parent=self.format_box, name=self.tr("JSON schema"))
        self.schema.setObjectName("chatResponseSchema")
        self.schema.set_value(SCHEMA_SAMPLE)
        self.schema.setMinimumHeight(120)
        self._labels["schema"] = _labelled(form, self.schema)

    def _build_tools(self) -> None:
        self.tools_box = Section("chatToolUseBox", self)
        form = QFormLayout(self.tools_box)
        self.tool_choice = QComboBox(self.tools_box)
        self.tool_choice.setObjectName("chatToolChoice")
        for value in (None, "REQUIRED", "NONE"):
            self.tool_choice.addItem("", value)
        self._labels["tool_choice"] = _labelled(form, self.tool_choice)
        self.strict_tools = QCheckBox(self.tools_box)
        self.strict_tools.setObjectName("chatStrictTools")
        form.addRow(self.strict_tools)

    def _build_images(self) -> None:
        self.images_box = Section("chatImagesBox", self)
        form = QFormLayout(self.images_box)
        self.strip = ImageStrip(parent=self.images_box)
        self._labels["attached"] = _labelled(form, self.strip)
        self.detail = QComboBox(self.images_box)
        self.detail.setObjectName("chatImageDetail")
        for value in (None, "low", "high"):
            self.detail.addItem("", value)
        self._labels["detail"] = _labelled(form, self.detail)
        buttons = QHBoxLayout()
        self.attach = QPushButton(self.images_box)
        self.attach.setObjectName("chatAttachImage")
        self.paste = QPushButton(self.images_box)
        self.paste.setObjectName("chatPasteImage")
        self.remove = QPushButton(self.images_box)
        self.remove.setObjectName("chatRemoveImage")
        for button in (self.attach, self.paste):
            buttons.addWidget(button)
        form.addRow(buttons)
        form.addRow(self.remove)
        self.estimate = StatusLabel(self.images_box)  # read out as the estimate it shows
        self.estimate.setObjectName("chatImageEstimate")
        form.addRow(self.estimate)

    def _connect_signals(self) -> None:
        for combo in (self.thinking, self.format_kind, self.tool_choice, self.detail):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        self.budget.valueChanged.connect(self.options_changed)
        self.strict_tools.toggled.connect(self.options_changed)
        self.schema.value_changed.connect(self.options_changed)
        self.attach.clicked.connect(self._on_attach_clicked)
        self.paste.clicked.connect(self.strip.paste)
        self.remove.clicked.connect(self.strip.remove_selected)
        self.strip.images_changed.connect(self._on_images_changed)

    # --- model awareness ----------------------------------------------------------------------

    def set_model(self, model: str | None) -> None:
        """Offer what this model's family takes (everything for an unknown model)."""
        self._model = model
        family = family_of(model)
        self.reasoning_box.setEnabled(takes_thinking(model))
        self.images_box.setEnabled(takes_images(model))
        self.tool_choice.setEnabled(family is None or family.tool_choice)
        modes = ", ".join(safety_modes_for(model))
        if family is None:
            note = self.tr("Unknown model: every option is offered; the server decides.")
        else:
            note = l10n.fill(self.tr("%1: safety modes %2."), family.name, modes)
        self.family_note.setText(note)
        self._sync()

    # --- values -------------------------------------------------------------------------------

    def apply(self, params: GenerationParams) -> GenerationParams:
        """`params` with this page's choices set (only those enabled for the model).

        Raises:
            InputError: the schema is not valid JSON or not an object.
        """
        changes: dict[str, Any] = {}
        if self.reasoning_box.isEnabled() and (kind := self.thinking.currentData()):
            budget = self.budget.value() if kind == "enabled" and self.budget.value() else None
            changes["thinking"] = ThinkingOption(type=kind, token_budget=budget)
        if (fmt := self.response_format()) is not None:
            changes["response_format"] = fmt
        if self.tool_choice.isEnabled() and self.tool_choice.currentData():
            changes["tool_choice"] = self.tool_choice.currentData()
        if self.strict_tools.isChecked():
            changes["strict_tools"] = True
        return params.model_copy(update=changes)

    def response_format(self) -> ResponseFormat | None:
        """The chosen response format (None: text, the server's default)."""
        kind = self.format_kind.currentData()
        if kind is None:
            return None
        if kind == "json_object":
            return ResponseFormat(type="json_object")
        schema = self.schema.named_value()
        # Placed in the editor by its name, as its text's problems are ("at JSON schema").
        name = self.tr("JSON schema")
        if not isinstance(schema, dict):
            raise InputError(self.tr("The schema must be a JSON object"), where=name)
        # The answer is checked against it: one that cannot be used is refused before sending.
        if problem := schema_problem(schema):
            raise InputError(problem.message, where=f"{name} {problem.path}")
        return ResponseFormat(type="json_object", json_schema=schema)

    def images(self) -> list[ImagePart]:
        """The attached images as wire parts (with the chosen detail)."""
        detail = self.detail.currentData()
        return [i.part.model_copy(update={"detail": detail}) for i in self.strip.images()]

    # --- slots --------------------------------------------------------------------------------

    def _sync(self) -> None:
        self.budget.setEnabled(self.thinking.currentData() == "enabled")
        self.schema.setEnabled(self.format_kind.currentData() == "json_schema")
        self.strip.detail = self.detail.currentData()

    def _on_choice_changed(self, *_: object) -> None:
        self._sync()
        self._on_images_changed()
        self.options_changed.emit()

    def _on_images_changed(self) -> None:
        images = self.strip.images()
        detail = self.detail.currentData()
        tokens = sum(estimate_tokens(i.width, i.height, detail) for i in images)
        size = sum(i.size for i in images)
        text = self.tr("%n image(s) · ≈ %1 tokens · %2 KB (estimate)", "", len(images))
        kilobytes = l10n.format_number(size / 1024, 1)
        self.estimate.setText(
            l10n.fill(text, l10n.format_count(tokens), kilobytes) if images else ""
        )
        self.options_changed.emit()

    def _on_attach_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach images"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)")
        )
        for path in paths:
            self.strip.add_file(path)

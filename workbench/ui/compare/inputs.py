"""Compare inputs: the message, model, documents, tools and parameters every column is sent."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.api import flavour_traits
from workbench.api.errors import InputError
from workbench.api.models import DEFAULT_FLAVOUR, GenerationParams
from workbench.core.chat_inputs import parse_documents, parse_tools
from workbench.core.chat_session import ChatFrame
from workbench.ui.common.a11y import name_tab_bar
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.common.param_values import parse_value, retype_numbers
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.section import Section

_PARAMS = ("temperature", "max_tokens", "seed")
"""The generation parameters the comparison sets (the same for every column)."""


class CompareInputs(Retranslating, QWidget):
    """What every column is sent: message and model, then documents, tools and parameters."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareInputs")
        self._point = QLocale().decimalPoint()
        """The decimal mark numbers were typed with (a language switch rewrites them)."""
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("compareMessage")
        self.message.setTabChangesFocus(True)
        self.message.setMaximumHeight(self.fontMetrics().height() * 5)
        self._message_label = QLabel(self)
        self._message_label.setBuddy(self.message)
        self.model = QLineEdit(self)
        self.model.setObjectName("compareModel")
        self._model_label = QLabel(self)
        self._model_label.setBuddy(self.model)
        # The tabs are a section: its letter reaches Format and the parameters, which have no
        # free letter each; the tabs keep their own.
        self._more = more = Section("compareMoreInputs", self, flat=True)
        # The tab bar made before the pages under it: Tab follows the order things are made.
        self.tabs = QTabWidget(more)
        self.tabs.setObjectName("compareInputTabs")
        self.documents = JsonEditor(parent=more, name="Documents")
        self.documents.setObjectName("compareDocuments")
        self.tools = JsonEditor(parent=more, name="Tools")
        self.tools.setObjectName("compareTools")
        self.params: dict[str, QLineEdit] = {}
        self._param_labels: dict[str, QLabel] = {}
        page = QWidget(more)
        form = QFormLayout(page)
        for name in _PARAMS:
            edit = QLineEdit(page)
            edit.setObjectName("compareParam" + "".join(p.title() for p in name.split("_")))
            label = QLabel(page)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.params[name], self._param_labels[name] = edit, label
        self.tabs.addTab(self.documents, "")
        self.tabs.addTab(self.tools, "")
        self.tabs.addTab(page, "")
        name_tab_bar(self.tabs)
        top = QFormLayout()
        top.addRow(self._message_label, self.message)
        top.addRow(self._model_label, self.model)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        tabs_box = QVBoxLayout(more)
        tabs_box.setContentsMargins(0, 0, 0, 0)
        tabs_box.addWidget(self.tabs)
        box.addWidget(more, 1)

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        self._point = retype_numbers(self.params.values(), self._point)
        self._message_label.setText(self.tr("&Message:"))
        self.message.setAccessibleName(self.tr("Message to every column"))
        self._model_label.setText(self.tr("Mo&del:"))
        self.model.setAccessibleName(self.tr("Model"))
        self.model.setPlaceholderText(self.tr("for endpoints that name none"))
        self.documents.set_name(self.tr("Documents"))
        self.tools.set_name(self.tr("Tools"))
        # Sent without them when left empty, so an empty editor says so, not "The JSON is empty".
        self.documents.set_optional(self.tr("Empty: no documents are sent."))
        self.tools.set_optional(self.tr("Empty: no tools are sent."))
        self._more.setTitle(self.tr("&Also sent to every column"))
        self.tabs.setAccessibleName(self.tr("Compare inputs"))
        name_tab_bar(self.tabs)
        self.tabs.setTabText(0, self.tr("Doc&uments"))
        self.tabs.setTabText(1, self.tr("T&ools"))
        self.tabs.setTabText(2, self.tr("&Parameters"))
        labels = {
            "temperature": self.tr("Temperature:"),
            "max_tokens": self.tr("Max tokens:"),
            "seed": self.tr("Seed:"),
        }
        for name, text in labels.items():
            self._param_labels[name].setText(text)
            self.params[name].setAccessibleName(text.rstrip(":"))
            self.params[name].setPlaceholderText(self.tr("server's default"))

    def kept(self) -> dict[str, QPlainTextEdit | QLineEdit | JsonEditor]:
        """The inputs kept across restarts, by name, their texts as typed."""
        named: dict[str, QPlainTextEdit | QLineEdit | JsonEditor] = {
            "message": self.message,
            "model": self.model,
            "documents": self.documents,
            "tools": self.tools,
        }
        return named | dict(self.params)

    def frame(self) -> ChatFrame:
        """What every column carries.

        Raises:
            InputError: bad documents, tools or parameters (`.where` names which).
        """
        return ChatFrame(
            model=self.model.text().strip() or None,
            documents=parse_documents(self._json(self.documents)),
            tools=parse_tools(self._json(self.tools)),
            params=self._params(),
        )

    @staticmethod
    def _json(editor: JsonEditor) -> Any:
        # Named in the refusal ("at Tools, line 1, column 11"): it is said above both editors.
        return editor.named_value()  # None when empty (optional)

    def _params(self) -> GenerationParams:
        # Read as Chat's parameters panel reads them: the refusal names the parameter and its
        # range, in the GUI's language.
        traits = flavour_traits(DEFAULT_FLAVOUR)
        specs = {spec.name: spec for spec in traits.params}
        values: dict[str, Any] = {}
        for name, edit in self.params.items():
            value = parse_value(specs[name], edit.text(), traits)
            if value is not None:
                values[name] = value
        try:
            return GenerationParams(**values)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(first["msg"], where=where) from exc

"""The tool results form: what Continue says when the outputs typed for a call are wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QTabWidget

from tests.ui.tr import before, tr
from workbench.api.errors import InputError
from workbench.api.models import ToolCall
from workbench.ui.chat.tool_results_form import ToolResultsForm
from workbench.ui.common.error_text import error_line
from workbench.ui.common.json_editor import JsonEditor

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def _form_with_json(qtbot: QtBot, text: str) -> ToolResultsForm:
    form = ToolResultsForm()
    qtbot.addWidget(form)
    form.set_calls([ToolCall(name="get_weather", parameters={"city": "Paris"})])
    mode = form.findChild(QTabWidget, "toolResult0Mode")
    editor = form.findChild(JsonEditor, "toolResult0Json")
    assert mode is not None
    assert editor is not None
    mode.setCurrentIndex(1)
    editor.set_text(text)
    return form


def test_broken_json_outputs_say_the_json_is_invalid_and_why(qtbot: QtBot) -> None:
    form = _form_with_json(qtbot, '[{"result": ')
    with pytest.raises(InputError) as caught:
        form.results()
    line = error_line(caught.value)
    assert line.startswith(before(tr("JsonEditor", "Invalid JSON: %1")))
    assert tr("Core", "Expecting value") in line  # Python's parser's reason, translated
    call = tr("_CallEditor", "tool result %1 (%2)", 1, "get_weather")
    assert caught.value.where == f"{call}, line 1, column 13"

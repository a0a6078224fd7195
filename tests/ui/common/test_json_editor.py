"""JsonEditor: validation marks the line and column, Format pretty-prints, value() raises InputError."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from tests.ui.conftest import tr
from tests.waits import WAIT_MS
from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.ui.common.json_editor import JsonEditor, JsonHighlighter
from workbench.ui.common.json_highlight import utf16_index

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def editor(qtbot: QtBot) -> JsonEditor:
    widget = JsonEditor(name="Documents")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_json_editor_value_round_trips(editor: JsonEditor) -> None:
    editor.set_value({"a": [1, 2.5, None, True], "é": "ü"})
    assert editor.value() == {"a": [1, 2.5, None, True], "é": "ü"}
    assert editor.is_valid()
    assert '"é": "ü"' in editor.text()  # not \u-escaped: people read this


def test_json_editor_value_names_line_and_column(editor: JsonEditor) -> None:
    editor.set_text('[\n  "one",\n  "two"\n  "three"\n]')
    with pytest.raises(InputError) as caught:
        editor.value()
    assert caught.value.where == "line 4, column 3"
    assert tr("Core", "Expecting ',' delimiter") in caught.value.title


def test_json_editor_marks_error_after_typing_stops(editor: JsonEditor, qtbot: QtBot) -> None:
    editor.set_text('{"a": 1}')
    assert editor.is_valid()
    text = editor.findChild(QPlainTextEdit, "jsonEditorText")
    assert text is not None
    text.moveCursor(text.textCursor().MoveOperation.End)
    with qtbot.waitSignal(editor.validity_changed, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(text, Qt.Key.Key_Return)
        qtbot.keyClicks(text, ",")
    ok, message = blocker.args
    assert not ok
    assert tr("Errors", "line %1, column %2", 2, 1) in message
    assert editor.error_position() == (2, 1)
    assert tr("Errors", "line %1, column %2", 2, 1) in editor.message()


def test_json_editor_column_counts_code_points_beyond_the_bmp(editor: JsonEditor) -> None:
    # The emoji is one code point but two UTF-16 units: the mark must land on the bad comma.
    editor.set_text('["😀😀", , 1]')
    assert not editor.is_valid()
    assert tr("Errors", "line %1, column %2", 1, 8) in editor.message()
    assert editor.error_position() == (1, 8)
    selections = editor.editor.extraSelections()
    marked = selections[-1].cursor.selectedText()
    assert marked == ","


def test_json_editor_keeps_text_when_invalid(editor: JsonEditor) -> None:
    editor.set_text('{"unfinished": ')
    assert not editor.format()
    assert editor.text() == '{"unfinished": '
    assert tr("Errors", "line %1, column %2", 1, 16) in editor.message()


def test_json_editor_empty_text_is_an_error(editor: JsonEditor) -> None:
    editor.set_text("   ")
    with pytest.raises(InputError, match=tr("JsonEditor", "The JSON is empty")):
        editor.value()


def test_json_editor_format_pretty_prints_and_is_undoable(editor: JsonEditor) -> None:
    editor.set_text('{"b":[1,2],"a":"x"}')
    assert editor.format()
    assert editor.text() == json.dumps({"b": [1, 2], "a": "x"}, indent=2)
    editor.editor.undo()
    assert editor.text() == '{"b":[1,2],"a":"x"}'


def test_json_editor_format_shortcut(editor: JsonEditor, qtbot: QtBot) -> None:
    editor.set_text("[1,2]")
    editor.editor.setFocus()
    qtbot.keyClick(
        editor.editor,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.text() == "[\n  1,\n  2\n]"


def test_json_editor_checker_reports_its_own_problem(editor: JsonEditor) -> None:
    def must_be_list(value: Any) -> None:
        if not isinstance(value, list):
            raise InputError(title="Documents must be a JSON array", where="line 1, column 1")

    editor.set_checker(must_be_list)
    editor.set_text('{"a": 1}')
    assert not editor.is_valid()
    assert tr("Errors", "Documents must be a JSON array") in editor.message()
    with pytest.raises(InputError, match="array"):
        editor.value()
    editor.set_text("[]")
    assert editor.value() == []


def test_json_editor_says_a_checkers_reason_and_translates_a_made_title(
    editor: JsonEditor,
) -> None:
    def tools_checker(value: Any) -> None:
        if value == [{"name": 5}]:
            raise InputError("a tool needs a non-empty string `name`", where="tools[0].name")
        raise InputError(title=Text("A document must be a string or an object, not %1", a_number))

    a_number = Text("a number")
    editor.set_checker(tools_checker)
    editor.set_text('[{"name": 5}]')
    assert editor.message().endswith(": a tool needs a non-empty string `name`")
    assert "tools[0].name" in editor.message()
    editor.set_text("[5]")
    made = tr("Core", "A document must be a string or an object, not %1", tr("Core", "a number"))
    assert editor.message() == made


def test_json_editor_value_changed_carries_parsed_value(editor: JsonEditor, qtbot: QtBot) -> None:
    with qtbot.waitSignal(editor.value_changed, timeout=WAIT_MS) as blocker:
        editor.set_text('["x"]')
    assert blocker.args == [["x"]]


def test_json_editor_turns_colours_off_for_huge_texts_and_back(
    editor: JsonEditor, qtbot: QtBot
) -> None:
    from workbench.ui.common.json_editor import HIGHLIGHT_LIMIT

    editor.set_value(["x" * HIGHLIGHT_LIMIT])
    assert editor.is_valid()
    assert editor.editor.toolTip() == tr(
        "JsonEditor", "Syntax colours are off for texts this large"
    )
    editor.set_value(["small"])
    assert editor.editor.toolTip() == ""

    def coloured() -> bool:
        block = editor.editor.document().firstBlock().next()
        return bool(block.layout().formats())

    qtbot.waitUntil(
        coloured, timeout=WAIT_MS
    )  # the highlighter re-colours on its next turn of the event loop


def test_a_switched_off_editor_greys_its_text(editor: JsonEditor, qtbot: QtBot) -> None:
    """Its syntax colours made a disabled editor look in use (the chat Model page's schema while
    the Text format is chosen)."""
    editor.set_value({"key": "value", "n": 1})
    greyed = editor.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def colours() -> set[str]:
        block = editor.editor.document().firstBlock().next()  # `  "key": "value",`
        return {r.format.foreground().color().name() for r in block.layout().formats()}

    qtbot.waitUntil(lambda: len(colours()) > 1, timeout=WAIT_MS)  # key and string told apart
    editor.setEnabled(False)
    qtbot.waitUntil(lambda: colours() == {greyed.name()}, timeout=WAIT_MS)
    editor.setEnabled(True)
    qtbot.waitUntil(lambda: len(colours()) > 1 and greyed.name() not in colours(), timeout=WAIT_MS)


def test_an_empty_editor_with_a_hint_greets_neutrally_until_typed_in(
    editor: JsonEditor, qtbot: QtBot
) -> None:
    message = editor.findChild(QLabel, "jsonEditorMessage")
    assert message is not None
    editor.set_empty_hint("Type a JSON list")
    assert message.text() == "Type a JSON list"
    assert message.property("role") == "hint"
    assert editor.message() == ""  # nothing is wrong yet
    assert not editor.is_valid()
    assert editor.error_position() is None  # no red mark
    assert editor.editor.placeholderText() == "Type a JSON list"
    qtbot.keyClicks(editor.editor, "x")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(
        lambda: tr("JsonEditor", "The JSON is empty") in message.text(), timeout=WAIT_MS
    )
    assert message.property("role") == "error"
    assert editor.error_position() == (1, 1)


def test_asking_an_untouched_empty_editor_for_its_value_shows_the_error(
    editor: JsonEditor,
) -> None:
    editor.set_empty_hint("Type a JSON list")
    with pytest.raises(InputError, match=tr("JsonEditor", "The JSON is empty")):
        editor.value()  # what a run does
    where = tr("Errors", "line %1, column %2", 1, 1)
    shown = tr("JsonEditor", "%1 at %2", tr("JsonEditor", "The JSON is empty"), where)
    assert editor.message() == shown
    assert editor.error_position() == (1, 1)


def test_utf16_index_counts_astral_characters_twice() -> None:
    text = 'é😀"k": 😀😀 x'
    for index in range(len(text) + 1):
        assert utf16_index(text, index) == len(text[:index].encode("utf-16-le")) // 2


def test_a_huge_text_is_not_handed_to_the_highlighter_line_by_line(
    editor: JsonEditor, qtbot: QtBot
) -> None:
    from workbench.ui.common.json_editor import HIGHLIGHT_LIMIT

    lines: list[str] = []
    # On this editor's highlighter alone, for good: PySide keeps a found override, so a class
    # patch undone at teardown left later theme switches calling a freed function (a segfault).
    highlighter = editor.findChild(JsonHighlighter)
    assert highlighter is not None
    setattr(highlighter, "highlightBlock", lines.append)  # noqa: B010  mypy: a method
    editor.set_value([f"document {n}" for n in range(HIGHLIGHT_LIMIT // 10)])
    assert editor.is_valid()
    assert lines == []
    editor.set_value(["small"])
    qtbot.waitUntil(lambda: '  "small"' in lines, timeout=WAIT_MS)


def test_set_text_validates_what_the_editor_holds_even_when_qt_rewrites_separators(
    editor: JsonEditor,
) -> None:
    editor.set_text("[1,\r\n2]")
    assert editor.is_valid()
    editor.set_text('["a\u2029b"]')  # a paragraph separator becomes a raw line break in Qt
    assert not editor.is_valid()
    assert editor.text() == '["a\nb"]'


def _long_list() -> list[str]:
    from workbench.ui.common.json_text import LOAD_CHUNK

    return [f"document {i} " + "word " * 40 for i in range(3 * LOAD_CHUNK // 200)]


def test_json_editor_long_text_goes_in_over_turns_as_one_undo_step(
    editor: JsonEditor, qtbot: QtBot
) -> None:
    editor.set_text('["old"]')
    values: list[Any] = []
    editor.value_changed.connect(values.append)
    docs = _long_list()
    text = json.dumps(docs, indent=2)
    editor.set_text(text)
    assert editor.is_loading()  # the rest goes in on later turns, the window painting between
    assert editor.editor.isReadOnly()  # nobody types into half a text
    qtbot.waitUntil(lambda: bool(values), timeout=WAIT_MS)
    assert not editor.is_loading()
    assert not editor.editor.isReadOnly()
    assert values == [docs]  # told once, with the whole value
    assert editor.editor.toPlainText() == text
    assert editor.is_valid()
    editor.editor.document().undo()  # one undo step takes the whole load back
    assert editor.editor.toPlainText() == '["old"]'


def test_json_editor_reading_a_text_mid_load_finishes_it(editor: JsonEditor) -> None:
    values: list[Any] = []
    editor.value_changed.connect(values.append)
    docs = _long_list()
    editor.set_value(docs)
    assert editor.is_loading()
    assert editor.text() == json.dumps(docs, indent=2, ensure_ascii=False)  # never half of it
    assert not editor.is_loading()
    assert values == [docs]
    assert editor.value() == docs


def test_json_editor_new_text_mid_load_replaces_the_load(editor: JsonEditor) -> None:
    values: list[Any] = []
    editor.value_changed.connect(values.append)
    editor.set_value(_long_list())
    editor.set_text("[1]")
    assert not editor.is_loading()
    assert values == [[1]]  # the replaced load is never announced
    assert editor.text() == "[1]"


def test_json_editor_long_text_marks_an_error_at_its_line_and_column(
    editor: JsonEditor, qtbot: QtBot
) -> None:
    text = json.dumps(_long_list(), indent=2)
    comma = text.rindex(",\n")  # the last comma goes: the error is in the last chunk
    broken = text[:comma] + text[comma + 1 :]
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(broken)
    editor.set_text(broken)
    qtbot.waitUntil(lambda: not editor.is_loading(), timeout=WAIT_MS)
    assert editor.error_position() == (expected.value.lineno, expected.value.colno)
    assert not editor.is_valid()


def test_json_editor_set_text_is_not_the_person_typing(editor: JsonEditor) -> None:
    editor.set_empty_hint("Type a list")
    editor.set_text("[1]")
    editor.set_text("")  # emptied by the program: still the neutral hint, not an error
    assert editor.message() == ""
    editor.set_value(_long_list())
    editor.finish_loading()
    editor.set_text("")
    assert editor.message() == ""

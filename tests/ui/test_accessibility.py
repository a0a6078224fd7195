"""Accessibility audit: every focusable control is named, labelled, and reachable with Tab.

The whole real window is walked on every page of every pane, in the states that add controls
(a chat tool call waiting for results, rerank results shown). Screen readers announce the
accessible name; tests and people's scripts find widgets by object name.

Qt internals that cannot carry a name of ours, and are skipped (see `_internal`):

* a QAbstractSpinBox's line edit and an editable QComboBox's line edit: the box is the control
  (it is the one named and labelled; Qt reports the inner edit as part of it);
* a QComboBox's popup view and its frame: a separate popup window, only there while open;
* a QAbstractScrollArea's viewport and scroll bars, a QTabBar's scroll arrows (QToolButtons
  Qt creates and never exposes), QSplitterHandle, a QTableView's corner button: Qt's own parts,
  reached with the mouse or the arrow keys of the control they belong to.

Tab and the editors: every text editor passes Tab on (`setTabChangesFocus(True)`). JSON
needs no literal tab (Format indents with spaces), a message or query is one paragraph, and
a keyboard user must never be trapped in a box, so no editor keeps Tab for itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSplitterHandle,
    QTabBar,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from tests.ui.italian_texts import english_leftovers, not_italian
from tests.ui.test_main_window import INNER_PAGES, OFFSCREEN_NOISE, _each_page
from tests.waits import WAIT_MS
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.main_window import MainWindow
from workbench.ui.panes import PANES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

FIELD_TYPES = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)
"""Controls a person types into: each needs a label (a QLabel buddy) or a name that says what."""
CAMEL_CASE = re.compile(r"[a-z][a-zA-Z0-9]*")
"""The one object name style: `chatSend`, `rerankQuery`, `toolResult0Mode`."""
GENERIC_NAMES = frozenset({"", "text", "edit", "editor", "field", "input", "value", "box"})
"""Accessible names that do not say what a field is for."""


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    with qtbot.waitActive(main):  # focus moves only inside the active window
        main.show()
        main.activateWindow()
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


# --- what counts as a control ---------------------------------------------------------------


def _internal(widget: QWidget) -> str:
    """Why `widget` is a Qt internal exempt from naming ("" when it is one of ours)."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox) and isinstance(widget, QLineEdit):
        return "spin box's line edit"
    if isinstance(parent, QComboBox) and widget is parent.lineEdit():
        return "combo box's line edit"
    if isinstance(widget, QScrollBar | QSplitterHandle):
        return "scroll bar or splitter handle"
    if isinstance(parent, QTabBar):
        return "tab bar's scroll arrow"
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return "scroll area's viewport"
    if widget.metaObject().className() in ("QTableCornerButton", "QComboBoxPrivateContainer"):
        return "table corner button or combo popup"
    return ""


def _controls(root: QWidget) -> list[QWidget]:
    """Visible, enabled widgets under `root` that take focus, Qt internals left out."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.focusProxy() is None
        and not _internal(w)
    ]


def _describe(widget: QWidget) -> str:
    kind = widget.metaObject().className()
    name = widget.objectName() or "<no objectName>"
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    owner = widget.parentWidget()
    while owner is not None and not owner.objectName():
        owner = owner.parentWidget()
    where = owner.objectName() if owner is not None else "?"
    shown = f" {text[:30]!r}" if text else ""
    return f"{kind} {name}{shown} in {where}"


def _labelled(root: QWidget) -> set[int]:
    """ids of the widgets a visible QLabel names as its buddy."""
    found: set[int] = set()
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.isVisible():
            found.add(id(buddy))
            # A buddy that forwards focus names the widget it forwards to.
            proxy = buddy.focusProxy()
            if proxy is not None:
                found.add(id(proxy))
    return found


def _naming_problems(window: MainWindow) -> list[str]:
    labelled = _labelled(window)
    problems = []
    for widget in _controls(window):
        what = _describe(widget)
        if not widget.accessibleName().strip():
            problems.append(f"{what}: no accessible name")
        if not widget.objectName() or widget.objectName().startswith("qt_"):
            problems.append(f"{what}: no object name of ours ({widget.objectName()!r})")
        elif not CAMEL_CASE.fullmatch(widget.objectName()):
            problems.append(f"{what}: object name not in camelCase")
        if (
            isinstance(widget, FIELD_TYPES)
            and id(widget) not in labelled
            and (widget.accessibleName().strip().lower() in GENERIC_NAMES)
        ):
            problems.append(f"{what}: no buddy label and no name saying what it is")
    return problems


# --- Tab order ------------------------------------------------------------------------------


def _tab_problems(window: MainWindow, pane: QWidget, qtbot: QtBot) -> list[str]:
    """Press Tab from the pane's first control round the window; name what is missed or sticks."""
    wanted = [w for w in _controls(pane) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    if not wanted:
        return []
    start = next(w for w in _chain(window) if w in wanted)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=WAIT_MS)
    seen: list[QWidget] = [start]
    problems: list[str] = []
    for _ in range(4 * len(_controls(window)) + 100):
        focused = QApplication.focusWidget()
        assert focused is not None
        link = _link_at(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is focused and (link is None or _link_at(focused) == link):
            problems.append(f"Tab is stuck in {_describe(focused)}")
            break
        if now is start or now is None:
            break
        if now in wanted and now not in seen:
            seen.append(now)
    for widget in wanted:
        if widget not in seen:
            problems.append(f"Tab never reaches {_describe(widget)}")
    return problems


def _link_at(widget: QWidget) -> tuple[int, int] | None:
    """Where a text browser's link focus is: Tab walks its links before leaving (Qt's way of
    reaching links from the keyboard), so staying put is fine while the link changes."""
    if not isinstance(widget, QTextBrowser):
        return None
    cursor = widget.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def _chain(window: MainWindow) -> list[QWidget]:
    """The window's focus chain in Tab order."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(chain) < 5000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _audit(window: MainWindow, where: str, names: tuple[str, ...], qtbot: QtBot) -> list[str]:
    problems: list[str] = []
    pane = window.current_pane()
    for pages in _each_page(pane, names):
        place = f"{where} {pages}".strip()
        found = _naming_problems(window) + _tab_problems(window, pane, qtbot)
        problems += [f"{place}: {p}" for p in found]
    return problems


def _report(problems: list[str]) -> str:
    """One line per problem, naming the first state and page it shows on (and how many more)."""
    places: dict[str, list[str]] = {}
    for line in problems:
        place, _, problem = line.partition(": ")
        places.setdefault(problem, []).append(place)
    lines = [
        f"{problem}  [{where[0]}{f' +{len(where) - 1} more' if len(where) > 1 else ''}]"
        for problem, where in places.items()
    ]
    return f"{len(lines)} accessibility problems:\n" + "\n".join(lines)


def _hidden_messages(window: MainWindow) -> list[str]:
    """Labels that show a message (no buddy: they name nothing) behind a fixed accessible
    name, the message in neither name nor description: a screen reader reads the fixed name.

    Checked whether the label shows a message now or only later (a Compare column's gaps, demo
    mode's summary), since the name is fixed when the label is built. A StatusLabel is the fix:
    its name is the message, its description the role.
    """
    problems = []
    for label in window.findChildren(QLabel):
        name = label.accessibleName()
        if isinstance(label, StatusLabel) or label.buddy() is not None or not name:
            continue
        text = label.text()
        if name != text and (not text or label.accessibleDescription() != text):
            problems.append(f"{_describe(label)}: named {name!r}, its message never read")
    return problems


# --- tests ----------------------------------------------------------------------------------


def test_no_label_hides_its_message_behind_a_fixed_name(window: MainWindow) -> None:
    for spec in PANES:  # each pane built, the ones that build on first show too
        window.show_pane(spec.key)
        for tabs in window.current_pane().findChildren(QTabWidget):  # their lazy pages too
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
    problems = _hidden_messages(window)
    assert not problems, "\n".join(problems)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_every_pane_and_page_is_named_labelled_and_tab_reachable(
    window: MainWindow, qtbot: QtBot
) -> None:
    problems: list[str] = []
    for spec in PANES:  # every registered pane, a new one included
        window.show_pane(spec.key)
        key = window.current_pane_key()
        problems += _audit(window, key, INNER_PAGES.get(key, ()), qtbot)
    assert not problems, _report(problems)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_chat_waiting_for_tool_results_is_named_and_tab_reachable(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.show_pane(1)
    chat = window.chat_pane
    chat.setup.model.setText("command-r-plus-08-2024")  # the fixture's endpoints name none
    chat.load_sample("tools")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    chat.tabs.show_section(chat.tool_results)
    form = chat.findChild(QGroupBox, "toolResult0")
    assert form is not None
    assert form.isVisible()
    pages = (*INNER_PAGES["chat"], "toolResult0Mode")
    problems = _audit(window, "chat with a tool call", pages, qtbot)
    assert not problems, _report(problems)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_rerank_with_results_is_named_and_tab_reachable(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.show_pane(0)
    window.rerank_pane.load_sample()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert window.rerank_pane.results.summary()
    problems = _audit(window, "rerank with results", INNER_PAGES["rerank"], qtbot)
    assert not problems, _report(problems)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
@pytest.mark.usefixtures("restore_language")
def test_accessible_names_are_set_in_italian(window: MainWindow, qtbot: QtBot) -> None:
    """Switched to Italian live, every control is still named, and named in Italian.

    The panes of tests/ui/italian_texts.NOT_YET_TRANSLATED are audited for names only.
    """
    window.language_actions["it"].trigger()
    qtbot.waitUntil(
        lambda: window.pane("history").accessibleName() == "Cronologia", timeout=WAIT_MS
    )
    problems: list[str] = []
    for spec in PANES:
        window.show_pane(spec.key)
        key = window.current_pane_key()
        problems += _audit(window, f"{key} (it)", INNER_PAGES.get(key, ()), qtbot)
        problems += [
            f"{line} [{key}]"
            for line in english_leftovers(window) + not_italian(window)
            if "(accessible name)" in line or "(role)" in line
        ]
    assert not problems, _report(problems)

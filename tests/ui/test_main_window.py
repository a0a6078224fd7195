"""Main window: panes, shortcuts, notices, crash dialog, remembered state; and a real X11 start."""

from __future__ import annotations

import asyncio
import itertools
import os
import select
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QListView,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

import workbench
from tests.ui.conftest import tr
from tests.ui.lettered_states import pane_states
from tests.waits import WAIT_MS, WAIT_S
from workbench.api.errors import NotFound
from workbench.ui.app import apply_colour_scheme
from workbench.ui.async_bridge import TaskRunner
from workbench.ui.common.theme import LIGHT, apply_theme
from workbench.ui.crash_dialog import CrashDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.notices import NoticeCenter
from workbench.ui.panes import PANES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from tests.processes import Processes
    from workbench.ui.services import Services

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
"""The offscreen platform says this whenever a top-level window is shown; it is not our bug."""


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_panes_in_order_with_shortcuts(window: MainWindow) -> None:
    for i, name in enumerate(("rerank", "chat", "endpoints")):
        action = _action(window, f"showPane{i + 1}Action")
        assert QKeySequence(f"Ctrl+{i + 1}") in action.shortcuts()
        action.trigger()
        assert window.current_pane_key() == name
    assert QKeySequence("Ctrl+Q") in _action(window, "quitAction").shortcuts()
    assert _action(window, "cancelAction").shortcuts() == [QKeySequence("Ctrl+.")]


def test_known_error_shows_in_the_notice_line(window: MainWindow, services: Services) -> None:
    services.notices.post_error(NotFound("no route", status=404, route="/v9/rerank"))
    label = window.findChild(QLabel, "noticeLabel")
    assert label is not None
    assert label.text().startswith(tr("Errors", "Route not found (check the URL and flavour)"))
    assert "/v9/rerank" in label.text()
    assert label.property("level") == "error"


def test_the_notice_line_is_restyled_as_its_level_changes(
    window: MainWindow, services: Services, qapp: QApplication
) -> None:
    # Styled again only when the level changes (issue 15), but then always.
    apply_theme(qapp, LIGHT)
    try:
        label = window.findChild(QLabel, "noticeLabel")
        assert label is not None
        assert not label.font().bold()
        services.notices.post_error(NotFound("no route", status=404, route="/v9/rerank"))
        assert label.font().bold()  # common.qss: errors in bold
        services.notices.post_error(NotFound("no route", status=404, route="/v8/rerank"))
        assert label.font().bold()
        assert "/v8/rerank" in label.text()
        services.notices.info("Saved")
        assert label.property("level") == "info"
        assert not label.font().bold()
    finally:  # other tests run on Qt's own palette and no style sheet
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())
        qapp.setProperty("workbenchTheme", None)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_unknown_error_opens_a_copyable_crash_dialog(
    services: Services, qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    # Own notice center and runner: the shared fixture fails any test that leaves a crash behind.
    notices = NoticeCenter()
    crashing = replace(services, notices=notices, tasks=TaskRunner(notices, loop=qloop))
    window = MainWindow(services=crashing)
    qtbot.addWidget(window)

    async def bug() -> None:
        raise RuntimeError("kaboom")

    with qtbot.waitSignal(notices.crash_reported, timeout=WAIT_MS):
        crashing.tasks.start("test.bug", bug())
    dialog = window.findChild(CrashDialog, "crashDialog")
    assert dialog is not None
    assert dialog.isVisible()
    assert "RuntimeError: kaboom (in test.bug)" in dialog.report_text()
    assert 'raise RuntimeError("kaboom")' in dialog.report_text()
    copy = dialog.findChild(QPushButton, "copyCrashButton")
    assert copy is not None
    copy.click()
    assert "kaboom" in QGuiApplication.clipboard().text()
    close = dialog.findChild(QPushButton, "closeCrashButton")
    assert close is not None
    assert close.isDefault()  # Enter closes; Qt had made Copy the default
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(crashing.tasks.is_idle, timeout=WAIT_MS)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_about_box_opens_at_the_first_ask_and_names_the_version(window: MainWindow) -> None:
    # The About box's module loads when it is first asked for (issue 15: start-up).
    texts: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not open yet: look again at the next turn
            QTimer.singleShot(0, read_and_close)
            return
        texts.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    _action(window, "aboutAction").trigger()  # returns once the box is closed
    assert len(texts) == 1
    assert workbench.__version__ in texts[0]


def test_escape_and_ctrl_period_cancel_without_ambiguity(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    # A second Esc binding at window level would make Qt warn about an ambiguous shortcut
    # (failing this test through qt_log_level_fail) and fire neither.
    with qtbot.waitActive(window):  # shortcuts only fire in the active window
        window.show()
        window.activateWindow()
    window.show_pane(2)
    pane = window.current_pane()
    focus = pane.findChild(QListView, "endpointList")
    assert focus is not None
    focus.setFocus()  # where a person's keyboard is while working in the pane
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier),
    ):
        task = services.tasks.start("endpoints.test", asyncio.Event().wait(), owner=pane)
        qtbot.keyClick(focus, key, modifier)
        qtbot.waitUntil(task.done, timeout=WAIT_MS)
        assert task.cancelled()
    for index in (0, 1):
        window.show_pane(index)
        window.current_pane().setFocus()
        qtbot.keyClick(window.current_pane(), Qt.Key.Key_Escape)  # the pane's own binding
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_cancel_cancels_the_current_panes_work_silently(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.show_pane(1)
    task = services.tasks.start("chat.send", asyncio.Event().wait(), owner=window.current_pane())
    busy = window.findChild(QProgressBar, "busyIndicator")
    assert busy is not None
    assert busy.isHidden()  # not laid out and painted before the task's first step
    qtbot.waitUntil(lambda: not busy.isHidden(), timeout=WAIT_MS)  # a frame later
    _action(window, "cancelAction").trigger()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert task.cancelled()
    assert busy.isHidden()
    assert [n for n in services.notices.history() if n.level == "error"] == []


def test_geometry_and_last_pane_are_remembered(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.resize(700, 500)  # inside the offscreen screen (800 x 600), so nothing is clamped
    window.show_pane(2)
    window.close()
    saved = services.settings.settings.window
    assert saved.last_pane == "endpoints"
    assert saved.geometry
    again = MainWindow(services=services)
    qtbot.addWidget(again)
    assert again.current_pane_key() == "endpoints"
    assert (again.width(), again.height()) == (700, 500)


# --- a real window on a real X server ------------------------------------------------------


@pytest.fixture
def xvfb(processes: Processes) -> str:
    """A private Xvfb server (ended by the `processes` fixture); yields its DISPLAY."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (Debian package xvfb): cannot open a real window")
    read_fd, write_fd = os.pipe()
    # No display number: Xvfb takes the first free one and writes it to the descriptor. One
    # picked here from the free sockets could be picked by a test in another process too.
    argv = ["Xvfb", "-screen", "0", "1280x900x24", "-nolisten", "tcp"]
    try:
        child = processes.start([*argv, "-displayfd", str(write_fd)], pass_fds=(write_fd,))
    finally:
        os.close(write_fd)
    with os.fdopen(read_fd) as ready:
        # Xvfb writes the display number once it accepts connections; it may be slow, never mute.
        number = ready.readline().strip() if select.select([ready], [], [], WAIT_S)[0] else ""
    if not number.isdigit():
        pytest.fail(f"Xvfb did not start within {WAIT_S:g} s:\n{child.report()}")
    return f":{number}"


def _screenshots(out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`workbench --screenshots out` in a child with `env`, run to its end."""
    return subprocess.run(
        [sys.executable, "-m", "workbench", "--screenshots", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=4 * WAIT_S,  # a whole start-up, every pane drawn and saved: the longest child
        check=False,
    )


@pytest.mark.usefixtures("live_keyring")  # the app reads the keyring with a display
def test_real_window_under_xvfb_renders_every_pane(xvfb: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
    out = tmp_path / "shots"
    result = _screenshots(out, env)
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout
    shots = sorted(p.name for p in out.glob("*.png"))
    assert shots == [
        "1-rerank.png",
        "2-chat.png",
        "3-chat-tools.png",
        "4-endpoints.png",
        "5-chat-reasoning.png",
        "6-chat-json-schema.png",
        "7-evaluation.png",
        "8-chat-error.png",
    ]
    assert all((out / name).stat().st_size > 5_000 for name in shots)
    config = Path(os.environ["WORKBENCH_CONFIG_DIR"])
    assert "Local sandbox" in (config / "settings.json").read_text(encoding="utf-8")


@pytest.mark.usefixtures("live_keyring")
def test_screenshots_leave_a_persons_own_folders_alone(xvfb: str, tmp_path: Path) -> None:
    """Run with no folders chosen, the samples replaced the chat, Rerank and Compare inputs
    the person had typed (each pane keeps its inputs) and filled their run history."""
    home = tmp_path / "home"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")},
        "WORKBENCH_KEYRING_SERVICE": os.environ.get("WORKBENCH_KEYRING_SERVICE", ""),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORM": "xcb",
    }
    env = {k: v for k, v in env.items() if v}
    out = tmp_path / "shots"
    result = _screenshots(out, env)
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.png"))) == 8
    assert not home.exists() or not any(home.rglob("*")), sorted(home.rglob("*"))


def test_follows_the_dark_and_light_colour_schemes(qapp: QApplication) -> None:
    # The offscreen platform reports no scheme, so the scheme the desktop would signal is passed.
    try:
        apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert "#ffb35c" in qapp.styleSheet()
        apply_colour_scheme(qapp, Qt.ColorScheme.Light)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 170
        assert "#ffb35c" not in qapp.styleSheet()
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())


def _mnemonic(text: str) -> str | None:
    marked = text.replace("&&", "")
    at = marked.find("&")
    return marked[at + 1].lower() if 0 <= at < len(marked) - 1 else None


def _visible_mnemonics(main: MainWindow) -> dict[str, list[str]]:
    from PySide6.QtWidgets import QAbstractButton, QTabBar

    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        letter = _mnemonic(text)
        if letter:
            found.setdefault(letter, []).append(text)

    for menu_action in main.menuBar().actions():
        add(menu_action.text())
    for widget in main.findChildren(QLabel) + main.findChildren(QAbstractButton):
        if widget.isVisible() and (not isinstance(widget, QLabel) or widget.buddy()):
            add(widget.text())
    for box in main.findChildren(QGroupBox):
        if box.isVisible():
            add(box.title())
    for bar in main.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                add(bar.tabText(i))
    return found


INNER_PAGES: dict[str, tuple[str, ...]] = {
    "rerank": ("rerankDocumentsTabs", "rerankResultsTabs"),
    "chat": ("chatSideSections",),
    "endpoints": (),
    "evaluation": ("evaluationResultsTabs",),
    "compare": ("compareInputTabs",),
}
"""Each pane's tab widgets and section lists whose pages (every combination) the Alt-key and
accessibility checks show; a pane without inner pages needs no entry."""


def _pager(pane: QWidget, name: str) -> tuple[int, Callable[[int], str]]:
    """How many pages a tab widget or section list named `name` has, and how to show one."""
    tabs = pane.findChild(QTabWidget, name)
    if tabs is not None:

        def show_tab(index: int) -> str:
            tabs.setCurrentIndex(index)
            return tabs.tabText(index)

        return tabs.count(), show_tab
    sections = pane.findChild(QListWidget, name)
    assert sections is not None, name

    def show_section(row: int) -> str:
        sections.setCurrentRow(row)
        return sections.item(row).text()

    return sections.count(), show_section


def _each_page(pane: QWidget, names: tuple[str, ...]) -> Iterator[str]:
    pagers = [_pager(pane, name) for name in names]
    for pages in itertools.product(*(range(count) for count, _ in pagers)):
        yield " / ".join(show(page) for (_, show), page in zip(pagers, pages, strict=True))


def _clashes_on_every_page(
    window: MainWindow, where: str, names: tuple[str, ...]
) -> dict[str, dict[str, list[str]]]:
    clashes: dict[str, dict[str, list[str]]] = {}
    for pages in _each_page(window.current_pane(), names):
        found = {k: v for k, v in _visible_mnemonics(window).items() if len(v) > 1}
        if found:
            clashes[f"{where} {pages}".strip()] = found
    return clashes


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_no_two_visible_controls_share_an_alt_key(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    # Qt alternates focus between clashing mnemonics instead of acting, so a keyboard user
    # pressing Alt+letter would land on the wrong control.
    window.show()
    qtbot.waitExposed(window)
    clashes: dict[str, dict[str, list[str]]] = {}
    for spec in PANES:  # every registered pane, a new one included
        window.show_pane(spec.key)
        key = window.current_pane_key()
        clashes |= _clashes_on_every_page(window, key, INNER_PAGES.get(key, ()))
    # The chat pane's extra controls: a tool call waiting for results (its form, in both
    # modes), then editing a turn to resend it (Cancel edit shows beside the composer).
    window.show_pane(1)
    chat = window.chat_pane
    chat.setup.model.setText("command-r-plus-08-2024")  # the fixture's endpoints name none
    chat.load_sample("tools")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = chat.session().turns[-1].reply
    assert reply is not None
    assert [call.name for call in reply.tool_calls] == ["get_weather"]
    waiting = (*INNER_PAGES["chat"], "toolResult0Mode")
    chat.tabs.show_section(chat.tool_results)
    form = chat.findChild(QGroupBox, "toolResult0")
    assert form is not None
    assert form.isVisible()
    clashes |= _clashes_on_every_page(window, "chat with a tool call", waiting)
    chat.transcript.edit_requested.emit(0)
    assert chat.composer.cancel_edit.isVisible()
    clashes |= _clashes_on_every_page(window, "chat editing a turn", waiting)
    assert not clashes, "\n".join(f"{where}: {found}" for where, found in clashes.items())


LETTERED_PANES = ("history", "evaluation", "qa", "rerank", "chat", "endpoints", "compare")
"""Panes where every button and every buddy label has an Alt letter, its own or its section's
(the titled group box it sits in: Alt+letter focuses the section's first control)."""


def _section_letter(widget: QWidget, pane: QWidget) -> str | None:
    """The letter of the nearest titled section around `widget` inside `pane`."""
    owner = widget.parentWidget()
    while owner is not None and owner is not pane:
        if isinstance(owner, QGroupBox) and _mnemonic(owner.title()):
            return _mnemonic(owner.title())
        owner = owner.parentWidget()
    return None


def _without_letters(pane: QWidget) -> list[str]:
    """Visible buttons with a text and buddy labels that no Alt letter reaches."""
    from PySide6.QtWidgets import QAbstractButton

    shown: list[QAbstractButton | QLabel] = [
        *(w for w in pane.findChildren(QAbstractButton) if w.text()),
        *(w for w in pane.findChildren(QLabel) if w.buddy() is not None),
    ]
    return [
        f"{type(w).__name__} {w.objectName() or '?'} {w.text()!r}"
        for w in shown
        if w.isVisible() and not _mnemonic(w.text()) and not _section_letter(w, pane)
    ]


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
@pytest.mark.usefixtures("restore_language")
def test_every_control_of_a_lettered_pane_has_an_alt_letter_in_either_language(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    # A keyboard user reaches each control of these panes with Alt+letter (the control's own, or
    # its section's and then Tab), in Italian too: a translation picks its own letters. Controls
    # shown only in some states (a flavour's rows, a failed turn's card) are checked in them.
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []
    history = window.pane("history")
    for language, title in (("en", "History"), ("it", "Cronologia")):
        window.language_actions[language].trigger()
        qtbot.waitUntil(_named(history, title), timeout=WAIT_MS)
        for key in LETTERED_PANES:
            window.show_pane(key)
            pane = window.current_pane()
            for state in pane_states(key, window, services, qtbot):
                for pages in _each_page(pane, INNER_PAGES.get(key, ())):
                    where = " ".join(w for w in (language, key, state, pages) if w)
                    problems += [f"{where}: no letter: {w}" for w in _without_letters(pane)]
                    found = _visible_mnemonics(window).values()
                    problems += [f"{where}: shared: {texts}" for texts in found if len(texts) > 1]
    assert not problems, "\n".join(problems)


def _named(widget: QWidget, name: str) -> Callable[[], bool]:
    return lambda: widget.accessibleName() == name


def _menus(window: MainWindow) -> list[tuple[str, list[QAction]]]:
    """The menu bar, its menus and the panes' own menus (Evaluation's Browse), open or not,
    each with its visible items that show a text (separators left out)."""
    from PySide6.QtWidgets import QMenu

    menus: list[tuple[str, list[QAction]]] = [("menu bar", window.menuBar().actions())]
    menus += [(m.objectName() or m.title(), m.actions()) for m in window.findChildren(QMenu)]
    return [
        (name, [a for a in actions if a.isVisible() and not a.isSeparator() and a.text()])
        for name, actions in menus
    ]


def _menu_problems(window: MainWindow) -> list[str]:
    """Items without a letter, and letters two items of one menu share."""
    problems = []
    for name, actions in _menus(window):
        letters: dict[str, list[str]] = {}
        for action in actions:
            letter = _mnemonic(action.text())
            if letter is None:
                problems.append(f"{name}: no letter in {action.text()!r}")
            else:
                letters.setdefault(letter, []).append(action.text())
        problems += [f"{name}: {texts}" for texts in letters.values() if len(texts) > 1]
    return problems


@pytest.mark.usefixtures("restore_language")
def test_every_item_of_a_menu_has_its_own_letter_in_either_language(
    window: MainWindow, qtbot: QtBot
) -> None:
    # In an open menu, a letter two items share only moves between them: neither is chosen;
    # an item without one is reached only with the arrow keys.
    problems = []
    history = window.pane("history")
    for language, title in (("en", "History"), ("it", "Cronologia")):
        window.language_actions[language].trigger()
        qtbot.waitUntil(_named(history, title), timeout=WAIT_MS)
        problems += [f"{language} {problem}" for problem in _menu_problems(window)]
    assert not problems, "\n".join(problems)

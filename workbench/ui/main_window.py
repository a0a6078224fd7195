"""Main window: the panes in tabs, menus and shortcuts, the notice line, busy state; wiring only."""

from __future__ import annotations

import base64
import functools
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError
from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

import workbench
from workbench.api.errors import InputError
from workbench.api.models import ChatRequest, RerankRequest
from workbench.ui.async_bridge import pane_of
from workbench.ui.common.a11y import StatusLabel, name_tab_bar
from workbench.ui.common.busy_bar import BusyBar
from workbench.ui.common.demo import shown
from workbench.ui.common.error_text import error_message
from workbench.ui.common.focus_ring import FocusRing
from workbench.ui.common.keys import with_keys
from workbench.ui.common.l10n import fill
from workbench.ui.common.pane_error import PaneErrorLine
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.theme import CHOICES as THEMES
from workbench.ui.common.theme import SYSTEM as SYSTEM_THEME
from workbench.ui.common.theme import apply_theme
from workbench.ui.common.theme import choice_label as theme_label
from workbench.ui.i18n import CHOICES, apply_language, choice_label
from workbench.ui.i18n import SYSTEM as SYSTEM_LANGUAGE
from workbench.ui.panes import PANES, Pane, PaneSpec, pane_shortcut
from workbench.ui.resources import app_icon

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.core.rerank_handoff import RankedDocument
    from workbench.core.runs.demo import DemoScript
    from workbench.core.runs.store import RunRecord
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.endpoints.pane import EndpointsPane
    from workbench.ui.evaluation.pane import EvaluationPane
    from workbench.ui.history.pane import HistoryPane
    from workbench.ui.notices import CrashReport, Notice
    from workbench.ui.qa.pane import QaPane
    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services
    from workbench.ui.shortcuts_sheet import ShortcutsSheet

_P = TypeVar("_P", bound=QWidget)

UNSHOWN_TASKS = frozenset({"app.screenshots", "app.warm-up"})
"""Tasks the busy indicator ignores: the screenshot run would show itself busy in every picture,
and loading ahead what a first Send needs is nothing a person asked for."""
BUSY_SHOWN_AFTER_MS = 16
"""The busy indicator shows this long after work starts (one frame at 60 Hz): shown at once,
the status bar's layout and paint came between a Send and its request (issue 15)."""


class MainWindow(Retranslating, QMainWindow):
    """Places the panes and wires them; remembers geometry and the last pane in settings."""

    def __init__(
        self,
        *,
        services: Services,
        panes: tuple[PaneSpec, ...] = PANES,
        lazy_panes: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """Build the window; with `lazy_panes`, only the pane shown first (the others are built
        when first shown or asked for, or by `build_panes_when_idle`: issue 15's start-up)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self._services = services
        self._specs = panes
        self.shortcuts_sheet: ShortcutsSheet | None = None
        """The keyboard shortcuts sheet, made the first time F1 or Ctrl+/ asks for it."""
        self._statuses: dict[str, Notice] = {}
        """What the status bar says for each pane (by key); it shows the current pane's only."""
        # Said before the window was built (a broken settings file, no log file): shown too.
        earlier = services.notices.history()
        self._build_panes(lazy_panes)
        self._build_status_bar()
        self._build_notice_dock()
        self._build_menus()
        self._connect_signals()
        self._restore_state()
        for notice in earlier:
            self._on_notices_notice_posted(notice)
        FocusRing(self)  # a child of the window, following the focus until the window goes
        self.retranslate_ui()
        self._on_tasks_state_changed()
        if services.demo.is_on():  # from the start (settings, --demo): fonts, masks, form
            services.demo.apply()

    # --- building ---------------------------------------------------------------------------

    def _build_panes(self, lazy: bool) -> None:
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("paneTabs")
        self._tabs.setDocumentMode(True)
        self._panes: dict[str, QWidget] = {}
        self._when_all_built: Callable[[], object] | None = None
        first = self._services.settings.settings.window.last_pane
        # No mnemonics on the tabs: Alt+R is the Run menu's and Alt+E each pane's "Endpoint:"
        # picker's; Ctrl+1, Ctrl+2, … (View menu) and Ctrl+Tab switch panes.
        for spec in self._specs:
            # A pane not built yet holds its tab with an empty page until it is first needed.
            self._tabs.addTab(QWidget(self._tabs), spec.tab_title)
        for index, spec in enumerate(self._specs):
            if not lazy or spec.key == first or (index == 0 and first not in self.pane_keys()):
                self._build_pane(index)
        self.setCentralWidget(self._tabs)

    def pane_keys(self) -> list[str]:
        """Every pane's key, in tab order (built or not)."""
        return [spec.key for spec in self._specs]

    def _build_pane(self, index: int) -> QWidget:
        """Build the pane of tab `index`, put it in place of its empty page, and wire it."""
        spec = self._specs[index]
        empty = self._tabs.widget(index)
        # Made where it stays, in the tab widget's page stack (the empty page's parent): under
        # the application style sheet, moving a built pane there restyles every widget in it
        # again (issue 15: 1.3% of the instructions up to the window shown).
        stack = empty.parentWidget() if empty is not None else None
        pane = spec.factory(services=self._services, parent=stack or self)
        assert isinstance(pane, QWidget), spec.key  # a pane is a widget as well
        self._panes[spec.key] = pane
        current = self._tabs.currentIndex()
        self._tabs.blockSignals(True)  # the tab showing does not really change
        self._tabs.removeTab(index)
        self._tabs.insertTab(index, pane, spec.tab_title)
        self._tabs.setCurrentIndex(current)
        self._tabs.blockSignals(False)
        if empty is not None:
            empty.deleteLater()
        if hasattr(self, "_pane_actions"):  # built after the window: texts and wiring now
            self._retranslate_tab(index)
            self._connect_pane(spec.key)
            if self._services.demo.is_on():
                self._services.demo.apply()
        return pane

    def build_panes_when_idle(self, then: Callable[[], object] | None = None) -> None:
        """Build the panes not built yet, one per turn of the event loop, starting after the
        events already queued (the first paint): the window answers between two panes. `then`
        runs once every pane is built."""
        self._when_all_built = then
        QTimer.singleShot(0, self._build_next_pane)

    def _build_next_pane(self) -> None:
        if not self.isVisible():  # closed meanwhile (or never shown): nothing to get ready
            return
        for index, spec in enumerate(self._specs):
            if spec.key not in self._panes:
                self._build_pane(index)
                QTimer.singleShot(0, self._build_next_pane)
                return
        if self._when_all_built is not None:
            self._when_all_built()
            self._when_all_built = None

    def _build_status_bar(self) -> None:
        self._notice_label = StatusLabel(self)
        self._notice_label.setObjectName("noticeLabel")
        self._notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._notice_label.setProperty("level", "")  # no notice yet (`_show_status`)
        self._busy = BusyBar(self)
        self._busy.setObjectName("busyIndicator")
        self._busy.setMaximumWidth(120)
        self._busy.setTextVisible(False)
        # No window-wide endpoint: the Rerank and Chat panes each pick their own at their top.
        bar = self.statusBar()
        bar.addWidget(self._notice_label, 1)
        bar.addPermanentWidget(self._busy)
        self._busy_later = QTimer(self)
        self._busy_later.setSingleShot(True)
        self._busy_later.setInterval(BUSY_SHOWN_AFTER_MS)
        self._busy_later.timeout.connect(self._on_busy_later_timeout)

    def _build_notice_dock(self) -> None:
        self._notice_list = QListWidget(self)
        self._notice_list.setObjectName("noticeList")
        self._notice_dock = QDockWidget(self)
        self._notice_dock.setObjectName("noticeDock")
        self._notice_dock.setWidget(self._notice_list)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._notice_dock)
        self._notice_dock.hide()

    def _action(self, name: str, *keys: QKeySequence | str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _menu(self, name: str) -> QMenu:
        menu = self.menuBar().addMenu("")
        menu.setObjectName(name)
        return menu

    def _build_menus(self) -> None:
        self._file_menu = self._menu("fileMenu")
        self.quit_action = self._action("quitAction", "Ctrl+Q")
        self._file_menu.addAction(self.quit_action)
        self._view_menu = view = self._menu("viewMenu")
        self._pane_actions = []
        for i, spec in enumerate(self._specs):
            action = self._action(f"showPane{i + 1}Action", pane_shortcut(i))
            action.setData(spec.key)
            view.addAction(action)
            self._pane_actions.append(action)
        view.addSeparator()
        self.notices_action = self._notice_dock.toggleViewAction()
        self.notices_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        view.addAction(self.notices_action)
        self.demo_action = self._action("demoModeAction", "Ctrl+Shift+D")
        self.demo_action.setCheckable(True)
        self.demo_action.setChecked(self._services.demo.is_on())
        view.addAction(self.demo_action)
        self._build_language_menu(view)
        self._build_theme_menu(view)
        self._run_menu = self._menu("runMenu")
        # Esc belongs to the panes (each binds it while it shows); binding it here as well would
        # make Qt see an ambiguous shortcut and fire neither.
        self.cancel_action = self._action("cancelAction", "Ctrl+.")
        self._run_menu.addAction(self.cancel_action)
        self._help_menu = self._menu("helpMenu")
        self.shortcuts_action = self._action("shortcutsAction", "F1", "Ctrl+/")
        self._help_menu.addAction(self.shortcuts_action)
        self.about_action = self._action("aboutAction")
        self._help_menu.addAction(self.about_action)

    def _build_language_menu(self, view: QMenu) -> None:
        chosen = self._services.settings.settings.language
        self._language_menu, self.language_actions = self._choice_menu(
            view, "language", [c for c, _ in CHOICES], chosen, fallback=SYSTEM_LANGUAGE
        )

    def _build_theme_menu(self, view: QMenu) -> None:
        chosen = self._services.settings.settings.theme
        self._theme_menu, self.theme_actions = self._choice_menu(
            view, "theme", [c for c, _ in THEMES], chosen, fallback=SYSTEM_THEME
        )

    def _choice_menu(
        self, view: QMenu, name: str, choices: list[str], chosen: str, *, fallback: str
    ) -> tuple[QMenu, dict[str, QAction]]:
        """A submenu of exclusive, checkable choices (texts set by `retranslate_ui`); an unknown
        saved value (a newer settings file) checks `fallback`."""
        menu = view.addMenu("")
        menu.setObjectName(f"{name}Menu")
        group = QActionGroup(self)
        actions: dict[str, QAction] = {}
        for choice in choices:
            action = QAction(self)
            action.setObjectName(f"{name}{choice.capitalize()}Action")
            action.setCheckable(True)
            action.setChecked(choice == chosen)
            action.setData(choice)
            group.addAction(action)
            menu.addAction(action)
            actions[choice] = action
        if group.checkedAction() is None:
            actions[fallback].setChecked(True)
        return menu, actions

    def retranslate_ui(self) -> None:
        """Set every text the window owns in the current language (also on `LanguageChange`)."""
        self.setWindowTitle(self.tr("Cohere Workbench"))
        self._tabs.setAccessibleName(self.tr("Panes"))
        for index, spec in enumerate(self._specs):
            self._retranslate_tab(index)
            self._pane_actions[index].setText(spec.menu_title)
        self._notice_label.setAccessibleName(self.tr("Last notice"))
        self._busy.setAccessibleName(self.tr("Working"))
        self._notice_list.setAccessibleName(self.tr("Notices"))
        self._notice_dock.setWindowTitle(self.tr("Notices"))
        # After the title: setting it gives the dock's View menu item the same text again,
        # without the menu's letter.
        self.notices_action.setText(self.tr("&Notices"))
        self._file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self._view_menu.setTitle(self.tr("&View"))
        self._language_menu.setTitle(self.tr("&Language"))
        for choice, action in self.language_actions.items():
            action.setText(choice_label(choice))
        self._theme_menu.setTitle(self.tr("&Theme"))
        for choice, action in self.theme_actions.items():
            action.setText(theme_label(choice))
        self._run_menu.setTitle(self.tr("&Run"))
        self.cancel_action.setText(self.tr("&Cancel"))
        self.demo_action.setText(self.tr("&Demo mode"))
        masks = self.tr("Mask hosts and keys, enlarge fonts, hide connection details")
        self.demo_action.setToolTip(with_keys(masks, "Ctrl+Shift+D"))
        self._help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About"))
        self._show_status()  # the notice's fixed words in the new language

    def _retranslate_tab(self, index: int) -> None:
        spec = self._specs[index]
        self._tabs.setTabText(index, spec.tab_title)
        shortcut = pane_shortcut(index)
        self._tabs.setTabToolTip(
            index, self.tr("%1 (%2)").replace("%1", spec.tab_title).replace("%2", shortcut)
        )
        name_tab_bar(self._tabs)

    def _connect_signals(self) -> None:
        notices = self._services.notices
        notices.notice_posted.connect(self._on_notices_notice_posted)
        notices.crash_reported.connect(self._on_notices_crash_reported)
        self._services.tasks.state_changed.connect(self._on_tasks_state_changed)
        self._services.tasks.task_finished.connect(self._on_tasks_task_finished)
        self.quit_action.triggered.connect(self.close)
        self.cancel_action.triggered.connect(self._on_cancel_action_triggered)
        self.demo_action.toggled.connect(self._on_demo_action_toggled)
        for action in self._pane_actions:
            action.triggered.connect(self._on_pane_action_triggered)
        for action in self.language_actions.values():
            action.triggered.connect(self._on_language_action_triggered)
        for action in self.theme_actions.values():
            action.triggered.connect(self._on_theme_action_triggered)
        self.shortcuts_action.triggered.connect(self._on_shortcuts_action_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self._tabs.currentChanged.connect(self._on_tabs_current_changed)
        for key in self._panes:
            self._connect_pane(key)

    def _connect_pane(self, key: str) -> None:
        """Wire one pane's requests to the window (once, when the pane is built)."""
        for line in self._panes[key].findChildren(PaneErrorLine):
            line.error_changed.connect(functools.partial(self._on_pane_error_changed, key))
        if key == "chat":
            self.chat_pane.rerank_requested.connect(self._on_chat_pane_rerank_requested)
            self.chat_pane.rerank_row_requested.connect(self._on_chat_pane_rerank_row_requested)
            self.chat_pane.endpoint_edit_requested.connect(
                self._on_chat_pane_endpoint_edit_requested
            )
        elif key == "rerank":
            self.rerank_pane.chat_documents_requested.connect(
                self._on_rerank_pane_chat_documents_requested
            )
        elif key == "history":
            history = self.history_pane
            history.run_open_requested.connect(self._on_history_pane_run_open_requested)
            history.replay_requested.connect(self._on_history_pane_replay_requested)
            history.demo_requested.connect(self._on_history_pane_demo_requested)
        elif key == "evaluation":
            self.evaluation_pane.rerank_open_requested.connect(
                self._on_evaluation_pane_rerank_open_requested
            )
        elif key == "qa":
            self.qa_pane.run_inspect_requested.connect(self._on_qa_pane_run_inspect_requested)

    # --- public -----------------------------------------------------------------------------

    def show_pane(self, which: int | str) -> None:
        """Switch to a pane, by its key ("chat") or its tab index (the order of `PANES`)."""
        index = self.pane_keys().index(which) if isinstance(which, str) else which
        self._tabs.setCurrentWidget(self.pane(self._specs[index].key))

    def current_pane_key(self) -> str:
        """The registry key of the pane showing ("rerank", "chat", "endpoints", …)."""
        return self._specs[self._tabs.currentIndex()].key

    def current_pane(self) -> QWidget:
        """The pane showing."""
        return self.pane(self.current_pane_key())

    def pane(self, key: str) -> QWidget:
        """The pane registered under this key (built now if it was not yet)."""
        built = self._panes.get(key)
        return built if built is not None else self._build_pane(self.pane_keys().index(key))

    def is_pane_built(self, key: str) -> bool:
        """Whether the pane under this key exists yet (see `lazy_panes`)."""
        return key in self._panes

    @property
    def rerank_pane(self) -> RerankPane:
        """The Rerank pane (the chat pane's "try in rerank" lands here)."""
        from workbench.ui.rerank.pane import RerankPane  # imported with the pane

        return self._typed("rerank", RerankPane)

    @property
    def chat_pane(self) -> ChatPane:
        """The Chat pane."""
        from workbench.ui.chat.pane import ChatPane  # imported with the pane

        return self._typed("chat", ChatPane)

    @property
    def endpoints_pane(self) -> EndpointsPane:
        """The Endpoints pane."""
        from workbench.ui.endpoints.pane import EndpointsPane  # imported with the pane

        return self._typed("endpoints", EndpointsPane)

    @property
    def history_pane(self) -> HistoryPane:
        """The History pane."""
        from workbench.ui.history.pane import HistoryPane  # imported with the pane

        return self._typed("history", HistoryPane)

    @property
    def evaluation_pane(self) -> EvaluationPane:
        """The Evaluation pane."""
        from workbench.ui.evaluation.pane import EvaluationPane  # imported with the pane

        return self._typed("evaluation", EvaluationPane)

    @property
    def qa_pane(self) -> QaPane:
        """The QA pane."""
        from workbench.ui.qa.pane import QaPane  # imported with the pane

        return self._typed("qa", QaPane)

    def _typed(self, key: str, kind: type[_P]) -> _P:
        pane = self.pane(key)
        assert isinstance(pane, kind), key
        return pane

    def apply_demo_mode(self, on: bool) -> None:
        """Tick the menu item and list the notices again, hosts masked while demo mode is on."""
        self.demo_action.blockSignals(True)
        self.demo_action.setChecked(on)
        self.demo_action.blockSignals(False)
        self._notice_list.clear()
        for notice in self._services.notices.history():
            self._notice_list.addItem(_notice_line(notice))
        self._notice_list.scrollToBottom()
        self._show_status()

    # --- state ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        window = self._services.settings.settings.window
        if window.geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(window.geometry)))
        else:
            self.resize(1200, 800)
        if window.last_pane in self.pane_keys():
            self.show_pane(window.last_pane)

    def save_state(self) -> None:
        """Remember geometry and the current pane in the settings file."""
        settings = self._services.settings.settings
        geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        window = settings.window.model_copy(
            update={"geometry": geometry, "last_pane": self.current_pane_key()}
        )
        self._services.settings.update(window=window)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state, then close."""
        self.save_state()
        super().closeEvent(event)

    # --- slots ------------------------------------------------------------------------------

    def status_text(self) -> str:
        """What the status bar says now: the current pane's last notice, or nothing."""
        return self._notice_label.text()

    def _on_notices_notice_posted(self, notice: Notice) -> None:
        self._notice_list.addItem(_notice_line(notice))
        self._notice_list.scrollToBottom()
        if notice.inline:
            return  # the pane shows it beside its cause; the bar would only repeat it
        # A notice that names no pane came from what the person is doing: the pane showing.
        key = notice.pane if notice.pane in self.pane_keys() else self.current_pane_key()
        self._statuses[key] = notice
        self._show_status()

    def _show_status(self) -> None:
        notice = self._statuses.get(self.current_pane_key())
        self._notice_label.setText(notice.shown_text() if notice else "")
        level = notice.level if notice else ""
        if self._notice_label.property("level") != level:  # the style sheet matches on it
            self._notice_label.setProperty("level", level)
            self._notice_label.style().unpolish(self._notice_label)
            self._notice_label.style().polish(self._notice_label)

    def _drop_error_status(self, key: str) -> None:
        """The pane's error or warning on the status bar is no longer true: say nothing for it."""
        notice = self._statuses.get(key)
        if notice is not None and notice.level != "info":
            del self._statuses[key]
            self._show_status()

    def _on_tasks_task_finished(self, key: str, ok: bool) -> None:
        if ok:  # the pane's next action succeeded: its earlier error is over
            self._drop_error_status(pane_of(key))

    def _on_pane_error_changed(self, key: str, _text: str) -> None:
        # The pane now shows (or has cleared) its current error itself; an older one on the
        # bar would contradict it.
        self._drop_error_status(key)

    def _on_notices_crash_reported(self, report: CrashReport) -> None:
        # The crash dialog, the shortcuts sheet and the About box load when first asked for:
        # the first paint does not need them (issue 15: start-up).
        from workbench.ui.crash_dialog import CrashDialog

        dialog = CrashDialog(report, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()

    def _on_tasks_state_changed(self) -> None:
        if not self._busy_running():
            self._busy_later.stop()
            self._busy.hide()
        elif self._busy.isHidden() and not self._busy_later.isActive():
            self._busy_later.start()

    def _on_busy_later_timeout(self) -> None:
        self._busy.setVisible(self._busy_running())

    def _busy_running(self) -> bool:
        return bool(set(self._services.tasks.running_keys()) - UNSHOWN_TASKS)

    def _on_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(self._specs):  # a tab clicked or Ctrl+Tab: its pane, built now
            self.pane(self._specs[index].key)
        self._show_status()

    def _on_cancel_action_triggered(self) -> None:
        # The pane's own cancel keeps its state consistent (e.g. a partial answer is kept).
        pane = self.current_pane()
        assert isinstance(pane, Pane)
        pane.cancel()

    def _on_demo_action_toggled(self, on: bool) -> None:
        self._services.demo.set_on(on)

    def _on_pane_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_pane(str(action.data()))

    def _on_language_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            choice = str(action.data())
            self._services.settings.update(language=choice)
            apply_language(choice)  # Qt posts LanguageChange: every widget retranslates

    def _on_theme_action_triggered(self) -> None:
        action = self.sender()
        app = QApplication.instance()
        if isinstance(action, QAction) and isinstance(app, QApplication):
            choice = str(action.data())
            self._services.settings.update(theme=choice)
            apply_theme(app, choice)  # Qt sends PaletteChange: views that cache colours redraw

    def _on_chat_pane_rerank_requested(self, query: str) -> None:
        self.rerank_pane.set_query(query)
        self._tabs.setCurrentWidget(self.rerank_pane)

    def _on_chat_pane_rerank_row_requested(self, rank: int) -> None:
        if self.rerank_pane.select_rank(rank):
            self._tabs.setCurrentWidget(self.rerank_pane)

    def _on_chat_pane_endpoint_edit_requested(self, endpoint_id: str) -> None:
        # The Endpoints pane follows the current endpoint: making it current selects it there.
        if self._services.session.endpoint(endpoint_id) is not None:
            self._services.session.set_current(endpoint_id)
            self._tabs.setCurrentWidget(self.endpoints_pane)

    def _on_rerank_pane_chat_documents_requested(self, ranked: list[RankedDocument]) -> None:
        self.chat_pane.take_ranked_documents(ranked)
        self._tabs.setCurrentWidget(self.chat_pane)

    def _unopenable(self, kind: str, inputs: dict[str, Any]) -> str:
        """Why a stored run cannot be opened back in its pane ('' when it can be tried)."""
        if kind not in ("chat", "rerank"):
            return fill(self.tr("Its kind %1 is not one the workbench opens (chat, rerank)."), kind)
        if "request" not in inputs:
            return self.tr("It was recorded without its inputs (imported from an older file?).")
        return ""

    def _open_stored(self, kind: str, request: Any) -> bool:
        """Open a stored request in its pane; False while a chat turn is answering.

        Raises:
            ValidationError: the stored request is not one of its kind.
        """
        if kind == "rerank":
            self.rerank_pane.open_request(RerankRequest.model_validate(request))
            return True
        return self.chat_pane.open_request(ChatRequest.model_validate(request))

    def _on_history_pane_run_open_requested(self, kind: str, inputs: dict[str, Any]) -> None:
        reason = self._unopenable(kind, inputs)
        if not reason:
            try:
                if not self._open_stored(kind, inputs["request"]):
                    self._services.notices.warn(
                        self.tr("This run cannot be opened now"),
                        self.tr("A chat turn is answering: stop it or wait for its end first."),
                    )
                    return
            except ValidationError:
                reason = self.tr("Its stored request is not one this program can read.")
        if reason:
            self._services.notices.warn(self.tr("This run cannot be opened"), reason)
            return
        self._drop_error_status("history")  # opened: a refusal said before is over
        self._tabs.setCurrentWidget(self.rerank_pane if kind == "rerank" else self.chat_pane)

    def _on_evaluation_pane_rerank_open_requested(self, request: RerankRequest) -> None:
        self.rerank_pane.open_request(request)
        self._tabs.setCurrentWidget(self.rerank_pane)

    def _on_history_pane_replay_requested(self, record: RunRecord, speed: float) -> None:
        try:
            self.chat_pane.replay(record, speed)
        except (KeyError, ValidationError, InputError) as exc:
            detail = error_message(exc) if isinstance(exc, InputError) else str(exc)
            self._services.notices.warn(self.tr("This turn cannot be replayed"), detail)
            return
        self._drop_error_status("history")
        self._tabs.setCurrentWidget(self.chat_pane)

    def _on_qa_pane_run_inspect_requested(self, run_id: str) -> None:
        self._tabs.setCurrentWidget(self.history_pane)
        if not self.history_pane.show_run(run_id):
            self._services.notices.warn(
                self.tr("This run is not in the history"),
                self.tr("It was not recorded (the history is off) or has been deleted."),
            )

    def _on_history_pane_demo_requested(self, script: DemoScript, speed: float) -> None:
        if not self.chat_pane.play_script(script, speed):
            self._services.notices.warn(
                self.tr("The demo cannot start now"),
                self.tr("A chat turn is answering: stop it or wait for its end first."),
            )
            return
        self._drop_error_status("history")
        self._tabs.setCurrentWidget(self.chat_pane)

    def _on_shortcuts_action_triggered(self) -> None:
        from workbench.ui.shortcuts_sheet import open_sheet

        for key in self.pane_keys():  # the sheet lists every pane's shortcuts: all built
            self.pane(key)
        self.shortcuts_sheet = open_sheet(self, self.shortcuts_sheet)

    def _on_about_action_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        text = self.tr(
            "Cohere Workbench %1\nTry, demo and check Cohere models on serverless endpoints."
        )
        QMessageBox.about(
            self, self.tr("About Cohere Workbench"), text.replace("%1", workbench.__version__)
        )


def _notice_line(notice: Notice) -> str:
    """A notice as the Notices list shows it (through the redactor again: demo mode may be on)."""
    return shown(f"{notice.at:%H:%M:%S}  {notice.shown_level()}: {notice.shown_text()}")

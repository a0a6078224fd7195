"""Main window: the panes in tabs, menus and shortcuts, the notice line, busy state; wiring only.

The parts live in `workbench.ui.window` (one job each); this module puts them together, wires
them, and keeps the window's public surface: `show_pane`, `pane`, `chat_pane` and the other panes,
the actions, `status_text`, `save_state`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QWidget

import workbench
from workbench.ui.common.focus_ring import FocusRing
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.panes import PANES, Pane, PaneSpec
from workbench.ui.resources import app_icon
from workbench.ui.window import state
from workbench.ui.window.busy import UNSHOWN_TASKS as UNSHOWN_TASKS
from workbench.ui.window.busy import BusyIndicator
from workbench.ui.window.menus import WindowMenus
from workbench.ui.window.notice_views import NoticeViews
from workbench.ui.window.routes import PaneRoutes
from workbench.ui.window.tabs import PaneTabs
from workbench.ui.window.unsaved import UnsavedEdits

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.endpoints.pane import EndpointsPane
    from workbench.ui.evaluation.pane import EvaluationPane
    from workbench.ui.history.pane import HistoryPane
    from workbench.ui.notices import CrashReport
    from workbench.ui.qa.pane import QaPane
    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services
    from workbench.ui.shortcuts_sheet import ShortcutsSheet

_P = TypeVar("_P", bound=QWidget)


class MainWindow(Retranslating, WindowMenus):
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
        # Said before the window was built (a broken settings file, no log file): shown too.
        earlier = services.notices.history()
        first = services.settings.settings.window.last_pane
        self._tabs = PaneTabs(self, specs=panes, services=services, first=first, lazy=lazy_panes)
        self.setCentralWidget(self._tabs.widget)
        self._notice_views = NoticeViews(self, tabs=self._tabs, notices=services.notices)
        self._busy = BusyIndicator(self, tasks=services.tasks)
        bar = self.statusBar()
        # No window-wide endpoint: the Rerank and Chat panes each pick their own at their top.
        bar.addWidget(self._notice_views.label, 1)
        bar.addPermanentWidget(self._busy.bar)
        self._build_menus(
            panes,
            settings=services.settings,
            demo=services.demo,
            notices_action=self._notice_views.dock.toggleViewAction(),
        )
        self._routes = PaneRoutes(self, services=services, views=self._notice_views)
        self._unsaved = UnsavedEdits(self, services)
        self._tabs.follow_builds(self._on_tabs_pane_built)
        self._connect_signals()
        state.restore_state(self, services.settings)
        for notice in earlier:
            self._notice_views.add(notice)
        FocusRing(self)  # a child of the window, following the focus until the window goes
        self.retranslate_ui()
        self._busy.on_tasks_changed()
        if services.demo.is_on():  # from the start (settings, --demo): fonts, masks, form
            services.demo.apply()

    def retranslate_ui(self) -> None:
        """Set every text the window owns in the current language (also on `LanguageChange`)."""
        self.setWindowTitle(self.tr("Cohere Workbench"))
        self._tabs.retranslate()
        self._notice_views.retranslate()
        self._busy.retranslate()
        self._retranslate_menus(self._specs)
        self._notice_views.show_status()  # the notice's fixed words in the new language

    def _connect_signals(self) -> None:
        notices = self._services.notices
        notices.notice_posted.connect(self._notice_views.add)
        notices.crash_reported.connect(self._on_notices_crash_reported)
        self._services.tasks.state_changed.connect(self._busy.on_tasks_changed)
        self._services.tasks.task_finished.connect(self._notice_views.on_task_finished)
        self.quit_action.triggered.connect(self.close)
        self.cancel_action.triggered.connect(self._on_cancel_action_triggered)
        self._connect_menus()
        for action in self._pane_actions:
            action.triggered.connect(self._on_pane_action_triggered)
        self.shortcuts_action.triggered.connect(self._on_shortcuts_action_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self._tabs.widget.currentChanged.connect(self._on_tabs_current_changed)
        for key in self._tabs.built_keys():
            self._connect_pane(key)

    def _connect_pane(self, key: str) -> None:
        """Wire one pane to the window (once, when the pane is built)."""
        self._notice_views.follow_errors(key, self._tabs.pane(key))
        self._routes.connect_pane(key)

    def _on_tabs_pane_built(self, index: int, key: str) -> None:
        # Built after the window: its tab's texts and its wiring now, demo mode's look too.
        self._tabs.retranslate_tab(index)
        self._connect_pane(key)
        if self._services.demo.is_on():
            self._services.demo.apply()

    # --- public -----------------------------------------------------------------------------

    def show_pane(self, which: int | str) -> None:
        """Switch to a pane, by its key ("chat") or its tab index (the order of `PANES`)."""
        index = self.pane_keys().index(which) if isinstance(which, str) else which
        self._tabs.widget.setCurrentWidget(self.pane(self._specs[index].key))

    def pane_keys(self) -> list[str]:
        """Every pane's key, in tab order (built or not)."""
        return self._tabs.pane_keys()

    def current_pane_key(self) -> str:
        """The registry key of the pane showing ("rerank", "chat", "endpoints", …)."""
        return self._tabs.current_key()

    def current_pane(self) -> QWidget:
        """The pane showing."""
        return self.pane(self.current_pane_key())

    def pane(self, key: str) -> QWidget:
        """The pane registered under this key (built now if it was not yet)."""
        return self._tabs.pane(key)

    def is_pane_built(self, key: str) -> bool:
        """Whether the pane under this key exists yet (see `lazy_panes`)."""
        return self._tabs.is_built(key)

    def build_panes_when_idle(self, then: Callable[[], object] | None = None) -> None:
        """Build the panes not built yet, one per turn of the event loop, starting after the
        events already queued (the first paint): the window answers between two panes. `then`
        runs once every pane is built."""
        self._tabs.build_when_idle(then)

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
        self._show_demo_checked(on)
        self._notice_views.relist()

    def status_text(self) -> str:
        """What the status bar says now: the current pane's last notice, or nothing."""
        return self._notice_views.label.text()

    def save_state(self) -> None:
        """Remember geometry and the current pane in the settings file."""
        state.save_state(self, self._services.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state, then close; unsaved endpoint edits are asked about first
        (the close waits for the answer)."""
        if not self._unsaved.allows_close():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    # --- slots ------------------------------------------------------------------------------

    def _on_notices_crash_reported(self, report: CrashReport) -> None:
        # The crash dialog, the shortcuts sheet and the About box load when first asked for:
        # the first paint does not need them (issue 15: start-up).
        from workbench.ui.crash_dialog import CrashDialog

        dialog = CrashDialog(report, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()

    def _on_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(self._specs):  # a tab clicked or Ctrl+Tab: its pane, built now
            self.pane(self._specs[index].key)
        self._notice_views.show_status()

    def _on_cancel_action_triggered(self) -> None:
        # The pane's own cancel keeps its state consistent (e.g. a partial answer is kept).
        pane = self.current_pane()
        assert isinstance(pane, Pane)
        pane.cancel()

    def _on_pane_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_pane(str(action.data()))

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

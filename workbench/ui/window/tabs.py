"""Pane tabs: one tab per pane of the registry, each pane built when first needed, found by key.

With lazy building only the pane shown first is made with the window; the others hold their tab
with an empty page until they are shown or asked for, or until `build_when_idle` makes them one per
turn of the event loop after the first paint (issue 15: start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from workbench.ui.common.a11y import name_tab_bar
from workbench.ui.common.l10n import fill
from workbench.ui.panes import pane_shortcut

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.panes import PaneSpec
    from workbench.ui.services import Services


class PaneTabs(QObject):
    """The window's tab widget (`widget`) and the panes built in it so far."""

    def __init__(
        self,
        window: QWidget,
        *,
        specs: tuple[PaneSpec, ...],
        services: Services,
        first: str,
        lazy: bool,
    ) -> None:
        """Make the tabs and build the panes: all of them, or with `lazy` only `first` (the
        first tab's pane when `first` names none)."""
        super().__init__(window)
        self._window = window
        self._specs = specs
        self._services = services
        self._panes: dict[str, QWidget] = {}
        self._when_all_built: Callable[[], object] | None = None
        self._on_late_build: Callable[[int, str], object] | None = None
        self.widget = QTabWidget(window)
        self.widget.setObjectName("paneTabs")
        self.widget.setDocumentMode(True)
        # No mnemonics on the tabs: Alt+R is the Run menu's and Alt+E each pane's "Endpoint:"
        # picker's; Ctrl+1, Ctrl+2, … (View menu) and Ctrl+Tab switch panes.
        for spec in specs:
            # A pane not built yet holds its tab with an empty page until it is first needed.
            self.widget.addTab(QWidget(self.widget), spec.tab_title)
        for index, spec in enumerate(specs):
            if not lazy or spec.key == first or (index == 0 and first not in self.pane_keys()):
                self._build(index)

    def pane_keys(self) -> list[str]:
        """Every pane's key, in tab order (built or not)."""
        return [spec.key for spec in self._specs]

    def built_keys(self) -> list[str]:
        """The keys of the panes built so far, in the order they were built."""
        return list(self._panes)

    def is_built(self, key: str) -> bool:
        """Whether the pane under this key exists yet."""
        return key in self._panes

    def pane(self, key: str) -> QWidget:
        """The pane registered under this key (built now if it was not yet)."""
        built = self._panes.get(key)
        return built if built is not None else self._build(self.pane_keys().index(key))

    def current_key(self) -> str:
        """The key of the pane showing."""
        return self._specs[self.widget.currentIndex()].key

    def follow_builds(self, then: Callable[[int, str], object]) -> None:
        """Call `then(index, key)` for each pane built from now on (the window is complete)."""
        self._on_late_build = then

    def _build(self, index: int) -> QWidget:
        """Build the pane of tab `index`, put it in place of its empty page, and announce it."""
        spec = self._specs[index]
        empty = self.widget.widget(index)
        # Made where it stays, in the tab widget's page stack (the empty page's parent): under
        # the application style sheet, moving a built pane there restyles every widget in it
        # again (issue 15: 1.3% of the instructions up to the window shown).
        stack = empty.parentWidget() if empty is not None else None
        pane = spec.factory(services=self._services, parent=stack or self._window)
        assert isinstance(pane, QWidget), spec.key  # a pane is a widget as well
        self._panes[spec.key] = pane
        current = self.widget.currentIndex()
        self.widget.blockSignals(True)  # the tab showing does not really change
        self.widget.removeTab(index)
        self.widget.insertTab(index, pane, spec.tab_title)
        self.widget.setCurrentIndex(current)
        self.widget.blockSignals(False)
        if empty is not None:
            empty.deleteLater()
        if self._on_late_build is not None:  # built after the window: texts and wiring now
            self._on_late_build(index, spec.key)
        return pane

    def build_when_idle(self, then: Callable[[], object] | None = None) -> None:
        """Build the panes not built yet, one per turn of the event loop, starting after the
        events already queued (the first paint): the window answers between two panes. `then`
        runs once every pane is built."""
        self._when_all_built = then
        QTimer.singleShot(0, self._build_next)

    def _build_next(self) -> None:
        if not self._window.isVisible():  # closed meanwhile (or never shown): nothing to get ready
            return
        for index, spec in enumerate(self._specs):
            if spec.key not in self._panes:
                self._build(index)
                QTimer.singleShot(0, self._build_next)
                return
        if self._when_all_built is not None:
            self._when_all_built()
            self._when_all_built = None

    def retranslate(self) -> None:
        """Name the tabs in the current language, each with its shortcut in the tool tip."""
        self.widget.setAccessibleName(QCoreApplication.translate("MainWindow", "Panes"))
        for index in range(len(self._specs)):
            self.retranslate_tab(index)

    def retranslate_tab(self, index: int) -> None:
        """Name one tab in the current language."""
        spec = self._specs[index]
        self.widget.setTabText(index, spec.tab_title)
        shortcut = pane_shortcut(index)
        self.widget.setTabToolTip(
            index,
            fill(QCoreApplication.translate("MainWindow", "%1 (%2)"), spec.tab_title, shortcut),
        )
        name_tab_bar(self.widget)

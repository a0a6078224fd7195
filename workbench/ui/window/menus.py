"""Window menus: the menu bar's actions built, named and worded, and the View menu's choices
(language, theme, demo mode) carried out.

The base of `MainWindow`, as a Designer form would be, so `window.cancel_action`,
`window.language_actions` and the rest stay where tests and the shortcuts sheet reach them. Each
action is the window's (its shortcut works in every pane) and has an object name; a pane's
shortcut is Ctrl+<its tab position>.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from workbench.ui.common.keys import with_keys
from workbench.ui.common.theme import CHOICES as THEMES
from workbench.ui.common.theme import SYSTEM as SYSTEM_THEME
from workbench.ui.common.theme import apply_theme
from workbench.ui.common.theme import choice_label as theme_label
from workbench.ui.i18n import CHOICES, apply_language, choice_label
from workbench.ui.i18n import SYSTEM as SYSTEM_LANGUAGE
from workbench.ui.panes import pane_shortcut

if TYPE_CHECKING:
    from workbench.core.settings import SettingsStore
    from workbench.ui.common.demo import DemoMode
    from workbench.ui.panes import PaneSpec


class WindowMenus(QMainWindow):
    """File, View (panes, Notices, demo mode, language, theme), Run and Help."""

    def _build_menus(
        self,
        specs: tuple[PaneSpec, ...],
        *,
        settings: SettingsStore,
        demo: DemoMode,
        notices_action: QAction,
    ) -> None:
        """Build the menu bar; `notices_action` shows and hides the Notices dock."""
        self._settings_store = settings
        self._demo = demo
        self._file_menu = self._menu("fileMenu")
        self.quit_action = self._action("quitAction", "Ctrl+Q")
        self._file_menu.addAction(self.quit_action)
        self._view_menu = view = self._menu("viewMenu")
        self._pane_actions: list[QAction] = []
        for i, spec in enumerate(specs):
            action = self._action(f"showPane{i + 1}Action", pane_shortcut(i))
            action.setData(spec.key)
            view.addAction(action)
            self._pane_actions.append(action)
        view.addSeparator()
        self.notices_action = notices_action
        self.notices_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        view.addAction(self.notices_action)
        self.demo_action = self._action("demoModeAction", "Ctrl+Shift+D")
        self.demo_action.setCheckable(True)
        self.demo_action.setChecked(demo.is_on())
        view.addAction(self.demo_action)
        self._language_menu, self.language_actions = self._choice_menu(
            view,
            "language",
            [c for c, _ in CHOICES],
            settings.settings.language,
            fallback=SYSTEM_LANGUAGE,
        )
        self._theme_menu, self.theme_actions = self._choice_menu(
            view, "theme", [c for c, _ in THEMES], settings.settings.theme, fallback=SYSTEM_THEME
        )
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

    def _choice_menu(
        self, view: QMenu, name: str, choices: list[str], chosen: str, *, fallback: str
    ) -> tuple[QMenu, dict[str, QAction]]:
        """A submenu of exclusive, checkable choices (texts set by `_retranslate_menus`); an
        unknown saved value (a newer settings file) checks `fallback`."""
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

    def _connect_menus(self) -> None:
        """Wire the View menu's choices (the window wires the rest)."""
        self.demo_action.toggled.connect(self._on_demo_action_toggled)
        for action in self.language_actions.values():
            action.triggered.connect(self._on_language_action_triggered)
        for action in self.theme_actions.values():
            action.triggered.connect(self._on_theme_action_triggered)

    def _retranslate_menus(self, specs: tuple[PaneSpec, ...]) -> None:
        """Word every menu and action in the current language (after the Notices dock's title:
        setting that gives the dock's View menu item the same text again, without its letter)."""
        for action, spec in zip(self._pane_actions, specs, strict=True):
            action.setText(spec.menu_title)
        self.notices_action.setText(QCoreApplication.translate("MainWindow", "&Notices"))
        self._file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self._view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self._language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        for choice, action in self.language_actions.items():
            action.setText(choice_label(choice))
        self._theme_menu.setTitle(QCoreApplication.translate("MainWindow", "&Theme"))
        for choice, action in self.theme_actions.items():
            action.setText(theme_label(choice))
        self._run_menu.setTitle(QCoreApplication.translate("MainWindow", "&Run"))
        self.cancel_action.setText(QCoreApplication.translate("MainWindow", "&Cancel"))
        self.demo_action.setText(QCoreApplication.translate("MainWindow", "&Demo mode"))
        masks = QCoreApplication.translate(
            "MainWindow", "Mask hosts and keys, enlarge fonts, hide connection details"
        )
        self.demo_action.setToolTip(with_keys(masks, "Ctrl+Shift+D"))
        self._help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.shortcuts_action.setText(
            QCoreApplication.translate("MainWindow", "&Keyboard shortcuts")
        )
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About"))

    def _show_demo_checked(self, on: bool) -> None:
        """Tick the demo mode item without switching again (the switch came from elsewhere)."""
        self.demo_action.blockSignals(True)
        self.demo_action.setChecked(on)
        self.demo_action.blockSignals(False)

    def _on_demo_action_toggled(self, on: bool) -> None:
        self._demo.set_on(on)

    def _on_language_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            choice = str(action.data())
            self._settings_store.update(language=choice)
            apply_language(choice)  # Qt posts LanguageChange: every widget retranslates

    def _on_theme_action_triggered(self) -> None:
        action = self.sender()
        app = QApplication.instance()
        if isinstance(action, QAction) and isinstance(app, QApplication):
            choice = str(action.data())
            self._settings_store.update(theme=choice)
            apply_theme(app, choice)  # Qt sends PaletteChange: views that cache colours redraw

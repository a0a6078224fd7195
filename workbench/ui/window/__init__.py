"""The main window's parts, one job each; `workbench.ui.main_window.MainWindow` puts them together.

* `menus`: the menu bar and its actions, built, named and worded (a base of `MainWindow`).
* `tabs`: the pane tabs, each pane built when first needed, found by its key.
* `notice_views`: the status bar's notice for the pane showing, and the Notices dock.
* `busy`: the status bar's busy indicator.
* `routes`: what one pane asks of another (attributes down, messages up).
* `state`: the window's geometry and last pane, kept in the settings file.

Texts keep the "MainWindow" translation context: they were the window's before they moved here.
"""

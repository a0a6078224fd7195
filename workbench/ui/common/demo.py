"""Demo mode in the GUI: one switch that masks hosts and keys, enlarges fonts, hides connections.

How it works (and how a new view stays demo-safe, see docs/demo-mode.md):

* The masking itself is the redactor's demo layer (`workbench.api.redact_hosts`): `DemoMode`
  registers the host of every configured endpoint there and flips its switch, so notices, the
  crash dialog, exports and reports, which already pass the redactor, mask hosts with no change.
* A view puts what it shows of an endpoint or a server through `shown()` (`shown_url()` for an
  endpoint's URL) when it sets the text, and `StatusLabel` does so on its own.
* When the switch flips, `DemoMode.apply()` calls `apply_demo_mode(on)` on every widget of the
  application that has one, so a view re-draws what it shows; item views repaint (their models
  call `shown()` in `data()`).
* Fonts grow by `FONT_SCALE` across the whole application and shrink back when it is switched off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from workbench.api.redact import redact_text
from workbench.api.redact_hosts import demo_mode, mask_hosts, register_host, set_demo_mode

if TYPE_CHECKING:
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.settings import SettingsStore
    from workbench.ui.endpoint_session import EndpointSession

FONT_SCALE = 1.4
"""How much larger every font is in demo mode (a clear step for a projector)."""
HIDDEN_PROPERTY = "demoHidden"
"""Set (True) on a widget demo mode hides; the demo test's walker skips it and what is inside."""
_BASE_SIZE = "demoBaseFontSize"
"""Dynamic property: the point size a font had before demo mode enlarged it."""


def shown(text: str) -> str:
    """Text as the GUI may show it: secrets masked always, endpoint hosts too in demo mode."""
    return redact_text(text)


def shown_url(url: str) -> str:
    """An endpoint's URL as the GUI may show it (in demo mode `https://host.invalid/v2/chat`)."""
    return redact_text(url)


def hosts_masked(text: str) -> str:
    """Text with hosts masked in demo mode and nothing else changed: for generated code, whose
    `api-key: $WORKBENCH_API_KEY` the full redactor would take for a key."""
    return mask_hosts(text) if demo_mode() else text


def is_demo() -> bool:
    """Whether demo mode is on (for a view that hides something rather than masks it)."""
    return demo_mode()


def mark_hidden(widget: QWidget, hidden: bool) -> None:
    """Hide or show a widget for demo mode, marking it so tests know it is hidden on purpose."""
    widget.setProperty(HIDDEN_PROPERTY, hidden)
    widget.setVisible(not hidden)


class UrlField(QLineEdit):
    """A read-only line that shows a URL (or any server text): masked in demo mode, re-drawn
    when the switch flips. `text()` gives what is shown, `url()` what was set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._url = ""
        self.setReadOnly(True)

    def setText(self, text: str | None) -> None:
        """Show `text` through `shown_url()`."""
        self._url = text or ""
        super().setText(shown_url(self._url))

    def url(self) -> str:
        """The URL as set (unmasked: for the program's use, never for the screen)."""
        return self._url

    def apply_demo_mode(self, on: bool) -> None:
        """Show the URL again, masked or not."""
        super().setText(shown_url(self._url))


class DemoMode(QObject):
    """The switch (remembered in settings) and what follows it: hosts, widgets and fonts."""

    toggled = Signal(bool)
    """Demo mode was switched on (True) or off (False)."""

    def __init__(
        self, *, session: EndpointSession, store: SettingsStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._store = store
        self._register_hosts()
        session.endpoints_changed.connect(self._register_hosts)
        set_demo_mode(store.settings.demo_mode)

    def is_on(self) -> bool:
        """Whether demo mode is on."""
        return demo_mode()

    def set_on(self, on: bool, *, remember: bool = True) -> None:
        """Switch demo mode, bring every widget in line and (by default) remember the choice."""
        set_demo_mode(on)
        if remember and self._store.settings.demo_mode != on:
            self._store.update(demo_mode=on)
        self.apply()
        self.toggled.emit(on)

    def apply(self) -> None:
        """Bring fonts and every demo-aware widget of the application in line with the switch.

        The main window calls it once it is built (demo mode may be on from the start); new
        windows built later call it too.
        """
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        on = demo_mode()
        # Restyling every widget for the new font takes a noticeable moment (~0.5-2 s).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            scale_fonts(app, on)
        finally:
            QApplication.restoreOverrideCursor()
        for widget in app.allWidgets():
            hook = getattr(widget, "apply_demo_mode", None)  # `apply_demo_mode(self, on: bool)`
            if callable(hook):
                hook(on)
            if isinstance(widget, QAbstractItemView):
                widget.viewport().update()  # models mask in data(): a repaint asks again

    def _register_hosts(self) -> None:
        for endpoint in self._session.endpoints():
            register_endpoint_hosts(endpoint)


def register_endpoint_hosts(endpoint: EndpointConfig) -> None:
    """Register the hosts an endpoint names (its URL and its proxy) with the redactor."""
    register_host(endpoint.base_url)
    register_host(endpoint.proxy)


def scale_fonts(app: QApplication, on: bool) -> None:
    """Enlarge the application's font, and every font a widget sizes itself, by FONT_SCALE (on);
    restore the sizes they had (off). Calling it again with the same switch changes only
    widgets made since (demo mode on at start: the window is built after the font grew)."""
    changed = (app.property(_BASE_SIZE) is not None) != on
    if changed:
        _scale(app, on)
        _restyle(app)
    size = app.font().pointSizeF()
    for widget in app.allWidgets():
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        # Already the application's size: it sets only its weight or family, and follows.
        if on and widget.property(_BASE_SIZE) is None and widget.font().pointSizeF() == size:
            continue
        _scale(widget, on)
    if changed:
        _inherit_afresh(app)


def _inherit_afresh(app: QApplication) -> None:
    """Give an empty font to each widget Qt left behind (a hidden page's table header kept its
    old size), so it inherits its parent's again. Parents first: a child compared with a parent
    still behind would look right."""
    for widget in sorted(app.allWidgets(), key=_depth):
        parent = widget.parentWidget()
        inherited = app.font() if parent is None or widget.isWindow() else parent.font()
        if (
            not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
            and widget.font().pointSizeF() != inherited.pointSizeF()
        ):
            widget.setFont(QFont())


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def _restyle(app: QApplication) -> None:
    """Set the style sheets again: a widget under one keeps its old font otherwise (a Qt quirk:
    the application font reaches styled widgets only when they are polished)."""
    if app.styleSheet():  # re-polishes every widget, those with sheets of their own too
        app.setStyleSheet(app.styleSheet())
        return
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def _scale(target: QApplication | QWidget, on: bool) -> None:
    font = target.font()
    base = target.property(_BASE_SIZE)
    if on and base is None:
        size = font.pointSizeF()
        if size <= 0:  # a font sized in pixels
            return
        target.setProperty(_BASE_SIZE, size)
        font.setPointSizeF(size * FONT_SCALE)
        target.setFont(font)
    elif not on and base is not None:
        font.setPointSizeF(float(base))
        target.setFont(font)
        target.setProperty(_BASE_SIZE, None)

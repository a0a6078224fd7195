"""One place that applies a language switch to a widget whose static texts live in `retranslate_ui`."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin, listed before the Qt base: Qt's LanguageChange calls `retranslate_ui()` again.

    The widget calls `retranslate_ui()` itself at the end of `__init__`; a widget that must also
    redraw shown content on a switch overrides `changeEvent` and calls `super()`.
    """

    def retranslate_ui(self) -> None:
        """Set the widget's static texts in the current language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt base listed after the mixin

"""A Compare column's route picker: the routes listed, the choice kept, a removed route marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from workbench.ui.common.l10n import fill
from workbench.ui.compare.targets import NAME_ROLE, RouteName, Target, fill_targets

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QWidget

    from workbench.core.endpoints import EndpointConfig


def off_text() -> str:
    """The entry that turns an optional column off, in the current language."""
    return QCoreApplication.translate("CompareColumn", "(off)")


class RoutePicker:
    """Fills a column's combo box with the routes and keeps the one picked, even once removed."""

    def __init__(self, name: str, parent: QWidget, *, optional: bool) -> None:
        self.combo = QComboBox(parent)
        """The picker itself (the column lays it out and names it)."""
        self.combo.setObjectName(name)
        # Long endpoint names must not widen three columns past the window (tool tips say all).
        self.combo.setMinimumContentsLength(10)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._optional = optional
        self._gone: tuple[str, Callable[[], str]] | None = None
        """The route picked whose endpoint was removed: its picker data and its name."""

    def refill(self, endpoints: Sequence[EndpointConfig]) -> None:
        """List the endpoints' `/chat/completions` routes, keeping the choice."""
        kept, name = self.combo.currentData(), self._current_name()
        fill_targets(self.combo, endpoints, off_text() if self._optional else None)
        if isinstance(kept, str) and kept and self.combo.findData(kept) < 0:
            self._keep_removed(kept, name)
        else:
            self._gone = None

    def retranslate(self) -> None:
        """Name the "off" entry in the current language (the routes are listed again apart)."""
        if self.combo.count() and self._optional:
            self.combo.setItemText(0, off_text())

    def pick(self, target: Target | None) -> None:
        """Choose a route as a person would (None: the column is off, where it can be)."""
        row = self.combo.findData(target.data() if target else "")
        if row < 0:
            raise ValueError(f"route {target!r} is not offered")
        self.combo.setCurrentIndex(row)

    def picked(self) -> Target | None:
        """The route chosen now (None: off)."""
        return Target.parse(self.combo.currentData())

    def _current_name(self) -> Callable[[], str]:
        """How the entry picked is named, said again in the language of the moment."""
        name = self.combo.currentData(NAME_ROLE)
        if isinstance(name, RouteName):
            return name.shown
        text = self.combo.currentText()
        return lambda: text

    def _keep_removed(self, data: str, name: Callable[[], str]) -> None:
        # Falling back to another route would compare it with itself, unnoticed: the route stays
        # on show, marked, and the pane refuses to send to it. Its name is kept as words to say
        # again: a language switch lists the routes again, this one too.
        if self._gone is None or self._gone[0] != data:
            self._gone = (data, name)
        self.combo.blockSignals(True)
        removed = QCoreApplication.translate("CompareColumn", "%1 (removed)")
        self.combo.addItem(fill(removed, self._gone[1]()), data)
        self.combo.setCurrentIndex(self.combo.count() - 1)
        self.combo.blockSignals(False)

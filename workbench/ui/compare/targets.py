"""Compare routes: a saved endpoint on its own route, or on its `/chat/completions` route."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from workbench.api import flavour_traits
from workbench.api.models import Flavour
from workbench.core.chat_compare import native_and_compatible
from workbench.core.endpoints import FLAVOUR_LABELS
from workbench.ui.common.demo import shown_url
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QComboBox

    from workbench.core.endpoints import EndpointConfig


@dataclass(frozen=True)
class Target:
    """Where a column sends: an endpoint, on another flavour's routes when `flavour` is set."""

    endpoint_id: str
    flavour: Flavour | None = None

    def data(self) -> str:
        """How the route picker stores it: `id`, or `id@flavour`."""
        return self.endpoint_id if self.flavour is None else f"{self.endpoint_id}@{self.flavour}"

    @classmethod
    def parse(cls, data: object) -> Target | None:
        """The route a picker entry stores (None: the column is off)."""
        if not isinstance(data, str) or not data:
            return None
        endpoint_id, _, flavour = data.partition("@")
        return cls(endpoint_id, Flavour(flavour) if flavour else None)


@dataclass(frozen=True)
class RouteName:
    """What a picker entry names: an endpoint's name and a route, said in the current language
    when shown (kept with the entry, so a removed endpoint's route is named again after a
    language switch)."""

    endpoint: str
    route: str

    def shown(self) -> str:
        """ "Azure · /v2/chat route", in the GUI's language."""
        return fill(
            QCoreApplication.translate("CompareTargets", "%1 · %2 route"), self.endpoint, self.route
        )


NAME_ROLE = Qt.ItemDataRole.UserRole + 1
"""The picker entry's `RouteName`."""


def fill_targets(
    combo: QComboBox, endpoints: Sequence[EndpointConfig], off: str | None = None
) -> None:
    """List each endpoint's own route and, where it has one besides, its compatible route.

    The entry picked stays picked when it is still listed.
    """
    kept = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if off is not None:
        combo.addItem(off, "")
    for endpoint in endpoints:
        _add(combo, endpoint, Target(endpoint.id), endpoint.flavour)
        pair = native_and_compatible(endpoint)
        if pair is not None:
            _add(combo, endpoint, Target(endpoint.id, pair[1]), pair[1])
    row = combo.findData(kept) if kept is not None else -1
    combo.setCurrentIndex(row if row >= 0 else (0 if combo.count() else -1))
    combo.blockSignals(False)


def _add(combo: QComboBox, endpoint: EndpointConfig, target: Target, flavour: Flavour) -> None:
    route = flavour_traits(flavour).routes.chat
    name = RouteName(endpoint.name, route)
    combo.addItem(name.shown(), target.data())
    tip = f"{FLAVOUR_LABELS[flavour]} · {shown_url(endpoint.base_url + route)}"
    combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    combo.setItemData(combo.count() - 1, name, NAME_ROLE)

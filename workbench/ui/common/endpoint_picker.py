"""Endpoint picker: the "Endpoint:" combo at the top of a pane, for the endpoint that pane sends to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from workbench.core.endpoints import FLAVOUR_LABELS
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.demo import shown_url
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.endpoint_session import suits

if TYPE_CHECKING:
    from workbench.ui.endpoint_session import EndpointSession, PaneName


class EndpointPicker(Retranslating, QWidget):
    """Lists the endpoints that suit one pane and remembers the pane's choice in the session.

    It follows the session live: endpoints added, renamed or deleted in the Endpoints pane show
    up here at once, and the pane's own endpoint stays picked (or falls back when deleted).
    """

    def __init__(
        self, *, session: EndpointSession, pane: PaneName, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._pane: PaneName = pane
        self.setObjectName(f"{pane}EndpointPickerRow")
        self._build_ui()
        self._connect_signals()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"{self._pane}EndpointPicker")
        self.combo.setMinimumContentsLength(28)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._label = label = QLabel(self)
        label.setBuddy(self.combo)
        self.detail = StatusLabel(self)  # read as it is shown, not as a fixed name
        self.detail.setObjectName(f"{self._pane}EndpointDetail")
        self.detail.setEnabled(False)  # greyed: a note beside the choice, not a control
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.detail, 1)

    def retranslate_ui(self) -> None:
        """Set every text in the current language (also on `LanguageChange`)."""
        names = {
            "rerank": (self.tr("Rerank endpoint"), self.tr("Rerank endpoint details")),
            "chat": (self.tr("Chat endpoint"), self.tr("Chat endpoint details")),
        }
        combo_name, detail_name = names[self._pane]
        self.combo.setAccessibleName(combo_name)
        self.detail.setAccessibleName(detail_name)
        self._label.setText(self.tr("&Endpoint:"))
        self._refill()

    def _connect_signals(self) -> None:
        self.combo.activated.connect(self._on_combo_activated)
        self._session.endpoints_changed.connect(self._refill)
        self._session.selection_changed.connect(self._on_session_selection_changed)

    # --- public API ---------------------------------------------------------------------------

    def endpoint_ids(self) -> list[str]:
        """The ids listed, in order."""
        return [str(self.combo.itemData(row)) for row in range(self.combo.count())]

    def pick(self, endpoint_id: str) -> None:
        """Choose an endpoint as the person would (it must be listed)."""
        row = self.combo.findData(endpoint_id)
        if row < 0:
            raise ValueError(f"endpoint {endpoint_id!r} is not offered to the {self._pane} pane")
        self.combo.setCurrentIndex(row)
        self._on_combo_activated(row)

    # --- slots --------------------------------------------------------------------------------

    def _refill(self) -> None:
        chosen = self._session.selected(self._pane)
        self.combo.blockSignals(True)
        self.combo.clear()
        for endpoint in self._session.endpoints():
            if suits(self._pane, endpoint):
                tip = f"{FLAVOUR_LABELS[endpoint.flavour]} · {shown_url(endpoint.base_url)}"
                self.combo.addItem(endpoint.name, endpoint.id)
                self.combo.setItemData(self.combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.combo.setCurrentIndex(self.combo.findData(chosen.id) if chosen else -1)
        self.combo.blockSignals(False)
        self.combo.setPlaceholderText(self.tr("add one in the Endpoints pane"))
        if chosen is None:
            self.detail.setText("")
            return
        model = chosen.model or self.tr("server's default model")
        url = shown_url(chosen.base_url)
        self.detail.setText(f"{FLAVOUR_LABELS[chosen.flavour]} · {model} · {url}")

    def apply_demo_mode(self, on: bool) -> None:
        """List the endpoints again, their URLs masked or not."""
        self._refill()

    def _on_session_selection_changed(self, pane: str) -> None:
        if pane == self._pane:
            self._refill()

    def _on_combo_activated(self, row: int) -> None:
        endpoint_id = self.combo.itemData(row)
        if endpoint_id:
            self._session.select(self._pane, str(endpoint_id))

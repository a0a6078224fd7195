"""Rerank form: rank_fields picker (checkable, drag to order) and the flavour's parameters."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.api.models import RerankRequest
from workbench.core.rerank_docs import KeyCount, RerankRules, key_inventory
from workbench.core.rerank_models import UNKNOWN, RerankModelLimits
from workbench.ui.common import l10n
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.section import Section
from workbench.ui.rerank.span_controls import SpanControls
from workbench.ui.rerank.texts import RerankTexts, fill

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import Document

KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def wordiest_keys(documents: Sequence[Document], keys: Sequence[str]) -> list[str]:
    """The key(s) among `keys` whose values are longest on average (ties all kept, in order).

    Values are measured as the server would see them: strings as they are, anything else as
    its JSON. Only the documents that have a key count towards its average.
    """
    totals = dict.fromkeys(keys, 0)
    counts = dict.fromkeys(keys, 0)
    for doc in documents:
        if not isinstance(doc, dict):
            continue
        for key in keys:
            if key in doc:
                value = doc[key]
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                totals[key] += len(text)
                counts[key] += 1
    averages = {k: totals[k] / counts[k] for k in keys if counts[k]}
    if not averages:
        return list(keys[:1])
    best = max(averages.values())
    return [k for k in keys if averages.get(k) == best]


class RerankForm(Retranslating, QWidget):
    """The request's knobs; what the flavour lacks is hidden or disabled."""

    changed = Signal()
    """Any value in the form changed (the request preview follows)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._inventory: list[KeyCount] = []
        self._auto_fields: list[str] = []
        """The keys checked for the person because the documents have no `text` key."""
        self._v2 = True
        self._spans_model = UNKNOWN
        self._rules: RerankRules | None = None
        self._default_model: str | None = None
        self._build_ui()
        self._build_move_shortcuts()
        self.retranslate_ui()
        self._connect_signals()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language (API names stay as they are)."""
        up, down = self._move_shortcuts  # what the shortcuts sheet says they do
        up.setWhatsThis(self.tr("Move the rank field up"))
        down.setWhatsThis(self.tr("Move the rank field down"))
        self.fields.setToolTip(
            self.tr(
                "Check the keys to rank (Space); set their order by dragging or Alt+Up / Alt+Down"
            )
        )
        self.top_n.setSpecialValueText(self.tr("all"))
        self.max_chunks.setSpecialValueText(self.tr("server default"))
        self.max_tokens.setSpecialValueText(self.tr("server default"))
        self.model.setAccessibleName(self.tr("model"))
        self._rows["model"][0].setText(self.tr("&Model"))
        self.more.setTitle(self.tr("More opt&ions"))
        self.spans.retranslate_ui()
        if self._rules is not None:
            self.set_rules(self._rules, self._default_model)
        if self.fields.count():
            self._fill(self._items())

    def _build_ui(self) -> None:
        # Made in the order they show, which Tab follows: the main rows, then the section.
        self.model = QLineEdit(self)
        self.model.setObjectName("rerankModel")
        self.fields = QListWidget(self)
        self.fields.setObjectName("rerankRankFields")
        self.fields.setAccessibleName("rank_fields")
        self.fields.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.fields.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.fields.setMaximumHeight(130)
        self.top_n = self._spin(self, "rerankTopN", "top_n", 1_000_000)
        self.fields_warning = StatusLabel(self)
        self.fields_warning.setObjectName("rerankFieldsWarning")
        self.fields_warning.setWordWrap(True)
        # The rarer options are a titled section: Alt+letter reaches its first control, Tab
        # the others (the pane has more controls than free letters, in Italian fewer still).
        self.more = Section("rerankMoreOptions", self)
        self.max_chunks = self._spin(self.more, "rerankMaxChunks", "max_chunks_per_doc", 10_000)
        self.max_tokens = self._spin(self.more, "rerankMaxTokens", "max_tokens_per_doc", 32_768)
        self.return_documents = QCheckBox("return_documents", self.more)
        self.return_documents.setObjectName("rerankReturnDocuments")
        self.return_documents.setAccessibleName("return_documents")
        self.spans = SpanControls(self.more)
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        main, self._more_form = QFormLayout(), QFormLayout(self.more)
        for form, key, label, widget in (
            (main, "model", "", self.model),  # translated in retranslate_ui
            (main, "rank_fields", "r&ank_fields", self.fields),
            (main, "top_n", "&top_n", self.top_n),
            # One letter for both: a flavour shows one of them, never both.
            (self._more_form, "max_chunks_per_doc", "max_chun&ks_per_doc", self.max_chunks),
            (self._more_form, "max_tokens_per_doc", "max_to&kens_per_doc", self.max_tokens),
        ):
            buddy = QLabel(label, widget.parentWidget())
            buddy.setBuddy(widget)
            form.addRow(buddy, widget)
            self._rows[key] = (buddy, widget)
        main.addRow(self.fields_warning)
        self._more_form.addRow(self.return_documents)
        self.spans.add_rows(self._more_form, self.more)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(main)
        outer.addWidget(self.more)

    def add_option(self, widget: QWidget) -> None:
        """Add a row under the other options (the pane's "Split into batches")."""
        self._more_form.addRow(widget)

    @staticmethod
    def _spin(parent: QWidget, name: str, accessible: str, top: int) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(0, top)
        # Its special value text (0 means "not sent": the server's default applies) is set in
        # retranslate_ui.
        return spin

    def _build_move_shortcuts(self) -> None:
        # Dragging is mouse-only: the same reordering from the keyboard.
        self._move_shortcuts: list[QShortcut] = []
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.fields)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            self._move_shortcuts.append(shortcut)
            shortcut.activated.connect(lambda step=step: self._move_current(step))

    def _move_current(self, step: int) -> None:
        row = self.fields.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.fields.count():
            return
        entries = self._items()
        entries.insert(target, entries.pop(row))
        self._fill(entries)
        self.fields.setCurrentRow(target)

    def _connect_signals(self) -> None:
        self.fields.itemChanged.connect(self._on_fields_item_changed)
        self.fields.model().rowsMoved.connect(self._on_fields_rows_moved)
        self.top_n.valueChanged.connect(self._on_value_changed)
        self.max_chunks.valueChanged.connect(self._on_value_changed)
        self.max_tokens.valueChanged.connect(self._on_value_changed)
        self.return_documents.toggled.connect(self._on_value_changed)
        self.model.textChanged.connect(self._on_value_changed)
        self.spans.connect(self._on_value_changed)

    # --- public API ---------------------------------------------------------------------------

    def set_rules(self, rules: RerankRules, default_model: str | None) -> None:
        """Show what this flavour takes: v1 chunks, v2 truncates; only v1 returns documents."""
        self._rules, self._default_model = rules, default_model
        self._set_row_visible("max_chunks_per_doc", rules.length_parameter == "max_chunks_per_doc")
        self._set_row_visible("max_tokens_per_doc", rules.length_parameter == "max_tokens_per_doc")
        self.return_documents.setEnabled(rules.return_documents)
        self.return_documents.setToolTip(
            ""
            if rules.return_documents
            else self.tr(
                "This flavour has no return_documents: the workbench shows the documents it sent"
            )
        )
        self.fields.setEnabled(rules.rank_fields)
        self.model.setPlaceholderText(
            default_model
            or (self.tr("required") if rules.model_required else self.tr("server's default"))
        )
        if rules.default_chunks_per_doc is not None:
            default = l10n.format_count(rules.default_chunks_per_doc)
            self.max_chunks.setToolTip(fill(self.tr("Server default %1"), default))
        self._v2 = rules.relevant_spans or rules.priority  # shows the v2 extras' rows
        self.set_model_limits(self._spans_model)

    def set_model_limits(self, limits: RerankModelLimits) -> None:
        """Enable what the model's family takes (relevant_spans: Rerank 5)."""
        self._spans_model = limits
        self.spans.set_allowed(
            self._more_form, v2=self._v2, spans=self._v2 and limits.relevant_spans
        )

    def set_documents(self, documents: Sequence[Document]) -> None:
        """Rebuild the key list from the documents, keeping the person's checks and order."""
        self._total = len(documents)
        self._inventory = key_inventory(documents)
        counts = {k.key: k.count for k in self._inventory}
        kept = [(k, c) for k, c in self._items() if k in counts]
        known = {k for k, _ in kept}
        fresh = [(k.key, k.key == "text") for k in self._inventory if k.key not in known]
        self._auto_fields = []
        if not kept and fresh and not any(checked for _, checked in fresh):
            # No `text` key: rank on the wordiest key(s) until told, not the first (often `id`).
            self._auto_fields = wordiest_keys(documents, [k for k, _ in fresh])
            fresh = [(k, k in self._auto_fields) for k, _ in fresh]
        self._fill([*kept, *fresh])

    def request(self, query: str, documents: list[Document], rules: RerankRules) -> RerankRequest:
        """The request these values make for `query` over `documents`, as the flavour allows."""
        length = rules.length_parameter
        return RerankRequest(
            query=query,
            documents=documents,
            model=self.model.text().strip() or None,
            top_n=self.top_n.value() or None,
            return_documents=rules.return_documents and self.return_documents.isChecked(),
            rank_fields=(self.rank_fields() or None) if rules.rank_fields else None,
            max_chunks_per_doc=(self.max_chunks.value() or None)
            if length == "max_chunks_per_doc"
            else None,
            max_tokens_per_doc=(self.max_tokens.value() or None)
            if length == "max_tokens_per_doc"
            else None,
            relevant_spans=self.spans.option() if self._v2 else None,
            priority=self.spans.priority_value() if self._v2 else None,
        )

    def rank_fields(self) -> list[str]:
        """Checked keys in list order."""
        return [k for k, checked in self._items() if checked]

    def set_rank_fields(self, keys: Sequence[str]) -> None:
        """Check exactly `keys`, moved to the top in this order (others keep theirs)."""
        present = [k for k, _ in self._items()]
        order = [k for k in keys if k in present] + [k for k in present if k not in keys]
        self._fill([(k, k in keys) for k in order])

    def inventory(self) -> list[KeyCount]:
        """The keys of the current documents with their counts."""
        return list(self._inventory)

    # --- internals ------------------------------------------------------------------------------

    def _fill(self, entries: list[tuple[str, bool]]) -> None:
        counts = {k.key: k.count for k in self._inventory}
        self.fields.blockSignals(True)
        self.fields.clear()
        for key, checked in entries:
            have, total = l10n.format_count(counts.get(key, 0)), l10n.format_count(self._total)
            item = QListWidgetItem(f"{key}  ({have}/{total})")
            item.setData(KEY_ROLE, key)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsDropEnabled)  # drop between items, not onto
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.fields.addItem(item)
        self.fields.blockSignals(False)
        self._update_warning()
        self.changed.emit()

    def _items(self) -> list[tuple[str, bool]]:
        items = (self.fields.item(i) for i in range(self.fields.count()))
        return [(str(it.data(KEY_ROLE)), it.checkState() == Qt.CheckState.Checked) for it in items]

    def _set_row_visible(self, key: str, visible: bool) -> None:
        label, widget = self._rows[key]
        label.setVisible(visible)
        widget.setVisible(visible)

    def _update_warning(self) -> None:
        texts = RerankTexts()
        warning = texts.missing_field_warning(self._inventory, self.rank_fields(), self._total)
        if self._total and not self.rank_fields() and self._inventory:
            warning = self.tr("No rank field is checked: the server ranks “text” only")
        note = ""
        if self._auto_fields and self.rank_fields() == self._auto_fields:
            chosen = ", ".join(f"“{k}”" for k in self._auto_fields)
            note = fill(
                self.tr(
                    "No “text” key: ranking on %1, the key with the most text. "
                    "Check other keys to rank on them instead.",
                    "",
                    len(self._auto_fields),
                ),
                chosen,
            )
        self.fields_warning.setText(f"⚠ {warning}" if warning else note)
        self.fields_warning.setVisible(bool(warning or note))

    def _on_fields_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_warning()
        self.changed.emit()

    def _on_fields_rows_moved(self, *_args: object) -> None:
        self.changed.emit()

    def _on_value_changed(self, *_args: object) -> None:
        self.changed.emit()

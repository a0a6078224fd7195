"""Rerank document editor: JSON | Table tabs kept in step, plus import/export via files and clipboard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.api.errors import InputError
from workbench.api.models import DEFAULT_FLAVOUR
from workbench.core.atomic import write_export
from workbench.core.rerank_docs import RerankRules, check_documents, rules_for
from workbench.core.rerank_io import (
    DocFormat,
    Imported,
    decode_bytes,
    format_for_name,
    read_documents,
    read_file_text,
    sniff_format,
    write_documents,
)
from workbench.ui.common.a11y import StatusLabel, name_tab_bar
from workbench.ui.common.clipboard import copy_json
from workbench.ui.common.core_text import shown
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.common.keys import with_keys, without_mnemonic
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, format_count
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.rerank.documents_model import DocumentsTableModel
from workbench.ui.rerank.first_screen import EmptyDocuments, import_confirmation, import_filters
from workbench.ui.rerank.texts import fill

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import Document
    from workbench.api.text import Text

_FILTERS: tuple[tuple[str, DocFormat | None], ...] = (
    ("JSON (*.json)", DocFormat.JSON),
    ("JSON Lines (*.jsonl *.ndjson)", DocFormat.JSONL),
    ("CSV (*.csv *.tsv)", DocFormat.CSV),
    (
        QT_TRANSLATE_NOOP("DocumentsEditor", "Text, one document per line (*.txt)"),
        DocFormat.LINES,
    ),
    (
        QT_TRANSLATE_NOOP("DocumentsEditor", "Text, one document per paragraph (*.txt)"),
        DocFormat.PARAGRAPHS,
    ),
    (QT_TRANSLATE_NOOP("DocumentsEditor", "Any file, format from its name (*)"), None),
)


def file_filters() -> dict[str, DocFormat | None]:
    """The file dialogs' filters in the current language, each with its format."""
    return {QCoreApplication.translate("DocumentsEditor", text): fmt for text, fmt in _FILTERS}


def empty_hint() -> str:
    """What an empty documents editor says before anything is typed (not an error yet)."""
    return QCoreApplication.translate(
        "DocumentsEditor",
        'Type a JSON list of documents — strings, or objects such as {"title": …, "text": …} — '
        "or use Import… (Ctrl+O) or Paste documents.",
    )


class DocumentsEditor(Retranslating, QWidget):
    """Holds the documents; the JSON text and the table are two views of one list."""

    documents_changed = Signal(object)
    """A valid document list (list) after an edit in either view, or None when the JSON is bad."""
    problem_found = Signal(object)
    """An InputError from importing or exporting (the pane shows it and posts a notice)."""
    info_posted = Signal(str)
    """A note about what an import or export changed."""
    sample_requested = Signal()
    """The empty editor's Load sample was pressed (the pane fills query, documents, fields)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules: RerankRules = rules_for(DEFAULT_FLAVOUR)
        self._table_dirty = False
        self._last_docs: list[Document] | None = None
        self._imported: tuple[str, Imported] | None = None
        """The file last imported and what it read, until the documents are edited."""
        self._build_ui()
        self.retranslate_ui()
        self._connect_signals()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.json.set_empty_hint(empty_hint())
        self.json.set_name(self.tr("Documents JSON"))
        self.table.setAccessibleName(self.tr("Documents table"))
        self.tabs.setAccessibleName(self.tr("Documents view"))
        self.tabs.setTabText(0, self.tr("&JSON"))
        self.tabs.setTabText(1, self.tr("Tab&le"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        texts = {
            "rerankAddRow": self.tr("Add &row"),
            "rerankRemoveRows": self.tr("Remove rows"),
            "rerankAddColumn": self.tr("Add &column…"),
            "rerankImport": self.tr("&Import…"),
            "rerankPaste": self.tr("&Paste documents"),
            "rerankExport": self.tr("E&xport…"),
            "rerankCopy": self.tr("Cop&y as JSON"),
        }
        for action in self._all_actions:
            action.setText(texts[action.objectName()])
            if not action.shortcut().isEmpty():  # "Import (Ctrl+O)": the tool tip names the key
                plain = without_mnemonic(action.text()).rstrip("…")
                action.setToolTip(with_keys(plain, action.shortcut().toString()))
        for button in self.findChildren(QToolButton):
            if (action := button.defaultAction()) is not None:
                button.setAccessibleName(without_mnemonic(action.text()).rstrip("…"))
        self._show_count(self._last_docs)

    def _show_count(self, docs: list[Document] | None) -> None:
        if self._imported is not None:
            self._count.setText(import_confirmation(*self._imported))
        elif docs is not None:
            # %1, not Qt's %Ln: Qt groups by CLDR, which leaves four digits bare in Italian
            # ("1200 documenti"); the workbench groups every thousand ("1.200").
            count = self.tr("%1 document(s)", "", len(docs))
            self._count.setText(fill(count, format_count(len(docs))))

    def _build_ui(self) -> None:
        # Made in the order they show, which Tab follows: the empty editor's next steps above
        # the tabs, the tab bar before the page under it (issue 19), the buttons below.
        self.empty = EmptyDocuments(parent=self)
        self.tabs = QTabWidget(self)
        self.json = JsonEditor(parent=self, name=self.tr("Documents JSON"))
        self.json.set_checker(self._check)
        # Its hint (and the hint's style) set before the tab shows it and so styles it: set
        # after, the hint's label is styled again, which loads QStyle (issue 15).
        self.json.set_empty_hint(empty_hint())
        self.model = DocumentsTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("rerankDocumentsTable")
        self.table.setModel(self.model)
        # Tab leaves the table (arrows move between cells): with Tab walking every cell, a
        # keyboard user would press it once per cell of a thousand documents to get out.
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.tabs.setObjectName("rerankDocumentsTabs")
        self.tabs.addTab(self.json, "")
        self.tabs.addTab(self._table_page(), "")
        name_tab_bar(self.tabs)
        bar = QHBoxLayout()
        self._count = StatusLabel(self)
        self._count.setObjectName("rerankDocumentCount")
        bar.addWidget(self._count, 1)
        actions = self._make_actions()
        self._all_actions = [*self._row_actions, *actions]
        for action in actions:
            bar.addWidget(self._tool_button(action, self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        self._push_timer = QTimer(self)
        self._push_timer.setSingleShot(True)
        self._push_timer.setInterval(400)

    def _table_page(self) -> QWidget:
        page = QWidget(self)
        buttons = QHBoxLayout()
        # Texts are set in retranslate_ui, by object name.
        self._row_actions = [
            self._action("rerankAddRow", self._on_add_row_triggered),
            self._action("rerankRemoveRows", self._on_remove_rows_triggered),
            self._action("rerankAddColumn", self._on_add_column_triggered),
        ]
        for action in self._row_actions:
            buttons.addWidget(self._tool_button(action, page))
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return page

    @staticmethod
    def _tool_button(action: QAction, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setDefaultAction(action)
        button.setObjectName(f"{action.objectName()}Button")
        return button

    def _make_actions(self) -> list[QAction]:
        return [
            self._action("rerankImport", self._on_import_triggered, "Ctrl+O"),
            self._action("rerankPaste", self._on_paste_triggered),
            self._action("rerankExport", self._on_export_triggered, "Ctrl+S"),
            self._action("rerankCopy", self._on_copy_triggered),
        ]

    def _action(self, name: str, slot: Any, shortcut: str = "") -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.json.value_changed.connect(self._on_json_value_changed)
        self.json.validity_changed.connect(self._on_json_validity_changed)
        self.model.documents_edited.connect(self._on_model_documents_edited)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._push_timer.timeout.connect(self.push_table)
        self.json.editor.textChanged.connect(self._on_json_text_changed)
        self.empty.sample_requested.connect(self.sample_requested)
        self.empty.import_requested.connect(self._on_import_triggered)

    # --- public API ---------------------------------------------------------------------------

    def set_rules(self, rules: RerankRules) -> None:
        """Validate against another flavour's rules."""
        self._rules = rules
        self.json.set_checker(self._check)

    def set_documents(self, documents: Sequence[Document]) -> None:
        """Show a new list in both views."""
        self._table_dirty = False
        self.json.set_value(documents)

    def documents(self) -> list[Document]:
        """The current documents, checked against the flavour's rules.

        Raises:
            InputError: bad JSON (line, column) or a bad document (`documents[i]`).
        """
        if self._table_dirty:
            self.push_table()
        return check_documents(self.json.value(), self._rules)

    def last_documents(self) -> list[Document] | None:
        """The latest valid list without re-parsing (None when the text is not valid)."""
        return self._last_docs

    def import_text(self, text: str, fmt: DocFormat | None = None) -> list[Document]:
        """Replace the documents with those parsed from `text` (format sniffed when None)."""
        docs = read_documents(text, fmt or sniff_format(text))
        check_documents(docs, self._rules)
        self.set_documents(docs)
        return docs

    def import_file(self, path: Path, fmt: DocFormat | None = None) -> list[Document]:
        """Replace the documents with a file's, read as `fmt` or else by the file's extension
        and content (`read_file_text`); what was read is said under the editor ("6 documents
        from recipes.csv, CSV"). Errors name the file's line and column."""
        data = path.read_bytes()
        try:
            text = decode_bytes(data)
            if fmt is None:
                imported = read_file_text(path.name, text)
            else:
                imported = Imported(read_documents(text, fmt), fmt)
            check_documents(imported.documents, self._rules)
        except InputError as exc:
            exc.where = f"{path.name}, {exc.where}" if exc.where else path.name
            raise
        self.set_documents(imported.documents)
        self._imported = (path.name, imported)
        self._show_count(imported.documents)
        self.info_posted.emit(import_confirmation(path.name, imported))
        return imported.documents

    def imported_text(self) -> str:
        """What the last import read, in words ("" once the documents were edited)."""
        return import_confirmation(*self._imported) if self._imported else ""

    def export_file(self, path: Path, fmt: DocFormat | None = None) -> list[Text]:
        """Write the documents; returns notes on what the format could not keep."""
        exported = write_documents(self.documents(), fmt or format_for_name(path.name))
        write_export(path, exported.text)
        return exported.notes

    # --- slots --------------------------------------------------------------------------------

    def _check(self, value: Any) -> None:
        check_documents(value, self._rules)

    def _on_json_text_changed(self) -> None:
        self.empty.setVisible(self.json.is_blank())  # not the text: a megabyte to copy

    def _on_json_value_changed(self, value: Any) -> None:
        self._imported = None
        docs = check_documents(value, self._rules)
        self._last_docs = docs
        if not self._table_dirty:
            self.model.set_documents(docs)
        self._show_count(docs)
        self.documents_changed.emit(docs)

    def _on_json_validity_changed(self, ok: bool, _message: str) -> None:
        if not ok:
            self._last_docs = None
            self.documents_changed.emit(None)

    def _on_model_documents_edited(self) -> None:
        self._imported = None
        self._table_dirty = True
        docs = self.model.documents()
        self._last_docs = docs
        self._show_count(docs)
        self.documents_changed.emit(docs)
        self._push_timer.start()

    def push_table(self) -> None:
        """Put an edit made in the table into the JSON text now (it goes a moment after)."""
        # The table stays as it is (no reset under the person's cursor); only the text follows.
        self._push_timer.stop()
        if self._table_dirty:
            self._table_dirty = False
            self.json.set_value(self.model.documents())

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.push_table()

    def _on_add_row_triggered(self) -> None:
        row = self.table.currentIndex().row() + 1 if self.table.currentIndex().isValid() else 0
        self.model.insert_document(row or self.model.rowCount(), "")

    def _on_remove_rows_triggered(self) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedIndexes()]
        if rows:
            self.model.remove_documents(rows)

    def _on_add_column_triggered(self) -> None:
        key, ok = QInputDialog.getText(
            self, self.tr("Add column"), self.tr("Key of the new column:")
        )
        if ok and not self.model.add_column(key):
            problem = InputError(title=self.tr("That column exists or is blank"), where=key)
            self.problem_found.emit(problem)

    def _on_import_triggered(self) -> None:
        # Window-modal without blocking the event loop (asyncio keeps running), as the other
        # confirmations are. The chosen filter only narrows the listing: a CSV picked under
        # "JSON" is still read as a CSV (issue 19).
        dialog = QFileDialog(self, self.tr("Import documents"))
        dialog.setObjectName("rerankImportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(import_filters())
        dialog.fileSelected.connect(self._on_import_dialog_file_selected)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_import_dialog_file_selected(self, path: str) -> None:
        if path:
            self._guard(lambda: self.import_file(Path(path)))

    def _on_export_triggered(self) -> None:
        filters = file_filters()
        title = self.tr("Export documents")
        path, chosen = QFileDialog.getSaveFileName(self, title, "", ";;".join(filters))
        if path:
            self._guard(lambda: self._report(self.export_file(Path(path), filters.get(chosen))))

    def _on_paste_triggered(self) -> None:
        self._guard(lambda: self.import_text(QGuiApplication.clipboard().text()))

    def _on_copy_triggered(self) -> None:
        self._guard(lambda: copy_json(self.json.text()))

    def _report(self, notes: list[Text]) -> None:
        for note in notes:
            self.info_posted.emit(shown(note))

    def _guard(self, work: Any) -> None:
        try:
            work()
        except InputError as exc:
            self.problem_found.emit(exc)
        except OSError as exc:
            title = fill(self.tr("Could not use the file: %1"), exc.strerror)
            self.problem_found.emit(InputError(title=title))

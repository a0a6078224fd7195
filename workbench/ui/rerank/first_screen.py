"""Rerank first screen: the empty documents editor's next steps, and import filters and wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.core.rerank_io import DocFormat
from workbench.ui.common.keys import with_keys
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.rerank.texts import fill

if TYPE_CHECKING:
    from workbench.core.rerank_io import Imported


def import_filters() -> list[str]:
    """The import dialog's filters, "All supported" first; they only narrow what is listed (the
    file's extension and content choose the reader)."""
    return [
        QCoreApplication.translate(
            "RerankFirstScreen", "All supported (*.json *.jsonl *.ndjson *.csv *.tsv *.txt)"
        ),
        "JSON (*.json)",
        QCoreApplication.translate("RerankFirstScreen", "JSON Lines (*.jsonl *.ndjson)"),
        "CSV (*.csv *.tsv)",
        QCoreApplication.translate("RerankFirstScreen", "Text (*.txt)"),
        QCoreApplication.translate("RerankFirstScreen", "Any file (*)"),
    ]


def format_name(fmt: DocFormat) -> str:
    """A format's name in the current language ("CSV", "text, one per line")."""
    names = {
        DocFormat.JSON: "JSON",
        DocFormat.JSONL: "JSON Lines",
        DocFormat.CSV: "CSV",
        DocFormat.LINES: QCoreApplication.translate("RerankFirstScreen", "text, one per line"),
        DocFormat.PARAGRAPHS: QCoreApplication.translate(
            "RerankFirstScreen", "text, one per paragraph"
        ),
    }
    return names[fmt]


def import_confirmation(file_name: str, imported: Imported) -> str:
    """What an import read, in words: "6 documents from recipes.csv, CSV"."""
    return ImportTexts().confirmation(file_name, imported)


class ImportTexts(QObject):
    """The import's confirmation; a QObject so lupdate files its plural forms (`%n`)."""

    def confirmation(self, file_name: str, imported: Imported) -> str:
        """ "6 documents from recipes.csv, CSV", and whether the content chose the format."""
        count = len(imported.documents)
        if imported.by_content:
            text = self.tr("%n document(s) from %1, %2 (read by its content)", "", count)
        else:
            text = self.tr("%n document(s) from %1, %2", "", count)
        return fill(text, file_name, format_name(imported.fmt))


class EmptyDocuments(Retranslating, QFrame):
    """Shown while the documents editor is empty: what to do next, and buttons that do it."""

    sample_requested = Signal()
    """Emitted when the person asks for the sample documents (Load sample)."""
    import_requested = Signal()
    """Emitted when the person asks to import a file (Import…)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rerankEmptyDocuments")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setObjectName("rerankEmptyDocumentsText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.sample = QPushButton(self)
        self.sample.setObjectName("rerankEmptyLoadSample")
        self.import_file = QPushButton(self)
        self.import_file.setObjectName("rerankEmptyImport")
        buttons = QHBoxLayout()
        buttons.addWidget(self.sample)
        buttons.addWidget(self.import_file)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.sample.clicked.connect(self.sample_requested)
        self.import_file.clicked.connect(self.import_requested)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        about = self.tr(
            "No documents yet. Load the sample recipes to try rerank at once, or import a "
            "JSON, JSON Lines, CSV or text file."
        )
        self.text.setText(about)
        # Screen readers read the panel's description when focus enters one of its buttons.
        self.setAccessibleName(self.tr("No documents yet"))
        self.setAccessibleDescription(about)
        self.sample.setText(self.tr("Load sample"))
        self.sample.setAccessibleName(self.tr("Load sample documents"))
        self.sample.setToolTip(self.tr("The sample query, recipe documents and their rank_fields"))
        self.import_file.setText(self.tr("Import a file…"))
        self.import_file.setAccessibleName(self.tr("Import documents from a file"))
        self.import_file.setToolTip(with_keys(self.import_file.accessibleName(), "Ctrl+O"))

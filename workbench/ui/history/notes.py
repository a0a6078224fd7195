"""The label and note of the runs selected in History, saved when the person moves on.

People expect a notes field to keep what they typed: the label and note are written to the store
when the row changes, when the pane is hidden, and when a field is left (focus out or Enter), as
well as by the "Save label and note" button. Only a change is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

    from workbench.core.runs.store import RunRecord
    from workbench.ui.history.selection import RunSelection


class RunNotes(QObject):
    """Shows the selected runs' label and note in two line edits and writes edits back."""

    saved = Signal()
    """A label or note was written (the table shows the label: the pane lists the runs again)."""

    def __init__(
        self,
        *,
        label: QLineEdit,
        note: QLineEdit,
        selection: RunSelection,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label, self._note, self._selection = label, note, selection
        self._runs: list[RunRecord] = []
        """The selected runs the fields belong to (every member of a batch is written)."""
        self._shown = ("", "")
        """The label and note as last loaded or written (an edit is a difference from it)."""
        label.editingFinished.connect(self.save)
        note.editingFinished.connect(self.save)

    def show(self, runs: list[RunRecord], first: RunRecord | None) -> None:
        """Show `first`'s label and note for the selected `runs` (what was typed for the runs
        shown before is written first)."""
        self.save()
        self._runs = runs
        self._shown = (first.label, first.note) if first is not None else ("", "")
        for edit, text in zip((self._label, self._note), self._shown, strict=True):
            if edit.text() != text:  # the same text stays as it is, cursor and all
                edit.setText(text)

    def save(self) -> bool:
        """Write the label and note to the runs they belong to when they changed; True if so."""
        typed = (self._label.text().strip(), self._note.text().strip())
        if typed == self._shown or not self._runs:
            return False
        # The runs shown, not the selection: at a row change the table has moved on already.
        self._selection.annotate(self._runs, label=typed[0], note=typed[1])
        self._shown = typed
        self.saved.emit()
        return True

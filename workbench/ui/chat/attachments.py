"""Chips above the message box: the documents and tools the next message carries, each removable
(its ✕, or Delete or Backspace on the chip, as in the chip fields people know from mail)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStyle, QToolButton, QWidget

from workbench.api.errors import InputError
from workbench.ui.common.flow_layout import FlowLayout
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.section import Section

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.ui.common.json_editor import JsonEditor

Kind = Literal["document", "tool"]
LABEL_CHARS = 32
"""A chip shows this many characters of its name; the whole name is in its tool tip."""


def document_label(document: Any, position: int) -> str:
    """A document's short name: its title, else its id, else the start of its text."""
    if isinstance(document, dict):
        for key in ("title", "id", "name", "text", "snippet"):
            value = document.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return f"documents[{position}]"
    return str(document).strip() or f"documents[{position}]"


def tool_label(tool: Any, position: int) -> str:
    """A tool's name (v1 `name`, or a JSON-schema function's)."""
    if isinstance(tool, dict):
        function = tool.get("function")
        name = function.get("name") if isinstance(function, dict) else tool.get("name")
        if isinstance(name, str) and name:
            return name
    return f"tools[{position}]"


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= LABEL_CHARS else line[: LABEL_CHARS - 1] + "…"


class AttachmentChips(Retranslating, Section):
    """One chip per attached document and tool; its ✕ asks to remove it, its name opens the
    side panel's section. Hidden while nothing is attached.

    A section titled over the chips: its Alt letter reaches them (they are many, and named by
    what is attached, so none has a letter of its own).
    """

    remove_requested = Signal(str, int)
    """Emitted with ("document" or "tool", position in its list) when a chip's ✕ is pressed."""
    open_requested = Signal(str)
    """Emitted with "document" or "tool" when a chip's name is pressed (show that section)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__("chatAttachments", parent, flat=True)
        self._documents: Sequence[str] | None = []
        self._tools: Sequence[str] | None = []
        self._refocus: tuple[Kind, int] | None = None
        self._fallback: QWidget | None = None
        self._chips: list[QFrame] = []
        self._flow = FlowLayout(self)
        self.setVisible(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language (the chips are drawn again)."""
        self.setAccessibleName(self.tr("Attached to the next message"))
        self.setTitle(self.tr("Attached to the ne&xt message"))
        self._rebuild()

    def set_fallback_focus(self, widget: QWidget) -> None:
        """Where focus goes when the last chip is removed (the message box)."""
        self._fallback = widget

    def set_attachments(self, documents: Sequence[str] | None, tools: Sequence[str] | None) -> None:
        """Show these documents' and tools' names; None says that list's JSON has an error."""
        if (documents, tools) == (self._documents, self._tools):
            return  # both editors announce an edit (value and validity): draw once
        self._documents, self._tools = documents, tools
        self._rebuild()

    def chips(self) -> list[QFrame]:
        """The chips shown, in order (tests and the focus after a removal read them)."""
        return list(self._chips)

    def _rebuild(self) -> None:
        if not hasattr(self, "_flow"):
            return  # retranslate_ui from the Qt constructor's first events
        while (item := self._flow.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()  # not now: the ✕ that asked may still be in its signal
        self._chips = []
        lists: tuple[tuple[Kind, Sequence[str] | None], ...] = (
            ("document", self._documents),
            ("tool", self._tools),
        )
        for kind, names in lists:
            if names is None:
                self._chips.append(self._broken_chip(kind))
                continue
            for position, name in enumerate(names):
                self._chips.append(self._chip(kind, position, name))
        for chip in self._chips:
            self._flow.addWidget(chip)
            chip.show()
        self.setVisible(bool(self._chips))
        self.updateGeometry()
        self._restore_focus()

    def _chip(self, kind: Kind, position: int, name: str) -> QFrame:
        chip = QFrame(self)
        chip.setObjectName("chatChip")
        chip.setFrameShape(QFrame.Shape.StyledPanel)
        chip.setProperty("chipKind", kind)
        texts = self._texts(kind, name)
        label = QToolButton(chip)
        label.setObjectName("chatChipOpen")
        label.setAutoRaise(True)
        if kind == "document":
            label.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            label.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            label.setText(_short(name))
        else:
            label.setText(_short(name) + "()")  # a call's look: a tool, not a document
        label.setAccessibleName(texts[0])
        label.setToolTip(texts[1])
        label.clicked.connect(partial(self.open_requested.emit, kind))
        remove = QToolButton(chip)
        remove.setObjectName("chatChipRemove")
        remove.setAutoRaise(True)
        remove.setText("✕")
        remove.setAccessibleName(texts[2])
        remove.setToolTip(texts[2])
        remove.clicked.connect(partial(self._on_remove_clicked, kind, position))
        box = QHBoxLayout(chip)
        box.setContentsMargins(2, 0, 2, 0)
        box.setSpacing(0)
        box.addWidget(label)
        box.addWidget(remove)
        chip.setAccessibleName(texts[0])
        for button in (label, remove):
            button.setAccessibleDescription(texts[3])
            button.installEventFilter(self)
        return chip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete or Backspace on a chip's name or ✕ presses the chip's ✕."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and (chip := watched.parent()) is not None
            and (remove := chip.findChild(QToolButton, "chatChipRemove")) is not None
        ):
            remove.click()
            return True
        return super().eventFilter(watched, event)

    def _texts(self, kind: Kind, name: str) -> tuple[str, str, str, str]:
        """The chip's accessible name, its tool tip, its ✕'s name and what its keys do, in the
        current language."""
        keys = self.tr("Delete or Backspace removes it")
        if kind == "document":
            return (
                self.tr("Document '%1'").replace("%1", name),
                self.tr("Attached document '%1': show the Documents section").replace("%1", name),
                self.tr("Remove document '%1'").replace("%1", name),
                keys,
            )
        return (
            self.tr("Tool '%1'").replace("%1", name),
            self.tr("Attached tool '%1': show the Tools section").replace("%1", name),
            self.tr("Remove tool '%1'").replace("%1", name),
            keys,
        )

    def _broken_chip(self, kind: Kind) -> QFrame:
        chip = QFrame(self)
        chip.setObjectName("chatChip")
        chip.setProperty("chipKind", kind)
        chip.setFrameShape(QFrame.Shape.StyledPanel)
        label = QToolButton(chip)
        label.setObjectName("chatChipOpen")
        label.setAutoRaise(True)
        text = (
            self.tr("Documents: the JSON has an error")
            if kind == "document"
            else self.tr("Tools: the JSON has an error")
        )
        label.setText("⚠ " + text)
        label.setAccessibleName(text)
        label.setToolTip(self.tr("None of these is sent until the JSON is fixed; press to show it"))
        label.clicked.connect(partial(self.open_requested.emit, kind))
        box = QHBoxLayout(chip)
        box.setContentsMargins(2, 0, 2, 0)
        box.addWidget(label)
        chip.setAccessibleName(text)
        return chip

    def _on_remove_clicked(self, kind: Kind, position: int) -> None:
        self._refocus = (kind, position)
        self.remove_requested.emit(kind, position)

    def _restore_focus(self) -> None:
        """After a removal, focus the chip that took the removed one's place (keyboard users
        keep their place), else the last chip, else the fallback."""
        if self._refocus is None:
            return
        kind, position = self._refocus
        self._refocus = None
        same = [c for c in self.chips() if c.property("chipKind") == kind]
        chips = same or self.chips()
        if chips:
            chip = chips[min(position, len(chips) - 1)] if same else chips[-1]
            button = chip.findChild(QToolButton, "chatChipRemove") or chip.findChild(QToolButton)
            if button is not None:
                button.setFocus()
        elif self._fallback is not None:
            self._fallback.setFocus()


class AttachmentsSync(QObject):
    """Keeps the chips in step with the side panel's Documents and Tools editors, both ways:
    an edit there redraws the chips, a chip's ✕ removes the item there."""

    def __init__(
        self,
        chips: AttachmentChips,
        *,
        editors: dict[Kind, JsonEditor],
        documents_on: Callable[[], bool],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._chips = chips
        self._editors = editors
        self._documents_on = documents_on
        for editor in editors.values():
            editor.value_changed.connect(self.refresh)
            editor.validity_changed.connect(self.refresh)
        chips.remove_requested.connect(self._on_chips_remove_requested)
        self.refresh()

    def refresh(self, *_: object) -> None:
        """Draw the chips from the editors (documents only where the endpoint takes them)."""
        documents = self._names("document") if self._documents_on() else []
        self._chips.set_attachments(documents, self._names("tool"))

    def _names(self, kind: Kind) -> list[str] | None:
        editor = self._editors[kind]
        if not editor.text().strip():
            return []  # nothing typed: nothing attached (Send says so if it matters)
        try:
            value = editor.value()
        except InputError:
            return None
        if not isinstance(value, list):
            return None
        label = document_label if kind == "document" else tool_label
        return [label(item, position) for position, item in enumerate(value)]

    def _on_chips_remove_requested(self, kind: Kind, position: int) -> None:
        editor = self._editors[kind]
        try:
            value = editor.value()
        except InputError:
            return
        if isinstance(value, list) and 0 <= position < len(value):
            editor.set_value([item for i, item in enumerate(value) if i != position])

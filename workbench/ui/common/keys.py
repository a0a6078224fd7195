"""Key combinations as people read them: in tool tips, the way the platform writes them."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def native(keys: str) -> str:
    """The combination as the platform writes it ("Ctrl+Return"; "⌘↩" on macOS)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def with_keys(text: str, keys: str) -> str:
    """A tool tip naming its shortcut: "Run rerank (Ctrl+Return)"."""
    return f"{text} ({native(keys)})"

"""Key combinations as people read them: in tool tips, the way the platform writes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


def native(keys: str | QKeySequence) -> str:
    """The combination as the platform writes it ("Ctrl+Return"; "⌘↩" on macOS)."""
    sequence = QKeySequence(keys)
    # Qt writes the key Shift+Tab sends as "Backtab" ("Ctrl+Shift+Backtab", Italian "Tab
    # indietro"): people press, and read, Shift+Tab.
    # PySide6's stubs lack QKeySequence.__getitem__, which the binding has.
    pressed = [_tab_for_backtab(sequence[i]) for i in range(sequence.count())]  # type: ignore[index]
    return QKeySequence(*pressed).toString(QKeySequence.SequenceFormat.NativeText)


def _tab_for_backtab(combination: QKeyCombination) -> QKeyCombination:
    if combination.key() != Qt.Key.Key_Backtab:
        return combination
    shifted = combination.keyboardModifiers() | Qt.KeyboardModifier.ShiftModifier
    return QKeyCombination(shifted, Qt.Key.Key_Tab)


def without_mnemonic(text: str) -> str:
    """A control's text without its mnemonic mark ("&Quit" → "Quit", "R&&D" → "R&D")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def with_keys(text: str, keys: str) -> str:
    """A tool tip naming its shortcut: "Run rerank (Ctrl+Return)"."""
    return f"{text} ({native(keys)})"


def run_keys(pane: QWidget) -> QShortcut:
    """Ctrl+Return, or Ctrl+Enter on the keypad, with the focus anywhere in `pane`: the key that
    runs or sends in every pane. The caller connects it and names it (`setWhatsThis`)."""
    shortcut = QShortcut(pane)
    shortcut.setKeys([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut


def escape_cancels(pane: QWidget, cancel: Callable[[], None]) -> QShortcut:
    """Escape, with the focus anywhere in `pane`, calls `cancel`: every pane that runs long work
    stops it on Escape. The caller names it (`setWhatsThis`) for the shortcuts sheet."""
    shortcut = escape_key(pane)
    shortcut.activated.connect(cancel)
    return shortcut


def escape_key(pane: QWidget) -> QShortcut:
    """Escape with the focus anywhere in `pane`, not yet connected (`escape_cancels` connects
    it; a pane's widgets made before its slots leave that to the pane)."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), pane)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut

"""One window per settings folder: a second start raises the running window and leaves.

Two windows on one folder would each keep the settings in memory and write the whole file at
every change, so each would undo what the other saved: an endpoint saved in one was gone once
the other moved a splitter. The chat history file would go the same way.

The folder's lock file is held while the window runs (a crashed window's lock is stale once its
process is gone). The running window also listens on a local socket named after the folder; a
second start connects to it, which asks for the window to be raised.
"""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from workbench.ui.first_paint import FIRST_PAINT_WAIT_MS

if TYPE_CHECKING:
    from pathlib import Path

LOCK_FILE = "workbench.lock"
REACH_S = FIRST_PAINT_WAIT_MS / 1000 + 2.0
"""How long a second start tries to reach the running window: it may still be starting, and it
listens once drawn, or after `FIRST_PAINT_WAIT_MS` if it is never drawn."""


def _socket_name(folder: Path) -> str:
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return f"cohere-workbench-{digest}"


class SingleInstance(QObject):
    """Holds a settings folder for this window; says when a second start asks to raise it."""

    activation_requested = Signal()
    """Emitted when another start on the same folder asked for this window."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._lock = QLockFile(str(folder / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # held as long as the window runs, however long
        self._server: QObject | None = None

    def acquire(self) -> bool:
        """Take the folder; False only when another running window holds it.

        A folder that cannot be made or locked is not guarded: the program runs on, and says
        elsewhere what it cannot write.
        """
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def release(self) -> None:
        """Give the folder back (the window has closed)."""
        self._lock.unlock()

    def listen(self) -> None:
        """Answer later starts on this folder (after the first paint: QtNetwork is not needed
        before it)."""
        from PySide6.QtNetwork import QLocalServer

        name = _socket_name(self._folder)
        QLocalServer.removeServer(name)  # a crashed window's socket file
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            server.newConnection.connect(self._on_server_new_connection)
            self._server = server

    def _on_server_new_connection(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = self._server
        assert isinstance(server, QLocalServer)
        while (socket := server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            socket.disconnectFromServer()
        self.activation_requested.emit()


def raise_running(folder: Path, within_s: float = REACH_S) -> bool:
    """Ask the window running on `folder` to raise itself; True when it was reached.

    It is tried again for a while: a window started a moment ago listens only once it has
    been drawn.
    """
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + within_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(_socket_name(folder))
        if socket.waitForConnected(200):
            socket.disconnectFromServer()
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)  # the other window is still starting: nothing here to wait on

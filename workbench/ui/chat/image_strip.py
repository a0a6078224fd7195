"""Images attached to the next message: a thumbnail list that takes files, drops and pastes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from workbench.api.errors import InputError
from workbench.core.images import AttachedImage, Detail, image_from_bytes, read_image_with_bytes
from workbench.ui.common import l10n
from workbench.ui.common.retranslate import Retranslating

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

THUMB = 64
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})


def thumbnail(data: bytes) -> QIcon:
    """A small icon of the image (an empty icon when Qt cannot decode it)."""
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        return QIcon()
    return QIcon(QPixmap.fromImage(image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)))


def clipboard_png() -> bytes | None:
    """The clipboard's image as PNG bytes, or None when it holds no image."""
    image = QGuiApplication.clipboard().image()
    if image.isNull():
        return None
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; str works
    return bytes(buffer.data().data())


class ImageStrip(Retranslating, QListWidget):
    """Thumbnails of the attached images; Delete removes the selected one, Ctrl+V pastes one."""

    images_changed = Signal()
    failed = Signal(object)
    """Emitted with the InputError of a file that could not be attached."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatImageStrip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMaximumHeight(THUMB + 40)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self._images: list[AttachedImage] = []
        self.detail: Detail | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the name and the thumbnails' tool tips in the current language."""
        self.setAccessibleName(self.tr("Attached images"))
        for row, image in enumerate(self._images):
            item = self.item(row)
            if item is not None:
                item.setToolTip(self._tip(image))

    def _tip(self, image: AttachedImage) -> str:
        size = self.tr("%1 bytes").replace("%1", l10n.format_count(image.size))
        return f"{image.name} · {image.mime} · {size}"

    def images(self) -> list[AttachedImage]:
        """The attached images, in order."""
        return list(self._images)

    def add(self, image: AttachedImage, data: bytes) -> None:
        """Attach one image."""
        self._images.append(image)
        shape = f"{image.width}x{image.height}" if image.width else ""
        item = QListWidgetItem(thumbnail(data), f"{image.name}\n{shape}", self)
        item.setToolTip(self._tip(image))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, image.name)
        self.images_changed.emit()

    def add_file(self, path: str | Path) -> bool:
        """Attach an image file; a file that is not an image is reported through `failed`."""
        try:
            # Read once: the thumbnail is drawn from the bytes that were checked and are sent.
            image, data = read_image_with_bytes(path, self.detail)
        except InputError as exc:  # an OSError comes as one, naming the file, not its path
            self.failed.emit(exc)
            return False
        self.add(image, data)
        return True

    def paste(self) -> bool:
        """Attach the clipboard's image, if it holds one."""
        data = clipboard_png()
        if data is None:
            return False
        self.add(image_from_bytes(data, self.tr("pasted image"), self.detail), data)
        return True

    def remove_selected(self) -> None:
        """Detach the selected images."""
        for row in sorted((self.row(i) for i in self.selectedItems()), reverse=True):
            self.takeItem(row)
            del self._images[row]
        self.images_changed.emit()

    def clear_images(self) -> None:
        """Detach every image (after the message was sent)."""
        self.clear()
        self._images.clear()
        self.images_changed.emit()

    def watch(self, editor: QPlainTextEdit) -> None:
        """Take images pasted or dropped into `editor` too (the message box): text stays text."""
        editor.installEventFilter(self)
        editor.viewport().installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if not self.isEnabled():
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            has_image = not QGuiApplication.clipboard().image().isNull()
            return bool(
                event.matches(QKeySequence.StandardKey.Paste) and has_image and self.paste()
            )
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            images = [f for f in files if Path(f).suffix.lower() in IMAGE_SUFFIXES]
            if images:
                for path in images:
                    self.add_file(path)
                event.acceptProposedAction()
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.add_file(url.toLocalFile())
        event.acceptProposedAction()

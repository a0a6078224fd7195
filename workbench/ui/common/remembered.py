"""Layouts for small windows: splitter sizes and folded panels kept in settings, scrolling columns."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QShowEvent

    from workbench.core.settings import SettingsStore

SAVE_DELAY_MS = 400
"""A drag moves the handle many times a second: the file is written once it rests."""


class RememberedSplitter(QObject):
    """Restores a splitter's sizes from the settings and saves them after each drag.

    The splitter's object name is its key in `WindowState.splitters`, so it must be set first.
    """

    def __init__(self, splitter: QSplitter, store: SettingsStore) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        splitter.splitterMoved.connect(self._on_splitter_moved)
        saved = store.settings.window.splitters.get(splitter.objectName())
        self.restored = False
        """Whether the sizes came from the settings (False: the splitter's own first sizes)."""
        if saved:
            self.restored = splitter.restoreState(QByteArray(base64.b64decode(saved)))

    def save(self) -> None:
        """Write the splitter's sizes now."""
        self._timer.stop()
        state = base64.b64encode(bytes(self._splitter.saveState().data())).decode("ascii")
        window = self._store.settings.window
        splitters = {**window.splitters, self._splitter.objectName(): state}
        self._store.update(window=window.model_copy(update={"splitters": splitters}))

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._timer.start()


def fit_first_part(splitter: QSplitter, area: QScrollArea, *, keep: float) -> None:
    """Give a vertical splitter's first part the height `area`'s content asks for at its width
    (without scrolling), leaving the rest at least `keep` of the height and its minimum.

    QSplitter's first sizes follow size hints: a scroll area hints little whatever it holds,
    so at 1200 x 800 the Rerank inputs scrolled 100 px on the first screen, the editor cut in
    half, above an empty results table twice the height it needed.
    """
    content = area.widget()
    sizes = splitter.sizes()
    if content is None or len(sizes) != 2 or sum(sizes) <= 0:
        return
    # Measured without scroll bars: one shown while the part is too short narrows the viewport,
    # and the content would ask for more height than it needs once the bar goes.
    viewport = area.maximumViewportSize()
    wanted = content.heightForWidth(viewport.width()) if content.hasHeightForWidth() else -1
    wanted = max(wanted, content.minimumSizeHint().height()) + (sizes[0] - viewport.height())
    rest = splitter.widget(1)
    floor = max(int(sum(sizes) * keep), rest.minimumSizeHint().height() if rest else 0)
    first = min(max(sizes[0], wanted), sum(sizes) - floor)
    if first > sizes[0]:
        splitter.setSizes([first, sum(sizes) - first])


class FittedSplitter(QSplitter):
    """A vertical splitter whose first part, once `fit_first_part_to` is called, gets the height
    a scroll area's content asks for (`fit_first_part`) whenever the splitter is shown or
    resized, until the person drags the handle.

    Fitted once, on the first show, the split depended on every other pane: a pane in a tab
    widget is first shown at the page stack's provisional size, as large as the largest pane
    asks to be, and only then given the page's. The fit measured the provisional size, and
    the resize that followed shrank both parts by their share: beside a pane asking for
    1600 x 1000, the Rerank inputs scrolled 77 px at 1200 x 800 (100 px in Italian).

    The content is fitted again, too, whenever it asks for a new size with no resize (its
    layout posts a LayoutRequest): the language switched at run time (Italian rows wrap and
    the inputs scrolled 14 px at 1200 x 800), a section shown, fonts enlarged by demo mode.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._fitted: tuple[QScrollArea, float] | None = None
        self._watched: QWidget | None = None
        # A language switch or a font change relays out every row: one fit for the burst.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit)
        self.splitterMoved.connect(self._on_splitter_moved)

    def fit_first_part_to(self, area: QScrollArea, *, keep: float) -> None:
        """Fit the first part to `area`'s content from now on (see `fit_first_part`)."""
        self._fitted = (area, keep)
        self._watch(area.widget())
        if self.isVisible():
            self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit again, once the burst of layout requests has run, when the content asks."""
        if (
            watched is self._watched
            and event.type() == QEvent.Type.LayoutRequest
            and self.isVisible()
        ):
            self._refit.start()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit once the events queued with the show have run: the sizes are final by then."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the parts QSplitter has just laid out (a hidden splitter's are not laid out)."""
        super().resizeEvent(event)
        if self.isVisible():
            self._fit()

    def _fit(self) -> None:
        if self._fitted is not None:
            area, keep = self._fitted
            fit_first_part(self, area, keep=keep)

    def _watch(self, content: QWidget | None) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = content
        if content is not None:
            content.installEventFilter(self)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._fitted = None  # the person chose the split: it is theirs from now on
        self._watch(None)
        self._refit.stop()


def is_collapsed(store: SettingsStore, name: str) -> bool:
    """Whether the person folded the panel called `name` away last time."""
    return name in store.settings.window.collapsed


def set_collapsed(store: SettingsStore, name: str, collapsed: bool) -> None:
    """Remember that the panel called `name` is folded away (or shown again)."""
    window = store.settings.window
    names = [n for n in window.collapsed if n != name] + ([name] if collapsed else [])
    if names != window.collapsed:
        store.update(window=window.model_copy(update={"collapsed": names}))


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """`content` in a frameless scroll area: a small window scrolls it instead of cutting it."""
    area = QScrollArea(content.parentWidget())
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the content's own controls take the focus
    area.setWidget(content)
    return area

"""Transcript cards: each turn drawn on a card of its own, behind the document's text.

The cards are painted, not made of document frames: the live turn appends at the document's end
(`transcript_live`), which a frame around it would move away from, and a painted card costs
nothing per delta. Only the cards in view are looked up (a bisection over the turns' positions),
so a conversation of 500 turns paints as fast as one of five. Colours come from the palette
(AlternateBase, Mid), so a theme changes them (issue 19, items 6 and 7).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPalette, QPen

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QWidget

PAD_PX = 6
"""Space between a card's edge and its text, above and below (the sides: the document margin)."""
SIDE_PX = 3
RADIUS_PX = 6.0

Bounds = tuple[int, int]
"""A turn's (start, stop) positions: where the turn before it ends, where it ends."""


def card_rect(document: QTextDocument, bounds: Bounds, width: float) -> QRectF:
    """The card of the turn within `bounds`, in document coordinates."""
    start, stop = bounds
    first = document.findBlock(start)
    if start > 0:  # `start` is the end of the turn before: the card begins at the next block
        first = first.next()
    last = document.findBlock(stop)
    layout = document.documentLayout()
    top = layout.blockBoundingRect(first).top() - PAD_PX  # the gap is the block's top margin
    bottom = layout.blockBoundingRect(last).bottom() + PAD_PX
    return QRectF(SIDE_PX, top, max(0.0, width - 2 * SIDE_PX), max(0.0, bottom - top))


def visible_cards(
    document: QTextDocument, turns: Sequence[Bounds], width: float, top: float, bottom: float
) -> list[tuple[int, QRectF]]:
    """(turn position in `turns`, card) for the cards between `top` and `bottom` (document y)."""
    first = bisect.bisect_left(
        range(len(turns)), top, key=lambda i: card_rect(document, turns[i], width).bottom()
    )
    shown = []
    for i in range(first, len(turns)):
        rect = card_rect(document, turns[i], width)
        if rect.top() > bottom:
            break
        shown.append((i, rect))
    return shown


def paint_cards(viewport: QWidget, cards: list[tuple[int, QRectF]], offset: QPointF) -> None:
    """Draw the cards (document coordinates moved by `offset`) on the viewport."""
    palette = viewport.palette()
    painter = QPainter(viewport)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
    for _, rect in cards:
        painter.drawRoundedRect(
            rect.translated(offset).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS_PX, RADIUS_PX
        )
    painter.end()

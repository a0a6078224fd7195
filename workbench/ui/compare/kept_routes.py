"""The Compare columns' routes kept across restarts, with the pane's other inputs."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from workbench.ui.common.kept_texts import KeptChoice, listed_data, listed_row

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QComboBox


def kept_routes(pickers: Sequence[QComboBox]) -> KeptChoice:
    """The columns' routes as one line each (`Target.data`; empty: the column is off)."""
    combos = tuple(pickers)
    return KeptChoice(
        read=partial(_routes, combos),
        put=partial(_put_routes, combos),
        changed=tuple(combo.currentIndexChanged for combo in combos),
    )


def _routes(combos: tuple[QComboBox, ...]) -> str:
    return "\n".join(listed_data(combo) for combo in combos)


def _put_routes(combos: tuple[QComboBox, ...], text: str) -> None:
    """Pick the saved routes again, all of them or none: with one gone (its endpoint removed
    since), another column could end up on the route a column already has, unnoticed; the
    defaults never do."""
    saved = text.split("\n")
    if len(saved) != len(combos):
        return
    rows = [listed_row(combo, data) for combo, data in zip(combos, saved, strict=True)]
    if min(rows) < 0:
        return
    for combo, row in zip(combos, rows, strict=True):
        combo.setCurrentIndex(row)

"""The transcript's and the trace's views of finished turns, each computed once (issue 15)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.chat_session import TurnMemo
from workbench.ui.chat.turns import display_of, trace_of

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.core.chat_session import Turn
    from workbench.core.citations import CitationMap
    from workbench.ui.chat.trace import TraceTurn
    from workbench.ui.chat.transcript import TurnDisplay

Labels = tuple[tuple[str, str], ...]


class TurnViews:
    """Keeps each finished turn's views while the turn, its reply and the labels stay the same.

    Send rebuilt both views' lists for the whole conversation (`display_of` and `trace_of` for
    every turn), per-turn work on the UI thread that grew with the conversation (issue 15). A
    finished turn is not changed again (regenerate and edit make new turns; a reply is attached
    once), so its views are kept (`TurnMemo`) while the labels, which every display carries,
    stay the same.
    """

    def __init__(self) -> None:
        self._memo: TurnMemo[tuple[TurnDisplay, TraceTurn]] = TurnMemo()
        self._labels: Labels = ()

    def forget(self) -> None:
        """Compute every view again next time (a full rebuild: masks or texts may differ)."""
        self._memo.forget()

    def of(
        self, turns: Sequence[Turn], cites: Callable[[int], CitationMap], labels: Labels
    ) -> tuple[list[TurnDisplay], list[TraceTurn]]:
        """The displays and traces of `turns`, computed only for turns not seen as they are."""
        if labels != self._labels:  # the labels are in every display
            self._memo.forget()
            self._labels = labels

        def views(index: int, turn: Turn) -> tuple[TurnDisplay, TraceTurn]:
            return display_of(index, turn, cites(index), labels=labels), trace_of(index, turn)

        kept = self._memo.of(turns, views)
        return [display for display, _ in kept], [trace for _, trace in kept]

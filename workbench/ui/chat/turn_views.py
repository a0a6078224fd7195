"""The transcript's and the trace's views of finished turns, each computed once (issue 15)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.chat_session import TurnMemo
from workbench.ui.chat.turns import display_of, trace_of

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.core.chat_session import Reply, Turn
    from workbench.core.citations import CitationMap
    from workbench.ui.chat.trace import TraceTurn
    from workbench.ui.chat.transcript import TurnDisplay

Labels = tuple[tuple[str, str], ...]
Shown = tuple[int, "Turn | None", "Reply | None", Labels]
"""Finished turns shown: how many, the last turn and its reply, the source labels."""


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


def same_shown(shown: Shown | None, wanted: Shown) -> bool:
    """Whether the same turns are shown: the same count and labels, the very turn and reply."""
    if shown is None:
        return False
    (count, turn, reply, labels), (count2, turn2, reply2, labels2) = shown, wanted
    return count == count2 and turn is turn2 and reply is reply2 and labels == labels2


def shows_anything(display: TurnDisplay) -> bool:
    """Whether a live turn's display has something of the answer to draw under its header."""
    return bool(
        display.text
        or display.thinking
        or display.tool_plan
        or display.tool_calls
        or display.citations
        or display.search_queries
    )

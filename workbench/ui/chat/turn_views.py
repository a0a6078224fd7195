"""The transcript's and the trace's views of finished turns, each computed once (issue 15)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.ui.chat.turns import display_of, trace_of

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.core.chat_session import Reply, Turn
    from workbench.core.citations import CitationMap
    from workbench.ui.chat.trace import TraceTurn
    from workbench.ui.chat.transcript import TurnDisplay

Labels = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Views:
    turn: Turn
    reply: Reply | None
    labels: Labels
    display: TurnDisplay
    trace: TraceTurn


class TurnViews:
    """Keeps each finished turn's views while the turn, its reply and the labels stay the same.

    Send rebuilt both views' lists for the whole conversation (`display_of` and `trace_of` for
    every turn), per-turn work on the UI thread that grew with the conversation (issue 15). A
    finished turn is not changed again (regenerate and edit make new turns; a reply is attached
    once), so its views are kept, keyed by the turn and reply objects, as `HistoryDumper` keeps
    a turn's JSON.
    """

    def __init__(self) -> None:
        self._kept: dict[int, _Views] = {}

    def forget(self) -> None:
        """Compute every view again next time (a full rebuild: masks or texts may differ)."""
        self._kept = {}

    def of(
        self, turns: Sequence[Turn], cites: Callable[[int], CitationMap], labels: Labels
    ) -> tuple[list[TurnDisplay], list[TraceTurn]]:
        """The displays and traces of `turns`, computed only for turns not seen as they are."""
        kept: dict[int, _Views] = {}
        for index, turn in enumerate(turns):
            hit = self._kept.get(index)
            if (
                hit is None
                or hit.turn is not turn
                or hit.reply is not turn.reply
                or hit.labels != labels
            ):
                display = display_of(index, turn, cites(index), labels=labels)
                hit = _Views(turn, turn.reply, labels, display, trace_of(index, turn))
            kept[index] = hit
        self._kept = kept
        return [v.display for v in kept.values()], [v.trace for v in kept.values()]

"""Send computes the views of the turns that changed only, not of the whole conversation."""

from __future__ import annotations

from workbench.core.chat_session import Reply, Turn
from workbench.core.citations import CitationMap
from workbench.ui.chat.turn_views import TurnViews


def _cites(_index: int) -> CitationMap:
    return CitationMap()


def test_unchanged_turns_keep_their_views_and_a_new_reply_is_drawn_again() -> None:
    turns = [Turn(user=f"question {n}", reply=Reply(text=f"answer {n}")) for n in range(3)]
    turns.append(Turn(user="in flight"))
    views = TurnViews()
    displays, traces = views.of(turns, _cites, ())
    turns[3].reply = Reply(text="answer 3")
    again, traced = views.of(turns, _cites, ())
    assert all(again[n] is displays[n] and traced[n] is traces[n] for n in range(3))
    assert again[3] is not displays[3]
    assert again[3] != displays[3]  # the answer that arrived shows


def test_new_labels_or_a_forget_compute_every_view_again() -> None:
    turns = [Turn(user="question", reply=Reply(text="answer"))]
    views = TurnViews()
    first, _ = views.of(turns, _cites, ())
    relabelled, _ = views.of(turns, _cites, (("doc-1", "rank 1 · score 0.90"),))
    assert relabelled[0] is not first[0]
    views.forget()
    fresh, _ = views.of(turns, _cites, (("doc-1", "rank 1 · score 0.90"),))
    assert fresh[0] is not relabelled[0]
    assert fresh[0] == relabelled[0]

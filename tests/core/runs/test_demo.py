"""Demo scripts: chat turns saved in order, read back (bad lines named), stepped forward and back."""

from __future__ import annotations

import json

import pytest

from workbench.api.errors import InputError
from workbench.core.runs import demo
from workbench.core.runs.store import RecordedEvent, RunRecord


def _turn(run_id: str, created: float, kind: str = "chat") -> RunRecord:
    record = RunRecord(id=run_id, created=created, kind=kind, flavour="cohere-v2", query=run_id)
    record.events = [RecordedEvent(0.01, "content-delta", '{"text": "hi"}')]
    return record


def test_a_script_keeps_the_chat_turns_oldest_first_and_reads_back() -> None:
    script = demo.script_of([_turn("b", 2.0), _turn("r", 1.5, "rerank"), _turn("a", 1.0)], "Pitch")
    assert [t.id for t in script.turns] == ["a", "b"]
    text = demo.dumps(script)
    assert json.loads(text.splitlines()[0]) == {
        "format": "cohere-workbench-demo",
        "version": 1,
        "title": "Pitch",
    }
    again = demo.loads(text)
    assert again.title == "Pitch"
    assert [(t.id, t.events) for t in again.turns] == [(t.id, t.events) for t in script.turns]


def test_a_script_needs_a_chat_turn() -> None:
    with pytest.raises(InputError, match="chat turn"):
        demo.script_of([_turn("r", 1.0, "rerank")])


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        (['{"format": "cohere-workbench-runs", "version": 1}'], "line 1"),
        (['{"format": "cohere-workbench-demo", "version": 1}'], "no turns"),
        (
            [
                '{"format": "cohere-workbench-demo", "version": 1}',
                '{"id": "x", "created": 1, "kind": "rerank"}',
            ],
            "line 2: field 'kind'",
        ),
        (
            ['{"format": "cohere-workbench-demo", "version": 1}', '{"id": "x", "kind": "chat"}'],
            "line 2: field 'created'",
        ),
    ],
)
def test_a_bad_script_names_the_line_or_field(lines: list[str], where: str) -> None:
    with pytest.raises(InputError, match=where):
        demo.loads("\n".join(lines) + "\n")


def test_steps_go_forward_and_back_to_where_the_conversation_was() -> None:
    steps = demo.DemoSteps(demo.script_of([_turn("a", 1.0), _turn("b", 2.0)]))
    assert (steps.has_previous(), steps.has_next()) == (False, True)
    assert steps.forward(0).id == "a"
    assert steps.forward(3).id == "b"  # the presenter typed a turn of their own in between
    assert (steps.played, steps.has_next()) == (2, False)
    assert steps.back() == 3
    assert steps.back() == 0
    assert not steps.has_previous()


def test_a_step_back_says_what_it_keeps_before_it_is_taken() -> None:
    steps = demo.DemoSteps(demo.script_of([_turn("a", 1.0), _turn("b", 2.0)]))
    steps.forward(3)
    steps.forward(5)
    assert steps.back_keeps() == 5
    assert steps.played == 2  # asked, not taken
    assert steps.back() == 5
    assert steps.back_keeps() == 3

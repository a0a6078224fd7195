"""Whether a stored chat turn can be replayed, said in words before it starts."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.api.errors import InputError
from workbench.core.runs.replay import request_of
from workbench.core.runs.store import RunRecord


def _turn(inputs: dict[str, Any], flavour: str = "cohere-v2") -> RunRecord:
    return RunRecord(id="t", created=1.7e9, kind="chat", flavour=flavour, inputs=inputs)


def test_the_stored_request_is_given_back() -> None:
    assert request_of(_turn({"request": {"message": "hi"}})).message == "hi"


@pytest.mark.parametrize(
    ("record", "says"),
    [
        (_turn({}), "recorded without its request"),
        (_turn({"request": {"message": 5}}), "not a chat request (message: "),
        (_turn({"request": {"message": "hi"}}, ""), "recorded without its flavour"),
        (_turn({"request": {"message": "hi"}}, "cohere_v9"), "flavour cohere_v9 is unknown"),
    ],
)
def test_a_turn_that_cannot_be_replayed_says_why(record: RunRecord, says: str) -> None:
    with pytest.raises(InputError, match=says.replace("(", r"\(")):
        request_of(record)

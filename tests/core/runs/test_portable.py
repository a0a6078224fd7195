"""Portable run files: a run that would break the History pane later is refused at import."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workbench.api.errors import InputError
from workbench.core.runs import portable

HEADER = json.dumps({"format": "cohere-workbench-runs", "version": 1})


def _file(**fields: Any) -> str:
    run = {"id": "a", "created": 1.7e9, "kind": "chat", "flavour": "cohere-v2", **fields}
    return f"{HEADER}\n{json.dumps(run)}\n"


def test_a_good_run_reads_back() -> None:
    [record] = portable.loads(_file(inputs={"request": {"message": "hi"}}))
    assert (record.kind, record.flavour) == ("chat", "cohere-v2")


@pytest.mark.parametrize("flavour", ["", "cohere_v9"])
def test_a_chat_turn_without_a_known_flavour_is_refused_naming_line_and_field(
    flavour: str,
) -> None:
    with pytest.raises(InputError) as caught:
        portable.loads(_file(flavour=flavour))
    assert caught.value.where == "line 2"
    assert "field 'flavour' must be one of cohere-v1, cohere-v2, openai" in str(caught.value)


def test_a_chat_turn_with_no_flavour_field_is_refused() -> None:
    run = {"id": "a", "created": 1.7e9, "kind": "chat"}
    with pytest.raises(InputError, match="line 2: field 'flavour'"):
        portable.loads(f"{HEADER}\n{json.dumps(run)}\n")


def test_a_rerank_run_needs_no_flavour() -> None:
    [record] = portable.loads(_file(kind="rerank", flavour=""))
    assert record.kind == "rerank"

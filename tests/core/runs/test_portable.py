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


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("status", 10**20, "field 'status' must be from 100 to 599"),
        ("status", 42, "field 'status' must be from 100 to 599"),
        ("created", 1e300, "field 'created' must be seconds since 1970"),
        ("created", -1e20, "field 'created' must be seconds since 1970"),
        ("t_first", 1e300, "field 't_first' must be from 0 to 31,536,000"),
        ("t_last", -1, "field 't_last' must be from 0 to 31,536,000"),
        ("cost", -0.5, "field 'cost' must be from 0 to 2,147,483,647"),
        ("group_size", 2**63, "field 'group_size' must be from 0 to 2,147,483,647"),
        ("group_part", -1, "field 'group_part' must be from 0 to 2,147,483,647"),
        ("events", [{"t": 1e300, "data": "{}"}], "field events[1].t must be from 0"),
        ("events", [{"t": "nan", "data": "{}"}], "field events[1].t must be from 0"),
    ],
)
def test_a_number_out_of_range_is_refused_naming_line_and_field(
    field: str, value: Any, says: str
) -> None:
    """Such numbers overflowed SQLite's INTEGER on import, or every date shown after it."""
    with pytest.raises(InputError) as caught:
        portable.loads(_file(**{field: value}))
    assert caught.value.where == "line 2"
    assert says in str(caught.value)


def test_numbers_in_range_are_kept() -> None:
    [record] = portable.loads(
        _file(status=200, created=0, t_first=0.5, cost=0.0, group_part=1, group_size=2)
    )
    assert (record.status, record.created, record.group_size) == (200, 0, 2)


def test_a_run_of_unknown_kind_is_refused_naming_line_and_field() -> None:
    with pytest.raises(InputError) as caught:
        portable.loads(_file(kind="banana"))
    assert caught.value.where == "line 2"
    assert "field 'kind' must be one of chat, rerank" in str(caught.value)

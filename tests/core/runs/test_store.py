"""The run store and writer: recorded through the real client against the sandbox, searched, edited."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from typing import TYPE_CHECKING

import pytest

from tests.conftest import HEX_KEY_WITH_DIGITS, SANDBOX_TEST_KEY
from workbench.api import ChatRequest, Connection, Flavour, WorkbenchClient
from workbench.api.redact import forget_secrets, register_secret
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.api.wiretap import tapping
from workbench.core.runs.database import data_dir
from workbench.core.runs.history import History, chat_start, finish_chat
from workbench.core.runs.replay import ReplayClient, fold
from workbench.core.runs.schema import MIGRATIONS, SCHEMA_VERSION
from workbench.core.runs.search import RunFilter
from workbench.core.runs.store import RunRecord, RunStore
from workbench.core.runs.tap import RunStart

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.sandbox.runner import RunningSandbox


def _connection(sandbox: RunningSandbox, flavour: Flavour = Flavour.COHERE_V2) -> Connection:
    return Connection(
        base_url=sandbox.base_url, flavour=flavour, model="command-r", api_key=SANDBOX_TEST_KEY
    )


async def _turn(history: History, connection: Connection, message: str) -> str:
    request = ChatRequest(message=message)
    run = history.begin(chat_start(connection, request, endpoint="Sandbox", source="test"))
    async with WorkbenchClient(connection) as client:
        snap = ChatSnapshot()
        with tapping(run):
            async for event in client.chat_stream(request):
                snap = accumulate(snap, event)
    finish_chat(run, snap, None)
    return run.id


def test_a_streamed_turn_is_recorded_with_events_and_no_key(sandbox: RunningSandbox) -> None:
    history = History()
    run_id = asyncio.run(_turn(history, _connection(sandbox), "Which plan has SSO?"))
    history.close()
    store = RunStore.default()
    record = store.get(run_id[:6])
    assert record is not None
    assert record.outcome == "ok"
    assert record.status == 200
    assert record.endpoint == "Sandbox"
    assert record.flavour == "cohere-v2"
    assert record.events
    assert all(b.t >= a.t for a, b in zip(record.events, record.events[1:], strict=False))
    assert record.answer == fold(record).text
    assert "SSO" in record.answer
    assert record.t_headers is not None
    assert record.t_first is not None
    assert record.usage
    assert record.request_headers["authorization"] == "[redacted]"
    store.close()
    assert SANDBOX_TEST_KEY.encode() not in (data_dir() / "runs.sqlite3").read_bytes()


def test_search_filters_and_annotations(sandbox: RunningSandbox) -> None:
    history = History()
    first = asyncio.run(_turn(history, _connection(sandbox), "lentil soup recipe"))
    asyncio.run(_turn(history, _connection(sandbox, Flavour.OPENAI), "weather in Lisbon"))
    history.close()
    store = RunStore.default()
    assert [r.id for r in store.find(RunFilter(search="lent"))] == [first]
    assert [r.query for r in store.find(RunFilter(kind="chat"))] == [
        "weather in Lisbon",
        "lentil soup recipe",
    ]
    assert store.find(RunFilter(kind="rerank")) == []
    assert store.find(RunFilter(search="nothing-like-this")) == []
    store.annotate(first, pinned=True, label="demo", note="tasty ravioli")
    assert store.find()[0].id == first  # pinned first
    assert [r.id for r in store.find(RunFilter(search="ravioli"))] == [first]
    assert store.endpoints() == ["Sandbox"]
    store.delete([first])
    assert store.count() == 1
    store.close()


def test_delete_all_leaves_no_trace_in_the_file(sandbox: RunningSandbox) -> None:
    history = History()
    asyncio.run(_turn(history, _connection(sandbox), "zanzibar-marker question"))
    history.close()
    store = RunStore.default()
    store.delete_all()
    assert store.count() == 0
    store.close()
    for path in data_dir().iterdir():
        assert b"zanzibar-marker" not in path.read_bytes()


def test_a_corrupt_database_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    store = RunStore(path)
    assert store.notice is not None
    assert "could not be read" in str(store.notice)
    assert store.count() == 0
    kept = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"this is not")
    store.close()


def test_a_database_from_a_newer_version_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    store = RunStore(path)
    assert store.notice is not None
    assert "newer version" in str(store.notice)
    assert store.count() == 0
    store.close()


def test_a_run_that_fails_before_sending_is_still_recorded() -> None:
    history = History()
    run = history.begin(RunStart(kind="rerank", query="q"))
    run.finish("failed", error="no route")
    history.close()
    store = RunStore.default()
    [record] = store.find()
    assert (record.outcome, record.error) == ("failed", "no route")
    store.close()


@pytest.mark.parametrize("secret_header", ["Authorization", "api-key"])
def test_keys_are_redacted_in_every_stored_string(secret_header: str) -> None:
    history = History()
    run = history.begin(RunStart(kind="chat", query="q"))
    run.request("POST", "http://h/v2/chat", {secret_header: "Bearer sk-live-123456"}, b"{}")
    run.frame('{"echo": "Authorization: Bearer sk-live-123456"}', None)
    run.finish("ok")
    history.close()
    store = RunStore.default()
    [record] = store.find()
    full = store.get(record.id)
    assert full is not None
    assert "sk-live-123456" not in repr(full)
    store.close()


def test_a_number_holding_8_digits_of_a_key_leaves_every_stored_json_readable() -> None:
    """A hex key with a run of 8 digits, and a seed and a score with the same digits: masked as
    text they became `[redacted]` inside a number, and listing the history failed."""
    key = HEX_KEY_WITH_DIGITS
    register_secret(key)
    try:
        history = History()
        run = history.begin(RunStart(kind="chat", query="q", inputs={"seed": 20481377}))
        body = json.dumps({"seed": 20481377, "message": f"key {key}"})
        run.request("POST", "http://h/v2/chat", {"api-key": key}, body.encode())
        run.frame('{"type": "content-delta", "score": 0.204813775}', "content-delta")
        run.finish("ok", usage={"billed_units": {"input_tokens": 20481377}})
        history.close()
        store = RunStore.default()
        [listed] = store.find()
        record = store.get(listed.id)
        store.add([RunRecord(**{**vars(record), "id": "copy"})])  # as an import stores one
        copy = store.get("copy")
        store.close()
    finally:
        forget_secrets()
    for stored in (record, copy):
        assert stored is not None
        assert stored.inputs == {"seed": 20481377}
        assert stored.usage == {"billed_units": {"input_tokens": 20481377}}
        assert json.loads(stored.request_body) == {"seed": 20481377, "message": "key [redacted]"}
        assert json.loads(stored.events[0].data)["score"] == 0.204813775
        assert key[:8] not in repr(stored)


def test_a_short_secret_that_is_a_key_name_leaves_the_stored_run_whole() -> None:
    """A proxy password "seed": masked as text, every stored key "seed" went with it."""
    register_secret("seed")
    try:
        history = History()
        run = history.begin(RunStart(kind="chat", query="q", inputs={"seed": 7, "t": "a seed"}))
        run.request("POST", "http://h/v2/chat", {}, json.dumps({"seed": 7}).encode())
        run.finish("ok")
        history.close()
        store = RunStore.default()
        [listed] = store.find()
        record = store.get(listed.id)
        store.close()
    finally:
        forget_secrets()
    assert record is not None
    assert record.inputs == {"seed": 7, "t": "a [redacted]"}
    assert json.loads(record.request_body) == {"seed": 7}


def test_a_replay_streams_the_stored_turn_without_the_network(sandbox: RunningSandbox) -> None:
    history = History()
    run_id = asyncio.run(_turn(history, _connection(sandbox), "Which plan has SSO?"))
    history.close()
    store = RunStore.default()
    record = store.get(run_id)
    store.close()
    assert record is not None

    async def play() -> ChatSnapshot:
        snap = ChatSnapshot()
        async for event in ReplayClient(record, speed=0).chat_stream(ChatRequest(message="x")):
            snap = accumulate(snap, event)
        return snap

    snap = asyncio.run(play())
    assert snap.text == record.answer
    assert snap.done


def test_a_version_1_database_is_migrated_and_keeps_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[1])
    db.execute("INSERT INTO runs (id, created, kind, query) VALUES ('old', 1.0, 'chat', 'hello')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    store = RunStore(path)
    assert store.notice is None
    [record] = store.find(RunFilter(grouped=True))
    assert (record.id, record.query, record.group_id, record.group_part) == ("old", "hello", "", 0)
    assert [m.id for m in store.members(record)] == ["old"]
    store.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_group_is_one_entry_with_its_worst_outcome() -> None:
    history = History()
    for part, outcome in ((1, "ok"), (2, "error"), (3, "ok")):
        run = history.begin(RunStart(kind="rerank", query="q", group_id="g", group_part=part))
        run.finish(outcome)
    alone = history.begin(RunStart(kind="rerank", query="alone"))
    alone.finish("ok")
    history.close()
    store = RunStore.default()
    assert len(store.find()) == 4
    entries = store.find(RunFilter(grouped=True))
    assert [(e.query, e.outcome) for e in entries] == [("alone", "ok"), ("q", "error")]
    assert [m.group_part for m in store.members(entries[1])] == [1, 2, 3]
    store.close()


def test_a_search_lists_pinned_then_newest_whatever_order_runs_were_stored(
    tmp_path: Path,
) -> None:
    # Imported runs arrive out of time order, so the search must not lean on the row order.
    store = RunStore(tmp_path / "runs.sqlite3")
    created = [(i * 7919) % 601 for i in range(600)]  # distinct times, shuffled
    store.add(
        [
            RunRecord(
                id=f"{i:06x}",
                created=1_700_000_000 + created[i],
                kind="chat",
                query="lentil soup" if i % 2 else "plain rice",
                request_headers={"x-run": str(i)} if i % 3 else {},
            )
            for i in range(600)
        ]
    )
    store.annotate(f"{4:06x}", pinned=True, note="lentil, kept")
    found = store.find(RunFilter(search="lent", limit=200))
    matching = [r for r in store.find(RunFilter(limit=600)) if "lentil" in r.query + r.note]
    assert len(matching) == 301
    assert [r.id for r in found] == [r.id for r in matching[:200]]
    assert found[0].id == f"{4:06x}"
    assert found[0].pinned
    assert [r.created for r in found[1:]] == sorted((r.created for r in found[1:]), reverse=True)
    assert {r.id: r.request_headers for r in found} == {
        r.id: ({"x-run": str(int(r.id, 16))} if int(r.id, 16) % 3 else {}) for r in found
    }
    store.close()


@pytest.mark.parametrize("below", [False, True])
def test_a_data_folder_that_is_a_file_is_named_as_such(tmp_path: Path, below: bool) -> None:
    """The OS's "File exists" (or "Not a directory") did not say what was wrong."""
    from workbench.core.runs.database import unopened_reason

    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = blocker / "inner" if below else blocker
    with pytest.raises(OSError, match="file") as caught:
        RunStore(folder / "runs.sqlite3")
    assert unopened_reason(caught.value) == "'data' is a file, not a folder"

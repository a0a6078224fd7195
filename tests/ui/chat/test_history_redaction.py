"""The history file is redacted a turn at a time (issue 15): exactly what one pass would mask."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import HEX_KEY_WITH_DIGITS
from workbench.api.redact import (
    FRAGMENT,
    REDACTED,
    forget_secrets,
    masking_state,
    redact_secrets,
    register_secret,
)
from workbench.api.redact_hosts import forget_hosts, register_host, set_demo_mode
from workbench.core.chat_session import Measured, Reply, Turn
from workbench.core.saved_chat import SavedChat, load_chat, write_redacted
from workbench.ui.chat.history_file import HistoryDumper, write_whole

if TYPE_CHECKING:
    from pathlib import Path

KEY = "sk-live-0123456789abcdef"
# Pieces of text a mask is made of, and of the borders between turns in the file.
TOKENS = [
    "authorization",
    "Api-Key",
    "x-api-key",
    ": ",
    "=",
    "'",
    '"',
    "Bearer ",
    "https://",
    "user:",
    "pa55word",
    "@",
    "host.example.com",
    KEY,
    KEY[:12],
    KEY[12:],
    "}",
    "]",
    "{",
    ",",
    "\n",
    " ",
    "\u212a",
    "é",
]
texts = st.lists(st.sampled_from(TOKENS) | st.text(max_size=3), max_size=12).map("".join)
# Some reach across the borders between the file's pieces: the whole must be redacted then.
ACROSS = ['false},\n    {"user"', ',\n  "turns"', "}\n  ]\n}", "e},\n"]
secrets = st.sampled_from([KEY, "pa55word", "tok-9876", "a b c d", *ACROSS]) | st.text(
    min_size=4, max_size=12
)


def _chat(pairs: list[tuple[str, str]], preamble: str) -> SavedChat:
    turns = [Turn(user=user, reply=Reply(text=answer)) for user, answer in pairs]
    return SavedChat(preamble=preamble, turns=turns, extras={"documents": preamble})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pairs=st.lists(st.tuples(texts, texts), max_size=4),
    preamble=texts,
    registered=st.lists(secrets, max_size=3),
    hosts=st.lists(st.sampled_from(["host.example.com", "[::1]:8080", "a b.example"]), max_size=2),
    demo=st.booleans(),
    later=secrets,
)
def test_turns_redacted_apart_mask_exactly_what_one_pass_masks(
    pairs: list[tuple[str, str]],
    preamble: str,
    registered: list[str],
    hosts: list[str],
    demo: bool,
    later: str,
) -> None:
    """Secrets, header values, URL passwords and demo hosts anywhere, a key split across two
    turns, and a secret registered after the turns were kept redacted: the joined pieces are
    JSON, and `redact_secrets` of the whole file (hosts kept, demo mode or not) wherever that
    is JSON left with nothing to mask in its strings; where a secret could reach across the
    borders between pieces (it holds white space or a comma), the dumper says so and the whole
    is redacted instead."""
    try:
        for value in registered:
            register_secret(value)
        for host in hosts:
            register_host(f"https://{host}/v2")
        set_demo_mode(demo)
        dumper = HistoryDumper()
        chat = _chat(pairs, preamble)
        for _ in range(2):  # the second time with what was kept, then with a new secret
            pieces = dumper.redacted(chat)
            whole = redact_secrets(dumper.dump(chat))
            if pieces is None:
                assert any(c.isspace() or c == "," for s in registered for c in s)
            else:
                joined = "".join(pieces)
                json.loads(joined)
                if _masked_json(whole) and not _short_secret_in_a_key(dumper.dump(chat)):
                    assert joined == whole
            register_secret(later)
            registered.append(later)
    finally:
        forget_secrets()
        forget_hosts()
        set_demo_mode(False)


def test_a_key_in_a_turn_is_masked_in_the_file_written(tmp_path: Path) -> None:
    register_secret(KEY)
    try:
        chat = _chat([("my key is " + KEY, "echo: " + KEY[2:])], "")
        pieces = HistoryDumper().redacted(chat)
        assert pieces is not None
        path = write_redacted(pieces, tmp_path / "chat_history.json")
        text = path.read_text(encoding="utf-8")
        assert KEY[2:10] not in text
        assert text.count(REDACTED) == 2
        read = load_chat(path)
        assert [t.user for t in read.turns] == [f"my key is {REDACTED}"]
    finally:
        forget_secrets()


def test_a_number_holding_8_digits_of_a_key_leaves_a_file_that_reads_back(
    tmp_path: Path,
) -> None:
    """A hex key with a run of 8 digits, and a turn's latency with the same 8 digits: masking
    the text whole made `0.[redacted]`, and the next start lost the whole history."""
    key = HEX_KEY_WITH_DIGITS
    latency = float("1234.204813775")
    register_secret(key)
    try:
        turn = Turn(
            user=f"my key is {key}",
            reply=Reply(text="ok", measured=Measured(metrics={"latency_ms": latency})),
        )
        for read in _written_and_read_back(SavedChat(preamble="", turns=[turn]), tmp_path):
            assert [t.user for t in read.turns] == [f"my key is {REDACTED}"]
            measured = read.turns[0].reply.measured if read.turns[0].reply else None
            assert measured is not None
            assert measured.metrics == {"latency_ms": latency}
    finally:
        forget_secrets()


def test_a_short_secret_that_is_a_key_name_leaves_a_file_that_reads_back(
    tmp_path: Path,
) -> None:
    """Proxy passwords "turns" and "user": masked as text, the file's own keys went with them,
    and the next start lost the whole history."""
    register_secret("turns")
    register_secret("user")
    try:
        chat = _chat([("ask the user about turns", "ok")], "")
        for read in _written_and_read_back(chat, tmp_path):
            assert [t.user for t in read.turns] == [f"ask the {REDACTED} about {REDACTED}"]
    finally:
        forget_secrets()


def _written_and_read_back(chat: SavedChat, tmp_path: Path) -> list[SavedChat]:
    """`chat` written as the app writes it, in redacted pieces and redacted whole, and read."""
    dumper = HistoryDumper()
    pieces = dumper.redacted(chat)
    assert pieces is not None
    paths = (
        write_redacted(pieces, tmp_path / "pieces.json"),
        write_whole(dumper.dump(chat), tmp_path / "whole.json"),
    )
    return [load_chat(path) for path in paths]


def _short_secret_in_a_key(text: str) -> bool:
    """Whether a key of the JSON `text` holds a registered secret under 8 characters (kept
    there: `mask_key`)."""
    short = [s for s in masking_state()[0] if len(s) < FRAGMENT]
    pending: list[Any] = [json.loads(text)]
    keys: list[str] = []
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            keys += item
            pending += item.values()
        elif isinstance(item, list):
            pending += item
    return any(s in key for key in keys for s in short)


def _masked_json(text: str) -> bool:
    """Whether `text` is JSON in which no string has anything left to mask."""
    try:
        value = json.loads(text)
    except ValueError:
        return False
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending += [*item, *item.values()]
        elif isinstance(item, list):
            pending += item
        elif isinstance(item, str) and redact_secrets(item) != item:
            return False
    return True

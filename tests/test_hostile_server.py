"""A hostile server on loopback: bad types, huge frames, split surrogates, deep JSON, bad bodies.

Each answer must reach the person as one clear ProtocolError naming the event and the field, never
a traceback: through the client, and through the command line (exit 4, one line on stderr).
"""

from __future__ import annotations

import asyncio
import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.hostile_server import Answer, HostileServer, running
from tests.waits import WAIT_S
from workbench.api import (
    ChatRequest,
    ChatSnapshot,
    Connection,
    Flavour,
    ProtocolError,
    RerankRequest,
    WorkbenchClient,
    accumulate,
    framing,
)
from workbench.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator

REPO = Path(__file__).resolve().parents[1]
KEY = "hostile-test-key"


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileServer]:
    """The hostile server for this module."""
    yield from running()


def _sse(*data: str) -> bytes:
    return "".join(f"data: {d}\n\n" for d in data).encode()


V2_START = '{"type": "message-start", "id": "m"}'
V2_END = '{"type": "message-end", "delta": {"finish_reason": "COMPLETE"}}'


def _v2_text(text_json: str) -> str:
    """A v2 content-delta whose `text` is the given JSON text (so it can hold raw escapes)."""
    head = '{"type": "content-delta", "index": 0, "delta": {"message": {"content": {"text": '
    return head + text_json + "}}}}"


BAD_STREAMS: dict[str, tuple[Flavour, bytes, str]] = {
    "citation-start-text": (
        Flavour.COHERE_V2,
        _sse(
            V2_START,
            '{"type": "citation-start", "index": 0, "delta": {"message": {"citations": {"start": "abc", "end": 3, "text": "x"}}}}',
        ),
        "event 2 (byte 44), delta.message.citations.start",
    ),
    "tool-index-text": (
        Flavour.OPENAI,
        _sse(
            '{"choices": [{"delta": {"tool_calls": [{"index": "zero", "function": {"name": "f"}}]}}]}'
        ),
        "event 1 (byte 0), choices[0].delta.tool_calls[0].index",
    ),
    "token-count-huge": (
        Flavour.COHERE_V1,
        b'{"event_type": "stream-start"}\n'
        b'{"event_type": "stream-end", "finish_reason": "COMPLETE", "response": {"meta": {"tokens": {"output_tokens": 1e999}}}}\n',
        "event 2 (byte 31), response.meta.tokens.output_tokens",
    ),
    "query-not-text": (
        Flavour.COHERE_V1,
        b'{"event_type": "search-queries-generation", "search_queries": [{"text": {"q": 1}}]}\n',
        "event 1 (byte 0), search_queries[0].text",
    ),
    "deep-event": (
        Flavour.COHERE_V2,
        _sse(V2_START, "[" * 100_000 + "]" * 100_000),
        "event 2 (byte 44)",
    ),
    "not-utf8": (Flavour.COHERE_V2, _sse(V2_START) + b'data: {"x": "\xff"}\n\n', "byte 57"),
}


def _connection(url: str, flavour: Flavour) -> Connection:
    return Connection.model_validate(
        {"base_url": url, "flavour": flavour, "model": "m", "api_key": KEY, "timeout_s": 30.0}
    )


async def _stream(url: str, flavour: Flavour) -> tuple[ChatSnapshot, ProtocolError | None]:
    snap = ChatSnapshot()
    async with WorkbenchClient(_connection(url, flavour)) as client:
        try:
            async for event in client.chat_stream(ChatRequest(message="hi")):
                snap = accumulate(snap, event)
        except ProtocolError as exc:
            return snap, exc
    return snap, None


@pytest.mark.parametrize("name", sorted(BAD_STREAMS))
def test_client_turns_a_hostile_stream_into_a_protocol_error(
    hostile: HostileServer, name: str
) -> None:
    flavour, body, where = BAD_STREAMS[name]
    url = hostile.script(name, Answer.in_pieces(body, 4096))
    _snap, error = asyncio.run(_stream(url, flavour))
    assert error is not None
    assert error.where == where
    assert error.route.endswith("/chat") or error.route.endswith("/chat/completions")


def _chat_argv(url: str, flavour: Flavour, *extra: str) -> list[str]:
    return ["chat", "--url", url, "--flavour", flavour.value, "--key-env", "HOSTILE_KEY",
            "--model", "m", "--message", "hi", *extra]  # fmt: skip


@pytest.mark.parametrize("name", sorted(BAD_STREAMS))
def test_cli_exits_4_with_one_clear_line(
    hostile: HostileServer,
    name: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOSTILE_KEY", KEY)
    flavour, body, where = BAD_STREAMS[name]
    url = hostile.script(name, Answer.in_pieces(body, 4096))
    status = main(_chat_argv(url, flavour, "--stream"))
    _out, err = capsys.readouterr()
    assert status == 4
    assert err.startswith(f"workbench: Unexpected answer from the server · at {where}")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_cli_in_a_real_process_prints_no_traceback(hostile: HostileServer) -> None:
    flavour, body, where = BAD_STREAMS["citation-start-text"]
    url = hostile.script("subprocess", Answer.whole(body))
    env = {**os.environ, "HOSTILE_KEY": KEY}
    argv = [sys.executable, "-m", "workbench", *_chat_argv(url, flavour, "--stream")]
    result = subprocess.run(
        argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=2 * WAIT_S, check=False
    )
    assert result.returncode == 4
    assert result.stderr.startswith(f"workbench: Unexpected answer from the server · at {where}")
    assert "Traceback" not in result.stderr


def test_a_line_past_the_limit_is_a_protocol_error(
    hostile: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(framing, "MAX_LINE_BYTES", 1024 * 1024)
    body = _sse(V2_START, _v2_text(json.dumps("x" * 2 * 1024 * 1024)), V2_END)
    url = hostile.script("too-long", Answer.in_pieces(body, 4096))
    _snap, error = asyncio.run(_stream(url, Flavour.COHERE_V2))
    assert error is not None
    assert "longer than 1,048,576 bytes" in error.server_message


def test_an_8_mb_line_in_4_kb_pieces_arrives_whole(hostile: HostileServer) -> None:
    text = "lorem ipsum " * (8 * 1024 * 1024 // 12)
    body = _sse(V2_START, _v2_text(json.dumps(text)), V2_END)
    url = hostile.script("eight-mb", Answer.in_pieces(body, 4096))
    snap, error = asyncio.run(_stream(url, Flavour.COHERE_V2))
    assert (error, len(snap.text), snap.done) == (None, len(text), True)


SPLIT = _sse(V2_START, _v2_text('"Party \\ud83c"'), _v2_text('"\\udf89 on \\udc00"'), V2_END)


def test_an_emoji_split_across_two_deltas_is_joined(hostile: HostileServer) -> None:
    url = hostile.script("split-surrogates", Answer.in_pieces(SPLIT, 7))
    snap, error = asyncio.run(_stream(url, Flavour.COHERE_V2))
    assert (error, snap.text) == (None, "Party 🎉 on \ufffd")


def test_cli_prints_split_surrogates_joined(
    hostile: HostileServer,
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOSTILE_KEY", KEY)
    url = hostile.script("split-cli", Answer.in_pieces(SPLIT, 7))
    status = main(_chat_argv(url, Flavour.COHERE_V2, "--stream", "--json"))
    out, _err = capsysbinary.readouterr()
    assert status == 0
    assert json.loads(out)["text"] == "Party 🎉 on \ufffd"


ANSWERS: dict[str, tuple[Flavour, bytes, str]] = {
    "deep-answer": (Flavour.COHERE_V2, b"[" * 100_000 + b"]" * 100_000, "nested deeper"),
    "citation-in-answer": (
        Flavour.COHERE_V2,
        json.dumps({"message": {"citations": [{"start": [], "end": 1, "text": "x"}]}}).encode(),
        "message.citations[0].start",
    ),
    "usage-in-answer": (
        Flavour.OPENAI,
        b'{"choices": [{"message": {"content": "hi"}}], "usage": {"prompt_tokens": 1e999}}',
        "usage.prompt_tokens",
    ),
}


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_non_streamed_hostile_answers(
    hostile: HostileServer,
    name: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOSTILE_KEY", KEY)
    flavour, body, expected = ANSWERS[name]
    url = hostile.script(name, Answer.whole(body, content_type="application/json"))
    status = main(_chat_argv(url, flavour))
    _out, err = capsys.readouterr()
    assert status == 4
    assert err.startswith("workbench: Unexpected answer from the server · at ")
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("flavour", "body", "message"),
    [
        (
            Flavour.COHERE_V1,
            {"text": "Par", "finish_reason": "ERROR_TOXIC"},
            "generation failed (ERROR_TOXIC)",
        ),
        (
            Flavour.COHERE_V2,
            {"message": {"content": []}, "finish_reason": "ERROR_LIMIT"},
            "generation failed (ERROR_LIMIT)",
        ),
        (
            Flavour.OPENAI,
            {"choices": [{"message": {"content": "Pa"}, "finish_reason": "content_filter"}]},
            "content filter",
        ),
    ],
)
def test_cli_says_when_a_non_streamed_answer_reports_a_failure(
    hostile: HostileServer,
    flavour: Flavour,
    body: dict[str, Any],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOSTILE_KEY", KEY)
    url = hostile.script(f"failure-{flavour.value}", Answer.whole(json.dumps(body).encode()))
    status = main(_chat_argv(url, flavour))
    _out, err = capsys.readouterr()
    assert status == 3
    assert err.startswith("workbench: the answer reported a failure: ")
    assert message in err


@pytest.mark.parametrize(
    ("result", "where"),
    [
        ({"index": 0, "relevance_score": "high"}, "results[0].relevance_score"),
        ({"index": 7, "relevance_score": 0.5}, "results[0].index"),
    ],
)
def test_rerank_with_hostile_results(
    hostile: HostileServer, result: dict[str, Any], where: str
) -> None:
    url = hostile.script(
        f"rerank-{where}", Answer.whole(json.dumps({"results": [result]}).encode())
    )

    async def go() -> None:
        async with WorkbenchClient(_connection(url, Flavour.COHERE_V2)) as client:
            await client.rerank(RerankRequest(query="q", documents=["a", "b"]))

    with pytest.raises(ProtocolError) as caught:
        asyncio.run(go())
    assert caught.value.where == where
    assert caught.value.route.endswith("/v2/rerank")


# An answer that would write "evil" to the clipboard (OSC 52), retitle the window, clear the
# screen and show "DEPLOY TON" for "NOT YOLPED" (a right-to-left override, which a terminal with
# bidi support obeys): a terminal obeys them all. The implicit right-to-left mark that Hebrew and
# Arabic text use passes.
TERMINAL_TRICKS = (
    "Hi\x1b]52;c;ZXZpbA==\x07 there\x1b]0;owned\x07\x1b[2J! \u202eNOT YOLPED\u202c \u05d0\u200f"
)
ESCAPED_TRICKS = "Hi\\x1b]52;c;ZXZpbA==\\x07 there\\x1b]0;owned\\x07\\x1b[2J! \\u202eNOT YOLPED\\u202c \u05d0\u200f"


def _tricks_argv(hostile: HostileServer) -> list[str]:
    body = _sse(V2_START, _v2_text(json.dumps(TERMINAL_TRICKS)), V2_END)
    url = hostile.script("terminal-tricks", Answer.whole(body))
    return [sys.executable, "-m", "workbench", *_chat_argv(url, Flavour.COHERE_V2, "--stream")]


def _read_all(fd: int) -> bytes:
    """What a pseudo-terminal's reader gets until the writer's side is closed."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: every writer is gone
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_escape_sequences_from_a_server_are_shown_not_obeyed_on_a_terminal(
    hostile: HostileServer,
) -> None:
    reader, writer = pty.openpty()
    env = {**os.environ, "HOSTILE_KEY": KEY}
    with subprocess.Popen(
        _tricks_argv(hostile), cwd=REPO, env=env, stdout=writer, stderr=subprocess.PIPE
    ) as child:
        os.close(writer)
        shown = _read_all(reader).decode()
        _, err = child.communicate(timeout=WAIT_S)
    os.close(reader)
    assert child.returncode == 0, err
    assert ESCAPED_TRICKS in shown
    assert "\x1b" not in shown
    assert "\x07" not in shown
    assert "\u202e" not in shown


def test_a_carriage_return_cannot_overwrite_an_answer_on_a_terminal(
    hostile: HostileServer,
) -> None:
    """A lone carriage return sent the cursor back, and the next words overwrote the shown ones:
    "Result: UNSAFE, do not deploy" read "Result: SAFE   , do not deploy". Split across two
    events, as a server may split them; a CRLF still ends a line."""
    pieces = ["Result: UNSAFE, do not deploy\r", "Result: SAFE   \r\nDone."]
    body = _sse(V2_START, *(_v2_text(json.dumps(p)) for p in pieces), V2_END)
    url = hostile.script("carriage-return", Answer.whole(body))
    argv = [sys.executable, "-m", "workbench", *_chat_argv(url, Flavour.COHERE_V2, "--stream")]
    reader, writer = pty.openpty()
    env = {**os.environ, "HOSTILE_KEY": KEY}
    with subprocess.Popen(argv, cwd=REPO, env=env, stdout=writer, stderr=subprocess.PIPE) as child:
        os.close(writer)
        shown = _read_all(reader).decode()
        _, err = child.communicate(timeout=WAIT_S)
    os.close(reader)
    assert child.returncode == 0, err
    # The pty writes each line feed as CRLF (onlcr), so the answer's own CRLF reads CR CR LF.
    assert "UNSAFE, do not deploy\\x0dResult: SAFE   \r\r\nDone." in shown
    assert "\r" not in shown.replace("\r\r\n", "\n").replace("\r\n", "\n")


def test_escape_sequences_go_into_a_pipe_as_they_came(hostile: HostileServer) -> None:
    env = {**os.environ, "HOSTILE_KEY": KEY}
    result = subprocess.run(
        _tricks_argv(hostile), cwd=REPO, env=env, capture_output=True, text=True,
        timeout=2 * WAIT_S, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert TERMINAL_TRICKS in result.stdout

"""`workbench history …` and `replay` against the sandbox: recording, export as code, kill -9."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.conftest import HEX_KEY_WITH_DIGITS, SANDBOX_TEST_KEY
from tests.folders import unmakeable
from tests.hostile_server import Answer, HostileServer
from tests.waits import WAIT_S
from workbench.api.redact import forget_secrets, register_secret
from workbench.cli import main
from workbench.core.runs import database as database_module
from workbench.core.runs import writer as writer_module
from workbench.core.runs.aside import aside_files
from workbench.core.runs.database import data_dir
from workbench.core.runs.replay import CUT_OFF, fold
from workbench.core.runs.search import RunFilter
from workbench.core.runs.store import RunStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.processes import Child, Processes
    from workbench.sandbox.runner import RunningSandbox


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)
    forget_secrets()  # earlier tests' tokens would mask digits that happen to match them
    yield
    forget_secrets()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _chat(sandbox: RunningSandbox, route: str, *extra: str) -> list[str]:
    url = sandbox.base_url + route
    return [
        "chat",
        "--url",
        url,
        "--model",
        "command-r",
        "--message",
        "Which plan has SSO?",
        *extra,
    ]


def _last_id(capsys: pytest.CaptureFixture[str]) -> str:
    status, out, _ = _run(capsys, "history", "list", "--json", "--limit", "1")
    assert status == 0
    return str(json.loads(out)[0]["id"])


def test_chat_is_recorded_and_shown_unless_no_history(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, answer, _ = _run(capsys, *_chat(sandbox, "/v2/chat", "--stream"))
    assert status == 0
    run_id = _last_id(capsys)
    status, out, _ = _run(capsys, "history", "show", run_id, "--json")
    record = json.loads(out)
    assert record["outcome"] == "ok"
    assert record["answer"] == answer.splitlines()[0]
    assert record["events"]
    assert record["request_headers"]["authorization"] == "[redacted]"
    _run(capsys, *_chat(sandbox, "/v2/chat", "--no-history"))
    assert _last_id(capsys) == run_id
    status, out, _ = _run(capsys, "history", "list", "--search", "SSO")
    assert run_id in out
    status, out, _ = _run(capsys, "history", "show", run_id)
    assert "content-delta" in out
    assert " ms]" in out


def test_replay_prints_the_turn_without_the_network(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _, answer, _ = _run(capsys, *_chat(sandbox, "/v1/chat", "--stream"))
    run_id = _last_id(capsys)
    status, out, _ = _run(capsys, "replay", run_id, "--speed", "0")
    assert status == 0
    assert out.splitlines()[0] == answer.splitlines()[0]


def test_a_replay_at_any_speed_shows_the_recorded_turns_time(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """It showed the replay's own time: `--speed 10` printed a tenth of the turn's."""
    slow = ["--stream", "--header", "x-sandbox-fault: delay_ms=400"]
    _run(capsys, *_chat(sandbox, "/v2/chat", *slow))
    run_id = _last_id(capsys)
    _, shown, _ = _run(capsys, "history", "show", run_id, "--json")
    recorded = f"{json.loads(shown)['t_last'] * 1000:.0f} ms"
    for speed in ("0", "10"):
        status, out, _ = _run(capsys, "replay", run_id, "--speed", speed)
        assert status == 0
        assert recorded in out.splitlines()[-1], out


def test_a_demo_script_replays_every_turn_in_order_without_the_network(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = []
    for message in ("Which plan has SSO?", "What does it cost?"):
        argv = _chat(sandbox, "/v2/chat", "--stream")
        argv[argv.index("--message") + 1] = message
        _, answer, _ = _run(capsys, *argv)
        answers.append(_without_times(answer))
    status, out, _ = _run(capsys, "history", "list", "--json", "--limit", "2")
    ids = [row["id"] for row in json.loads(out)]
    script = tmp_path / "pitch.jsonl"
    status, out, err = _run(capsys, "history", "export-script", *ids, "--out", str(tmp_path))
    assert (status, out) == (2, "")  # a folder: said, where it was a traceback
    assert f"--out: cannot write {tmp_path}: Is a directory" in err
    assert err.count(str(tmp_path)) == 1  # the option is the place, not the path again
    status, out, _ = _run(capsys, "history", "export-script", *ids, "--out", str(script))
    assert (status, out) == (0, f"2 turn(s) written to {script}\n")
    assert SANDBOX_TEST_KEY not in script.read_text()
    script.write_text("\ufeff" + script.read_text("utf-8"), "utf-8")  # as Windows Notepad saves
    status, out, _ = _run(capsys, "replay", "--script", str(script), "--speed", "0")
    assert status == 0
    assert _without_times(out) == (
        f"[1/2] > Which plan has SSO?\n{answers[0]}[2/2] > What does it cost?\n{answers[1]}"
    )
    status, _, err = _run(capsys, "replay")
    assert status == 2
    assert "--script" in err


def test_a_failed_rerank_is_recorded_with_its_status(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = tmp_path / "docs.json"
    docs.write_text('["a", "b"]')
    argv = ["rerank", "--url", sandbox.base_url, "--model", "m", "--query", "q"]
    argv += ["--documents", str(docs)]
    status, _, _ = _run(capsys, *argv, "--header", "x-sandbox-fault: status=503")
    assert status == 3
    status, out, _ = _run(capsys, "history", "show", _last_id(capsys), "--json")
    record = json.loads(out)
    assert (record["kind"], record["status"], record["outcome"]) == ("rerank", 503, "error")
    assert record["response_body"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["replay", "ID", "--speed", "-1"], "--speed: expected a number, 0 or more, got '-1'"),
        (["replay", "ID", "--speed", "nan"], "--speed: expected a number, 0 or more"),
        (["replay", "ID", "--speed", "inf"], "--speed: expected a number, 0 or more"),
        (["history", "list", "--limit", "-1"], "--limit: expected a whole number, 1 or more"),
        (["history", "list", "--limit", "0"], "--limit: expected a whole number, 1 or more"),
    ],
)
def test_numbers_out_of_range_are_refused_naming_the_range(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (2, "")
    assert said in err


def test_a_list_limit_beyond_sqlite_integers_lists_every_run(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--limit 99999999999999999999` ended in an OverflowError traceback from SQLite."""
    assert _run(capsys, *_chat(sandbox, "/v2/chat"))[0] == 0
    status, out, err = _run(capsys, "history", "list", "--json", "--limit", "9" * 20)
    assert (status, err) == (0, "")
    assert len(json.loads(out)) == 1


def test_unknown_id_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "history", "show", "nope")
    assert status == 2
    assert "nope" in err


def test_an_id_prefix_of_several_runs_lists_them(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "no recorded run has the id … (or it is ambiguous)", naming none of them."""
    for _ in range(2):
        _run(capsys, *_chat(sandbox, "/v2/chat"))
    _, listed, _ = _run(capsys, "history", "list", "--json")
    ids = sorted(run["id"] for run in json.loads(listed))
    status, _, err = _run(capsys, "history", "show", "")  # a prefix of every id
    assert status == 2
    assert f"the id '' starts several recorded runs ({', '.join(ids)}); give more of it" in err
    assert "nope" in _run(capsys, "history", "show", "nope")[2]


def test_export_file_and_import_file_round_trip_without_keys(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _run(capsys, *_chat(sandbox, "/v2/chat", "--stream"))
    run_id = _last_id(capsys)
    out_file = tmp_path / "runs.jsonl"
    status, out, err = _run(capsys, "history", "export-file", run_id, "--out", str(tmp_path))
    assert (status, out) == (2, "")  # a folder: said, where it was a traceback
    assert f"--out: cannot write {tmp_path}: Is a directory" in err
    assert err.count(str(tmp_path)) == 1  # the option is the place, not the path again
    status, _, _ = _run(
        capsys, "history", "export-file", run_id, "--out", str(out_file), "--mask-hosts"
    )
    assert status == 0
    text = out_file.read_text()
    assert SANDBOX_TEST_KEY not in text
    assert "127.0.0.1" not in text
    out_file.write_text("\ufeff" + text, "utf-8")  # a BOM, as Windows Notepad saves
    status, out, _ = _run(capsys, "history", "import-file", str(out_file))
    assert status == 0
    new_id = out.split()[0]
    assert new_id != run_id
    _, shown, _ = _run(capsys, "history", "show", new_id, "--json")
    assert json.loads(shown)["source"] == "import"
    assert json.loads(shown)["events"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["export-file", "export-script"])
def test_an_export_lost_to_a_full_disk_exits_74_with_one_line(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """It was "Invalid input" and exit 2: the path was good, the disk full."""
    _run(capsys, *_chat(sandbox, "/v2/chat"))
    run_id = _last_id(capsys)
    full = tmp_path / "full.jsonl"
    full.symlink_to("/dev/full")
    for target in (str(full), "/dev/full"):
        status, out, err = _run(capsys, "history", command, run_id, "--out", target)
        assert (status, out) == (74, "")
        assert err == f"workbench: cannot write {target}: No space left on device\n"


def test_runs_holding_unicode_line_separators_export_and_import_whole(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """U+2028, U+2029 and U+0085 (text pasted from a PDF or a web page) are written raw in
    JSON: the reader ended a line at them, and refused the whole file."""
    message = "line\u2028sep para\u2029graph nel\x85x end"
    argv = ["chat", "--url", sandbox.base_url + "/v2/chat", "--model", "m", "--message", message]
    assert _run(capsys, *argv)[0] == 0
    out_file = tmp_path / "runs.jsonl"
    assert _run(capsys, "history", "export-file", _last_id(capsys), "--out", str(out_file))[0] == 0
    status, out, err = _run(capsys, "history", "import-file", str(out_file))
    assert (status, err) == (0, "")
    _, shown, _ = _run(capsys, "history", "show", out.split()[0], "--json")
    assert json.loads(shown)["inputs"]["request"]["message"] == message


def test_an_imported_runs_secret_headers_are_masked_as_a_recorded_runs_are(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An imported file's session token and cookies were stored, shown and exported again in
    clear: only values the redactor knows by their shape were masked."""
    _run(capsys, *_chat(sandbox, "/v2/chat"))
    out_file = tmp_path / "runs.jsonl"
    assert _run(capsys, "history", "export-file", _last_id(capsys), "--out", str(out_file))[0] == 0
    header, record = (json.loads(line) for line in out_file.read_text().splitlines())
    record["request_headers"] |= {"X-Session-Token": "tok-0451", "Cookie": "a=cookie-0452"}
    record["response_headers"] |= {"set-cookie": "cookie-0453", "x-route": "eu-1"}
    out_file.write_text(f"{json.dumps(header)}\n{json.dumps(record)}\n", "utf-8")
    status, out, _ = _run(capsys, "history", "import-file", str(out_file))
    assert status == 0
    new_id = out.split()[0]
    _, shown, _ = _run(capsys, "history", "show", new_id, "--json")
    again = tmp_path / "again.jsonl"
    assert _run(capsys, "history", "export-file", new_id, "--out", str(again))[0] == 0
    for text in (shown, again.read_text()):
        assert not any(secret in text for secret in ("tok-0451", "cookie-0452", "cookie-0453"))
        assert "eu-1" in text  # a header that is no secret keeps its value
    headers = json.loads(shown)["request_headers"]
    assert (headers["X-Session-Token"], headers["Cookie"]) == ("[redacted]", "[redacted]")


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        (['{"format": "other"}'], "line 1"),
        (['{"format": "cohere-workbench-runs", "version": 1}', "{oops"], "line 2"),
        (
            ['{"format": "cohere-workbench-runs", "version": 1}', '{"id": "x", "kind": "chat"}'],
            "'created'",
        ),
        (
            [
                '{"format": "cohere-workbench-runs", "version": 1}',
                '{"id": "x", "kind": "chat", "created": "soon"}',
            ],
            "'created'",
        ),
    ],
)
def test_a_malformed_import_names_the_line_or_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lines: list[str], where: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n")
    status, _, err = _run(capsys, "history", "import-file", str(path))
    assert status == 2
    assert where in err


def _snippet_output(code: str, language: str, **variables: str) -> str:
    argv = ["bash", "-c", code] if language == "sh" else [sys.executable, "-c", code]
    env = {**os.environ, "WORKBENCH_API_KEY": SANDBOX_TEST_KEY, **variables}
    done = subprocess.run(
        argv, capture_output=True, text=True, env=env, timeout=2 * WAIT_S, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _recorded(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[str, dict[str, Any]]:
    status, _, _ = _run(capsys, *argv)
    assert status == 0
    run_id = _last_id(capsys)
    _, out, _ = _run(capsys, "history", "show", run_id, "--json")
    return run_id, json.loads(out)


def _export(capsys: pytest.CaptureFixture[str], run_id: str, fmt: str) -> str:
    status, code, err = _run(capsys, "history", "export", run_id, "--as", fmt)
    assert status == 0, err
    assert SANDBOX_TEST_KEY not in code
    return code


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_exported_curl_gets_what_the_workbench_got(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    run_id, record = _recorded(capsys, _chat(sandbox, "/v2/chat"))
    body = json.loads(_snippet_output(_export(capsys, run_id, "curl"), "sh"))
    assert body["message"]["content"][0]["text"] == record["answer"]


def test_exported_httpx_and_cohere_v2_get_what_the_workbench_got(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    run_id, record = _recorded(capsys, _chat(sandbox, "/v2/chat"))
    body = json.loads(_snippet_output(_export(capsys, run_id, "httpx"), "py"))
    assert body["message"]["content"][0]["text"] == record["answer"]
    printed = _snippet_output(_export(capsys, run_id, "cohere"), "py")
    assert printed.rstrip("\n") == record["answer"]


def test_exported_cohere_v1_stream_gets_what_the_workbench_got(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    run_id, record = _recorded(capsys, _chat(sandbox, "/v1/chat", "--stream"))
    printed = _snippet_output(_export(capsys, run_id, "cohere"), "py")
    assert printed.rstrip("\n") == record["answer"]


def test_exported_openai_gets_what_the_workbench_got(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    run_id, record = _recorded(capsys, _chat(sandbox, "/chat/completions"))
    printed = _snippet_output(_export(capsys, run_id, "openai"), "py")
    assert printed.rstrip("\n") == record["answer"]


def test_an_openai_export_of_a_run_with_no_model_and_extra_fields_runs(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """The OpenAI SDK insists on a model a serverless deployment does not need, and refuses a
    field it has no argument for: both snippets stopped with a TypeError."""
    argv = ["chat", "--url", sandbox.base_url + "/chat/completions", "--message", "Which plan?"]
    extra = ["--extra-parameters", "pass-through", "--param", "safe_prompt=true"]
    run_id, record = _recorded(capsys, [*argv, *extra])
    assert "model" not in json.loads(record["request_body"])
    printed = _snippet_output(_export(capsys, run_id, "openai"), "py")
    assert printed.rstrip("\n") == record["answer"]


def test_a_cohere_export_sends_a_field_the_sdk_has_no_argument_for(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    run_id, record = _recorded(capsys, _chat(sandbox, "/v2/chat", "--param", "temprature=0.2"))
    code = _export(capsys, run_id, "cohere")
    assert "additional_body_parameters" in code
    assert _snippet_output(code, "py").rstrip("\n") == record["answer"]


def test_exported_cohere_rerank_ranks_as_the_workbench_did(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = tmp_path / "docs.json"
    docs.write_text(json.dumps(["Berlin is in Germany.", "Paris is the capital of France."]))
    argv = [
        "rerank",
        "--url",
        sandbox.base_url,
        "--model",
        "rerank-v3.5",
        "--query",
        "capital of France",
        "--documents",
        str(docs),
    ]
    run_id, record = _recorded(capsys, argv)
    wanted = [r["index"] for r in json.loads(record["response_body"])["results"]]
    printed = _snippet_output(_export(capsys, run_id, "cohere"), "py")
    assert [int(line.split()[0]) for line in printed.splitlines()] == wanted


def test_a_chat_killed_mid_stream_keeps_what_arrived(
    sandbox: RunningSandbox, processes: Processes
) -> None:
    argv = [sys.executable, "-m", "workbench", *_chat(sandbox, "/v2/chat", "--stream")]
    argv += ["--header", "x-sandbox-fault: slow_stream_ms=150"]
    env = {**os.environ, "WORKBENCH_API_KEY": SANDBOX_TEST_KEY}
    child = processes.start(argv, env=env, stdout=subprocess.DEVNULL)
    partial = _wait_for_words(child, words=3)
    child.stop(signal.SIGKILL)  # no handler runs, nothing is flushed
    store = RunStore(data_dir() / "runs.sqlite3")
    [summary] = store.find(RunFilter())
    record = store.get(summary.id)
    assert record is not None
    assert record.outcome == "running"  # it never got to say how it ended
    text = fold(record).text
    assert text.startswith(partial)
    assert len(text.split()) >= 3
    store.close()


def _wait_for_words(child: Child, words: int) -> str:
    """Poll the database until the child has recorded this many words of its answer."""
    path = data_dir() / "runs.sqlite3"
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        assert child.returncode is None, child.report()
        if path.exists():
            store = RunStore(path)
            found = store.find(RunFilter())
            record = store.get(found[0].id) if found else None
            store.close()
            text = fold(record).text if record is not None else ""
            if len(text.split()) >= words:
                return text
        time.sleep(0.02)  # polling interval only; the condition decides
    raise AssertionError(f"fewer than {words} words recorded within {WAIT_S:g} s\n{child.report()}")


def test_no_key_in_the_database_or_any_export(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = tmp_path / "docs.json"
    docs.write_text('["a", "b"]')
    runs = [
        _chat(sandbox, "/v2/chat", "--stream"),
        _chat(sandbox, "/v1/chat", "--auth", "api-key"),
        _chat(sandbox, "/chat/completions", "--stream", "--auth", "x-api-key"),
        [
            "rerank",
            "--url",
            sandbox.base_url,
            "--model",
            "m",
            "--query",
            "a",
            "--documents",
            str(docs),
        ],
    ]
    ids = []
    for argv in runs:
        status, _, err = _run(capsys, *argv)
        assert status == 0, err
        ids.append(_last_id(capsys))
    exports = []
    for run_id in ids:
        for fmt in ("curl", "httpx", "cohere", "openai"):
            status, code, _ = _run(capsys, "history", "export", run_id, "--as", fmt)
            exports.append(code)
    out_file = tmp_path / "all.jsonl"
    _run(capsys, "history", "export-file", *ids, "--out", str(out_file))
    exports.append(out_file.read_text())
    assert not [e for e in exports if SANDBOX_TEST_KEY in e]
    for path in data_dir().iterdir():  # the database, its WAL and shared-memory files
        assert SANDBOX_TEST_KEY.encode() not in path.read_bytes(), path.name


def test_json_output_survives_a_token_that_holds_the_time(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, *_chat(sandbox, "/v2/chat", "--stream"))
    now = str(int(time.time()))
    register_secret(f"eyJ{now}.{now}")  # an Entra-style token carries its issue time
    status, out, _ = _run(capsys, "history", "list", "--json")
    assert status == 0
    [summary] = json.loads(out)
    _, shown, _ = _run(capsys, "history", "show", summary["id"], "--json")
    assert json.loads(shown)["created"] == summary["created"]


def test_json_output_stays_json_when_a_number_holds_8_digits_of_a_key(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hex key often holds a run of 8 digits; masked as plain text, a seed with the same
    digits printed `"seed": [redacted]`, and a script reading the output failed."""
    status, _, _ = _run(capsys, *_chat(sandbox, "/v2/chat", "--param", "seed=20481377"))
    assert status == 0
    register_secret(HEX_KEY_WITH_DIGITS)
    status, out, _ = _run(capsys, "history", "list", "--json")
    assert status == 0
    [summary] = json.loads(out)
    status, shown, _ = _run(capsys, "history", "show", summary["id"], "--json")
    assert status == 0
    assert json.loads(shown)["inputs"]["request"]["params"]["seed"] == 20481377


def test_a_saved_endpoint_run_keeps_its_usage_and_estimated_cost(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from workbench.core.endpoints import EndpointConfig, Prices
    from workbench.core.secrets import KeyringSecretStore
    from workbench.core.settings import SettingsStore

    prices = Prices(per_thousand_search_units=2.0, currency="EUR")
    endpoint = EndpointConfig(name="Priced", base_url=sandbox.base_url, prices=prices)
    SettingsStore.default().update(endpoints=[endpoint])
    store = KeyringSecretStore()
    store.set(endpoint.key_ref, SANDBOX_TEST_KEY)
    docs = tmp_path / "docs.json"
    docs.write_text('["apple pie", "car tyre"]')
    try:
        argv = ["rerank", "--endpoint", "Priced", "--model", "rerank-v3.5", "--query", "pie"]
        status, _, err = _run(capsys, *argv, "--documents", str(docs))
    finally:
        store.delete(endpoint.key_ref)
    assert status == 0, err
    _, out, _ = _run(capsys, "history", "show", _last_id(capsys), "--json")
    record = json.loads(out)
    assert record["endpoint"] == "Priced"
    assert record["usage"] == {"billed_units": {"search_units": 1.0}}
    assert (record["cost"], record["currency"]) == (pytest.approx(0.002), "EUR")
    _, shown, _ = _run(capsys, "history", "show", record["id"])
    assert "estimated cost: 0.002000 EUR" in shown


def test_a_command_leaves_a_broken_settings_file_for_the_gui_to_report(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The CLI moved it aside without a word: the GUI then started empty and said nothing."""
    from workbench.core.settings import config_dir

    settings = config_dir() / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"endpoints": [', encoding="utf-8")
    docs = tmp_path / "docs.json"
    docs.write_text('["apple pie", "car tyre"]')
    argv = ["rerank", "--url", sandbox.base_url, "--model", "m", "--query", "pie"]
    status, _, err = _run(capsys, *argv, "--documents", str(docs))
    assert status == 0, err
    assert settings.read_text(encoding="utf-8") == '{"endpoints": ['
    assert not settings.with_suffix(".broken.json").exists()


def test_a_run_goes_on_unrecorded_when_the_history_cannot_be_opened(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A data folder that cannot be made (read-only home, full disk): a traceback before."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(unmakeable(tmp_path, "data")))
    docs = tmp_path / "docs.json"
    docs.write_text('["apple pie", "car tyre"]')
    argv = ["rerank", "--url", sandbox.base_url, "--model", "m", "--query", "pie"]
    status, out, err = _run(capsys, *argv, "--documents", str(docs))
    assert status == 0, err
    assert "apple pie" in out
    assert "workbench: note: this run is not recorded: the run history could not be opened" in err
    status, out, err = _run(capsys, "history", "list")
    assert status == 2
    assert out == ""
    assert "Run history unavailable" in err
    assert "'a-file' is a file, not a folder" in err


def test_the_recording_notes_on_stderr_go_through_the_redactor(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The note about a history kept aside names its folder: here a folder named with 10
    characters of the key. It was written to stderr past the redactor."""
    data = tmp_path / SANDBOX_TEST_KEY[:10]
    data.mkdir()
    (data / "runs.sqlite3").write_bytes(b"not a database, " * 64)
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
    docs = tmp_path / "docs.json"
    docs.write_text('["apple pie", "car tyre"]')
    argv = ["rerank", "--url", sandbox.base_url, "--model", "m", "--query", "pie"]
    status, _, err = _run(capsys, *argv, "--documents", str(docs))
    assert status == 0, err
    assert "was not used because it could not be read" in err
    assert SANDBOX_TEST_KEY[:10] not in err


@pytest.mark.parametrize("name", ['X}"; touch /tmp/pwned; echo "{', "MY KEY", "1KEY", ""])
def test_export_refuses_a_key_variable_that_is_not_a_variable_name(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """The name went into the snippet as it was typed: `"${X}"; touch /tmp/pwned; …` ran a
    command in the shell the curl snippet was pasted into."""
    run_id, _ = _recorded(capsys, _chat(sandbox, "/v2/chat"))
    for fmt in ("curl", "httpx"):
        argv = ["history", "export", run_id, "--as", fmt, "--key-env", name]
        status, out, err = _run(capsys, *argv)
        assert (status, out) == (2, "")
        assert "--key-env" in err
        assert "environment variable name" in err
    status, out, _ = _run(capsys, "history", "export", run_id, "--as", "curl", "--key-env", "K_2")
    assert status == 0
    assert '"${K_2}"' in out


@contextmanager
def _capturing(answer: str) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A loopback server that keeps each request's headers and answers `answer` (JSON)."""
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length") or 0))
            seen.append({k.lower(): v for k, v in self.headers.items()})
            body = answer.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_an_exported_secret_header_is_read_from_a_variable_named_after_it(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stored masked, the header was exported as `[redacted]`: the snippet sent that literally."""
    header = "Ocp-Apim-Subscription-Key: apim-secret-0042"
    run_id, record = _recorded(capsys, _chat(sandbox, "/v2/chat", "--header", header))
    for fmt, language in (("curl", "sh"), ("httpx", "py")):
        code = _export(capsys, run_id, fmt)
        assert "[redacted]" not in code
        assert code.startswith(
            "# Reads the environment variables WORKBENCH_API_KEY, OCP_APIM_SUBSCRIPTION_KEY\n"
        )
        with _capturing(record["response_body"]) as (url, seen):
            code = code.replace(sandbox.base_url, url)
            _snippet_output(code, language, OCP_APIM_SUBSCRIPTION_KEY="apim-secret-0042")
        assert seen[0]["ocp-apim-subscription-key"] == "apim-secret-0042"
        assert seen[0]["authorization"] == f"Bearer {SANDBOX_TEST_KEY}"


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_a_second_header_of_a_keys_name_is_exported_beside_the_key(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gateway wanting an X-Api-Key beside Authorization: every header of a key's name was
    left out but the one carrying the key, so the snippet's request was refused."""
    run_id, record = _recorded(capsys, _chat(sandbox, "/v2/chat", "--header", "X-Api-Key: gw-0451"))
    code = _export(capsys, run_id, "curl")
    assert "X_API_KEY" in code
    with _capturing(record["response_body"]) as (url, seen):
        _snippet_output(code.replace(sandbox.base_url, url), "sh", X_API_KEY="gw-0451")
    assert seen[0]["x-api-key"] == "gw-0451"
    assert seen[0]["authorization"] == f"Bearer {SANDBOX_TEST_KEY}"


@pytest.mark.parametrize(("route", "fmt"), [("/v2/chat", "cohere"), ("/v1/chat", "cohere"), ("/chat/completions", "openai")])  # fmt: skip
def test_an_sdk_export_sends_the_headers_the_workbench_sent(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], route: str, fmt: str
) -> None:
    """The SDK snippets sent the key as Bearer where the run used `api-key`, and dropped the
    run's other headers."""
    argv = _chat(sandbox, route, "--auth", "api-key", "--header", "X-Trace: t-1")
    argv += ["--header", "Ocp-Apim-Subscription-Key: apim-secret-0042"]
    run_id, record = _recorded(capsys, argv)
    code = _export(capsys, run_id, fmt)
    with _capturing(record["response_body"]) as (url, seen):
        printed = _snippet_output(
            code.replace(sandbox.base_url, url), "py", OCP_APIM_SUBSCRIPTION_KEY="apim-secret-0042"
        )
    assert printed.rstrip("\n") == record["answer"]
    assert seen[0]["api-key"] == SANDBOX_TEST_KEY
    assert "authorization" not in seen[0]
    assert seen[0]["x-trace"] == "t-1"
    assert seen[0]["ocp-apim-subscription-key"] == "apim-secret-0042"


def _without_times(text: str) -> str:
    return re.sub(r"\b\d+ ms\b", "N ms", text)


@pytest.mark.parametrize(
    "extra",
    [
        ["--tools", "resources/samples/tools_json_schema.json"],
        ["--model", "command-a-plus-05-2026"],  # a reasoning model: thinking, then the answer
        ["--header", "x-sandbox-fault: status=500"],
        ["--header", "x-sandbox-fault: drop_after_events=4"],
    ],
    ids=["tool-call", "thinking", "http-500", "broken-stream"],
)
def test_replay_prints_what_chat_printed_and_ends_as_it_ended(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    """Replay printed only the answer text: a tool call was a blank line, thinking was not
    shown, and a failed turn or a broken stream ended with exit 0 and no word."""
    argv = _chat(sandbox, "/v2/chat", "--stream", *extra)  # a later --model wins
    chat_status, chat_out, chat_err = _run(capsys, *argv)
    status, out, err = _run(capsys, "replay", _last_id(capsys), "--speed", "0")
    assert (status, _without_times(out)) == (chat_status, _without_times(chat_out))
    assert chat_out.strip() or chat_status != 0
    said = [line for line in chat_err.splitlines() if line.startswith("workbench: ")]
    assert [line for line in err.splitlines() if line in said] == said


def test_a_demo_script_replays_without_the_history_and_refuses_an_id_beside_it(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A script needs no database, yet an unopenable one stopped it ("Run history
    unavailable"); and an ID given beside --script was silently ignored."""
    _, answer, _ = _run(capsys, *_chat(sandbox, "/v2/chat", "--stream"))
    run_id = _last_id(capsys)
    script = tmp_path / "pitch.jsonl"
    assert _run(capsys, "history", "export-script", run_id, "--out", str(script))[0] == 0
    status, out, err = _run(capsys, "replay", "--script", str(script), run_id)
    assert (status, out) == (2, "")
    assert "--script" in err
    assert "not allowed with" in err
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(unmakeable(tmp_path, "data")))
    status, out, err = _run(capsys, "replay", "--script", str(script), "--speed", "0")
    assert (status, err) == (0, "")
    assert _without_times(out) == "[1/1] > Which plan has SSO?\n" + _without_times(answer)


@pytest.mark.parametrize("command", [["history", "import-file"], ["replay", "--script"]])
@pytest.mark.parametrize("text", ["", '["a"]\n'])
def test_a_file_of_the_wrong_content_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], text: str
) -> None:
    """It said only "line 1: the file is empty" or "line 1: not a cohere-workbench-demo file"."""
    path = tmp_path / "runs.jsonl"
    path.write_text(text, encoding="utf-8")
    status, out, err = _run(capsys, *command, str(path))
    assert (status, out) == (2, "")
    assert f"{path}, line 1" in err


@pytest.mark.parametrize("command", [["history", "import-file"], ["replay", "--script"]])
def test_a_file_that_is_not_utf8_is_named_with_the_byte(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    """It said "cannot read X: 'utf-8' codec can't decode byte 0xe9 in position 12: …"."""
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"format": "café"}\n'.encode("latin-1"))
    status, out, err = _run(capsys, *command, str(path))
    assert (status, out) == (2, "")
    assert f"The file is not UTF-8 text: {path}, byte 15" in err
    assert "codec" not in err


def test_a_run_the_history_refuses_at_exit_is_kept_aside_and_added_next_time(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another process held the history's write lock past the command's end: the run was only
    logged as lost. It is kept in a side file the exit names (in one line: a 15-line traceback
    of "database is locked" came with it), and the next look at the history adds it (only the
    next `chat` or `rerank` did: `history list` showed nothing of it)."""
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_S", 0.02)  # the lock outlasts every try
    monkeypatch.setattr(writer_module, "CLOSE_WAIT_S", 0.1)
    docs = tmp_path / "docs.json"
    docs.write_text('["apple pie", "car tyre"]')
    argv = ["rerank", "--url", sandbox.base_url, "--model", "m", "--documents", str(docs)]
    RunStore.default().close()
    other = database_module.connect(data_dir() / "runs.sqlite3")
    try:
        other.execute("BEGIN IMMEDIATE")
        status, _, err = _run(capsys, *argv, "--query", "locked out")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert status == 0, err
    (kept,) = aside_files(data_dir() / "runs.sqlite3")
    assert err == (
        f"workbench: note: the run history refused 1 run(s); they were kept in {kept} and are "
        "added when the history opens next\n"
    )
    status, out, err = _run(capsys, "history", "list", "--json")
    assert status == 0, err
    assert err == "workbench: note: 1 run(s) kept aside earlier were added to the run history\n"
    assert not kept.exists()
    assert [run["query"] for run in json.loads(out)] == ["locked out"]


def _chat_child(sandbox: RunningSandbox, processes: Processes) -> Child:
    """`chat --stream` as a real process on a slow stream, once 3 words of it are recorded."""
    argv = [sys.executable, "-m", "workbench", *_chat(sandbox, "/v2/chat", "--stream")]
    argv += ["--header", "x-sandbox-fault: slow_stream_ms=150"]
    env = {**os.environ, "WORKBENCH_API_KEY": SANDBOX_TEST_KEY}
    child = processes.start(argv, env=env)
    _wait_for_words(child, words=3)
    return child


def test_replay_of_a_stopped_turn_prints_and_ends_as_chat_did(
    sandbox: RunningSandbox, processes: Processes, capsys: pytest.CaptureFixture[str]
) -> None:
    child = _chat_child(sandbox, processes)
    child.send_signal(signal.SIGINT)  # Ctrl+C mid-stream
    chat_status = child.wait()
    assert (chat_status, child.stderr()) == (130, "workbench: cancelled\n"), child.report()
    status, out, err = _run(capsys, "replay", _last_id(capsys), "--speed", "0")
    assert (status, out, err) == (chat_status, child.stdout(), child.stderr())


def test_replay_of_a_turn_cut_off_before_its_final_event_ends_as_chat_did(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = {"Authorization": f"Bearer {SANDBOX_TEST_KEY}"}
    body = {"model": "m", "stream": True, "messages": [{"role": "user", "content": "SSO?"}]}
    with httpx.stream(
        "POST", sandbox.base_url + "/v2/chat", json=body, headers=headers, timeout=WAIT_S
    ) as answer:
        frames = b"".join(answer.iter_raw()).split(b"\n\n")
    assert len(frames) > 8
    # The first 6 frames, then the connection closes cleanly: no final event, no error.
    cut = Answer.whole(b"".join(f + b"\n\n" for f in frames[:6]))
    with HostileServer() as server:
        url = server.script("cut-off", cut) + "/v2/chat"
        argv = ["chat", "--url", url, "--auth", "none", "--model", "m", "--message", "SSO?"]
        chat = _run(capsys, *argv, "--stream")
    assert chat[0] == 4  # the client calls it a broken stream, named at its last event
    assert chat[1].strip()  # part of the answer arrived
    status, out, err = _run(capsys, "replay", _last_id(capsys), "--speed", "0")
    assert (status, _without_times(out), err) == (chat[0], _without_times(chat[1]), chat[2])


def test_replay_of_a_turn_whose_chat_was_killed_says_the_recording_ends_there(
    sandbox: RunningSandbox, processes: Processes, capsys: pytest.CaptureFixture[str]
) -> None:
    """`chat` killed mid-stream said nothing and left the run "running": the replay prints what
    arrived, then ends as a broken stream does (exit 4), saying the recording ends there."""
    child = _chat_child(sandbox, processes)
    child.stop(signal.SIGKILL)
    run_id = _last_id(capsys)
    status, out, err = _run(capsys, "replay", run_id, "--speed", "0")
    assert status == 4
    assert out.startswith(child.stdout())  # what chat printed before it was killed, and on
    store = RunStore(data_dir() / "runs.sqlite3")
    record = store.get(run_id)
    store.close()
    assert record is not None
    assert record.outcome == "running"
    assert out.startswith(fold(record).text)
    assert err == f"workbench: {CUT_OFF}\n"

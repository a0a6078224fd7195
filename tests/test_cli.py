"""The command line, in-process and as a real subprocess, against the sandbox: output and exit codes."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.folders import unmakeable
from tests.hostile_server import Answer, HostileServer
from tests.waits import WAIT_S
from workbench.api.errors import InputError
from workbench.cli import main
from workbench.cli.status import EXIT_INPUT, EXIT_PROTOCOL, EXIT_SERVER

if TYPE_CHECKING:
    from tests.processes import Processes
    from workbench.sandbox.runner import RunningSandbox

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "resources" / "samples"
DOCS: list[Any] = [
    {"id": "d1", "title": "France", "text": "Paris is the capital of France."},
    {"title": "Germany", "text": "Berlin is the capital of Germany."},
]
"""Objects only: Cohere v2, the default flavour, takes no mix of strings and objects."""


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    path = tmp_path / "documents.json"
    path.write_text(json.dumps(DOCS), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _rerank(sandbox: RunningSandbox, docs: Path, *extra: str) -> list[str]:
    return [
        "rerank",
        "--url",
        sandbox.base_url,
        "--model",
        "m",
        "--query",
        "capital of France",
        "--documents",
        str(docs),
        *extra,
    ]


@pytest.mark.parametrize("route", ["/v1/rerank", "/v2/rerank/"])
def test_rerank_json_from_a_pasted_route(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str], route: str
) -> None:
    argv = _rerank(
        sandbox, docs, "--json", "--return-documents", "--rank-fields", "title,text", "--top-n", "2"
    )
    argv[2] = sandbox.base_url + route
    status, out, err = _run(capsys, *argv)
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert set(result) == {"results", "id", "billed_units", "latency_ms"}
    first = result["results"][0]
    assert (first["index"], first["document"]["title"]) == (0, "France")
    assert set(first) == {"index", "relevance_score", "document"}


def test_rerank_for_people_prints_a_table(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, *_rerank(sandbox, docs, "--flavour", "cohere-v1"))
    assert status == 0
    assert out.splitlines()[1].split()[:2] == ["1", "0"]
    assert "Paris is the capital" in out


def test_a_base_url_ending_in_v1_is_warned_about_before_the_404(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--url https://host/v1` with Cohere v2 posted to /v1/v2/rerank, and the server's 404 named
    a path nobody typed. It is still sent (a gateway may serve Cohere under a /v1 of its own)."""
    argv = _rerank(sandbox, docs)
    argv[2] = sandbox.base_url + "/v1"
    status, _, err = _run(capsys, *argv)
    warning, failure = err.splitlines()[:2]
    assert warning == (
        f"workbench: warning: the base URL ends in /v1 and each route adds its own version "
        f"({sandbox.base_url}/v1/v2/rerank): leave /v1 out of the base URL"
    )
    assert (status, "HTTP 404" in failure) == (3, True)


@pytest.mark.parametrize("query", ["", "  ", "\t\n"])
def test_rerank_refuses_an_empty_query_before_sending_exit_2(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    """`--query ""` was sent, and the sandbox (as a lenient server would) ranked the documents
    against nothing: the API requires a query, and the GUI's Rerank pane refuses an empty one."""
    argv = _rerank(sandbox, docs)
    argv[argv.index("--query") + 1] = query
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err == (
        "workbench: Invalid input: --query: the query is empty; rerank needs one to rank the "
        "documents against\n"
    )


@pytest.mark.parametrize("flavour", ["cohere-v1", "cohere-v2"])
def test_rerank_sends_the_query_trimmed_as_the_gui_does(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str], flavour: str
) -> None:
    """`--query "  apple  "` went out with its blanks, where the GUI's Rerank pane sends the
    query trimmed (and says nothing of it): the same query ranked apart on the two."""
    argv = _rerank(sandbox, docs, "--flavour", flavour)
    argv[argv.index("--query") + 1] = "  apple\t\n"
    status, _, err = _run(capsys, *argv)
    assert (status, err) == (0, "")  # trimmed without a word, as the GUI does
    assert _last_request_body(capsys)["query"] == "apple"


def test_bad_json_file_names_line_and_column(
    sandbox: RunningSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "documents.json"
    bad.write_text('[\n  "a",\n  "b"\n    "c"\n]', encoding="utf-8")
    status, out, err = _run(capsys, *_rerank(sandbox, bad))
    assert (status, out) == (2, "")
    assert err == "workbench: documents.json: line 4, column 5: Expecting ',' delimiter\n"


def test_json_files_and_stdin_may_start_with_a_bom(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs.write_text("\ufeff" + json.dumps(DOCS), encoding="utf-8")  # as Windows Notepad saves
    status, out, err = _run(capsys, *_rerank(sandbox, docs, "--json"))
    assert (status, err) == (0, "")
    assert json.loads(out)["results"][0]["index"] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeff" + json.dumps(DOCS)))
    argv = _rerank(sandbox, docs, "--json")
    argv[argv.index(str(docs))] = "-"
    status, out, err = _run(capsys, *argv)
    assert (status, err) == (0, "")


def test_a_utf16_file_as_windows_powershell_writes_it_is_read(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`Get-Content docs.json > copy.json` in Windows PowerShell 5 writes UTF-16 with a byte
    order mark: it was "cannot read it: 'utf-8' codec can't decode byte 0xff"."""
    docs.write_bytes(json.dumps([*DOCS, {"text": "caffè"}], ensure_ascii=False).encode("utf-16"))
    status, out, err = _run(capsys, *_rerank(sandbox, docs, "--json"))
    assert (status, err) == (0, "")
    assert len(json.loads(out)["results"]) == len(DOCS) + 1
    docs.write_bytes(b'["a", "caf\xe8"]')  # Latin-1: no mark, not UTF-8
    status, out, err = _run(capsys, *_rerank(sandbox, docs))
    assert (status, out) == (2, "")
    assert err == f"workbench: The file is not UTF-8 text: {docs.name}, byte 10\n"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--param", "temperature=7"],
            "--param temperature: Input should be less than or equal to 2",
        ),
        (["--param", "stop_sequences=[1,2,3,4,5,6]"], "--param stop_sequences"),
        (["--header", "no-colon"], "--header: expected NAME:VALUE"),
        (["--header", "Bad Name: x"], "--header: 'Bad Name' is not a valid header name"),
        (
            ["--key-env", "WORKBENCH_TEST_UNSET_VARIABLE"],
            "WORKBENCH_TEST_UNSET_VARIABLE is not set",
        ),
        (["--tools", str(SAMPLES / "tool_results.json")], "tool_results.json: [0].name"),
        (["--param", "stream=true"], "--param stream: stream is set by --stream; use --stream"),
        (["--param", "model=other"], "--param model: model is set by --model; use --model"),
        (["--param", "messages=[]"], "--param messages: messages is set by --message and"),
        (["--param", "documents=[]"], "--param documents: documents is set by --documents"),
        (["--param", "tools=[]"], "--param tools: tools is set by --tools; use --tools"),
    ],
)
def test_bad_options_exit_2_naming_the_field(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    status, _, err = _run(capsys, "chat", "--url", sandbox.base_url, "--message", "hi", *extra)
    assert status == 2
    assert message in err
    assert err.count("\n") == 1


def test_a_rank_field_no_document_has_is_named_in_a_warning(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--rank-fields title,titel` ranked by title alone and said nothing of the typo."""
    status, _, err = _run(capsys, *_rerank(sandbox, docs, "--rank-fields", "title,titel"))
    assert status == 0
    assert err == "workbench: warning: --rank-fields: no document has 'titel'\n"
    status, _, err = _run(capsys, *_rerank(sandbox, docs, "--rank-fields", "title,text"))
    assert (status, err) == (0, "")


@pytest.mark.parametrize(("flavour", "warned"), [("cohere-v2", True), ("cohere-v1", False)])
def test_rank_fields_with_string_documents_on_v2_are_named_in_a_warning(
    sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flavour: str,
    warned: bool,
) -> None:
    """On Cohere v2 the workbench applies rank fields as it renders object documents; with
    strings only they did nothing, without a word. v1 sends them to a server that reads a
    string as `{"text": ...}`: there they are the server's to apply."""
    path = tmp_path / "strings.json"
    path.write_text(json.dumps(["Berlin is the capital of Germany."]), encoding="utf-8")
    argv = _rerank(sandbox, path, "--flavour", flavour, "--rank-fields", "title", "--json")
    status, out, err = _run(capsys, *argv)
    assert (status, len(json.loads(out)["results"])) == (0, 1)
    warning = (
        "workbench: warning: --rank-fields: the documents are strings, ranked whole; rank "
        "fields apply to object documents only\n"
    )
    assert err == (warning if warned else "")
    status, _, err = _run(capsys, *_rerank(sandbox, path, "--flavour", flavour))
    assert (status, err) == (0, "")  # no rank fields: nothing to say


@pytest.mark.parametrize(
    ("flavour", "documents", "refused"),
    [
        ("cohere-v2", [{"text": "Paris"}, "Berlin"], "[1]: strings and objects cannot be mixed for this flavour"),
        ("cohere-v2", ["Paris", {"text": "Berlin"}], "[1]: strings and objects cannot be mixed for this flavour"),
        ("cohere-v2", [{"text": "Paris"}, {}], "[1]: an object document is empty"),
        ("cohere-v1", [{"text": "Paris"}, {}], "[1]: an object document is empty"),
        ("cohere-v2", [{"data": {}}], "[0]: an object document is empty"),
        ("cohere-v2", [], "top level: there are no documents"),
        ("cohere-v1", {"documents": []}, "documents: there are no documents"),
        # Named as the file holds them: it said "top level" and "[0]" for these.
        ("cohere-v1", {"documents": "abc"}, "documents: expected a JSON array"),
        ("cohere-v1", {"documents": [1]}, "documents[0]: a document must be a string or an object"),
        ("cohere-v1", {"documents": [{"text": "Paris"}, {}]}, "documents[1]: an object document is empty"),
        ("cohere-v1", [{"text": "Paris"}, "Berlin"], ""),  # v1 takes a mix, as the GUI does
        ("cohere-v2", [{"id": "1", "data": {"text": "Paris"}}, {"text": "Berlin"}], ""),
    ],
)  # fmt: skip
def test_rerank_documents_are_checked_as_the_gui_checks_them_exit_2(
    sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flavour: str,
    documents: Any,
    refused: str,
) -> None:
    """Documents mixing strings and objects went to Cohere v2, where the GUI's Rerank pane refuses
    them (`check_documents` with the flavour's rules: v2 renders objects to text, and a string
    has none of their fields), and so did an empty object. Refused before sending, naming the
    file and the document as a document that is neither string nor object is named."""
    path = tmp_path / "documents.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    status, out, err = _run(capsys, *_rerank(sandbox, path, "--flavour", flavour, "--json"))
    if not refused:
        assert (status, err, len(json.loads(out)["results"])) == (0, "", 2)
        return
    assert (status, out) == (EXIT_INPUT, "")
    assert err == f"workbench: documents.json: {refused}\n"


def test_a_documents_files_own_rank_fields_are_said_to_be_unread(
    sandbox: RunningSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The samples' shape (query, rank_fields, documents) was taken with its rank_fields passed
    over in silence: a typo there, or the list itself, had no effect and no word."""
    path = tmp_path / "set.json"
    documents = [{"title": "Paris", "text": "capital of France"}, {"title": "Rome", "text": "x"}]
    path.write_text(json.dumps({"rank_fields": ["titel"], "documents": documents}), "utf-8")
    status, _, err = _run(capsys, *_rerank(sandbox, path, "--flavour", "cohere-v1"))
    assert status == 0
    assert err == (
        "workbench: note: the rank_fields in set.json are not read; give --rank-fields to rank "
        "on chosen fields\n"
    )
    given = _rerank(sandbox, path, "--flavour", "cohere-v1", "--rank-fields", "title")
    assert _run(capsys, *given)[::2] == (0, "")


@pytest.mark.parametrize("option", ["--top-n", "--max-tokens-per-doc", "--max-chunks-per-doc"])
@pytest.mark.parametrize("value", ["0", "-1"])
def test_rerank_counts_under_one_exit_2_before_sending(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
) -> None:
    """`--top-n 0` went to the server and came back as exit 3 (the server's 400): a count the
    API cannot take is bad input, refused before anything is sent, naming the option."""
    status, _, err = _run(capsys, *_rerank(sandbox, docs, f"{option}={value}"))
    assert status == 2
    assert f"argument {option}: expected a whole number, 1 or more, got '{value}'" in err


@pytest.mark.parametrize("flavour", ["cohere-v1", "cohere-v2"])
def test_rank_fields_no_document_has_exit_2_before_sending(
    sandbox: RunningSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str], flavour: str
) -> None:
    documents = [
        {"title": "lentil soup", "text": "red lentils"},
        {"text": "beef stew with lentils"},
        {"title": "salad"},
    ]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    argv = _rerank(sandbox, path, "--flavour", flavour, "--rank-fields")
    status, out, err = _run(capsys, *argv, "Title")
    assert (status, out) == (2, "")
    assert err == (
        "workbench: Invalid input: --rank-fields: documents[0], documents[1], documents[2] "
        "have none of the rank fields: Title\n"
    )
    status, out, err = _run(capsys, *argv, "title")
    assert (status, out) == (2, "")
    assert err.endswith(": documents[1] has none of the rank fields: title\n")


@pytest.mark.parametrize(
    "header",
    ["Content-Length: 5", "content-length: abc", "Transfer-Encoding: chunked", "Host: h", "TE: x"],
)
def test_headers_the_http_client_sets_are_refused_exit_2(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    status, out, err = _run(capsys, *_rerank(sandbox, docs, "--header", header))
    name = header.partition(":")[0]
    assert (status, out) == (2, "")
    assert err == (
        f"workbench: Invalid input: extra_headers: header {name!r} is set by the HTTP client "
        "for each request; remove it from the extra headers\n"
    )


def test_wrong_key_exits_3_with_status_and_server_message(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORKBENCH_API_KEY", "not-the-key")
    status, out, err = _run(capsys, *_rerank(sandbox, docs))
    assert (status, out) == (3, "")
    assert err.startswith("workbench: Authentication failed · HTTP 401 · POST /v2/rerank: ")
    assert "request id" in err
    assert "not-the-key" not in err


def test_server_error_exits_3(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(
        capsys, *_rerank(sandbox, docs, "--header", "x-sandbox-fault: status=503")
    )
    assert status == 3
    assert "HTTP 503" in err


def test_documents_on_the_openai_route_point_to_a_route_that_takes_them(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusal once said to pass them with --param documents=..., which the CLI refuses
    (documents are set by --documents): a circle. It now names the routes that take them."""
    argv = ["chat", "--url", sandbox.base_url, "--flavour", "openai", "--model", "m"]
    argv += ["--message", "Where is Paris?", "--documents", str(SAMPLES / "chat_documents.json")]
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (EXIT_INPUT, "")
    assert "has no documents field" in err
    assert "Cohere chat route (v1 or v2)" in err
    assert "--param" not in err


@pytest.mark.parametrize("flavour", ["cohere-v1", "cohere-v2", "openai"])
def test_chat_json_stream_and_not(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], flavour: str
) -> None:
    base = [
        "chat",
        "--url",
        sandbox.base_url,
        "--flavour",
        flavour,
        "--model",
        "m",
        "--message",
        "What is the capital of France?",
        "--json",
    ]
    if flavour != "openai":
        base += ["--documents", str(SAMPLES / "chat_documents.json")]
    status, out, _ = _run(capsys, *base)
    whole = json.loads(out)
    status_s, out_s, _ = _run(capsys, *base, "--stream")
    streamed = json.loads(out_s)
    assert (status, status_s) == (0, 0)
    keys = {
        "text",
        "finish_reason",
        "citations",
        "tool_plan",
        "tool_calls",
        "search_queries",
        "usage",
        "events",
        "ttft_ms",
        "total_ms",
        "thinking",
        "schema_valid",
        "schema_errors",
    }
    assert set(whole) == set(streamed) == keys
    assert (whole["events"], streamed["text"]) == (0, whole["text"])
    assert streamed["events"] > 3
    assert streamed["ttft_ms"] <= streamed["total_ms"]
    assert bool(streamed["citations"]) is (flavour != "openai")  # documents sent: cited
    for citation in streamed["citations"]:
        assert set(citation) == {
            "start",
            "end",
            "text",
            "document_ids",
            "anchoring",
            "server_start",
            "server_end",
        }
        assert citation["anchoring"] == "code_points"  # the sandbox counts code points
        assert streamed["text"][citation["start"] : citation["end"]] == citation["text"]


def test_chat_with_v1_tools_on_v2_returns_parsed_tool_calls(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(
        capsys, "chat", "--url", sandbox.base_url + "/v2/chat", "--model", "m", "--message", "Weather in Paris?",
        "--tools", str(SAMPLES / "tools_v1.json"), "--stream", "--json", "--param", "temperature=0.1", "--param", "made_up=1",
    )  # fmt: skip
    assert status == 0
    result = json.loads(out)
    assert result["finish_reason"] == "TOOL_CALL"
    assert result["tool_calls"][0]["name"] == "get_weather"
    assert result["tool_calls"][0]["parameters"]["city"] == "Paris"


@pytest.mark.parametrize("stream", [[], ["--stream"]])
@pytest.mark.parametrize(
    ("flavour", "planned"), [("cohere-v2", True), ("cohere-v1", True), ("openai", False)]
)
def test_chat_json_has_the_tool_plan_plain_text_prints(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    flavour: str,
    planned: bool,
    stream: list[str],
) -> None:
    """`Tool plan:` was printed for people and left out of `--json`. Cohere v2 sends it as
    `message.tool_plan`, v1 as the answer's `text` beside its tool calls; the OpenAI-compatible
    route has none ("")."""
    argv = ["chat", "--url", sandbox.base_url, "--flavour", flavour, "--model", "m",
            "--message", "Weather in Paris?", "--tools", str(SAMPLES / "tools_v1.json"), *stream]  # fmt: skip
    status, out, _ = _run(capsys, *argv)
    plans = [line.removeprefix("Tool plan: ") for line in out.splitlines() if "Tool plan" in line]
    status_j, out_j, _ = _run(capsys, *argv, "--json")
    result = json.loads(out_j)
    assert (status, status_j, result["tool_calls"][0]["name"]) == (0, 0, "get_weather")
    assert result["tool_plan"] == (plans[0] if planned else "")
    assert bool(plans) is planned


def test_chat_stream_for_people_prints_text_then_details(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(
        capsys, "chat", "--url", sandbox.base_url, "--flavour", "cohere-v1", "--message", "What is the capital of France?",
        "--documents", str(SAMPLES / "chat_documents.json"), "--stream",
    )  # fmt: skip
    assert status == 0
    assert "finish: COMPLETE" in out


@pytest.mark.parametrize("fault", ["drop_after_events=4", "malformed_after_events=4"])
def test_broken_stream_exits_4_and_still_prints_what_arrived(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], fault: str
) -> None:
    status, out, err = _run(
        capsys, "chat", "--url", sandbox.base_url, "--model", "m", "--message", "Tell me about Paris", "--stream", "--json",
        "--header", f"x-sandbox-fault: {fault}",
    )  # fmt: skip
    assert status == 4
    result = json.loads(out)
    assert result["error"].startswith("Unexpected answer from the server · at event ")
    assert result["events"] >= 3
    assert "Unexpected answer" in err


def test_closed_port_exits_5(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        status, _, err = _run(
            capsys, "rerank", "--url", url, "--model", "m", "--query", "q", "--documents", str(docs)
        )
    assert status == 5
    assert err.startswith("workbench: Could not connect · POST /v2/rerank")


def test_cli_imports_no_qt() -> None:
    code = "import sys, workbench.cli; print(any(m.startswith(('PySide6', 'qasync')) for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=WAIT_S,
    )
    assert result.stdout.strip() == "False"


def test_real_subprocess_rerank_from_stdin(sandbox: RunningSandbox) -> None:
    env = {**os.environ, "WB_TEST_KEY": SANDBOX_TEST_KEY}
    argv = [sys.executable, "-m", "workbench", "rerank", "--url", sandbox.base_url, "--flavour", "cohere-v1",
            "--key-env", "WB_TEST_KEY", "--query", "capital of France", "--documents", "-", "--json"]  # fmt: skip
    result = subprocess.run(
        argv,
        cwd=REPO,
        env=env,
        input=json.dumps(DOCS),
        capture_output=True,
        text=True,
        timeout=2 * WAIT_S,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["results"][0]["index"] == 0
    assert SANDBOX_TEST_KEY not in result.stdout


def _rerank_into(
    sandbox: RunningSandbox, stdout: Any, *, shell: str = "", stderr: Any = subprocess.PIPE
) -> tuple[int, str]:
    """Run `workbench rerank` as a real process writing to `stdout` (and `stderr`); its status
    and what it wrote to stderr (when that is a pipe read here)."""
    env = {**os.environ, "WB_TEST_KEY": SANDBOX_TEST_KEY}
    argv = ["rerank", "--url", sandbox.base_url, "--model", "m", "--key-env", "WB_TEST_KEY", "--query", "capital",
            "--documents", "-", "--json"]  # fmt: skip
    command = [sys.executable, "-m", "workbench", *argv]
    if shell:  # a redirection only a shell can make
        command = ["sh", "-c", f'"$0" "$@" {shell}', *command]
    result = subprocess.run(
        command, cwd=REPO, env=env, input=json.dumps(DOCS).encode(), stdout=stdout,
        stderr=stderr, timeout=2 * WAIT_S, check=False,
    )  # fmt: skip
    return result.returncode, (result.stderr or b"").decode()


def test_rerank_help_says_documents_may_be_an_object_as_the_readme_passes(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """The help said "JSON array"; the README's example passes an object holding one."""
    argv = ["rerank", "--url", sandbox.base_url, "--model", "m", "--query", "lentils", "--documents",
            str(SAMPLES / "rerank_objects.json"), "--rank-fields", "title,text", "--top-n", "3"]  # fmt: skip
    status, out, err = _run(capsys, *argv, "--json")
    assert (status, len(json.loads(out)["results"])) == (0, 3), err
    given = io.StringIO()
    assert main(["rerank", "--help"], stdout=given) == 0
    assert "or an object holding it as `documents`" in " ".join(given.getvalue().split())


def test_a_reader_that_went_away_ends_the_command_quietly(sandbox: RunningSandbox) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head -0`: every write meets a closed pipe
    try:
        status, err = _rerank_into(sandbox, write_end)
    finally:
        os.close(write_end)
    assert (status, err) == (141, "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_or_a_closed_output_is_one_line_and_status_74(sandbox: RunningSandbox) -> None:
    with Path("/dev/full").open("wb") as full:
        status, err = _rerank_into(sandbox, full)
    assert (status, err) == (74, "workbench: cannot write the output: No space left on device\n")
    status, err = _rerank_into(sandbox, None, shell=">&-")
    assert (status, err) == (74, "workbench: cannot write the output: standard output is closed\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("unbuffered", ["1", ""])
@pytest.mark.parametrize("argv", [["--help"], ["chat", "--help"], ["--gui", "--help"]])
def test_help_into_a_full_disk_is_one_line_and_status_74(argv: list[str], unbuffered: str) -> None:
    """argparse wrote the help to sys.stdout and dropped the OSError: unbuffered, status 0."""
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    with Path("/dev/full").open("wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "workbench", *argv], cwd=REPO, env=env, stdout=full,
            stderr=subprocess.PIPE, text=True, timeout=2 * WAIT_S, check=False,
        )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        74,
        "workbench: cannot write the output: No space left on device\n",
    )


class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_help_goes_to_the_stdout_main_was_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"], stdout=_FullDisk()) == 74
    out, err = capsys.readouterr()
    assert (out, err) == ("", "workbench: cannot write the output: No space left on device\n")
    given = io.StringIO()
    assert main(["qa", "--help"], stdout=given) == 0
    assert given.getvalue().startswith("usage: workbench qa ")
    assert capsys.readouterr() == ("", "")


def test_a_recording_note_to_a_closed_stderr_ends_like_any_lost_output(
    sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note that the run is not recorded went to sys.stderr past the guard: a reader that
    went away, or no stderr at all, ended the command with a traceback and status 1."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(unmakeable(tmp_path, "data")))
    read_end, write_end = os.pipe()
    os.close(read_end)  # `2>&1 | head -0` for stderr alone: the note meets a closed pipe
    try:
        status, _ = _rerank_into(sandbox, subprocess.DEVNULL, stderr=write_end)
    finally:
        os.close(write_end)
    assert status == 141
    status, _ = _rerank_into(sandbox, subprocess.DEVNULL, shell="2>&-")
    assert status == 74
    # The other note: a damaged history kept aside (said once the history is open).
    data = tmp_path / "damaged"
    data.mkdir()
    (data / "runs.sqlite3").write_bytes(b"not a database, " * 64)
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
    status, _ = _rerank_into(sandbox, subprocess.DEVNULL, shell="2>&-")
    assert status == 74


def test_documents_from_a_closed_stdin_are_refused_like_an_unreadable_file(
    sandbox: RunningSandbox,
) -> None:
    status, err = _rerank_into(sandbox, subprocess.DEVNULL, shell="<&-")
    assert (status, err) == (2, "workbench: <stdin>: cannot read it: standard input is closed\n")


def test_params_parse_json_values_and_send_unknown_names_as_extra() -> None:
    from workbench.cli.inputs import parse_params

    params = parse_params(
        [
            "temperature=0.5",
            'stop_sequences=["END"]',
            "citation_mode=accurate",
            "force_single_step=true",
        ]
    )
    assert (params.temperature, params.stop_sequences, params.citation_mode) == (
        0.5,
        ["END"],
        "accurate",
    )
    assert params.extra == {"force_single_step": True}


def _chat_with(sandbox: RunningSandbox, flavour: str, *extra: str) -> list[str]:
    return ["chat", "--url", sandbox.base_url, "--flavour", flavour, "--model", "m",
            "--message", "What is the capital of France?", "--json", *extra]  # fmt: skip


def test_chat_json_writes_token_counts_as_whole_numbers(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    # The fold keeps counts as floats (a server may send 18.0): --json wrote "input_tokens": 7.0.
    status, out, _ = _run(capsys, *_chat_with(sandbox, "cohere-v2"))
    assert status == 0
    usage = json.loads(out)["usage"]
    assert all(type(count) is int for count in usage.values()), usage


def _last_request(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    status, out, _ = _run(capsys, "history", "list", "--json", "--limit", "1")
    assert status == 0
    status, shown, _ = _run(capsys, "history", "show", json.loads(out)[0]["id"], "--json")
    assert status == 0
    request: dict[str, Any] = json.loads(shown)["inputs"]["request"]
    return request


@pytest.mark.parametrize(
    ("flavour", "name", "value", "label", "hint"),
    [
        ("cohere-v2", "temprature", 0.3, "Cohere v2", " (did you mean temperature?)"),
        ("openai", "top-p", 0.5, "OpenAI-compatible / Azure model inference", " (did you mean top_p?)"),
        ("cohere-v1", "frobnicate", True, "Cohere v1", ""),
    ],
)  # fmt: skip
def test_a_param_the_flavour_does_not_know_is_sent_with_a_warning(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    flavour: str,
    name: str,
    value: Any,
    label: str,
    hint: str,
) -> None:
    """`--param temprature=0.3` reached the server in silence, and a deployment check passed on
    the default temperature. A name the workbench does not know is still sent (a field newer than
    the workbench must be), but stderr says so, with the closest known name when one is close."""
    argv = _chat_with(sandbox, flavour, "--param", f"{name}={json.dumps(value)}")
    # Azure-style routes (the sandbox's /chat/completions) refuse an unknown name without it.
    status, out, err = _run(capsys, *argv, "--extra-parameters", "pass-through")
    assert status == 0
    assert json.loads(out)["text"]  # stdout stays the one JSON object
    assert err == (
        f"workbench: warning: --param {name} is not a field the workbench knows for {label} "
        f"chat requests; it is sent as given{hint}\n"
    )
    assert _last_request(capsys)["params"]["extra"] == {name: value}


def test_azures_refusal_of_an_unknown_param_is_shown_in_its_own_words(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    # Azure model inference answers in a flat body (`status`, `code`, `message`, `detail`),
    # not the gateway's nested `{"error": {...}}`: the sandbox now does too.
    status, out, err = _run(capsys, *_chat_with(sandbox, "openai", "--param", "safe_prompt=true"))
    assert status == EXIT_SERVER
    said = "parameter_not_supported: extra parameter 'safe_prompt' is not allowed"
    assert said in err
    assert said in json.loads(out)["error"]  # `--json`: the object says it too


@pytest.mark.parametrize(
    ("flavour", "pair"),
    [
        ("cohere-v1", "citation_quality=accurate"),  # v1's wire name for citation_mode
        ("openai", "top_p=0.5"),  # the wire name for p
        ("openai", "stream_options=null"),  # a field the body writes itself: null leaves it out
        # Fields the wire reference documents that the workbench does not model: they were
        # warned about as possible typos.
        ("cohere-v1", "force_single_step=true"),
        ("cohere-v1", "return_prompt=true"),
        ("cohere-v2", "logprobs=true"),
        ("cohere-v2", "priority=1"),
        ("cohere-v2", 'citation_options={"mode": "FAST"}'),
    ],
)
def test_a_param_under_a_name_the_flavours_body_uses_is_sent_without_a_warning(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], flavour: str, pair: str
) -> None:
    status, out, err = _run(capsys, *_chat_with(sandbox, flavour, "--stream", "--param", pair))
    assert (status, err) == (0, "")
    assert json.loads(out)["text"]


def test_the_unknown_param_warning_goes_through_the_redactor(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key pasted as a parameter's name (`--param "$KEY"=1`) is named in the warning."""
    argv = _chat_with(sandbox, "cohere-v2", "--param", f"{SANDBOX_TEST_KEY}=1")
    status, _, err = _run(capsys, *argv)
    assert status == 0
    assert err.startswith("workbench: warning: --param [redacted] is not a field the workbench")
    assert SANDBOX_TEST_KEY not in err


def test_param_help_says_an_unknown_name_is_sent_with_a_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(capsys, "chat", "--help")
    assert status == 0
    said = " ".join(out.split())
    assert "A NAME the workbench does not know for the flavour is sent as given, with a " in said
    assert "warning on stderr naming the closest known one" in said


def test_history_in_v1_form_is_read(tmp_path: Path) -> None:
    from workbench.cli.inputs import read_history

    path = tmp_path / "history.json"
    path.write_text(json.dumps([{"role": "USER", "message": "hi"}, {"role": "Chatbot", "message": "hello"},
                                {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{\"a\": 1}"}}]}]))  # fmt: skip
    history = read_history(str(path))
    assert [(m.role, m.content) for m in history] == [
        ("user", "hi"),
        ("assistant", "hello"),
        ("assistant", ""),
    ]
    assert history[2].tool_calls[0].parameters == {"a": 1}


@pytest.mark.parametrize("calls", [True, "f", 3, {"name": "f"}])
def test_history_whose_tool_calls_are_not_a_list_is_refused_by_name(
    tmp_path: Path, calls: object
) -> None:
    """Found by the fuzz target at its medium profile: `true` made a TypeError traceback."""
    from workbench.cli.inputs import read_history

    path = tmp_path / "history.json"
    history = [{"role": "user", "content": "hi"}, {"role": "assistant", "tool_calls": calls}]
    path.write_text(json.dumps(history), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_history(str(path))
    assert caught.value.where == "[1].tool_calls"


TOOL_TURN: list[Any] = [
    {"role": "user", "content": "Weather in Lisbon?"},
    {"role": "assistant", "content": "", "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Lisbon\"}"}}]},
    {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp_c\": 21}"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("route", "field", "sent"),
    [
        ("/v2/chat", "messages", {"role": "tool", "tool_call_id": "call_1", "content": [{"type": "document", "document": {"data": {"temp_c": 21}}}]}),
        ("/v1/chat/completions", "messages", {"role": "tool", "tool_call_id": "call_1", "content": '[{"temp_c": 21}]'}),
        ("/v1/chat", "chat_history", {"role": "TOOL", "tool_results": [{"call": {"name": "get_weather", "parameters": {"city": "Lisbon"}}, "outputs": [{"temp_c": 21}]}]}),
    ],
)  # fmt: skip
def test_history_tool_messages_are_sent_in_each_flavours_form(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    route: str,
    field: str,
    sent: dict[str, Any],
) -> None:
    """A v2 / OpenAI `role: tool` entry used to be read without its result and dropped."""
    path = tmp_path / "history.json"
    path.write_text(json.dumps(TOOL_TURN), encoding="utf-8")
    status, _, err = _run(
        capsys, "chat", "--url", sandbox.base_url + route, "--model", "m", "--message", "Coat?",
        "--history", str(path), "--tools", str(SAMPLES / "tools_json_schema.json"),
    )  # fmt: skip
    assert status == 0, err
    _, listed, _ = _run(capsys, "history", "list", "--json", "--limit", "1")
    _, shown, _ = _run(capsys, "history", "show", str(json.loads(listed)[0]["id"]), "--json")
    body = json.loads(json.loads(shown)["request_body"])
    assert body[field][2] == sent


@pytest.mark.parametrize(
    ("history", "where"),
    [
        ([{"role": "tool", "content": "x"}], "[0].tool_call_id"),
        ([*TOOL_TURN, {"role": "tool", "tool_call_id": "call_9", "content": "x"}], "[3].tool_call_id"),
    ],
)  # fmt: skip
def test_history_tool_message_without_an_earlier_call_exits_2_naming_it(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    history: list[Any],
    where: str,
) -> None:
    path = tmp_path / "history.json"
    path.write_text(json.dumps(history), encoding="utf-8")
    status, out, err = _run(
        capsys,
        "chat",
        "--url",
        sandbox.base_url,
        "--model",
        "m",
        "--message",
        "hi",
        "--history",
        str(path),
    )
    assert (status, out) == (2, "")
    assert f"history.json: {where}" in err


def test_json_keeps_what_arrived_when_a_stalled_stream_times_out(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(
        capsys, "chat", "--url", sandbox.base_url, "--model", "m", "--message", "Tell me about Paris", "--stream", "--json",
        "--timeout", "0.5", "--header", "x-sandbox-fault: stall_after_events=6",
    )  # fmt: skip
    assert status == 5
    result = json.loads(out)  # one object, with what arrived
    assert result["text"]
    assert result["ttft_ms"] is not None
    assert result["error"].startswith("The server took too long to answer")
    assert err.startswith("workbench: The server took too long to answer")


def test_rerank_json_that_times_out_prints_its_object_with_the_error(
    sandbox: RunningSandbox, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`rerank --json` printed nothing on stdout on a timeout, where `chat --json` prints its
    object with `error` (the module docstring promises it for both)."""
    fault = ["--timeout", "0.5", "--header", "x-sandbox-fault: delay_ms=5000"]
    status, out, err = _run(capsys, *_rerank(sandbox, docs, "--json", *fault))
    assert status == 5
    result = json.loads(out)  # one object, not nothing
    assert result.pop("latency_ms") >= 500  # how long it waited
    error = result.pop("error")
    assert error.startswith("The server took too long to answer")
    assert result == {"results": [], "id": None, "billed_units": {}}
    assert err == f"workbench: {error}\n"


@pytest.mark.parametrize("command", ["chat", "rerank"])
@pytest.mark.parametrize(
    ("key", "status", "said"),
    [
        ("not-the-key", EXIT_SERVER, "Authentication failed · HTTP 401"),
        (None, 5, "Could not connect"),
    ],
)
def test_json_prints_its_object_when_the_request_fails(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    key: str | None,
    status: int,
    said: str,
) -> None:
    """A refused key or connection printed nothing on stdout, where a timeout printed the
    object: a script reading `--json` got one object or none, depending on how it failed."""
    url = sandbox.base_url if key else "http://127.0.0.1:9"  # discard: nothing listens there
    if key:
        monkeypatch.setenv("WORKBENCH_API_KEY", key)
    argv = ["--model", "m", "--url", url, "--json"]
    asks = ["--message", "hi"] if command == "chat" else ["--query", "q", "--documents", str(docs)]
    code, out, err = _run(capsys, command, *argv, *asks)
    assert code == status
    result = json.loads(out)  # one object, not nothing
    error = result.pop("error")
    assert error.startswith(said)
    assert err.startswith(f"workbench: {error}")
    assert result["results" if command == "rerank" else "text"] in ([], "")
    assert "not-the-key" not in out + err


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"<html>gateway</html>", "the answer is not JSON"),
        (b'{"results": "none"}', "at results"),  # JSON, but not a rerank answer
    ],
)
def test_rerank_json_with_an_unreadable_answer_prints_its_object_with_the_error(
    docs: Path, capsys: pytest.CaptureFixture[str], body: bytes, why: str
) -> None:
    """`rerank --json` printed nothing on stdout when the answer could not be read, where a
    timeout and Ctrl+C print its object with `error`, and `chat --json` does after a protocol
    error. (The sandbox answers rerank correctly whatever the fault: a scripted server here.)"""
    with HostileServer() as server:
        url = server.script("unreadable", Answer.whole(body, content_type="application/json"))
        argv = ["rerank", "--url", url, "--auth", "none", "--model", "m", "--query", "capital",
                "--documents", str(docs), "--json"]  # fmt: skip
        status, out, err = _run(capsys, *argv)
    assert status == EXIT_PROTOCOL  # as before: the object comes first, the failure's status after
    result = json.loads(out)  # one object, not nothing
    assert result.pop("latency_ms") >= 0  # how long it ran
    error = result.pop("error")
    assert error.startswith("Unexpected answer from the server")
    assert why in error
    assert result == {"results": [], "id": None, "billed_units": {}}
    assert err == f"workbench: {error}\n"


def test_a_streamed_answer_that_times_out_ends_its_line_for_the_shell(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stalled stream in plain `--stream` mode left the partial text without its line end, so
    the shell's prompt followed on the same line (a broken stream already ended it)."""
    status, out, err = _run(
        capsys, "chat", "--url", sandbox.base_url, "--model", "m", "--message", "Tell me about Paris", "--stream",
        "--timeout", "0.5", "--header", "x-sandbox-fault: stall_after_events=6",
    )  # fmt: skip
    assert status == 5
    text, rest = out.split("\n", 1)
    assert text.strip()  # what arrived, on its own line
    assert rest.endswith("\n")
    assert err.startswith("workbench: The server took too long to answer")


@pytest.mark.parametrize(
    ("extra", "kept"),
    [
        (["--message", "What is the capital of France?", "--documents", str(SAMPLES / "chat_documents.json")], "citations"),
        (["--message", "Weather in Paris?", "--tools", str(SAMPLES / "tools_v1.json")], "tool_calls"),
    ],
)  # fmt: skip
def test_json_keeps_citations_and_tool_calls_of_a_cut_stream(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], extra: list[str], kept: str
) -> None:
    base = ["chat", "--url", sandbox.base_url, "--model", "m", "--stream", "--json", *extra]
    _, whole, _ = _run(capsys, *base)
    cut_at = json.loads(whole)["events"] - 3  # the answer's end never arrives
    status, out, _ = _run(capsys, *base, "--header", f"x-sandbox-fault: drop_after_events={cut_at}")
    assert status == 4
    result = json.loads(out)
    assert result["error"].startswith("Unexpected answer from the server")
    assert result[kept]
    for c in result["citations"]:
        assert result["text"][c["start"] : c["end"]] == c["text"]


_STREAM_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"


def _stalling_server(answer: bytes) -> tuple[socket.socket, threading.Event]:
    """A loopback server that takes one request, sends `answer` (b"": nothing at all) and then
    nothing more; `sent` is set once the request is in and the answer out."""
    listener = socket.create_server(("127.0.0.1", 0))
    sent = threading.Event()

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(65536)
            conn.sendall(answer)
            sent.set()
            with contextlib.suppress(OSError):  # a reset is how a cancelled client may leave
                while conn.recv(65536):  # hold the stream open until the client goes away
                    pass

    threading.Thread(target=serve, daemon=True).start()
    return listener, sent


def test_ctrl_c_with_json_prints_what_arrived_and_exits_130(
    sandbox: RunningSandbox, processes: Processes
) -> None:
    headers = {"Authorization": f"Bearer {SANDBOX_TEST_KEY}"}
    body = {"model": "m", "stream": True, "messages": [{"role": "user", "content": "Paris?"}]}
    with httpx.stream(
        "POST", sandbox.base_url + "/v2/chat", json=body, headers=headers, timeout=WAIT_S
    ) as answer:
        frames = b"".join(answer.iter_raw())
    start = b"".join(frame + b"\n\n" for frame in frames.split(b"\n\n")[:6])
    listener, sent = _stalling_server(_STREAM_HEAD + start)
    with listener:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        argv = [sys.executable, "-m", "workbench", "chat", "--url", url, "--auth", "none",
                "--model", "m", "--message", "Paris?", "--stream", "--json"]  # fmt: skip
        child = processes.start(argv, cwd=REPO)
        if not sent.wait(timeout=WAIT_S):
            pytest.fail(f"no request arrived within {WAIT_S:g} s:\n{child.report()}")
        child.send_signal(signal.SIGINT)
        assert child.wait() == 130, child.report()
    result = json.loads(child.stdout())  # one object, not a traceback
    assert result["error"] == "cancelled"
    assert child.stderr() == "workbench: cancelled\n"
    whole = io.StringIO()
    argv = ["chat", "--url", sandbox.base_url, "--model", "m", "--message", "Paris?", "--json"]
    main([*argv, "--stream"], stdout=whole)
    assert json.loads(whole.getvalue())["text"].startswith(result["text"])  # what had arrived


def test_ctrl_c_with_rerank_json_prints_a_stopped_object_and_exits_130(
    processes: Processes, docs: Path
) -> None:
    """`rerank --json` printed nothing on Ctrl+C, where `chat --json` prints its object."""
    listener, sent = _stalling_server(b"")  # the request is taken, never answered
    with listener:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        argv = [sys.executable, "-m", "workbench", "rerank", "--url", url, "--auth", "none",
                "--model", "m", "--query", "capital", "--documents", str(docs), "--json"]  # fmt: skip
        child = processes.start(argv, cwd=REPO)
        if not sent.wait(timeout=WAIT_S):
            pytest.fail(f"no request arrived within {WAIT_S:g} s:\n{child.report()}")
        child.send_signal(signal.SIGINT)
        assert child.wait() == 130, child.report()
    result = json.loads(child.stdout())  # one object, not nothing
    assert result.pop("latency_ms") >= 0  # how long it ran before Ctrl+C
    assert result == {"results": [], "id": None, "billed_units": {}, "error": "cancelled"}
    assert child.stderr() == "workbench: cancelled\n"


def _saved_keyless(base_url: str, **fields: Any) -> None:
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.settings import SettingsStore

    endpoint = EndpointConfig(name="Saved", base_url=base_url, auth="none", **fields)
    SettingsStore.default().update(endpoints=[endpoint])


@pytest.mark.parametrize(
    ("option", "value"), [("--auth", "api-key"), ("--auth", "bearer"), ("--key-env", "HOME")]
)
def test_cli_refuses_auth_options_a_saved_endpoint_answers_for_itself(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    """They were ignored in silence: a script checked another setup than the one it asked for."""
    _saved_keyless("http://127.0.0.1:9")
    argv = ["chat", "--endpoint", "Saved", "--message", "hi", option, value]
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert f"{option} does not apply with --endpoint" in err


def test_cli_per_run_options_apply_to_a_saved_endpoint() -> None:
    """--timeout, --api-version and --extra-parameters were ignored with --endpoint."""
    from workbench.cli.connection import connection_from_args
    from workbench.cli.parser import build_parser

    _saved_keyless(
        "http://127.0.0.1:9",
        flavour="openai",
        timeout_s=30.0,
        api_version="2024-05-01-preview",
    )
    argv = ["chat", "--endpoint", "Saved", "--message", "hi"]
    saved = connection_from_args(build_parser().parse_args(argv))
    assert (saved.timeout_s, saved.api_version, saved.extra_parameters) == (
        30.0,
        "2024-05-01-preview",
        None,
    )
    given = ["--timeout", "300", "--api-version", "2025-01-01", "--extra-parameters", "drop"]
    changed = connection_from_args(build_parser().parse_args([*argv, *given]))
    assert (changed.timeout_s, changed.api_version, changed.extra_parameters) == (
        300.0,
        "2025-01-01",
        "drop",
    )
    assert changed.auth.value == "none"  # the endpoint's own scheme, untouched


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("a=1&b=2", "the URL's query (a=1&b=2) is not sent"),
        ("api-key=sk-probe-ABCDEFGHIJKLMNOP1234", "(api-key=[redacted]) is not sent"),
        ("code=xyz", "'code' looks like a key"),
    ],
)
def test_cli_refuses_a_url_query_it_would_not_send(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    query: str,
    shown: str,
) -> None:
    """The query was dropped in silence; a key in it left the requests unauthenticated."""
    monkeypatch.delenv("WORKBENCH_API_KEY")
    argv = _rerank(sandbox, docs)
    argv[2] = f"{sandbox.base_url}/v2/rerank?{query}"
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (2, "")
    assert shown in err
    assert "ABCDEFGHIJKLMNOP" not in err
    assert "xyz" not in err


PASSWORD = "hunter2pw"


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["rerank", "--model", "m", "--query", "q"], "--url"),
        (["chat", "--message", "hi"], "--url"),
        (["qa", "--flavour", "cohere-v1", "--requests", "2"], "--url"),
        (["eval", "--set", "{set}", "--model", "m"], "--url"),
        (["eval", "--set", "{set}", "--model", "m", "--compare-url", "{bad}"], "--compare-url"),
    ],
)
def test_cli_refuses_a_url_with_a_password_naming_the_option(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    option: str,
) -> None:
    """httpx sent the user info as Basic authentication in place of the key: a bare 401."""
    from tests.core.evaluation.test_metrics import SAMPLE

    bad = sandbox.base_url.replace("http://", f"http://user:{PASSWORD}@")
    first = sandbox.base_url if option == "--compare-url" else bad
    argv = [arg.format(set=SAMPLE, bad=bad) for arg in command]
    if command[0] == "rerank":
        argv += ["--documents", str(docs)]
    status, out, err = _run(capsys, *argv, "--url", first)
    assert (status, out) == (2, "")
    assert f"{option}: the URL holds a user name or password (before the @)" in err
    assert "would be sent as HTTP Basic authentication in place of the key" in err
    key_env = "--compare-key-env" if option == "--compare-url" else "--key-env"
    assert f"put the key in an environment variable named by {key_env}" in err
    assert PASSWORD not in err
    assert "user:" not in err


def test_cli_refuses_a_saved_endpoint_whose_url_holds_a_password(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """An older version saved such a URL from the Endpoints form."""
    _saved_keyless(sandbox.base_url.replace("http://", f"http://user:{PASSWORD}@"))
    status, out, err = _run(capsys, "chat", "--endpoint", "Saved", "--message", "hi")
    assert (status, out) == (2, "")
    assert "--endpoint: the saved endpoint's base URL holds a user name or password" in err
    assert "remove it in the Endpoints pane" in err
    assert PASSWORD not in err


@pytest.mark.parametrize(
    ("command", "url"),
    [
        (["rerank", "--query", "q", "--documents", "d.json"], "/v2/rerank"),
        (["chat", "--message", "hi"], ""),
        (["chat", "--message", "hi", "--flavour", "cohere-v1"], "/v1/chat?api-version=1"),
    ],
)
def test_cli_refuses_an_api_version_no_cohere_route_takes(
    capsys: pytest.CaptureFixture[str], command: list[str], url: str
) -> None:
    """--api-version goes only on Azure inference routes; on Cohere routes it was ignored."""
    given = [] if "api-version" in url else ["--api-version", "2024-05-01"]
    argv = [*command, "--url", "http://127.0.0.1:9" + url, *given]
    status, _, err = _run(capsys, *argv)
    assert status == 2
    assert "api-version is not sent on /v" in err
    assert "only Azure model-inference routes (/chat/completions, /info) take it" in err


def test_cli_sends_an_api_version_to_chat_completions() -> None:
    from workbench.cli.connection import connection_from_args
    from workbench.cli.parser import build_parser

    argv = ["chat", "--url", "http://127.0.0.1:9/chat/completions", "--message", "hi"]
    parsed = build_parser().parse_args([*argv, "--api-version", "2024-05-01"])
    assert connection_from_args(parsed).api_version == "2024-05-01"


@pytest.mark.parametrize(
    ("flavour", "option", "problem"),
    [
        (
            "cohere-v2",
            "--max-chunks-per-doc",
            "cohere-v2 rerank does not take --max-chunks-per-doc (it takes --max-tokens-per-doc)",
        ),
        (
            "cohere-v1",
            "--max-tokens-per-doc",
            "cohere-v1 rerank does not take --max-tokens-per-doc (it takes --max-chunks-per-doc)",
        ),
    ],
)
def test_rerank_refuses_the_length_option_the_flavour_has_no_field_for(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    flavour: str,
    option: str,
    problem: str,
) -> None:
    """It was left out of the body in silence."""
    argv = _rerank(sandbox, docs, "--flavour", flavour, option, "3", "--no-history")
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (2, "")
    assert problem in err


@pytest.mark.parametrize(
    ("chunks", "said"), [([], "10 chunks"), (["--max-chunks-per-doc", "20"], "20 chunks")]
)
def test_rerank_over_the_v1_chunk_budget_names_the_remedies_the_command_line_has(
    sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    chunks: list[str],
    said: str,
) -> None:
    """The refusal told people to split the documents into batches, which only the GUI does,
    and to lower a field by its API name."""
    path = tmp_path / "documents.json"
    path.write_text(json.dumps([f"document {i}" for i in range(1001)]), encoding="utf-8")
    argv = _rerank(sandbox, path, "--flavour", "cohere-v1", *chunks, "--json")
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (EXIT_INPUT, "")
    assert err == (
        f"workbench: Invalid input: --max-chunks-per-doc: 1,001 documents x {said} each must "
        "stay below 10,000: give --max-chunks-per-doc 9 or less, or send fewer documents\n"
    )


@pytest.mark.parametrize("value", ["", "  "])
def test_cli_refuses_an_empty_key_variable_like_an_unset_one(
    sandbox: RunningSandbox,
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    value: str,
) -> None:
    """The request went out with no key and no note."""
    monkeypatch.setenv("PROBEKEY", value)
    status, out, err = _run(capsys, *_rerank(sandbox, docs, "--key-env", "PROBEKEY"))
    assert (status, out) == (2, "")
    assert "--key-env: environment variable PROBEKEY is empty" in err


@pytest.mark.parametrize(
    ("results", "where"),
    [
        ([{"outputs": [{}]}], "[0].call: expected the tool call this result answers"),
        ([{"call": {"id": "c1"}, "outputs": [{}]}], "[0].call.name: Field required"),
        (
            [{"call": {"function": {"name": "f", "arguments": 5}}, "outputs": [{}]}],
            "[0].call.function.arguments: Input should be a valid dictionary",
        ),
        ([{"call": {"name": "f"}, "outputs": 3}], "[0].outputs: Input should be a valid list"),
    ],
)
def test_bad_tool_results_name_the_field_as_the_file_spells_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], results: list[Any], where: str
) -> None:
    """A missing call was reported as `[0].name`, function-form arguments as `[0].parameters`."""
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    argv = ["chat", "--url", "http://127.0.0.1:9", "--message", "hi", "--tool-results", str(path)]
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (2, "")
    assert f"results.json: {where}" in err


@pytest.mark.parametrize("route", ["/v1/chat", "/v2/chat", "/chat/completions"])
def test_the_tool_results_sample_works_on_every_flavour(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], route: str
) -> None:
    """The sample had no call ids: Cohere v2 and /chat/completions refused it."""
    argv = ["chat", "--url", sandbox.base_url + route, "--model", "command-a-03-2025"]
    samples = ["--tools", str(SAMPLES / "tools_v1.json")]
    results = ["--tool-results", str(SAMPLES / "tool_results.json")]
    status, out, err = _run(capsys, *argv, "--message", "x", *samples, *results, "--no-history")
    assert (status, err) == (0, "")
    assert out


@pytest.mark.parametrize("message", ["", "  \n"])
def test_a_blank_message_is_refused_before_sending_exit_2(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], message: str
) -> None:
    """It went to the server, whose 400 came back as exit 3."""
    argv = ["chat", "--url", sandbox.base_url + "/v2/chat", "--model", "m", "--message", message]
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (EXIT_INPUT, "")
    assert err == (
        "workbench: Invalid input: --message: the message is empty; give the turn's words (or "
        "--tool-results to answer tool calls)\n"
    )
    # Cohere v1 takes an empty message beside tool results: they answer on their own.
    v1 = ["chat", "--url", sandbox.base_url + "/v1/chat", "--message", message]
    results = ["--tool-results", str(SAMPLES / "tool_results.json")]
    tools = ["--tools", str(SAMPLES / "tools_v1.json")]
    assert _run(capsys, *v1, *tools, *results, "--no-history")[0] == 0


def _last_request_body(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    status, out, _ = _run(capsys, "history", "list", "--json", "--limit", "1")
    assert status == 0
    status, out, _ = _run(capsys, "history", "show", json.loads(out)[0]["id"], "--json")
    assert status == 0
    body: dict[str, Any] = json.loads(json.loads(out)["request_body"])
    return body


@pytest.mark.parametrize("route", ["/v2/chat", "/chat/completions"])
def test_tool_results_follow_the_turn_that_asked_for_them(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], route: str
) -> None:
    """With no --history, the results went first and the message after them: tool messages
    answering no call, which Cohere v2 and OpenAI-style servers refuse, and a question asked
    again (the sandbox called the tools once more)."""
    argv = ["chat", "--url", sandbox.base_url + route, "--model", "command-a-03-2025"]
    samples = ["--tools", str(SAMPLES / "tools_v1.json")]
    results = ["--tool-results", str(SAMPLES / "tool_results.json")]
    status, out, err = _run(capsys, *argv, "--message", "Weather?", *samples, *results, "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["tool_calls"] == []
    messages = _last_request_body(capsys)["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "tool", "tool"]
    assert messages[0]["content"] == "Weather?"
    calls = [c["id"] for c in messages[1]["tool_calls"]]
    assert calls == ["get_weather_0", "search_orders_1"]
    assert [m["tool_call_id"] for m in messages[2:]] == calls


def test_a_tool_result_without_its_call_id_says_where_the_id_comes_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "results.json"
    path.write_text('[{"call": {"name": "f"}, "outputs": [{}]}]', encoding="utf-8")
    argv = ["chat", "--url", "http://127.0.0.1:9/v2/chat", "--model", "m", "--message", "hi"]
    status, _, err = _run(capsys, *argv, "--tool-results", str(path))
    assert status == 2
    assert (
        "Cohere v2 needs the id of the call: copy the id of the tool call from the previous" in err
    )


def test_cli_url_defaults_stay_bearer_and_two_minutes() -> None:
    from workbench.cli.connection import connection_from_args
    from workbench.cli.parser import build_parser

    argv = ["chat", "--url", "http://127.0.0.1:9", "--message", "hi"]
    connection = connection_from_args(build_parser().parse_args(argv))
    assert (connection.auth.value, connection.timeout_s) == ("bearer", 120.0)


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon"])
def test_cli_refuses_a_timeout_that_is_not_a_positive_number(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """Zero, negative and nan were taken: every read then failed at once, or never ended."""
    argv = ["chat", "--url", "http://127.0.0.1:9", "--message", "hi", f"--timeout={value}"]
    status, _, err = _run(capsys, *argv)
    assert status == 2
    assert f"expected a positive number of seconds, got {value!r}" in err


def test_cli_refuses_two_options_reading_standard_input(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The second `-` read nothing and failed as '<stdin>: line 1, column 1: Expecting value'."""
    argv = ["chat", "--url", "http://127.0.0.1:9", "--model", "m", "--message", "hi"]
    status, out, err = _run(capsys, *argv, "--history", "-", "--documents", "-")
    assert (status, out) == (2, "")
    assert "only one option can read standard input (-): --history, --documents" in err


def test_every_option_of_every_command_says_what_it_is_for() -> None:
    """`history show --help` listed `id` and `--json` bare; `history export --as` named four
    formats without saying what they are. Options in a group that describes them all (eval's
    `--compare-X`: "Each --compare-X is --X for endpoint B") may go without."""
    from workbench.cli.parser import build_parser

    bare: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        described = {
            id(action)
            for group in parser._action_groups
            if group.description
            for action in group._group_actions
        }
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not action.help and id(action) not in described:
                bare.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(build_parser(), "workbench")
    assert bare == []

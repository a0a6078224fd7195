"""`workbench qa` against the sandbox: progress, exit codes, the report files, --json."""

from __future__ import annotations

import json
import signal
import socket
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.hostile_server import Answer, HostileServer
from workbench.cli import main
from workbench.sandbox.runner import SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.processes import Processes
    from workbench.sandbox.runner import RunningSandbox

REPO = Path(__file__).resolve().parents[1]
FAST = ["--rpm", "60000", "--requests", "2", "--ttft-budget-ms", "600000"]


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)


@pytest.fixture(scope="module")
def cited_wrong() -> Iterator[RunningSandbox]:
    config = SandboxConfig(key=SANDBOX_TEST_KEY, default_faults="wrong_citations=1")
    with start_sandbox(config) as running:
        yield running


def _qa(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    status = main(["qa", "--url", url, "--flavour", "cohere-v1", *FAST, *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_qa_passes_with_exit_0_and_writes_reports(
    sandbox: RunningSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md, html, xml = tmp_path / "qa.md", tmp_path / "qa.html", tmp_path / "qa.xml"
    status, out, err = _qa(capsys, sandbox.base_url, "--report", str(md), "--junit", str(xml))
    assert status == 0, out + err
    assert "[ 1/25] PASS  reachability: the server answered HTTP 200" in out
    assert out.rstrip().endswith("PASSED: 24 passed, 0 failed, 1 skipped")
    assert f"wrote {md}" in err
    assert md.read_text(encoding="utf-8").startswith("# Deployment QA:")
    assert len(ET.parse(xml).getroot().iter("testcase").__next__().attrib) >= 3
    status, _out, _err = _qa(capsys, sandbox.base_url, "--checks", "info", "--report", str(html))
    assert status == 0
    assert "<svg" not in html.read_text(encoding="utf-8")  # no latency check, no chart
    for path in (md, html, xml):
        assert SANDBOX_TEST_KEY not in path.read_text(encoding="utf-8")


def test_a_refused_key_is_said_as_such_with_no_model_to_name(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no --model, the model comes from /info, which a wrong key keeps shut: the key checks
    failed with "Cohere v2 needs a model name" instead of saying the key was refused."""
    monkeypatch.setenv("WORKBENCH_API_KEY", "qa-test-wrong-key-0451")
    argv = ["--flavour", "cohere-v2", "--checks", "auth-accepted,auth-refused"]
    status, out, _ = _qa(capsys, sandbox.base_url, *argv)
    assert status == 1
    assert "FAIL  auth-accepted: the endpoint's key was refused: Authentication failed" in out
    assert "PASS  auth-refused: a wrong key was refused with HTTP 401" in out
    assert "needs a model name" not in out


def test_a_failed_check_exits_1_and_says_why(
    cited_wrong: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = _qa(capsys, cited_wrong.base_url, "--checks", "chat-rag,chat-plain")
    assert status == 1
    assert "FAIL  chat-rag: 3 of 3 citations wrong" in out
    assert "FAILED: 1 passed, 1 failed, 0 skipped" in out


def test_one_latency_request_is_counted_in_the_singular(
    sandbox: RunningSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line and the reports said "1 requests": the counts had no singular."""
    md, html = tmp_path / "qa.md", tmp_path / "qa.html"
    argv = ["--checks", "latency", "--requests", "1"]
    status, out, err = _qa(capsys, sandbox.base_url, *argv, "--report", str(md))
    assert status == 0, out + err
    assert "PASS  latency: 1 request: first token p50 " in out
    assert "\n1 request, 1 answered in full.\n" in md.read_text(encoding="utf-8")
    status, out, err = _qa(capsys, sandbox.base_url, *argv, "--report", str(html))
    assert status == 0, out + err
    assert "<p>1 request, 1 answered in full.</p>" in html.read_text(encoding="utf-8")


def test_json_prints_one_object_and_progress_goes_to_stderr(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _qa(capsys, sandbox.base_url, "--checks", "connection", "--json")
    assert status == 0
    report = json.loads(out)
    assert report["passed"] is True
    assert [r["id"] for r in report["results"]][:2] == ["reachability", "tls"]
    assert "PASS  reachability" in err
    assert SANDBOX_TEST_KEY not in out + err


@pytest.mark.parametrize(
    ("argv", "where"),
    [
        (["--checks", "chat,nonsense"], "--checks"),
        (["--report", "qa.pdf"], "--report"),
        (["--requests", "-1"], "--requests"),
        (["--ttft-budget-ms", "nan"], "--ttft-budget-ms: expected a positive number, got 'nan'"),
        (["--ttft-budget-ms", "-1"], "--ttft-budget-ms: expected a positive number"),
        (["--total-budget-ms", "nan"], "--total-budget-ms: expected a positive number"),
        (["--total-budget-ms", "-100"], "--total-budget-ms: expected a positive number"),
    ],
)
def test_bad_input_exits_2_before_anything_is_sent(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], argv: list[str], where: str
) -> None:
    status, out, err = _qa(capsys, sandbox.base_url, *argv)
    assert status == 2
    assert where in err
    assert out == ""


@pytest.mark.parametrize(
    ("reports", "problem"),
    [
        (["--report", "nodir/x.md"], "--report: cannot write nodir/x.md: there is no folder"),
        (["--junit", "nodir/x.xml"], "--junit: cannot write nodir/x.xml: there is no folder"),
        (["--report", "."], "--report: the report is written as .md or .html"),
        (["--junit", "."], "--junit: cannot write .: it is a folder"),
        (["--report", "same.md", "--junit", "same.md"], "same.md is also the --report file"),
    ],
)
def test_report_paths_are_checked_before_the_run(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[str],
    problem: str,
) -> None:
    """They were checked after the whole run (then no report); one path twice was overwritten."""
    monkeypatch.chdir(tmp_path)
    status, out, err = _qa(capsys, sandbox.base_url, *reports)
    assert (status, out) == (2, "")
    assert problem in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("lost", ["--report", "--junit"])
def test_a_report_lost_to_a_full_disk_exits_74_after_everything_else_is_written(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path, lost: str
) -> None:
    """It was bad input (exit 2), raised past the summary: the path was good, the disk full."""
    full = {"--report": tmp_path / "full.md", "--junit": tmp_path / "full.xml"}
    kept = {"--report": tmp_path / "kept.md", "--junit": tmp_path / "kept.xml"}
    other = "--junit" if lost == "--report" else "--report"
    full[lost].symlink_to("/dev/full")
    argv = ["--checks", "reachability", lost, str(full[lost]), other, str(kept[other])]
    status, out, err = _qa(capsys, sandbox.base_url, *argv)
    assert status == 74, err
    assert out.endswith("PASSED: 1 passed, 0 failed, 0 skipped\n")
    assert f"workbench: cannot write {full[lost]}: No space left on device\n" in err
    assert f"workbench: wrote {kept[other]}\n" in err
    assert kept[other].stat().st_size > 0
    assert "Invalid input" not in err


def test_an_unreachable_endpoint_exits_5(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    status, out, err = _qa(capsys, f"http://127.0.0.1:{port}", "--checks", "connection")
    assert status == 5
    assert "FAIL  reachability" in out
    assert "could not be reached" in err


LONE_SURROGATE = b'{"model_name": "bad input \\ud800 here", "message": "bad input \\ud800 here"}'
"""Valid JSON whose strings hold a lone surrogate, which no UTF-8 encoder takes; /info reads
`model_name`, an error body `message`."""


@pytest.mark.parametrize("json_out", [[], ["--json"]])
def test_server_text_with_a_lone_surrogate_is_shown_and_reported_as_u_fffd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], json_out: list[str]
) -> None:
    md, html, xml = tmp_path / "qa.md", tmp_path / "qa.html", tmp_path / "qa.xml"
    answer = Answer.whole(LONE_SURROGATE, content_type="application/json")
    with HostileServer() as server:
        url = server.script("surrogate", answer)
        reports = ["--report", str(md), "--junit", str(xml), *json_out]
        status, out, err = _qa(capsys, url, *reports)
        assert status == 1, out + err
        _qa(capsys, url, "--report", str(html))
    assert "bad input \ufffd here" in (err if json_out else out)
    if json_out:
        assert "bad input \ufffd here" in json.dumps(json.loads(out), ensure_ascii=False)
    for path in (md, html, xml):
        assert "bad input \ufffd here" in path.read_text(encoding="utf-8")


def test_ctrl_c_with_json_prints_the_checks_so_far_and_exits_130(
    processes: Processes,
) -> None:
    """`qa --json` printed nothing on Ctrl+C, where `chat --json` prints what arrived."""
    config = SandboxConfig(key=SANDBOX_TEST_KEY, default_faults="slow_stream_ms=200")
    with start_sandbox(config) as slow:
        argv = [sys.executable, "-m", "workbench", "qa", "--url", slow.base_url,
                "--flavour", "cohere-v2", "--model", "m", *FAST, "--json"]  # fmt: skip
        child = processes.start(argv, cwd=REPO)
        child.wait_for_line("[ 1/", stream="stderr")
        child.send_signal(signal.SIGINT)
        assert child.wait() == 130, child.report()
    result = json.loads(child.stdout())  # one object, not nothing
    assert result["error"] == "cancelled"
    assert result["results"], child.report()
    assert child.stderr().endswith("workbench: cancelled\n")

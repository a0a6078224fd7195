"""`--auth entra` on the command line against the Entra-mode sandbox: sign-in, refresh, failures."""

from __future__ import annotations

import json
import os
import shlex
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import token_calls
from workbench.cli import main
from workbench.cli.status import EXIT_INPUT, EXIT_OK, EXIT_SERVER

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.processes import Processes
    from workbench.sandbox.runner import RunningSandbox

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_API_KEY", raising=False)


def _rerank(url: str, tmp_path: Path, *extra: str) -> list[str]:
    docs = tmp_path / "docs.json"
    docs.write_text(json.dumps(["Paris is the capital of France.", "Berlin."]), encoding="utf-8")
    query = ["--query", "capital of France", "--documents", str(docs), "--json"]
    return ["rerank", "--url", url, "--model", "rerank-v3.5", *query, "--auth", "entra", *extra]


def test_cli_signs_in_with_a_token_command_and_refreshes_an_expired_token(
    entra_sandbox: RunningSandbox,
    token_command: Callable[..., str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    command = token_command("--lifetimes=-5,3600", "--claim", "3600")
    argv = _rerank(entra_sandbox.base_url + "/v2/rerank", tmp_path, "--token-command", command)
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == EXIT_OK, err
    assert json.loads(out)["results"][0]["index"] == 0
    assert token_calls(tmp_path) == 2  # the dead token was refused once, then replaced
    assert "sbxentra" not in out + err


def test_cli_reports_a_failed_sign_in_in_words(
    entra_sandbox: RunningSandbox,
    token_command: Callable[..., str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    command = token_command("--fail", "ERROR: Please run 'az login' to setup account.")
    status = main(_rerank(entra_sandbox.base_url, tmp_path, "--token-command", command))
    _, err = capsys.readouterr()
    assert status == EXIT_INPUT
    assert "Sign-in failed" in err
    assert "Not signed in: run `az login`" in err


def test_cli_without_a_role_is_refused(
    entra_sandbox: RunningSandbox,
    token_command: Callable[..., str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    command = token_command("--no-access")
    status = main(_rerank(entra_sandbox.base_url, tmp_path, "--token-command", command))
    _, err = capsys.readouterr()
    assert status == EXIT_SERVER
    assert "PermissionDenied" in err


def test_sandbox_command_prints_a_token_command_the_cli_can_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], processes: Processes
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "workbench", "sandbox", "--port", "0", "--entra-tokens"]
    child = processes.start(command, cwd=ROOT, env=env)
    base_url = child.wait_for_line("base URL: ").split("base URL: ", 1)[1]
    line = child.wait_for_line("token command (--auth entra): ")
    token_cmd = line.split(": ", 1)[1]
    status = main(_rerank(base_url, tmp_path, "--token-command", token_cmd))
    out, err = capsys.readouterr()
    assert status == EXIT_OK, err
    assert json.loads(out)["results"]
    assert main(_rerank(base_url, tmp_path, "--auth", "bearer")) == EXIT_SERVER
    child.send_signal(signal.SIGINT)
    assert child.wait() == 0, child.report()


def test_entra_options_without_entra_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _rerank("http://127.0.0.1:9", tmp_path, "--auth", "bearer", "--scope", "s")
    assert main(argv) == EXIT_INPUT
    assert "--scope applies only with --auth entra" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("token", "kind"),
    [("ab\ncdHIDDEN", "a control character"), ("abécdHIDDEN", "a character outside ASCII")],
)
def test_cli_refuses_a_token_a_header_cannot_carry_without_showing_it(
    entra_sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    token: str,
    kind: str,
) -> None:
    script = tmp_path / "token.py"
    answer = json.dumps({"accessToken": token, "expires_in": 3600})
    script.write_text(f"import sys\nsys.stdout.write({answer!r})\n", encoding="utf-8")
    command = shlex.join([sys.executable, str(script)])
    status = main(_rerank(entra_sandbox.base_url, tmp_path, "--token-command", command))
    out, err = capsys.readouterr()
    assert (status, out) == (EXIT_INPUT, "")
    assert err.startswith("workbench: Sign-in failed · at the token command")
    assert f"the token command printed a token a header cannot carry: it contains {kind}" in err
    assert "HIDDEN" not in err
    assert err.count("\n") == 1

"""`workbench eval` against the sandbox: figures, --json, --fail-under, comparison, resuming."""

from __future__ import annotations

import io
import json
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.core.evaluation.test_metrics import SAMPLE
from tests.waits import wait_until
from workbench.cli import main
from workbench.cli.evaluate import print_report
from workbench.core.evaluation.metrics import score_query
from workbench.core.evaluation.runner import EvalReport, SideResult
from workbench.core.evaluation.stats import compare
from workbench.core.runs.store import RunStore
from workbench.sandbox.runner import SandboxConfig, start_sandbox

REPO = Path(__file__).resolve().parents[1]

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.processes import Processes
    from workbench.sandbox.runner import RunningSandbox


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)


def _eval(
    capsys: pytest.CaptureFixture[str], sandbox: RunningSandbox, *extra: str
) -> tuple[int, str, str]:
    argv = ["eval", "--set", str(SAMPLE), "--url", sandbox.base_url, "--model", "rerank-v3.5"]
    status = main([*argv, *extra])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_figures_and_every_request_in_the_history(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _eval(capsys, sandbox, "--json", "--k", "5")
    assert status == 0
    report = json.loads(out)
    assert (report["set"], report["k"], report["queries"], report["requests"]) == (
        "rerank_eval",
        5,
        20,
        20,
    )
    metrics = report["endpoints"][0]["metrics"]
    assert set(metrics) == {"nDCG@5", "MRR@5", "Recall@5"}
    assert 0.5 < metrics["nDCG@5"] <= 1.0
    assert len(report["endpoints"][0]["per_query"]) == 20
    assert report["comparison"] is None
    store = RunStore.default()
    runs = store.find()
    store.close()
    assert len(runs) == 20
    assert {(r.kind, r.source, r.outcome) for r in runs} == {("rerank", "cli", "ok")}
    assert SANDBOX_TEST_KEY not in out


def test_fail_under_exits_1_when_missed_and_0_when_met(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _eval(capsys, sandbox, "--fail-under", "ndcg@10=0.99", "--no-history")
    assert status == 1
    assert "nDCG@10 is 0." in err
    assert "under the floor 0.99" in err
    assert "nDCG@10" in out
    assert "MRR@10" in out
    status, out, err = _eval(
        capsys, sandbox, "--fail-under", "mrr=0.5", "--fail-under", "recall=0.5", "--json"
    )
    assert status == 0
    assert [t["met"] for t in json.loads(out)["thresholds"]] == [True, True]


@pytest.mark.parametrize("bad", ["ndcg", "map=0.3", "ndcg@5=0.3", "ndcg=1.5"])
def test_bad_fail_under_exits_2(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    status, _, err = _eval(capsys, sandbox, "--fail-under", bad)
    assert status == 2
    assert "--fail-under" in err


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--concurrency", "0", "a whole number, 1 or more"),  # quietly run as 1 before
        ("--concurrency", "-2", "a whole number, 1 or more"),
        ("--rpm", "0", "a positive number"),  # quietly no pacing at all before
        ("--rpm", "-1", "a positive number"),
        ("--rpm", "nan", "a positive number"),
    ],
)
def test_eval_refuses_pacing_numbers_out_of_range(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], option: str, value: str, said: str
) -> None:
    status, out, err = _eval(capsys, sandbox, f"{option}={value}")
    assert (status, out) == (2, "")
    assert f"argument {option}: expected {said}, got {value!r}" in err


@pytest.mark.parametrize("value", ["99999999999", "1001"])
def test_eval_refuses_a_k_outside_the_guis_range(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """A huge --k ran, and its table's headers ran together ("nDCG@99999999999MRR@..."): it is
    refused, as the Evaluation pane's k field stops at 1000."""
    status, out, err = _eval(capsys, sandbox, "--k", value, "--no-history")
    assert (status, out) == (2, "")
    assert f"argument --k: expected a whole number from 1 to 1000, got {value!r}" in err


def test_the_table_keeps_its_headers_apart_at_the_largest_k(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _eval(capsys, sandbox, "--k", "1000", "--no-history")
    assert status == 0
    header = out.splitlines()[2]
    assert header.split() == ["nDCG@1000", "MRR@1000", "Recall@1000", "endpoint"]


def test_compare_prints_difference_p_value_wins_and_losses(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    compare = ["--compare-url", sandbox.base_url + "/v1/rerank", "--no-history"]
    status, out, _ = _eval(capsys, sandbox, *compare, "--json")
    assert status == 0
    report = json.loads(out)
    assert [e["identity"].split("|")[1] for e in report["endpoints"]] == ["cohere-v2", "cohere-v1"]
    ndcg = report["comparison"]["metrics"]["nDCG@10"]
    assert set(ndcg) == {"a", "b", "difference", "p_value", "wins", "losses", "ties"}
    assert ndcg["wins"] + ndcg["losses"] + ndcg["ties"] == 20
    assert 0.0 < ndcg["p_value"] <= 1.0
    assert "randomization" in report["comparison"]["test"]
    status, out, _ = _eval(capsys, sandbox, *compare)
    assert status == 0
    assert "B-A" in out
    assert "B wins on nDCG@10" in out


def test_a_rerun_continues_from_saved_progress(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _eval(capsys, sandbox, "--no-history")[0] == 0
    status, out, err = _eval(capsys, sandbox, "--json", "--no-history")
    assert status == 0
    assert json.loads(out)["resumed"] == 20
    assert json.loads(out)["requests"] == 0
    assert "20 rankings taken from saved progress" in err
    status, out, err = _eval(capsys, sandbox, "--json", "--no-history", "--restart")
    assert (json.loads(out)["resumed"], json.loads(out)["requests"]) == (0, 20)


def test_restart_starts_over_only_the_endpoints_of_the_command(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--restart` dropped the set's saved progress for every endpoint: a restart of A alone
    lost B's rankings too, and the next comparison sent all of B's requests again."""
    compare = ["--compare-url", sandbox.base_url + "/v1/rerank", "--no-history", "--json"]
    assert _eval(capsys, sandbox, *compare)[0] == 0
    status, restart_out, restart_err = _eval(capsys, sandbox, "--json", "--no-history", "--restart")
    assert status == 0
    assert (json.loads(restart_out)["resumed"], json.loads(restart_out)["requests"]) == (0, 20)
    status, out, err = _eval(capsys, sandbox, *compare)
    assert status == 0
    assert (json.loads(out)["resumed"], json.loads(out)["requests"]) == (40, 0)
    assert "started over: 20 saved rankings dropped" in restart_err
    assert json.loads(restart_out)["dropped"] == 20  # a script reads it too
    assert "started over" not in err


def test_bad_set_exits_2_naming_file_and_line(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "set.jsonl"
    bad.write_text('{"query": "q", "documents": [{"text": "t", "relevance": 1}]}\n{"query": 1}\n')
    argv = ["eval", "--set", str(bad), "--url", sandbox.base_url, "--model", "m"]
    assert main(argv) == 2
    assert "set.jsonl: line 2, field query: missing" in capsys.readouterr().err


def test_server_error_exits_3(sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _eval(capsys, sandbox, "--header", "x-sandbox-fault: status=400")
    assert status == 3
    assert err.startswith("workbench: Bad request · HTTP 400")  # one endpoint: no "endpoint A"
    assert err.endswith(f"workbench: note: {RESUMES}\n")


RESUMES = "what was ranked is saved: the same command continues from there (--restart starts over)"


@pytest.mark.parametrize(
    ("faulty", "side", "extra", "resumes"),
    [
        ("--compare-header", "B", [], RESUMES),
        (
            "--header",
            "A",
            ["--restart"],  # the same command would start over again
            "what was ranked is saved: the same command without --restart continues from there",
        ),
    ],
)
def test_a_failing_endpoint_of_two_is_named_and_a_rerun_said_to_continue(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    faulty: str,
    side: str,
    extra: list[str],
    resumes: str,
) -> None:
    """The error did not say whether A or B failed, nor that the saved rankings are reused."""
    b_url = sandbox.base_url + "/v1/rerank"
    fault = [faulty, "x-sandbox-fault: status=400"]  # B by URL does not inherit A's --header
    status, out, err = _eval(capsys, sandbox, "--compare-url", b_url, *fault, *extra)
    assert (status, out) == (3, "")
    url = b_url if side == "B" else sandbox.base_url
    assert err.startswith(f"workbench: endpoint {side} ({url}): Bad request · HTTP 400"), err
    assert err.endswith(f"workbench: note: {resumes}\n")


def test_ctrl_c_says_a_rerun_continues_from_saved_progress(
    processes: Processes, tmp_path: Path
) -> None:
    """It said only "cancelled"; the GUI's Cancel says that Run continues from there."""
    config = SandboxConfig(key=SANDBOX_TEST_KEY, default_faults="delay_ms=300")
    with start_sandbox(config) as slow:
        argv = [sys.executable, "-m", "workbench", "eval", "--set", str(SAMPLE), "--url",
                slow.base_url, "--model", "m", "--concurrency", "1", "--no-history"]  # fmt: skip
        child = processes.start(argv, cwd=REPO)
        saved = tmp_path / "data" / "evaluations"
        wait_until(lambda: any(p.stat().st_size for p in saved.glob("*.jsonl")), "a ranking saved")
        child.send_signal(signal.SIGINT)
        assert child.wait() == 130, child.report()
    assert child.stderr() == f"workbench: cancelled; {RESUMES}\n"


def test_a_flavour_without_rerank_is_refused(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _eval(capsys, sandbox, "--compare-url", sandbox.base_url + "/chat/completions")
    assert status == 2
    assert "rerank speaks" in err


def test_a_saved_comparison_endpoint_keeps_its_own_authentication() -> None:
    """B inherits A's options, but --auth with a saved endpoint is refused: a saved B must not
    inherit A's scheme or key variable (the run then failed on an option nobody gave B)."""
    from workbench.cli.evaluate import compare_args
    from workbench.cli.parser import build_parser

    argv = ["eval", "--url", "http://127.0.0.1:9", "--auth", "api-key", "--key-env", "HOME"]
    args = build_parser().parse_args([*argv, "--set", "s.jsonl", "--compare-endpoint", "Saved"])
    b = compare_args(args)
    assert b is not None
    assert (b.endpoint, b.auth, b.key_env) == ("Saved", None, None)
    by_url = compare_args(
        build_parser().parse_args([*argv, "--set", "s.jsonl", "--compare-url", "http://x"])
    )
    assert by_url is not None
    assert (by_url.auth, by_url.key_env) == ("api-key", "HOME")  # a URL B still inherits them


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (["--compare-model", "x"], "--compare-model applies only with --compare-url or"),
        (["--compare-key-env", "HOME"], "--compare-key-env applies only with --compare-url or"),
        (["--depth", "5"], "--depth applies only with a run file (--run, or run.trec in the"),
    ],
)
def test_options_that_would_do_nothing_exit_2(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], extra: list[str], problem: str
) -> None:
    """They were taken and ignored: the run measured another setup than the one asked for."""
    status, out, err = _eval(capsys, sandbox, *extra, "--no-history")
    assert (status, out) == (2, "")
    assert problem in err


def test_depth_applies_to_the_run_file_in_the_set_folder(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The folder's own run.trec is read like --run, yet --depth was refused without --run."""
    folder = tmp_path / "set"
    shutil.copytree(SAMPLE, folder)
    queries, documents = (
        [json.loads(line)["_id"] for line in (SAMPLE / name).read_text("utf-8").splitlines()]
        for name in ("queries.jsonl", "corpus.jsonl")
    )
    lines = [f"{q} Q0 {d} {r} {100 - r} bm25" for q in queries for r, d in enumerate(documents, 1)]
    (folder / "run.trec").write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["eval", "--set", str(folder), "--url", sandbox.base_url, "--model", "rerank-v3.5"]
    status = main([*argv, "--depth", "3", "--no-history", "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "candidates: the top 3 of run.trec per query" in err
    assert json.loads(out)["queries"] == 20


@pytest.mark.parametrize("depth", ["0", "-3"])
def test_a_depth_under_one_is_a_usage_error_naming_the_option(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path, depth: str
) -> None:
    """Refused by the set reader as "depth: the run depth must be at least 1", naming a field
    nobody typed, where --k (and every count of the other commands) is a usage error naming
    its option."""
    run = tmp_path / "run.trec"
    run.write_text("q1 Q0 d1 1 1.0 bm25\n", encoding="utf-8")
    status, out, err = _eval(capsys, sandbox, "--run", str(run), f"--depth={depth}")
    assert (status, out) == (2, "")
    assert err.startswith("usage: workbench eval")
    assert f"argument --depth: expected a whole number, 1 or more, got '{depth}'" in err


def test_a_missing_compare_key_variable_names_the_compare_option(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """The message said --key-env, an option that was fine."""
    b = ["--compare-url", sandbox.base_url, "--compare-key-env", "WORKBENCH_TEST_NOPE"]
    status, out, err = _eval(capsys, sandbox, *b, "--no-history")
    assert (status, out) == (2, "")
    assert "--compare-key-env: environment variable WORKBENCH_TEST_NOPE is not set" in err


@pytest.fixture(scope="module")
def limited() -> Iterator[RunningSandbox]:
    config = SandboxConfig(key=SANDBOX_TEST_KEY, default_faults="burst_429=1")
    with start_sandbox(config) as running:
        yield running


def test_a_retry_after_429_is_one_readable_line(
    limited: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """stamina printed bare `stamina.retry_scheduled` lines, with no status, wait or attempt."""
    status, _, err = _eval(capsys, limited, "--no-history", "--concurrency", "1")
    assert status == 0, err
    assert "stamina" not in err
    assert "workbench: retrying in 1.0 s after HTTP 429 (attempt 2 of 8)\n" in err


def test_wins_and_losses_show_a_query_on_one_line_with_its_controls_written_out() -> None:
    """A set's query text went into the list as it was: a line break split the entry, a
    carriage return overwrote it on a terminal, and in a file (`eval > report.txt`) escape
    sequences stayed to act on whatever showed the file (stdout escapes on terminals only)."""
    judged = {"d1": 1, "d2": 0}
    good, bad = {"d1": 2.0, "d2": 1.0}, {"d1": 1.0, "d2": 2.0}
    ids = ("q\n1", "q2")
    a = [score_query(ids[0], bad, judged, 10), score_query(ids[1], good, judged, 10)]
    b = [score_query(ids[0], good, judged, 10), score_query(ids[1], bad, judged, 10)]
    sides = [SideResult(label, label, per_query, {}) for label, per_query in (("A", a), ("B", b))]
    texts = {ids[0]: "red\nlentils\r\x1b[31m", ids[1]: "pasta\t\tfresh\x07"}
    report = EvalReport("set", 10, sides, compare(a, b), query_texts=texts)
    out = io.StringIO()  # a file, not a terminal
    print_report(report, out)
    listed = out.getvalue().split("B wins on nDCG@10: 1\n")[1]
    assert listed.splitlines() == [
        "  +0.3691  q 1  red lentils \\x1b[31m",
        "B loses on nDCG@10: 1",
        "  -0.3691  q2  pasta fresh\\x07",
    ]


def test_a_cut_off_under_one_is_refused_as_the_other_counts_are(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "--k: --k must be at least 1", naming the option twice, after argparse had
    accepted it; --limit, --concurrency and the rest are refused by the parser itself."""
    status, out, err = _eval(capsys, sandbox, "--k", "0")
    assert (status, out) == (2, "")
    assert err.splitlines()[-1].endswith(
        "argument --k: expected a whole number from 1 to 1000, got '0'"
    )

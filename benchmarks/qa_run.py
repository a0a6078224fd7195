"""A default deployment QA run against the sandbox, as a person runs it: the goal is under a minute.

Run: `.venv/bin/python benchmarks/qa_run.py [--json]`. It starts `python -m workbench sandbox`
with its defaults (the command line's token pace included) and runs `python -m workbench qa` with
its defaults (every check, 10 latency requests, at most 300 requests a minute) against it, both
as subprocesses, and times the QA command from start to exit (issue 13).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import Figure, below, emit, info

ROOT = Path(__file__).resolve().parents[1]
KEY = "benchmark-qa-key"
GOAL_S = 60.0


def start_sandbox(env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """`workbench sandbox` with its defaults; its process and base URL."""
    command = [sys.executable, "-m", "workbench", "sandbox", "--key", KEY]
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline().split("base URL: ", 1)[1].strip()


def run_qa(base_url: str, env: dict[str, str], flavour: str) -> tuple[float, dict[str, object]]:
    """Seconds the default `workbench qa` took, and its JSON report."""
    command = [sys.executable, "-m", "workbench", "qa", "--url", base_url, "--flavour", flavour]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--json"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return elapsed, report


def figures_for(flavour: str, elapsed: float, report: dict[str, object]) -> list[Figure]:
    """The figures of one run."""
    results = report["results"]
    assert isinstance(results, list)
    requests = sum(len(r["evidence"]) for r in results)
    passed = sum(1 for r in results if r["status"] == "pass")
    return [
        below(f"default QA run, {flavour}, {len(results)} checks: wall time", elapsed, "s", GOAL_S),
        info(f"default QA run, {flavour}: requests sent", requests, ""),
        info(f"default QA run, {flavour}: checks passed", passed, ""),
    ]


def main() -> None:
    """Start the sandbox, run QA once per native flavour, print the figures."""
    as_json = "--json" in sys.argv[1:]
    out = sys.stderr if as_json else sys.stdout
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "WORKBENCH_API_KEY": KEY,
            "WORKBENCH_DATA_DIR": data,  # the runs are recorded, as by default, but not kept
        }
        proc, base_url = start_sandbox(env)
        figures: list[Figure] = []
        try:
            for flavour in ("cohere-v1", "cohere-v2"):
                elapsed, report = run_qa(base_url, env, flavour)
                out.write(f"{flavour}: {report['summary']} in {elapsed:.1f} s\n")
                figures += figures_for(flavour, elapsed, report)
        finally:
            proc.terminate()
            proc.wait()
    emit(figures, as_json)


if __name__ == "__main__":
    main()

"""The `processes` fixture: a child a test started never outlives it, whatever the test did."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.processes import ChildTimeout, Processes
from tests.waits import WAIT_S

INNER = """
import sys

import pytest

pytest_plugins = ["tests.processes"]

SLEEPER = (
    "import subprocess, sys, time;"
    "grandchild = subprocess.Popen(['sleep', '600']);"
    "print('up', grandchild.pid, flush=True); time.sleep(600)"
)


def test_fails_while_its_child_runs(processes):
    child = processes.start([sys.executable, "-c", SLEEPER])
    grandchild = child.wait_for_line("up ").split()[1]
    with open({pids!r}, "w") as pids:
        pids.write(f"{{child.pid}} {{grandchild}}")
    raise AssertionError("the test fails with its child still running")


def test_a_later_test_sees_no_warning_from_it():
    import gc

    gc.collect()  # a Popen left running would warn here, and the warning would fail this test
"""


def _gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie no one has reaped yet counts as exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state == "Z"


def test_a_failing_test_leaves_no_process_and_no_warning_behind(pytester: pytest.Pytester) -> None:
    pids = pytester.path / "pids"
    pytester.makepyfile(test_inner=INNER.format(pids=str(pids)))
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1, passed=1)
    child, grandchild = (int(pid) for pid in pids.read_text().split())
    deadline = time.monotonic() + WAIT_S
    while not (_gone(child) and _gone(grandchild)):
        assert time.monotonic() < deadline, "a process the failed test started still runs"
        time.sleep(0.02)  # polling interval only; the condition decides


def test_waiting_for_a_line_that_never_comes_says_what_the_child_did() -> None:
    with Processes() as processes:
        child = processes.start([sys.executable, "-c", "print('something else')"])
        with pytest.raises(ChildTimeout, match="stdout ended before 'base URL: '") as failure:
            child.wait_for_line("base URL: ")
    assert "something else" in str(failure.value)
    assert child.returncode == 0


def test_leaving_the_owner_ends_a_running_child_and_closes_its_pipes() -> None:
    with Processes() as processes:
        child = processes.start([sys.executable, "-c", "import time; print('up', flush=True); time.sleep(600)"])  # fmt: skip
        child.wait_for_line("up")
    assert child.returncode is not None
    assert child.proc.stdout is not None
    assert child.proc.stdout.closed

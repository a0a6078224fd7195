"""Keyring calls take turns across threads and processes: gnome-keyring aborts when two clients'
calls interleave (workbench/core/keyring_turns.py). Against the real Secret Service, with a second
real process holding the turn."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from typing import TYPE_CHECKING, TypeVar

import keyring
import keyring.backends.SecretService
import pytest

from tests.waits import WAIT_S, wait_until
from workbench.core import keyring_turns
from workbench.core.keyring_turns import lock_file
from workbench.core.secrets import KeyringSecretStore, keyring_service

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.processes import Child, Processes

T = TypeVar("T")

pytestmark = pytest.mark.usefixtures("live_keyring")

HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()
"""
"""Another process in the middle of a keyring call, until a line arrives on its standard input."""
WAITING = "Waiting for another Workbench process to finish its keyring call."


@pytest.fixture
def holder(processes: Processes) -> Child:
    """A second process holding the keyring's turn."""
    path = lock_file()
    if path is None:
        pytest.skip("needs a session runtime folder (XDG_RUNTIME_DIR), as tests/run makes")
    child = processes.start([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE)
    child.wait_for_line("held")
    return child


def _let_go(holder: Child) -> None:
    """End the holder's turn."""
    assert holder.proc.stdin is not None
    holder.proc.stdin.write("done\n")
    holder.proc.stdin.flush()


def _said(caplog: pytest.LogCaptureFixture, words: str) -> bool:
    return any(words in record.getMessage() for record in caplog.records)


def test_the_tests_talk_to_the_keyring_as_the_app_does() -> None:
    # A backend class a test defined with a priority above 0 made keyring chain it with the
    # Secret Service for the whole process, and the app's own backend went untested.
    assert type(keyring.get_keyring()) is keyring.backends.SecretService.Keyring


def _waits_its_turn(holder: Child, caplog: pytest.LogCaptureFixture, call: Callable[[], T]) -> T:
    """`call`'s result, made on a thread while `holder` has the turn: it waits (said in the
    log) until the holder lets go, then goes on."""
    caplog.set_level(logging.INFO, logger=keyring_turns.__name__)
    results: list[T] = []
    failures: list[BaseException] = []

    def make_the_call() -> None:
        try:
            results.append(call())
        except BaseException as exc:  # the test reports it, not the thread
            failures.append(exc)

    thread = threading.Thread(target=make_the_call)
    thread.start()
    wait_until(lambda: _said(caplog, WAITING), "wait for the keyring's turn")
    assert thread.is_alive()  # the holder still has the turn
    _let_go(holder)
    thread.join(WAIT_S)
    assert not thread.is_alive()
    assert not failures
    return results[0]


def test_a_call_waits_for_another_process_to_finish_with_the_keyring(
    holder: Child, caplog: pytest.LogCaptureFixture
) -> None:
    store = KeyringSecretStore(keyring_service())
    _waits_its_turn(holder, caplog, lambda: store.set("endpoint:turns", "value"))
    assert store.get("endpoint:turns") == "value"
    store.delete("endpoint:turns")


def test_asking_which_keyring_is_in_use_waits_its_turn_too(
    holder: Child, caplog: pytest.LogCaptureFixture
) -> None:
    # The Endpoints pane asks on a worker thread when it opens; finding the backend talks D-Bus,
    # and outside the turn that could interleave with other processes' calls (which aborts
    # gnome-keyring 42).
    store = KeyringSecretStore(keyring_service())
    assert _waits_its_turn(holder, caplog, lambda: store.status().secure) is True


def test_a_process_that_keeps_the_keyring_too_long_is_overtaken(
    holder: Child, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring_turns, "TURN_WAIT_S", 0.2)
    caplog.set_level(logging.INFO, logger=keyring_turns.__name__)
    store = KeyringSecretStore(keyring_service())
    store.set("endpoint:overtaken", "value")
    assert store.get("endpoint:overtaken") == "value"
    store.delete("endpoint:overtaken")
    assert _said(caplog, "has held the keyring for over 0.2 s; going ahead")
    assert holder.returncode is None  # it still holds the turn: the calls went ahead without it
    _let_go(holder)  # its turn ends, as a call's does, before it is stopped


def test_without_a_runtime_folder_calls_still_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert lock_file() is None
    store = KeyringSecretStore(keyring_service())
    store.set("endpoint:no-runtime", "value")
    assert store.get("endpoint:no-runtime") == "value"
    store.delete("endpoint:no-runtime")


INTERRUPTED_CALL = """
import os, signal, sys
import keyring
from workbench.core.keyring_turns import keyring_turn

signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal (CI may ignore it)
presses = int(sys.argv[1])
try:
    with keyring_turn():
        for _ in range(presses):
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C, landing in the call
        keyring.get_password("cohere-workbench-test-interrupt", "nothing")  # the call itself
        print("the call finished", flush=True)
except KeyboardInterrupt:
    print("stopped", flush=True)
"""
"""A command-line keyring call with Ctrl+C pressed `argv[1]` times while it is in the daemon's
hands."""


def test_ctrl_c_in_a_keyring_call_stops_the_program_once_the_call_is_done(
    processes: Processes,
) -> None:
    # A process stopped in the middle of its call leaves it to the daemon, and another client's
    # call can then abort gnome-keyring for the whole desktop session.
    child = processes.start([sys.executable, "-c", INTERRUPTED_CALL, "1"])
    assert child.wait() == 0
    assert child.stdout().splitlines() == ["the call finished", "stopped"]
    assert child.stderr() == keyring_turns.HELD_INTERRUPT.decode()


def test_a_second_ctrl_c_stops_a_keyring_call_at_once(processes: Processes) -> None:
    # The escape for a call that hangs (an unlock prompt nobody answers).
    child = processes.start([sys.executable, "-c", INTERRUPTED_CALL, "2"])
    assert child.wait() == 0
    assert child.stdout().splitlines() == ["stopped"]


def test_ctrl_c_while_waiting_for_the_turn_stops_at_once(
    holder: Child, processes: Processes
) -> None:
    # Nothing is in the daemon's hands yet: there is no call to finish first.
    waiting = """
import logging, signal, sys
from workbench.core.keyring_turns import keyring_turn

signal.signal(signal.SIGINT, signal.default_int_handler)
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s", force=True)
try:
    with keyring_turn():
        print("had the turn", flush=True)
except KeyboardInterrupt:
    print("stopped", flush=True)
"""
    child = processes.start([sys.executable, "-c", waiting])
    child.wait_for_line(WAITING)
    child.send_signal(signal.SIGINT)
    assert child.wait() == 0
    assert child.stdout().splitlines() == [WAITING, "stopped"]
    assert holder.returncode is None  # it still has the turn: the waiting was cut short
    _let_go(holder)

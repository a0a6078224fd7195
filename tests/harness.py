"""Fixtures that keep tests honest beside other programs: a live keyring, keyring errors that fail
the test they happen in, and redactor registries that start each test as the session left them.

Loaded from tests/conftest.py as a plugin, so the harness's own tests can load it in a pytester run.
"""

from __future__ import annotations

import copy
import functools
import time
from typing import TYPE_CHECKING, Any

import pytest
from _pytest.runner import runtestprotocol
from jeepney.io.blocking import DBusConnectionBase  # type: ignore[import-untyped]

from tests.keyring_health import keyring_problem, restart_keyring, restart_password
from tests.waits import WAIT_S
from workbench.api import redact, redact_hosts
from workbench.core.errors import SecretStoreError
from workbench.core.secrets import KeyringSecretStore

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import ModuleType

RESTARTS = pytest.StashKey[list[str]]()
"""Keyring restarts done by `live_keyring` or a rerun, for the end-of-run summary."""
RESTART_PROPERTY = "keyring restart"
"""The name a restart is noted under in its test's `user_properties`: pytest-xdist carries those
with each report to the process that prints the summary; a worker's own stash stays with it."""
FOUND_AFTER = pytest.StashKey[str]()
"""What `live_keyring` found wrong with the keyring after the test (it failed the test)."""
KEYRING_ERRORS = pytest.StashKey[list[SecretStoreError]]()
"""The real keyring's failures during the current test."""
CLOSING_WAIT_S = WAIT_S
"""How long a D-Bus connection may take to close after its test (the harness's tests shorten it)."""
_REDACTOR_REGISTRIES: tuple[tuple[ModuleType, str], ...] = (
    (redact, "_registry"),
    (redact_hosts, "_demo"),
)
"""Module-level state of the redactor that remembers secrets (and demo mode's hosts) across calls.
Each is read through its own module's global at every call (`redact_stream` asks
`redact.registered_secrets()`), so the copy set here is the one every redactor module sees."""


def pytest_configure(config: pytest.Config) -> None:
    """Start the run with no keyring restarts recorded, and collect those the reports carry."""
    config.stash[RESTARTS] = []
    config.pluginmanager.register(_RestartLog(config), "workbench-keyring-restart-log")


class _RestartLog:
    """Gathers the restarts noted on test reports, once each, in this process's run."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Record a restart the report notes (setup, call and teardown each carry it)."""
        restarts = self.config.stash[RESTARTS]
        for name, value in report.user_properties:
            if name == RESTART_PROPERTY and value not in restarts:
                restarts.append(str(value))


def _note_restart(item: pytest.Item, line: str) -> None:
    item.user_properties.append((RESTART_PROPERTY, line))


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Say which tests found the keyring gone or locked and got a restarted one."""
    restarts = config.stash.get(RESTARTS, [])
    if restarts:
        terminalreporter.section("keyring restarts")
        for line in restarts:
            terminalreporter.write_line(line)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    """A keyring test that failed while the daemon went away, locked or failed under it runs once
    more.

    tests/run only (where the harness may restart the daemon): the rerun's `live_keyring`
    restarts a daemon that is gone or locked, and both are listed under "keyring restarts". A
    test that fails again, or that failed with no keyring trouble at all, is reported as it
    failed.
    """
    names = getattr(item, "fixturenames", ())
    if restart_password() is None or "live_keyring" not in names:
        return None
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    reports = runtestprotocol(item, nextitem=nextitem, log=False)
    if any(report.failed for report in reports):
        # The check after the test may have failed it and the keyring be healthy again by now: the
        # daemon is shared, and another test process restarts it as soon as it finds it gone.
        problem = keyring_problem() or item.stash.get(FOUND_AFTER, None)
        errors = [] if "keyring_errors_expected" in names else item.stash.get(KEYRING_ERRORS, [])
        if problem is not None or errors:
            # Under load gnome-keyring has also answered an unlocked default collection with
            # "no such object" for a moment (secretstorage then asks for a new one: "Prompt
            # dismissed") and been healthy again by the end of the test.
            why = f"the keyring {problem}" if problem else f"the keyring failed ({errors[0]})"
            _note_restart(
                item,
                f"during {item.nodeid}: {why}; the test ran again"
                f" (its first attempt: {_first_failure(reports)})",
            )
            reports = runtestprotocol(item, nextitem=nextitem, log=False)
    for report in reports:
        item.ihook.pytest_runtest_logreport(report=report)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


def _first_failure(reports: list[pytest.TestReport]) -> str:
    """The failed phase and its error in one line, so a rerun still says what went wrong first."""
    report = next(r for r in reports if r.failed)
    crash = getattr(report.longrepr, "reprcrash", None)
    message = getattr(crash, "message", None) or report.longreprtext.strip()
    lines = str(message).splitlines() or ["no detail"]
    return f"{report.when}: {lines[0][:200]}"


@pytest.fixture
def live_keyring(request: pytest.FixtureRequest) -> Iterator[None]:
    """The session's Secret Service, alive and unlocked before the test and still so after it.

    Gone or locked before: tests/run's private daemon is restarted (and the restart reported at the
    end of the run); anywhere else, or if the restart fails, the test fails saying so. Gone or
    locked after: the test fails naming the keyring as the cause (the next one restarts it).
    """
    name = request.node.nodeid
    problem = keyring_problem()
    if problem is not None:
        password = restart_password()
        if password is None:
            pytest.fail(f"The test keyring {problem} before {name} (run tests/run).", False)
        still = restart_keyring(password)
        if still is not None:
            pytest.fail(f"The test keyring {problem} before {name}; {still}.", False)
        _note_restart(request.node, f"before {name}: the keyring {problem}; restarted")
    yield
    problem = keyring_problem()
    if problem is not None:
        request.node.stash[FOUND_AFTER] = f"{problem} (after the test)"
        pytest.fail(f"The test keyring {problem} after {name}: a neighbour or the test.", False)


@pytest.fixture
def own_keyring(live_keyring: None) -> Iterator[str]:
    """The private keyring's password, for a test that stops or locks the daemon (tests/run only,
    and `serial`); whatever the test does, the keyring is healthy after it."""
    password = restart_password()
    if password is None:
        pytest.skip("stops and restarts the keyring daemon: only inside tests/run's own session")
    yield password
    if keyring_problem() is not None:
        assert restart_keyring(password) is None


def _recording(method: Callable[..., Any], seen: list[SecretStoreError]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(store: KeyringSecretStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(store, *args, **kwargs)
        except SecretStoreError as exc:
            if store.status().secure:  # the real keyring failed, not a fail backend a test chose
                seen.append(exc)
            raise

    return call


@pytest.fixture(autouse=True)
def _keyring_errors_fail_the_test(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A real keyring failure fails the test it happens in, even when the GUI made it a notice.

    Tests that provoke one on purpose ask for `keyring_errors_expected` and read the list.
    """
    seen: list[SecretStoreError] = []
    request.node.stash[KEYRING_ERRORS] = seen
    for name in ("get", "set", "delete"):
        monkeypatch.setattr(
            KeyringSecretStore, name, _recording(getattr(KeyringSecretStore, name), seen)
        )
    yield
    if seen and "keyring_errors_expected" not in request.fixturenames:
        lines = "\n".join(f"  {error}" for error in seen)
        problem = keyring_problem()
        state = f"the keyring {problem}" if problem else "the keyring is alive and unlocked now"
        pytest.fail(f"The keyring failed during {request.node.nodeid} ({state}):\n{lines}", False)


@pytest.fixture
def keyring_errors_expected(request: pytest.FixtureRequest) -> list[SecretStoreError]:
    """The real keyring's failures so far in this test, which then do not fail it."""
    return request.node.stash[KEYRING_ERRORS]


@pytest.fixture(autouse=True)
def _no_dbus_connection_left_open(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A D-Bus connection opened during a test is closed by its end, or the test fails by name.

    Left open, its socket warned much later, in whichever test the garbage collector happened to
    run, and `filterwarnings = error` failed that innocent test instead (issue 20). A connection
    still closing in a worker thread gets the named timeout; one left open is closed here, so
    the warning cannot spill into the next test either.
    """
    opened: list[DBusConnectionBase] = []
    original = DBusConnectionBase.__init__

    def recording_init(connection: DBusConnectionBase, *args: Any, **kwargs: Any) -> None:
        original(connection, *args, **kwargs)
        opened.append(connection)

    monkeypatch.setattr(DBusConnectionBase, "__init__", recording_init)
    yield
    deadline = time.monotonic() + CLOSING_WAIT_S
    while (left := [c for c in opened if c.sock.fileno() != -1]) and time.monotonic() < deadline:
        time.sleep(0.02)  # polling: a keyring call in a worker thread may still be closing one
    for connection in left:
        connection.close()
    if left:
        pytest.fail(f"{request.node.nodeid} left {len(left)} D-Bus connection(s) open.", False)


@pytest.fixture(autouse=True)
def _fresh_redactor_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Secrets and hosts a test registers are forgotten after it: each test gets a copy of the
    registries (a name no longer there fails every test, rather than sharing state unseen)."""
    for module, name in _REDACTOR_REGISTRIES:
        monkeypatch.setattr(module, name, copy.deepcopy(getattr(module, name)))

"""The harness itself: a keyring that goes away or locks is restarted or blamed by test name, a
keyring error the GUI would swallow fails its test, and registered secrets and hosts do not outlive
a test.

The keyring cases stop or lock the daemon of tests/run's private D-Bus session (never anyone
else's: they are skipped outside tests/run) and leave it running and unlocked.
"""

from __future__ import annotations

from contextlib import closing
from typing import TYPE_CHECKING

import keyring  # noqa: F401  before any inner run: see below
import pytest
import secretstorage
from secretstorage.exceptions import SecretServiceNotAvailableException as SecretServiceNotAvailable

from tests import harness, keyring_health
from tests.keyring_health import break_keyring, keyring_problem

if TYPE_CHECKING:
    from workbench.core.errors import SecretStoreError

# They stop and lock the daemon the other test processes use: tests/run runs them on their own.
pytestmark = pytest.mark.serial

PLUGIN = "pytest_plugins = ['tests.harness']\n"
# keyring imports the importlib_metadata backport, which disables the standard library's metadata
# finder in favour of its own; first imported inside an in-process pytester run, its finder is
# then dropped with the run's sys.meta_path while the standard one stays disabled, and every later
# metadata lookup fails. Importing keyring above, at collection, keeps both in place.
USES_KEYRING = """
from workbench.core.secrets import KeyringSecretStore

def test_uses_keyring(live_keyring):
    store = KeyringSecretStore("workbench-harness-test")
    store.set("k", "v")
    assert store.get("k") == "v"
    store.delete("k")
"""


@pytest.mark.parametrize("how", ["gone", "locked"])
def test_a_keyring_gone_or_locked_before_a_test_is_restarted_and_reported(
    pytester: pytest.Pytester, own_keyring: str, how: str
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(test_inner=USES_KEYRING)
    problem = break_keyring(how)
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        [
            "*keyring restarts*",
            f"before test_inner.py::test_uses_keyring: the keyring {problem}; restarted",
        ]
    )
    assert keyring_problem() is None


def test_a_restart_in_a_worker_process_is_reported_by_the_run(
    pytester: pytest.Pytester, own_keyring: str
) -> None:
    # Under pytest-xdist a worker's restarts stayed in the worker, and the run said nothing of a
    # daemon that had died and been replaced behind the tests' backs.
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(test_inner=USES_KEYRING)
    problem = break_keyring("gone")
    result = pytester.runpytest_subprocess("-p", "xdist", "-n", "1")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        [
            "*keyring restarts*",
            f"before test_inner.py::test_uses_keyring: the keyring {problem}; restarted",
        ]
    )
    assert keyring_problem() is None


def test_a_keyring_that_went_away_is_not_started_locked_by_the_bus(own_keyring: str) -> None:
    # A client that reaches for the Secret Service after the daemon died must be told it is
    # gone, not get a daemon started by D-Bus activation: that one comes up locked, asks for a
    # password nobody can type, and cannot be replaced (tests/dbus-session.conf).
    break_keyring("gone")
    with closing(secretstorage.dbus_init()) as bus, pytest.raises(SecretServiceNotAvailable):
        secretstorage.get_default_collection(bus)
    assert "gone" in (keyring_problem() or "healthy")


def test_a_keyring_that_cannot_be_restarted_fails_the_test_saying_why(
    pytester: pytest.Pytester, own_keyring: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(test_inner=USES_KEYRING)
    break_keyring("gone")
    with monkeypatch.context() as patched:
        patched.setattr(keyring_health, "DAEMON", str(pytester.path / "no-such-daemon"))
        result = pytester.runpytest_inprocess()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "*The test keyring daemon is gone from the session bus before "
            "test_inner.py::test_uses_keyring; the restart failed (FileNotFoundError*"
        ]
    )


def test_a_keyring_that_goes_away_during_a_test_fails_that_test_by_name(
    pytester: pytest.Pytester, own_keyring: str
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(
        test_inner="""
        from tests.keyring_health import break_keyring

        def test_neighbour_kills_the_daemon(live_keyring):
            break_keyring("gone")
        """
    )
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*The test keyring daemon is gone from the session bus after "
            "test_inner.py::test_neighbour_kills_the_daemon*"
        ]
    )


def test_a_keyring_that_dies_at_a_tests_end_and_is_restarted_by_a_neighbour_runs_it_again(
    pytester: pytest.Pytester, own_keyring: str
) -> None:
    """The daemon is shared: another test process restarted it between the check after the test
    (which failed the test) and the harness's own look, which found it healthy and reported the
    failure as the test's (CI failed so once)."""
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(
        test_inner="""
        import pytest
        from tests.keyring_health import break_keyring, restart_keyring, restart_password

        died = []

        @pytest.fixture
        def neighbour():
            yield
            restart_keyring(restart_password())  # after live_keyring's check, as a neighbour

        def test_last_moment(neighbour, live_keyring):
            if not died:
                died.append(True)
                break_keyring("gone")
        """
    )
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        [
            "*keyring restarts*",
            "during test_inner.py::test_last_moment: the keyring daemon is gone from the session"
            " bus (after the test); the test ran again*",
        ]
    )
    assert keyring_problem() is None


def test_a_real_keyring_error_fails_the_test_even_when_the_code_swallows_it(
    pytester: pytest.Pytester, live_keyring: None, keyring_errors_expected: list[SecretStoreError]
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(
        test_inner="""
        import contextlib
        import keyring.backends.SecretService
        from workbench.core.errors import SecretStoreError
        from workbench.core.secrets import KeyringSecretStore

        def _failing():
            backend = keyring.backends.SecretService.Keyring()
            backend.preferred_collection = "/org/freedesktop/secrets/collection/workbench_none"
            return KeyringSecretStore("workbench-harness-test", backend=backend)

        def test_swallowed():
            with contextlib.suppress(SecretStoreError):  # as the GUI turns it into a notice
                _failing().get("k")

        def test_expected(keyring_errors_expected):
            with contextlib.suppress(SecretStoreError):
                _failing().get("k")
            assert len(keyring_errors_expected) == 1
        """
    )
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*The keyring failed during test_inner.py::test_swallowed*"])
    assert len(keyring_errors_expected) == 2  # the outer test saw both, and expected them


def test_a_fail_backend_chosen_by_a_test_is_not_a_keyring_failure(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(
        test_inner="""
        import keyring.backends.fail
        import pytest
        from workbench.core.errors import InsecureKeyringError
        from workbench.core.secrets import KeyringSecretStore

        def test_refused():
            store = KeyringSecretStore(backend=keyring.backends.fail.Keyring())
            with pytest.raises(InsecureKeyringError):
                store.get("k")
        """
    )
    pytester.runpytest_inprocess().assert_outcomes(passed=1)


def test_a_secret_registered_in_one_test_is_unknown_in_the_next(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(
        test_inner="""
        from workbench.api.redact import redact_text, register_secret

        SECRET = "harness-registered-secret-9f3k"

        def test_registers():
            register_secret(SECRET)
            assert SECRET not in redact_text(f"said {SECRET}")

        def test_next_one_starts_clean():
            assert redact_text(f"said {SECRET}") == f"said {SECRET}"
        """
    )
    pytester.runpytest_inprocess().assert_outcomes(passed=2)


def test_a_host_registered_in_one_test_is_unknown_in_the_next(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(
        test_inner="""
        from workbench.api.redact import redact_text
        from workbench.api.redact_hosts import register_host, set_demo_mode

        HOST = "harness-registered-host.example"

        def test_registers():
            register_host(f"https://{HOST}/v2")
            set_demo_mode(True)
            assert HOST not in redact_text(f"at {HOST}")

        def test_next_one_starts_clean():
            set_demo_mode(True)
            assert redact_text(f"at {HOST}") == f"at {HOST}"
        """
    )
    pytester.runpytest_inprocess().assert_outcomes(passed=2)


LEAVES_A_CONNECTION_OPEN = """
from jeepney.io.blocking import open_dbus_connection

KEPT = []

def test_leaves_a_connection_open():
    KEPT.append(open_dbus_connection())

def test_closes_its_connection():
    with open_dbus_connection():
        pass
"""


@pytest.mark.usefixtures("live_keyring")  # a session bus to connect to
def test_a_dbus_connection_left_open_fails_its_own_test_by_name(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makeconftest(PLUGIN)
    pytester.makepyfile(test_inner=LEAVES_A_CONNECTION_OPEN)
    monkeypatch.setattr(harness, "CLOSING_WAIT_S", 0)  # it never closes: no need to wait for it
    result = pytester.runpytest_inprocess("-W", "error")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        ["*test_inner.py::test_leaves_a_connection_open left 1 D-Bus connection(s) open.*"]
    )


DAEMON_DIES_MID_TEST = """
import os
import signal
from pathlib import Path

from jeepney import DBus
from jeepney.io.blocking import open_dbus_connection

from workbench.core.secrets import KeyringSecretStore


def test_keyring_daemon_dies_mid_test(live_keyring, tmp_path_factory):
    first = Path({flag!r})
    if not first.exists():  # the first attempt only: a neighbour stops the daemon under it
        first.write_text("stopped")
        with open_dbus_connection() as bus:
            query = DBus().GetConnectionUnixProcessID("org.freedesktop.secrets")
            os.kill(bus.send_and_get_reply(query, timeout=30).body[0], signal.SIGTERM)
        raise AssertionError("the keyring went away under the test")
    store = KeyringSecretStore("workbench-harness-test")
    store.set("k", "v")
    assert store.get("k") == "v"
    store.delete("k")
"""


def test_a_keyring_test_broken_by_the_daemon_dying_runs_again_and_says_so(
    pytester: pytest.Pytester, own_keyring: str
) -> None:
    pytester.makeconftest(PLUGIN)
    flag = pytester.path / "first-attempt"
    pytester.makepyfile(test_inner=DAEMON_DIES_MID_TEST.format(flag=str(flag)))
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(passed=1)
    assert flag.exists()  # it did fail once
    result.stdout.fnmatch_lines(
        [
            "*keyring restarts*",
            "during test_inner.py::test_keyring_daemon_dies_mid_test: the keyring daemon is gone*"
            "; the test ran again (its first attempt: call: AssertionError: the keyring went away*",
            "before test_inner.py::test_keyring_daemon_dies_mid_test: the keyring daemon is gone*",
        ]
    )
    assert keyring_problem() is None

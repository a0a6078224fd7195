"""Is the test keyring there and unlocked? And a restart for when it is not (tests/run only).

The check asks the session bus whether anyone owns the Secret Service name before touching the
service, so it never starts a daemon by D-Bus activation: an activated daemon comes up locked and
would ask for a password that nobody can type.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from contextlib import closing

import secretstorage
from jeepney import (  # type: ignore[import-untyped]
    DBus,
    DBusAddress,
    HeaderFields,
    MessageFlag,
    MessageType,
    Properties,
)
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

from tests.waits import WAIT_S
from workbench.core.keyring_turns import keyring_turn

PASSWORD_ENV = "WORKBENCH_TEST_KEYRING_PASSWORD"
"""Set by tests/run to the throwaway password of its private keyring: the harness may restart it."""
SECRETS = "org.freedesktop.secrets"
DEFAULT_COLLECTION = DBusAddress(
    "/org/freedesktop/secrets/aliases/default", SECRETS, "org.freedesktop.Secret.Collection"
)
SERVICE_UNKNOWN = "org.freedesktop.DBus.Error.ServiceUnknown"
POLL_S = 0.05
DAEMON = "gnome-keyring-daemon"


def keyring_problem() -> str | None:
    """What is wrong with the session's Secret Service (as a phrase after "the keyring"), or None.

    It asks in its turn (`keyring_turns`): gnome-keyring aborts when two clients' calls interleave,
    and this check is a client too.
    """
    with keyring_turn():
        return _problem()


def _problem() -> str | None:
    try:
        with open_dbus_connection() as bus:
            owned = bus.send_and_get_reply(DBus().NameHasOwner(SECRETS), timeout=WAIT_S)
            if not owned.body[0]:
                return "daemon is gone from the session bus"
            query = Properties(DEFAULT_COLLECTION).get("Locked")
            # Should the daemon die between the two calls, this one must not start a new one.
            query.header.flags |= MessageFlag.no_auto_start
            reply = bus.send_and_get_reply(query, timeout=WAIT_S)
    except (OSError, KeyError, TimeoutError) as exc:
        return f"cannot be reached on the session bus ({type(exc).__name__}: {exc})"
    if reply.header.message_type is MessageType.error:
        if reply.header.fields.get(HeaderFields.error_name) == SERVICE_UNKNOWN:
            return "daemon is gone from the session bus"
        return f"has no default collection ({reply.body[0] if reply.body else 'no detail'})"
    if reply.body[0][1]:
        return "is locked (it would ask for a password in a prompt)"
    return None


def restart_keyring(password: str) -> str | None:
    """Replace the session's keyring daemon with a fresh, unlocked one; why that failed, or None.

    The keyring file lives in tests/run's private data folder, so the new daemon opens the same
    keyring with the same throwaway password: keys stored earlier in the run are still there.

    All of it happens in one keyring turn, so no test process is mid-call when the daemon is
    replaced, and a process that waited for the turn while another one restarted the daemon finds
    it healthy and leaves it be: replacing that one would cut off whoever is using it by then.
    """
    with keyring_turn():
        if _problem() is None:
            return None
        return _restart(password)


def _restart(password: str) -> str | None:
    command = [DAEMON, "--replace", "--unlock", "--components=secrets"]
    try:
        subprocess.run(
            command, input=password.encode(), capture_output=True, timeout=WAIT_S, check=True
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"the restart failed ({type(exc).__name__}: {exc})"
    deadline = time.monotonic() + WAIT_S
    while (problem := _problem()) is not None and time.monotonic() < deadline:
        time.sleep(POLL_S)  # polling a condition: the daemon registers on the bus when it is ready
    return None if problem is None else f"after a restart the keyring {problem}"


def restart_password() -> str | None:
    """The private keyring's password when this run may restart the daemon (tests/run), else None."""
    return os.environ.get(PASSWORD_ENV) or None


def break_keyring(how: str) -> str:
    """Stop ("gone") or lock ("locked") the session's keyring daemon; what `keyring_problem` then
    says. For the tests that do so on purpose (marked `serial`: every test process shares it)."""
    if how == "gone":
        _stop_daemon()
    else:
        with keyring_turn(), closing(secretstorage.dbus_init()) as bus:
            secretstorage.get_default_collection(bus).lock()
    word = "gone" if how == "gone" else "locked"
    deadline = time.monotonic() + WAIT_S
    while word not in (problem := keyring_problem() or "") and time.monotonic() < deadline:
        time.sleep(POLL_S)  # polling: the bus notices the daemon's exit a moment later
    assert word in problem, f"the keyring did not become {how}: {problem or 'healthy'}"
    return problem


def _stop_daemon() -> None:
    with open_dbus_connection() as bus:
        query = DBus().GetConnectionUnixProcessID(SECRETS)
        pid = bus.send_and_get_reply(query, timeout=WAIT_S).body[0]
    os.kill(pid, signal.SIGTERM)

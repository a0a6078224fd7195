"""Is the test keyring there and unlocked? And a restart for when it is not (tests/run only).

The check asks the session bus whether anyone owns the Secret Service name before touching the
service, so it never starts a daemon by D-Bus activation: an activated daemon comes up locked and
would ask for a password that nobody can type.
"""

from __future__ import annotations

import os
import subprocess
import time

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
    """What is wrong with the session's Secret Service (as a phrase after "the keyring"), or None."""
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
    """
    command = [DAEMON, "--replace", "--unlock", "--components=secrets"]
    try:
        subprocess.run(
            command, input=password.encode(), capture_output=True, timeout=WAIT_S, check=True
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"the restart failed ({type(exc).__name__}: {exc})"
    deadline = time.monotonic() + WAIT_S
    while (problem := keyring_problem()) is not None and time.monotonic() < deadline:
        time.sleep(POLL_S)  # polling a condition: the daemon registers on the bus when it is ready
    return None if problem is None else f"after a restart the keyring {problem}"


def restart_password() -> str | None:
    """The private keyring's password when this run may restart the daemon (tests/run), else None."""
    return os.environ.get(PASSWORD_ENV) or None

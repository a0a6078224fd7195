"""Exit statuses the commands share, the word for a command Ctrl+C stopped, and the failures
after which `--json` still prints its object.

Their meaning is listed in `workbench.cli`'s docstring; 74 and 141 (the output lost) live
with the streams that lose it (`workbench.cli.streams`).
"""

from __future__ import annotations

from workbench.api import ApiError

EXIT_OK, EXIT_INPUT, EXIT_SERVER, EXIT_PROTOCOL, EXIT_CONNECT = 0, 2, 3, 4, 5
EXIT_CANCELLED = 130
CANCELLED = "cancelled"
JSON_KEPT_AFTER = (ApiError,)
"""Failures after which `chat --json` and `rerank --json` still print their one object, with what
arrived and `error`: every failure of the request itself (refused connection, error status, timeout,
unreadable answer), so a script reads one object whenever a request was tried. Bad input and a
failed sign-in stop before any request, with nothing on stdout."""

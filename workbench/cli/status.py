"""Exit statuses the commands share, the word for a command Ctrl+C stopped, and the failures
after which `--json` still prints its object.

Their meaning is listed in `workbench.cli`'s docstring; 74 and 141 (the output lost) live
with the streams that lose it (`workbench.cli.streams`).
"""

from __future__ import annotations

from workbench.api import ProtocolError, RequestTimeout

EXIT_OK, EXIT_INPUT, EXIT_SERVER, EXIT_PROTOCOL, EXIT_CONNECT = 0, 2, 3, 4, 5
EXIT_CANCELLED = 130
CANCELLED = "cancelled"
JSON_KEPT_AFTER = (ProtocolError, RequestTimeout)
"""Failures after which `chat --json` and `rerank --json` still print their one object, with what
arrived and `error`: the request went out and was taken."""

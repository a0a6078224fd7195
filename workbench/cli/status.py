"""Exit statuses the commands share, and the word for a command Ctrl+C stopped.

Their meaning is listed in `workbench.cli`'s docstring; 74 and 141 (the output lost) live
with the streams that lose it (`workbench.cli.streams`).
"""

from __future__ import annotations

EXIT_OK, EXIT_INPUT, EXIT_SERVER, EXIT_PROTOCOL, EXIT_CONNECT = 0, 2, 3, 4, 5
EXIT_CANCELLED = 130
CANCELLED = "cancelled"

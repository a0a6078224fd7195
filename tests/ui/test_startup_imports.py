"""Start-up imports only what the first paint needs: no HTTP stack, no sandbox server, no keyring."""

from __future__ import annotations

import subprocess
import sys

from tests.waits import WAIT_S

DEFERRED = (
    "httpx",
    "anyio",
    "uvicorn",
    "starlette",
    "keyring",
    "workbench.api.client",
    "jsonschema",
    "pyqtgraph",
    "stamina",
    "xml.etree.ElementTree",
    "workbench.ui.chat.pane",
    "workbench.ui.endpoints.pane",
    "workbench.ui.history.pane",
    "workbench.ui.evaluation.pane",
    "workbench.ui.qa.pane",
    "workbench.ui.compare.pane",
)
"""Loaded later: by the first request, the local sandbox, the first keyring call, the first
answer checked against a JSON schema, the first evaluation chart, a Linguist file read, and
each pane's own modules when that pane is first built (issue 15)."""


def test_building_the_main_window_imports_nothing_the_first_paint_does_not_need() -> None:
    probe = (
        "import sys\n"
        "import workbench.ui.app, workbench.ui.main_window\n"
        f"print(sorted(m for m in {DEFERRED!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        timeout=2 * WAIT_S,
    )
    assert done.stdout.strip() == "[]"

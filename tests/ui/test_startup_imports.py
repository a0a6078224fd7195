"""Start-up imports only what the first paint needs: no HTTP stack, no sandbox server, no keyring;
and the GUI's Qt-free layers load before PySide6 (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from tests.folders import unmakeable
from tests.waits import WAIT_S
from workbench import __main__ as entry

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

DEFERRED = (
    "httpx",
    "anyio",
    "uvicorn",
    "starlette",
    "keyring",
    "workbench.api.client",
    "workbench.api.http_client",
    "workbench.api.transport_errors",
    "workbench.api.flavours.cohere_v1",
    "workbench.api.flavours.cohere_v2",
    "workbench.api.flavours.cohere_v2_events",
    "workbench.api.flavours.openai_compat",
    "workbench.api.events",
    "workbench.api.framing",
    "workbench.core.chat_metrics",
    "workbench.core.rerank_spans",
    "workbench.core.rerank_handoff",
    "jsonschema",
    "pyqtgraph",
    "stamina",
    "xml.etree.ElementTree",
    "xml.sax",
    "urllib.request",
    "http.client",
    "workbench.core.svg_chart",
    "workbench.ui.crash_dialog",
    "workbench.ui.shortcuts_sheet",
    "workbench.ui.chat.pane",
    "workbench.ui.endpoints.pane",
    "workbench.ui.history.pane",
    "workbench.ui.evaluation.pane",
    "workbench.ui.qa.pane",
    "workbench.ui.compare.pane",
)
"""Loaded later: by the first request (the flavours' codecs, stream events and framing; the
first answer's cost, spans and hand-off), the local sandbox, the first keyring call, the first
answer checked against a JSON schema, the first chart (it escapes XML), a Linguist file read,
the first crash or F1, and each pane's own modules when that pane is first built (issue 15)."""


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


ORDER_PROBE = """
import gc, os, pathlib, sys
from workbench import __main__ as entry

first = []
young = []


class Recorder:
    # Sees each module's name when it is first imported, and leaves finding it to the others.
    def find_spec(self, name, path=None, target=None):
        first.append(name)


class Marker:
    # Notes when the app prints that its window is shown, and whether settings were written.
    def __init__(self, out):
        self.out, self.shown, self.written_before = out, False, None

    def write(self, text):
        if not self.shown and "window shown" in text:
            self.shown, self.written_before = True, SETTINGS.exists()
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            sheet = app.styleSheet()
            app.setStyleSheet("")  # under a style sheet, style() is the sheet's, named ""
            self.style = app.style().name()
            app.setStyleSheet(sheet)
            self.runs = sorted(m for m in sys.modules if m.startswith(("workbench.core.runs", "sqlite3")))
        return self.out.write(text)

    def flush(self):
        self.out.flush()


def on_collect(phase, info):
    if phase == "start" and not sys.stdout.shown:
        young.append(gc.get_count()[0])


SETTINGS = pathlib.Path(os.environ["WORKBENCH_CONFIG_DIR"], "settings.json")
sys.stdout = Marker(sys.stdout)
sys.meta_path.insert(0, Recorder())
gc.callbacks.append(on_collect)
status = entry.main(["--gui", "--quit-when-shown", "--no-sandbox"])
qt = first.index("PySide6")
print("status", status)
print("after Qt", sorted(m for m in {names!r} if first.index(m) > qt))
print("collections before shown", len(young))
print("gc back", gc.isenabled(), gc.get_freeze_count())
print("settings written before shown", sys.stdout.written_before)
print("sandbox endpoints saved", SETTINGS.read_text(encoding="utf-8").count('"is_sandbox": true'))
print("plugins", os.environ.get("PYDANTIC_DISABLE_PLUGINS"))
print("style when shown", sys.stdout.style)
print("run history when shown", sys.stdout.runs)
"""


def _start_the_gui(tmp_path: Path, **env: str) -> list[str]:
    names = ("pydantic", *entry.QT_FREE_FIRST, "workbench.core.settings", "workbench.api.models")
    done = subprocess.run(
        [sys.executable, "-c", ORDER_PROBE.format(names=names)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_CONFIG_DIR": str(tmp_path)}
        | env,
        capture_output=True,
        text=True,
        check=True,
        timeout=4 * WAIT_S,
    )
    return [line for line in done.stdout.splitlines() if line != "workbench: window shown"]


def test_the_gui_loads_its_qt_free_layers_before_qt_and_no_pydantic_plugins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PySide6 reads the source of every module imported after it; pydantic would scan every
    # installed distribution for plugins; no collection runs before the first paint (the
    # imports' objects are frozen, and the collector starts after the paint: on a busy machine
    # its timer fired first once, and walked the window's build); the first run's settings
    # would be written (an fsync) before the first paint. The window still opens and closes
    # cleanly, once it is closed the collector is the interpreter's again with nothing left
    # frozen, and the first run's endpoints are saved.
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    assert _start_the_gui(tmp_path) == [
        "status 0",
        "after Qt []",
        "collections before shown 0",
        "gc back True 0",
        "settings written before shown False",
        "sandbox endpoints saved 2",
        "plugins __all__",
        "style when shown fusion",
        "run history when shown []",  # opened on the loop's first turn
    ]


def test_a_pydantic_plugins_setting_of_ones_own_wins(tmp_path: Path) -> None:
    lines = _start_the_gui(tmp_path, PYDANTIC_DISABLE_PLUGINS="")
    assert "plugins " in lines


def test_the_qt_free_layers_import_no_qt() -> None:
    probe = (
        "import importlib, sys\n"
        "from workbench import __main__ as entry\n"
        "for name in entry.QT_FREE_FIRST: importlib.import_module(name)\n"
        "print(sorted(m for m in ('PySide6', 'qasync') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=WAIT_S
    )
    assert done.stdout.strip() == "[]"


DONE_PROBE = """
import gc, linecache, sys
from PySide6.QtWidgets import QApplication
from workbench import __main__ as entry
from workbench.ui.gc_guard import GuiThreadGarbageCollector

finish = GuiThreadGarbageCollector.start_up_done


def start_up_done(self):
    before = sum(1 for name in linecache.cache if "workbench" in name)
    finish(self)
    after = sorted(name for name in linecache.cache if "workbench" in name)
    print("sources cached", before > 0, after, "frozen", gc.get_freeze_count() > 0, flush=True)
    QApplication.instance().closeAllWindows()


GuiThreadGarbageCollector.start_up_done = start_up_done
print("status", entry.main(["--gui", "--no-sandbox"]))
"""


def test_once_every_pane_is_built_the_sources_start_up_cached_are_dropped(
    tmp_path: Path,
) -> None:
    """PySide6's import hook reads every module's source through linecache, which keeps it
    (5.5 M characters): dropped when start-up is done, and start-up's objects frozen."""
    done = subprocess.run(
        [sys.executable, "-c", DONE_PROBE],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_CONFIG_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
        timeout=4 * WAIT_S,
    )
    lines = [line for line in done.stdout.splitlines() if line != "workbench: window shown"]
    assert lines == ["sources cached True [] frozen True", "status 0"]


NOTICES_PROBE = """
from workbench import __main__ as entry
from workbench.ui.notices import NoticeCenter

post = NoticeCenter.post


def noted(self, notice):
    print("notice", notice.level, notice.title, "|", notice.detail, flush=True)
    post(self, notice)


NoticeCenter.post = noted
print("status", entry.main(["--gui", "--quit-when-shown", "--no-sandbox"]))
"""


def test_the_gui_starts_when_its_folders_cannot_be_written(tmp_path: Path) -> None:
    """A read-only home or a full disk: the log folder's OSError stopped the start with a
    traceback; now the window opens and the notices say what is off."""
    done = subprocess.run(
        [sys.executable, "-c", NOTICES_PROBE],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "WORKBENCH_CONFIG_DIR": str(unmakeable(tmp_path, "config")),
            "WORKBENCH_DATA_DIR": str(unmakeable(tmp_path, "data")),
        },
        capture_output=True,
        text=True,
        timeout=4 * WAIT_S,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stdout.splitlines()
    titles = [line.partition(" |")[0] for line in lines]
    assert "status 0" in lines
    assert "notice warning No log file" in titles
    assert "notice warning Settings could not be saved" in titles
    # Nothing could be read, so no copy was kept: the notice must not say one was.
    assert "notice warning Started with default settings | " in lines

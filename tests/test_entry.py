"""The `workbench` entry point: it says in words why a window cannot open, before Qt aborts."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.waits import WAIT_S
from workbench.__main__ import XCB_CURSOR, display_problem, loadable


def test_no_display_is_explained_and_points_to_the_command_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "workbench"],
        env=env,
        capture_output=True,
        text=True,
        timeout=2 * WAIT_S,
        check=False,
    )
    assert done.returncode == 1
    assert "no display" in done.stderr
    assert "workbench rerank|chat --help" in done.stderr
    assert "Reinstalling" not in done.stderr


def test_a_display_or_an_explicit_platform_lets_qt_try() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "darwin") is None
    assert display_problem({}, "win32") is None
    assert display_problem({}, "linux") is not None


def test_x11_needs_the_cursor_library_qt_loads() -> None:
    # The test run installs libxcb-cursor0 (tests/run), as a desktop with Qt apps has it.
    assert loadable(XCB_CURSOR)
    assert not loadable("libworkbench-no-such-library.so.0")
    assert display_problem({"DISPLAY": ":99"}, "linux") is None


def _help(*argv: str) -> str:
    """`workbench ARGV` as a real process with no display, which must end with status 0."""
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "workbench", *argv], env=env, capture_output=True, text=True,
        timeout=2 * WAIT_S, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return done.stdout


def test_top_level_help_names_the_desktop_options_gui_help_describes() -> None:
    """`--theme`, `--lang` and `--demo` (in the README) showed only in `workbench --gui --help`,
    and that only with a display, though help opens no window."""
    cli_help = " ".join(_help("--help").split())
    epilog = cli_help[cli_help.index("opens the desktop program") :]
    assert "`workbench --gui --help` describes them" in epilog
    named = set(re.findall(r"--[a-z][a-z-]+", epilog.split("(`workbench --gui")[0]))
    gui_options = set(re.findall(r"^  (--[a-z][a-z-]+)", _help("--gui", "--help"), re.M))
    start_up_checks = {"--quit-when-shown", "--quit-when-ready"}
    assert named == gui_options - start_up_checks
    assert {"--theme", "--lang", "--demo"} <= named

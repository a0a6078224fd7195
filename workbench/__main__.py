"""Entry point: no subcommand opens the GUI; a subcommand runs headless without importing Qt."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

QT_FREE_FIRST = (
    "workbench.core.settings",  # endpoints, the wire models, pydantic
    "workbench.core.rerank_docs",
    "workbench.core.chat_compare",
    "workbench.core.secrets",
)
"""Qt-free modules the window needs, imported before PySide6 (issue 15: start-up). Once loaded,
PySide6's `__feature__` import hook reads the source of every module imported after it, to see
whether it selects a feature: about a quarter of a millisecond a module, 40 ms over start-up."""


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI, the sandbox server or the command line.

    Args:
        argv: arguments without the program name; `sys.argv[1:]` when None.

    Returns:
        The process exit status.
    """
    args = sys.argv[1:] if argv is None else argv
    first = args[0].partition("=")[0] if args else ""
    if not args or first in {"--screenshots", "--demo", "--lang", "--theme", "--gui", "gui"}:
        # Help needs no window: the command line's help sends people without a display here.
        wants_help = not {"-h", "--help"}.isdisjoint(args)
        problem = None if wants_help else display_problem(os.environ, sys.platform)
        if problem:
            print(f"workbench: {problem}", file=sys.stderr)  # noqa: T201  (before Qt can say it worse)
            return 1
        # Importing the GUI allocates ~1M objects and frees few: collecting cycles meanwhile is
        # wasted start-up time (issue 15). The GUI's own collector takes over in run_gui.
        gc.disable()
        _skip_pydantic_plugins()
        for name in QT_FREE_FIRST:
            importlib.import_module(name)
        from workbench.ui.app import run_gui  # Qt is imported only for the GUI

        # What the imports made lives as long as the program: frozen, it is not walked again by
        # the first collection after them (~65,000 objects, 15-40 ms here). The GUI's collector
        # unfreezes it when the window closes.
        gc.freeze()
        gc.enable()
        return run_gui(args[1:] if args and args[0] in {"--gui", "gui"} else args)
    if args[0] == "sandbox":
        from workbench.sandbox.cli import main as sandbox_main

        return sandbox_main(args[1:])
    from workbench.cli import main as cli_main

    return cli_main(args)


def _skip_pydantic_plugins() -> None:
    """Tell pydantic the GUI uses no plugin of its own (issue 15: start-up).

    Otherwise the first validator it builds scans the entry points of every installed
    distribution for plugins (~10 ms here, more with a larger environment). This is pydantic's
    documented switch; whoever wants plugins in the GUI sets `PYDANTIC_DISABLE_PLUGINS` (to ""
    or to the plugins to leave out), and that setting wins.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


XCB_CURSOR = "libxcb-cursor.so.0"
"""The soname Qt's xcb platform plugin loads (Debian's libxcb-cursor0, Fedora's xcb-util-cursor)."""


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds and loads this library, as Qt's plugin will.

    Loading it is the check Qt makes; `ctypes.util.find_library` answered the same question
    with ~35 ms of imports (subprocess and more) on every start on an X11 desktop (issue 15).
    """
    import ctypes  # here: the command line and Wayland never need it

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the GUI cannot open a window here, in words, or None when it can try.

    Without this, Qt aborts with "no Qt platform plugin could be initialized. Reinstalling the
    application may fix this problem", which sends people the wrong way.
    """
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return (
            "no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset). Start it "
            "from a desktop session, or use the command line: `workbench rerank|chat --help`, "
            "`workbench sandbox --help`."
        )
    x11_only = environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")
    # A frozen bundle (packaging/pyinstaller) carries its own libxcb-cursor, off the loader's path.
    bundled = getattr(sys, "frozen", False)
    if x11_only and not bundled and not loadable(XCB_CURSOR):
        return (
            "Qt needs the X11 library libxcb-cursor to open a window "
            "(Debian/Ubuntu: apt install libxcb-cursor0; Fedora: dnf install xcb-util-cursor)."
        )
    return None


def cli_entry() -> None:
    """Console-script entry: exit with what `main` returns."""
    sys.exit(main())


if __name__ == "__main__":
    cli_entry()

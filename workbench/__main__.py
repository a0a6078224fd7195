"""Entry point: no subcommand opens the GUI; a subcommand runs headless without importing Qt."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI, the sandbox server or the command line.

    Args:
        argv: arguments without the program name; `sys.argv[1:]` when None.

    Returns:
        The process exit status.
    """
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("--screenshots") or args[0] in {"--gui", "gui"}:
        from workbench.ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(args[1:] if args and args[0] in {"--gui", "gui"} else args)
    if args[0] == "sandbox":
        from workbench.sandbox.cli import main as sandbox_main

        return sandbox_main(args[1:])
    from workbench.cli import main as cli_main

    return cli_main(args)


def cli_entry() -> None:
    """Console-script entry: exit with what `main` returns."""
    sys.exit(main())


if __name__ == "__main__":
    cli_entry()

"""Composition root: QApplication, the qasync loop, services, the main window, the local sandbox."""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import logging
import os
import shutil
import sys
import tempfile
from functools import partial
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

import qasync
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from workbench.api.redact_logs import RedactingFilter
from workbench.core.errors import os_reason
from workbench.core.secrets import KeyringSecretStore
from workbench.core.settings import SettingsStore, config_dir, forget_url_user_info
from workbench.ui import resources
from workbench.ui.asyncgen_hooks import asyncgen_hooks
from workbench.ui.common.l10n import fill
from workbench.ui.common.theme import CHOICES as THEMES
from workbench.ui.common.theme import SYSTEM, apply_theme, follow_system
from workbench.ui.first_paint import FirstPaint
from workbench.ui.gc_guard import GuiThreadGarbageCollector
from workbench.ui.history_notices import open_history, say_kept
from workbench.ui.i18n import CHOICES, apply_language
from workbench.ui.local_sandbox import LocalSandbox, ensure_sandbox_endpoints
from workbench.ui.notices import NoticeCenter
from workbench.ui.services import Services
from workbench.ui.single_instance import SingleInstance, raise_running

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from workbench.ui.main_window import MainWindow

SHOWN_MARKER = "workbench: window shown"
READY_MARKER = "workbench: ready"
RAISED_MARKER = "workbench: already running; its window was raised"


EXIT_OUTPUT = 74
"""The status for output that could not be written (the command line's, sysexits' EX_IOERR)."""


class _Parser(argparse.ArgumentParser):
    """argparse, except that help it cannot write is not dropped in silence."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse's own swallows OSError: `--help` into a full disk ended with status 0.
        if message:
            (file or sys.stderr).write(message)


def _parse(args: list[str]) -> argparse.Namespace:
    """The GUI's options; help or a usage error that cannot be written is one line and 74."""
    try:
        return _parser().parse_args(args)
    except SystemExit as done:
        if done.code == 0:  # the help was printed: make sure it was written
            _flush_or_exit(sys.stdout)
        raise
    except OSError as exc:
        _output_lost(exc)


def _flush_or_exit(stream: IO[str]) -> None:
    try:
        stream.flush()
    except OSError as exc:
        _output_lost(exc)


def _output_lost(exc: OSError) -> NoReturn:
    print(f"workbench: cannot write the output: {os_reason(exc)}", file=sys.stderr)  # noqa: T201
    # What is still buffered would fail again at exit ("Exception ignored", status 120): the
    # descriptor goes to the null device, as Python's `signal` docs do for SIGPIPE.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    raise SystemExit(EXIT_OUTPUT) from None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="workbench", description="Cohere Workbench (GUI)")
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        type=Path,
        help="render each pane with sample data into DIR as PNG files, then exit",
    )
    parser.add_argument(
        "--quit-when-shown",
        action="store_true",
        help="exit once the window is shown and idle (start-up checks)",
    )
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="exit once the local sandbox is up and every start-up task is done",
    )
    parser.add_argument("--no-sandbox", action="store_true", help="do not start the local sandbox")
    parser.add_argument(
        "--lang",
        choices=[choice for choice, _ in CHOICES],
        help="the GUI's language for this run (the View menu's choice is not changed)",
    )
    parser.add_argument(
        "--theme",
        choices=[choice for choice, _ in THEMES],
        help="the GUI's theme for this run (the View menu's choice is not changed)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start in demo mode (hosts and keys masked, larger fonts) for this run",
    )
    return parser


def _scratch_folders() -> None:
    """Give a screenshots run folders of its own, removed at exit, unless the caller chose some
    (`packaging/screenshots.sh` does): it loads samples into every pane, and in a person's own
    folders the panes kept them over the chat, Rerank and Compare inputs they had typed, and
    their run history got the samples' runs."""
    scratch = Path(tempfile.mkdtemp(prefix="workbench-screenshots-"))
    os.environ.setdefault("WORKBENCH_CONFIG_DIR", str(scratch / "config"))
    os.environ.setdefault("WORKBENCH_DATA_DIR", str(scratch / "data"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)


def run_gui(args: list[str]) -> int:
    """Open the main window and run until it closes.

    Args:
        args: GUI options (see `--help`).

    Returns:
        The exit status.
    """
    options = _parse(args)
    if options.screenshots is not None:
        _scratch_folders()
    app = _application()
    instance = SingleInstance(config_dir(), parent=app)
    if not instance.acquire():
        return _leave_to_the_running_window()
    try:
        setup_logging()
        log_problem = None
    except OSError as exc:  # a read-only home or a full disk: run on, and say so
        log_problem = exc
    # Started after the first paint: a collection due on a busy machine before it would walk
    # every object the window's build made (the imports' are frozen) while nothing is drawn.
    collector = GuiThreadGarbageCollector(app, start=False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    store = SettingsStore.default()
    store.hold_saves()  # written once the window is shown (_after_first_paint)
    services = build_services(loop, language=options.lang, store=store, history=False)
    if log_problem is not None:
        _say_no_log_file(services.notices, log_problem)
    apply_theme(app, options.theme or services.settings.settings.theme)
    if options.demo:  # before the window: nothing is ever drawn unmasked
        services.demo.set_on(True, remember=False)
    sandbox = LocalSandbox(services)
    from workbench.ui.main_window import MainWindow  # after the app: panes need a QApplication

    window = MainWindow(services=services, lazy_panes=True)
    window.show()
    started = partial(_after_first_paint, options, window, services, sandbox, collector, instance)
    FirstPaint(window, started)
    with loop, asyncgen_hooks(loop):
        status = loop.run_forever()
        loop.run_until_complete(_shutdown(services))
    sandbox.stop()
    collector.stop()
    instance.release()
    return int(status or 0)


def _leave_to_the_running_window() -> int:
    """A second start on the same settings folder: raise the running window, and leave."""
    if raise_running(config_dir()):
        print(RAISED_MARKER, flush=True)  # noqa: T201  a launcher's or script's only answer
        return 0
    print(  # noqa: T201  before any window: stderr is the only place to say it
        "workbench: another window holds this settings folder and did not answer; "
        "close it, or set WORKBENCH_CONFIG_DIR to another folder",
        file=sys.stderr,
    )
    return 1


def _answer_later_starts(instance: SingleInstance, window: MainWindow) -> None:
    instance.activation_requested.connect(partial(_raise, window))
    instance.listen()


def _raise(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setApplicationName("Cohere Workbench")
    QCoreApplication.setOrganizationName("cohere-workbench")
    QGuiApplication.setDesktopFileName("cohere-workbench")
    # Fusion from the command line Qt reads: `setStyle()` hands back the style to Python, whose
    # QStyle class then builds its 11 enums (~570 members), ~25 ms before the first paint.
    app = QApplication([sys.argv[0], "-style", "fusion"])
    app.setWindowIcon(resources.app_icon())
    app.styleHints().colorSchemeChanged.connect(follow_system)
    return app


def apply_colour_scheme(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Apply the System theme for this platform scheme (the platform's own when None).

    Args:
        app: the application.
        scheme: the scheme the platform reports (tests pass the one a desktop would signal).
    """
    apply_theme(app, SYSTEM, scheme)


def build_services(
    loop: asyncio.AbstractEventLoop,
    *,
    language: str | None = None,
    store: SettingsStore | None = None,
    history: bool = True,
) -> Services:
    """The services every pane receives (settings recovered if broken; sandbox endpoint on first run).

    Args:
        loop: the qasync loop.
        language: the GUI language for this run; None: the one remembered in settings. It is
            applied here, once settings are read and before any notice is written.
        store: the settings store, not loaded yet; None: the one at the default path.
        history: open the run history now; False: the caller attaches it later
            (`Services.attach_history`, as the app does once the window is shown).
    """
    notices = NoticeCenter()
    store = SettingsStore.default() if store is None else store
    _, error = store.load_or_recover()
    apply_language(language or store.settings.language)
    if error is not None:
        notices.post_error(error)
        kept = QCoreApplication.translate(
            "App", "The broken file was kept as settings.broken.json."
        )
        notices.warn(
            QCoreApplication.translate("App", "Started with default settings"),
            kept if store.broken_copy is not None else "",
        )
    ensure_sandbox_endpoints(store)
    _say_url_user_info(notices, forget_url_user_info(store))
    return Services.assemble(
        store=store,
        secrets=KeyringSecretStore(),
        loop=loop,
        notices=notices,
        history=open_history(notices, loop) if history else None,
    )


def _say_url_user_info(notices: NoticeCenter, names: list[str]) -> None:
    """Say which saved endpoints had a user name and password taken out of their URL."""
    if not names:
        return
    title = QCoreApplication.translate("App", "Passwords taken out of saved endpoint URLs")
    detail = QCoreApplication.translate(
        "App",
        "%1: an earlier version kept the user name and password typed in the URL, in plain "
        "text in the settings file. They would have been sent in place of the key, so these "
        "endpoints were refused; put the key in the API key field.",
    )
    notices.warn(title, fill(detail, ", ".join(names)))


def _say_no_log_file(notices: NoticeCenter, exc: OSError) -> None:
    reason = QCoreApplication.translate("App", "The log folder could not be written: %1")
    title = QCoreApplication.translate("App", "No log file")
    notices.warn(title, fill(reason, os_reason(exc)))


def setup_logging() -> logging.Handler:
    """Log to config_dir()/logs/workbench.log (rotated), with keys redacted from every line.

    Raises:
        OSError: the log folder or file cannot be made (nothing is set up then).
    """
    folder = config_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / "workbench.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # qasync's executor logs every callback's arguments and result at debug level: noise at best.
    logging.getLogger("qasync").setLevel(logging.WARNING)
    return handler


async def _shutdown(services: Services) -> None:
    services.settings.release_saves()  # held since start-up, if the first paint never came
    await services.tasks.shutdown()
    await services.session.aclose()
    if services.history is not None:
        say_kept(services.notices, services.history.close())  # commits what is still queued


def _after_first_paint(
    options: argparse.Namespace,
    window: MainWindow,
    services: Services,
    sandbox: LocalSandbox,
    collector: GuiThreadGarbageCollector,
    instance: SingleInstance,
) -> None:
    """The start-up work the first paint does not need (issue 15), once it is done (`FirstPaint`):
    saying the window is shown, answering later starts (QtNetwork's imports), writing the
    settings changed so far (the first run's endpoints), opening the run history (its modules,
    and on a first run a new database), the sandbox (a keyring read and the server's imports on
    a thread, which would hold the GIL against the first paint), what a first Send would wait
    for (the HTTP transport's imports, the CA bundle), then the panes not shown, one per turn of
    the event loop, then start-up is done (its cached sources dropped, its objects left out of
    later garbage collections)."""
    _print_shown()
    collector.start()
    _answer_later_starts(instance, window)
    services.settings.release_saves()
    _attach_history(window, services)
    if not options.no_sandbox:
        services.tasks.start("app.sandbox", sandbox.start())
    services.tasks.start("app.warm-up", services.session.warm_up())  # the first Send's wait
    _schedule_exit_hooks(options, window, services)
    window.build_panes_when_idle(then=collector.start_up_done)


def _attach_history(window: MainWindow, services: Services) -> None:
    services.attach_history(open_history(services.notices, asyncio.get_running_loop()))
    if window.is_pane_built("history"):  # the pane shown first listed no history: now it can
        window.history_pane.refresh(choices=True)


def _schedule_exit_hooks(
    options: argparse.Namespace, window: MainWindow, services: Services
) -> None:
    if options.screenshots is not None:
        from workbench.ui.screenshots import take_screenshots

        options.screenshots.mkdir(parents=True, exist_ok=True)

        services.tasks.start(
            "app.screenshots", take_screenshots(window, services, options.screenshots)
        )
    elif options.quit_when_shown:
        window.close()
    elif options.quit_when_ready:
        services.tasks.start("app.quit-when-ready", _quit_when_ready(window, services))


def _print_shown() -> None:
    print(SHOWN_MARKER, flush=True)  # noqa: T201  start-up benchmarks read this line


async def _quit_when_ready(window: MainWindow, services: Services) -> None:
    await services.tasks.wait_until_idle(ignore=["app.quit-when-ready"])
    print(READY_MARKER, flush=True)  # noqa: T201  start-up benchmarks read this line
    window.close()

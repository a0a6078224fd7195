"""The library's log records on a command's stderr: one redacted line each, no traceback."""

from __future__ import annotations

import io
import logging
import threading
from typing import TYPE_CHECKING

import pytest

from workbench.api.redact import forget_secrets, register_secret
from workbench.cli.log_lines import command_log
from workbench.core.runs.writer import TOLD

if TYPE_CHECKING:
    from collections.abc import Iterator

KEY = "sk-logline-0123456789abcdefghij"
log = logging.getLogger("workbench.test_log_lines")


@pytest.fixture
def key() -> Iterator[None]:
    register_secret(KEY)
    yield None
    forget_secrets()


@pytest.mark.usefixtures("key")
def test_a_warning_is_one_redacted_line_without_its_traceback() -> None:
    """Python's last-resort handler wrote them unredacted, with whole tracebacks."""
    err = io.StringIO()
    with command_log(err):
        try:
            raise OSError(f"refused with {KEY}")
        except OSError:
            log.exception("could not keep the progress file: refused with %s", KEY)
    assert err.getvalue().startswith(
        "workbench: error: could not keep the progress file: refused with "
    )
    assert KEY not in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_record_the_command_tells_itself_is_left_out() -> None:
    err = io.StringIO()
    with command_log(err):
        log.warning("kept in a side file", extra=TOLD)
        log.info("not worth a line")
    assert err.getvalue() == ""


def test_a_record_from_another_thread_waits_for_the_main_thread() -> None:
    """Written from the history's writer thread in the middle of an answer, a line would break
    a key the redactor holds back in two."""
    err = io.StringIO()
    with command_log(err) as handler:
        writer = threading.Thread(target=lambda: log.warning("from the writer"))
        writer.start()
        writer.join()
        assert err.getvalue() == ""
        handler.write_held()
    assert err.getvalue() == "workbench: warning: from the writer\n"


def test_another_threads_record_from_another_library_is_not_the_commands() -> None:
    """A test's sandbox shares the process: uvicorn's "Exception in ASGI application", logged
    on the sandbox's thread, was printed as the command's error and failed a CI run."""
    err = io.StringIO()
    with command_log(err) as handler:
        server = threading.Thread(
            target=lambda: logging.getLogger("uvicorn.error").error("Exception in ASGI application")
        )
        server.start()
        server.join()
        logging.getLogger("asyncio").error("Task exception was never retrieved")
        handler.write_held()
    assert err.getvalue() == "workbench: error: Task exception was never retrieved\n"

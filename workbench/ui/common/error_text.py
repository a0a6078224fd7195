"""Errors as the GUI shows them: the fixed titles of the error tree in the current language.

The error tree lives in `api` and `core`, which know no Qt, so their titles are English. The
fixed ones are listed here for lupdate and translated where they are shown; a title made from
data (a file name, a flavour) and the server's own text stay as they are (issue 18).
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import RateLimited
from workbench.ui.common.core_text import shown
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, fill, format_decimal

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.errors import WorkbenchError
    from workbench.core.turns import TurnRun

TITLES = (
    # workbench/api/errors.py
    QT_TRANSLATE_NOOP("Errors", "Invalid input"),
    QT_TRANSLATE_NOOP("Errors", "Sign-in failed"),
    QT_TRANSLATE_NOOP("Errors", "Request failed"),
    QT_TRANSLATE_NOOP("Errors", "Could not connect"),
    QT_TRANSLATE_NOOP("Errors", "Connection timed out"),
    QT_TRANSLATE_NOOP("Errors", "The server took too long to answer"),
    QT_TRANSLATE_NOOP("Errors", "Unexpected answer from the server"),
    QT_TRANSLATE_NOOP("Errors", "The server refused the request"),
    QT_TRANSLATE_NOOP("Errors", "Bad request"),
    QT_TRANSLATE_NOOP("Errors", "Authentication failed"),
    QT_TRANSLATE_NOOP("Errors", "Route not found (check the URL and flavour)"),
    QT_TRANSLATE_NOOP("Errors", "The server could not process a parameter"),
    QT_TRANSLATE_NOOP("Errors", "Request cancelled"),
    QT_TRANSLATE_NOOP("Errors", "Server error"),
    QT_TRANSLATE_NOOP("Errors", "Rate limited"),
    QT_TRANSLATE_NOOP("Errors", "Invalid URL"),
    QT_TRANSLATE_NOOP("Errors", "Unusable API key"),
    # workbench/core
    QT_TRANSLATE_NOOP("Errors", "Workbench error"),
    QT_TRANSLATE_NOOP("Errors", "Settings could not be loaded"),
    QT_TRANSLATE_NOOP("Errors", "Keyring error"),
    QT_TRANSLATE_NOOP("Errors", "No secure keyring available"),
    QT_TRANSLATE_NOOP("Errors", "The file is not UTF-8 text"),
    QT_TRANSLATE_NOOP("Errors", "The file is not UTF-16 text"),
    QT_TRANSLATE_NOOP("Errors", "The file is not UTF-32 text"),
    QT_TRANSLATE_NOOP("Errors", "No documents found"),
    QT_TRANSLATE_NOOP("Errors", "Expected a JSON array of documents"),
    QT_TRANSLATE_NOOP("Errors", "A document must be a string or an object"),
    QT_TRANSLATE_NOOP("Errors", "The CSV header needs a name for every column"),
    QT_TRANSLATE_NOOP("Errors", "Cannot attach image"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read image"),
    QT_TRANSLATE_NOOP("Errors", "Chat history is not valid JSON"),
    QT_TRANSLATE_NOOP("Errors", "Not a chat history file"),
    QT_TRANSLATE_NOOP("Errors", "Chat history is damaged"),
    QT_TRANSLATE_NOOP("Errors", "Saved rerank inputs are damaged"),
    QT_TRANSLATE_NOOP("Errors", "Saved inputs are damaged"),
    QT_TRANSLATE_NOOP("Errors", "Documents must be a JSON array"),
    QT_TRANSLATE_NOOP("Errors", "There are no documents"),
    QT_TRANSLATE_NOOP("Errors", "This flavour takes strings only"),
    QT_TRANSLATE_NOOP("Errors", "An object document is empty"),
    QT_TRANSLATE_NOOP("Errors", "Strings and objects cannot be mixed for this flavour"),
    QT_TRANSLATE_NOOP("Errors", "Not a conversation"),
    QT_TRANSLATE_NOOP("Errors", "Invalid extra header"),
    QT_TRANSLATE_NOOP("Errors", "Cannot import endpoints"),
    QT_TRANSLATE_NOOP("Errors", "Unknown endpoint"),
    QT_TRANSLATE_NOOP("Errors", "Endpoint not available here"),
    QT_TRANSLATE_NOOP("Errors", "No API key stored"),
    QT_TRANSLATE_NOOP("Errors", "Too many images"),
    QT_TRANSLATE_NOOP("Errors", "Images too large"),
    # workbench/ui/endpoint_session.py
    QT_TRANSLATE_NOOP("Errors", "No endpoint selected"),
    QT_TRANSLATE_NOOP("Errors", "No API key stored for this endpoint"),
)
"""Every fixed error title of the error tree, marked for translation."""

PLACES = (
    # workbench/core/evaluation/readers.py
    QT_TRANSLATE_NOOP("Errors", "run file"),
    # workbench/core/endpoint_transfer.py (and the command line's inputs)
    QT_TRANSLATE_NOOP("Errors", "top level"),
    # workbench/core/chat_history_io.py
    QT_TRANSLATE_NOOP("Errors", "(top level)"),
    # workbench/core/chat_session.py
    QT_TRANSLATE_NOOP("Errors", "tool results"),
    QT_TRANSLATE_NOOP("Errors", "conversation"),
    # workbench/api/entra_command.py
    QT_TRANSLATE_NOOP("Errors", "token command"),
    # workbench/api/entra.py: the credential that gave an unusable answer
    QT_TRANSLATE_NOOP("Errors", "the token command"),
    QT_TRANSLATE_NOOP("Errors", "the Azure CLI"),
    # workbench/api/keys.py: the key the Endpoints pane's field holds
    QT_TRANSLATE_NOOP("Errors", "API key"),
    # workbench/core/endpoint_headers.py: "Extra headers, line 3"
    QT_TRANSLATE_NOOP("Errors", "Extra headers"),
)
"""Places said in fixed words (not an API field path, which stays), translated when shown,
whole or as a part of a longer place ("Extra headers, line 3")."""

_PLACE = re.compile(
    r"\b(?:line (\d+), column (\d+)|line (\d+)|byte (\d+)|(turn|event) (\d+))\b"
    r"|\bfield ([^\s,]+)"
)


def shown_title(title: str) -> str:
    """An error title in the current language when it is one of `TITLES`, else as it came."""
    return QCoreApplication.translate("Errors", title)


def error_title(exc: WorkbenchError) -> str:
    """An error's title as the GUI shows it (a title made from values, through core_text)."""
    return shown(exc.title_text) if exc.title_text is not None else shown_title(exc.title)


def error_message(exc: WorkbenchError) -> str:
    """An error's message: the workbench's own words translated, a server's text as it came."""
    return shown(exc.message_text) if exc.message_text is not None else exc.server_message


def shown_where(where: str) -> str:
    """A place as shown: "line L, column C", "line L", "byte N", "turn N", "event N" and
    "field F" in the current language, also inside a longer place ("recipes.csv, line 3",
    "event 3 (byte 120)"), and a place in fixed words (`PLACES`).

    The error keeps the English form (the JSON editor reads it back to mark the place); a field
    path such as `documents[2].text` is an API name and stays.
    """

    parts = where.split(", ")
    where = ", ".join(QCoreApplication.translate("Errors", p) if p in PLACES else p for p in parts)

    def place(found: re.Match[str]) -> str:
        line, column, only_line, byte, counted, number, field = found.groups()
        if field is not None:  # the field's name is the file's own: it stays
            return fill(QCoreApplication.translate("Errors", "field %1"), field)
        if counted == "turn":
            return fill(QCoreApplication.translate("Errors", "turn %1"), number)
        if counted == "event":
            return fill(QCoreApplication.translate("Errors", "event %1"), number)
        if line is not None:
            return fill(QCoreApplication.translate("Errors", "line %1, column %2"), line, column)
        if only_line is not None:
            return fill(QCoreApplication.translate("Errors", "line %1"), only_line)
        return fill(QCoreApplication.translate("Errors", "byte %1"), byte)

    return _PLACE.sub(place, where)


def error_line(exc: WorkbenchError) -> str:
    """An error as one line in the GUI: `str(exc)` with its fixed words in the current language.

    The title and the place are translated; the status, route, server text and request id
    stay as they came (data, or the server's own words).
    """
    parts = [error_title(exc)]
    if exc.where:
        parts.append(fill(QCoreApplication.translate("Errors", "at %1"), shown_where(exc.where)))
    if exc.status is not None:
        parts.append(f"HTTP {exc.status}")
    if exc.route:
        parts.append(exc.route)
    line = " · ".join(parts)
    if exc.server_message:
        line = fill(QCoreApplication.translate("Errors", "%1: %2"), line, error_message(exc))
    if exc.request_id:
        suffix = QCoreApplication.translate("Errors", "%1 (request id %2)")
        line = fill(suffix, line, exc.request_id)
    if isinstance(exc, RateLimited) and exc.retry_after is not None:
        wait = format_decimal(exc.retry_after)  # "1,5" in Italian; the English line's "1.5"
        line = fill(QCoreApplication.translate("Errors", "%1; retry after %2 s"), line, wait)
    return line


def cut_off_line(run: TurnRun) -> str | None:
    """Why a turn is partial, in the GUI's language, or None when it is whole.

    A failure is said with its fixed words translated: one the request raised (`error_line`),
    or one the stream reported, in the workbench's words when the server gave only a finish
    reason ("generation failed (ERROR)"); being stopped and a missing final event are core's
    fixed reasons, which each view translates where it draws them.
    """
    said = cut_off_saying(run)
    return said() if said is not None else run.cut_off


def cut_off_saying(run: TurnRun) -> Callable[[], str] | None:
    """Says a failed turn's `cut_off_line` again, in the language of the moment (for a reply
    drawn again after a switch: `Reply.say_cut_off_with`); None when the turn is whole or its
    reason is one of core's fixed ones, which the views translate themselves."""
    if run.stopped:
        return None
    if run.error is not None:
        # The line needs the error's words, not its frames: a conversation keeps this for every
        # failed turn, and a traceback keeps each frame's locals (bodies, clients) alive.
        return partial(error_line, run.error.with_traceback(None))
    if run.snapshot.error is not None:
        return partial(shown, run.snapshot.error)
    return None

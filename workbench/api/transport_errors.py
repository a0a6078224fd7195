"""Maps httpx's failures onto the workbench's error tree, and stamps the route on its errors."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import httpx

from workbench.api import errors
from workbench.api.errors import ProtocolError, WorkbenchError
from workbench.api.text import Text

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextlib.contextmanager
def mapped_errors(route: str) -> Iterator[None]:
    """Turn httpx failures into the workbench's error tree, and stamp the route on ours."""
    try:
        yield
    except WorkbenchError as exc:
        exc.route = exc.route or route
        raise
    except httpx.ConnectTimeout as exc:
        raise errors.ConnectTimeout(_said(str(exc)), route=route) from None
    except httpx.ConnectError as exc:
        raise errors.ConnectError(_said(str(exc)), route=route) from None
    except httpx.TimeoutException as exc:
        raise errors.RequestTimeout(_said(str(exc) or type(exc).__name__), route=route) from None
    except httpx.TransportError as exc:
        broke = Text("the connection broke: %1", _said(str(exc)))
        raise ProtocolError(broke, route=route) from None


_OWN_WORDS = {
    text.template: text
    for text in (
        Text("All connection attempts failed"),  # anyio, when every address refused
        Text("Server disconnected without sending a response."),  # httpcore
        Text("Server disconnected"),
        Text("Connection closed"),
    )
}
"""Messages httpx's stack words itself, so the GUI can say them in its language (the command
line's English is the same words); the OS's and TLS's own ("[Errno 111] Connection refused")
are not the workbench's and stay as they came."""


def _said(message: str) -> Text | str:
    """A transport failure's message: one of `_OWN_WORDS` as its `Text`, any other as it is."""
    return _OWN_WORDS.get(message, message)

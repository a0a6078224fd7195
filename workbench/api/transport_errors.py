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
        raise errors.ConnectTimeout(str(exc), route=route) from None
    except httpx.ConnectError as exc:
        raise errors.ConnectError(str(exc), route=route) from None
    except httpx.TimeoutException as exc:
        raise errors.RequestTimeout(str(exc) or type(exc).__name__, route=route) from None
    except httpx.TransportError as exc:
        raise ProtocolError(Text("the connection broke: %1", str(exc)), route=route) from None

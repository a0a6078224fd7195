"""Chat routes (filled in by the chat flavours)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.routing import Route

    from workbench.sandbox.server import Sandbox


def chat_routes(sandbox: Sandbox) -> list[Route]:
    """The chat routes of `sandbox`."""
    return []

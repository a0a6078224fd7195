"""One accepted request as route handlers see it, and helpers shared by the chat flavours."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.responses import StreamingResponse

from workbench.sandbox.streaming import deliver

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from workbench.sandbox.config import SandboxConfig
    from workbench.sandbox.faults import Faults


@dataclass(frozen=True)
class Call:
    """One request that passed auth, parsing, quota and faults."""

    request: Request
    body: dict[str, Any]
    faults: Faults
    config: SandboxConfig
    request_id: str
    prompt_tokens: int
    """What the request costs in input tokens (its words)."""

    def seed(self, requested: int | None) -> int:
        """The request's seed, or the server's default."""
        return self.config.seed if requested is None else requested

    def stream(self, frames: Sequence[bytes], media_type: str, broken_frame: bytes) -> Response:
        """A streaming response of `frames`, paced and faulted as configured."""
        pace = self.config.token_delay_ms / 1000
        body = deliver(frames, self.faults, pace, broken_frame)
        headers = {"cache-control": "no-cache", "x-accel-buffering": "no"}
        return StreamingResponse(body, media_type=media_type, headers=headers)


Handler = Callable[[Call], Awaitable["Response"]]


def dumps(obj: Any) -> str:
    """Compact JSON keeping non-ASCII as is (UTF-8 on the wire, as the real services send)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def ndjson(obj: Any) -> bytes:
    """One newline-delimited JSON line."""
    return (dumps(obj) + "\n").encode()


def sse(obj: Any, event: str | None = None) -> bytes:
    """One server-sent event, with an `event:` line when `event` is given."""
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {dumps(obj)}\n\n".encode()

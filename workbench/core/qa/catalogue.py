"""The check catalogue: every QA check, its group and title, in the order a run takes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.core.qa import checks_chat, checks_connection, checks_errors, checks_latency
from workbench.core.qa import checks_rerank as rr

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable

    from workbench.core.qa.context import QaContext


@dataclass(frozen=True)
class CheckSpec:
    """One check: an id for `--checks`, its group, a title for people, and what it runs."""

    id: str
    group: str
    title: str
    run: Callable[[QaContext], Awaitable[str]]


GROUPS = ("connection", "rerank", "chat", "errors", "latency")

CHECKS: tuple[CheckSpec, ...] = (
    CheckSpec("reachability", "connection", "The server answers", checks_connection.reachability),
    CheckSpec("tls", "connection", "TLS with a verified certificate", checks_connection.tls),
    CheckSpec(
        "auth-accepted", "connection", "The endpoint's key is accepted", checks_connection.auth_key
    ),
    CheckSpec(
        "auth-refused", "connection", "A wrong key is refused", checks_connection.auth_wrong_key
    ),
    CheckSpec("info", "connection", "/info names the model", checks_connection.info),
    CheckSpec(
        "model-identity",
        "connection",
        "The model is the one expected",
        checks_connection.model_identity,
    ),
    CheckSpec("rerank-strings", "rerank", "String documents", rr.strings),
    CheckSpec("rerank-objects", "rerank", "Object documents with rank_fields", rr.objects),
    CheckSpec("rerank-top-n", "rerank", "top_n", rr.top_n),
    CheckSpec("rerank-return-documents", "rerank", "return_documents", rr.return_documents),
    CheckSpec("rerank-scores", "rerank", "Scores within 0..1, sorted", rr.scores),
    CheckSpec("rerank-indices", "rerank", "Indices valid and unique", rr.indices),
    CheckSpec("rerank-probes", "rerank", "Relevant document first (English, Italian)", rr.probes),
    CheckSpec("rerank-1000", "rerank", "A 1,000-document request", rr.thousand),
    CheckSpec("rerank-chunk-rule", "rerank", "The v1 chunk rule", rr.chunk_rule),
    CheckSpec("chat-plain", "chat", "A plain answer", checks_chat.plain),
    CheckSpec(
        "chat-stream", "chat", "Streaming: well formed, final, same text", checks_chat.streaming
    ),
    CheckSpec("chat-rag", "chat", "RAG citations", checks_chat.rag),
    CheckSpec("chat-tools", "chat", "A tool call and its result sent back", checks_chat.tools),
    CheckSpec("chat-max-tokens", "chat", "max_tokens honoured", checks_chat.max_tokens),
    CheckSpec("chat-stop-sequences", "chat", "stop_sequences honoured", checks_chat.stop_sequences),
    CheckSpec(
        "chat-routes", "chat", "The same prompt through every chat route", checks_chat.routes
    ),
    CheckSpec(
        "errors-malformed", "errors", "A malformed request gets a 4xx", checks_errors.malformed
    ),
    CheckSpec(
        "errors-extra-parameters",
        "errors",
        "An unknown parameter as extra-parameters says",
        checks_errors.extra_parameters,
    ),
    CheckSpec(
        "latency", "latency", "Latency: first token and total, p50/p95", checks_latency.latency
    ),
)
"""Every check, in run order."""


def select(names: Iterable[str]) -> tuple[CheckSpec, ...]:
    """The checks named by id or group (all when none are named), in catalogue order.

    Raises:
        InputError: a name that is neither a check nor a group; the message lists them.
    """
    wanted = {n.strip() for n in names if n.strip()}
    if not wanted:
        return CHECKS
    known = {c.id for c in CHECKS} | set(GROUPS)
    unknown = sorted(wanted - known)
    if unknown:
        raise InputError(
            f"no check or group called {', '.join(unknown)}; groups: {', '.join(GROUPS)}; "
            f"checks: {', '.join(c.id for c in CHECKS)}",
            title="Unknown check",
            where="--checks",
        )
    return tuple(c for c in CHECKS if c.id in wanted or c.group in wanted)

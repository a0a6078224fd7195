"""The check catalogue: every QA check, its group and title, in the order a run takes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.api.text import english
from workbench.core.qa import checks_chat, checks_connection, checks_errors, checks_latency
from workbench.core.qa import checks_rerank as rr

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable

    from workbench.api.text import Text
    from workbench.core.qa.context import QaContext


@dataclass(frozen=True)
class CheckSpec:
    """One check: an id for `--checks`, its group, a title for people (the GUI translates
    it), and what it runs (it says why it passed)."""

    id: str
    group: str
    title: str
    run: Callable[[QaContext], Awaitable[Text]]


GROUPS = ("connection", "rerank", "chat", "errors", "latency")

CHECKS: tuple[CheckSpec, ...] = (
    CheckSpec(
        "reachability", "connection", english("The server answers"), checks_connection.reachability
    ),
    CheckSpec(
        "tls", "connection", english("TLS with a verified certificate"), checks_connection.tls
    ),
    CheckSpec(
        "auth-accepted",
        "connection",
        english("The endpoint's key is accepted"),
        checks_connection.auth_key,
    ),
    CheckSpec(
        "auth-refused",
        "connection",
        english("A wrong key is refused"),
        checks_connection.auth_wrong_key,
    ),
    CheckSpec("info", "connection", english("/info names the model"), checks_connection.info),
    CheckSpec(
        "model-identity",
        "connection",
        english("The model is the one expected"),
        checks_connection.model_identity,
    ),
    CheckSpec("rerank-strings", "rerank", english("String documents"), rr.strings),
    CheckSpec("rerank-objects", "rerank", english("Object documents with rank_fields"), rr.objects),
    CheckSpec("rerank-top-n", "rerank", english("top_n"), rr.top_n),
    CheckSpec(
        "rerank-return-documents", "rerank", english("return_documents"), rr.return_documents
    ),
    CheckSpec("rerank-scores", "rerank", english("Scores within 0..1, sorted"), rr.scores),
    CheckSpec("rerank-indices", "rerank", english("Indices valid and unique"), rr.indices),
    CheckSpec(
        "rerank-probes", "rerank", english("Relevant document first (English, Italian)"), rr.probes
    ),
    CheckSpec("rerank-1000", "rerank", english("A 1,000-document request"), rr.thousand),
    CheckSpec("rerank-chunk-rule", "rerank", english("The v1 chunk rule"), rr.chunk_rule),
    CheckSpec("chat-plain", "chat", english("A plain answer"), checks_chat.plain),
    CheckSpec(
        "chat-stream",
        "chat",
        english("Streaming: well formed, final, same text"),
        checks_chat.streaming,
    ),
    CheckSpec("chat-rag", "chat", english("RAG citations"), checks_chat.rag),
    CheckSpec(
        "chat-tools", "chat", english("A tool call and its result sent back"), checks_chat.tools
    ),
    CheckSpec("chat-max-tokens", "chat", english("max_tokens honoured"), checks_chat.max_tokens),
    CheckSpec(
        "chat-stop-sequences",
        "chat",
        english("stop_sequences honoured"),
        checks_chat.stop_sequences,
    ),
    CheckSpec(
        "chat-routes",
        "chat",
        english("The same prompt through every chat route"),
        checks_chat.routes,
    ),
    CheckSpec(
        "errors-malformed",
        "errors",
        english("A malformed request gets a 4xx"),
        checks_errors.malformed,
    ),
    CheckSpec(
        "errors-extra-parameters",
        "errors",
        english("An unknown parameter as extra-parameters says"),
        checks_errors.extra_parameters,
    ),
    CheckSpec(
        "latency",
        "latency",
        english("Latency: first token and total, p50/p95"),
        checks_latency.latency,
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

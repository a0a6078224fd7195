"""Flavour-neutral requests, responses and stream events: the only wire-layer types the app sees.

What we send is strict (a typo in a field name fails loudly); what we receive keeps unknown fields
(a newer server does not break us, and the raw view can show them). Flavour modules convert between
these models and each dialect's JSON; nothing else does.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

_SECRET_HEADERS = frozenset({"authorization", "api-key", "x-api-key", "proxy-authorization"})


class Outgoing(BaseModel):
    """Base of everything the workbench sends: frozen, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Incoming(BaseModel):
    """Base of everything received: frozen, unknown fields kept."""

    model_config = ConfigDict(frozen=True, extra="allow")


class Flavour(StrEnum):
    """The wire dialects the workbench speaks."""

    COHERE_V1 = "cohere-v1"
    COHERE_V2 = "cohere-v2"
    OPENAI = "openai"


class AuthScheme(StrEnum):
    """How the key travels: `Authorization: Bearer`, `api-key`, `x-api-key`, or not at all."""

    BEARER = "bearer"
    API_KEY = "api-key"
    X_API_KEY = "x-api-key"
    NONE = "none"


class Connection(Outgoing):
    """Everything the client needs to reach one endpoint. The key is a SecretStr, never printed."""

    base_url: str
    """Deployment base URL as the person gave it; the client normalises it (a full route is fine)."""
    flavour: Flavour = Flavour.COHERE_V2
    model: str | None = None
    auth: AuthScheme = AuthScheme.BEARER
    api_key: SecretStr | None = None
    api_version: str | None = None
    """Sent as `?api-version=` on Azure model-inference routes (`/chat/completions`, `/info`)."""
    extra_parameters: Literal["pass-through", "drop", "error"] | None = None
    """Azure's `extra-parameters` header; omitted when None."""
    timeout_s: float = 120.0
    connect_timeout_s: float = 10.0
    verify: str | bool = True
    """True for the system's trust store, a path for a custom CA bundle, False to skip checks."""
    proxy: str | None = None
    extra_headers: dict[str, str] = Field(default_factory=dict)

    def __repr_args__(self) -> Any:
        # A key pasted into an extra header (Authorization, api-key) must not show in a repr either.
        for name, value in super().__repr_args__():
            if name == "extra_headers" and isinstance(value, dict):
                value = {
                    k: "**********" if k.lower() in _SECRET_HEADERS else v for k, v in value.items()
                }
            if name == "proxy" and isinstance(value, str) and "@" in value:
                scheme, _, rest = value.rpartition("://")
                value = f"{scheme}://**********@{rest.rpartition('@')[2]}"
            yield name, value


Document = str | dict[str, Any]
"""A document as the person wrote it: a string, or an object of string keys."""


# --- rerank -------------------------------------------------------------------------------------


class RerankRequest(Outgoing):
    """A rerank call in neutral form; the flavour decides what of it goes on the wire."""

    query: str
    documents: list[Document]
    model: str | None = None
    top_n: int | None = None
    return_documents: bool = False
    rank_fields: list[str] | None = None
    max_chunks_per_doc: int | None = None
    """v1 only: long documents are chunked; a document scores as its best chunk."""
    max_tokens_per_doc: int | None = None
    """v2 only: long documents are truncated to this many tokens."""


class RerankHit(Incoming):
    """One ranked document."""

    index: int = Field(ge=0)
    """Position in the request's `documents`."""
    relevance_score: float = Field(allow_inf_nan=False)
    document: dict[str, Any] | None = None
    """The document as sent (strings as `{"text": ...}`), when it was asked for or mapped back."""


class RerankResponse(Incoming):
    """A rerank answer, ordered by descending score."""

    id: str | None = None
    results: list[RerankHit]
    billed_units: dict[str, float] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    latency_ms: float = 0.0
    raw: dict[str, Any] = Field(default_factory=dict)


# --- chat ---------------------------------------------------------------------------------------


class ToolSpec(Outgoing):
    """A tool in neutral form: its parameters as a JSON schema (v1 definitions are converted)."""

    name: str
    description: str = ""
    parameters: dict[str, Any] = Field(default_factory=lambda: {"type": "object", "properties": {}})


class ToolCall(Incoming):
    """A call the model asked for; `id` is None where the flavour has none (Cohere v1)."""

    id: str | None = None
    name: str
    parameters: dict[str, Any] = Field(default_factory=dict)


class ToolResult(Outgoing):
    """What running one tool call produced: a list of objects (Cohere cites each one)."""

    call: ToolCall
    outputs: list[dict[str, Any]]


Role = Literal["system", "user", "assistant", "tool"]


class ChatMessage(Outgoing):
    """A turn of the history in neutral form."""

    role: Role
    content: str = ""
    tool_plan: str | None = None
    tool_calls: list[ToolCall] = Field(default_factory=list)
    tool_results: list[ToolResult] = Field(default_factory=list)
    """For role `tool`: the results of the assistant's previous calls."""


class GenerationParams(Outgoing):
    """Every generation parameter; None means 'not sent' so the server's default applies."""

    temperature: float | None = Field(default=None, ge=0, le=2)
    p: float | None = Field(default=None, ge=0.01, le=0.99)
    k: int | None = Field(default=None, ge=0, le=500)
    max_tokens: int | None = Field(default=None, ge=1)
    seed: int | None = None
    stop_sequences: list[str] | None = Field(default=None, max_length=5)
    frequency_penalty: float | None = Field(default=None, ge=0, le=1)
    presence_penalty: float | None = Field(default=None, ge=0, le=1)
    prompt_truncation: str | None = None
    citation_mode: str | None = None
    """Sent verbatim (v1 `citation_quality`, v2 `citation_options.mode`): servers differ in case."""
    safety_mode: str | None = None
    response_format: dict[str, Any] | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
    """Parameters the form does not know, sent as given (Azure wants `extra-parameters`)."""


class ChatRequest(Outgoing):
    """One chat turn: the new message plus everything that frames it."""

    message: str | None = None
    """The new user message; None when the turn only sends tool results back."""
    model: str | None = None
    preamble: str | None = None
    history: list[ChatMessage] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    tools: list[ToolSpec] = Field(default_factory=list)
    tool_results: list[ToolResult] = Field(default_factory=list)
    search_queries_only: bool = False
    params: GenerationParams = Field(default_factory=GenerationParams)


class Citation(Incoming):
    """A cited span of the answer, normalised across flavours. Offsets count code points."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    document_ids: list[str] = Field(default_factory=list)
    type: str | None = None


class Usage(Incoming):
    """Token counts; servers may send them as floats (`18.0`)."""

    # Finite and non-negative: a count of 1e309 parsed to infinity once broke cost estimates far
    # from the wire (issue 20); the flavour modules name the field, this is the backstop.
    input_tokens: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    output_tokens: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    billed_units: dict[str, float] = Field(default_factory=dict)

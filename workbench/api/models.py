"""Flavour-neutral requests, responses and stream events: the only wire-layer types the app sees.

What we send is strict (a typo in a field name fails loudly); what we receive keeps unknown fields
(a newer server does not break us, and the raw view can show them). Flavour modules convert between
these models and each dialect's JSON; nothing else does.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from workbench.api.errors import InputError
from workbench.api.redact import is_secret_header

if TYPE_CHECKING:
    from collections.abc import Mapping


class Outgoing(BaseModel):
    """Base of everything the workbench sends: frozen, unknown fields rejected.

    Validators are built on first use (`defer_build`), not at import: most models are not
    needed before the window's first paint (issue 15: start-up).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Incoming(BaseModel):
    """Base of everything received: frozen, unknown fields kept (validators built on first use)."""

    model_config = ConfigDict(frozen=True, extra="allow", defer_build=True)


class Flavour(StrEnum):
    """The wire dialects the workbench speaks."""

    COHERE_V1 = "cohere-v1"
    COHERE_V2 = "cohere-v2"
    OPENAI = "openai"


DEFAULT_FLAVOUR = Flavour.COHERE_V2
"""The flavour when nothing says otherwise: a new endpoint, a bare base URL on the command line."""


class AuthScheme(StrEnum):
    """How the key travels (`Authorization: Bearer`, `api-key`, `x-api-key`), a Microsoft Entra ID
    token instead of a key, or nothing at all."""

    BEARER = "bearer"
    API_KEY = "api-key"
    X_API_KEY = "x-api-key"
    ENTRA = "entra"
    NONE = "none"


HTTP_CLIENT_HEADERS = frozenset(
    {
        "host",
        "content-length",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "upgrade",
        "expect",
    }
)
"""Framing and hop-by-hop headers the HTTP client sets itself: given as extra headers they make a
request it cannot send (h11 refuses a second Content-Length) or one the server misreads."""


def check_extra_headers(headers: Mapping[str, str]) -> None:
    """Refuse extra headers that only the HTTP client may set.

    Raises:
        InputError: naming the first such header (never its value).
    """
    for name in headers:
        if name.strip().lower() in HTTP_CLIENT_HEADERS:
            raise InputError(
                f"header {name.strip()!r} is set by the HTTP client for each request; "
                "remove it from the extra headers",
                where="extra_headers",
            )


class Connection(Outgoing):
    """Everything the client needs to reach one endpoint. The key is a SecretStr, never printed."""

    base_url: str
    """Deployment base URL as the person gave it; the client normalises it (a full route is fine)."""
    flavour: Flavour = DEFAULT_FLAVOUR
    model: str | None = None
    auth: AuthScheme = AuthScheme.BEARER
    api_key: SecretStr | None = None
    entra_scope: str | None = None
    """With Entra ID: the scope to ask a token for (None: Azure AI Foundry's)."""
    token_command: str | None = None
    """With Entra ID: a command printing `az account get-access-token`-style JSON (None: use
    azure-identity when installed, else the Azure CLI)."""
    token_timeout_s: float = 60.0
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

    @field_validator("extra_headers")
    @classmethod
    def _no_client_headers(cls, value: dict[str, str]) -> dict[str, str]:
        # An InputError is not a ValueError: pydantic lets it through as it is, so the command
        # line and the GUI show it like any other input problem.
        check_extra_headers(value)
        return value

    def __repr_args__(self) -> Any:
        # A key pasted into an extra header (Authorization, api-key) must not show in a repr either.
        for name, value in super().__repr_args__():
            if name == "extra_headers" and isinstance(value, dict):
                value = {k: "**********" if is_secret_header(k) else v for k, v in value.items()}
            if name == "proxy" and isinstance(value, str) and "@" in value:
                scheme, _, rest = value.rpartition("://")
                value = f"{scheme}://**********@{rest.rpartition('@')[2]}"
            yield name, value


Document = str | dict[str, Any]
"""A document as the person wrote it: a string, or an object of string keys."""


# --- rerank -------------------------------------------------------------------------------------


class RelevantSpansOption(Outgoing):
    """v2 `relevant_spans` (Rerank 5's Context Focus), as the Cohere SDK's RerankRelevantSpans."""

    mode: Literal["enabled", "disabled"] = "enabled"
    threshold: float | None = Field(default=None, ge=0, le=1)
    """Only spans scoring above this are returned (server default 0.1)."""
    max_spans: int | None = Field(default=None, ge=1)
    """At most this many spans per document (server default: all)."""


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
    relevant_spans: RelevantSpansOption | None = None
    """v2 only, Rerank 5 and newer: return the spans of each document that made it relevant."""
    priority: int | None = Field(default=None, ge=0)
    """v2 only: 0 (the server's default) is handled first under load; higher waits longer."""


class RelevantSpan(Incoming):
    """A stretch of a document the model found relevant: `[start, end)` in code points."""

    start: int
    end: int
    score: float


class RerankHit(Incoming):
    """One ranked document."""

    index: int = Field(ge=0)
    """Position in the request's `documents`."""
    relevance_score: float = Field(allow_inf_nan=False)
    document: dict[str, Any] | None = None
    """The document as sent (strings as `{"text": ...}`), when it was asked for or mapped back."""
    relevant_spans: list[RelevantSpan] = Field(default_factory=list)
    """Most relevant first; only when the request enabled `relevant_spans` (malformed ones are
    dropped rather than failing the answer)."""

    @field_validator("relevant_spans", mode="before")
    @classmethod
    def _usable_spans(cls, value: Any) -> list[Any]:
        if not isinstance(value, list):
            return []
        return [s for s in value if isinstance(s, dict) and _is_span(s)]


_MAX_SPAN_OFFSET = 2**31 - 1
"""Qt keeps text positions in a C int: a larger offset from a server would overflow there."""


def _is_span(item: dict[str, Any]) -> bool:
    start, end, score = item.get("start"), item.get("end"), item.get("score")
    whole = all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end))
    number = isinstance(score, int | float) and not isinstance(score, bool)
    return (
        whole
        and number
        and math.isfinite(score)  # type: ignore[arg-type]
        and 0 <= start <= end <= _MAX_SPAN_OFFSET  # type: ignore[operator]
    )


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


class ImagePart(Outgoing):
    """An image attached to a user message (v2 `image_url` content block, as the Cohere SDK's)."""

    url: str
    """A `data:image/...;base64,` URI (what the workbench sends) or a web URL."""
    detail: Literal["auto", "low", "high"] | None = None
    """How closely the model looks: `low` costs fewer tokens; None lets the server choose."""


class ChatMessage(Outgoing):
    """A turn of the history in neutral form."""

    role: Role
    content: str = ""
    images: list[ImagePart] = Field(default_factory=list)
    """For role `user`: images sent with the text (v2 and OpenAI-style content blocks)."""
    thinking: str | None = None
    """For role `assistant`: the reasoning that came with it, sent back as a thinking block."""
    tool_plan: str | None = None
    tool_calls: list[ToolCall] = Field(default_factory=list)
    tool_results: list[ToolResult] = Field(default_factory=list)
    """For role `tool`: the results of the assistant's previous calls."""


class ThinkingOption(Outgoing):
    """v2 `thinking` (reasoning models), as the Cohere SDK's Thinking."""

    type: Literal["enabled", "disabled"] = "enabled"
    token_budget: int | None = Field(default=None, ge=1)
    """At most this many tokens of thinking; the model then answers."""


class ResponseFormat(Outgoing):
    """`response_format` in neutral form: text, or JSON (following `json_schema` when given).

    Cohere v2 sends it as is; v1 names the schema `schema`; OpenAI-style routes take
    `{"type": "json_schema", "json_schema": {"name", "schema"}}`. A dict in any of those forms
    is read too, so `--param response_format=...` keeps working.
    """

    type: Literal["text", "json_object"] = "text"
    json_schema: dict[str, Any] | None = None

    @model_validator(mode="before")
    @classmethod
    def _any_dialect(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        if value.get("type") == "json_schema":  # the OpenAI form
            inner = value.get("json_schema")
            schema = inner.get("schema") if isinstance(inner, dict) else None
            return {"type": "json_object", "json_schema": schema}
        if "schema" in value and "json_schema" not in value:  # the Cohere v1 form
            return {
                **{k: v for k, v in value.items() if k != "schema"},
                "json_schema": value["schema"],
            }
        return value


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
    response_format: ResponseFormat | None = None
    thinking: ThinkingOption | None = None
    """v2 reasoning models: on (optionally with a token budget) or off."""
    strict_tools: bool | None = None
    """v2: tool calls follow the tool definitions strictly."""
    tool_choice: Literal["REQUIRED", "NONE"] | None = None
    """v2 (Command R7B and newer): must call a tool, or must not."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Parameters the form does not know, sent as given (Azure wants `extra-parameters`)."""


class ChatRequest(Outgoing):
    """One chat turn: the new message plus everything that frames it."""

    message: str | None = None
    """The new user message; None when the turn only sends tool results back."""
    images: list[ImagePart] = Field(default_factory=list)
    """Images sent with the new message."""
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

    start: int
    end: int
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

"""What a flavour is, as data: routes, framing, RAG, rerank rules, parameters, history form.

Each flavour module declares one `FlavourTraits` as `TRAITS`; the rest of the program reads these
instead of comparing flavour names. Parameter ranges are read from `GenerationParams`, so the form
and the request model cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workbench.api.models import Flavour, GenerationParams

ParamKind = Literal["float", "int", "choice", "lines"]
_INT64 = 2**63 - 1


@dataclass(frozen=True)
class Routes:
    """Where each kind of call goes, relative to the base URL."""

    chat: str
    rerank: str
    info: str = "/info"
    versioned: frozenset[str] = frozenset({"info"})
    """Kinds ("chat", "rerank", "info") whose URL carries `?api-version=` when one is set."""

    def path(self, kind: str) -> str | None:
        """The route of one kind of call, None for a kind there is no such route for."""
        return {"chat": self.chat, "rerank": self.rerank, "info": self.info}.get(kind)


@dataclass(frozen=True)
class RerankTraits:
    """What a flavour's rerank route accepts; the form hides or disables the rest."""

    supported: bool
    """False when the flavour has no rerank route at all."""
    objects: bool = False
    """Object documents accepted (v2 accepts them because the API layer renders them to text)."""
    mixed: bool = False
    """Strings and objects in one request."""
    rank_fields: bool = False
    rank_fields_sent: bool = False
    """`rank_fields` go in the body and the server applies them, reading a string document as
    `{"text": ...}` (v1). Where False (v2) the API layer applies them as it renders object
    documents to text, and a string document is sent whole."""
    return_documents: bool = False
    length_parameter: Literal["max_chunks_per_doc", "max_tokens_per_doc"] | None = None
    """`max_chunks_per_doc` (long documents chunked) or `max_tokens_per_doc` (truncated)."""
    model_required: bool = False
    chunk_budget: int | None = None
    """Documents x max_chunks_per_doc must stay below this; None when documents are not chunked."""
    default_chunks_per_doc: int | None = None
    """The server's max_chunks_per_doc when none is sent."""
    relevant_spans: bool = False
    """Takes `relevant_spans` (v2; only Rerank 5 models answer with spans)."""
    priority: bool = False
    """Takes `priority` (v2)."""


NO_RERANK = RerankTraits(supported=False)
"""The rerank traits of a flavour without a rerank route."""


@dataclass(frozen=True)
class ParamTrait:
    """One generation parameter as the form shows it: kind, server default, allowed range."""

    name: str
    """The `GenerationParams` field."""
    label: str
    kind: ParamKind
    default: str
    """The server's default, in words (shown as the blank field's placeholder)."""
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    tip: str = ""


@dataclass(frozen=True)
class FlavourTraits:
    """Everything the program needs to know about a flavour besides its wire mapping."""

    flavour: Flavour
    label: str
    """For people choosing a flavour, e.g. "OpenAI-compatible / Azure model inference"."""
    short_label: str
    """For a file type or a tooltip, e.g. "OpenAI"."""
    routes: Routes
    stream_accept: str
    """The streamed chat call's `Accept` header."""
    framing: Literal["sse", "sse-or-ndjson"]
    """How a stream arrives; the decoder detects either from the first line whatever this says."""
    documents: bool
    """The chat call takes RAG documents."""
    citations: bool
    """Answers cite spans of the documents or tool results."""
    search_queries_only: bool
    """The chat call can ask only for the search queries the model would run."""
    params: tuple[ParamTrait, ...]
    """The generation parameters the chat call takes, in the form's order."""
    stop_sequence_limit: int
    history_field: str
    """The body field that carries the conversation: `chat_history` or `messages`."""
    preamble_field: str | None
    """The body field for the preamble, None when it rides in the history as a system message."""
    rerank: RerankTraits = field(default=NO_RERANK)
    model_required: bool = False
    """The chat call must name a model (the request's or the endpoint's); the rerank route's
    own need is `rerank.model_required`."""


def _bounds(name: str) -> tuple[float | None, float | None]:
    """The `ge`/`le` constraints of a `GenerationParams` field."""
    low = high = None
    for constraint in GenerationParams.model_fields[name].metadata:
        low = getattr(constraint, "ge", low)
        high = getattr(constraint, "le", high)
    return low, high


def model_stop_limit() -> int:
    """The most stop sequences `GenerationParams` takes (a flavour may take fewer)."""
    for constraint in GenerationParams.model_fields["stop_sequences"].metadata:
        limit = getattr(constraint, "max_length", None)
        if limit is not None:
            return int(limit)
    raise LookupError("GenerationParams.stop_sequences has no max_length")


def _ranged(name: str, label: str, kind: ParamKind, default: str, tip: str = "") -> ParamTrait:
    low, high = _bounds(name)
    return ParamTrait(name, label, kind, default, low, high, tip=tip)


PARAMETERS: dict[str, ParamTrait] = {
    p.name: p
    for p in (
        _ranged("temperature", "Temperature", "float", "0.3", "Randomness of sampling."),
        _ranged("p", "Top p", "float", "0.75", "Nucleus sampling."),
        _ranged("k", "Top k", "int", "0", "0 disables top-k."),
        _ranged("frequency_penalty", "Frequency penalty", "float", "0"),
        _ranged("presence_penalty", "Presence penalty", "float", "0"),
        # The model leaves the seed open; the wire's 64-bit integer bounds it.
        ParamTrait(
            "seed", "Seed", "int", "random", -_INT64 - 1, _INT64, tip="Same seed, same answer."
        ),
        _ranged("max_tokens", "Max tokens", "int", "model's limit"),
        ParamTrait("stop_sequences", "Stop sequences", "lines", "none", tip="One per line."),
        ParamTrait(
            "prompt_truncation",
            "Prompt truncation",
            "choice",
            "OFF",
            choices=("OFF", "AUTO", "AUTO_PRESERVE_ORDER"),
        ),
        ParamTrait(
            "citation_mode",
            "Citation mode",
            "choice",
            "server's",
            choices=("ENABLED", "DISABLED", "ACCURATE", "FAST", "OFF", "accurate", "fast", "off"),
            tip="v1 citation_quality, v2 citation_options.mode; older servers want lowercase.",
        ),
        ParamTrait(
            "safety_mode",
            "Safety mode",
            "choice",
            "CONTEXTUAL",
            choices=("CONTEXTUAL", "STRICT", "NONE", "OFF"),
            tip="v1 knows NONE, v2 knows OFF.",
        ),
    )
}
"""Every parameter the form knows, in the form's order; a flavour picks its own with `params`."""


def params(*names: str) -> tuple[ParamTrait, ...]:
    """The catalogue's entries for `names`, in the catalogue's order (one form order for all)."""
    unknown = set(names) - set(PARAMETERS)
    if unknown:
        raise LookupError(f"no parameter {sorted(unknown)} in the catalogue")
    return tuple(p for name, p in PARAMETERS.items() if name in names)

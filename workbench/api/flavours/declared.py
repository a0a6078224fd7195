"""What each flavour is, as data (its `FlavourTraits`), apart from the codec that speaks it.

Reading a flavour's traits (its label, its rerank rules) must not load the codecs: the window's
first paint shows the label and follows the rerank rules, and the codecs, the stream events and
the frame decoder are not needed till a request is built (issue 15: start-up). Each flavour
module hands out its own entry as `TRAITS`.
"""

from __future__ import annotations

from workbench.api.flavours.traits import (
    FlavourTraits,
    RerankTraits,
    Routes,
    model_stop_limit,
    params,
)
from workbench.api.models import Flavour

COHERE_V1 = FlavourTraits(
    flavour=Flavour.COHERE_V1,
    label="Cohere v1",
    short_label="Cohere v1",
    routes=Routes(chat="/v1/chat", rerank="/v1/rerank"),
    # v1 answers JSON lines unless asked otherwise; gateways may wrap them as SSE.
    stream_accept="application/stream+json, text/event-stream",
    framing="sse-or-ndjson",
    documents=True,
    citations=True,
    search_queries_only=True,
    params=params(
        "temperature",
        "p",
        "k",
        "frequency_penalty",
        "presence_penalty",
        "seed",
        "max_tokens",
        "stop_sequences",
        "prompt_truncation",
        "citation_mode",
        "safety_mode",
    ),
    stop_sequence_limit=model_stop_limit(),
    history_field="chat_history",
    preamble_field="preamble",
    rerank=RerankTraits(
        supported=True,
        objects=True,
        mixed=True,
        rank_fields=True,
        rank_fields_sent=True,
        return_documents=True,
        length_parameter="max_chunks_per_doc",
        chunk_budget=10_000,
        default_chunks_per_doc=10,
    ),
)
"""What Cohere v1 is; `workbench.api.flavour_traits` hands it out."""


COHERE_V2 = FlavourTraits(
    flavour=Flavour.COHERE_V2,
    label="Cohere v2",
    short_label="Cohere v2",
    routes=Routes(chat="/v2/chat", rerank="/v2/rerank"),
    stream_accept="text/event-stream",
    framing="sse",
    documents=True,
    citations=True,
    search_queries_only=False,
    params=params(
        "temperature",
        "p",
        "k",
        "frequency_penalty",
        "presence_penalty",
        "seed",
        "max_tokens",
        "stop_sequences",
        "citation_mode",
        "safety_mode",
    ),
    stop_sequence_limit=model_stop_limit(),
    history_field="messages",
    preamble_field=None,
    model_required=True,  # cohere_v2's `_model` refuses a body without one
    # v2 sends strings only; objects are rendered to "key: value" lines in rank_fields order (so
    # rank_fields still applies), and a plain string mixed in has none of the fields and would be
    # ranked on different terms: no mixing.
    rerank=RerankTraits(
        supported=True,
        objects=True,
        rank_fields=True,
        length_parameter="max_tokens_per_doc",
        model_required=True,
        relevant_spans=True,
        priority=True,
    ),
)
"""What Cohere v2 is; `workbench.api.flavour_traits` hands it out."""


OPENAI = FlavourTraits(
    flavour=Flavour.OPENAI,
    label="OpenAI-compatible / Azure model inference",
    short_label="OpenAI",
    # Compatible servers (vLLM, Infinity) serve Cohere-v1-shaped rerank next to OpenAI chat, but
    # the workbench offers rerank only on the Cohere flavours (rerank traits left unsupported).
    # Azure model inference wants `?api-version=` on chat and info.
    routes=Routes(
        chat="/chat/completions", rerank="/v1/rerank", versioned=frozenset({"chat", "info"})
    ),
    stream_accept="text/event-stream",
    framing="sse",
    documents=False,
    citations=False,
    search_queries_only=False,
    params=params(
        "temperature",
        "frequency_penalty",
        "presence_penalty",
        "seed",
        "max_tokens",
        "stop_sequences",
    ),
    stop_sequence_limit=4,  # OpenAI's `stop` takes at most four
    history_field="messages",
    preamble_field=None,
)
"""What the OpenAI-compatible route is; `workbench.api.flavour_traits` hands it out."""

BY_FLAVOUR: dict[Flavour, FlavourTraits] = {t.flavour: t for t in (COHERE_V1, COHERE_V2, OPENAI)}
"""Every flavour's traits by its enum member."""

"""Flavour traits: each flavour states what it is once, and its codec and the models agree with it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from workbench.api import (
    ChatMessage,
    ChatRequest,
    Flavour,
    GenerationParams,
    InputError,
    RerankRequest,
    chat_request_body,
    flavour_traits,
    parse_pasted_url,
    rerank_request_body,
)
from workbench.api.flavours import codec_for
from workbench.api.flavours.traits import PARAMETERS
from workbench.api.models import RelevantSpansOption
from workbench.api.urls import build_url
from workbench.core.probe_routes import candidate_routes

FLAVOURS = list(Flavour)
RERANKING = [f for f in Flavour if flavour_traits(f).rerank.supported]
WORKBENCH = Path(__file__).resolve().parents[2] / "workbench"
SAMPLE: dict[str, Any] = {"float": 0.5, "int": 7, "choice": "OFF", "lines": ["END"]}


def _constraint(name: str, key: str) -> Any:
    metadata = GenerationParams.model_fields[name].metadata
    return next((getattr(c, key) for c in metadata if hasattr(c, key)), None)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_flavour_has_a_module_that_names_it(flavour: Flavour) -> None:
    traits = flavour_traits(flavour)
    assert traits.flavour is flavour
    assert codec_for(flavour).TRAITS is traits
    assert traits.label
    assert traits.short_label


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_parameter_ranges_are_the_request_models_constraints(flavour: Flavour) -> None:
    for spec in flavour_traits(flavour).params:
        assert spec.name in GenerationParams.model_fields, spec.name
        if spec.kind in {"float", "int"} and spec.name != "seed":  # the model leaves seed open
            assert (spec.low, spec.high) == (
                _constraint(spec.name, "ge"),
                _constraint(spec.name, "le"),
            )


def test_parameter_ranges_pin_what_the_form_always_offered() -> None:
    ranges = {p.name: (p.low, p.high) for p in PARAMETERS.values() if p.kind != "choice"}
    assert ranges["temperature"] == (0, 2)
    assert ranges["p"] == (0.01, 0.99)
    assert ranges["k"] == (0, 500)
    assert ranges["max_tokens"] == (1, None)
    assert ranges["seed"] == (-(2**63), 2**63 - 1)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_stop_sequence_limit_fits_the_request_model(flavour: Flavour) -> None:
    assert (
        1
        <= flavour_traits(flavour).stop_sequence_limit
        <= _constraint("stop_sequences", "max_length")
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_parameter_in_the_table_reaches_the_wire(flavour: Flavour) -> None:
    bare = chat_request_body(flavour, ChatRequest(message="hi"), "m")
    for spec in flavour_traits(flavour).params:
        value = spec.choices[0] if spec.kind == "choice" else SAMPLE[spec.kind]
        request = ChatRequest(message="hi", params=GenerationParams(**{spec.name: value}))
        assert chat_request_body(flavour, request, "m") != bare, spec.name


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_documents_trait_matches_what_the_body_carries(flavour: Flavour) -> None:
    request = ChatRequest(message="hi", documents=[{"text": "a doc"}])
    if flavour_traits(flavour).documents:
        assert "a doc" in repr(chat_request_body(flavour, request, "m"))
    else:
        with pytest.raises(InputError, match="documents"):
            chat_request_body(flavour, request, "m")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_search_queries_only_trait_matches_the_codec(flavour: Flavour) -> None:
    request = ChatRequest(message="hi", search_queries_only=True)
    if flavour_traits(flavour).search_queries_only:
        assert chat_request_body(flavour, request, "m")["search_queries_only"] is True
    else:
        with pytest.raises(InputError, match="search_queries_only"):
            chat_request_body(flavour, request, "m")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_history_and_preamble_fields_are_where_the_body_puts_them(flavour: Flavour) -> None:
    traits = flavour_traits(flavour)
    history = [ChatMessage(role="user", content="earlier")]
    request = ChatRequest(message="hi", preamble="be brief", history=history)
    body = chat_request_body(flavour, request, "m", stream=False)
    assert "earlier" in repr(body[traits.history_field])
    if traits.preamble_field:
        assert body[traits.preamble_field] == "be brief"
    else:
        assert "be brief" in repr(body[traits.history_field])


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_routes_are_recognised_when_pasted(flavour: Flavour) -> None:
    routes = flavour_traits(flavour).routes
    assert parse_pasted_url("https://h.example" + routes.chat).flavour is flavour
    if flavour in RERANKING:
        assert parse_pasted_url("https://h.example" + routes.rerank).flavour is flavour
    for kind in ("chat", "rerank", "info"):
        url = build_url("https://h.example", flavour, kind, "2024-05-01")
        assert url.endswith("?api-version=2024-05-01") is (kind in routes.versioned)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_stream_accept_names_the_framing(flavour: Flavour) -> None:
    traits = flavour_traits(flavour)
    assert "text/event-stream" in traits.stream_accept
    assert ("stream+json" in traits.stream_accept) is (traits.framing == "sse-or-ndjson")


@pytest.mark.parametrize("flavour", RERANKING)
def test_rerank_traits_match_the_rerank_body(flavour: Flavour) -> None:
    rules = flavour_traits(flavour).rerank
    request = RerankRequest(
        query="q",
        documents=[{"text": "a", "title": "t"}],
        return_documents=True,
        rank_fields=["text"],
        max_chunks_per_doc=3,
        max_tokens_per_doc=100,
        relevant_spans=RelevantSpansOption(),
        priority=1,
    )
    body = rerank_request_body(flavour, request, "m")
    assert ("relevant_spans" in body) is rules.relevant_spans
    assert ("priority" in body) is rules.priority
    lengths = {"max_chunks_per_doc", "max_tokens_per_doc"} & set(body)
    assert lengths == {rules.length_parameter}
    assert ("return_documents" in body) is rules.return_documents
    assert (rules.chunk_budget is not None) is (rules.length_parameter == "max_chunks_per_doc")
    if rules.model_required:
        with pytest.raises(InputError, match="model"):
            rerank_request_body(flavour, request, None)
    else:
        assert "model" not in rerank_request_body(flavour, request, None)


# --- no branching on flavour names outside the wire layer ---------------------------------------

FLAVOUR_VALUES = {f.value for f in Flavour}
OFF_LIMITS = {"codec_for", "is_v1", "is_v2", "is_openai"}


def _branches(source: str, name: str) -> list[str]:
    """Places in one module's source that name a flavour instead of reading its traits."""
    found = []
    for node in ast.walk(ast.parse(source)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Flavour"
            and node.attr.isupper()
        ):
            found.append(f"{where} Flavour.{node.attr}")
        elif isinstance(node, ast.Constant) and node.value in FLAVOUR_VALUES:
            found.append(f"{where} {node.value!r}")
        elif isinstance(node, ast.Name | ast.Attribute) and (
            getattr(node, "id", None) in OFF_LIMITS or getattr(node, "attr", None) in OFF_LIMITS
        ):
            found.append(f"{where} {getattr(node, 'id', None) or getattr(node, 'attr', '')}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "workbench.api.flavours"
        ):
            found.append(f"{where} imports {node.module}")
    return found


@pytest.mark.parametrize("layer", ["core", "cli", "ui"])
def test_no_module_outside_api_names_a_flavour(layer: str) -> None:
    modules = sorted((WORKBENCH / layer).rglob("*.py"))
    assert modules
    hits = [
        hit
        for path in modules
        for hit in _branches(path.read_text(encoding="utf-8"), str(path.relative_to(WORKBENCH)))
    ]
    assert hits == []


def test_the_branch_check_sees_a_branch() -> None:
    source = (
        "from workbench.api.flavours import codec_for\n"
        "if endpoint.flavour is Flavour.OPENAI or f == 'cohere-v1':\n"
        "    codec_for(f)\n"
    )
    assert len(_branches(source, "x.py")) == 4


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_test_connection_surveys_every_flavours_routes(flavour: Flavour) -> None:
    # core lists the routes in the order people read them; a new flavour's routes must be there.
    routes = flavour_traits(flavour).routes
    surveyed = candidate_routes("https://h.example")
    assert routes.chat in surveyed
    assert routes.info in surveyed
    if flavour in RERANKING:
        assert routes.rerank in surveyed

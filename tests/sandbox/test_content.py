"""Answer content over HTTP: exact citation offsets, determinism, max_tokens, stop sequences, chunking."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

if TYPE_CHECKING:
    import httpx

# Astral-plane letters (Fraktur "Unicode"), a ZWJ emoji family and accents shift UTF-16 offsets.
TRICKY_DOCS = [
    {"text": "👩‍👩‍👧 Families 🎉 gather in Zürich. Crème brûlée is served at the café."},
    {
        "text": "\U0001d518\U0001d52b\U0001d526\U0001d520\U0001d52c\U0001d521\U0001d522 aside, the Zürich café opens at nine."
    },
]


def v2(message: str, **extra: Any) -> dict[str, Any]:
    return {"model": "m", "messages": [{"role": "user", "content": message}], **extra}


def test_citation_offsets_exact_with_emoji_and_accents(http: httpx.Client) -> None:
    body = http.post(
        "/v2/chat",
        json=v2(
            "When does the Zürich café open? Crème brûlée?",
            documents=[d["text"] for d in TRICKY_DOCS],
        ),
    ).json()
    text = body["message"]["content"][0]["text"]
    citations = body["message"]["citations"]
    assert len(citations) >= 2
    for c in citations:
        assert text[c["start"] : c["end"]] == c["text"]
    v1 = http.post(
        "/v1/chat", json={"message": "When does the Zürich café open?", "documents": TRICKY_DOCS}
    ).json()
    assert v1["citations"]
    for c in v1["citations"]:
        assert v1["text"][c["start"] : c["end"]] == c["text"]


def test_same_seed_same_text_other_seed_or_temperature_differs(http: httpx.Client) -> None:
    def answer(**extra: Any) -> str:
        return str(
            http.post("/v2/chat", json=v2("Describe the sea", **extra)).json()["message"][
                "content"
            ][0]["text"]
        )

    assert answer(seed=11) == answer(seed=11)
    assert len({answer(seed=s) for s in range(8)}) > 1
    assert len({answer(seed=11, temperature=t) for t in (0.0, 0.5, 1.0, 1.5)}) > 1
    assert any(ord(ch) > 127 for s in range(8) for ch in answer(seed=s))


@pytest.mark.parametrize("route", ["/v1/chat", "/v2/chat"])
def test_max_tokens_truncates_and_says_so(http: httpx.Client, route: str) -> None:
    body = {"message": "Hello"} if route == "/v1/chat" else v2("Hello")
    full = http.post(route, json=body).json()
    cut = http.post(route, json={**body, "max_tokens": 4}).json()

    def text(b):
        return b["text"] if route == "/v1/chat" else b["message"]["content"][0]["text"]

    assert full["finish_reason"] == "COMPLETE"
    assert cut["finish_reason"] == "MAX_TOKENS"
    assert text(full).startswith(text(cut))
    assert len(text(cut)) < len(text(full))


def test_stop_sequence_cuts_before_it(http: httpx.Client) -> None:
    full = http.post("/v2/chat", json=v2("Hello", seed=1)).json()["message"]["content"][0]["text"]
    word = full.split()[3]
    cut = http.post("/v2/chat", json=v2("Hello", seed=1, stop_sequences=[word])).json()
    assert cut["finish_reason"] == "STOP_SEQUENCE"
    assert cut["message"]["content"][0]["text"] == full[: full.index(word)]
    oa = http.post(
        "/chat/completions",
        json={"messages": [{"role": "user", "content": "Hello"}], "seed": 1, "stop": word},
    ).json()
    assert oa["choices"][0]["finish_reason"] == "stop"
    assert word not in oa["choices"][0]["message"]["content"]


def test_v1_stream_end_says_complete_for_a_stop_sequence(http: httpx.Client) -> None:
    # The spec's stream-end reasons have no STOP_SEQUENCE; its response keeps the answer's own.
    full = http.post("/v1/chat", json={"message": "Hello", "seed": 1}).json()["text"]
    body = {"message": "Hello", "seed": 1, "stream": True, "stop_sequences": [full.split()[3]]}
    with http.stream("POST", "/v1/chat", json=body) as response:
        end = [json.loads(line) for line in response.iter_lines() if line][-1]
    assert end["event_type"] == "stream-end"
    assert end["finish_reason"] == "COMPLETE"
    assert end["response"]["finish_reason"] == "STOP_SEQUENCE"


def test_v1_sse_framing_when_accepts_event_stream(http: httpx.Client) -> None:
    body = {"message": "Hello", "stream": True, "seed": 2}
    whole = http.post("/v1/chat", json={**body, "stream": False}).json()
    with http.stream(
        "POST", "/v1/chat", json=body, headers={"Accepts": "text/event-stream"}
    ) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [
            json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: ")
        ]
    assert events[0]["event_type"] == "stream-start"
    assert events[-1]["event_type"] == "stream-end"
    assert events[-1]["is_finished"] is True
    assert (
        "".join(e["text"] for e in events if e["event_type"] == "text-generation") == whole["text"]
    )


def test_v1_ndjson_by_default(http: httpx.Client) -> None:
    with http.stream("POST", "/v1/chat", json={"message": "Hi", "stream": True}) as response:
        assert response.headers["content-type"].startswith("application/stream+json")
        lines = [json.loads(line) for line in response.iter_lines() if line]
    assert lines[0]["event_type"] == "stream-start"


def test_v1_chunking_finds_a_late_match_v2_truncation_does_not(http: httpx.Client) -> None:
    long_doc = " ".join(["filler"] * 5000) + " zeppelin"
    docs = [long_doc, "nothing relevant here"]
    chunked = http.post("/v1/rerank", json={"query": "zeppelin", "documents": docs}).json()
    one_chunk = http.post(
        "/v1/rerank", json={"query": "zeppelin", "documents": docs, "max_chunks_per_doc": 1}
    ).json()
    truncated = http.post(
        "/v2/rerank",
        json={"model": "m", "query": "zeppelin", "documents": docs, "max_tokens_per_doc": 100},
    ).json()
    assert chunked["results"][0]["index"] == 0
    assert chunked["results"][0]["relevance_score"] > one_chunk["results"][0]["relevance_score"]
    assert len({r["relevance_score"] for r in truncated["results"]}) == 1  # both miss the word


def test_any_language_ranks(http: httpx.Client) -> None:
    docs = ["Собака лает громко.", "東京は日本の首都です。", "Le chat dort."]
    result = http.post(
        "/v2/rerank", json={"model": "m", "query": "собака", "documents": docs}
    ).json()
    assert result["results"][0]["index"] == 0


def test_decimal_points_do_not_end_a_cited_sentence(http: httpx.Client) -> None:
    doc = "Single sign-on supports SAML 2.0 and OpenID Connect. Exports run daily."
    body = http.post("/v2/chat", json=v2("Which SAML version?", documents=[doc])).json()
    cited = [c["text"] for c in body["message"]["citations"]]
    assert cited == ["Single sign-on supports SAML 2.0 and OpenID Connect."]


def test_enum_parameters_take_a_named_value_or_are_left_out(http: httpx.Client) -> None:
    tool = {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather for a city.",
            "parameters": {
                "type": "object",
                "properties": {
                    "city": {"type": "string"},
                    "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                },
                "required": ["city"],
            },
        },
    }

    def call(message: str) -> dict[str, Any]:
        body = http.post("/v2/chat", json=v2(message, tools=[tool])).json()
        arguments: dict[str, Any] = json.loads(
            body["message"]["tool_calls"][0]["function"]["arguments"]
        )
        return arguments

    assert call("Weather in Lisbon tomorrow?") == {"city": "Lisbon"}
    assert call("Weather in Lisbon in fahrenheit?") == {"city": "Lisbon", "unit": "fahrenheit"}


def test_rerank_plurals_match_singulars_and_query_stop_words_do_not_count(
    http: httpx.Client,
) -> None:
    docs = ["A lentil soup with cumin.", "Stories with a twist, under the table."]
    body = {"model": "m", "query": "soups with lentils", "documents": docs}
    results = http.post("/v2/rerank", json=body).json()["results"]
    assert [r["index"] for r in results] == [0, 1]
    # "with" and "under" are all the second document shares with the query: no lift from them.
    alone = http.post(
        "/v2/rerank", json={**body, "documents": ["Nothing in common here.", docs[1]]}
    ).json()["results"]
    assert alone[0]["relevance_score"] == alone[1]["relevance_score"]


def test_rerank_sample_puts_lentil_dishes_first(http: httpx.Client) -> None:
    sample = json.loads((SAMPLES / "rerank_objects.json").read_text())
    body = {
        "query": sample["query"],
        "documents": sample["documents"],
        "rank_fields": sample["rank_fields"],
    }
    order = [r["index"] for r in http.post("/v1/rerank", json=body).json()["results"]]
    assert order[:2] == [3, 0]  # lentils, 30 minutes; red lentils, minutes
    # A dish that only shares "lentil" still beats those sharing no content word at all.
    assert max(order.index(5), order.index(7)) < min(order.index(1), order.index(4))

"""Rerank documents: per-flavour rules, validation, key inventory, stringifying, token estimates.

Import and export of files live in `rerank_io`; comparison metrics and batching in `rerank_compare`.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.api import RerankTraits, flavour_traits
from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.core.rerank_models import UNKNOWN, limits_for

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import Document, Flavour

QUERY_TOKEN_LIMIT = UNKNOWN.query_tokens
"""The query limit assumed when the model is unknown (Rerank 3 and 3.5's 2,048 tokens); each
family's own is in `workbench.core.rerank_models`."""
RECOMMENDED_MAX_DOCUMENTS = 1000
"""Cohere recommends at most this many documents per request."""
MAX_DOCS_TIMES_CHUNKS = 10_000
"""v1: len(documents) * max_chunks_per_doc must be below this."""
DEFAULT_MAX_CHUNKS_PER_DOC = 10


RerankRules = RerankTraits
"""What one flavour's rerank route accepts (declared by the flavour, read here)."""


def rules_for(flavour: Flavour) -> RerankRules:
    """The rerank rules of `flavour`."""
    return flavour_traits(flavour).rerank


# --- validation ---------------------------------------------------------------------------------


def check_documents(value: Any, rules: RerankRules) -> list[Document]:
    """Check a parsed JSON value is a document list this flavour accepts.

    Args:
        value: what the person wrote, parsed.
        rules: the endpoint flavour's rules.

    Returns:
        The documents (the same objects).

    Raises:
        InputError: naming the first bad document as `documents[i]`.
    """
    if isinstance(value, dict) and isinstance(value.get("documents"), list):
        value = value["documents"]  # a pasted request body: take its documents
    if not isinstance(value, list):
        raise InputError(title="Documents must be a JSON array", where="documents")
    if not value:
        raise InputError(title="There are no documents", where="documents")
    kinds: set[str] = set()
    for i, doc in enumerate(value):
        if isinstance(doc, str):
            kinds.add("string")
        elif isinstance(doc, dict):
            if not rules.objects:
                raise InputError(title="This flavour takes strings only", where=f"documents[{i}]")
            if not doc:
                raise InputError(title="An object document is empty", where=f"documents[{i}]")
            kinds.add("object")
        else:
            raise InputError(
                title=Text("A document must be a string or an object, not %1", _json_type(doc)),
                where=f"documents[{i}]",
            )
        if len(kinds) == 2 and not rules.mixed:
            raise InputError(
                title="Strings and objects cannot be mixed for this flavour",
                where=f"documents[{i}]",
            )
    return value


@dataclass(frozen=True)
class ChunkExcess:
    """Documents that would be cut into more chunks than the flavour's budget allows."""

    count: int
    chunks: int
    """Chunks per document: `max_chunks_per_doc`, or the flavour's default."""
    budget: int
    fit: int
    """The largest `max_chunks_per_doc` that keeps `count` documents within the budget."""


def chunk_excess(count: int, max_chunks: int | None, rules: RerankRules) -> ChunkExcess | None:
    """Where documents are chunked (v1), documents x max_chunks_per_doc must stay below the
    flavour's budget (10,000): by how much a request would not, or None when it does."""
    budget = rules.chunk_budget
    if budget is None:
        return None
    chunks = max_chunks or rules.default_chunks_per_doc or 1
    if count * chunks < budget:
        return None
    return ChunkExcess(count, chunks, budget, max(1, (budget - 1) // count))


def check_chunk_budget(
    count: int, max_chunks: int | None, rules: RerankRules, *, split: bool
) -> None:
    """Refuse documents over the chunk budget (`chunk_excess`) unless batches keep to it.

    Raises:
        InputError: naming `max_chunks_per_doc` and the value that would fit.
    """
    excess = None if split else chunk_excess(count, max_chunks, rules)
    if excess is None:
        return
    raise InputError(
        title=Text(
            "%1 documents x %2 chunks each must stay below %3: lower max_chunks_per_doc to %4 "
            "or split into batches",
            excess.count,
            excess.chunks,
            excess.budget,
            excess.fit,
        ),
        where="max_chunks_per_doc",
    )


def _json_type(value: Any) -> Text | str:
    """What a JSON value is, as words a sentence can take ("a number"), translated in the GUI."""
    if value is None:
        return Text("null")
    if isinstance(value, bool):
        return Text("a boolean")
    if isinstance(value, int | float):
        return Text("a number")
    if isinstance(value, list):
        return Text("an array")
    return type(value).__name__  # not from JSON: a Python caller's own value


# --- key inventory ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyCount:
    """How many object documents have one key."""

    key: str
    count: int
    missing: tuple[int, ...]
    """Indexes of object documents without the key."""


def key_inventory(documents: Sequence[Document]) -> list[KeyCount]:
    """Keys present in the object documents, in order of first appearance, with their counts.

    Args:
        documents: the documents; strings count as having only `text`.

    Returns:
        One KeyCount per key.
    """
    counts: Counter[str] = Counter()
    order: dict[str, None] = {}
    for doc in documents:
        keys = doc.keys() if isinstance(doc, dict) else ("text",)
        for key in keys:
            order.setdefault(key, None)
            counts[key] += 1
    total = len(documents)
    result = []
    for key in order:
        missing: tuple[int, ...] = ()
        if counts[key] < total:
            missing = tuple(i for i, d in enumerate(documents) if key not in _keys(d))
        result.append(KeyCount(key, counts[key], missing))
    return result


def _keys(doc: Document) -> Any:
    return doc.keys() if isinstance(doc, dict) else ("text",)


def missing_field_warning(inventory: Sequence[KeyCount], fields: Sequence[str], total: int) -> str:
    """A sentence warning about chosen rank fields some documents lack ("" when none)."""
    by_key = {k.key: k for k in inventory}
    parts = []
    for name in fields:
        found = by_key.get(name)
        have = found.count if found else 0
        if have < total:
            parts.append(f"“{name}” is missing from {total - have} of {total} documents")
    return "; ".join(parts)


# --- stringifying -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """Documents ready to send, and what was changed to make them so."""

    documents: list[Document]
    notes: list[Text] = field(default_factory=list)
    """Said in English by `str()`, in the GUI's language by the GUI."""


def stringify_values(documents: Sequence[Document]) -> Prepared:
    """Turn non-string values of object documents into text (the wire wants string→string maps).

    Numbers, booleans and null become their JSON spelling; arrays and objects their compact JSON.

    Args:
        documents: the documents as written.

    Returns:
        New documents plus one note per key whose values were changed.
    """
    changed: Counter[str] = Counter()
    first: dict[str, int] = {}
    out: list[Document] = []
    for i, doc in enumerate(documents):
        if isinstance(doc, str):
            out.append(doc)
            continue
        new: dict[str, Any] = {}
        for key, val in doc.items():
            if isinstance(val, str):
                new[key] = val
            else:
                new[key] = json.dumps(val, ensure_ascii=False)
                changed[key] += 1
                first.setdefault(key, i)
        out.append(new)
    notes = [_stringified(key, n, first[key]) for key, n in changed.items()]
    return Prepared(out, notes)


def _stringified(key: str, count: int, first: int) -> Text:
    """The note on one key's values sent as text; the index is part of an API path, ungrouped."""
    if count == 1:
        return Text(
            "“%1”: 1 non-string value sent as text (first at documents[%2])", key, str(first)
        )
    return Text(
        "“%1”: %2 non-string values sent as text (first at documents[%3])", key, count, str(first)
    )


# --- token estimate -----------------------------------------------------------------------------


@functools.cache
def _wide() -> re.Pattern[str]:
    """CJK, kana and hangul characters. Compiled on first use: its wide ranges take ~3 ms to
    compile, and the first paint estimates no text (issue 15: start-up)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def estimate_tokens(text: str) -> int:
    """Estimate the tokens of `text` without a tokenizer, erring high.

    Heuristic: about 4 characters per token for alphabetic text, one token per CJK/kana/hangul
    character (their tokenizers rarely merge them), and never fewer than 4 tokens per 3 words.
    Real counts differ by model; the figure only warns before a model's query limit.

    Args:
        text: any text.

    Returns:
        The estimated token count (0 for empty text).
    """
    if not text:
        return 0
    wide = len(_wide().findall(text))
    by_chars = wide + math.ceil((len(text) - wide) / 4)
    by_words = math.ceil(len(text.split()) * 4 / 3)
    return max(by_chars, by_words)


def query_token_note(query: str, model: str | None = None) -> tuple[int, bool]:
    """(estimated tokens, over the model's query limit) for a rerank query."""
    tokens = estimate_tokens(query)
    return tokens, tokens > limits_for(model).query_tokens


def query_token_label(query: str, model: str | None) -> str:
    """The query's token estimate against its model's limit, for the label beside the query.

    Args:
        query: the query as typed.
        model: the model it goes to (typed, saved or named by /info); None when unknown.

    Returns:
        e.g. "≈ 2,500 / 4,096 tokens (Rerank 4)", with a warning mark when over.
    """
    limits = limits_for(model)
    tokens, over = query_token_note(query, model)
    text = f"≈ {tokens:,} / {limits.query_tokens:,} tokens ({limits.family})"
    return f"⚠ {text}: too long for the query limit" if over else text


# --- display ------------------------------------------------------------------------------------


def preview_segments(
    doc: Document | None, rank_fields: Sequence[str], limit: int = 240
) -> list[tuple[str, bool]]:
    """A one-line preview as (text, emphasised) pieces: ranked fields first and emphasised.

    Args:
        doc: the document (a string, an object, or None when unknown).
        rank_fields: the keys that were ranked, in order (strings are ranked as a whole).
        limit: the most characters to return.

    Returns:
        Pieces whose text adds up to at most `limit` characters.
    """
    if doc is None:
        return []
    if isinstance(doc, str):
        return [(_one_line(doc)[:limit], True)]
    fields = [f for f in rank_fields if f in doc] or (["text"] if "text" in doc else [])
    pieces: list[tuple[str, bool]] = []
    for key in [*fields, *(k for k in doc if k not in fields)]:
        pieces.append((f"{key}: ", False))
        pieces.append((_one_line(_as_text(doc[key])), key in fields))
        pieces.append(("  ", False))
    return _clip(pieces[:-1], limit)


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clip(pieces: list[tuple[str, bool]], limit: int) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    left = limit
    for text, strong in pieces:
        if left <= 0:
            break
        out.append((text[:left], strong))
        left -= len(text)
    return out

"""Decide which tools a message asks for: split it into clauses and match each to its best tool."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.sandbox import values
from workbench.sandbox.arguments import kind_of
from workbench.sandbox.ranking import bm25_scores
from workbench.sandbox.text import content_terms, stems

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.sandbox.prompt import Tool

# A clause ends at ";", "?", "!", a full stop before a space, " and ", or a comma that is not a
# decimal comma ("1,5").
_CLAUSE_BREAK = re.compile(r"[;?!]|\.(?=\s|$)|(?<!\d),|,(?!\d)|\s+and\s+", re.IGNORECASE)
_MIN_RELEVANCE = 0.3
"""Below this a clause does not ask for a tool. One shared content word scores about 0.5 against
a single tool of average length (more when several tools compete), so this admits any real word
in common while rejecting a lone match diluted in a tool text far longer than the others."""
_EVIDENCE = 1.0
"""Added per kind of value a clause carries that only some tools take (a currency code, an
e-mail address, a date): "120 EUR in JPY" asks for the tool whose parameters take codes."""
_ACQUIRES = frozenset(
    stems("purchase purchased buy order shop shopper shopping cart basket book booking reserve")
)
"""Words of a tool that gets things for the person: a plain request for things asks for it."""
_DISTINCTIVE: dict[str, Callable[[str], list[values.Found]]] = {
    "code": values.codes,
    "email": values.emails,
    "date": values.dates,
}


@dataclass(frozen=True)
class Request:
    """A tool the message asks for, and the words that ask for it."""

    tool: Tool
    text: str
    asks_for_things: bool = False
    """The words ask for things by name ("4 apples"): a string parameter takes the thing."""


def clauses(message: str) -> list[str]:
    """The message's clauses, without the separators; empty ones dropped."""
    return [c.strip() for c in _CLAUSE_BREAK.split(message) if re.search(r"\w", c)]


def _tool_text(tool: Tool) -> str:
    params = " ".join(f"{p.name.replace('_', ' ')} {p.description}" for p in tool.params)
    return f"{tool.name.replace('_', ' ')} {tool.description} {params}"


def _evidence(clause: str, tool: Tool) -> float:
    kinds = {kind_of(p) for p in tool.params}
    carried = [k for k, find in _DISTINCTIVE.items() if k in kinds and find(clause)]
    return _EVIDENCE * len(carried)


def relevance(clause: str, tools: Sequence[Tool]) -> list[float]:
    """How strongly `clause` asks for each tool: BM25 over the tool's words, plus evidence."""
    corpus = [stems(_tool_text(t)) for t in tools]
    scores = bm25_scores(content_terms(clause), corpus)
    return [s + _evidence(clause, t) for s, t in zip(scores, tools, strict=True)]


def _best(scores: Sequence[float]) -> int:
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


def requests(message: str, tools: Sequence[Tool], force: bool) -> tuple[list[Request], str]:
    """The tools `message` asks for, one request per tool in order of first mention, and the
    words no tool claimed (where a call may look for a value its own clauses lack).

    With `force` and no clause asking for anything, the best tool for the whole message is used.
    """
    if not tools:
        return [], message
    claimed: dict[str, list[str]] = {}
    unclaimed: list[str] = []
    for clause in clauses(message):
        scores = relevance(clause, tools)
        best = _best(scores)
        if scores[best] >= _MIN_RELEVANCE:
            claimed.setdefault(tools[best].name, []).append(clause)
        else:
            unclaimed.append(clause)
    by_name = {t.name: t for t in reversed(tools)}  # the first tool of a name wins
    found = [Request(by_name[name], ", ".join(texts)) for name, texts in claimed.items()]
    if not found and len(tools) == 1:
        found = _plain_asks(message, tools[0])
        unclaimed = [] if found else unclaimed
    if not found and force:
        found = [Request(tools[_best(relevance(message, tools))], message)]
        unclaimed = []
    return found, ", ".join(unclaimed)


def _plain_asks(message: str, tool: Tool) -> list[Request]:
    """One request per clause that plainly asks for what the single tool does.

    "I'd like 4 apples and a fish please" with a shopping tool (Cohere's `personal_shopper`
    example) shares no word with the tool, yet asks for what it does: a tool that buys, orders
    or books, a message that asks for things, and a thing named in each clause.
    """
    if not set(stems(_tool_text(tool))) & _ACQUIRES or not values.wants(message):
        return []
    return [Request(tool, c, asks_for_things=True) for c in clauses(message) if values.things(c)]

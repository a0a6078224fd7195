"""Fill a tool's parameters from the text that asks for it: by type and description, no reuse."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from workbench.sandbox import values
from workbench.sandbox.text import stems

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.sandbox.prompt import ToolParam
    from workbench.sandbox.values import Found

# What a parameter's name or description says it holds (stemmed words).
_HINTS: dict[str, frozenset[str]] = {
    "date": frozenset(["date", "day", "when", "datetime", "yyyy"]),
    "email": frozenset(["email", "mail"]),
    "code": frozenset(["currency", "4217", "iso", "code", "iata"]),
    "place": frozenset(
        [
            "location",
            "city",
            "place",
            "country",
            "region",
            "destination",
            "origin",
            "address",
            "town",
            "area",
            "where",
        ]
    ),
    "free": frozenset(
        [
            "query",
            "q",
            "search",
            "question",
            "text",
            "prompt",
            "topic",
            "keyword",
            "input",
            "message",
        ]
    ),
}
_CURRENCY = frozenset(["currency", "4217"])
_DEFAULT_CURRENCY = "USD"
_NUMERIC = {"number": "number", "float": "number", "double": "number", "integer": "integer"}
_STRUCTURED = {"boolean": "boolean", "array": "array", "object": "object"}
# The order kinds are filled in: the most specific values first, so a general kind (a place, a
# free-text string) cannot take a token that only fits a specific one (a code, a date).
_FILL_ORDER = ("enum", "date", "email", "code", "integer", "number", "place", "string", "free")


def kind_of(param: ToolParam) -> str:
    """What sort of value `param` takes: enum, integer, number, boolean, array, object, date,
    email, code, place, free (free text such as a search query) or string."""
    if param.choices:
        return "enum"
    if param.type in _NUMERIC or param.type in _STRUCTURED:
        return _NUMERIC.get(param.type) or _STRUCTURED[param.type]
    if param.format in {"date", "date-time", "email"}:
        return "email" if param.format == "email" else "date"
    for said in (set(stems(param.name.replace("_", " "))), set(stems(param.description))):
        for kind, hints in _HINTS.items():
            if said & hints:
                return kind
    return "string"


@dataclass(frozen=True)
class _Want:
    """What filling one parameter looks for."""

    own: set[str]
    """The words of the parameter's name: a value right after one of them is meant for it."""
    others: set[str]
    """The words of the call's other parameters' names."""
    sentence_openers: bool
    """Whether a phrase capitalised only because it opens a sentence will do."""


class _Source:
    """The values one text offers, and which of them a call has already used."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken: list[Found] = []

    def take(self, found: Sequence[Found], want: _Want) -> Found | None:
        """The first free value, preferring one cued by the parameter's own name ("to JPY").

        A value cued by another parameter's name ("from EUR" when filling `to`) is left to it.
        """
        free = [
            f
            for f in found
            if not any(f.overlaps(t) for t in self.taken)
            and (want.sentence_openers or not f.opens_sentence)
        ]
        ranked = [f for f in free if f.cue in want.own] + [
            f for f in free if f.cue not in want.others
        ]
        if not ranked:
            return None
        self.taken.append(ranked[0])
        return ranked[0]

    def take_all(self, found: Sequence[Found]) -> list[Found]:
        """Every free value (for array parameters)."""
        free = [f for f in found if not any(f.overlaps(t) for t in self.taken)]
        self.taken.extend(free)
        return free


def _number(raw: str, kind: str) -> int | float:
    number = float(raw)
    return int(number) if kind == "integer" or number.is_integer() else number


def _named_choices(param: ToolParam, text: str) -> list[Found]:
    found = []
    for choice in param.choices:
        pattern = re.compile(rf"(?<!\w){re.escape(choice)}(?!\w)", re.IGNORECASE)
        found += [values.Found(m.start(), m.end(), choice) for m in pattern.finditer(text)]
    return sorted(found, key=lambda f: f.start)


def _places(text: str) -> list[Found]:
    # An all-capitals word ("EUR", "NASA") is more often a code or an acronym than a place.
    found = values.phrases(text)
    return [f for f in found if not f.value.isupper()] + [f for f in found if f.value.isupper()]


_FINDERS: dict[str, Callable[[ToolParam, str], list[Found]]] = {
    "enum": _named_choices,
    "date": lambda _, text: values.dates(text),
    "email": lambda _, text: values.emails(text),
    "code": lambda _, text: values.codes(text),
    "integer": lambda _, text: values.numbers(text),
    "number": lambda _, text: values.numbers(text),
    "place": lambda _, text: _places(text),
    "string": lambda _, text: values.quoted(text) + values.phrases(text),
    # Free text (a search query) is what was quoted; when required and nothing was, it defaults
    # to the words that asked for the call.
    "free": lambda _, text: values.quoted(text),
}


def _item_kind(param: ToolParam) -> str:
    """The kind of an array's items: a list of cities is a list of places."""
    item = kind_of(replace(param, type=param.items or "string", items=""))
    return item if item in _FINDERS else "string"


def _is_numeric(kind: str) -> bool:
    return kind in {"integer", "number"}


def _array(param: ToolParam, sources: Sequence[_Source]) -> list[Any] | None:
    """Every value of the item kind, in this call's clauses and elsewhere (lists span clauses)."""
    if param.type != "array":
        return None
    kind = _item_kind(param)
    found = [f for s in sources for f in s.take_all(_FINDERS[kind](param, s.text))]
    return [_number(f.value, kind) if _is_numeric(kind) else f.value for f in found] or None


def _mentioned(param: ToolParam, source: _Source) -> bool | None:
    # A flag is set when the message names it ("include_forecast" → "... include the forecast").
    name = set(stems(param.name.replace("_", " ")))
    return True if name and name <= set(stems(source.text)) else None


def _found_value(
    param: ToolParam, kind: str, source: _Source, want: _Want, things: bool = False
) -> Any:
    """The value `source` offers for `param`, or None (`things`: the text asks for things by
    name, and a string parameter may take the thing named)."""
    if kind == "boolean":
        return _mentioned(param, source)
    if kind not in _FINDERS:
        return None
    found = _FINDERS[kind](param, source.text)
    if things and kind == "string":
        found += values.things(source.text)
    taken = source.take(found, want)
    if taken is None:
        return None
    return _number(taken.value, kind) if _is_numeric(kind) else _styled(param, taken.value)


def _styled(param: ToolParam, value: str) -> str:
    # "in all caps eg. Bananas should be BANANAS" (Cohere's shopping example) is a rule to keep.
    said = param.description.lower()
    return value.upper() if "all caps" in said or "uppercase" in said else value


def _default(param: ToolParam, kind: str, text: str) -> Any:
    """A required parameter's value when the message supplies none."""
    said = text.strip().rstrip("?!.").strip()
    defaults: dict[str, Any] = {
        "enum": param.choices[0] if param.choices else said,
        "integer": 1,
        "number": 1,
        "boolean": False,
        "object": {},
        "date": "today",
        "array": [] if _is_numeric(_item_kind(param)) else [said],
    }
    if kind == "code" and set(stems(param.name + " " + param.description)) & _CURRENCY:
        return _DEFAULT_CURRENCY
    return defaults.get(kind, said)


def _name_words(param: ToolParam) -> set[str]:
    return set(param.name.lower().replace("-", "_").split("_"))


def fill_parameters(
    params: Sequence[ToolParam], text: str, fallback: str = "", *, things: bool = False
) -> dict[str, Any]:
    """Values for `params` from `text` first, then from `fallback` (the message's other words).

    A token fills at most one parameter; required parameters always get a value (a default when
    the message supplies none), optional ones only when the message supplies one. With `things`
    (the text asks for things by name), a string parameter may take the thing named.
    """
    sources = [_Source(text)] + ([_Source(fallback)] if fallback.strip() else [])
    kinds = {p.name: kind_of(p) for p in params}
    order = sorted(params, key=lambda p: _rank(kinds[p.name]))
    filled: dict[str, Any] = {}
    for param in order:
        own = _name_words(param)
        others = set().union(*(_name_words(p) for p in params if p is not param)) - own
        value = _array(param, sources)
        # Values that are surely names, in this call's clauses then elsewhere, before any phrase
        # capitalised only because it opens a sentence ("Weather, in Paris?").
        for want in (_Want(own, others, False), _Want(own, others, True)):
            for source in sources:
                if value is None:
                    value = _found_value(param, kinds[param.name], source, want, things)
        if value is None and param.required:
            value = _default(param, kinds[param.name], text)
        if value is not None:
            filled[param.name] = value
    return {p.name: filled[p.name] for p in params if p.name in filled}


def _rank(kind: str) -> int:
    return _FILL_ORDER.index(kind) if kind in _FILL_ORDER else len(_FILL_ORDER)

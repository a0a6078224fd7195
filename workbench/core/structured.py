"""Structured output: whether an answer is the JSON its `response_format` asked for."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.api.text import Text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbench.api.models import ResponseFormat


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """One way the answer misses: where (`$.items[0].name`) and what."""

    path: str
    message: str | Text
    """The workbench's own words as a `Text`, jsonschema's English as it came."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class SchemaCheck:
    """The verdict on one answer."""

    valid: bool
    problems: tuple[SchemaProblem, ...] = ()


def json_path(parts: Iterable[Any]) -> str:
    """A JSONPath-style location: `$`, `$.a`, `$.a[2].b`."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def check_answer(text: str, fmt: ResponseFormat | None) -> SchemaCheck | None:
    """Check an answer against its response format; None when no JSON was asked for.

    Invalid JSON is one problem at `$` (with line and column); a schema miss lists every
    failing path, shallowest first.
    """
    if fmt is None or fmt.type != "json_object":
        return None
    try:
        value = json.loads(text)
    except ValueError as exc:
        return SchemaCheck(False, (SchemaProblem("$", _not_json(exc)),))
    if fmt.json_schema is None:
        ok = isinstance(value, dict)
        problem = SchemaProblem("$", Text("is not a JSON object"))
        return SchemaCheck(ok, () if ok else (problem,))
    if (unusable := schema_problem(fmt.json_schema)) is not None:
        return SchemaCheck(False, (unusable,))
    # Imported here: jsonschema takes about a quarter of a second to import, and the window
    # must not wait for it (tests/ui/test_startup_imports.py).
    from jsonschema import Draft202012Validator

    try:
        validator = Draft202012Validator(fmt.json_schema)
        errors = sorted(
            validator.iter_errors(value), key=lambda e: (len(e.absolute_path), str(e.absolute_path))
        )
    # The schema passed the checks above yet jsonschema may still fail on it in many ways (a
    # remote $ref, a format checker, deep recursion): the verdict says so, the turn goes on.
    except Exception as exc:
        return SchemaCheck(False, (SchemaProblem("(schema)", _unusable(exc)),))
    problems = tuple(SchemaProblem(json_path(e.absolute_path), e.message) for e in errors)
    return SchemaCheck(not problems, problems)


def schema_problem(schema: Any) -> SchemaProblem | None:
    """What makes a schema unusable (its place in the schema, `$.properties.a.type`), or None.

    Checked against the JSON Schema 2020-12 meta-schema, and every local `$ref` (`#...`)
    resolved, so a bad schema is refused before a request is sent rather than after.
    """
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        return SchemaProblem(json_path(exc.absolute_path), exc.message)
    except Exception as exc:  # a meta-schema check that cannot finish (deep recursion)
        return SchemaProblem("$", _unusable(exc))
    return _missing_ref(schema) if isinstance(schema, dict) else None


_DATA_KEYWORDS = frozenset({"const", "enum", "default", "examples"})
"""Keywords whose values are data, where a `$ref` key is not a reference."""


def _local_refs(
    node: Any, path: tuple[str | int, ...]
) -> Iterable[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, list):
        for pos, item in enumerate(node):
            yield from _local_refs(item, (*path, pos))
    if not isinstance(node, dict) or (path and "$id" in node):  # another base: not followed
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        yield (*path, "$ref"), ref
    for key, child in node.items():
        if key not in _DATA_KEYWORDS:
            yield from _local_refs(child, (*path, key))


def _missing_ref(schema: dict[str, Any]) -> SchemaProblem | None:
    from referencing import Registry
    from referencing.exceptions import Unresolvable
    from referencing.jsonschema import DRAFT202012

    given = schema.get("$id")
    base = given if isinstance(given, str) else ""
    resource = DRAFT202012.create_resource(schema)
    resolver = Registry().with_resource(base, resource).crawl().resolver(base_uri=base)
    for path, ref in _local_refs(schema, ()):
        try:
            resolver.lookup(ref)
        except Unresolvable:
            return SchemaProblem(json_path(path), Text("the reference %1 leads nowhere", ref))
    return None


def _unusable(exc: Exception) -> Text:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return Text("the schema cannot be used: %1", detail)


def _not_json(exc: ValueError) -> Text:
    if isinstance(exc, json.JSONDecodeError):
        line, column = str(exc.lineno), str(exc.colno)  # places, not amounts: never grouped
        return Text("not valid JSON (line %1, column %2): %3", line, column, str(exc))
    return Text("not valid JSON: %1", str(exc))


def schema_verdict(text: str, fmt: ResponseFormat | None) -> str:
    """One line for the turn: `JSON ✓ follows the schema`, or `JSON ✗ $.a: …` ("" when no JSON
    was asked for)."""
    verdict = check_answer(text, fmt)
    if verdict is None:
        return ""
    if verdict.valid:
        return "JSON ✓ follows the schema" if fmt and fmt.json_schema else "JSON ✓ valid"
    first = verdict.problems[0]
    more = f" (+{len(verdict.problems) - 1} more)" if len(verdict.problems) > 1 else ""
    return f"JSON ✗ {first}{more}"

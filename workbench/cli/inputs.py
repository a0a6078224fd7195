"""Command-line input: JSON files (with line/column errors), history, tool results and `--param`."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbench.api import (
    ChatMessage,
    ChatRequest,
    Document,
    Flavour,
    GenerationParams,
    InputError,
    ToolCall,
    ToolResult,
    ToolSpec,
    chat_field_names,
    flavour_traits,
    jsontext,
    tool_from_json,
)
from workbench.core.chat_history_io import parse_entries
from workbench.core.rerank_docs import RerankRules, check_documents
from workbench.core.text_files import decode_file_text

_ROLE_ALIASES = {"chatbot": "assistant", "bot": "assistant", "model": "assistant"}


BOM = "\ufeff"
"""The byte order mark some editors write at the start of a UTF-8 file."""
MAX_FILE_CHARS = 64 * 1024 * 1024
"""The largest input file read (documents, history, tools, tool results): bytes of a file,
characters of standard input."""


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or as many as show it is too large (a huge file is not read whole)."""
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_CHARS + 1)


def _read_stdin() -> str:
    if sys.stdin is None:  # started with standard input closed (`<&-`)
        raise OSError("standard input is closed")
    return sys.stdin.read(MAX_FILE_CHARS + 1)


def read_json(path: str) -> tuple[Any, str]:
    """Read a JSON file (`-` for stdin).

    Returns:
        `(value, name)`: the value and the file name for messages.

    Raises:
        InputError: titled with the file name; `.where` is "line L, column C" for bad JSON.
    """
    name = file_name(path)
    try:
        read = _read_stdin() if path == "-" else _read_bytes(Path(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read it: {exc}", title=name) from None
    if len(read) > MAX_FILE_CHARS:
        raise InputError(f"larger than {MAX_FILE_CHARS // (1024 * 1024)} MB", title=name)
    try:  # UTF-8, or what a byte order mark says (PowerShell 5 writes UTF-16)
        text = read if isinstance(read, str) else decode_file_text(read)
    except InputError as exc:
        raise InputError(title=exc.title, where=f"{name}, {exc.where}") from None
    try:  # a BOM piped in on standard input too (a file's is dropped with its encoding)
        return jsontext.loads(text.removeprefix(BOM)), name
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError(exc.msg, title=name, where=where) from None


def file_name(path: str) -> str:
    """The file as messages name it."""
    return "<stdin>" if path == "-" else Path(path).name


def _list(value: Any, name: str, where: str = "") -> list[Any]:
    """`value` as the JSON array the file `name` holds at `where` (its top level when "")."""
    if not isinstance(value, list):
        raise InputError("expected a JSON array", title=name, where=where or "top level")
    return value


def _validation(exc: ValidationError, name: str, prefix: str) -> InputError:
    first = exc.errors()[0]
    loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
    return InputError(first["msg"], title=name, where=f"{prefix}{loc}")


def _flat_document(document: Any) -> Any:
    """A v2-shaped `{"id"?, "data": {...}}` document as a flat object, so every flavour can send it."""
    if (
        isinstance(document, dict)
        and isinstance(document.get("data"), dict)
        and set(document) <= {"id", "data"}
    ):
        return (
            {"id": document["id"], **document["data"]}
            if "id" in document
            else dict(document["data"])
        )
    return document


def read_documents(path: str) -> list[Document]:
    """Documents: an array of strings or objects (or an object with a `documents` array).

    Objects in Cohere v2 form (`{"id", "data": {...}}`) are flattened to `{"id", ...data}`.
    """
    return read_documents_file(path)[0]


def read_documents_file(path: str) -> tuple[list[Document], dict[str, Any] | None]:
    """`read_documents`, with the other fields of an object holding the `documents` array (such
    as the samples' `query` and `rank_fields`, which the command line takes as options); None
    for a file that is the array itself."""
    value, name = read_json(path)
    where, others = "", None
    if isinstance(value, dict) and "documents" in value:
        where, others = "documents", {k: v for k, v in value.items() if k != "documents"}
        value = value["documents"]
    documents = [_flat_document(d) for d in _list(value, name, where)]
    for pos, document in enumerate(documents):
        if not isinstance(document, str | dict):
            raise InputError(
                "a document must be a string or an object", title=name, where=f"{where}[{pos}]"
            )
    return documents, others


def read_rerank_documents(
    path: str, rules: RerankRules
) -> tuple[list[Document], dict[str, Any] | None]:
    """Documents for `rerank`, refused as the GUI's Rerank pane refuses them: `check_documents`
    with the flavour's rules (none at all, an empty object, strings mixed with objects where the
    flavour cannot take both), and the file's other fields (`read_documents_file`). The error
    names the file and the document as the file holds it (`[3]`, or `documents[3]`)."""
    documents, others = read_documents_file(path)
    try:
        return check_documents(documents, rules), others
    except InputError as exc:
        # check_documents names the list `documents`, as a file holding it in an object does.
        bare = exc.where.removeprefix("documents") or "top level"
        where = bare if others is None else exc.where or "documents"
        said = exc.title[:1].lower() + exc.title[1:]  # a title, said here after the file
        raise InputError(said, title=file_name(path), where=where) from None


def read_tools(path: str) -> list[ToolSpec]:
    """Tools in v1 `parameter_definitions` or JSON-schema function form."""
    value, name = read_json(path)
    try:
        return [tool_from_json(tool, f"[{pos}]") for pos, tool in enumerate(_list(value, name))]
    except InputError as exc:
        raise InputError(exc.server_message, title=name, where=exc.where) from None


def _call(obj: Any) -> dict[str, Any]:
    """A tool call in neutral form from `{id?, name, parameters}` or OpenAI/v2 function form."""
    if isinstance(obj, dict) and isinstance(obj.get("function"), dict):
        function = obj["function"]
        arguments = function.get("arguments") or "{}"
        params = jsontext.loads(arguments) if isinstance(arguments, str) else arguments
        return {"id": obj.get("id"), "name": function.get("name", ""), "parameters": params}
    return obj if isinstance(obj, dict) else {}


def read_history(path: str) -> list[ChatMessage]:
    """History in neutral, v1 (`USER`/`CHATBOT`/`TOOL`, `message`) or v2 / OpenAI form, read by
    the GUI's reader: a `role: tool` entry keeps its result, and one answering no earlier call is
    refused."""
    value, name = read_json(path)
    entries = [_aliased(item) for item in _list(value, name)]
    try:
        return parse_entries(entries, "")
    except InputError as exc:
        raise InputError(exc.server_message, title=name, where=exc.where) from None


def _aliased(item: Any) -> Any:
    if isinstance(item, dict) and isinstance(item.get("role"), str):
        return {**item, "role": _ROLE_ALIASES.get(item["role"].lower(), item["role"])}
    return item


def read_tool_results(path: str) -> list[ToolResult]:
    """Tool results: `[{"call": {"id", "name", "parameters"}, "outputs": [{...}, ...]}]`."""
    value, name = read_json(path)
    results = []
    for pos, item in enumerate(_list(value, name)):
        raw = item.get("call") if isinstance(item, dict) else None
        if not isinstance(raw, dict):
            raise InputError(
                "expected the tool call this result answers: {id, name, parameters}",
                title=name,
                where=f"[{pos}].call",
            )
        call = _result_call(raw, name, f"[{pos}].call")
        try:
            results.append(ToolResult(call=call, outputs=item.get("outputs")))
        except ValidationError as exc:
            raise _validation(exc, name, f"[{pos}]") from None
    return results


_FUNCTION_FORM = {"name": ".function.name", "parameters": ".function.arguments"}
"""Where a neutral call's fields come from in the OpenAI/v2 function form."""


def _result_call(raw: dict[str, Any], name: str, where: str) -> ToolCall:
    """The call a tool result answers; an error names the field as the file spells it."""
    function_form = isinstance(raw.get("function"), dict)
    try:
        return ToolCall.model_validate(_call(raw))
    except ValidationError as exc:
        first = exc.errors()[0]
        head, rest = str(first["loc"][0]) if first["loc"] else "", first["loc"][1:]
        field = _FUNCTION_FORM.get(head, f".{head}") if function_form else f".{head}"
        tail = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in rest)
        raise InputError(first["msg"], title=name, where=f"{where}{field}{tail}") from None
    except ValueError as exc:
        where = f"{where}.function.arguments" if function_form else where
        raise InputError(str(exc), title=name, where=where) from None


def results_after_their_calls(request: ChatRequest, flavour: Flavour) -> ChatRequest:
    """The request with `--tool-results` placed after the turn that asked for them.

    Where results ride in `messages` (Cohere v2, OpenAI-style), each tool message must follow
    the assistant message holding its call. With no `--history` ending in those calls, the
    results went first and `--message` after them: Cohere v2 and OpenAI-style servers refuse
    tool messages that answer no call, and the question was asked anew. Read as Cohere v1 reads
    the same options (the message that led to the calls, then their results), the history gets
    that message and an assistant turn holding the calls the results name, and no new message
    is sent. v1 carries results apart and takes the options as they are.
    """
    if not request.tool_results or flavour_traits(flavour).history_field != "messages":
        return request
    last = request.history[-1] if request.history else None
    if last is not None and last.role == "assistant" and last.tool_calls:
        return request  # the history holds the calls: the results answer them
    asked = [
        ChatMessage(role="user", content=request.message or "", images=request.images),
        ChatMessage(role="assistant", tool_calls=[r.call for r in request.tool_results]),
    ]
    history = [*request.history, *asked]
    return request.model_copy(update={"history": history, "message": None, "images": []})


OWNED_BY_OPTIONS = {
    "model": "--model",
    "message": "--message",
    "messages": "--message and --history",
    "chat_history": "--history",
    "preamble": "--preamble",
    "stream": "--stream",
    "documents": "--documents",
    "tools": "--tools",
    "tool_results": "--tool-results",
    "search_queries_only": "--search-queries-only",
    "response_format": "--response-format",
    "thinking": "--thinking",
}
"""Request fields an option sets. Sent through `--param` they silently replaced the option's
value (`extra` is merged into the body last), or broke the answer's reading (stream=true)."""


def parse_params(pairs: list[str]) -> GenerationParams:
    """`NAME=VALUE` pairs: values parsed as JSON when they parse, else kept as strings; known
    names are validated (the error names the allowed range), unknown ones go to `extra`; a name
    an option owns is refused, naming the option."""
    known = set(GenerationParams.model_fields) - {"extra"}
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(f"expected NAME=VALUE, got {pair!r}", where="--param")
        if option := OWNED_BY_OPTIONS.get(name):
            raise InputError(f"{name} is set by {option}; use {option}", where=f"--param {name}")
        try:
            value: Any = jsontext.loads(raw)
        except ValueError:
            value = raw
        (fields if name in known else extra)[name] = value
    try:
        return GenerationParams(**fields, extra=extra)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"{first['msg']} (got {first['input']!r})", where=f"--param {field}"
        ) from None


def unknown_param_warnings(params: GenerationParams, flavour: Flavour) -> list[str]:
    """A warning for each `--param` name sent as given that the flavour's chat body does not know.

    Such names are sent on purpose (a field newer than the workbench), but a typo
    (`temprature`) reached the server in silence and its default applied. The known names are
    the codec's own, so the warning cannot drift from what the body carries; the closest one is
    suggested.
    """
    if not params.extra:
        return []  # no name sent as given: the codec's names need not be listed
    known = sorted(chat_field_names(flavour) - set(OWNED_BY_OPTIONS))  # those are refused
    label = flavour_traits(flavour).label
    warnings = []
    for name in params.extra:
        if name in known:
            continue
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        warnings.append(
            f"--param {name} is not a field the workbench knows for {label} chat requests; "
            f"it is sent as given{hint}"
        )
    return warnings

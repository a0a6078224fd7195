"""Chat inputs: check the documents and tools people type, and look up cited sources by id (pure)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.api.tools import tool_from_json

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from workbench.api.models import Document, ToolResult, ToolSpec


def parse_documents(value: Any) -> list[Document]:
    """Check RAG documents: a list of strings or objects (`id` a string, `_excludes` a key list).

    Raises:
        InputError: `.where` names the document and field.
    """
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(Text("documents must be a JSON list"), where="documents")
    for pos, doc in enumerate(value):
        where = f"documents[{pos}]"
        if isinstance(doc, str):
            continue
        if not isinstance(doc, dict):
            raise InputError(Text("a document must be a string or an object"), where=where)
        if "id" in doc and not isinstance(doc["id"], str):
            raise InputError(Text("`id` must be a string"), where=f"{where}.id")
        excludes = doc.get("_excludes")
        if excludes is not None and not (
            isinstance(excludes, list) and all(isinstance(k, str) for k in excludes)
        ):
            raise InputError(
                Text("`_excludes` must be a list of field names"), where=f"{where}._excludes"
            )
    return list(value)


def parse_tools(value: Any) -> list[ToolSpec]:
    """Read tools in v1 `parameter_definitions` or JSON-schema function form.

    Raises:
        InputError: `.where` names the tool.
    """
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(Text("tools must be a JSON list"), where="tools")
    return [tool_from_json(tool, f"tools[{pos}]") for pos, tool in enumerate(value)]


def source_lookup(
    documents: Sequence[Document],
    returned: Iterable[dict[str, Any]] = (),
    tool_results: Sequence[ToolResult] = (),
) -> dict[str, dict[str, Any]]:
    """Map every id a citation may name to the source's fields.

    Documents sent without an id are known by the ids servers give them (`doc_0` on v1, `doc:0`
    on v2, and the bare position); tool outputs by `<call id>:<n>` (v2/OpenAI) and
    `<name>:<call>:<n>` forms seen on v1. Documents the server returned win over guesses.
    """
    lookup: dict[str, dict[str, Any]] = {}
    for pos, doc in enumerate(documents):
        fields = {"text": doc} if isinstance(doc, str) else dict(doc)
        ids = [str(fields["id"])] if "id" in fields else [f"doc_{pos}", f"doc:{pos}", str(pos)]
        for doc_id in ids:
            lookup[doc_id] = fields
    for call_pos, result in enumerate(tool_results):
        for out_pos, output in enumerate(result.outputs):
            keys = [f"{result.call.name}:{call_pos}:{out_pos}", f"{result.call.name}:{out_pos}"]
            if result.call.id:
                keys.append(f"{result.call.id}:{out_pos}")
            for key in keys:
                lookup.setdefault(key, {"tool": result.call.name, **output})
    for doc in returned:
        if "id" in doc:
            lookup[str(doc["id"])] = dict(doc)
    return lookup


def resolve_source(lookup: dict[str, dict[str, Any]], doc_id: str) -> dict[str, Any] | None:
    """The source for an id, trying the id's prefixes too (`get_weather:0:2:0` → `get_weather:0:2`)."""
    probe = doc_id
    while probe:
        if probe in lookup:
            return lookup[probe]
        probe = probe.rpartition(":")[0]
    return None

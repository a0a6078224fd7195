"""Chat compare, Qt-free: one conversation fitted to each route, what each route leaves out.

The same message, documents, tools and parameters go to two or three endpoints at once. A route
cannot always carry all of it (the `/chat/completions` route takes no documents and answers with
no citations); `fit_frame` drops what a route cannot take, and `gaps` says what was dropped and
what the answer will lack, read from the flavour's traits, never from its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from workbench import api  # its names load on first use: the codecs wait for a compare
from workbench.api.models import Flavour

if TYPE_CHECKING:
    from workbench.core.chat_session import ChatFrame
    from workbench.core.endpoints import EndpointConfig

GapKind = Literal["documents", "citations", "search_queries_only", "parameter"]
COMPATIBLE_ROUTE = "/chat/completions"
"""The OpenAI-compatible chat route Azure serves next to a deployment's native routes."""


@dataclass(frozen=True)
class Gap:
    """One thing a route could not do with this conversation."""

    kind: GapKind
    """documents: not sent; citations: the answer has none; parameter: `name` not sent."""
    name: str = ""
    """The parameter's name (kind "parameter")."""


def _catalogue() -> list[str]:
    """Every generation parameter some flavour's form shows, in a stable order."""
    names: dict[str, None] = {}
    for flavour in Flavour:
        names.update(dict.fromkeys(p.name for p in api.flavour_traits(flavour).params))
    return list(names)


def _unsupported_params(flavour: Flavour, frame: ChatFrame) -> list[str]:
    taken = {p.name for p in api.flavour_traits(flavour).params}
    return [
        name
        for name in _catalogue()
        if name not in taken and getattr(frame.params, name, None) not in (None, [])
    ]


def gaps(flavour: Flavour, frame: ChatFrame) -> tuple[Gap, ...]:
    """What a route of this flavour cannot do with `frame` (empty: it can do all of it).

    Args:
        flavour: the route's flavour.
        frame: what the conversation carries (documents, tools, parameters).

    Returns:
        Documents left out, citations the answer cannot have, parameters not sent.
    """
    traits = api.flavour_traits(flavour)
    found: list[Gap] = []
    if frame.documents and not traits.documents:
        found.append(Gap("documents"))
    if not traits.citations:
        found.append(Gap("citations"))
    if frame.search_queries_only and not traits.search_queries_only:
        found.append(Gap("search_queries_only"))
    found.extend(Gap("parameter", name) for name in _unsupported_params(flavour, frame))
    return tuple(found)


def fit_frame(flavour: Flavour, frame: ChatFrame) -> ChatFrame:
    """`frame` without what a route of this flavour cannot carry (see `gaps`)."""
    traits = api.flavour_traits(flavour)
    dropped = dict.fromkeys(_unsupported_params(flavour, frame))
    update: dict[str, object] = {}
    if dropped:
        update["params"] = frame.params.model_copy(update=dropped)
    if frame.documents and not traits.documents:
        update["documents"] = []
    if frame.search_queries_only and not traits.search_queries_only:
        update["search_queries_only"] = False
    return frame.model_copy(update=update) if update else frame


def compatible_flavour() -> Flavour:
    """The flavour of the `/chat/completions` route (asked of the URL rules, not named here)."""
    flavour = api.infer_flavour("http://host" + COMPATIBLE_ROUTE)
    if flavour is None:  # pragma: no cover - the URL rules always know this route
        raise LookupError(COMPATIBLE_ROUTE)
    return flavour


def on_route(endpoint: EndpointConfig, flavour: Flavour) -> EndpointConfig:
    """The same deployment reached on another flavour's chat route (same key, same settings).

    Its name says the route, so runs recorded through it tell the two apart.
    """
    if flavour == endpoint.flavour:
        return endpoint
    route = api.flavour_traits(flavour).routes.chat
    return endpoint.model_copy(update={"flavour": flavour, "name": f"{endpoint.name} · {route}"})


def native_and_compatible(endpoint: EndpointConfig) -> tuple[Flavour, Flavour] | None:
    """The preset's two routes of one deployment: its own, then `/chat/completions`.

    Returns:
        (native flavour, compatible flavour), or None when the endpoint already is on the
        compatible route (there is no native route to compare it with).
    """
    compatible = compatible_flavour()
    if endpoint.flavour == compatible:
        return None
    return endpoint.flavour, compatible

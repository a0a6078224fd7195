"""Chat compare in core: what each route leaves out, the frame fitted to it, the preset's routes."""

from __future__ import annotations

from workbench.api import flavour_traits
from workbench.api.models import Flavour, GenerationParams
from workbench.core.chat_compare import (
    COMPATIBLE_ROUTE,
    Gap,
    compatible_flavour,
    fit_frame,
    gaps,
    native_and_compatible,
    on_route,
)
from workbench.core.chat_session import ChatFrame
from workbench.core.endpoints import EndpointConfig

DOCS = [{"id": "a", "text": "Business adds SAML single sign-on."}]


def _frame(**params: object) -> ChatFrame:
    return ChatFrame(documents=DOCS, params=GenerationParams(**params))


def test_the_compatible_route_is_found_by_its_route_not_its_name() -> None:
    flavour = compatible_flavour()
    assert flavour_traits(flavour).routes.chat == COMPATIBLE_ROUTE


def test_a_route_with_documents_and_citations_can_do_it_all() -> None:
    for flavour in Flavour:
        traits = flavour_traits(flavour)
        if traits.documents and traits.citations:
            assert gaps(flavour, _frame(temperature=0.2)) == ()
            assert fit_frame(flavour, _frame(temperature=0.2)) == _frame(temperature=0.2)


def test_the_compatible_route_says_it_drops_documents_and_gives_no_citations() -> None:
    compatible = compatible_flavour()
    found = gaps(compatible, _frame())
    assert Gap("documents") in found
    assert Gap("citations") in found
    assert fit_frame(compatible, _frame()).documents == []


def test_a_route_without_documents_names_no_document_gap_when_none_are_sent() -> None:
    found = gaps(compatible_flavour(), ChatFrame())
    assert Gap("documents") not in found
    assert Gap("citations") in found


def test_parameters_a_route_does_not_take_are_named_and_dropped() -> None:
    compatible = compatible_flavour()
    taken = {p.name for p in flavour_traits(compatible).params}
    others = {p.name for f in Flavour for p in flavour_traits(f).params} - taken
    assert "k" in others
    frame = _frame(k=5, temperature=0.5)
    assert Gap("parameter", "k") in gaps(compatible, frame)
    fitted = fit_frame(compatible, frame)
    assert fitted.params.k is None
    assert fitted.params.temperature == 0.5


def test_on_route_keeps_the_deployment_and_names_the_route() -> None:
    endpoint = EndpointConfig(name="Prod", base_url="https://x.models.ai.azure.com")
    twin = on_route(endpoint, compatible_flavour())
    assert (twin.id, twin.base_url) == (endpoint.id, endpoint.base_url)
    assert twin.flavour == compatible_flavour()
    assert twin.name == "Prod · /chat/completions"
    assert on_route(endpoint, endpoint.flavour) is endpoint


def test_the_preset_needs_a_native_route() -> None:
    native = EndpointConfig(name="n", base_url="https://x", flavour=Flavour.COHERE_V1)
    assert native_and_compatible(native) == (Flavour.COHERE_V1, compatible_flavour())
    already = native.model_copy(update={"flavour": compatible_flavour()})
    assert native_and_compatible(already) is None

"""Model families, checks before sending, images, schema verdicts, and history keeping them."""

from __future__ import annotations

import base64
import errno
import os
import struct
from typing import TYPE_CHECKING

import pytest

from tests.imaging import data_uri, gif, png
from workbench.api.errors import InputError
from workbench.api.models import (
    ChatMessage,
    ChatRequest,
    Flavour,
    GenerationParams,
    ImagePart,
    ResponseFormat,
    ThinkingOption,
    ToolSpec,
)
from workbench.core.chat_checks import cautions, check_request
from workbench.core.chat_history_io import export_conversation, neutral_json, parse_conversation
from workbench.core.chat_models import family_of, safety_modes_for, takes_images, takes_thinking
from workbench.core.chat_session import ChatFrame, ChatSession, Reply
from workbench.core.images import (
    data_uri_size,
    estimate_tokens,
    image_from_bytes,
    read_image,
    read_image_with_bytes,
)
from workbench.core.structured import check_answer, schema_problem

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA = {
    "type": "object",
    "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["name"]}}},
    "required": ["items"],
}
TOOL = ToolSpec(name="t")


@pytest.mark.parametrize(
    ("model", "family"),
    [
        ("command-a-plus-05-2026", "Command A+"),
        ("command-a-reasoning-08-2025", "Command A Reasoning"),
        ("Command-A-Vision-07-2025", "Command A Vision"),
        ("command-a-03-2025", "Command A"),
        ("command-r7b-12-2024", "Command R7B"),
        ("command-r-plus-08-2024", "Command R+ / R"),
        ("command-r", "Command R+ / R"),
    ],
)
def test_families_by_prefix(model: str, family: str) -> None:
    found = family_of(model)
    assert found is not None
    assert found.name == family


def test_unknown_models_offer_everything() -> None:
    assert family_of("my-deployment") is None
    assert safety_modes_for("my-deployment") == ("CONTEXTUAL", "STRICT", "OFF")
    assert takes_thinking("my-deployment")
    assert takes_images(None)
    assert safety_modes_for("command-a-03-2025") == ("CONTEXTUAL", "STRICT")
    assert not takes_thinking("command-a-vision-07-2025")
    assert not takes_images("command-a-reasoning-08-2025")


def _request(**fields: object) -> ChatRequest:
    return ChatRequest.model_validate({"message": "x", **fields})


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"params": {"tool_choice": "REQUIRED"}}, "params.tool_choice"),
        ({"model": "command-a-03-2025", "params": {"thinking": {}}}, "params.thinking"),
        (
            {"model": "command-r-plus-08-2024", "tools": [TOOL], "params": {"tool_choice": "NONE"}},
            "params.tool_choice",
        ),
        ({"model": "command-a-03-2025", "images": [{"url": "https://x/a.png"}]}, "images"),
    ],
)
def test_refused_before_sending(fields: dict[str, object], where: str) -> None:
    with pytest.raises(InputError) as caught:
        check_request(_request(**fields))
    assert caught.value.where == where
    assert not cautions(_request(**fields))  # said once, as the refusal


_BIG_IMAGE = "data:image/png;base64," + "A" * (21 * 1024 * 1024 * 4 // 3)


@pytest.mark.parametrize(
    ("fields", "where", "words"),
    [
        (
            {"documents": ["d"], "params": {"response_format": {"type": "json_object"}}},
            "params.response_format",
            "JSON response_format with documents (not checked on Azure)",
        ),
        (
            {"tools": [TOOL], "params": {"response_format": {"type": "json_object"}}},
            "params.response_format",
            "JSON response_format with tools (not checked on Azure)",
        ),
        (
            {"model": "command-a-03-2025", "params": {"safety_mode": "OFF"}},
            "params.safety_mode",
            "give Command A safety_mode CONTEXTUAL, STRICT only (not checked on Azure)",
        ),
        (
            {"model": "command-a-03-2025", "params": {"safety_mode": "NONE"}},
            "params.safety_mode",
            "give Command A safety_mode CONTEXTUAL, STRICT only",
        ),
        (
            {"images": [{"url": "https://x/a.png"}] * 21},
            "images",
            "21 images in this request; Cohere's pages give at most 20 (not checked here)",
        ),
        (
            {"model": "command-a-vision-07-2025", "images": [{"url": _BIG_IMAGE}]},
            "images",
            "Cohere's guide gave at most 20 MB per request (not checked here)",
        ),
    ],
)
def test_rules_the_reference_has_not_checked_are_said_not_refused(
    fields: dict[str, object], where: str, words: str
) -> None:
    """The wire reference marks these unverified (on Azure, or the figure itself): the request
    goes, for the server to decide, and the caution says why it may not."""
    request = _request(**fields)
    check_request(request)
    (caution,) = cautions(request)
    assert caution.where == where
    assert words in str(caution.message_text)
    assert str(caution.message_text).endswith("; it is sent anyway, for the server to decide")


@pytest.mark.parametrize("mode", ["OFF", "NONE", "none", "CONTEXTUAL", "STRICT"])
def test_command_r_takes_safety_off_in_either_flavours_word(mode: str) -> None:
    # v2 says OFF, v1 says NONE (the form offers both); NONE was refused as not OFF.
    request = _request(params={"safety_mode": mode})
    check_request(request, "command-r-plus-08-2024")
    assert not cautions(request, "command-r-plus-08-2024")


def test_a_request_within_every_rule_passes_without_a_caution() -> None:
    fine = _request(
        images=[{"url": data_uri(png())}],
        params={"thinking": {"type": "enabled", "token_budget": 10}, "safety_mode": "STRICT"},
    )
    check_request(fine, "command-a-plus-05-2026")
    assert not cautions(fine, "command-a-plus-05-2026")


def test_schema_verdicts_name_the_failing_path() -> None:
    fmt = ResponseFormat(type="json_object", json_schema=SCHEMA)
    ok = check_answer('{"items": [{"name": "a"}]}', fmt)
    assert ok is not None
    assert ok.valid
    bad = check_answer('{"items": [{"name": "a"}, {}]}', fmt)
    assert bad is not None
    assert not bad.valid
    assert [str(p) for p in bad.problems] == ["$.items[1]: 'name' is a required property"]
    broken = check_answer('{"items": ', fmt)
    assert broken is not None
    assert broken.problems[0].path == "$"
    assert "not valid JSON" in str(broken.problems[0].message)
    assert check_answer("plain", None) is None
    assert check_answer("plain", ResponseFormat()) is None
    not_object = check_answer("[1]", ResponseFormat(type="json_object"))
    assert not_object is not None
    assert not not_object.valid


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ({"type": 5}, "$.type"),
        ({"type": "object", "properties": {"a": {"type": "nosuchtype"}}}, "$.properties.a.type"),
        ({"$ref": "#/defs/missing"}, "$.$ref"),
        ({"$ref": "https://nowhere.invalid/schema.json"}, "(schema)"),
    ],
)
def test_a_schema_that_cannot_be_used_gets_a_verdict_not_an_exception(
    schema: dict[str, object], path: str
) -> None:
    verdict = check_answer('{"a": 1}', ResponseFormat(type="json_object", json_schema=schema))
    assert verdict is not None
    assert not verdict.valid
    assert [p.path for p in verdict.problems] == [path]


def test_usable_schemas_with_local_references_pass_the_schema_check() -> None:
    schema = {"$ref": "#/$defs/a", "$defs": {"a": {"$anchor": "b", "items": {"$ref": "#b"}}}}
    assert schema_problem(schema) is None
    assert schema_problem({"const": {"$ref": "#/not/a/reference"}}) is None


def test_images_are_recognised_and_sized(tmp_path: Path) -> None:
    path = tmp_path / "red.png"
    path.write_bytes(png(640, 480))
    image = read_image(path, "low")
    assert (image.mime, image.width, image.height, image.part.detail) == (
        "image/png",
        640,
        480,
        "low",
    )
    assert data_uri_size(image.part.url) == image.size
    assert image.tokens == 256
    assert image_from_bytes(gif(2, 5), "g.gif").mime == "image/gif"
    jpeg = b"\xff\xd8\xff\xe0" + struct.pack(">H", 4) + b"\x00\x00"
    jpeg += b"\xff\xc0" + struct.pack(">HBHH", 11, 8, 30, 40) + b"\x00" * 6
    assert (image_from_bytes(jpeg, "j.jpg").width, image_from_bytes(jpeg, "j.jpg").height) == (
        40,
        30,
    )
    webp = b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x00" * 8 + (99).to_bytes(3, "little")
    webp += (49).to_bytes(3, "little")
    assert (image_from_bytes(webp, "w.webp").width, image_from_bytes(webp, "w.webp").height) == (
        100,
        50,
    )
    with pytest.raises(InputError, match="not a PNG"):
        image_from_bytes(b"hello", "notes.txt")
    assert estimate_tokens(1024, 1024, "high") == 256 * 5


def test_an_image_read_from_a_file_comes_with_the_bytes_it_was_made_from(tmp_path: Path) -> None:
    """A thumbnail drawn from these is the image sent; no second read of a file that may move."""
    path = tmp_path / "red.png"
    path.write_bytes(png(4, 3))
    image, data = read_image_with_bytes(path, "high")
    assert data == png(4, 3)
    assert base64.b64decode(image.part.url.partition(",")[2]) == data
    folder = tmp_path / "photos.png"
    folder.mkdir()
    with pytest.raises(InputError) as caught:
        read_image_with_bytes(folder)
    assert (caught.value.where, caught.value.server_message) == (
        "photos.png",
        os.strerror(errno.EISDIR),
    )
    assert str(tmp_path) not in str(caught.value)


def test_history_keeps_images_and_thinking_through_export_and_import() -> None:
    image = ImagePart(url=data_uri(png()), detail="low")
    session = ChatSession()
    frame = ChatFrame(model="command-a-plus-05-2026")
    request = session.send("What is it?", frame, images=[image])
    assert request.images == [image]
    session.finish(Reply(text="Red.", thinking="Look at the pixels."))
    history = session.history()
    assert history[0].images == [image]
    assert history[1].thinking == "Look at the pixels."
    for flavour in (Flavour.COHERE_V2, Flavour.OPENAI):
        exported = export_conversation(history, flavour)
        back = parse_conversation(exported).messages
        assert back[0].images == [image]
        if flavour is Flavour.COHERE_V2:
            assert back == history
    neutral = neutral_json(history)
    assert neutral[0]["images"] == [{"url": image.url, "detail": "low"}]
    assert parse_conversation(neutral).messages == history
    assert ChatSession(session.turns).history() == history


def test_thinking_and_format_params_validate() -> None:
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        ThinkingOption(token_budget=0)
    params = GenerationParams.model_validate(
        {"response_format": {"type": "json_object", "schema": {"type": "object"}}}
    )
    assert params.response_format == ResponseFormat(
        type="json_object", json_schema={"type": "object"}
    )
    with pytest.raises(InputError, match="only user messages carry images"):
        parse_conversation(
            [{"role": "assistant", "content": [{"type": "image_url", "image_url": {"url": "u"}}]}]
        )
    assert ChatMessage(role="user", images=[ImagePart(url="u")]).images[0].detail is None

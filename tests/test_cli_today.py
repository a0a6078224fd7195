"""`workbench chat` with --thinking, --response-format and --image, against the sandbox."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.imaging import png
from workbench.cli import main
from workbench.cli.status import EXIT_SERVER

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.sandbox.runner import RunningSandbox

SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
    "required": ["name", "age"],
}


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)


def _chat(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], model: str, *extra: str
) -> tuple[int, str, str]:
    url = sandbox.base_url + "/v2/chat"
    status = main(["chat", "--url", url, "--model", model, "--message", "Why?", *extra])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("stream", [[], ["--stream"]])
def test_plain_mode_sets_thinking_apart(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], stream: list[str]
) -> None:
    status, out, err = _chat(sandbox, capsys, "command-a-reasoning-08-2025", *stream)
    assert (status, err) == (0, "")
    assert out.startswith("Thinking:\nThe question is: Why.")
    _, _, answer = out.partition("\n\nAnswer:\n")
    assert answer.strip()
    assert "The question" not in answer


def test_json_has_thinking_and_the_budget_applies(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _chat(sandbox, capsys, "command-a-plus-05-2026", "--json", "--thinking", "2")
    result = json.loads(out)
    assert status == 0
    assert result["thinking"] == "The question"
    assert (result["schema_valid"], result["schema_errors"]) == (None, None)
    status, out, _ = _chat(sandbox, capsys, "command-a-plus-05-2026", "--json", "--thinking", "off")
    assert json.loads(out)["thinking"] == ""


def test_bad_thinking_value_is_input_error(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _chat(sandbox, capsys, "command-a-plus-05-2026", "--thinking", "lots")
    assert status == 2
    assert "--thinking" in err


def test_response_format_schema_pass_and_fail(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    schema = tmp_path / "person.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    status, out, _ = _chat(
        sandbox, capsys, "command-a-03-2025", "--response-format", str(schema), "--json"
    )
    result = json.loads(out)
    assert (status, result["schema_valid"], result["schema_errors"]) == (0, True, [])
    assert set(json.loads(result["text"])) == {"name", "age"}
    fault = ["--header", "x-sandbox-fault:break_schema=1"]
    status, out, _ = _chat(
        sandbox, capsys, "command-a-03-2025", "--response-format", str(schema), "--json", *fault
    )
    result = json.loads(out)
    assert (result["schema_valid"], result["schema_errors"]) == (
        False,
        ["$: 'name' is a required property"],
    )
    status, out, _ = _chat(
        sandbox, capsys, "command-a-03-2025", "--response-format", str(schema), *fault
    )
    assert "Schema: INVALID\n  $: 'name' is a required property" in out


def test_response_format_with_documents_is_sent_with_a_warning_for_the_server_to_decide(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The rule is Cohere's reference's, unverified on Azure: refused before sending, a
    deployment that takes the pair could not be checked. The sandbox refuses it as Cohere does."""
    docs = tmp_path / "docs.json"
    docs.write_text('["Paris is in France."]', encoding="utf-8")
    status, _, err = _chat(
        sandbox, capsys, "command-a-03-2025", "--response-format", "json", "--documents", str(docs)
    )
    warning, refusal = err.splitlines()[:2]
    assert warning == (
        "workbench: warning: --response-format: Cohere's reference does not combine a JSON "
        "response_format with documents (not checked on Azure); it is sent anyway, for the "
        "server to decide"
    )
    assert status == EXIT_SERVER
    assert "documents" in refusal  # the server's own words


@pytest.mark.parametrize(
    ("schema", "where"),
    [
        ({"type": 5}, "schema $.type: 5 is not valid"),
        (
            {"type": "object", "properties": {"a": {"type": "nosuchtype"}}},
            "schema $.properties.a.type: 'nosuchtype' is not valid",
        ),
        ({"$ref": "#/defs/missing"}, "schema $.$ref: the reference #/defs/missing leads nowhere"),
    ],
)
def test_a_schema_that_cannot_be_used_is_refused_before_sending(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, schema: object, where: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    # A closed port: had the request been sent, the exit status would be 5.
    argv = ["chat", "--url", "http://127.0.0.1:9/v2/chat", "--model", "command-a-03-2025"]
    status = main([*argv, "--message", "Hi", "--response-format", str(path), "--json"])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert err.startswith(f"workbench: bad.json: {where}")
    assert "Traceback" not in err


def test_images_are_sent_and_described(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    first.write_bytes(png(4, 3))
    second.write_bytes(png(10, 2))
    status, out, err = _chat(
        sandbox,
        capsys,
        "command-a-vision-07-2025",
        "--image",
        str(first),
        "--image",
        str(second),
        "--image-detail",
        "high",
    )
    assert (status, err) == (0, "")
    assert "I see 2 images" in out
    assert "PNG 4x3" in out
    assert "PNG 10x2" in out
    status, _, err = _chat(sandbox, capsys, "command-a-03-2025", "--image", str(first))
    assert status == 2
    assert "does not read images" in err
    status, _, err = _chat(sandbox, capsys, "command-a-vision-07-2025", "--image", str(tmp_path))
    assert status == 2


def test_image_detail_without_an_image_exits_2(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was taken and ignored."""
    status, out, err = _chat(sandbox, capsys, "command-a-03-2025", "--image-detail", "high")
    assert (status, out) == (2, "")
    assert "--image-detail applies only with --image" in err


@pytest.mark.parametrize(
    ("options", "refusal"),
    [
        (
            ["--model", "command-r-08-2024", "--thinking", "on"],
            "--thinking: Command R+ / R does not reason; turn thinking off",
        ),
        (
            ["--model", "command-r-08-2024", "--image", "{png}"],
            "--image: Command R+ / R does not read images",
        ),
        (
            ["--model", "command-r-08-2024", "--history", "{history}"],
            "--history: Command R+ / R does not read images",
        ),
        (
            ["--flavour", "cohere-v1", "--model", "m", "--image", "{png}"],
            "--image: Cohere v1 cannot carry images (use Cohere v2)",
        ),
        (
            ["--flavour", "cohere-v1", "--model", "m", "--thinking", "on"],
            "--thinking: Cohere v1 chat requests have no thinking parameter",
        ),
        (
            ["--flavour", "openai", "--model", "m", "--param", "k=3"],
            "--param k: OpenAI-compatible / Azure model inference chat requests have no k "
            "parameter",
        ),
        (
            ["--model", "command-r-08-2024", "--param", "tool_choice=REQUIRED"],
            "--param tool_choice: tool_choice REQUIRED needs tools",
        ),
    ],
)
def test_a_refused_option_is_named_as_typed_not_as_the_requests_field(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    options: list[str],
    refusal: str,
) -> None:
    """The refusals named the request's fields (`params.thinking`, `images`, `params.k ... send
    it under extra`), words the GUI shows by its own controls; the person typed options."""
    image, history = tmp_path / "a.png", tmp_path / "history.json"
    image.write_bytes(png())
    url = "data:image/png;base64," + base64.b64encode(png()).decode()
    looked = [{"type": "text", "text": "Look"}, {"type": "image_url", "image_url": {"url": url}}]
    turns = [{"role": "user", "content": looked}, {"role": "assistant", "content": "A square."}]
    history.write_text(json.dumps(turns), encoding="utf-8")
    files = {"{png}": str(image), "{history}": str(history)}
    argv = ["chat", "--url", sandbox.base_url, "--message", "Why?"]
    status = main([*argv, *(files.get(o, o) for o in options)])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert err.startswith(f"workbench: Invalid input: {refusal}")
    assert err.count("\n") == 1
    assert "params." not in err
    assert "extra" not in err


def test_v1_refuses_an_earlier_turns_image_naming_the_history_file(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """It named the request's field (`history[1].images`), not the file the person gave."""
    url = "data:image/png;base64," + base64.b64encode(png()).decode()
    looked = [{"type": "text", "text": "Look"}, {"type": "image_url", "image_url": {"url": url}}]
    turns = [
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": "Hi."},
        {"role": "user", "content": looked},
        {"role": "assistant", "content": "A square."},
    ]
    history = tmp_path / "earlier.json"
    history.write_text(json.dumps(turns), encoding="utf-8")
    argv = ["chat", "--url", sandbox.base_url, "--flavour", "cohere-v1", "--model", "m"]
    status = main([*argv, "--message", "Why?", "--history", str(history)])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert err == ("workbench: earlier.json: Cohere v1 cannot carry images (use Cohere v2)\n")


def test_a_cautioned_option_is_named_as_typed_and_the_server_decides(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    # Cohere's documents give newer models CONTEXTUAL and STRICT only, unverified on Azure.
    argv = ["chat", "--url", sandbox.base_url, "--message", "Why?"]
    status = main([*argv, "--model", "command-r7b-12-2024", "--param", "safety_mode=OFF"])
    out, err = capsys.readouterr()
    assert (status, out) == (EXIT_SERVER, "")  # the sandbox refuses it, as Cohere's API does
    assert err.startswith(
        "workbench: warning: --param safety_mode: Cohere's documents give Command R7B "
        "safety_mode CONTEXTUAL, STRICT only (not checked on Azure); it is sent anyway, for the "
        "server to decide\n"
    )
    assert "params." not in err

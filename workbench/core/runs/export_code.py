"""A stored run as code to run again: curl, Python httpx, the Cohere SDK, the OpenAI SDK.

Every snippet reads the key from an environment variable (never from the record, which has none).
"""

from __future__ import annotations

import json
import pprint
import re
import shlex
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from workbench.api import Flavour, flavour_traits
from workbench.api.errors import InputError
from workbench.api.redact import is_secret_header
from workbench.api.text import Text
from workbench.core.runs.sdk_arguments import (
    COHERE_RERANK,
    COHERE_V1_CHAT,
    COHERE_V2_CHAT,
    OPENAI_CHAT,
)

if TYPE_CHECKING:
    from workbench.core.runs.store import RunRecord

KEY_ENV = "WORKBENCH_API_KEY"
# What POSIX shells, Windows and os.environ all take: anything else is pasted into a shell.
_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_AUTH_HEADERS = ("authorization", "api-key", "x-api-key")
# Headers httpx adds by itself or that name the workbench: a snippet leaves them to its own client.
_LEFT_OUT = {
    "host",
    "content-length",
    "user-agent",
    "accept-encoding",
    "connection",
    "x-client-name",
}


def _sdk_arguments(
    body: dict[str, Any], known: frozenset[str], extra_argument: str
) -> tuple[list[str], str]:
    """Lines making `request` (the body's fields the SDK call takes as arguments) and, when
    fields are left, `extra` (sent as the run sent them, in the call's `extra_argument`); and
    the call's arguments."""
    request = {k: v for k, v in body.items() if k in known}
    rest = {k: v for k, v in body.items() if k not in known}
    lines = [f"request = {pprint.pformat(request, sort_dicts=False)}"]
    if not rest:
        return lines, "**request"
    lines.append(f"extra = {pprint.pformat(rest, sort_dicts=False)}")
    return lines, f"**request, {extra_argument}"


def _auth(record: RunRecord) -> tuple[str, str] | None:
    """The auth header name and its value template (`{key}` stands for the key)."""
    for name in record.request_headers:
        if name.lower() == "authorization":
            return "Authorization", "Bearer {key}"
        if name.lower() in _AUTH_HEADERS:
            return name, "{key}"
    return None


def _sent(record: RunRecord) -> dict[str, str]:
    """The headers a snippet sends itself, besides the key's (another header of a key's name,
    such as an `X-Api-Key` a gateway wants beside `Authorization`, is sent too)."""
    auth = _auth(record)
    key_header = auth[0].lower() if auth is not None else None
    return {
        name: value
        for name, value in record.request_headers.items()
        if name.lower() not in _LEFT_OUT and name.lower() != key_header
    }


def _headers(record: RunRecord) -> dict[str, str]:
    """The headers a snippet writes out as they were sent."""
    return {n: v for n, v in _sent(record).items() if not is_secret_header(n)}


def _variable(header: str) -> str:
    """The environment variable a secret header's value is read from, named after it."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", header).upper()
    return name if _VARIABLE_NAME.fullmatch(name) else f"_{name}"


def _secrets(record: RunRecord) -> dict[str, str]:
    """Secret headers (stored masked) and the variable each one's value is read from."""
    return {n: _variable(n) for n in _sent(record) if is_secret_header(n)}


def _needs(record: RunRecord, key_env: str) -> str:
    """The comment line that names the variables a snippet reads."""
    names = ([key_env] if _auth(record) is not None else []) + list(_secrets(record).values())
    return f"# Reads the environment variables {', '.join(names)}\n" if names else ""


def _body(record: RunRecord) -> dict[str, Any]:
    try:
        body = json.loads(record.request_body)
    except ValueError:
        raise InputError(
            Text("the stored request body is not JSON"), where="request_body"
        ) from None
    if not isinstance(body, dict):
        raise InputError(Text("the stored request body is not a JSON object"), where="request_body")
    return body


def to_curl(record: RunRecord, key_env: str = KEY_ENV) -> str:
    """A curl command (POSIX shell) that sends the same request."""
    lines = [
        f"curl -sS{'N' if _body(record).get('stream') else ''} -X {record.method} {shlex.quote(record.url)}"
    ]
    auth = _auth(record)
    # The key stays a shell variable, written so no header-value pattern reads it as a secret
    # (the redactor every printed line passes would otherwise mask the variable's name).
    if auth is not None and auth[1].startswith("Bearer"):
        lines.append(f'--oauth2-bearer "${{{key_env}}}"')
    elif auth is not None:
        lines.append(f"-H '{auth[0]}: '\"${{{key_env}}}\"")
    lines += [f"-H {shlex.quote(f'{n}: {v}')}" for n, v in _headers(record).items()]
    lines += [f'-H {shlex.quote(f"{n}: ")}"${{{v}}}"' for n, v in _secrets(record).items()]
    lines.append("--data-binary @- <<'JSON'")
    body = json.dumps(_body(record), ensure_ascii=False, indent=2)
    return _needs(record, key_env) + " \\\n  ".join(lines) + f"\n{body}\nJSON\n"


def _py_headers(record: RunRecord, key_env: str, *, sdk: bool = False) -> list[str]:
    """Lines that build `headers`; for an SDK (`sdk`), without the Bearer header it sends."""
    lines = [f"headers = {pprint.pformat(_headers(record), sort_dicts=False)}"]
    auth = _auth(record)
    if auth is not None and not (sdk and _bearer(record)):
        prefix = '"Bearer " + ' if auth[1].startswith("Bearer") else ""
        lines.append(f"headers[{auth[0]!r}] = {prefix}os.environ[{key_env!r}]")
    lines += [f"headers[{n!r}] = os.environ[{v!r}]" for n, v in _secrets(record).items()]
    return lines


def _bearer(record: RunRecord) -> bool:
    """Whether the run sent its key as a Bearer token, the one way the SDKs send it."""
    auth = _auth(record)
    return auth is None or auth[1].startswith("Bearer")


# An SDK always sends its key as a Bearer token: where the run sent it in another header, the
# snippet's HTTP client drops that one before each request goes out.
_DROP_BEARER = [
    "",
    "",
    "def drop_bearer(request: httpx.Request) -> None:",
    "    # The SDK sends the key as a Bearer token too; this endpoint reads it from `headers`.",
    '    del request.headers["Authorization"]',
    "",
]


def _sdk_setup(record: RunRecord, key_env: str) -> tuple[list[str], str]:
    """Lines before an SDK client is made (they build `headers`; none when the SDK's own are
    what the run sent), and the `event_hooks=` argument its HTTP client needs ("" for none)."""
    if _bearer(record) and not _sent(record):
        return [], ""
    lines = ["import httpx", "", *_py_headers(record, key_env, sdk=True)]
    if _bearer(record):
        return lines, ""
    return lines + _DROP_BEARER, 'event_hooks={"request": [drop_bearer]}'


def to_httpx(record: RunRecord, key_env: str = KEY_ENV) -> str:
    """A Python script with httpx that sends the same request and prints the answer."""
    body = _body(record)
    lines = [_needs(record, key_env) + "import json", "import os", "", "import httpx", ""]
    lines.append(f"url = {record.url!r}")
    lines += _py_headers(record, key_env)
    lines.append(f"body = {pprint.pformat(body, sort_dicts=False)}")
    if body.get("stream"):
        lines += [
            'with httpx.stream("POST", url, headers=headers, json=body, timeout=120) as response:',
            "    response.raise_for_status()",
            "    for line in response.iter_lines():",
            "        print(line)",
        ]
    else:
        lines += [
            "response = httpx.post(url, headers=headers, json=body, timeout=120)",
            "response.raise_for_status()",
            "print(json.dumps(response.json(), indent=2, ensure_ascii=False))",
        ]
    return "\n".join(lines) + "\n"


def _route(record: RunRecord) -> str:
    """The run's route under the base URL, as its flavour's traits name it."""
    return flavour_traits(Flavour(record.flavour)).routes.path(record.kind) or ""


def _base(record: RunRecord, route_tail: str) -> tuple[str, dict[str, str]]:
    """The URL without its route tail, and its query parameters (api-version)."""
    parts = urlsplit(record.url)
    path = parts.path
    if path.endswith(route_tail):
        path = path[: -len(route_tail)]
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", "")), query


def to_cohere(record: RunRecord, key_env: str = KEY_ENV) -> str:
    """A Python script with the Cohere SDK (Client for v1, ClientV2 for v2)."""
    route = _route(record)
    if not route.startswith(("/v1/", "/v2/")):
        raise InputError(Text("the Cohere SDK speaks Cohere's /v1 and /v2 routes"), where="--as")
    v2 = route.startswith("/v2/")
    base, _ = _base(record, route)
    body = _body(record)
    stream = bool(body.pop("stream", False))
    client = "ClientV2" if v2 else "Client"
    setup, hooks = _sdk_setup(record, key_env)
    lines = [_needs(record, key_env) + "import os", "", "import cohere", *setup, ""]
    http = ", ".join(["headers=headers", hooks] if hooks else ["headers=headers"])
    extra = f", httpx_client=httpx.Client({http})" if setup else ""
    lines.append(f"co = cohere.{client}(api_key=os.environ[{key_env!r}], base_url={base!r}{extra})")
    known = COHERE_RERANK if record.kind == "rerank" else COHERE_V2_CHAT if v2 else COHERE_V1_CHAT
    made, arguments = _sdk_arguments(
        body, known, 'request_options={"additional_body_parameters": extra}'
    )
    lines += [*made, *_cohere_call(record.kind, v2, stream, arguments)]
    return "\n".join(lines) + "\n"


def _cohere_call(kind: str, v2: bool, stream: bool, arguments: str) -> list[str]:
    if kind == "rerank":
        return [
            f"response = co.rerank({arguments})",
            "for result in response.results:",
            "    print(result.index, result.relevance_score)",
        ]
    if stream:
        kind = 'event.type == "content-delta"' if v2 else 'event.event_type == "text-generation"'
        text = "event.delta.message.content.text" if v2 else "event.text"
        return [
            f"for event in co.chat_stream({arguments}):",
            f"    if {kind}:",
            f'        print({text}, end="", flush=True)',
            "print()",
        ]
    text = "response.message.content[0].text" if v2 else "response.text"
    return [f"response = co.chat({arguments})", f"print({text})"]


def to_openai(record: RunRecord, key_env: str = KEY_ENV) -> str:
    """A Python script with the OpenAI SDK for the compatible `/chat/completions` route."""
    route = _route(record)
    if record.kind != "chat" or route.startswith(("/v1/", "/v2/")):
        raise InputError(Text("the OpenAI SDK speaks the /chat/completions route"), where="--as")
    base, query = _base(record, route)
    body = _body(record)
    stream = bool(body.get("stream"))
    setup, hooks = _sdk_setup(record, key_env)
    # A serverless deployment takes a request without a model, which the SDK insists on: its
    # NOT_GIVEN leaves the field out, as the run did.
    names = "NOT_GIVEN, OpenAI" if "model" not in body else "OpenAI"
    lines = [_needs(record, key_env) + "import os", "", f"from openai import {names}", *setup, ""]
    extra = f", default_query={query!r}" if query else ""
    extra += ", default_headers=headers" if setup else ""
    extra += f", http_client=httpx.Client({hooks})" if hooks else ""
    lines.append(f"client = OpenAI(base_url={base!r}, api_key=os.environ[{key_env!r}]{extra})")
    made, arguments = _sdk_arguments(body, OPENAI_CHAT, "extra_body=extra")
    lines += made
    if "model" not in body:
        arguments = f"model=NOT_GIVEN, {arguments}"
    if stream:
        lines += [
            f"for chunk in client.chat.completions.create({arguments}):",
            "    if chunk.choices and chunk.choices[0].delta.content:",
            '        print(chunk.choices[0].delta.content, end="", flush=True)',
            "print()",
        ]
    else:
        lines += [
            f"response = client.chat.completions.create({arguments})",
            "print(response.choices[0].message.content)",
        ]
    return "\n".join(lines) + "\n"


def export_code(record: RunRecord, fmt: str, key_env: str = KEY_ENV) -> str:
    """The run as code in one of FORMATS.

    Raises:
        InputError: an unknown format, one that does not speak the run's flavour, or a
            `key_env` that is not an environment variable name.
    """
    if fmt not in _MAKERS:
        raise InputError(f"choose one of {', '.join(FORMATS)}", where="--as")
    if not _VARIABLE_NAME.fullmatch(key_env):
        raise InputError(
            f"{key_env!r} is not an environment variable name "
            "(letters, digits and _, not starting with a digit)",
            where="--key-env",
        )
    return _MAKERS[fmt](record, key_env)


# Named after their functions (to_curl → "curl"): curl, httpx, cohere, and the OpenAI SDK.
_MAKERS = {f.__name__.removeprefix("to_"): f for f in (to_curl, to_httpx, to_cohere, to_openai)}
FORMATS = tuple(_MAKERS)
"""The formats `export_code` writes, as `--as` and the History pane offer them."""

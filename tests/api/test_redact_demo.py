"""The redactor's demo layer: registered hosts are masked while demo mode is on, and only then."""

from __future__ import annotations

import io

from workbench.api.redact import redact_text, redact_value
from workbench.api.redact_hosts import (
    MASKED_HOST,
    demo_mode,
    mask_hosts,
    register_host,
    set_demo_mode,
)
from workbench.api.redact_stream import RedactingWriter

AZURE = "https://My-Deploy.swedencentral.models.ai.azure.com"


def test_hosts_pass_unchanged_outside_demo_mode() -> None:
    register_host(AZURE)
    text = f"POST {AZURE}/v2/rerank"
    assert not demo_mode()
    assert redact_text(text) == text


def test_demo_mode_masks_host_with_and_without_port_in_any_case() -> None:
    register_host("http://127.0.0.1:8765/v2/chat")
    register_host(AZURE)
    set_demo_mode(True)
    text = (
        "http://127.0.0.1:8765/v2/chat failed; 127.0.0.1 refused; "
        "my-deploy.SWEDENCENTRAL.models.ai.azure.com said 401"
    )
    masked = redact_text(text)
    assert "127.0.0.1" not in masked
    assert "swedencentral" not in masked.lower()
    assert masked.startswith(f"http://{MASKED_HOST}/v2/chat failed")


def test_switching_demo_mode_off_shows_hosts_again() -> None:
    register_host(AZURE)
    set_demo_mode(True)
    set_demo_mode(False)
    assert "my-deploy" in redact_text(AZURE.lower())


def test_url_credentials_and_short_hosts_are_not_registered_as_hosts() -> None:
    register_host("http://user:hunter2-password@proxy.corp.example:3128")
    register_host("a.b")
    set_demo_mode(True)
    masked = redact_text("via proxy.corp.example:3128 as user; a.b stays")
    assert masked == f"via {MASKED_HOST} as user; a.b stays"


def test_malformed_urls_register_what_can_be_told() -> None:
    register_host("http://[::1")  # a broken IPv6 literal
    register_host("http://host.example:99999")  # a port out of range
    register_host(None)
    set_demo_mode(True)
    assert MASKED_HOST in redact_text("host.example:99999 is down")


def test_mask_hosts_works_without_demo_mode_and_values_are_masked_in_demo_mode() -> None:
    register_host(AZURE)
    assert mask_hosts(f"{AZURE}/v1") == f"https://{MASKED_HOST}/v1"
    set_demo_mode(True)
    value = redact_value({"url": f"{AZURE}/v1", "n": [AZURE, 3]})
    assert value == {"url": f"https://{MASKED_HOST}/v1", "n": [f"https://{MASKED_HOST}", 3]}


def test_redacting_writer_masks_hosts_in_demo_mode() -> None:
    register_host(AZURE)
    set_demo_mode(True)
    out = io.StringIO()
    writer = RedactingWriter(out)
    writer.write(f"calling {AZURE}/v2/chat\n")
    writer.close_pending()
    assert "azure" not in out.getvalue().lower()

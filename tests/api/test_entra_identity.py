"""The azure-identity path, against a stand-in for the package (the identity service is the one
edge the tests may replace): the credential used is named, its errors are explained."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from workbench.api import entra_identity
from workbench.api.entra import EntraSpec, EntraTokenProvider, azure_identity_installed
from workbench.api.errors import SignInError
from workbench.api.redact import REDACTED, redact_text

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

STAND_IN = """
import os
from collections import namedtuple

AccessToken = namedtuple("AccessToken", "token expires_on")


class AzureCliCredential:
    pass


class DefaultAzureCredential:
    def get_token(self, *scopes):
        if os.environ.get("STAND_IN_FAIL"):
            raise RuntimeError(os.environ["STAND_IN_FAIL"])
        self._successful_credential = AzureCliCredential()
        return AccessToken("identity-token-" + scopes[0][-8:], 4_000_000_000)
"""


@pytest.fixture
def stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    package = tmp_path / "site" / "azure" / "identity"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(STAND_IN), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    entra_identity._CREDENTIALS.clear()
    yield
    entra_identity._CREDENTIALS.clear()
    for name in [n for n in sys.modules if n == "azure" or n.startswith("azure.")]:
        del sys.modules[name]


@pytest.mark.usefixtures("stand_in")
def test_default_credential_names_the_credential_that_answered() -> None:
    assert azure_identity_installed()
    token = asyncio.run(EntraTokenProvider(EntraSpec()).token())
    assert token.credential == "DefaultAzureCredential: AzureCliCredential"
    assert token.value.startswith("identity-token-")
    assert redact_text(token.value) == REDACTED
    assert "Signed in with DefaultAzureCredential: AzureCliCredential" in str(token.describe())


@pytest.mark.usefixtures("stand_in")
def test_default_credential_failure_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "STAND_IN_FAIL",
        "DefaultAzureCredential failed to retrieve a token from the included credentials.",
    )
    with pytest.raises(SignInError) as caught:
        asyncio.run(EntraTokenProvider(EntraSpec()).token())
    assert caught.value.reason == "not-signed-in"
    assert caught.value.where == "DefaultAzureCredential"

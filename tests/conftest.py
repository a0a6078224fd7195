"""Fixtures for every test: offscreen Qt, a private config folder and keyring namespace, the sandbox."""

from __future__ import annotations

import gc
import os
import secrets
import shlex
import sys
from typing import TYPE_CHECKING

import pytest

from tests.waits import WAIT_S
from workbench.api.entra import forget_tokens
from workbench.api.redact import forget_secrets
from workbench.api.redact_hosts import forget_hosts
from workbench.sandbox.runner import RunningSandbox, SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.harness", "tests.processes", "pytester"]

SANDBOX_TEST_KEY = "sandbox-test-key-" + secrets.token_hex(8)
"""A throwaway key made per test run; the sandbox accepts only this one."""
HEX_KEY_WITH_DIGITS = "9f3c" + "20481377" + "b6e1d0aa5c7e4f19d2a8"
"""A made-up hex key, as Azure issues them, holding a run of 8 digits (20481377): masked as text,
a number with those digits in saved JSON became `[redacted]` and no longer parsed."""


@pytest.fixture(autouse=True, scope="module")
def _garbage_collected_between_files() -> Iterator[None]:
    """A test file's garbage is collected when the file is done, on the main thread.

    Left for later, the collector ran wherever memory next ran short, often on the sandbox's
    thread during the next file, and Qt objects a UI test left in a cycle were destroyed there:
    "Timers cannot be stopped from another thread" then failed a test that has no widget at all.
    """
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point settings, history and logs at a temporary folder so no test touches a real profile."""
    config = tmp_path / "config"
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(config))
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    return config


@pytest.fixture(autouse=True)
def _private_keyring_service(monkeypatch: pytest.MonkeyPatch) -> str:
    """A keyring service name unique to each test, so tests never see a person's stored keys."""
    service = "cohere-workbench-test-" + secrets.token_hex(6)
    monkeypatch.setenv("WORKBENCH_KEYRING_SERVICE", service)
    return service


@pytest.fixture(scope="session")
def sandbox() -> Iterator[RunningSandbox]:
    """The local sandbox on a free loopback port, shared by the whole run (no pacing, no quota)."""
    config = SandboxConfig(key=SANDBOX_TEST_KEY, seed=7, rpm=1_000_000, tpm=1_000_000_000)
    with start_sandbox(config, timeout_s=WAIT_S) as running:
        yield running


ENTRA_TEST_SECRET = "entra-test-secret-" + secrets.token_hex(8)
"""The secret the Entra-mode sandbox signs and checks its tokens with, made per test run."""


@pytest.fixture(autouse=True)
def _no_tokens_between_tests() -> Iterator[None]:
    """Entra tokens live in process memory: no test sees another's."""
    forget_tokens()
    yield
    forget_tokens()


@pytest.fixture(autouse=True)
def _no_secrets_between_tests() -> Iterator[None]:
    """Registered secrets live in process memory: each test starts with none. A secret left by
    another test masks its 8-character windows wherever they appear, digits of a number in a
    JSON file included (a fake token made of the time once broke a later test's history file)."""
    forget_secrets()
    yield
    forget_secrets()


@pytest.fixture(autouse=True)
def _no_demo_mode_between_tests() -> Iterator[None]:
    """Demo mode and the hosts it masks live in process memory: each test starts with neither."""
    forget_hosts()
    yield
    forget_hosts()


@pytest.fixture(scope="session")
def entra_sandbox() -> Iterator[RunningSandbox]:
    """A second sandbox with keys off that accepts only Entra-style tokens (expiry checked)."""
    config = SandboxConfig(entra_secret=ENTRA_TEST_SECRET, seed=7, rpm=1_000_000, tpm=1_000_000_000)
    with start_sandbox(config, timeout_s=WAIT_S) as running:
        yield running


@pytest.fixture
def token_command(tmp_path: Path) -> Callable[..., str]:
    """`token_command(*options)`: a command printing an Entra-mode sandbox token (the stand-in
    for Microsoft Entra ID); options as `python -m workbench.sandbox.entra_tokens --help` lists,
    and calls are counted in `tmp_path / "token-calls"`."""

    def make(*options: str) -> str:
        argv = [sys.executable, "-m", "workbench.sandbox.entra_tokens"]
        argv += ["--secret", ENTRA_TEST_SECRET, "--state", str(tmp_path / "token-calls"), *options]
        return shlex.join(argv)

    return make


def token_calls(tmp_path: Path) -> int:
    """How many times the `token_command` fixture's command ran in this test."""
    state = tmp_path / "token-calls"
    return state.read_text().count("\n") if state.exists() else 0

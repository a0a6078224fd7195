"""Fixtures for every test: offscreen Qt, a private config folder and keyring namespace, the sandbox."""

from __future__ import annotations

import os
import secrets
from typing import TYPE_CHECKING

import pytest

from workbench.sandbox.runner import RunningSandbox, SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.harness", "pytester"]

SANDBOX_TEST_KEY = "sandbox-test-key-" + secrets.token_hex(8)
"""A throwaway key made per test run; the sandbox accepts only this one."""


@pytest.fixture(autouse=True)
def _private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point settings, history and logs at a temporary folder so no test touches a real profile."""
    config = tmp_path / "config"
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(config))
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
    with start_sandbox(config) as running:
        yield running

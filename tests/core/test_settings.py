"""SettingsStore: round trip, atomic save, clear errors for broken files, recovery."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.folders import unmakeable
from workbench.api.models import AuthScheme, Flavour
from workbench.core.endpoints import EndpointConfig, Prices
from workbench.core.errors import SettingsError
from workbench.core.settings import Settings, SettingsStore, WindowState, config_dir

if TYPE_CHECKING:
    from pathlib import Path


def _endpoint() -> EndpointConfig:
    return EndpointConfig(
        name="Azure rerank (Sweden) ✓",
        base_url="https://rerank-x.swedencentral.models.ai.azure.com",
        flavour=Flavour.COHERE_V1,
        model="rerank-v3.5",
        auth=AuthScheme.API_KEY,
        api_version="2024-05-01-preview",
        extra_parameters="pass-through",
        proxy="http://proxy.example:3128",
        timeout_s=45,
        prices=Prices(input_per_million=1, output_per_million=2, per_thousand_search_units=2),
    )


def test_config_dir_honours_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert config_dir() == tmp_path / "elsewhere"


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s" / "settings.json")
    endpoint = _endpoint().model_copy(update={"name": "¿Dónde está la estación? 🚉"})
    store.save(
        Settings(
            endpoints=[endpoint],
            current_endpoint_id=endpoint.id,
            rerank_endpoint_id=endpoint.id,
            chat_endpoint_id=endpoint.id,
            first_run_done=True,
            window=WindowState(geometry="AAAA", last_pane="chat"),
        )
    )
    loaded = SettingsStore(store.path).load()
    assert loaded == store.settings
    assert loaded.endpoints == [endpoint]
    assert loaded.current_endpoint_id == endpoint.id
    assert loaded.window.last_pane == "chat"
    assert loaded.endpoints[0].name == "¿Dónde está la estación? 🚉"


def test_a_file_from_an_older_version_with_pane_state_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "panes": {"rerank": {"query": "q"}}, "first_run_done": true}')
    assert SettingsStore(path).load().first_run_done


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path / "none.json").load()
    assert settings.endpoints == []
    assert settings.current_endpoint_id is None


def test_save_leaves_no_temporary_files_and_is_private(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.update(first_run_done=True)
    store.update(current_endpoint_id=None)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert (store.path.stat().st_mode & 0o777) == 0o600


def test_held_saves_are_written_once_released(tmp_path: Path) -> None:
    # The GUI's start holds the first run's write until its window is shown (issue 15).
    store = SettingsStore(tmp_path / "settings.json")
    endpoint = _endpoint()
    store.hold_saves()
    store.update(first_run_done=True)
    store.update(endpoints=[endpoint])
    assert list(tmp_path.iterdir()) == []
    assert store.settings.first_run_done  # changes are kept, only unwritten
    store.release_saves()
    loaded = SettingsStore(store.path).load()
    assert loaded == store.settings
    assert loaded.first_run_done
    assert loaded.endpoints == [endpoint]
    store.update(first_run_done=False)  # released: every save writes again
    assert not SettingsStore(store.path).load().first_run_done


def test_releasing_saves_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.hold_saves()
    store.release_saves()
    assert list(tmp_path.iterdir()) == []


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{\n  "endpoints": [,]\n}', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        SettingsStore(path).load()
    assert caught.value.where == "line 2, column 17"


def test_invalid_settings_name_the_field(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"endpoints": [{"name": "x", "base_url": ""}]}), encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        SettingsStore(path).load()
    assert caught.value.where == "endpoints.0.base_url"


def test_recovery_moves_the_broken_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("not json", encoding="utf-8")
    settings, error = SettingsStore(path).load_or_recover()
    assert settings == Settings()
    assert error is not None
    assert (tmp_path / "settings.broken.json").read_text(encoding="utf-8") == "not json"


def test_recovery_from_a_file_that_cannot_be_read_moves_nothing(tmp_path: Path) -> None:
    store = SettingsStore(unmakeable(tmp_path, "config") / "settings.json")  # unreadable
    settings, error = store.load_or_recover()
    assert settings == Settings()
    assert error is not None
    assert store.broken_copy is None  # nothing was kept aside, so nothing may say it was


def test_recovery_names_the_copy_it_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("not json", encoding="utf-8")
    store = SettingsStore(path)
    store.load_or_recover()
    assert store.broken_copy == tmp_path / "settings.broken.json"


def test_reading_for_defaults_leaves_a_broken_file_where_it_is(tmp_path: Path) -> None:
    """The command line reads settings too; it must not move the GUI's file aside unsaid."""
    path = tmp_path / "settings.json"
    path.write_text("not json", encoding="utf-8")
    settings, error = SettingsStore(path).load_or_default()
    assert settings == Settings()
    assert error is not None
    assert path.read_text(encoding="utf-8") == "not json"
    assert not (tmp_path / "settings.broken.json").exists()

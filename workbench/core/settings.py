"""Settings model and its JSON file store: endpoints, window state, pane state; never a key."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from workbench.api.jsontext import reason as json_reason
from workbench.api.text import Text
from workbench.api.urls import has_user_info, without_user_info
from workbench.core.atomic import write_atomically
from workbench.core.endpoint_refusals import refusal
from workbench.core.endpoints import EndpointConfig, no_items
from workbench.core.errors import SettingsError

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic_core import ErrorDetails

APP_NAME = "cohere-workbench"
SETTINGS_FILE = "settings.json"


def config_dir() -> Path:
    """The folder for settings, history and logs.

    Returns:
        `$WORKBENCH_CONFIG_DIR` when set, else the platform's user config folder for the app.
    """
    override = os.environ.get("WORKBENCH_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class WindowState(BaseModel):
    """Where the main window was and which pane was showing."""

    model_config = ConfigDict(extra="ignore")

    geometry: str = ""
    """Qt's saveGeometry() bytes, base64 encoded (opaque to the core)."""
    last_pane: str = ""
    """Which pane was showing at exit, by its key in the pane registry ("rerank", "chat", …)."""
    splitters: dict[str, str] = Field(default_factory=dict)
    """Each remembered splitter's saveState() bytes, base64 encoded, by the splitter's name."""
    collapsed: list[str] = Field(default_factory=no_items)
    """Panels the person folded away, by name ("chatSidePanel", "rerankRequestBody")."""


class Settings(BaseModel):
    """Everything the workbench remembers between runs, except keys (those live in the keyring)."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    endpoints: list[EndpointConfig] = Field(default_factory=no_items)
    current_endpoint_id: str | None = None
    """The endpoint selected in the Endpoints pane (the one being edited)."""
    rerank_endpoint_id: str | None = None
    """The endpoint the Rerank pane sends to."""
    chat_endpoint_id: str | None = None
    """The endpoint the Chat pane sends to."""
    first_run_done: bool = False
    """Set once the local sandbox endpoint has been created, so deleting it sticks."""
    keep_history: bool = True
    """False: no rerank run or chat turn is recorded in the run history."""
    demo_mode: bool = False
    """Demo mode (hosts and keys masked, larger fonts, connection details hidden) at start."""
    language: str = "system"
    """The GUI's language: "system" (follow the locale), "en" or "it" (View > Language)."""
    theme: str = "system"
    """The GUI's colours: "system" (follow the platform's scheme), "light" or "dark" (View > Theme)."""
    window: WindowState = Field(default_factory=WindowState)

    def endpoint(self, endpoint_id: str | None) -> EndpointConfig | None:
        """Return the endpoint with this id, or None."""
        return next((e for e in self.endpoints if e.id == endpoint_id), None)


class SettingsStore:
    """Loads and atomically saves `Settings` as JSON at one path; keeps the current copy."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._settings: Settings | None = None
        self._held = False
        self._unsaved = False
        self.on_save_failed: Callable[[OSError], None] | None = None
        """Told once when saves start failing (a full disk, a folder that cannot be written):
        the settings stay in memory and every later save tries again. Without a listener (the
        command line), the failure is raised."""
        self._failing = False
        self.broken_copy: Path | None = None
        """Where `load_or_recover` kept a broken file (None: it kept none)."""

    @classmethod
    def default(cls) -> SettingsStore:
        """A store at `config_dir()/settings.json`."""
        return cls(config_dir() / SETTINGS_FILE)

    @property
    def settings(self) -> Settings:
        """The current settings (loaded on first use; defaults when there is no file)."""
        if self._settings is None:
            self._settings = self.load()
        return self._settings

    def load(self) -> Settings:
        """Read the file; a missing file gives defaults.

        Returns:
            The settings read.

        Raises:
            SettingsError: the file is not valid JSON or not valid settings (`.where` says where).
        """
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self._settings = Settings()
            return self._settings
        except OSError as exc:
            # the OS's own reason stays as it came
            detail = Text("Cannot read %1: %2.", self.path.name, str(exc.strerror))
            raise SettingsError(detail) from exc
        self._settings = _parse(text)
        return self._settings

    def load_or_recover(self) -> tuple[Settings, SettingsError | None]:
        """Load; if the file is broken, move it aside (nothing is lost) and start from defaults.

        `broken_copy` names where it went (None when nothing was moved: a file that could not
        be read at all stays where it is).
        """
        settings, error = self.load_or_default()
        if error is not None and self.path.is_file():
            copy = self.path.with_suffix(".broken.json")
            try:
                self.path.replace(copy)
            except OSError:
                return settings, error  # stays where it is; defaults all the same
            self.broken_copy = copy
        return settings, error

    def load_or_default(self) -> tuple[Settings, SettingsError | None]:
        """Load; a broken or unreadable file gives defaults and is left as it is (readers that
        are not the GUI, such as the command line, must not move the GUI's file unsaid)."""
        try:
            return self.load(), None
        except SettingsError as exc:
            self._settings = Settings()
            return self._settings, exc

    def hold_saves(self) -> None:
        """Keep changes in memory, unwritten, until `release_saves` (the GUI's start holds the
        first run's write until its window is shown: an fsync is 2-20 ms of disk, issue 15)."""
        self._held = True

    def release_saves(self) -> None:
        """Write what changed while saves were held, if anything did; later saves write again."""
        self._held = False
        if self._unsaved:
            self.save()

    def save(self, settings: Settings | None = None) -> None:
        """Write atomically: a temporary file in the same folder, flushed, then renamed over."""
        if settings is not None:
            self._settings = settings
        if self._held:
            self._unsaved = True
            return
        try:
            self._write(self.settings.model_dump_json(indent=2))
        except OSError as exc:
            self._unsaved = True
            if self.on_save_failed is None:
                raise
            if not self._failing:  # said once, not at every splitter move
                self._failing = True
                self.on_save_failed(exc)
            return
        self._unsaved = self._failing = False

    def _write(self, data: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, [data], prefix=".settings-", sync=True, mode=0o600)

    def update(self, **changes: Any) -> Settings:
        """Replace some top-level fields, save, and return the new settings."""
        self._settings = self.settings.model_copy(update=changes)
        self.save()
        return self._settings


def _parse(text: str) -> Settings:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsError(
            Text("The settings file is not valid JSON: %1", json_reason(exc)),
            where=f"line {exc.lineno}, column {exc.colno}",
        ) from exc
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        detail = Text("The settings file is not valid: %1", _refusal(first))
        raise SettingsError(detail, where=where) from exc


def _refusal(error: ErrorDetails) -> Text | str:
    """Why pydantic refused a value, as an endpoints import says it: a saved endpoint's field
    named as the Endpoints form labels it, in the GUI's language; pydantic's own line for an
    error type the endpoints' words do not cover."""
    loc = error["loc"]
    if len(loc) > 2 and loc[0] == "endpoints" and isinstance(loc[1], int):
        error = {**error, "loc": loc[2:]}  # the field of one endpoint, as an import's
    return refusal(error)


def forget_url_user_info(store: SettingsStore) -> list[str]:
    """Take the user names and passwords out of saved endpoint URLs; returns those endpoints'
    names (none: nothing changed, nothing written).

    Older versions saved `https://user:pass@host` as it was typed, so the password sat in the
    plain settings file. Such a URL is refused whenever it is used, so taking it out loses
    nothing that worked.
    """
    endpoints = store.settings.endpoints
    if not any(has_user_info(e.base_url) for e in endpoints):
        return []
    store.update(
        endpoints=[
            e.model_copy(update={"base_url": without_user_info(e.base_url)})
            if has_user_info(e.base_url)
            else e
            for e in endpoints
        ]
    )
    return [e.name for e in endpoints if has_user_info(e.base_url)]

"""The only code that knows where `resources/` landed: in the wheel, or the repo (editable install)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtGui import QIcon

_PACKAGED = Path(__file__).resolve().parent.parent / "resources"
"""Where pyproject's force-include puts `resources/` in a wheel: `workbench/resources`."""
_REPO = Path(__file__).resolve().parent.parent.parent / "resources"
"""The repo's top-level `resources/`, used by an editable install or a source checkout."""


@cache
def root() -> Path:
    """The resources folder.

    Raises:
        FileNotFoundError: neither the packaged nor the source location exists (broken install).
    """
    for candidate in (_PACKAGED, _REPO):
        if (candidate / "samples").is_dir():
            return candidate
    raise FileNotFoundError(f"resources not found at {_PACKAGED} or {_REPO}")


def path(*parts: str) -> Path:
    """A path inside resources, e.g. `path("samples", "tools_v1.json")`."""
    return root().joinpath(*parts)


def text(*parts: str) -> str:
    """A resource file's text (UTF-8)."""
    return path(*parts).read_text(encoding="utf-8")


def sample(name: str) -> Any:
    """A parsed JSON sample from `resources/samples/`, e.g. `sample("rerank_objects.json")`."""
    return json.loads(text("samples", name))


def sample_names() -> list[str]:
    """The JSON samples shipped, sorted."""
    return sorted(p.name for p in path("samples").glob("*.json"))


def stylesheet(dark: bool) -> str:
    """The application style sheet for the light or dark scheme."""
    sheet = text("styles", "common.qss")
    if dark:
        sheet += "\n" + text("styles", "dark.qss")
    return sheet


def app_icon() -> QIcon:
    """The application icon (SVG, crisp at every DPI)."""
    return QIcon(str(path("icons", "workbench.svg")))


def pin_icon() -> QIcon:
    """A pinned run's mark (an icon: the pushpin emoji is a blank box where no font has it)."""
    return QIcon(str(path("icons", "pin.svg")))

"""Hatch build hook: compile resources/i18n/*.ts into .qm files inside the wheel (issue 18).

An editable install needs none: the program compiles a checkout's `.ts` files on demand (see
workbench/ui/i18n.py). A wheel carries the compiled files at `workbench/resources/i18n/`.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles each `.ts` with PySide6's lrelease and force-includes the `.qm` in the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the translations into a scratch folder the wheel takes them from."""
        if self.target_name != "wheel" or version == "editable":
            return
        linguist = _load_linguist(Path(self.root))
        self._scratch = tempfile.TemporaryDirectory()
        for source in sorted((Path(self.root) / "resources" / "i18n").glob("*.ts")):
            target = linguist.compile_ts(source, Path(self._scratch.name) / f"{source.stem}.qm")
            build_data["force_include"][str(target)] = f"workbench/resources/i18n/{target.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Drop the scratch folder once the wheel is written."""
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            scratch.cleanup()


def _load_linguist(root: Path) -> Any:
    # By path: importing the workbench package would need its dependencies in the build env.
    spec = importlib.util.spec_from_file_location("_linguist", root / "workbench/ui/linguist.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module

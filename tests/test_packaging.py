"""The desktop bundle leaves out the Qt modules the spec lists as unused: none may be imported."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "packaging" / "pyinstaller" / "workbench.spec"


def _left_out() -> set[str]:
    """The Qt module names in the spec's `qt_unused` list."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "qt_unused" for t in node.targets
        ):
            names = {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)}
            return {n for n in names if isinstance(n, str) and n.startswith("Qt")}
    raise AssertionError("the spec has no qt_unused list")


def _imported_qt_modules() -> dict[str, list[str]]:
    """Every PySide6 module the program's sources import, with the files that do."""
    found: dict[str, list[str]] = {}
    for path in sorted((REPO / "workbench").rglob("*.py")):
        for module in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")):
            found.setdefault(module, []).append(str(path.relative_to(REPO)))
    return found


def test_the_bundle_leaves_out_no_qt_module_the_program_imports() -> None:
    """QtNetwork was listed as unused when the one-window socket came to need it: the bundled
    program would have failed after its first paint."""
    left_out = _left_out()
    assert "QtQml" in left_out  # the list was read
    wrong = {m: files for m, files in _imported_qt_modules().items() if m in left_out}
    assert not wrong, f"imported but left out of the bundle: {wrong}"

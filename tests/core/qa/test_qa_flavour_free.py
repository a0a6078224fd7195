"""core/qa never names a flavour: differences come from the flavour traits (issue 13)."""

from __future__ import annotations

import ast
from pathlib import Path

import workbench.core.qa
from workbench.api.models import Flavour

QA = Path(workbench.core.qa.__file__).parent
NAMES = {f.value for f in Flavour} | {f.name for f in Flavour}
LOWER = {n.lower() for n in NAMES}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        match node:
            case ast.Attribute(value=ast.Name(id="Flavour"), attr=attr) if attr in NAMES:
                found.append(f"{path.name}:{node.lineno} Flavour.{attr}")
            case ast.Constant(value=str() as text) if text.strip().lower() in LOWER:
                found.append(f"{path.name}:{node.lineno} {text!r}")
    return found


def test_no_qa_module_names_a_flavour() -> None:
    modules = sorted(QA.glob("*.py"))
    assert len(modules) > 5
    offences = [o for m in modules for o in _offences(m)]
    assert offences == []


def test_the_ast_check_catches_a_named_flavour(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("x = Flavour.OPENAI\nif f == 'cohere-v1': pass\n", encoding="utf-8")
    assert len(_offences(bad)) == 2

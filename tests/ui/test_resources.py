"""Resources: found in the source tree and in a built wheel; every sample parses and fits its use."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.waits import WAIT_S
from workbench.api.tools import tool_from_json
from workbench.ui import resources

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[2]


def test_samples_parse_and_cover_every_shape() -> None:
    names = resources.sample_names()
    assert {
        "rerank_strings.json",
        "rerank_objects.json",
        "chat_documents.json",
        "tools_v1.json",
        "tools_json_schema.json",
        "tool_results.json",
    } <= set(names)
    strings = resources.sample("rerank_strings.json")
    assert all(isinstance(d, str) for d in strings["documents"])
    objects = resources.sample("rerank_objects.json")
    assert all(set(objects["rank_fields"]) <= set(d) for d in objects["documents"])
    rag = resources.sample("chat_documents.json")
    assert all(d["id"] and d["data"]["text"] for d in rag["documents"])
    for name in ("tools_v1.json", "tools_json_schema.json"):
        tools = [tool_from_json(t) for t in resources.sample(name)]
        assert tools[0].name == "get_weather"
        assert tools[0].parameters["properties"]["city"]["type"] == "string"
    text = "".join(resources.text("samples", n) for n in names)
    assert any(ord(c) > 0xFFFF for c in text)  # emoji outside the BMP, to test offsets
    assert "é" in text


def test_style_sheets_and_icon_load(qapp: QApplication) -> None:
    assert "noticeLabel" in resources.stylesheet(dark=False)
    assert len(resources.stylesheet(dark=True)) > len(resources.stylesheet(dark=False))
    assert not resources.app_icon().isNull()


@pytest.mark.timeout(8 * WAIT_S)  # a build: pip, hatch and the translations compiled
def test_wheel_ships_resources_under_the_package(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=6 * WAIT_S,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("cohere_workbench-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "workbench/resources/styles/common.qss" in names
    assert "workbench/resources/icons/workbench.svg" in names
    assert "workbench/resources/samples/rerank_objects.json" in names
    assert "workbench/ui/resources.py" in names
    # The build hook (hatch_build.py) compiles the translations into the wheel; no .ts goes in.
    assert "workbench/resources/i18n/workbench_it.qm" in names
    assert "workbench/resources/i18n/workbench_en.qm" in names  # English plural forms
    assert not [name for name in names if name.endswith(".ts")]
    # Unpacked like an installed wheel, the lookup finds the packaged copy, not the repo's.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); from workbench.ui import resources; "
        "print(resources.root()); print(len(resources.stylesheet(dark=True))); "
        "from workbench.ui.i18n import workbench_translation; print(workbench_translation('it'))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe, str(site)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        timeout=WAIT_S,
    ).stdout.split()
    assert shown[0] == str(site / "workbench" / "resources")
    assert int(shown[1]) > 0
    assert shown[2] == str(site / "workbench" / "resources" / "i18n" / "workbench_it.qm")

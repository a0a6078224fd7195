"""Qt Linguist's tools (lupdate, lrelease) as PySide6 ships them, and the translation files' places.

Shared by the running program (a source checkout compiles its `.ts` files on demand), the build
hook that puts compiled `.qm` files in the wheel, the PyInstaller spec and `packaging/i18n.py`.
It imports no Qt, so the build hook can load it without PySide6's libraries (issue 18).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

LANGUAGES = ("en", "it")
"""The languages with a translation file. English is the source language: its file holds only
the plural (`%n`) texts, so "1 document(s)" reads "1 document" and "2 documents"."""

PLURALS_ONLY = frozenset({"en"})
"""Languages whose file holds only the plural texts (lupdate's `-pluralonly`)."""

CATALOGUE = "workbench"
"""The stem of every translation file: `workbench_it.ts`, `workbench_it.qm`."""


class LinguistError(RuntimeError):
    """A Linguist tool is missing or failed (the message says which and why)."""


def tool(name: str) -> Path:
    """The path of a Linguist tool ("lupdate" or "lrelease") from the installed PySide6.

    Raises:
        LinguistError: PySide6 (or its tool) is not installed where this Python can see it.
    """
    spec = importlib.util.find_spec("PySide6")
    suffix = ".exe" if sys.platform == "win32" else ""
    if spec is not None and spec.origin is not None:
        candidate = Path(spec.origin).parent / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise LinguistError(f"{name} not found: install PySide6-Essentials in this environment")
    return Path(found)


def ts_file(folder: Path, language: str) -> Path:
    """The translation source of a language in a folder, e.g. `folder/workbench_it.ts`."""
    return folder / f"{CATALOGUE}_{language}.ts"


def compile_ts(source: Path, target: Path) -> Path:
    """Compile one `.ts` file into a `.qm` file with lrelease (written atomically).

    Raises:
        LinguistError: lrelease is missing or fails.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(suffix=".qm", dir=target.parent)
    os.close(fd)
    try:
        _run([str(tool("lrelease")), "-silent", str(source), "-qm", temporary])
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


def compiled_in_cache(source: Path, cache: Path) -> Path:
    """The `.qm` compiled from `source`, kept in `cache` under a name derived from its content.

    A changed `.ts` gets a new name, so a stale `.qm` is never loaded and concurrent programs
    never write the same file half-way.
    """
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache / f"{source.stem}-{digest}.qm"
    if not target.is_file():
        compile_ts(source, target)
    return target


def update_ts(sources: list[Path], target: Path, language: str) -> str:
    """Extract the translatable strings of `sources` into `target`, keeping its translations.

    Strings no longer in the sources are dropped (`-no-obsolete`); no line numbers are written
    (`-locations none`), so the file changes only when a string does and merges stay easy. The
    source language's file takes only the plural texts (`-pluralonly`).

    Returns:
        lupdate's summary.
    """
    command = [str(tool("lupdate")), *map(str, sources), "-ts", str(target)]
    options = ["-no-obsolete", "-locations", "none", "-source-language", "en"]
    if language in PLURALS_ONLY:
        options.append("-pluralonly")
    return _run([*command, *options, "-target-language", language])


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    except OSError as exc:
        raise LinguistError(f"{command[0]} could not run: {exc}") from exc
    if done.returncode != 0:
        raise LinguistError(f"{Path(command[0]).name} failed: {done.stderr.strip()}")
    return done.stdout


Message = tuple[str, str]
"""A translatable string as (context, source text)."""


def python_sources(repo: Path) -> list[Path]:
    """The GUI's Python files, whose tr()/translate() strings the `.ts` files hold."""
    return sorted((repo / "workbench" / "ui").rglob("*.py"))


def messages(ts: Path) -> dict[Message, bool]:
    """Every message of a `.ts` file, and whether its translation is finished.

    Finished means: not marked unfinished or vanished, and a non-empty translation (each plural
    form of a `%n` message filled in).
    """
    import xml.etree.ElementTree as ET  # here: the program's start-up reads no .ts file

    found: dict[Message, bool] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source", ""))] = _finished(translation)
    return found


def unfinished_messages(ts: Path) -> list[Message]:
    """The messages of a `.ts` file without a finished translation, in file order."""
    return [message for message, done in messages(ts).items() if not done]


def stale_messages(repo: Path, ts: Path, scratch: Path, language: str) -> tuple[list[Message], ...]:
    """What the sources have that the `.ts` lacks, and what it has that they no longer do.

    lupdate extracts the sources into a scratch file, so the comparison is exactly what
    `update` would change.
    """
    fresh = scratch / ts.name
    update_ts(python_sources(repo), fresh, language)
    wanted, held = set(messages(fresh)), set(messages(ts))
    return sorted(wanted - held), sorted(held - wanted)


def _finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
        return False
    forms = translation.findall("numerusform")
    texts = [form.text for form in forms] if forms else [translation.text]
    return all(text and text.strip() for text in texts)

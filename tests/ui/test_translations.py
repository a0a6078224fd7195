"""Translations: every tr()/translate() string of the GUI has a finished Italian entry (issue 18)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workbench.ui.linguist import (
    LANGUAGES,
    compile_ts,
    messages,
    stale_messages,
    ts_file,
    unfinished_messages,
)

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
FIX = "run `python packaging/i18n.py update`, translate, see docs/translations.md"


@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_file_holds_every_source_string(language: str, tmp_path: Path) -> None:
    missing, gone = stale_messages(REPO, ts_file(I18N, language), tmp_path, language)
    assert not missing, f"strings not in the .ts ({FIX}): {missing}"
    assert not gone, f"strings no longer in the code are still in the .ts ({FIX}): {gone}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_has_a_finished_translation(language: str) -> None:
    unfinished = unfinished_messages(ts_file(I18N, language))
    assert not unfinished, f"untranslated ({FIX}): {unfinished}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language: str) -> None:
    """A translation keeps every %1, %2 … of its source (and %n outside plural forms)."""
    broken = []
    for context in ET.parse(ts_file(I18N, language)).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.findall("numerusform")]
            # A plural form may spell the number out ("un'esecuzione"), so %n is not required.
            pattern = r"%\d" if forms else r"%(?:\d|n)"
            wanted = sorted(re.findall(pattern, source))
            broken += [
                (source, text)
                for text in forms or [translation.text or ""]
                if sorted(re.findall(pattern, text)) != wanted
            ]
    assert not broken, broken


def test_linguist_reads_finished_and_unfinished_entries(tmp_path: Path) -> None:
    ts = tmp_path / "x_it.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="it">'
        "<context><name>C</name>"
        "<message><source>a</source><translation>A</translation></message>"
        '<message><source>b</source><translation type="unfinished">B</translation></message>'
        "<message><source>c</source><translation></translation></message>"
        '<message numerus="yes"><source>%n d</source><translation>'
        "<numerusform>%n D</numerusform><numerusform></numerusform></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert messages(ts) == {
        ("C", "a"): True,
        ("C", "b"): False,
        ("C", "c"): False,
        ("C", "%n d"): False,
    }
    assert unfinished_messages(ts) == [("C", "b"), ("C", "c"), ("C", "%n d")]


def test_translation_compiles(tmp_path: Path) -> None:
    for language in LANGUAGES:
        qm = compile_ts(ts_file(I18N, language), tmp_path / f"workbench_{language}.qm")
        assert qm.stat().st_size > 0


def _italian_entries() -> list[tuple[str, str, list[str]]]:
    """(context, source, translations: the plural forms, or the one text) of the Italian file."""
    found = []
    for context in ET.parse(ts_file(I18N, "it")).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.findall("numerusform")]
            found.append((name, message.findtext("source", ""), forms or [translation.text or ""]))
    return found


def test_an_api_route_is_a_route_in_italian_throughout() -> None:
    """The Compare pane said *percorso* where the QA checks and the Endpoints pane's routes line
    say *route*, as the Italian Azure pages do ("sulla route /chat/completions"): one word for
    one thing (docs/translations.md). *Percorso* stays for a path ("no such path")."""
    mixed = [
        (context, source, text)
        for context, source, texts in _italian_entries()
        if re.search(r"\broutes?\b", source, re.IGNORECASE) and "path" not in source
        for text in texts
        if re.search(r"percors[oi]", text, re.IGNORECASE) or "route" not in text.lower()
    ]
    assert not mixed, mixed


def test_an_api_flavour_is_a_variante_in_italian_throughout() -> None:
    """The Rerank pane and the Chat side panel said *flavour* ("Questo flavour…") where the core's
    messages and the Endpoints form ("Variante (flavour)") say *variante*: one word for one
    thing (docs/translations.md). The JSON field `'flavour'` stays as it is written, and so may
    the form's gloss in brackets; the flavours' own names stay English."""
    mixed = [
        (context, source, text)
        for context, source, texts in _italian_entries()
        if re.search(r"(?<!')\bflavours?\b(?!')", source, re.IGNORECASE)
        for text in texts
        if "flavour" in re.sub(r"\(flavour\)|'flavour'", "", text).lower()
        or "variant" not in text.lower()
    ]
    assert not mixed, mixed

"""English reads its plurals right: "1 document", "2 documents", not "1 document(s)" (issue 18)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from workbench.ui.chat.transcript_render import TranscriptTexts
from workbench.ui.i18n import apply_language, translation_files

pytestmark = pytest.mark.usefixtures("restore_language")


def test_english_counts_read_singular_and_plural() -> None:
    apply_language("en")
    texts = TranscriptTexts()
    assert texts.tool_results_sent(1) == "↩ sent 1 tool result"
    assert texts.tool_results_sent(2) == "↩ sent 2 tool results"
    assert texts.thinking(1) == "Thinking (1 word)"
    done = "Done: %n column(s) answered."
    assert QCoreApplication.translate("ComparePane", done, None, 1) == "Done: 1 column answered."
    assert QCoreApplication.translate("ComparePane", done, None, 3) == "Done: 3 columns answered."


def test_italian_counts_still_read_italian() -> None:
    apply_language("it")
    assert TranscriptTexts().tool_results_sent(1) == "↩ inviato 1 risultato di strumento"


def test_a_language_without_a_translation_gets_the_english_plurals() -> None:
    for locale in ("de_DE", "en_GB"):
        own = [p.name for p in translation_files(QLocale(locale)) if p.name.startswith("workbench")]
        assert len(own) == 1
        assert own[0].startswith("workbench_en"), own

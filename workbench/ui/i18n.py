"""The GUI's language: System, English or Italiano, applied live through Qt's translators (issue 18).

`apply_language` resolves the choice to a locale, makes it `QLocale`'s default (numbers, dates and
durations follow it, see `ui/common/l10n.py`) and swaps the installed translators. Installing or
removing a translator makes Qt post `LanguageChange` to every widget, whose `changeEvent` then
calls its `retranslate_ui()`. The translators are children of the application, found again by
object name, so no module holds state.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from workbench.core.settings import APP_NAME
from workbench.ui import resources
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP
from workbench.ui.linguist import LinguistError, compiled_in_cache, ts_file

log = logging.getLogger(__name__)

SYSTEM = "system"
"""The choice that follows the system's locale (the default)."""

CHOICES: tuple[tuple[str, str], ...] = (
    (SYSTEM, QT_TRANSLATE_NOOP("Language", "&System")),
    ("en", "&English"),
    ("it", "&Italiano"),
)
"""The View > Language choices in menu order: settings value and label, "&" before the menu's
letter. A language's own name is never translated (a person looking for their language reads it
in that language), so its letter is the same in every language."""

_TRANSLATOR = "workbenchTranslator"
"""The object name of every translator this module installs (it removes only those)."""


def choice_label(choice: str) -> str:
    """The menu label of a choice, translated where it is not a language's own name."""
    label = dict(CHOICES).get(choice, choice)
    return QCoreApplication.translate("Language", label) if choice == SYSTEM else label


def locale_for(choice: str) -> QLocale:
    """The locale a choice stands for; an unknown choice (an older settings file) is System.

    English and Italiano keep the system's country when its language matches (en_GB stays
    en_GB), else they take their home country's conventions.
    """
    system = QLocale.system()
    wanted = {
        "en": QLocale.Language.English,
        "it": QLocale.Language.Italian,
    }.get(choice)
    if wanted is None or system.language() == wanted:
        return system
    return QLocale("en_US" if wanted == QLocale.Language.English else "it_IT")


def apply_language(choice: str) -> QLocale:
    """Make `choice` the GUI's language now: default locale, translators, `LanguageChange`.

    Returns:
        The locale now in use.
    """
    app = QCoreApplication.instance()
    assert app is not None, "apply_language needs the application"
    locale = locale_for(choice)
    QLocale.setDefault(locale)
    changed = _remove_translators(app)
    for path in translation_files(locale):
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR)
        if translator.load(str(path)):
            app.installTranslator(translator)
            changed = True
        else:
            log.warning("translation file %s could not be loaded", path.name)
            translator.deleteLater()
    if not changed:
        _announce_language_change(app)  # only the locale changed: numbers must redraw too
    return locale


def translation_files(locale: QLocale) -> list[Path]:
    """The `.qm` files to load for a locale: Qt's own (`qtbase_it.qm`) then the workbench's.

    English, and a language the workbench has no translation for, get the English file: it
    holds the plural forms only ("1 document", "2 documents" for "%n document(s)").
    """
    language = QLocale.languageToCode(locale.language()) or "en"
    found = []
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if language != "en" and (qt_folder / f"qtbase_{language}.qm").is_file():
        found.append(qt_folder / f"qtbase_{language}.qm")
    own = workbench_translation(language) if language != "en" else None
    own = own or workbench_translation("en")
    if own is not None:
        found.append(own)
    return found


def workbench_translation(language: str) -> Path | None:
    """The workbench's compiled translation for a language, or None when there is none.

    A source checkout (editable install) holds the `.ts` file: it is compiled on demand into the
    cache folder, so an edited translation shows at the next start. A wheel or a bundle ships
    only the `.qm` files its build compiled.
    """
    folder = resources.path("i18n")
    source = ts_file(folder, language)
    if source.is_file():
        try:
            return compiled_in_cache(source, cache_dir() / "i18n")
        except (LinguistError, OSError) as exc:
            log.warning("translation %s not compiled: %s", source.name, exc)
    packaged = source.with_suffix(".qm")
    return packaged if packaged.is_file() else None


def cache_dir() -> Path:
    """The program's cache folder (`$WORKBENCH_CACHE_DIR` overrides it)."""
    override = os.environ.get("WORKBENCH_CACHE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _remove_translators(app: QCoreApplication) -> bool:
    old = app.findChildren(QTranslator, _TRANSLATOR)
    for translator in old:
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()
    return bool(old)


def _announce_language_change(app: QCoreApplication) -> None:
    if isinstance(app, QApplication):
        for widget in app.allWidgets():
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))

"""Loading the interface language (Qt translators) and routing core messages through it."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from liaison_app.core import i18n as core_i18n
from liaison_app.resources import i18n_dir

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def qm_path(language: str) -> Path:
    return i18n_dir() / f"liaison_{language}.qm"


def install_language(language: str) -> bool:
    """Main thread. Replace the installed translators; True if the catalogue was found.

    English is the source language and needs no catalogue.
    """
    app = QCoreApplication.instance()
    for tr in _installed:
        QCoreApplication.removeTranslator(tr)
    _installed.clear()
    core_i18n.install_translator(lambda ctx, text: QCoreApplication.translate(ctx, text),
                                 language=language)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(language))
    ok = True
    ours = QTranslator(app)
    if ours.load(str(qm_path(language))):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation catalogue %s not found", qm_path(language))
        ok = False
    # Qt's own strings (standard buttons, dialogs) in the same language.
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{language}",
                  QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt_tr)
        _installed.append(qt_tr)
    return ok

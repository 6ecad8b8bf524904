"""Starting the window: the application object, the language, the district to show."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.core import settings
from desktop.gui.language import LanguageController
from desktop.gui.main_window import MainWindow
from i18n import current_language
from resources import resource_path


def create_window(path: str | None, app: QApplication) -> MainWindow:
    """The main window on ``path``, else on the last district, else on the welcome screen."""
    language = LanguageController(app)
    language.apply(current_language())
    window = MainWindow(language)
    if path:
        window.open_district(path)
    else:
        last = settings.load().last_district
        if last and Path(last).exists():
            window.open_district(last)
    return window


def run_window(path: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DES Wizard")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("DES Wizard")
    app.setDesktopFileName("des-wizard")
    app.setWindowIcon(QIcon(str(resource_path("icons", "des-wizard-256.png"))))
    window = create_window(path, app)
    window.show()
    if os.environ.get("DES_WIZARD_QUIT_WHEN_SHOWN"):  # start-up benchmarks: leave once drawn
        QTimer.singleShot(0, app.quit)
    return app.exec()

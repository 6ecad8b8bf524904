"""Starting the window: the application object, the language, the district to show."""

from __future__ import annotations

import gc
import linecache
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.core import settings
from desktop.core.log_file import log, versions
from desktop.gui.first_paint import after_first_paint
from desktop.gui.focus_ring import install_focus_rings
from desktop.gui.language import LanguageController
from desktop.gui.main_window import MainWindow
from i18n import current_language
from resources import resource_path


def create_window(path: str | None, app: QApplication) -> MainWindow:
    """The main window on ``path``, else on the last district, else on the welcome screen."""
    # PySide6's import hook read the source of every module imported after it (looking for
    # its __feature__ switches) into linecache; the memory serves the window instead.
    linecache.clearcache()
    install_focus_rings(app)
    language = LanguageController(app)
    language.apply(current_language())
    window = MainWindow(language)
    if path:
        window.open_district(path)
    else:
        last = settings.load().last_district
        if last and Path(last).exists():
            window.open_district(last)
    if window.district is None:
        window.stack.setCurrentWidget(window.welcome)
    # After the window's own work behind its first paint (the step states, the opening
    # backup), once per process: see keep_out_of_collection.
    after_first_paint(window, keep_out_of_collection)
    return window


_collection_kept_out: list[bool] = []


def keep_out_of_collection() -> None:
    """Move what start-up made (modules, declarations, the window's wrappers, the district's
    document) out of the garbage collector's reach (``gc.freeze``). A full collection otherwise
    walks them all again, 20 to 30 ms that land on whichever step switch happens to trigger
    it; what is made later is still collected, and objects without cycles are freed as always.
    Once per process: a test session opening many windows freezes the first one only."""
    if not _collection_kept_out:
        _collection_kept_out.append(True)
        gc.freeze()


def log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's warnings go to the log, not to a console the windowed build does not have."""
    if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        log.warning("Qt: %s", message)


def run_window(path: str | None) -> int:
    app = application()
    app.setApplicationName("DES Wizard")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("DES Wizard")
    app.setDesktopFileName("des-wizard")
    app.setWindowIcon(QIcon(str(resource_path("icons", "des-wizard-256.png"))))
    qInstallMessageHandler(log_qt_message)
    log.info("window started: %s", versions())
    window = create_window(path, app)
    sys.excepthook = window.errors  # an unexpected error: logged, and explained in a dialog
    window.show()
    if os.environ.get("DES_WIZARD_QUIT_WHEN_SHOWN"):  # start-up benchmarks: leave once drawn
        after_first_paint(window, lambda: _leave_drawn(window))
    return app.exec()


def _leave_drawn(window: MainWindow) -> None:
    """The start-up benchmark's exit, like its probes': the first step is drawn; the district
    is closed (its lock released) and the process leaves without Qt's tear-down."""
    window.close_district()
    if sys.stdout is not None:
        sys.stdout.flush()
    os._exit(0)


def application() -> QApplication:
    """The running QApplication, or a new one (a QCoreApplication would have no windows)."""
    running = QApplication.instance()
    return running if isinstance(running, QApplication) else QApplication(sys.argv[:1])

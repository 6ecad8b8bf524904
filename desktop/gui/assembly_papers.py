"""The founding assembly's papers from the window: File → "Founding assembly papers…" asks
for a folder and writes the invitation, the attendance sheet, the minutes and one authorising
resolution per member there, in the window's language, in the window's worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from i18n import N_, _

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow
    from desktop.gui.workers import Task

PAPERS_ACTION = "assemblyPapersAction"  # found by object name


def write_papers(window: MainWindow, folder: str | Path) -> Task | None:
    document = window._document_now()
    if document is None or not str(folder):
        return None
    lang, target = window.language.language, Path(folder)

    def work() -> list[Path]:
        from desktop.core.assembly.documents import export_assembly  # reportlab: when used

        return export_assembly(document, lang, target)

    def written(paths: list[Path]) -> None:
        window.statusBar().showMessage(_("{count} founding-assembly documents written to "
                                         "{path}").format(count=len(paths), path=target), 10000)

    return window._run(_("Writing the founding assembly's papers…"), work, written,
                       N_("The founding assembly's papers could not be written: {reason}"))


def request_papers(window: MainWindow) -> QFileDialog | None:
    if window.district is None or window.tasks.busy:
        return None
    dialog = QFileDialog(window, _("Folder for the founding assembly's papers"),
                         str(window._default_folder()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # follows our language
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.fileSelected.connect(lambda folder: write_papers(window, folder))
    window.dialog = dialog
    dialog.open()
    return dialog


def install_assembly_papers(window: MainWindow) -> None:
    """The File menu's "Founding assembly papers…", off while there is no district or a task
    runs."""
    action = QAction(window)
    action.setObjectName(PAPERS_ACTION)
    action.triggered.connect(lambda: request_papers(window))
    window.file_menu.insertAction(window.close_action, action)

    def update(*_args: object) -> None:
        action.setText(_("Founding &assembly papers…"))
        action.setEnabled(window.district is not None and not window.tasks.busy)

    window.language.languageChanged.connect(update)
    window.stack.currentChanged.connect(update)
    window.tasks.busyChanged.connect(update)
    update()

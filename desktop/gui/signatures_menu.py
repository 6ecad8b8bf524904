"""The File menu's "Signatures…" and the status bar's "Signed on …", installed at start-up;
the dialog behind them (desktop/gui/signatures_dialog.py) is imported when first opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from desktop.core.document_cache import current_document
from desktop.core.signing.store import current_state
from i18n import _
from i18n.formats import long_date

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow
    from desktop.gui.signatures_dialog import SignaturesDialog

SIGNATURES_ACTION, SIGNED_LABEL = "signaturesAction", "signedLabel"  # found by object name


def signed_on_text(window: MainWindow) -> str:
    district = window.district
    if district is None:
        return ""
    state = current_state(district, current_document(district))  # the window's, kept
    if not state.all_signed:
        return ""
    return _("Signed on {date}").format(date=long_date(state.signed_on, window.language.language))


def update_signed_label(window: MainWindow) -> None:
    label = window.findChild(QLabel, SIGNED_LABEL)
    if label is not None:
        label.setText(signed_on_text(window))
        label.setAccessibleName(label.text())


def open_signatures(window: MainWindow) -> SignaturesDialog | None:
    if window.district is None:
        return None
    from desktop.gui.signatures_dialog import SignaturesDialog  # a dozen Qt classes: when used

    dialog = SignaturesDialog(window)
    window.dialog = dialog
    dialog.show()
    return dialog


def install_signatures(window: MainWindow) -> None:
    """The File menu's "Signatures…" and the status bar's "Signed on …"."""
    action = QAction(window)
    action.setObjectName(SIGNATURES_ACTION)
    action.triggered.connect(lambda: open_signatures(window))
    window.file_menu.insertAction(window.close_action, action)
    label = QLabel(window)
    label.setObjectName(SIGNED_LABEL)
    window.statusBar().addPermanentWidget(label)

    def retranslate(*_args: object) -> None:
        action.setText(_("&Signatures…"))
        action.setEnabled(window.district is not None)
        update_signed_label(window)

    window.language.languageChanged.connect(retranslate)
    window.stack.currentChanged.connect(retranslate)
    retranslate()

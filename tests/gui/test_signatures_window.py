"""The signatures dialog on the real window: export for signature, add the signed file, see
the table and "Signed on …"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.core.example import EXAMPLE_MARK, example_document
from desktop.core.signing.sample import ThrowawayAuthority, sign_pdf
from desktop.core.signing.store import latest_export, signed_files
from desktop.gui.signatures_dialog import SIGNATURES_ACTION, SIGNED_LABEL, SignaturesDialog

MEMBERS = example_document()["members"]["organizations"]


@pytest.fixture
def dialog(window) -> SignaturesDialog:
    action = window.findChild(QAction, SIGNATURES_ACTION)
    assert action.isEnabled()
    action.trigger()
    made = window.dialog
    assert isinstance(made, SignaturesDialog)
    return made


def test_signing_in_the_window(window, dialog, tmp_path):
    assert dialog.table.rowCount() == len(MEMBERS)
    assert dialog.table.item(0, 2).text() == "Non ancora firmato"
    final = tmp_path / "finale.pdf"
    assert dialog.export_to(final)
    export = latest_export(window.district)
    assert export is not None
    authority = ThrowawayAuthority()
    data = final.read_bytes()
    for field, member_id in export.fields.items():
        member = next(m for m in MEMBERS if m["id"] == member_id)
        given, surname = member["legal_representative"].replace(EXAMPLE_MARK, "").split(
            maxsplit=1)
        data = sign_pdf(data, authority.issue(given, surname.strip()), field)
    signed = tmp_path / "firmato.pdf"
    signed.write_bytes(data)
    assert window.findChild(QLabel, SIGNED_LABEL).text() == ""
    assert dialog.add_files([str(signed)])
    assert all(dialog.table.item(row, 2).text() == "Firmato"
               for row in range(dialog.table.rowCount()))
    assert dialog.state_label.text().startswith("Firmato il ")
    assert window.findChild(QLabel, SIGNED_LABEL).text().startswith("Firmato il ")
    assert "firme valide: 10 su 10" in dialog.files.item(0).text()


def test_a_damaged_file_is_reported_in_the_window(window, dialog, tmp_path):
    broken = tmp_path / "rotto.p7m"
    broken.write_bytes(b"\x30\x82 not an envelope")
    assert not dialog.add_files([str(broken)])
    assert isinstance(dialog.message, QMessageBox)
    assert "rotto.p7m" in dialog.message.text()
    assert signed_files(window.district) == []

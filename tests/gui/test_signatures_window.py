"""The signatures dialog on the real window: export for signature and verification run in the
window's worker while the window shows it is busy; the instructions are shown and written
beside the export; a trust list verifies the issuers; "Signed on …" in the status bar."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.core import settings
from desktop.core.example import EXAMPLE_MARK, example_document
from desktop.core.signing.sample import ThrowawayAuthority, sign_pdf
from desktop.core.signing.store import latest_export, signed_files
from desktop.gui.signatures_dialog import SignaturesDialog
from desktop.gui.signatures_menu import SIGNATURES_ACTION, SIGNED_LABEL
from tests.before_the_assembly import write_example_before_the_assembly

MEMBERS = example_document()["members"]["organizations"]


@pytest.fixture
def dialog(window) -> SignaturesDialog:
    action = window.findChild(QAction, SIGNATURES_ACTION)
    assert action.isEnabled()
    action.trigger()
    made = window.dialog
    assert isinstance(made, SignaturesDialog)
    return made


def _finished(qtbot, window, task) -> None:
    assert task is not None
    # While the worker runs the window says so and nothing else that stores can start.
    assert window.tasks.busy
    assert window.statusBar().currentMessage()
    assert not window.dialog.add_button.isEnabled()
    qtbot.waitUntil(lambda: task.is_done, timeout=60_000)
    assert task.error is None, task.error
    assert not window.tasks.busy


def _sign_all(data: bytes, export, authority: ThrowawayAuthority) -> bytes:
    for field, member_id in export.fields.items():
        member = next(m for m in MEMBERS if m["id"] == member_id)
        given, surname = member["legal_representative"].replace(EXAMPLE_MARK, "").split(
            maxsplit=1)
        data = sign_pdf(data, authority.issue(given, surname.strip()), field)
    return data


def test_signing_in_the_window(qtbot, window, dialog, tmp_path):
    assert dialog.table.rowCount() == len(MEMBERS)
    assert dialog.table.item(0, 2).text() == "Non ancora firmato"
    assert "Dike" in dialog.instructions.toPlainText()
    final = tmp_path / "finale.pdf"
    _finished(qtbot, window, dialog.export_to(final))
    export = latest_export(window.district)
    assert export is not None
    beside = tmp_path / "finale - istruzioni per la firma.txt"
    assert dialog.written_instructions == beside
    written = beside.read_text(encoding="utf-8")
    assert "ArubaSign" in written
    assert all(field in written for field in export.fields)
    assert next(iter(export.fields)) in dialog.instructions.toPlainText()
    authority = ThrowawayAuthority()
    signed = tmp_path / "firmato.pdf"
    signed.write_bytes(_sign_all(final.read_bytes(), export, authority))
    assert window.findChild(QLabel, SIGNED_LABEL).text() == ""
    _finished(qtbot, window, dialog.add_files([str(signed)]))
    assert all(dialog.table.item(row, 2).text() == "Firmato"
               for row in range(dialog.table.rowCount()))
    assert dialog.state_label.text().startswith("Firmato il ")
    assert window.findChild(QLabel, SIGNED_LABEL).text().startswith("Firmato il ")
    assert "firme valide: 10 su 10" in dialog.files.item(0).text()
    assert "emittente non verificato offline" in dialog.table.item(0, 5).text()
    # A signed file kept in the district goes out again whole.
    dialog.files.setCurrentRow(0)
    assert dialog.save_file_button.isEnabled()
    copy = dialog.save_file(dialog.files.item(0).data(Qt.ItemDataRole.UserRole),
                            tmp_path / "copia.pdf")
    assert copy is not None
    assert copy.read_bytes() == signed.read_bytes()

    # The authority's certificate as the trust list: every issuer is now verified.
    trust = tmp_path / "autorita.pem"
    trust.write_bytes(authority.certificate.public_bytes(serialization.Encoding.PEM))
    _finished(qtbot, window, dialog.import_trust_list(str(trust)))
    assert settings.load().trust_list == str(trust)
    assert all("emittente verificato sulla lista di fiducia" in dialog.table.item(row, 5).text()
               for row in range(dialog.table.rowCount()))
    assert str(trust) in dialog.offline_label.text()

    # A trust list deleted since is no longer used, and does not stop the next verification.
    trust.unlink()
    _finished(qtbot, window, dialog.add_files([str(signed)]))
    assert all(s.trusted is None for s in signed_files(window.district)[-1].check.signatures)
    assert "Nessuna lista di fiducia importata" in dialog.offline_label.text()


def test_a_damaged_file_is_reported_in_the_window(qtbot, window, dialog, tmp_path):
    broken = tmp_path / "rotto.p7m"
    broken.write_bytes(b"\x30\x82 not an envelope")
    task = dialog.add_files([str(broken)])
    qtbot.waitUntil(lambda: task is not None and task.is_done, timeout=60_000)
    assert isinstance(window.dialog, QMessageBox)
    assert "rotto.p7m" in window.dialog.text()
    assert signed_files(window.district) == []
    assert dialog.add_button.isEnabled()


def test_the_assembly_papers_from_the_window(qtbot, window, tmp_path):
    from desktop.gui.assembly_papers import PAPERS_ACTION, write_papers

    action = window.findChild(QAction, PAPERS_ACTION)
    assert action.isEnabled()
    assert action.text() == "Documenti dell'&assemblea costitutiva…"
    task = write_papers(window, tmp_path)
    assert task is not None
    assert window.tasks.busy
    assert not action.isEnabled()  # nothing else starts while the papers are written
    qtbot.waitUntil(lambda: task.is_done, timeout=60_000)
    assert task.error is None, task.error
    assert action.isEnabled()
    assert len(list(tmp_path.glob("*.pdf"))) == 3 + len(MEMBERS)
    assert (tmp_path / "verbale.pdf").exists()
    assert "13" in window.statusBar().currentMessage()


def _review_rules(window) -> list[str]:
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    wizard.review.refresh()
    return [f.rule for f in wizard.review.current]


def test_the_review_shows_the_way_to_signing(qtbot, qapp, tmp_path):
    from desktop.gui.app import create_window

    path = write_example_before_the_assembly(tmp_path / "prima.des")
    window = create_window(str(path), qapp)
    qtbot.addWidget(window)
    window.show()
    rules = _review_rules(window)
    review = window.wizard.review
    assert "P1" in rules
    assert rules.count("P2") == len(MEMBERS)  # no member has registered its act yet
    text = review.text()
    assert "L'assemblea costitutiva non ha ancora una data" in text
    assert "non ha registrato l'atto che autorizza" in text
    assert review.verdict.text() == "Pronto per la firma"  # hints never block
    # The rule code stands beside the message, never inside it.
    found = next(f for f in review.current if f.rule == "P1")
    assert "P1" not in found.text(lambda msgid: msgid)


def test_the_signed_example_has_walked_the_way_to_signing(window):
    """The example held its assembly and registered every act: nothing is left to do."""
    rules = _review_rules(window)
    assert not {"P1", "P2"} & set(rules)
    assert window.wizard.review.verdict.text() == "Pronto per la firma"


def test_closing_the_dialog_while_it_works_keeps_the_result(qtbot, window, dialog, tmp_path):
    final = tmp_path / "finale.pdf"
    task = dialog.export_to(final)
    assert task is not None
    dialog.close()  # deleted on close, while the worker still exports
    qtbot.waitUntil(lambda: task.is_done, timeout=60_000)
    assert task.error is None, task.error
    qtbot.wait(10)
    assert latest_export(window.district) is not None  # stored all the same
    assert final.exists()
    assert not [w for w in window.findChildren(SignaturesDialog) if w.isVisible()]

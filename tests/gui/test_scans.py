"""Signed scans: safe names, the copy proposed in the documents folder, removal asked and
undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.core import settings
from desktop.core.district_file import DistrictFile
from desktop.core.district_file.file import safe_file_name

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_stored_names_are_safe_base_names(tmp_path):
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("C:\\Users\\anna\\firmato.pdf") == "firmato.pdf"
    assert safe_file_name('a:b?"c".pdf\x00') == "a_b__c_.pdf_"
    assert safe_file_name("...") == "scan"
    assert len(safe_file_name("x" * 300 + ".pdf")) == 120
    assert safe_file_name("x" * 300 + ".pdf").endswith(".pdf")
    scan = tmp_path / "scan\x1b name.png"
    scan.write_bytes(PNG)
    district = DistrictFile.create(tmp_path / "d.des")
    district.attach(scan)
    assert district.attachments()[0]["name"] == "scan_ name.png"
    district.close()


def test_removing_a_scan_asks_and_can_be_undone(window, tmp_path):
    scan = tmp_path / "firmato.png"
    scan.write_bytes(PNG)
    review = window.wizard.review
    assert review.attach_file(str(scan))
    before = window.district.attachments()
    review.ask_remove_attachment()
    question = review.message
    assert isinstance(question, QMessageBox)
    assert "firmato.png" in question.text()
    assert window.district.attachments() == before  # nothing removed before the answer
    question.button(QMessageBox.StandardButton.Yes).click()
    assert window.district.attachments() == []
    assert review.undo_attachment_button.isEnabled()
    review.undo_attachment_button.click()
    assert window.district.attachments() == before  # same id, name, date and size


def test_the_copy_is_proposed_in_the_documents_folder(window, tmp_path):
    scan = tmp_path / "firmato.png"
    scan.write_bytes(PNG)
    review = window.wizard.review
    review.attach_file(str(scan))
    settings.documents_dir().mkdir(parents=True, exist_ok=True)
    review.request_save_attachment()
    proposed = review.file_dialog.selectedFiles()[0]
    assert Path(proposed).parent == settings.documents_dir()
    assert Path(proposed).name == "firmato.png"


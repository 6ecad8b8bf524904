"""Export, calendar, save a copy and the scan's copy never write over a district."""

from __future__ import annotations

import hashlib
import shutil

from PySide6.QtWidgets import QMessageBox

from desktop.core.district_file import DistrictFile


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_exporting_onto_the_open_district_is_refused(window, example_path):
    before = digest(example_path)
    assert not window.export_agreement("it", example_path)
    assert "leggendo" in window.dialog.text()
    assert not window.save_copy_as(example_path)
    assert not window.export_calendar(example_path)
    assert digest(example_path) == before
    window.wizard.page_list[0].form.editors["signing_place"].set_value("Cavalese")
    window.district.set_answer("signing_place", "Cavalese")  # the district still takes edits
    assert window.save_label.text().startswith("Salvato")


def test_another_district_is_refused_whatever_its_name(window, example_path, tmp_path):
    other = tmp_path / "accordo.pdf"
    shutil.copyfile(example_path, other)
    before = digest(other)
    for attempt in (lambda: window.export_agreement("en", other),
                    lambda: window.save_copy_as(other),
                    lambda: window.export_calendar(other)):
        assert not attempt()
        assert "distretto" in window.dialog.text()
    assert digest(other) == before


def test_replacing_another_file_asks_first(window, tmp_path, wait_for_tasks):
    existing = tmp_path / "accordo.pdf"
    existing.write_bytes(b"an older agreement")
    assert not window.export_agreement("it", existing)
    question = window.dialog
    assert isinstance(question, QMessageBox)
    assert "Sostituirlo" in question.text()
    assert existing.read_bytes() == b"an older agreement"
    question.button(QMessageBox.StandardButton.Yes).click()
    wait_for_tasks(window)  # the agreement is written by a worker
    assert existing.read_bytes().startswith(b"%PDF")
    # the file this window has just written is replaced without asking again
    assert window.export_agreement("it", existing)
    wait_for_tasks(window)


def test_the_scan_copy_never_replaces_the_district(window, example_path, tmp_path):
    scan = tmp_path / "firmato.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    review = window.wizard.review
    assert review.attach_file(str(scan))
    attachment = window.district.attachments()[0]["id"]
    before = digest(example_path)
    assert not review.save_attachment(attachment, str(example_path))
    assert digest(example_path) == before
    DistrictFile.open(example_path).close()

"""From the file to paper: printing, the signed scan, the self-test, the desktop entry."""

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton

import i18n
from desktop.cli import main
from desktop.core.agreement import export_agreement
from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.gui.app import create_window
from desktop.gui.printing import page_count, page_images
from tests.program import run_program


def grey_levels(image: QImage, size=(24, 34)) -> list[int]:
    small = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    small = small.convertToFormat(QImage.Format.Format_Grayscale8)
    return [small.pixelColor(x, y).red() for y in range(size[1]) for x in range(size[0])]


def distance(a: list[int], b: list[int]) -> float:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def test_printing_gives_the_pages_of_the_exported_pdf(window, tmp_path, wait_for_tasks):
    exported = export_agreement(to_document(window.district), "en", tmp_path / "a.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    task = window.print_to("en", printer)
    wait_for_tasks(window)
    pages = task.result
    assert pages == page_count(exported) == page_count(tmp_path / "printed.pdf")
    # The printer receives the exported pages as pictures, so their text cannot be read back:
    # each printed page must look like its own page of the export more than like any other.
    printed = [grey_levels(image) for image in page_images(tmp_path / "printed.pdf", 40)]
    original = [grey_levels(image) for image in page_images(exported, 40)]
    for number, page in enumerate(printed):
        distances = [distance(page, other) for other in original]
        assert distances.index(min(distances)) == number
        assert distances[number] < 8


def test_print_preview_and_the_open_button(window, tmp_path, wait_for_tasks):
    window.request_preview("it")
    wait_for_tasks(window)
    assert isinstance(window.dialog, QPrintPreviewDialog)
    window.dialog.close()
    assert window.export_agreement("it", tmp_path / "accordo.pdf")
    wait_for_tasks(window)
    box = window.dialog
    assert isinstance(box, QMessageBox)
    assert any(b.text().replace("&", "") == i18n._("&Open the PDF").replace("&", "")
               for b in box.buttons())
    assert window.last_export == tmp_path / "accordo.pdf"


def test_the_signed_scan_is_kept_in_the_file(window, tmp_path, example_path):
    scan = tmp_path / "firmato.pdf"
    export_agreement(to_document(window.district), "it", scan)  # a real PDF stands for a scan
    photo = tmp_path / "ultima-pagina.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    image.save(str(photo))
    review = window.wizard.review
    assert review.attach_file(str(scan))
    assert review.attach_file(str(photo))
    assert review.signed_list.count() == 2
    assert "firmato.pdf" in review.signed_list.item(0).text()
    window.close()
    scan_bytes = scan.read_bytes()
    scan.unlink()
    district = DistrictFile.open(example_path)
    attached = district.attachments()
    assert [a["name"] for a in attached] == ["firmato.pdf", "ultima-pagina.png"]
    assert attached[0]["media_type"] == "application/pdf"
    copy = district.save_attachment(attached[0]["id"], tmp_path / "copia.pdf")
    assert copy.read_bytes() == scan_bytes
    assert page_count(copy) > 1


def test_only_pdfs_and_images_are_attached(window, tmp_path):
    notes = tmp_path / "note.txt"
    notes.write_text("firmato da tutti")
    assert not window.wizard.review.attach_file(str(notes))
    assert isinstance(window.wizard.review.message, QMessageBox)
    assert window.district.attachments() == []


def test_the_welcome_screen_speaks_of_files_and_languages(qtbot, qapp):
    i18n.set_language("it")
    made = create_window(None, qapp)
    qtbot.addWidget(made)
    welcome = made.welcome
    assert ".des" in welcome.files_note.text()
    made.language_combo.setCurrentIndex(made.language_combo.findData("en"))
    assert i18n.current_language() == "en"
    assert welcome.title.text() == "Welcome to DES Wizard"
    # One language switch, the toolbar's: the welcome screen has none of its own.
    switches = [combo for combo in made.findChildren(QComboBox) if combo.findData("it") >= 0]
    assert switches == [made.language_combo]
    assert not [button for button in welcome.findChildren(QPushButton)
                if button.text() in {"Italiano", "English"}]
    made.close()


def test_a_new_district_starts_with_a_word_on_the_steps(window, tmp_path):
    assert window.new_district(tmp_path / "nuovo.des")
    assert isinstance(window.dialog, QMessageBox)
    assert window.dialog.windowTitle() == i18n._("Getting started")


def test_desktop_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["desktop-entry"]) == 0
    entry = (tmp_path / "applications" / "des-wizard.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-des-wizard-district;" in entry
    assert "Exec=" in entry
    mime = (tmp_path / "mime" / "packages" / "des-wizard.xml").read_text(encoding="utf-8")
    assert '<glob pattern="*.des"/>' in mime
    assert (tmp_path / "icons" / "hicolor" / "256x256" / "apps" / "des-wizard.png").stat(
    ).st_size > 1000


def test_the_self_test_of_the_program(tmp_path):
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       DES_WIZARD_CONFIG_DIR=str(tmp_path))
    result = run_program("--self-test", env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("self-test passed")
    assert not list(Path(tmp_path).iterdir())  # the user's settings were not touched


def test_a_copy_of_the_scan_into_a_missing_folder_is_explained(window, tmp_path):
    scan = tmp_path / "firmato.pdf"
    export_agreement(to_document(window.district), "it", scan)
    review = window.wizard.review
    assert review.attach_file(str(scan))
    before = sorted(tmp_path.iterdir())
    attached = window.district.attachments()[0]["id"]
    assert not review.save_attachment(attached, str(tmp_path / "nowhere" / "copia.pdf"))
    assert isinstance(review.message, QMessageBox)
    assert review.message.isVisible()
    assert sorted(tmp_path.iterdir()) == before  # nothing half-written left behind

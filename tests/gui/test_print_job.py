"""Printing: the PDF itself goes to CUPS where there is one; rendered pages are grey when the
page has no colour."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from desktop.core.agreement import export_agreement
from desktop.core.example import example_document
from desktop.gui.print_job import send_to_printer, spool_pdf
from desktop.gui.printing import page_count, page_images, print_pdf

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands for lp")


def _spooler(folder: Path, exit_status: int = 0) -> Path:
    """A stand-in for CUPS' `lp` on the PATH: it records its arguments and keeps the file."""
    script = folder / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{folder}/arguments"\n'
        'for last; do :; done\n'
        f'cp "$last" "{folder}/spooled.pdf"\n'
        f"exit {exit_status}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_with_cups_the_pdf_itself_is_queued_on_the_chosen_printer(tmp_path, monkeypatch):
    spool = tmp_path / "spool"
    spool.mkdir()
    _spooler(spool)
    monkeypatch.setenv("PATH", f"{spool}{os.pathsep}{os.environ['PATH']}")
    pdf = export_agreement(example_document(), "it", tmp_path / "accordo.pdf")
    assert spool_pdf(pdf, "Ufficio")
    assert (spool / "spooled.pdf").read_bytes() == pdf.read_bytes()  # text stays text
    arguments = (spool / "arguments").read_text(encoding="utf-8").split("\n")
    assert arguments[arguments.index("-d") + 1] == "Ufficio"


def test_a_refusing_spooler_is_reported(tmp_path, monkeypatch):
    spool = tmp_path / "spool"
    spool.mkdir()
    _spooler(spool, exit_status=1)
    monkeypatch.setenv("PATH", f"{spool}{os.pathsep}{os.environ['PATH']}")
    pdf = export_agreement(example_document(), "it", tmp_path / "accordo.pdf")
    with pytest.raises(OSError, match="exit status 1"):
        spool_pdf(pdf, "Ufficio")


def test_printing_to_a_file_renders_the_pages_even_with_cups(tmp_path, monkeypatch):
    spool = tmp_path / "spool"
    spool.mkdir()
    _spooler(spool)
    monkeypatch.setenv("PATH", f"{spool}{os.pathsep}{os.environ['PATH']}")
    pdf = export_agreement(example_document(), "it", tmp_path / "accordo.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert send_to_printer(pdf, printer) == page_count(pdf)
    assert not (spool / "spooled.pdf").exists()
    assert page_count(tmp_path / "printed.pdf") == page_count(pdf)


def _one_page(path: Path, colour: colors.Color) -> Path:
    canvas = Canvas(str(path))
    canvas.setFillColor(colour)
    canvas.setFont("Helvetica", 40)
    canvas.drawString(72, 700, "Accordo volontario")
    canvas.save()
    return path


def _printed_bytes(pdf: Path, target: Path) -> int:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    assert print_pdf(pdf, printer) == 1
    return target.stat().st_size


def test_rendered_pages_without_colour_are_sent_grey(tmp_path):
    black = _one_page(tmp_path / "black.pdf", colors.black)
    red = _one_page(tmp_path / "red.pdf", colors.red)
    assert next(page_images(black, 30)).allGray()
    assert not next(page_images(red, 30)).allGray()
    grey_job = _printed_bytes(black, tmp_path / "black-job.pdf")
    colour_job = _printed_bytes(red, tmp_path / "red-job.pdf")
    assert grey_job < colour_job
    # the printed grey page is still the page: the text is where it was
    printed = next(page_images(tmp_path / "black-job.pdf", 30))
    assert printed.convertToFormat(QImage.Format.Format_Grayscale8).allGray()
    assert not next(page_images(tmp_path / "black-job.pdf", 30)).isNull()

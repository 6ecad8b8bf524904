"""Printing the agreement: the exported PDF, rendered page by page for the printer.

One renderer of truth: what the printer gets is the very PDF the user can export, drawn by
pdfium (pypdfium2, about 4 MB) at the printer's resolution, so paper and file never differ.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300  # more only makes the print job heavier


def page_images(pdf: str | os.PathLike[str], dpi: int) -> Iterator[QImage]:
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=False, prefer_bgrx=True)
            pixels = bytes(bitmap.buffer)  # our own copy: pdfium frees its bitmap with the page
            image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB32).copy()
            bitmap.close()
            page.close()
            yield image
    finally:
        document.close()


def page_count(pdf: str | os.PathLike[str]) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def page_texts(pdf: str | os.PathLike[str]) -> list[str]:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def print_pdf(pdf: str | os.PathLike[str], printer: QPrinter) -> int:
    """Send every page of ``pdf`` to ``printer``; returns the number of pages printed."""
    dpi = min(printer.resolution(), MAX_DPI)
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"the printer {printer.printerName()!r} cannot be opened")
    printed = 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for image in page_images(Path(pdf), dpi):
            if printed:
                printer.newPage()
            if image.allGray():  # a page without colour travels as one channel, not three
                image = image.convertToFormat(QImage.Format.Format_Grayscale8)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            area = QRect(0, 0, scaled.width(), scaled.height())
            painter.drawImage(area, image)
            printed += 1
    finally:
        painter.end()
    return printed

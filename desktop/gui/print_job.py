"""Which way the agreement goes to the printer: the PDF itself through CUPS, or page images.

Where CUPS is there (Linux, macOS: `lp` or `lpr` on the PATH) the exported PDF is handed to it
as it is: text stays text, the job is about the size of the PDF and the window waits only for
the spooler. Elsewhere (Windows, or a file as output) the pages are rendered for the printer
(desktop/gui/printing.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from desktop.gui.printing import page_count, print_pdf

SPOOL_TIMEOUT_S = 60


def cups_command(printer_name: str, title: str, copies: int = 1) -> list[str] | None:
    """The command that queues a PDF on ``printer_name``, or None without CUPS."""
    lp = shutil.which("lp")
    if lp:
        return [lp, "-d", printer_name, "-t", title, "-n", str(max(1, copies))]
    lpr = shutil.which("lpr")
    if lpr:
        return [lpr, "-P", printer_name, "-T", title, f"-#{max(1, copies)}"]
    return None


def spool_pdf(pdf: str | os.PathLike[str], printer_name: str, copies: int = 1) -> bool:
    """Queue ``pdf`` on a CUPS printer; False when there is no CUPS to queue it with."""
    command = cups_command(printer_name, Path(pdf).stem, copies)
    if command is None:
        return False
    try:
        result = subprocess.run([*command, str(Path(pdf).resolve())], capture_output=True,
                                text=True, timeout=SPOOL_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OSError(f"{Path(command[0]).name} did not answer") from exc
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise OSError(reason)
    return True


def send_to_printer(pdf: str | os.PathLike[str], printer: QPrinter) -> int:
    """Print ``pdf`` on ``printer`` (a printer chosen in the dialog, or a file); returns the
    number of pages sent."""
    name = printer.printerName()
    if not printer.outputFileName() and name and spool_pdf(pdf, name, printer.copyCount()):
        return page_count(pdf)
    return print_pdf(pdf, printer)

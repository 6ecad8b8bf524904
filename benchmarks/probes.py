"""Processes the benchmarks start and time from outside (start-up) or inside (window timings).

    python3 -m benchmarks.probes bare-wizard          an 8-page QWizard, shown, then exit
    python3 -m benchmarks.probes first-step FILE      DES Wizard on FILE, first step shown, exit
    python3 -m benchmarks.probes window FILE          timings inside the window, as JSON
    python3 -m benchmarks.probes print FILE           the print job of FILE's agreement, as JSON

Nothing is imported at module level beyond the standard library, so that the bare baseline
and the program pay the same interpreter start.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any


def _leave() -> None:
    """Exit as soon as the first screen is drawn: start-up ends there, tear-down is not timed."""
    sys.stdout.flush()
    os._exit(0)


def bare_wizard() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    for number in range(8):
        page = QWizardPage()
        page.setTitle(f"Step {number + 1}")
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(f"Question {number + 1}", page))
        layout.addWidget(QLineEdit(page))
        wizard.addPage(page)
    wizard.resize(1200, 760)
    wizard.show()
    app.processEvents()
    _leave()


def _window(path: str) -> tuple[Any, Any]:
    # In the program's order (desktop/cli.py): the window's modules, then the application.
    from desktop.gui.app import create_window  # isort: skip

    from PySide6.QtWidgets import QApplication  # isort: skip

    app = QApplication(sys.argv[:1])
    window = create_window(path, app)
    window.show()
    app.processEvents()
    return app, window


def first_step(path: str) -> None:
    _window(path)
    _leave()


def _ms(action: Callable[[], Any], app: Any) -> float:
    start = time.perf_counter()
    action()
    if app is not None:
        app.processEvents()
    return (time.perf_counter() - start) * 1000


class _BareCommits:
    """The baseline: one row written by plain sqlite3, one transaction, synchronous=FULL."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=DELETE")
        self.connection.execute("PRAGMA synchronous=FULL")
        self.connection.execute("CREATE TABLE answers(key TEXT PRIMARY KEY, value TEXT)")

    def commit(self, number: int) -> None:
        self.connection.execute("BEGIN IMMEDIATE")
        self.connection.execute("INSERT INTO answers VALUES ('name', ?) ON CONFLICT(key) DO "
                                "UPDATE SET value = excluded.value", [json.dumps(f"DES {number}")])
        self.connection.execute("COMMIT")


def _commit_timings(window: Any, app: Any) -> dict[str, float]:
    """A commit through the window's path (the page saves the district's name, as its editor
    does) against a bare sqlite3 commit on the same disk, in turn; repainting is not timed."""
    wizard = window.wizard
    wizard.steps.setCurrentRow(0)
    app.processEvents()
    page = wizard.page_list[0]
    bare_file = Path(window.district.path).with_name(f"bare-commits-{os.getpid()}.sqlite")
    bare = _BareCommits(bare_file)
    ours: list[float] = []
    theirs: list[float] = []
    for number in range(21):
        theirs.append(_ms(partial(bare.commit, number), None))
        ours.append(_ms(partial(page._save, "name", f"DES {number}"), None))
        app.processEvents()
    bare.connection.close()
    bare_file.unlink()
    return {"commit_ms": statistics.median(ours), "bare_commit_ms": statistics.median(theirs)}


def _run_events(app: Any, milliseconds: float) -> None:
    until = time.perf_counter() + milliseconds / 1000
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.002)


def _typing_timings(window: Any, app: Any) -> dict[str, float]:
    """Keys typed into the district's name: at 300 ms gaps (never a pause), how long until the
    first commit; then one key and a pause, how long until its commit."""
    from PySide6.QtTest import QTest

    district = window.district
    name = window.wizard.page_list[0].form.editors["name"].input
    name.setFocus()
    name.end(False)
    before = district.revision
    first_key = time.perf_counter()
    continuous = float("nan")
    for _ in range(12):
        QTest.keyClicks(name, "a")
        _run_events(app, 300)
        if district.revision != before:
            continuous = time.perf_counter() - first_key
            break
    _run_events(app, 1500)  # let everything typed be saved
    before = district.revision
    QTest.keyClicks(name, "b")
    typed = time.perf_counter()
    while district.revision == before and time.perf_counter() - typed < 3:
        _run_events(app, 5)
    return {"continuous_first_save_ms": continuous * 1000,
            "pause_save_ms": (time.perf_counter() - typed) * 1000}


def _member_timings(window: Any, app: Any) -> dict[str, float]:
    wizard = window.wizard
    members = wizard.table_editor("organizations")
    index = next(i for i, page in enumerate(wizard.page_list) if members in page.tables)
    wizard.steps.setCurrentRow(index)
    app.processEvents()
    count = members.list.count()
    select = [_ms(partial(members.list.setCurrentRow, row), app)
              for row in (count // 2, count - 1, 1, count // 3)]
    name = members.form.editors["name"]
    edit = []
    for number in range(4):
        def typed(n: int = number) -> None:
            name.input.setText(f"Cooperativa {n}")
            name.flush()
        edit.append(_ms(typed, app))
    return {"select_member_ms": max(select), "edit_member_ms": max(edit)}


def window_timings(path: str) -> None:
    from PySide6.QtCore import Qt

    started = time.perf_counter()
    app, window = _window(path)
    ready = time.perf_counter() - started
    wizard = window.wizard
    # What waits for the first paint (judging every step, the opening backup) runs in the
    # next turns of the event loop: timed here on its own, so that it does not land on the
    # first step switch (a person's first click comes later than that).
    settling = time.perf_counter()
    while wizard.steps.item(0).data(Qt.ItemDataRole.UserRole) is None:
        app.processEvents()
    app.processEvents()
    settled = (time.perf_counter() - settling) * 1000
    first: list[float] = []
    again: list[float] = []
    rows = [*range(1, wizard.page_count()), 0]
    for visits in (first, again):
        for row in rows:
            visits.append(_ms(partial(wizard.steps.setCurrentRow, row), app))
    slowest = rows[first.index(max(first))]
    combo = window.language_combo
    language = [_ms(partial(combo.setCurrentIndex, combo.findData(lang)), app)
                for lang in ("en", "it", "en", "it")]
    result = {"ready_in_process_s": ready, "after_first_paint_ms": settled,
              "first_visit_max_ms": max(first),
              "first_visit_slowest_step": wizard.steps.item(slowest).text(),
              "first_visits_ms": {wizard.steps.item(row).text(): round(ms, 1)
                                  for row, ms in zip(rows, first, strict=True)},
              "step_switch_max_ms": max(again), "language_switch_max_ms": max(language)}
    result |= _member_timings(window, app)
    result |= _commit_timings(window, app)
    result |= _typing_timings(window, app)
    print(json.dumps(result))
    _leave()


def print_job(path: str) -> None:
    """Print the agreement of ``path`` the way the window does, to a PDF file standing in for
    the printer (offscreen there is no other), and report the job's size and time."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from desktop.core.agreement import export_agreement
    from desktop.core.district_file import DistrictFile
    from desktop.core.document import to_document
    from desktop.gui.printing import print_pdf

    app = QApplication.instance() or QApplication(sys.argv[:1])
    district = DistrictFile.open(path)
    document = to_document(district)
    district.close()
    with tempfile.TemporaryDirectory() as folder:
        pdf = export_agreement(document, "it", Path(folder) / "agreement.pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(folder) / "job.pdf"))
        start = time.perf_counter()
        pages = print_pdf(pdf, printer)
        seconds = time.perf_counter() - start
        app.processEvents()
        result = {"pages": pages, "pdf_bytes": pdf.stat().st_size,
                  "job_bytes": (Path(folder) / "job.pdf").stat().st_size, "job_s": seconds,
                  "resolution": printer.resolution()}
    print(json.dumps(result))
    _leave()


PROBES: dict[str, Callable[..., None]] = {
    "bare-wizard": bare_wizard, "first-step": first_step, "window": window_timings,
    "print": print_job}

if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])

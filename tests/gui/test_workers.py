"""Slow work runs in a worker: the window keeps answering, results and errors come back."""

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.district_file import DistrictFile
from desktop.core.example import write_example
from desktop.gui.app import create_window
from desktop.gui.printing import page_texts
from desktop.gui.workers import TaskRunner

MEMBERS = 300


def big_district(path):
    """The example with its members copied until there are 300, each with its own name and
    tax code, added through the district file like the window adds them."""
    write_example(path).close()
    district = DistrictFile.open(path)
    template = district.rows("organizations")[0]
    values = {key: value for key, value in template.items() if key != "id"}
    for number in range(len(district.rows("organizations")) + 1, MEMBERS + 1):
        district.add_row("organizations", dict(
            values, name=f"Cooperativa Numero {number:03d}", tax_code=f"{number:011d}"))
    ids = [row["id"] for row in district.rows("organizations")]
    assert len(ids) == len(set(ids)) == MEMBERS
    district.close()
    return path


def test_a_300_member_export_leaves_the_window_responsive(qtbot, qapp, tmp_path,
                                                          wait_for_tasks):
    window = create_window(str(big_district(tmp_path / "grande.des")), qapp)
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[bool, bool, str]] = []  # (busy, export enabled, status) at each tick
    ticker = QTimer(window)
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: seen.append((
        window.tasks.busy, window.export_action.isEnabled(),
        window.statusBar().currentMessage())))
    ticker.start()
    target = tmp_path / "accordo.pdf"
    task = window.export_agreement("it", target)
    assert task is not None
    assert window.tasks.busy
    assert QApplication.overrideCursor() is not None
    assert not target.exists()  # written by the worker, not before returning
    wait_for_tasks(window, timeout=120000)
    ticker.stop()
    during = [tick for tick in seen if tick[0]]
    # The event loop ran while the worker wrote the PDF: the timer fired, the export action
    # was disabled and the status bar said what was going on.
    assert len(during) >= 1
    assert all(not enabled and status == "Scrittura dell'accordo in corso…"
               for _busy, enabled, status in during)
    assert task.error is None
    assert task.result == target
    assert window.export_action.isEnabled()
    assert QApplication.overrideCursor() is None
    text = " ".join(" ".join(page.split()) for page in page_texts(target))
    for number in (11, 150, MEMBERS):
        assert f"Cooperativa Numero {number:03d}" in text
    assert window.last_export == target


def test_a_failed_export_is_explained_and_the_window_goes_on(window, tmp_path,
                                                             wait_for_tasks):
    folder = tmp_path / "accordo.pdf"
    folder.mkdir()  # a folder where the file should go: refused before any work starts
    assert window.export_agreement("it", folder) is None
    assert isinstance(window.dialog, QMessageBox)
    assert "cartella" in window.dialog.text()
    window.dialog.close()
    # A write that fails in the worker is explained the same way.
    task = window._run("…", lambda: (_ for _ in ()).throw(OSError(28, "No space left")),
                       lambda _result: None, "The agreement could not be written: {reason}")
    wait_for_tasks(window)
    assert isinstance(task.error, OSError)
    assert window.dialog.text().startswith("Impossibile salvare l'accordo")
    assert window.export_action.isEnabled()
    assert QApplication.overrideCursor() is None


def test_results_and_errors_come_back_on_the_ui_thread(qtbot, window):
    runner = TaskRunner(window)
    threads: dict[str, object] = {}

    def work(value: int) -> int:
        threads["work"] = threading.current_thread()
        if value < 0:
            raise ValueError("negative")
        return value * 2

    def got(name: str):
        return lambda _outcome: threads.__setitem__(name, threading.current_thread())

    done = runner.start("…", lambda: work(21), got("result"), got("wrong"))
    qtbot.waitUntil(lambda: done.is_done)
    assert done.result == 42
    assert done.error is None
    assert threads["work"] is not threading.main_thread()
    assert threads["result"] is threading.main_thread()
    assert "wrong" not in threads
    failed = runner.start("…", lambda: work(-1), got("wrong_result"), got("error"))
    qtbot.waitUntil(lambda: failed.is_done)
    assert isinstance(failed.error, ValueError)
    assert failed.result is None
    assert threads["error"] is threading.main_thread()
    assert "wrong_result" not in threads
    assert not runner.busy


def test_the_readiness_report_is_written_by_a_worker(window, tmp_path, wait_for_tasks):
    target = tmp_path / "verifica.pdf"
    task = window.export_readiness_report(target)
    assert task is not None
    wait_for_tasks(window)
    assert task.result == target
    assert window.last_export == target
    text = " ".join(page_texts(target))
    assert "Rapporto di verifica dei requisiti" in text
    assert window.district.answer("name") in text

"""The window's plumbing: language switches, dialogs that go away, unexpected errors, the log."""

import os
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

import i18n
from desktop.cli import main
from desktop.core import log_file
from desktop.gui.error_dialog import ErrorDialog
from desktop.gui.export_dialog import ExportDialog
from i18n.qt import Retranslating, installed_qt_translator, installed_qt_translators

SECRET = "Mario Rossi, via dei Segreti 7"


def delete_closed_widgets() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def switch_language(window, lang):
    combo = window.language_combo
    combo.setCurrentIndex(combo.findData(lang))


class Probe(Retranslating, QLabel):
    """Counts its retranslations, as any of our widgets would do them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.count = 0
        self.retranslate()

    def retranslate(self):
        self.count += 1
        self.setText(i18n._("Review"))


class ProbeDialog(Retranslating, QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.count = 0

    def retranslate(self):
        self.count += 1


def test_each_widget_retranslates_once_per_switch(qtbot, window):
    inside = Probe(window.welcome)  # a child: reached through its parents
    dialog = ProbeDialog(window)  # a window and a child at once: Qt tells it twice
    alone = Probe()  # a window of its own
    qtbot.addWidget(alone)
    start = (inside.count, dialog.count, alone.count)
    for lang in ("en", "it", "en", "en", "it"):
        window.language.apply(lang)
    # Five switches, English to English included (no Qt translator changes then).
    assert (inside.count, dialog.count, alone.count) == tuple(n + 5 for n in start)
    assert inside.text() == "Verifica finale" == window.wizard.review.heading.text()
    window.language.apply("en")
    assert inside.text() == "Review" == window.wizard.review.heading.text()
    assert window.welcome.title.text() == "Welcome to DES Wizard"


def test_dialogs_and_translators_do_not_pile_up(window):
    delete_closed_widgets()
    dialogs_before = len(window.findChildren(QDialog))
    for _round in range(4):
        window.request_export()
        export = window.dialog
        assert isinstance(export, ExportDialog)
        switch_language(window, "en")
        export.reject()
        window.show_error("x")
        window.dialog.close()
        window.request_open()
        window.dialog.reject()
        window.wizard.table_editor("meetings").ask_remove()
        window.wizard.table_editor("meetings")._confirm.reject()
        switch_language(window, "it")
        delete_closed_widgets()
    assert len(window.findChildren(QDialog)) == dialogs_before
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()]
    translators = QApplication.instance().findChildren(QTranslator)
    assert len(translators) == 2
    assert set(translators) == set(installed_qt_translators())
    switch_language(window, "en")
    delete_closed_widgets()
    assert installed_qt_translator() is None
    assert QApplication.instance().findChildren(QTranslator) == []


def raised(error: Exception) -> Exception:
    try:
        raise error
    except Exception as caught:  # noqa: BLE001 (the test wants the traceback)
        return caught


def test_an_unexpected_error_is_explained_and_logged(window):
    log_file.setup_logging()
    dialog = window.errors.report(raised(ValueError(SECRET)), "a test")
    assert isinstance(dialog, ErrorDialog)
    assert dialog.isVisible()
    assert "ValueError" in dialog.what.text()
    assert dialog.safety.text().startswith("Le risposte sono al sicuro")
    assert window.district.path.name in dialog.safety.text()
    # A second error while the dialog is open is logged, not shown in another dialog.
    assert window.errors.report(raised(KeyError("y")), "a test") is None
    dialog.copy_button.click()
    report = QGuiApplication.clipboard().text()
    assert "Traceback" in report
    assert "test_plumbing.py" in report
    assert "ValueError" in report
    assert "DES Wizard" in report
    assert "Python" in report
    assert SECRET not in report
    logged = log_file.log_path().read_text(encoding="utf-8")
    assert "ValueError" in logged
    assert "KeyError" in logged
    assert "test_plumbing.py" in logged
    assert SECRET not in logged
    dialog.close()
    delete_closed_widgets()
    assert window.errors.dialog is None


def test_without_a_district_the_dialog_says_nothing_is_at_risk(window):
    window.close_district()
    dialog = window.errors.report(raised(RuntimeError("z")), "a test")
    assert dialog.safety.text() == i18n._("No district was open, so no answer is at risk.")
    dialog.close()


@pytest.mark.qt_no_exception_capture
def test_the_excepthook_catches_errors_in_the_event_loop(qtbot, window, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", window.errors)

    def broken_slot() -> None:
        raise ZeroDivisionError(SECRET)

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: window.errors.dialog is not None)
    assert "ZeroDivisionError" in window.errors.dialog.what.text()
    window.errors.dialog.close()


def test_the_language_switch_reports_a_widget_that_fails(window, monkeypatch):
    """An exception while retranslating is reported, and the other widgets still switch."""
    class Broken(Retranslating, QWidget):
        def retranslate(self):
            raise LookupError(SECRET)

    broken = Broken(window.welcome)
    caught: list[type] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _error, _trace: caught.append(kind))
    window.language.apply("en")
    assert caught == [LookupError]
    assert window.welcome.title.text() == "Welcome to DES Wizard"
    shiboken6.delete(broken)  # now: no later switch of another test may reach it


def test_the_command_line_has_no_console_to_write_to(monkeypatch, tmp_path):
    """The windowed Windows build: sys.stderr is None, and errors still end in exit 2."""
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["export", str(tmp_path / "nowhere.des"), "--lang", "it",
                 "-o", str(tmp_path / "a.pdf")]) == 2
    with pytest.raises(SystemExit) as stopped:
        main(["no-such-command-option", "--bogus"])
    assert stopped.value.code == 2
    assert "command refused" in log_file.log_path().read_text(encoding="utf-8")


def test_an_unexpected_error_logs_where_not_what():
    assert log_file.setup_logging() == log_file.log_path()
    assert log_file.log_path().parent == Path(os.environ["DES_WIZARD_LOG_DIR"])
    log_file.log_unexpected(raised(TypeError(SECRET)), "the command line")
    logged = log_file.log_path().read_text(encoding="utf-8")
    assert "unexpected TypeError in the command line" in logged
    assert "Traceback" in logged
    assert "test_plumbing.py" in logged
    assert SECRET not in logged


def test_a_widget_without_retranslate_is_refused_when_its_class_is_made():
    from PySide6.QtWidgets import QWidget as Plain

    from i18n.qt import Retranslating

    with pytest.raises(TypeError, match="retranslate"):
        type("Forgetful", (Retranslating, Plain), {})

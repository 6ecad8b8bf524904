from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.gui.test_window import make_window  # noqa
def desc(w, page):
    return f"{type(w).__name__}:{getattr(w,'text',lambda:'')()[:20]!r}:{w.accessibleName()[:20]!r}:{w.parentWidget().metaObject().className()}:{'IN' if page.isAncestorOf(w) else 'OUT'}"
def test_dbg(qtbot, make_window, example_path):
    window = make_window(example_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wizard = window.wizard
    wizard.steps.setCurrentRow(6)
    page = wizard.pages.currentWidget()
    grid = next(e for form in page.forms for e in form.editors.values() if type(e).__name__ == "ForecastEditor")
    grid.table.setFocus()
    for i in range(8):
        w = QApplication.focusWidget()
        print(desc(w, page))
        qtbot.keyClick(w, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert 0

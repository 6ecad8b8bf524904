"""A netbook, a laptop, a 1.5 scale factor: Back, Next and the language switch stay in reach."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from desktop.core import settings
from desktop.gui.app import create_window

ROOT = Path(__file__).resolve().parents[2]


def inside(window: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


def reachable_on_every_step(window) -> list[str]:
    """The steps on which Back, Next or the language switch is outside the window."""
    wizard = window.wizard
    cut = []
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        last = index == wizard.page_count() - 1
        onward = wizard.export_button if last else wizard.next_button
        for widget in (wizard.back_button, onward, window.language_combo):
            if not inside(window, widget):
                cut.append(f"{index}: {widget.text() if hasattr(widget, 'text') else widget}")
    return cut


def test_at_1024_by_600_everything_needed_is_inside_the_window(qtbot, window):
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert reachable_on_every_step(window) == []
    assert window.wizard.help_panel.isVisible()


def test_at_1366_by_768_too(qtbot, window):
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    assert reachable_on_every_step(window) == []


def test_with_a_scale_factor_of_one_and_a_half(example_path, tmp_path):
    # The scale factor is read when Qt starts: a program of its own, on a 1024×600 screen.
    script = f"""
import json, os
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.gui.app import create_window
from tests.gui.test_small_screens import reachable_on_every_step
window = create_window({str(example_path)!r}, app)
window.resize(int(1024 / 1.5), int(600 / 1.5))
window.show()
app.processEvents()
print(json.dumps({{"cut": reachable_on_every_step(window),
                   "help": window.wizard.help_panel.isVisible(),
                   "width": window.width()}}))
"""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.5",
                       DES_WIZARD_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment,
                            capture_output=True, text=True, check=True, timeout=120)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["width"] == int(1024 / 1.5)
    assert report["cut"] == []
    assert report["help"] is False  # too narrow: the page takes the room


def test_the_window_fits_the_screen_and_comes_back_as_it_was_left(qtbot, qapp, example_path):
    first = create_window(str(example_path), qapp)
    qtbot.addWidget(first)
    free = first.screen().availableGeometry()
    assert first.width() <= free.width()
    assert first.height() <= free.height()
    first.resize(700, 500)
    first.close()
    assert settings.load().window_geometry
    second = create_window(str(example_path), qapp)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_the_explanations_can_be_hidden_and_stay_hidden(qtbot, qapp, window, example_path):
    window.resize(1200, 760)
    window.help_menu.panel_action.trigger()
    assert not window.wizard.help_panel.isVisible()
    assert settings.load().show_help is False
    window.close()  # one window per district: the next one opens it after this one
    again = create_window(str(example_path), qapp)
    qtbot.addWidget(again)
    again.show()
    again.resize(1200, 760)
    qtbot.waitUntil(lambda: again.width() == 1200)
    assert not again.wizard.help_panel.isVisible()

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import i18n  # noqa: E402
from desktop.core.example import write_example  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """Every test gets its own settings and documents folders, and starts in Italian."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("DES_WIZARD_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("DES_WIZARD_DOCUMENTS_DIR", str(home / "documents"))
    monkeypatch.setenv("DES_WIZARD_LOG_DIR", str(home / "log"))
    monkeypatch.setenv("DES_WIZARD_DATA_DIR", str(home / "data"))
    i18n.set_language("it")
    yield
    i18n.set_language("it")


@pytest.fixture
def example_path(tmp_path) -> Path:
    path = tmp_path / "fiemme-fassa.des"
    write_example(path).close()
    return path



@pytest.fixture
def window(qtbot, qapp, example_path):
    """The real main window on the example district, in Italian."""
    from PySide6.QtCore import Qt

    from desktop.gui.app import create_window

    i18n.set_language("it")
    made = create_window(str(example_path), qapp)
    qtbot.addWidget(made)
    made.show()
    # The steps are judged right after the window's first paint (desktop/gui/first_paint.py).
    qtbot.waitUntil(lambda: made.wizard.steps.item(0).data(Qt.ItemDataRole.UserRole) is not None)
    return made


@pytest.fixture
def wait_for_tasks(qtbot):
    """Exports, printing and imports run in a worker: let the event loop run until the
    window's task is over."""
    def wait(window, timeout: int = 30000) -> None:
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=timeout)

    return wait

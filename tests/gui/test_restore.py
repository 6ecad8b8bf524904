"""File › Restore an earlier version…, and the backup offered for a file that cannot open."""

from __future__ import annotations

import pytest

import i18n
from desktop.core.district_file import DistrictFile, backups
from desktop.gui.app import create_window
from desktop.gui.restore_dialog import RestoreDialog


@pytest.fixture
def make_window(qtbot, qapp):
    def make(path=None):
        i18n.set_language("it")
        window = create_window(str(path) if path else None, qapp)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def test_an_earlier_version_is_previewed_and_restored(make_window, example_path, qtbot):
    window = make_window(example_path)
    assert backups.backups_of(example_path) == []  # taken once the window is drawn
    qtbot.waitUntil(lambda: bool(backups.backups_of(example_path)))
    assert [b.kind for b in backups.backups_of(example_path)] == ["opening"]
    window.district.set_answer("name", "DES rinominato")
    window.district.remove_row("organizations", window.district.rows("organizations")[0]["id"])
    window.request_restore()
    dialog = window.dialog
    assert isinstance(dialog, RestoreDialog)
    preview = dialog.preview.text()
    assert "DES rinominato" in preview
    assert "membri" in preview
    dialog.restore_button.click()
    assert window.district.answer("name").endswith("Fiemme e Fassa")
    assert window.wizard.page_list[0].form.editors["name"].value().endswith("Fiemme e Fassa")
    kinds = [b.kind for b in backups.backups_of(example_path)]
    assert "before-restore" in kinds
    before = next(b for b in backups.backups_of(example_path) if b.kind == "before-restore")
    kept = DistrictFile.open(before.path, read_only=True)
    assert kept.answer("name") == "DES rinominato"  # nothing is lost by restoring either
    kept.close()
    window.close()


def test_a_damaged_district_offers_its_latest_backup(make_window, example_path):
    first = make_window(example_path)
    first.close()
    with example_path.open("r+b") as handle:
        handle.truncate(8192)
    window = make_window()
    assert not window.open_district(example_path)
    box = window.dialog
    assert "copia di sicurezza" in box.text()  # the glossary's word for a backup
    button = next(b for b in box.buttons()
                  if "copia di sicurezza" in b.text().replace("&", ""))
    button.click()
    assert window.district is not None
    assert window.district.answer("name").endswith("Fiemme e Fassa")
    assert list(example_path.parent.glob("*.damaged-*"))


def test_the_opening_backup_is_taken_after_the_first_paint_or_at_the_latest_on_closing(
        qtbot, qapp, example_path):
    i18n.set_language("it")
    window = create_window(str(example_path), qapp)
    qtbot.addWidget(window)
    assert backups.backups_of(example_path) == []  # not before the window is drawn
    window.close_district()  # closed before the event loop ran: taken now, of the district
    assert [b.kind for b in backups.backups_of(example_path)] == ["opening"]
    qapp.processEvents()  # the queued call finds nothing left to do
    assert len(backups.backups_of(example_path)) == 1

"""The import preview on a sheet saved by LibreOffice: a title row, a merged cell, number cells."""

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.gui.import_dialog import ImportDialog

DATA = Path(__file__).parent.parent / "data"


def test_the_preview_numbers_rows_as_the_sheet_and_flags_what_it_changed(qtbot, window,
                                                                        wait_for_tasks):
    assert window.import_members(DATA / "members-libreoffice.ods")
    wait_for_tasks(window)  # the sheet is read by a worker
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    labels = [dialog.table.verticalHeaderItem(row).text()
              for row in range(1, dialog.table.rowCount())]
    assert labels == ["4", "5", "6", "7"]
    status = [dialog.table.item(row, 0).text() for row in range(1, dialog.table.rowCount())]
    assert "0462340123" in status[0]  # restored, and said so (in Italian)
    assert "riga 4" in status[1]  # left empty under the merged cell of line 4
    assert "123456789" in status[2]
    assert status[3] == "Pronta per l'importazione"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    members = window.district.rows("organizations")
    assert len(members) == 14
    assert [m["tax_code"] for m in members[-4:]] == ["00123450223", "00456780220", "123456789",
                                                    "VRDLCU80A01L378E"]
    assert members[-3]["contact_person"]["phone"] == "+390462501111"

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
    # Text cells are left alone; what the row lacks for the Review is said before the import.
    assert status[3].startswith("La verifica finale segnalerà un blocco per questo membro: "
                                "“Associazione Ciàcole” non ha un legale rappresentante")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    members = window.district.rows("organizations")
    assert len(members) == 14
    assert [m["tax_code"] for m in members[-4:]] == ["00123450223", "00456780220", "123456789",
                                                    "VRDLCU80A01L378E"]
    assert members[-3]["contact_person"]["phone"] == "+390462501111"


def test_whole_names_are_split_and_rows_that_lack_something_are_marked_before_import(
        qtbot, window, wait_for_tasks):
    assert window.import_members(DATA / "members-full-names-libreoffice.xlsx")
    wait_for_tasks(window)
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    combos = [combo.currentText() for combo in dialog.combos]
    assert combos[7] == "Referente: Nome e cognome"
    assert combos[10] == "Sostituto del referente: Cognome e nome"
    status = [dialog.table.item(row, 0).text() for row in range(1, dialog.table.rowCount())]
    assert "“Maria Grazia De Luca” è stato diviso in nome “Maria Grazia” e cognome “De Luca”" in (
        status[0])
    assert "verifica finale" not in status[0]
    assert status[1].startswith("Mancano ancora, per la verifica finale: Forma giuridica.")
    assert "legale rappresentante" in status[1]
    assert "referente" in status[2]
    assert "“123”" in status[2]
    yellow = [dialog.table.item(row, 0).background().color().name()
              for row in range(1, dialog.table.rowCount())]
    assert yellow == ["#fff1c2"] * 3  # all come in, each with something to look at
    assert "Per 2 di questi mancherà ancora qualcosa" in dialog.summary.text()
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    status = [dialog.table.item(row, 0).text() for row in range(1, dialog.table.rowCount())]
    assert status[1].startswith("Still missing for the Review: Legal form.")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    imported = {m["name"]: m for m in window.district.rows("organizations")}
    alfa = imported["Cooperativa Sociale Alfa"]
    assert (alfa["contact_person"]["name"], alfa["contact_person"]["surname"]) == (
        "Maria Grazia", "De Luca")
    assert (alfa["substitute"]["name"], alfa["substitute"]["surname"]) == ("Anna", "Dal Bosco")

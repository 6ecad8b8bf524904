"""A wrong tax code or VAT number is flagged beside its field in the window, and kept."""

from PySide6.QtCore import Qt

import i18n
from desktop.core.district_file import DistrictFile
from desktop.gui.app import create_window


def test_a_wrong_code_is_flagged_beside_the_field_and_kept(qtbot, qapp, tmp_path):
    i18n.set_language("it")
    window = create_window(None, qapp)
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "d.des"
    window.new_district(path)
    window.wizard.go_next()
    table = window.wizard.page_list[1].tables[0]
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    tax_code = table.form.editors["tax_code"]
    vat_number = table.form.editors["vat_number"]
    qtbot.keyClicks(tax_code.input, "00000040221")  # the check digit is 0
    qtbot.keyClicks(vat_number.input, "00000040220")
    assert tax_code.message.isVisible()
    assert "codice fiscale non supera il controllo" in tax_code.message.text()
    assert not vat_number.message.isVisible()
    tax_code.input.clearFocus()
    tax_code.flush()
    vat_number.flush()
    district = DistrictFile.open(path)
    row = district.rows("organizations")[0]
    assert row["tax_code"] == "00000040221"  # kept as typed
    assert row["vat_number"] == "00000040220"
    district.close()
    tax_code.input.backspace()
    qtbot.keyClicks(tax_code.input, "0")
    assert not tax_code.message.isVisible()

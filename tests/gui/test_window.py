from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton

import i18n
from desktop.core import settings
from desktop.core.district_file import DistrictFile
from desktop.core.step_state import StepState
from desktop.gui.app import create_window
from desktop.gui.export_dialog import ExportDialog
from wizard_steps import STEPS
from wizard_steps.widgets.editors import PersonEditor


@pytest.fixture
def make_window(qtbot, qapp):
    def make(path=None, lang="it"):
        i18n.set_language(lang)
        window = create_window(str(path) if path else None, qapp)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def editors(window):
    """Every field editor of every page, person parts included."""
    found = []
    for page in window.wizard.page_list:
        forms = page.forms + [t.form for t in page.tables]
        for form in forms:
            for editor in form.editors.values():
                found.extend(editor.parts if isinstance(editor, PersonEditor) else [editor])
    return found


def members_table(window):
    return window.wizard.page_list[1].tables[0]


def switch_language(window, lang):
    combo = window.language_combo
    combo.setCurrentIndex(combo.findData(lang))


def test_typing_is_saved_without_leaving_the_field(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "nuovo.des"
    assert window.new_district(path)
    name = window.wizard.page_list[0].form.editors["name"]
    name.input.selectAll()  # over the name proposed from the file's
    qtbot.keyClicks(name.input, "DES Val di Non")
    # After the typing pause the words are in the file, with the window still open.
    qtbot.waitUntil(lambda: DistrictFile.open(path).answer("name") == "DES Val di Non",
                    timeout=3000)
    assert "Salvato" in window.save_label.text()


def test_closing_the_window_keeps_every_word(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "nuovo.des"
    window.new_district(path)
    place = window.wizard.page_list[0].form.editors["signing_place"]
    qtbot.keyClicks(place.input, "Cles")
    window.close()  # before the typing pause is over
    assert DistrictFile.open(path).answer("signing_place") == "Cles"
    again = make_window()
    assert again.district.path == path.resolve() or again.district.path == path
    assert again.wizard.page_list[0].form.editors["signing_place"].value() == "Cles"


def test_every_input_is_named_after_its_label(make_window, example_path):
    window = make_window(example_path)
    for lang in ("it", "en"):
        switch_language(window, lang)
        for editor in editors(window):
            label = i18n.translator(lang).gettext(editor.declared.label)
            assert editor.input.accessibleName() == label
            assert editor.label.text().rstrip(" *") == label


def visible_texts(window):
    texts = set()
    for widget in window.findChildren(QLabel) + window.findChildren(QPushButton):
        if widget.text():
            texts.add(widget.text())
    for action in window.findChildren(type(window.new_action)):
        if action.text():
            texts.add(action.text())
    return texts


def test_switching_language_retranslates_everything_and_keeps_the_values(make_window,
                                                                         example_path):
    window = make_window(example_path)
    before_values = [e.value() for e in editors(window)]
    italian = visible_texts(window)
    assert "&Avanti >" in italian or "Avanti >" in {t.replace("&", "") for t in italian}
    switch_language(window, "en")
    english = visible_texts(window)
    assert i18n.current_language() == "en"
    assert window.wizard.next_button.text() == "&Next >"
    assert window.wizard.page_list[0].heading.text() == "District"
    assert window.save_label.text().startswith("Saved")
    # Nothing Italian is left among the texts the program itself wrote.
    ours = {i18n.translator("it").gettext(m.id) for m in _catalog_ids()}
    left = {t for t in english & italian if t in ours
            and i18n.translator("en").gettext(t) != t}
    assert not left
    assert [e.value() for e in editors(window)] == before_values
    switch_language(window, "it")
    assert window.wizard.page_list[1].heading.text() == "Membri"
    assert [e.value() for e in editors(window)] == before_values


def _catalog_ids():
    from babel.messages.pofile import read_po

    with (Path(i18n.CATALOG_DIR) / "it" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return [m for m in read_po(handle) if m.id]


def test_qt_own_buttons_follow_the_language(make_window, example_path):
    window = make_window(example_path)
    window.request_export()
    dialog = window.dialog
    assert isinstance(dialog, ExportDialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Annulla"
    switch_language(window, "en")
    assert cancel.text().replace("&", "") == "Cancel"
    assert dialog.windowTitle() == "Export the voluntary agreement"
    switch_language(window, "it")
    assert cancel.text().replace("&", "") == "Annulla"


def test_the_language_is_remembered(make_window, example_path):
    window = make_window(example_path)
    switch_language(window, "en")
    window.close()
    assert settings.load().language == "en"


def test_a_wrong_email_is_flagged_as_typed_and_kept(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "d.des"
    window.new_district(path)
    window.wizard.go_next()
    table = members_table(window)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    email = table.form.editors["contact_person"].parts[2]
    qtbot.keyClicks(email.input, "mario.rossi@")
    assert email.message.isVisible()
    assert "indirizzo email" in email.message.text()
    email.input.clearFocus()
    email.flush()
    window.wizard.refresh_states()
    assert window.wizard.state_of(1) is StepState.PROBLEMS
    district = DistrictFile.open(path)
    assert district.rows("organizations")[0]["contact_person"]["email"] == "mario.rossi@"
    qtbot.keyClicks(email.input, "example.org")
    assert not email.message.isVisible()


def test_members_are_added_renamed_and_removed_with_confirmation(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "d.des"
    window.new_district(path)
    window.wizard.go_next()
    table = members_table(window)
    for name in ("Cooperativa Alfa", "Associazione Beta"):
        qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(table.form.editors["name"].input, name)
        table.form.flush()
    assert [table.list.item(i).text() for i in range(2)] == ["Cooperativa Alfa",
                                                            "Associazione Beta"]
    table.list.setCurrentRow(0)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    box = table._confirm
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert "Cooperativa Alfa" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert [r["name"] for r in DistrictFile.open(path).rows("organizations")] == [
        "Associazione Beta"]
    assert table.list.count() == 1


def test_cancelling_the_removal_keeps_the_member(qtbot, make_window, example_path):
    window = make_window(example_path)
    window.wizard.go_next()
    table = members_table(window)
    table.list.setCurrentRow(3)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(table._confirm.button(QMessageBox.StandardButton.No),
                     Qt.MouseButton.LeftButton)
    assert len(DistrictFile.open(example_path).rows("organizations")) == 10


def test_step_states(make_window, tmp_path, example_path):
    window = make_window(example_path)
    assert [window.wizard.state_of(i) for i in range(len(STEPS))] == [StepState.DONE] * len(STEPS)
    window.new_district(tmp_path / "empty.des")
    states = {step.key: window.wizard.state_of(i) for i, step in enumerate(STEPS)}
    # A new district opens on steps to do, not on a column of red; an optional step with
    # nothing written in it is not "done" either.
    assert set(states.values()) == {StepState.INCOMPLETE}


def test_export_from_the_window_in_the_other_language(qtbot, make_window, example_path,
                                                      tmp_path, wait_for_tasks):
    window = make_window(example_path)
    window.request_export()
    dialog = window.dialog
    dialog.language_buttons["en"].setChecked(True)
    target = tmp_path / "agreement.pdf"
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    wait_for_tasks(window)
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Voluntary agreement" in text
    assert i18n.current_language() == "it"


def test_a_bad_file_shows_a_message_and_the_window_goes_on(make_window, tmp_path,
                                                           example_path):
    window = make_window(example_path)
    bad = tmp_path / "rotto.des"
    bad.write_text("niente " * 40)
    assert not window.open_district(bad)
    assert isinstance(window.dialog, QMessageBox)
    assert window.dialog.isVisible()
    assert "non è un file di distretto" in window.dialog.text()
    assert window.district is not None
    assert window.district.path == example_path


def test_welcome_screen_then_example(make_window):
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.isHidden()  # nothing to list on a first run
    window.welcome.example_button.click()
    assert window.district is not None
    assert window.district.path.parent == settings.documents_dir()
    assert len(window.district.rows("organizations")) == 10


def test_keyboard_moves_between_steps(make_window, example_path):
    window = make_window(example_path)
    window.activateWindow()
    window.next_action.trigger()
    assert window.wizard.current_index() == 1
    window.back_action.trigger()
    assert window.wizard.current_index() == 0
    assert window.next_action.shortcut().toString() == "Alt+Right"

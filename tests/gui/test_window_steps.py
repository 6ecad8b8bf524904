"""The establishment steps in the real window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

import i18n
from desktop.core.district_file import DistrictFile
from desktop.core.example import OLTRE
from desktop.gui.import_dialog import ImportDialog
from tests.core.test_member_import import write_csv
from wizard_steps import STEPS


def step_index(key):
    return next(i for i, s in enumerate(STEPS) if s.key == key)


def test_every_step_and_the_review_can_be_reached(window):
    wizard = window.wizard
    # the steps, the review, then the district's years (the example is signed)
    assert wizard.steps.count() == len(STEPS) + 2
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        assert wizard.pages.currentIndex() == index
        assert wizard.help_text.text()
    assert wizard.pages.currentWidget() is wizard.review
    # The Review is no dead end: the way on is the agreement itself.
    assert not wizard.next_button.isVisible()
    assert wizard.export_button.isVisible()
    assert wizard.print_button.isVisible()


def test_removing_a_member_still_named_elsewhere_asks_and_says_where(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(step_index("members"))
    table = wizard.table_editor("organizations")
    table.list.setCurrentRow([r["id"] for r in window.district.rows("organizations")].index(
        OLTRE))
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    text = table._confirm.text()
    for place in (i18n._("Objectives"), i18n._("Decision bodies"), i18n._("Roles of the members"),
                  i18n._("Who acts at each stage of the chain")):
        assert place in text
    qtbot.mouseClick(table._confirm.button(QMessageBox.StandardButton.Yes),
                     Qt.MouseButton.LeftButton)
    assert OLTRE not in window.district.member_names()
    # The objective's member list no longer offers it ...
    wizard.steps.setCurrentRow(step_index("objectives"))
    objectives = wizard.table_editor("objectives")
    roles = objectives.form.editors["members_roles"]
    assert OLTRE not in roles.kind_input.picker.member_ids()
    # ... and Undo brings it back, with its role in the objective.
    wizard.steps.setCurrentRow(step_index("members"))
    assert table.undo_button.isEnabled()
    qtbot.mouseClick(table.undo_button, Qt.MouseButton.LeftButton)
    assert window.district.member_names()[OLTRE] == "Cooperativa Oltre"
    wizard.steps.setCurrentRow(step_index("objectives"))
    objectives.list.setCurrentRow(0)
    assert roles.kind_input.picker.is_ticked(OLTRE)
    assert roles.kind_input.picker.role_of(OLTRE) == "gestisce i percorsi propedeutici"


def test_a_renamed_member_shows_its_new_name_in_every_choice(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(step_index("members"))
    table = wizard.table_editor("organizations")
    table.list.setCurrentRow(0)
    name = table.form.editors["name"].input
    name.selectAll()
    qtbot.keyClicks(name, "Comun General de Fascia - Procura")
    table.flush()
    wizard.steps.setCurrentRow(step_index("key_figures"))
    external = wizard.page_list[step_index("key_figures")].form.editors["external_contact"]
    member = external.parts[-1].input
    assert member.currentText() == "Comun General de Fascia - Procura"


def test_choosing_a_member_and_ticking_roles_is_saved(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(step_index("objectives"))
    objectives = wizard.table_editor("objectives")
    qtbot.mouseClick(objectives.add_button, Qt.MouseButton.LeftButton)
    roles = objectives.form.editors["members_roles"]
    picker = roles.kind_input.picker
    picker.set_ticked(3, True)
    role_cell = picker.model.index(picker.member_row(3), 1)
    picker.view.edit(role_cell)
    editor = picker.view.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "formazione")
    roles.flush()
    saved = window.district.rows("objectives")[-1]["members_roles"]
    assert saved == [{"member": 3, "role": "formazione"}]


def test_undo_puts_back_a_removed_meeting(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(step_index("governance"))
    meetings = wizard.table_editor("meetings")
    meetings.list.setCurrentRow(1)
    qtbot.mouseClick(meetings.remove_button, Qt.MouseButton.LeftButton)
    meetings._confirm.button(QMessageBox.StandardButton.Yes).click()
    assert len(window.district.rows("meetings")) == 2
    meetings.undo_button.click()
    assert [m["place"] for m in window.district.rows("meetings")][1] == "Sèn Jan di Fassa"
    assert meetings.list.currentRow() == 1


def test_import_preview_then_confirm(qtbot, window, tmp_path, wait_for_tasks):
    path = write_csv(tmp_path / "soci.csv")
    assert window.import_members(path)
    wait_for_tasks(window)
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    assert len(window.district.rows("organizations")) == 10  # nothing yet
    status = [dialog.table.item(row, 0).text() for row in range(1, dialog.table.rowCount())]
    # It comes in, and says what the Review will still block on (no legal representative).
    assert status[0].startswith(i18n._("The Review will block on this member: {problem}")
                                .split("{")[0])
    assert i18n._("Empty row.") in status[2]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    names = [m["name"] for m in window.district.rows("organizations")]
    assert names[-3:] == ["Cooperativa Alfa", "Associazione Beta", "Comune di Esempio"]
    assert window.wizard.table_editor("organizations").list.count() == 13


def test_import_cancelled_writes_nothing(window, tmp_path, wait_for_tasks):
    window.import_members(write_csv(tmp_path / "soci.csv"))
    wait_for_tasks(window)
    window.dialog.reject()
    assert len(window.district.rows("organizations")) == 10


def test_an_unreadable_spreadsheet_is_explained(window, tmp_path, wait_for_tasks):
    bad = tmp_path / "soci.xlsx"
    bad.write_bytes(b"garbage")
    task = window.import_members(bad)
    wait_for_tasks(window)
    assert task.error is not None
    assert isinstance(window.dialog, QMessageBox)
    assert "Excel" in window.dialog.text()


def test_calendar_export_from_the_window(window, tmp_path, wait_for_tasks):
    target = tmp_path / "assemblee.ics"
    assert window.export_calendar(target)
    wait_for_tasks(window)
    # The example's founding assembly and the three meetings of its plan.
    assert target.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 4


def test_the_review_lists_every_step_and_links_back(window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    html = wizard.review.text()
    for step in STEPS:
        assert i18n._(step.title) in html
    assert "Tavolo di regia" in html
    assert "Cavalese" in html
    wizard.review.summaries[step_index("governance")].edit_button.click()
    assert wizard.current_index() == step_index("governance")


def test_typing_in_a_key_figure_is_saved(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(step_index("key_figures"))
    coordinator = wizard.page_list[step_index("key_figures")].form.editors["coordinator"]
    email = coordinator.parts[2].input
    email.selectAll()
    qtbot.keyClicks(email, "nuova@example.org")
    coordinator.flush()
    assert window.district.answer("coordinator")["email"] == "nuova@example.org"
    assert window.district.answer("coordinator")["name"] == "Anna"


def test_the_external_contact_hides_when_one_person_holds_both_roles(window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(step_index("key_figures"))
    form = wizard.page_list[step_index("key_figures")].form
    same = form.editors["same_person"].input
    same.setCurrentIndex(same.findData(True))
    assert form.editors["external_contact"].isHidden()
    assert DistrictFile.open(window.district.path).answer("same_person") is True


def test_the_review_says_ready_then_draft_and_goes_to_the_field(window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    assert wizard.review.verdict.text() == i18n._("Ready to sign")
    window.district.set_answer("external_contact", {"name": "", "surname": "", "email": "",
                                                    "phone": "", "member": None})
    wizard.review.refresh()
    assert wizard.review.verdict.text() == i18n.ngettext(
        "{count} problem blocks the final agreement",
        "{count} problems block the final agreement", 1).format(count=1)
    wizard.refresh_states()
    key_figures = step_index("key_figures")
    # A required answer missing again: the step is back to "to do" (the review says it blocks).
    assert wizard.steps.item(key_figures).data(Qt.ItemDataRole.UserRole) == "incomplete"
    next(r for r in wizard.review.rows if r.finding.rule == "K2").go_button.click()
    assert wizard.current_index() == key_figures
    external = wizard.page_list[key_figures].form.editors["external_contact"]
    assert external.parts[0].input.hasFocus() or window.focusWidget() is external.parts[0].input


def test_a_warning_is_accepted_with_a_reason(qtbot, window):
    roles = window.district.rows("roles")
    window.district.remove_row("roles", roles[-1]["id"])  # nobody for external communication
    wizard = window.wizard
    wizard.refresh_states()
    governance = step_index("governance")
    assert wizard.steps.item(governance).data(Qt.ItemDataRole.UserRole) == "warnings"
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    row = next(r for r in wizard.review.rows if r.finding.rule == "G6")
    assert row.accept_button is not None
    row.accept_button.click()
    dialog = wizard.review.dialog
    qtbot.keyClicks(dialog.reason, "Li decideremo alla prima assemblea.")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert window.district.acknowledgements() == [
        {"rule": "G6", "row": None, "reason": "Li decideremo alla prima assemblea."}]
    assert "Li decideremo alla prima assemblea." in wizard.review.text()
    assert wizard.steps.item(governance).data(Qt.ItemDataRole.UserRole) == "done"


def test_the_forecast_grid_adds_up_as_typed_and_refuses_what_it_cannot_read(window):
    from desktop.core.finance import forecast as compute

    wizard = window.wizard
    index = step_index("financial_plan")
    wizard.steps.setCurrentRow(index)
    grid = next(e for form in wizard.page_list[index].forms for e in form.editors.values()
                if type(e).__name__ == "ForecastEditor")
    assert "3.400,00" in grid.fees.text()  # the fee, from the ten members' natures
    table = grid.table
    cell = next(table.item(r, 0) for r in range(table.rowCount())
                if table.item(r, 0) is not None
                and table.item(r, 0).data(Qt.ItemDataRole.UserRole) == ("income",
                                                                        "other_income", 2027))
    cell.setText("mille")
    assert not grid.message.isHidden()
    assert "other_income" not in window.district.answer("forecasts")["income"] or \
        "2027" not in window.district.answer("forecasts")["income"]["other_income"]
    cell = next(table.item(r, 0) for r in range(table.rowCount())
                if table.item(r, 0) is not None
                and table.item(r, 0).data(Qt.ItemDataRole.UserRole) == ("income",
                                                                        "other_income", 2027))
    cell.setText("1.500,00")
    assert window.district.answer("forecasts")["income"]["other_income"]["2027"] == 150_000
    from desktop.core.document import to_document

    assert compute(to_document(window.district)).balance(2027) == 150_000
    balance_row = next(r for r in range(table.rowCount())
                       if table.verticalHeaderItem(r).text() == i18n._("Balance of the year"))
    assert table.item(balance_row, 0).text() == "1.500,00"


def test_the_list_buttons_are_not_drawn_over_the_step_list_before_their_page(window):
    """The import and calendar buttons belong to the Members and Governance pages, built when
    first shown: until then they were drawn at the view's top-left corner, over step 1."""
    wizard = window.wizard
    window.show()
    assert wizard.pages.currentIndex() == 0
    assert not wizard.calendar_button.isVisible()
    assert not wizard.import_button.isVisible()
    wizard.steps.setCurrentRow(step_index("governance"))
    assert wizard.calendar_button.isVisible()
    page = wizard.page_list[step_index("governance")]
    assert page.isAncestorOf(wizard.calendar_button)

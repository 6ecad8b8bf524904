"""Member pickers and member combos are refilled only when what they show would change: a page
being built loads and refreshes each editor in turn, and a language switch relabels every
editor; a thousand members made again each time cost a visible pause."""

from __future__ import annotations

from PySide6.QtCore import Qt

from i18n import _, set_language
from wizard_steps.fields import Field, Kind
from wizard_steps.widgets.editors import make_editor
from wizard_steps.widgets.member_picker import MemberPicker

MEMBERS = {1: "Cooperativa Oltre", 2: "Fiemme 3000", 3: ""}


def test_the_same_names_and_ticks_keep_the_rows_already_made(qtbot):
    picker = MemberPicker(with_roles=True)
    qtbot.addWidget(picker)
    value = [{"member": 2, "role": "capofila"}]
    picker.fill(MEMBERS, value)
    first = picker.model.item(0, 0)
    picker.fill(dict(MEMBERS), [dict(item) for item in value])
    assert picker.model.item(0, 0) is first  # not made again
    assert picker.value() == value


def test_a_tick_the_file_does_not_hold_is_undone_by_the_next_fill(qtbot):
    picker = MemberPicker(with_roles=False)
    qtbot.addWidget(picker)
    picker.fill(MEMBERS, [1])
    picker.set_ticked(2, True)  # on screen, not in the value given below
    picker.fill(MEMBERS, [1])
    assert picker.value() == [1]


def test_new_names_and_another_language_are_shown(qtbot):
    picker = MemberPicker(with_roles=False)
    qtbot.addWidget(picker)
    set_language("en")  # the suite's fixture puts Italian back
    picker.fill(MEMBERS, [])
    assert picker.model.item(2, 0).text() == "(no name yet)"
    picker.fill(MEMBERS | {3: "Pastificio Felicetti"}, [])
    assert picker.model.item(2, 0).text() == "Pastificio Felicetti"
    set_language("it")
    picker.fill(MEMBERS, [])
    assert picker.model.item(2, 0).text() not in ("(no name yet)", "Pastificio Felicetti")
    assert picker.model.item(2, 0).checkState() == Qt.CheckState.Unchecked


def test_a_member_combo_keeps_its_items_and_relabels_them_at_a_language_switch(qtbot):
    names = dict(MEMBERS)
    editor = make_editor(Field("member", Kind.MEMBER, "Member"), members=lambda: dict(names))
    qtbot.addWidget(editor)
    combo = editor.input
    editor.set_value(2)
    first_text = combo.itemText(0)
    inserted: list[int] = []
    combo.model().rowsInserted.connect(lambda _parent, _first, last: inserted.append(last))
    editor.refresh_members()
    assert combo.currentData() == 2
    assert combo.count() == 4
    set_language("en")  # the suite's fixture puts Italian back
    editor.retranslate()
    assert combo.itemText(0) == "— choose a member —" != first_text
    assert combo.itemText(3) == "(no name yet)"
    assert combo.itemText(1) == "Cooperativa Oltre"
    assert combo.currentData() == 2
    assert inserted == []  # nothing was made again for the same names
    names[3] = "Pastificio Felicetti"  # a new name: the items are made again
    editor.refresh_members()
    assert combo.itemText(3) == "Pastificio Felicetti"
    assert combo.currentData() == 2
    assert combo.itemText(0) == _("— choose a member —")

"""Every kind has an editor, and each input shows and gives back a sample value of its kind."""

from __future__ import annotations

import pytest

from i18n import N_, set_language
from wizard_steps.fields import Choice, Field, person_fields
from wizard_steps.kinds import Kind, kind_of
from wizard_steps.widgets.editors import EDITORS, INPUTS, FieldEditor, make_editor

CHOICES = (Choice("alpha", N_("Yes")), Choice("beta", N_("No")), Choice("gamma", N_("Other")))
MEMBERS = {1: "Coop Alfa", 2: "Comune di Predazzo", 3: "Spółdzielnia Łódź"}


def _declared(kind: Kind) -> Field:
    return Field(f"sample_{kind.value}", kind, N_("Name"), choices=CHOICES,
                 row_fields=person_fields(required=False) if kind is Kind.PERSON else ())


def test_every_kind_but_the_table_has_an_editor() -> None:
    # Tables are pages of their own (a list beside the selected row's form), not editors.
    assert set(INPUTS) | set(EDITORS) == set(Kind) - {Kind.TABLE}
    assert not set(INPUTS) & set(EDITORS)


@pytest.mark.parametrize("kind", sorted(INPUTS), ids=str)
@pytest.mark.parametrize("lang", ["it", "en"])
def test_an_input_gives_back_the_value_it_shows(qtbot, kind: Kind, lang: str) -> None:
    set_language(lang)
    declared = _declared(kind)
    editor = make_editor(declared, members=lambda: MEMBERS)
    qtbot.addWidget(editor)
    assert isinstance(editor, FieldEditor)
    sample = kind_of(declared).sample(0)
    committed: list[object] = []
    editor.committed.connect(lambda _key, value: committed.append(value))
    editor.set_value(sample)
    assert editor.value() == sample
    assert committed == []  # showing a saved value does not save it again
    editor.retranslate()
    assert editor.value() == sample
    editor.set_value(None)
    assert kind_of(declared).is_empty(editor.value())

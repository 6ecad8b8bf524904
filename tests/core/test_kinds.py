"""Each kind's class agrees with itself: its sample fits its schema, survives its column, and
reads as words; the names the rules and the agreement use are checked against the declarations."""

from __future__ import annotations

import jsonschema
import pytest

from desktop.core.example import example_document
from desktop.core.readiness import RULES
from i18n import N_, translator
from wizard_steps import keys
from wizard_steps.fields import Choice, Field, person_fields
from wizard_steps.kinds import KINDS, Kind, display_value, kind_of

CHOICES = (Choice("alpha", N_("Yes")), Choice("beta", N_("No")))
MEMBERS = {1: "Coop Alfa", 2: "Comune di Predazzo", 3: "Spółdzielnia Łódź"}


def _declared(kind: Kind) -> Field:
    parts = person_fields(required=False) if kind in (Kind.PERSON, Kind.TABLE) else ()
    return Field(f"sample_{kind.value}", kind, N_("Name"), choices=CHOICES, row_fields=parts)


@pytest.mark.parametrize("kind", sorted(KINDS), ids=str)
@pytest.mark.parametrize("variant", [0, 1, 2])
def test_a_sample_fits_the_schema_and_reads_as_words(kind: Kind, variant: int) -> None:
    declared = _declared(kind)
    behaviour = kind_of(declared)
    sample = behaviour.sample(variant)
    jsonschema.validate(sample, behaviour.schema())
    assert not behaviour.is_empty(sample)
    assert behaviour.is_empty(behaviour.empty())
    for lang in ("it", "en"):
        assert display_value(declared, sample, MEMBERS, translator(lang).gettext, lang)
        assert display_value(declared, behaviour.empty(), MEMBERS,
                             translator(lang).gettext, lang) == ""


@pytest.mark.parametrize("kind", [k for k in sorted(KINDS) if not KINDS[k](
    _declared(k)).kept_apart and k not in (Kind.FORECAST, Kind.TABLE)],
    ids=str)
def test_a_sample_survives_its_column(kind: Kind) -> None:
    behaviour = kind_of(_declared(kind))
    sample = behaviour.sample(1)
    assert behaviour.decode(behaviour.encode(sample)) == sample
    assert behaviour.decode(None) == behaviour.empty()


def test_a_field_name_that_is_not_declared_fails_where_it_is_named() -> None:
    assert keys("members.organizations", "legal_form nature").legal_form == "legal_form"
    with pytest.raises(KeyError):
        keys("members.organizations", "legal_fom")
    with pytest.raises(KeyError):
        keys("members.legal_form", "name")  # not a table or a person


def test_a_rule_writes_its_id_once_and_its_findings_carry_it() -> None:
    document = example_document()
    document["members"]["organizations"] = document["members"]["organizations"][:1]
    document["governance"]["bodies"] = []
    fired = {rule_id: RULES[rule_id](document) for rule_id in RULES}
    assert fired["S1"]
    assert fired["G1"]
    assert all(f.rule == rule_id for rule_id, found in fired.items() for f in found)

"""The step list starts as "to do" and turns red only for what the user can act on."""

from __future__ import annotations

from desktop.core.defaults import start_district
from desktop.core.document import to_document
from desktop.core.readiness import Level, findings
from desktop.core.step_state import StepState, step_state
from wizard_steps import STEPS


def states(district) -> dict[str, StepState]:
    document = to_document(district)
    found = findings(document)
    result = {}
    for step in STEPS:
        mine = [f for f in found if f.step == step.key]
        rows = {f.key: district.rows(f.key) for f in step.fields if f.kind.value == "table"}
        result[step.key] = step_state(step, district.answers(), rows,
                                      sum(f.level is Level.BLOCKING for f in mine),
                                      sum(f.level is Level.WARNING for f in mine))
    return result


def test_a_new_district_starts_with_every_step_to_do(tmp_path):
    district = start_district(tmp_path / "nuovo.des")
    assert set(states(district).values()) == {StepState.INCOMPLETE}


def test_an_optional_step_turns_done_once_something_is_written(tmp_path):
    district = start_district(tmp_path / "nuovo.des")
    assert states(district)["clauses"] is StepState.INCOMPLETE
    district.add_row("clauses", {"title_it": "Riservatezza", "text_it": "Le Parti…"})
    assert states(district)["clauses"] is not StepState.INCOMPLETE


def test_a_wrong_value_is_red_at_once(tmp_path):
    district = start_district(tmp_path / "nuovo.des")
    member = district.add_row("organizations", {"name": "Coop"})
    district.set_row_value("organizations", member, "contact_person.email", "non-una-email")
    assert states(district)["members"] is StepState.PROBLEMS


def test_the_example_is_done(example_path):
    from desktop.core.district_file import DistrictFile

    district = DistrictFile.open(example_path)
    assert set(states(district).values()) <= {StepState.DONE, StepState.WARNINGS}


def test_a_blocking_finding_on_a_filled_step_is_red_and_a_warning_yellow(example_path):
    from desktop.core.district_file import DistrictFile

    district = DistrictFile.open(example_path)
    step = STEPS[0]
    rows = {f.key: district.rows(f.key) for f in step.fields if f.kind.value == "table"}
    assert step_state(step, district.answers(), rows, blocking=1) is StepState.PROBLEMS
    assert step_state(step, district.answers(), rows, warnings=1) is StepState.WARNINGS

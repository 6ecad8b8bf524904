import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.district_file import DistrictFile
from desktop.core.document import from_document, schema, to_document, validate
from desktop.core.errors import DocumentError
from desktop.core.example import example_document
from tests.samples import sample_value
from wizard_steps import STEPS
from wizard_steps.fields import Kind


def full_document() -> dict:
    """A document with a value in every declared field, and three members."""
    document = {"format": "des-wizard/district", "format_version": 1}
    for step in STEPS:
        section = {}
        for declared in step.fields:
            if declared.kind is Kind.TABLE:
                section[declared.key] = [
                    {f.key: sample_value(f, n) for f in declared.row_fields} for n in range(3)
                ]
                if declared.table == "members":
                    for number, row in enumerate(section[declared.key], start=1):
                        row["id"] = number
            else:
                section[declared.key] = sample_value(declared, 1)
        document[step.key] = section
    return document


def test_the_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("make", [full_document, example_document])
def test_to_json_from_json_to_json_is_stable(tmp_path, make):
    document = make()
    validate(document)
    first = from_document(document, tmp_path / "a.des")
    exported = to_document(first)
    first.close()
    second = from_document(json.loads(json.dumps(exported)), tmp_path / "b.des")
    assert to_document(second) == exported
    second.close()
    for step in STEPS:
        if step.key in document:
            assert exported[step.key] == document[step.key]


def test_the_schema_describes_every_declared_field():
    properties = schema()["properties"]
    for step in STEPS:
        for declared in step.fields:
            assert declared.key in properties[step.key]["properties"]
            if declared.kind is Kind.TABLE:
                items = properties[step.key]["properties"][declared.key]["items"]
                assert set(items["properties"]) - {"id"} == {f.key for f in declared.row_fields}


@pytest.mark.parametrize("breakage", [
    lambda d: d["district"].update(district_type="cantonal"),
    lambda d: d["district"].update(duration_years="three"),
    lambda d: d["members"]["organizations"][0].update(stages=["banking"]),
    lambda d: d["members"]["organizations"][0].update(unknown_field=1),
    lambda d: d.update(format="something-else"),
    lambda d: d["district"].update(signing_date="15/03/2027"),
])
def test_an_invalid_document_writes_nothing(tmp_path, breakage):
    document = example_document()
    breakage(document)
    with pytest.raises(DocumentError):
        from_document(document, tmp_path / "out.des")
    assert list(tmp_path.iterdir()) == []


def test_from_json_refuses_to_overwrite(tmp_path):
    target = tmp_path / "out.des"
    target.write_bytes(b"precious")
    with pytest.raises(DocumentError):
        from_document(example_document(), target)
    assert target.read_bytes() == b"precious"


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80))
def test_any_text_travels_unchanged(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("t")
    document = example_document()
    document["district"]["name"] = text
    document["members"]["organizations"][0]["contact_person"]["email"] = text
    district = from_document(document, folder / "x.des")
    again = to_document(district)
    district.close()
    assert again["district"]["name"] == text
    assert again["members"]["organizations"][0]["contact_person"]["email"] == text


def test_a_district_opened_twice_gives_the_same_document(example_path):
    first = DistrictFile.open(example_path)
    second = DistrictFile.open(example_path)
    assert to_document(first) == to_document(second)
    first.close()
    second.close()


def test_a_removed_member_leaves_every_list_that_named_it(tmp_path):
    district = DistrictFile.create(tmp_path / "d.des")
    kept = district.add_row("organizations", {"name": "Kept"})
    gone = district.add_row("organizations", {"name": "Gone"})
    district.add_row("objectives", {"title": "O", "members_roles": [
        {"member": kept, "role": "a"}, {"member": gone, "role": "b"}]})
    district.add_row("bodies", {"name": "Board", "members": [kept, gone]})
    district.db.execute("DELETE FROM members WHERE id = ?", [gone])  # behind the file's back
    document = to_document(district)
    assert [r["member"] for r in document["objectives"]["objectives"][0]["members_roles"]] == [
        kept]
    assert document["governance"]["bodies"][0]["members"] == [kept]
    assert document["governance"]["bodies"][0]["name"] == "Board"
    assert [m["name"] for m in document["members"]["organizations"]] == ["Kept"]

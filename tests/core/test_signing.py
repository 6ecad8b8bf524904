"""Digital signatures: the final exported with fields, signed with throwaway certificates by
several parties in turn, in separate copies and in .p7m envelopes, and verified offline."""

from __future__ import annotations

import json
import shutil
from io import BytesIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from desktop.cli import main
from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document, validate
from desktop.core.errors import UserError
from desktop.core.example import EXAMPLE_MARK, example_document, write_example
from desktop.core.signing.export import export_for_signing
from desktop.core.signing.names import same_person
from desktop.core.signing.sample import Identity, ThrowawayAuthority, sign_p7m, sign_pdf
from desktop.core.signing.store import (
    add_signed_files,
    current_state,
    latest_export,
    record_export,
    save_signed_file,
    signed_files,
)
from desktop.core.signing.verify import NOT_EXPORTED_TEXT, NOT_INTACT

MEMBERS = example_document()["members"]["organizations"]


def _representative(member: dict) -> tuple[str, str]:
    given, surname = member["legal_representative"].replace(EXAMPLE_MARK, "").split(maxsplit=1)
    return given, surname.strip()


@pytest.fixture(scope="module")
def authority() -> ThrowawayAuthority:
    return ThrowawayAuthority()


@pytest.fixture(scope="module")
def identities(authority) -> dict[int, Identity]:
    """One certificate per legal representative of the example; the first is qualified."""
    return {member["id"]: authority.issue(*_representative(member),
                                          qualified=member["id"] == 1)
            for member in MEMBERS}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> tuple[Path, Path, dict[int, str]]:
    """The example with its final exported for signature, made once for the module."""
    folder = tmp_path_factory.mktemp("prepared")
    district = write_example(folder / "example.des")
    final = folder / "final.pdf"
    record_export(district, export_for_signing(to_document(district), "it", final))
    export = latest_export(district)
    district.close()
    assert export is not None
    return folder / "example.des", final, {member: name for name, member in
                                           export.fields.items()}


@pytest.fixture
def exported(prepared, tmp_path) -> tuple[Path, Path, dict[int, str]]:
    """A copy of the prepared district, the final, and the field of each member."""
    district_path, final, fields = prepared
    copy = tmp_path / district_path.name
    shutil.copy(district_path, copy)
    return copy, final, fields


@pytest.fixture(scope="module")
def signed_by_all(prepared, identities) -> bytes:
    """The final signed by every party in turn, one incremental revision each."""
    _, final, fields = prepared
    return _sign_in_turn(final.read_bytes(), identities, fields, sorted(fields))


def _sign_in_turn(data: bytes, identities: dict[int, Identity], fields: dict[int, str],
                  members: list[int]) -> bytes:
    for member in members:
        data = sign_pdf(data, identities[member], fields[member])
    return data


def _add(district_path: Path, *files: Path):
    district = DistrictFile.open(district_path)
    try:
        add_signed_files(district, list(files))
        document = to_document(district)
        return current_state(district, document), document
    finally:
        district.close()


def test_the_export_has_one_empty_named_field_per_representative(exported):
    from pypdf import PdfReader

    _, final, fields = exported
    reader = PdfReader(final)
    found = {name: field for name, field in reader.get_fields().items()
             if field.get("/FT") == "/Sig"}
    assert set(found) == set(fields.values())
    assert all(field.get("/V") is None for field in found.values())
    assert "Laura Bernard" in fields[1]
    assert fields[1].startswith("Firma 1")
    text = reader.pages[-2].extract_text() + reader.pages[-1].extract_text()
    assert "Firme elettroniche qualificate" in text
    assert "Cassa Rurale di Fiemme" in text


def test_every_party_signing_in_turn_signs_the_agreement(exported, signed_by_all, tmp_path):
    district_path = exported[0]
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(signed_by_all)
    state, document = _add(district_path, signed)
    assert state.all_signed
    assert all(p.signer_is_representative for p in state.parties)
    last = max(p.signature.signed_at for p in state.parties if p.signature)
    assert state.signed_on == last[:10]
    record = document["signatures"]
    assert record["signed_on"] == state.signed_on
    assert len(record["parties"]) == len(MEMBERS)
    assert [p["qualified"] for p in record["parties"]][:2] == [True, False]
    validate(json.loads(json.dumps(document)))
    assert main(["signatures", str(district_path)]) == 0


def test_a_party_missing_leaves_the_agreement_unsigned(exported, identities, tmp_path, capsys,
                                                       monkeypatch):
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    district_path, final, fields = exported
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(_sign_in_turn(final.read_bytes(), identities, fields,
                                     [m for m in sorted(fields) if m != 4]))
    assert main(["signatures", str(district_path), str(signed)]) == 1
    out = capsys.readouterr().out
    assert "✗ Cooperativa Oltre" in out
    assert "firme mancanti 1 su 10" in out
    state, document = _add(district_path)
    assert not state.all_signed
    assert state.signed_on == ""
    assert [p.member_id for p in state.parties if not p.signed] == [4]
    assert document["signatures"]["signed_on"] == ""


def test_each_party_may_sign_its_own_copy(exported, identities, tmp_path):
    district_path, final, fields = exported
    copies = []
    for member in sorted(fields):
        copy = tmp_path / f"copy-{member}.pdf"
        copy.write_bytes(sign_pdf(final.read_bytes(), identities[member], fields[member]))
        copies.append(copy)
    state, _ = _add(district_path, *copies[:5])
    assert not state.all_signed
    state, _ = _add(district_path, *copies[5:])
    assert state.all_signed


def test_a_signature_over_a_modified_text_does_not_count(exported, identities, tmp_path):
    district_path, final, fields = exported
    writer = IncrementalPdfFileWriter(BytesIO(final.read_bytes()), strict=False)
    extra = writer.add_object(generic.StreamObject(stream_data=b"BT 100 100 Td (altered) Tj ET"))
    writer.add_stream_to_page(0, extra)
    altered = BytesIO()
    writer.write(altered)
    signed = tmp_path / "altered.pdf"
    signed.write_bytes(sign_pdf(altered.getvalue(), identities[1], fields[1]))
    state, _ = _add(district_path, signed)
    first = state.parties[0]
    assert first.signature is not None
    assert first.signature.intact
    assert not first.signed
    assert first.signature.problem == NOT_EXPORTED_TEXT


def test_a_signature_over_another_export_does_not_count(exported, identities, tmp_path):
    district_path, final, fields = exported
    district = DistrictFile.open(district_path)
    other = tmp_path / "english.pdf"
    export_for_signing(to_document(district), "en", other)  # not recorded: a different text
    district.close()
    signed = tmp_path / "other.pdf"
    signed.write_bytes(sign_pdf(other.read_bytes(), identities[2]))
    state, _ = _add(district_path, signed)
    assert state.parties[1].signature is not None  # matched by the signer's name
    assert state.parties[1].signature.problem == NOT_EXPORTED_TEXT


def test_a_new_export_verifies_the_stored_files_again(exported, signed_by_all, tmp_path):
    district_path = exported[0]
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(signed_by_all)
    assert _add(district_path, signed)[0].all_signed
    district = DistrictFile.open(district_path)
    record_export(district, export_for_signing(to_document(district), "it",
                                               tmp_path / "again.pdf"))
    state = current_state(district, to_document(district))
    district.close()
    assert not state.all_signed
    assert all(p.signature and p.signature.problem == NOT_EXPORTED_TEXT for p in state.parties)


def test_a_signer_who_is_not_the_representative_is_a_warning(exported, authority, tmp_path,
                                                             capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    district_path, final, fields = exported
    signed = tmp_path / "delegate.pdf"
    signed.write_bytes(sign_pdf(final.read_bytes(), authority.issue("Mario", "Rossi"), fields[3]))
    state, _ = _add(district_path, signed)
    party = state.parties[2]
    assert party.signed
    assert not party.signer_is_representative
    main(["signatures", str(district_path)])
    out = capsys.readouterr().out
    assert "⚠ Coop sociale Le Rais" in out
    assert "Signed by Mario Rossi" in out


def test_a_damaged_file_is_refused_and_nothing_is_stored(exported, identities, tmp_path,
                                                        capsys):
    district_path, final, fields = exported
    data = sign_pdf(final.read_bytes(), identities[1], fields[1])
    good = tmp_path / "good.pdf"
    good.write_bytes(data)
    truncated = tmp_path / "truncated.p7m"
    truncated.write_bytes(sign_p7m(final.read_bytes(), identities[1])[:500])
    assert main(["signatures", str(district_path), str(good), str(truncated)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:")
    assert err.count("\n") == 1
    assert "truncated.p7m" in err
    district = DistrictFile.open(district_path)
    assert signed_files(district) == []
    district.close()


def test_a_signed_file_changed_afterwards_is_not_intact(exported, identities, tmp_path):
    district_path, final, fields = exported
    data = bytearray(sign_pdf(final.read_bytes(), identities[1], fields[1]))
    position = data.index(b"/Producer")  # inside the signed range of the export
    data[position + 1] = ord("p")
    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(bytes(data))
    state, _ = _add(district_path, flipped)
    assert state.parties[0].signature is not None
    assert state.parties[0].signature.problem == NOT_INTACT


def test_p7m_envelopes_parallel_and_nested(exported, identities, tmp_path):
    district_path, final, _ = exported
    parallel = tmp_path / "parallel.pdf.p7m"
    parallel.write_bytes(sign_p7m(final.read_bytes(), identities[1], identities[2]))
    nested = tmp_path / "nested.pdf.p7m.p7m"
    nested.write_bytes(sign_p7m(sign_p7m(final.read_bytes(), identities[3]), identities[4]))
    other = tmp_path / "other.p7m"
    other.write_bytes(sign_p7m(b"%PDF-1.7 another text", identities[5]))
    state, _ = _add(district_path, parallel, nested, other)
    assert [p.signed for p in state.parties][:5] == [True, True, True, True, False]
    assert state.parties[4].signature is not None
    assert state.parties[4].signature.problem == NOT_EXPORTED_TEXT
    assert state.parties[0].signature
    assert state.parties[0].signature.qualified
    district = DistrictFile.open(district_path)
    stored = signed_files(district)
    back = save_signed_file(district, stored[0].id, tmp_path / "back.p7m")
    district.close()
    assert back.read_bytes() == parallel.read_bytes()


def test_a_draft_is_not_exported_for_signature(tmp_path):
    district = DistrictFile.create(tmp_path / "empty.des")
    with pytest.raises(UserError):
        export_for_signing(to_document(district), "it", tmp_path / "final.pdf")
    district.close()
    assert not (tmp_path / "final.pdf").exists()


def test_signatures_before_any_export_do_not_count(example_path, identities, tmp_path):
    unrelated = tmp_path / "x.p7m"
    unrelated.write_bytes(sign_p7m(b"anything", identities[1]))
    state, _ = _add(example_path, unrelated)
    assert not state.exported
    assert not state.all_signed


@pytest.mark.parametrize(("certificate", "recorded", "same"), [
    ("Laura Bernard", "Laura Bernard (esempio)", True),
    ("BERNARD LAURA", "Laura Bernard", True),
    ("Sèn Dellantònio", "Sen Dellantonio", True),
    ("Maria Chiara Rossi", "Chiara Rossi", True),
    ("Mario Rossi", "Chiara Dellantonio", False),
    ("Rossi", "Mario Rossi", False),
    ("", "Mario Rossi", False),
])
def test_names_match_in_any_order_and_case(certificate, recorded, same):
    assert same_person(certificate, recorded) is same

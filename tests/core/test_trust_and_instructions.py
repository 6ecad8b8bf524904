"""The trust list a user imports (a PEM bundle, a DER file, a folder) and what it changes in
a verification; the signing instructions in both languages."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization

from desktop.core.document import to_document
from desktop.core.errors import UserError
from desktop.core.example import EXAMPLE_MARK, write_example
from desktop.core.signing.export import export_for_signing
from desktop.core.signing.instructions import instructions_path, instructions_text
from desktop.core.signing.sample import ThrowawayAuthority, sign_p7m, sign_pdf
from desktop.core.signing.summary import OFFLINE_NOTE, TRUST_NOTE, offline_note
from desktop.core.signing.trust import load_trust_list
from desktop.core.signing.verify import check_file


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """The example exported, the first party's signature on it, and its authority."""
    folder = tmp_path_factory.mktemp("trust")
    district = write_example(folder / "example.des")
    document = to_document(district)
    district.close()
    record = export_for_signing(document, "it", folder / "final.pdf")
    field, member_id = next(iter(record.fields.items()))
    member = next(m for m in document["members"]["organizations"] if m["id"] == member_id)
    given, surname = member["legal_representative"].replace(EXAMPLE_MARK, "").split(maxsplit=1)
    authority = ThrowawayAuthority()
    identity = authority.issue(given, surname.strip())
    data = sign_pdf((folder / "final.pdf").read_bytes(), identity, field)
    return document, record, data, authority, identity


def _pem(authority: ThrowawayAuthority) -> bytes:
    return authority.certificate.public_bytes(serialization.Encoding.PEM)


def test_without_a_trust_list_the_issuer_is_not_checked(signed):
    _document, record, data, _authority, _identity = signed
    checked = check_file(data, "signed.pdf", record)
    assert checked.signatures[0].valid
    assert checked.signatures[0].trusted is None
    assert offline_note([checked]) == OFFLINE_NOTE


def test_the_issuers_authority_on_the_list_is_verified(signed, tmp_path):
    _document, record, data, authority, _identity = signed
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(_pem(ThrowawayAuthority("Another authority")) + _pem(authority))
    roots = load_trust_list(bundle)
    assert len(roots) == 2
    checked = check_file(data, "signed.pdf", record, roots)
    assert checked.signatures[0].trusted is True
    assert checked.signatures[0].valid
    assert offline_note([checked]) == TRUST_NOTE


def test_an_issuer_missing_from_the_list_is_reported_and_the_signature_still_counts(
        signed, tmp_path):
    _document, record, data, _authority, _identity = signed
    folder = tmp_path / "authorities"
    folder.mkdir()
    other = ThrowawayAuthority("Another authority")
    (folder / "other.der").write_bytes(other.certificate.public_bytes(
        serialization.Encoding.DER))
    (folder / "notes.txt").write_text("not a certificate, and not read")
    checked = check_file(data, "signed.pdf", record, load_trust_list(folder))
    assert checked.signatures[0].trusted is False
    assert checked.signatures[0].valid  # trust is reported, not required


def test_a_p7m_is_checked_against_the_list_too(signed, tmp_path):
    _document, record, _data, authority, identity = signed
    # Any content will do: trust is about the certificate, not the signed text.
    envelope = sign_p7m(b"a document", identity)
    bundle = tmp_path / "ca.pem"
    bundle.write_bytes(_pem(authority))
    checked = check_file(envelope, "signed.p7m", record, load_trust_list(bundle))
    assert [s.trusted for s in checked.signatures] == [True]


@pytest.mark.parametrize("content", [b"", b"not a certificate at all",
                                     b"-----BEGIN CERTIFICATE-----\nAAAA\n"
                                     b"-----END CERTIFICATE-----\n"])
def test_a_file_that_is_not_a_trust_list_is_refused(tmp_path, content):
    bad = tmp_path / "bad.pem"
    bad.write_bytes(content)
    with pytest.raises(UserError):
        load_trust_list(bad)


def test_an_empty_folder_or_a_missing_path_is_refused(tmp_path):
    with pytest.raises(UserError):
        load_trust_list(tmp_path)
    with pytest.raises(UserError):
        load_trust_list(tmp_path / "missing.pem")


@pytest.mark.parametrize(("lang", "words", "name"), [
    ("it", ("Come firmare digitalmente", "Uno dopo l'altro", "Ciascuno sulla propria copia",
            "Dike", "ArubaSign", "FirmaOK!", "Acrobat", ".p7m"),
     "final - istruzioni per la firma.txt"),
    ("en", ("How to sign this agreement digitally", "One after the other",
            "Each on their own copy", "Dike", "ArubaSign", "FirmaOK!", "Acrobat", ".p7m"),
     "final - signing instructions.txt"),
])
def test_the_instructions_in_both_languages(signed, tmp_path, lang, words, name):
    document, record, _data, _authority, _identity = signed
    text = instructions_text(document, record, lang)
    assert all(word in text for word in words)
    assert all(field in text for field in record.fields)
    assert instructions_path(tmp_path / "final.pdf", lang).name == name

"""The walk issue 15 asks for, from the command line: the example from "Ready to sign"
through the four assembly papers in both languages, the authorising acts typed back, a
digital export with its instructions, signatures by every party (three in turn on one file,
the rest each on a copy), a trust list, and "Signed on …", with the exit codes promised."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.assembly.progress import review_findings
from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.core.example import EXAMPLE_MARK, write_example
from desktop.core.readiness import ready_to_sign
from desktop.core.signing.sample import ThrowawayAuthority, sign_pdf
from desktop.core.signing.store import latest_export, signed_on
from tests.before_the_assembly import write_example_before_the_assembly


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(path).pages)


def _rules(path: Path) -> set[str]:
    district = DistrictFile.open(path, read_only=True)
    try:
        return {finding.rule for finding in review_findings(to_document(district))}
    finally:
        district.close()


def _hold_the_assembly_and_type_the_acts(path: Path) -> None:
    district = DistrictFile.open(path)
    for key, value in (("place", "Cavalese"), ("date", "2027-03-10"), ("time", "18:00"),
                       ("minutes_approved", True)):
        district.set_answer(key, value)
    for number, member_id in enumerate(district.member_names(), start=1):
        district.set_member_values(member_id, {
            "signing_authority": "delibera del consiglio di amministrazione",
            "signing_act_number": str(number), "signing_act_date": "2027-03-01"})
    district.close()


def _papers(path: Path, folder: Path, lang: str) -> dict[str, str]:
    folder.mkdir()
    assert main(["assembly", str(path), "--lang", lang, "-o", str(folder)]) == 0
    return {pdf.name: _text(pdf) for pdf in sorted(folder.glob("*.pdf"))}


def test_from_ready_to_sign_to_signed(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "it_IT.UTF-8")  # the command line speaks Italian here
    path = write_example_before_the_assembly(tmp_path / "esempio.des")
    district = DistrictFile.open(path, read_only=True)
    document = to_document(district)
    district.close()
    assert ready_to_sign(document)
    members = document["members"]["organizations"]
    assert {"P1", "P2"} <= _rules(path)  # the way to signing is shown before it is walked

    italian = _papers(path, tmp_path / "it", "it")
    english = _papers(path, tmp_path / "en", "en")
    assert len(italian) == len(english) == 3 + len(members)
    assert "Varie ed eventuali" in italian["convocazione.pdf"]
    assert "Any other business" in english["invitation.pdf"]
    assert all(m["name"] in italian["foglio-presenze.pdf"] for m in members)

    _hold_the_assembly_and_type_the_acts(path)
    assert not {"P1", "P2"} & _rules(path)
    capsys.readouterr()
    assert main(["check", str(path), "--lang", "it"]) == 0
    assert "P2" not in capsys.readouterr().out

    final = tmp_path / "accordo.pdf"
    assert main(["signatures", str(path), "--export-for-signature", str(final),
                 "--lang", "it"]) == 1  # exported, nobody has signed yet
    assert "Dike" in (tmp_path / "accordo - istruzioni per la firma.txt").read_text("utf-8")
    district = DistrictFile.open(path, read_only=True)
    export = latest_export(district)
    district.close()
    assert export is not None
    assert len(export.fields) == len(members)

    authority = ThrowawayAuthority()
    names = {m["id"]: m["legal_representative"].replace(EXAMPLE_MARK, "").split(maxsplit=1)
             for m in members}
    fields = list(export.fields.items())
    in_turn = final.read_bytes()
    for field, member_id in fields[:3]:
        given, surname = names[member_id]
        in_turn = sign_pdf(in_turn, authority.issue(given, surname.strip(), True), field)
    (tmp_path / "in-turn.pdf").write_bytes(in_turn)
    assert main(["signatures", str(path), str(tmp_path / "in-turn.pdf")]) == 1
    assert "Non ancora firmato" in capsys.readouterr().out

    copies = []
    for field, member_id in fields[3:]:
        given, surname = names[member_id]
        copy = tmp_path / f"copy-{member_id}.pdf"
        copy.write_bytes(sign_pdf(final.read_bytes(), authority.issue(given, surname), field))
        copies.append(str(copy))
    assert main(["signatures", str(path), *copies]) == 0
    out = capsys.readouterr().out
    today = dt.date.today()
    assert "Firmato il " in out
    assert "emittente non verificato offline" in out

    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")  # and English from here on
    trust = tmp_path / "ca.pem"
    trust.write_bytes(authority.certificate.public_bytes(serialization.Encoding.PEM))
    assert main(["signatures", str(path), "--trust", str(trust), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "issuer verified on the trust list" in out
    assert "Checked offline against the imported trust list" in out
    assert f"Signed on {today.day} " in out

    district = DistrictFile.open(path, read_only=True)
    assert signed_on(district) == today
    assert to_document(district)["signatures"]["signed_on"] == today.isoformat()
    district.close()


def test_a_bad_trust_list_stops_before_anything_is_written(tmp_path, capsys):
    path = tmp_path / "esempio.des"
    write_example(path).close()
    before = path.read_bytes()
    bad = tmp_path / "not-a-ca.pem"
    bad.write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    final = tmp_path / "accordo.pdf"
    assert main(["signatures", str(path), "--trust", str(bad), "--export-for-signature",
                 str(final)]) == 2
    assert capsys.readouterr().err.startswith("error:")
    assert not final.exists()
    assert path.read_bytes() == before
    district = DistrictFile.open(path, read_only=True)
    assert signed_on(district) is None
    district.close()

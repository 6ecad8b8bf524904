"""The parties as the agreement names them: codes checked, acts, Italian grammar, page breaks."""

import re

import pytest
from pypdf import PdfReader

from desktop.core.agreement import export_agreement
from desktop.core.district_file import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, DistrictFile
from desktop.core.district_file.migrations import connect, migrate
from desktop.core.document import from_document, to_document
from desktop.core.example import FASCIA, OLTRE, example_document
from desktop.core.readiness import RULES, ready_to_sign
from wizard_steps import step
from wizard_steps.fields import problems_of
from wizard_steps.identifiers import WRONG_TAX_CODE, WRONG_VAT_NUMBER

MEMBER = step("members").field("organizations")


def pages(path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def member(document, member_id):
    return next(m for m in document["members"]["organizations"] if m["id"] == member_id)


@pytest.mark.parametrize(("key", "good", "bad", "message"), [
    ("tax_code", "00000040220", "00000040221", WRONG_TAX_CODE),
    ("tax_code", "RSSMRA85T10A562S", "RSSMRA85T10A562X", WRONG_TAX_CODE),
    ("vat_number", "IT00000040220", "0000004022", WRONG_VAT_NUMBER),
])
def test_codes_are_checked_beside_the_field_and_kept_as_typed(tmp_path, key, good, bad,
                                                              message):
    declared = MEMBER.row_field(key)
    assert problems_of(declared, good) == []
    assert problems_of(declared, bad) == [message]
    district = from_document(example_document(), tmp_path / "d.des")
    district.set_row_value("organizations", OLTRE, key, bad)
    district.close()
    document = to_document(DistrictFile.open(tmp_path / "d.des"))
    assert member(document, OLTRE)[key] == bad  # kept as typed
    fired = RULES["A4"](document)
    assert [(f.rule, f.field, f.row) for f in fired] == [("A4", key, OLTRE)]
    assert not ready_to_sign(document)  # a wrong code blocks the final agreement


def test_a_public_party_without_its_act_is_warned_not_blocked():
    document = example_document()
    member(document, FASCIA).update(signing_authority="", signing_act_number="",
                                    signing_act_date="")
    fired = RULES["A5"](document)
    assert [(f.level.key, f.row) for f in fired] == [("warning", FASCIA)]
    assert ready_to_sign(document)
    member(document, OLTRE).update(signing_authority="")  # not public: no warning
    assert len(RULES["A5"](document)) == 1


def test_a_file_of_format_4_gains_the_new_member_columns(tmp_path):
    old = tmp_path / "old.des"
    db = connect(old)
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrate(db, 0, {n: m for n, m in MIGRATIONS.items() if n <= 4})
    db.execute("INSERT INTO members(id, position, name, tax_code) "
               "VALUES (1, 1, 'Coop Vecchia', '00000040220')")
    db.conn.close()
    district = DistrictFile.open(old)
    assert SCHEMA_VERSION == max(MIGRATIONS) >= 6
    assert district.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    row = district.rows("organizations")[0]
    assert row["tax_code"] == "00000040220"
    assert row["vat_number"] == ""
    assert row["signing_act_date"] == ""
    district.set_row_value("organizations", 1, "signing_act_date", "2027-03-01")
    assert district.rows("organizations")[0]["signing_act_date"] == "2027-03-01"


@pytest.mark.parametrize(("lang", "masculine", "feminine", "term"), [
    ("it",
     "Comun General de Fascia, ente pubblico con sede legale in Via dell'Esempio 1, Sèn Jan "
     "di Fassa (esempio), codice fiscale 00000010223, non iscritto ai disciplinari "
     "dell'economia solidale, rappresentato da Laura Bernard (esempio), in qualità di "
     "Procurador, autorizzato alla sottoscrizione del presente accordo con deliberazione "
     "del Consei de Procura n. 27 (esempio) dell'8 marzo 2027;",
     "Cooperativa Oltre, cooperativa sociale con sede legale in Via dell'Esempio 4, Cavalese "
     "(esempio), codice fiscale e partita IVA 00000040220, iscritta all'Albo delle società "
     "cooperative al n. A000004, iscritta ai disciplinari dell'economia solidale, "
     "rappresentata da Stefano Volcan (esempio), in qualità di Presidente, autorizzata alla "
     "sottoscrizione del presente accordo con delibera del consiglio di amministrazione n. 3 "
     "(esempio) del 26 febbraio 2027;",
     "(di seguito, congiuntamente, le «Parti» e, singolarmente, la «Parte»)"),
    ("en",
     "Comun General de Fascia, a public body with registered office at Via dell'Esempio 1, "
     "Sèn Jan di Fassa (esempio), tax code 00000010223, not registered with the solidarity "
     "economy regulations, represented by Laura Bernard (esempio), acting as Procurador, "
     "authorised to sign this agreement by deliberazione del Consei de Procura No. 27 "
     "(esempio) of 8 March 2027;",
     "Cooperativa Oltre, a social cooperative with registered office at Via dell'Esempio 4, "
     "Cavalese (esempio), tax code and VAT number 00000040220, entered in the register of "
     "cooperatives under No. A000004, registered with the solidarity economy regulations, "
     "represented by Stefano Volcan (esempio), acting as Presidente, authorised to sign this "
     "agreement by delibera del consiglio di amministrazione No. 3 (esempio) of 26 February "
     "2027;",
     "(hereinafter, jointly, the “Parties” and, individually, a “Party”)"),
])
def test_the_parties_read_as_an_italian_agreement_names_them(tmp_path, lang, masculine,
                                                            feminine, term):
    text = " ".join(pages(export_agreement(example_document(), lang, tmp_path / "a.pdf")))
    assert masculine in text  # a public body: "ente pubblico … iscritto … rappresentato"
    assert feminine in text  # a cooperative: "cooperativa … iscritta … rappresentata"
    assert term in text


def test_the_recitals_list_each_authorising_act(tmp_path):
    text = " ".join(pages(export_agreement(example_document(), "it", tmp_path / "a.pdf")))
    assert ("la sottoscrizione del presente accordo è stata autorizzata dalle Parti con i "
            "seguenti atti: · Comun General de Fascia: deliberazione del Consei de Procura n. "
            "27 (esempio) dell'8 marzo 2027; · Comunità Territoriale di Fiemme:") in text
    assert "Cooperativa Oltre: delibera del consiglio di amministrazione n. 3 (esempio)" in text


def test_a_thousand_acts_are_listed_one_party_a_line():
    """Each party's act on its own line: one sentence naming a thousand acts was a paragraph
    of fifteen pages, and reportlab broke it again at every page (the export grew faster
    than the members)."""
    from benchmarks.districts import document_with
    from desktop.core.agreement.articles import recitals
    from desktop.core.agreement.context import Context
    from i18n import translator

    catalog = translator("it")
    context = Context(document_with(1000), "it", catalog.gettext, catalog.ngettext)
    found = [r for r in recitals(context) if r.items]
    assert len(found) == 1
    assert len(found[0].items) == 1000
    assert all(len(item) < 400 and item.endswith(";") for item in found[0].items)


@pytest.mark.parametrize("office_lines", [1, 3, 6])
def test_no_party_splits_across_pages(tmp_path, office_lines):
    document = example_document()
    for index, party in enumerate(document["members"]["organizations"]):
        party["registered_office"] = ", ".join([f"Località Prati {index}"] * office_lines * 4)
    texts = pages(export_agreement(document, "it", tmp_path / "a.pdf"))
    for number, party in enumerate(document["members"]["organizations"], start=1):
        # The name opens a party's text and its representative closes it: same page.
        opening = f"{number}. {party['name']}, "
        page = next(t for t in texts if opening in t)
        assert party["legal_representative"] in page.split(opening, 1)[1]


def test_the_digital_signature_is_recommended_only_with_a_public_party():
    document = example_document()
    document["district"]["signature_method"] = "handwritten"
    assert [f.level.key for f in RULES["A6"](document)] == ["hint"]
    for party in document["members"]["organizations"]:
        if party["nature"] == "public":
            party.update(nature="private_non_profit", legal_form="association")
    assert RULES["A6"](document) == []

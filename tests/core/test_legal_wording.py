"""The founding papers, the signing instructions and the annual report, read back as their
signatories read them: the laws cited in full, the quorum stated, the authorised person named
as legal representative, the Parties choosing how to sign."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.agreement import export_agreement
from desktop.core.example import example_document
from desktop.core.signing.instructions import instructions_text
from desktop.core.years.annual_report import export_annual_report
from tests.core.test_assembly import _hold_assembly


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(path).pages)


def _papers(example_path: Path, folder: Path, lang: str) -> dict[str, str]:
    folder.mkdir()
    assert main(["assembly", str(example_path), "--lang", lang, "-o", str(folder)]) == 0
    return {path.stem: _text(path) for path in folder.glob("*.pdf")}


def _resolution(papers: dict[str, str], number: int) -> str:
    return next(text for stem, text in papers.items() if f"-{number:02d}-" in stem)


LAWS = {
    "it": ("legge provinciale 17 giugno 2010, n. 13", "all'articolo 7",
           "deliberazione della Giunta provinciale n. 1949 del 27 novembre 2020"),
    "en": ("Provincial Law No. 13 of 17 June 2010", "article 7",
           "Provincial Council Resolution No. 1949 of 27 November 2020"),
}
ARTICLE_15 = {"it": "articolo 15 della legge 7 agosto 1990, n. 241",
              "en": "article 15 of Law No. 241 of 7 August 1990"}
SIGNED_ON_PAIN_OF_NULLITY = {"it": "comma 2-bis ne prescrive la sottoscrizione con firma digitale",
                             "en": "paragraph 2-bis requires them to be signed with a digital"}
OPINIONS = {"it": "pareri di regolarità tecnica", "en": "opinions on technical"}


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_resolution_cites_the_provincial_law_and_resolution_in_full(
        example_path, tmp_path, lang):
    papers = _papers(example_path, tmp_path / "papers", lang)
    resolutions = [text for stem, text in papers.items()
                   if stem.startswith(("delibera-", "authorising-"))]
    assert len(resolutions) == len(example_document()["members"]["organizations"])
    for text in resolutions:
        assert all(law in text for law in LAWS[lang]), text[:200]
        assert ("modello da adattare" in text.lower()) or ("template to be adapted" in text)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_only_a_public_member_recites_the_public_bodies_rules(example_path, tmp_path, lang):
    """Members 1 and 2 of the example are public bodies, member 3 a social cooperative."""
    papers = _papers(example_path, tmp_path / "papers", lang)
    public, private = _resolution(papers, 1), _resolution(papers, 3)
    assert ARTICLE_15[lang] in public
    assert SIGNED_ON_PAIN_OF_NULLITY[lang] in public
    assert OPINIONS[lang] in public
    assert ARTICLE_15[lang] not in private
    assert OPINIONS[lang] not in private
    assert ("Consiglio di amministrazione" in private) or ("Board of directors" in private)


@pytest.mark.parametrize(("lang", "authorised"), [
    ("it", "Presidente, in qualità di legale rappresentante, "
           "a sottoscriverlo in nome e per conto di Coop sociale Le Rais, anche con firma "
           "digitale"),
    ("en", "Presidente, as legal representative, to sign it on "
           "behalf of Coop sociale Le Rais, also with a qualified electronic signature"),
])
def test_the_resolution_authorises_the_legal_representative_by_name_and_role(
        example_path, tmp_path, lang, authorised):
    text = _resolution(_papers(example_path, tmp_path / "papers", lang), 3)
    assert "Chiara Dellantonio" in text
    assert authorised in text
    assert ("parte integrante" in text) or ("integral part" in text)


def test_the_invitation_states_the_quorum_and_sends_the_draft(example_path, tmp_path):
    papers = _papers(example_path, tmp_path / "papers", "it")
    assert ("validamente costituita con la presenza, diretta o per delega, di più della "
            "metà degli aderenti") in papers["convocazione"]
    assert "Si trasmettono lo schema di accordo" in papers["convocazione"]
    assert "Luogo e data ____" in papers["convocazione"]  # the notice period runs from it
    assert "Il presidente constata che sono presenti" in papers["verbale"]
    assert "Letto, approvato e sottoscritto Il presidente ____" in papers["verbale"]


@pytest.mark.parametrize(("lang", "words"), [
    ("it", ("firma elettronica qualificata", "art. 24 del d.lgs. 7 marzo 2005, n. 82",
            "regolamento (UE) n. 910/2014", "le Parti ne scelgono uno")),
    ("en", ("qualified electronic signature", "art. 24 of Legislative Decree 82/2005",
            "Regulation (EU) 910/2014", "the Parties choose one")),
])
def test_the_signing_instructions_name_the_qualified_signature_and_the_parties(lang, words):
    text = " ".join(instructions_text(example_document(lang), None, lang).split())
    for word in words:
        assert word in text


@pytest.mark.parametrize(("lang", "words", "gone"), [
    ("it", ("deliberazione della Giunta provinciale n. 1949/2020",
            "L'accordo prevede l'esclusione dopo 3 assenze consecutive",
            "Organizzazione aderente", "Prevista (data e luogo)"),
     ("Delibera 1949/2020", "Organizzazione di appartenenza", "Il gruppo ha stabilito")),
    ("en", ("following Part 3 of the toolkit",
            "The agreement provides for exclusion after 3 absences in a row",
            "Member organization", "Planned (date and place)"),
     ("The group chose",)),
])
def test_the_annual_report_cites_the_resolution_and_the_agreement(tmp_path, lang, words, gone):
    text = _text(export_annual_report(example_document(lang), 2027, lang,
                                      tmp_path / "report.pdf"))
    for word in words:
        assert word in text, word
    for word in gone:
        assert word not in text, word


def test_any_other_business_is_not_recorded_as_approved(example_path, tmp_path):
    _hold_assembly(example_path, present=8)
    minutes = _papers(example_path, tmp_path / "papers", "it")["verbale"]
    assert minutes.count("Esito: approvato (metodo decisionale: per consenso).") == 3
    assert "4. Varie ed eventuali Esito: ____" in minutes


@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("it", "quale risulta dal riferimento temporale di ciascuna firma", "certificati di firma"),
    ("en", "as shown by the time recorded in each signature", "signature certificates"),
])
def test_the_signature_date_is_the_time_recorded_in_the_signature(tmp_path, lang, said, unsaid):
    """A certificate has a period of validity, not a date of signing."""
    document = example_document(lang)
    document["district"]["signature_method"] = "qualified_electronic"
    text = _text(export_agreement(document, lang, tmp_path / "agreement.pdf"))
    assert said in text
    assert unsaid not in text

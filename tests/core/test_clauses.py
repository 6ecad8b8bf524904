"""The clauses an Italian partnership agreement needs, read back from both PDFs."""

import re

import pytest
from pypdf import PdfReader

from desktop.core.agreement import export_agreement
from desktop.core.example import example_document

# A phrase of each clause, in Italian and in English.
CLAUSES = {
    "recital: integral part": (
        "le premesse e gli allegati costituiscono parte integrante e sostanziale del presente "
        "accordo", "the recitals and the annexes are an integral and substantial part"),
    "recital: document of the Resolution": (
        "documento «I Distretti dell'economia solidale e sociale in Provincia di Trento»",
        "document “I Distretti dell'economia solidale e sociale in Provincia di Trento”"),
    "nature": ("non costituisce una società, un'associazione, un consorzio né un contratto di "
               "rete", "It does not create a company, an association, a consortium or a network "
               "contract"),
    "no joint liability": ("senza vincolo di solidarietà", "without joint liability"),
    "no power to bind": ("non possono obbligare le Parti nei confronti dei terzi, salvo mandato "
                         "scritto", "cannot bind the Parties towards third parties unless"),
    "duties": ("tramite il proprio referente o, in caso di suo impedimento, tramite il sostituto",
               "through its contact person or, when the contact person is unavailable"),
    "duties: projects in the district's name": (
        "informare preventivamente l'assemblea prima di promuovere progetti",
        "inform the assembly in advance before promoting projects"),
    "participation fee": ("La quota annuale di partecipazione è versata alla Parte incaricata "
                          "della gestione finanziaria, Cassa Rurale di Fiemme, che la tiene",
                          "The annual participation fee is paid to the Party in charge of "
                          "financial management, Cassa Rurale di Fiemme, which keeps"),
    "receiving members": ("Fondazione Caritro, bando Welfare Km zero: Cooperativa Oltre",
                          "Fondazione Caritro, bando Welfare Km zero: Cooperativa Oltre"),
    "public budgets": ("nei limiti degli stanziamenti dei rispettivi bilanci",
                       "within the limits of their budget appropriations"),
    "no public contract": ("decreto legislativo 31 marzo 2023, n. 36",
                           "Legislative Decree No. 36 of 31 March 2023"),
    "no co-design": ("articoli da 55 a 57 del decreto legislativo 3 luglio 2017, n. 117",
                     "articles 55 to 57 of Legislative Decree No. 117 of 3 July 2017"),
    "admission": ("atto scritto di adesione al presente accordo, approvato dall'assemblea",
                  "written act of adhesion to this agreement, approved by the members' assembly"),
    "withdrawal": ("posta elettronica certificata (PEC) a tutte le altre Parti con un preavviso "
                   "di almeno 3 mesi", "certified email (PEC) to all the other Parties at least 3 "
                   "months in advance"),
    "exclusion": ("contesta previamente l'inadempimento per iscritto",
                  "first sends it a written objection"),
    "minimum requirements": ("l'assemblea provvede a ricostituirli entro sei mesi",
                             "the assembly restores them within six months"),
    "duration": ("ha efficacia dalla data dell'ultima sottoscrizione e dura 4 anni",
                 "takes effect on the date of the last signature and lasts 4 years"),
    "no tacit renewal": ("è escluso il rinnovo tacito", "tacit renewal is excluded"),
    "annexes updated": ("sono aggiornati con deliberazione dell'assemblea",
                        "are updated by a resolution of the assembly"),
    "independent controllers": ("titolare autonomo del trattamento",
                                "as an independent controller"),
    "art. 13 information": ("l'informativa prevista dall'articolo 13",
                            "the information required by article 13"),
    "art. 26 arrangement": ("accordo di contitolarità ai sensi dell'articolo 26",
                            "joint controllers under article 26"),
    "beneficiaries": ("non compaiono mai in verbali, cartelle o rendiconti condivisi",
                      "never appear in shared minutes, folders or reports"),
    "publication without Annex A": ("destinata alla pubblicazione omette l'Allegato A",
                                    "meant for publication leaves out Annex A"),
    "disputes": ("è competente in via esclusiva il Foro di Trento",
                 "the court of Trento has exclusive jurisdiction"),
    "registration": ("registrazione solo in caso d'uso", "registered only in case of use"),
    "stamp duty": ("26 ottobre 1972, n. 642", "No. 642 of 26 October 1972"),
    "exemption as a condition": ("La Parte che ne possiede i requisiti può avvalersi",
                                 "A Party that meets the conditions of an exemption"),
    "language": ("in caso di dubbio prevale il testo italiano",
                 "in case of doubt the Italian text prevails"),
    "signature": ("firma digitale o altra firma elettronica qualificata ai sensi dell'articolo 24",
                  "qualified electronic signature under article 24"),
    "read and signed": ("Letto, approvato e sottoscritto", "Read, approved and signed"),
}

ARTICLE = re.compile(r"(?:Articolo|Article) (\d+)\. ")


def text_of(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("clauses")
    return {lang: text_of(export_agreement(example_document(), lang, folder / f"{lang}.pdf"))
            for lang in ("it", "en")}


@pytest.mark.parametrize("clause", sorted(CLAUSES))
def test_each_clause_is_in_both_languages(texts, clause):
    italian, english = CLAUSES[clause]
    assert italian in texts["it"]
    assert english in texts["en"]


def test_both_languages_have_the_same_articles_in_order(texts):
    numbers = {lang: [int(n) for n in ARTICLE.findall(text)] for lang, text in texts.items()}
    assert numbers["it"] == numbers["en"] == list(range(1, len(numbers["it"]) + 1))
    assert len(numbers["it"]) >= 22
    for italian, english in (("Natura dell'accordo", "Nature of the agreement"),
                             ("Controversie", "Disputes"), ("Lingua", "Language"),
                             ("Sottoscrizione ed efficacia", "Signature and effect")):
        it_number = re.search(rf"Articolo (\d+)\. {italian}", texts["it"])
        en_number = re.search(rf"Article (\d+)\. {english}", texts["en"])
        assert it_number
        assert en_number
        assert it_number.group(1) == en_number.group(1)


def test_the_final_agreement_carries_no_disclaimer_and_a_draft_does(tmp_path):
    document = example_document()
    final = text_of(export_agreement(document, "it", tmp_path / "final.pdf"))
    assert "non costituisce consulenza legale" not in final
    document["district"]["name"] = ""  # a blocking rule fails: a draft
    draft = text_of(export_agreement(document, "it", tmp_path / "draft.pdf"))
    assert "non costituisce consulenza legale" in draft


def test_handwritten_signatures_have_a_date_line_each_and_no_printed_date(tmp_path):
    document = example_document()
    document["district"]["signature_method"] = "handwritten"
    text = text_of(export_agreement(document, "it", tmp_path / "a.pdf"))
    signatures = text.split("Letto, approvato e sottoscritto", 1)[1].split("Allegato A")[0]
    assert signatures.count("Luogo e data") == len(document["members"]["organizations"])
    assert "15 marzo 2027" not in signatures
    assert "firmato digitalmente" not in signatures
    assert "con firma autografa, in tanti originali quante sono le Parti" in text


def test_digital_signatures_have_no_lines(tmp_path):
    text = text_of(export_agreement(example_document(), "en", tmp_path / "a.pdf"))
    signatures = text.split("Read, approved and signed", 1)[1].split("Annex A")[0]
    assert signatures.count("signed digitally") == 10
    assert "Place and date" not in signatures


def test_fields_of_the_clauses_change_the_text(tmp_path):
    document = example_document()
    document["district"]["court"] = "Rovereto"
    document["governance"]["withdrawal_notice_months"] = 1
    document["financial_plan"]["funding_sources"][0]["receiving_member"] = None
    for member in document["members"]["organizations"]:
        member["nature"] = "private_non_profit" if member["nature"] == "public" else \
            member["nature"]
        member["legal_form"] = "association" if member["legal_form"] == "public_body" else \
            member["legal_form"]
    text = text_of(export_agreement(document, "it", tmp_path / "a.pdf"))
    assert "è competente in via esclusiva il Foro di Rovereto" in text
    assert "con un preavviso di almeno 1 mese;" in text
    assert "Fondazione Caritro, bando Welfare Km zero: Cooperativa Oltre" not in text
    assert "stanziamenti dei rispettivi bilanci" not in text  # no public party
    document["district"]["court"] = ""
    document["governance"]["withdrawal_notice_months"] = None
    text = text_of(export_agreement(document, "it", tmp_path / "b.pdf"))
    assert "Foro di Trento" in text
    assert "con un preavviso di almeno 3 mesi;" in text

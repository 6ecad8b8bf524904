import re

import pytest
from pypdf import PdfReader

from desktop.core.agreement import export_agreement
from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.core.example import example_document

WORDS = {
    "it": {"title": "Accordo volontario", "signature": "Firma", "page": "pagina {n} di {m}",
           "article": "Articolo"},
    "en": {"title": "Voluntary agreement", "signature": "Signature", "page": "page {n} of {m}",
           "article": "Article"},
}


def pages_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_example_agreement_names_every_party_and_has_a_block_each(tmp_path, example_path,
                                                                      lang):
    district = DistrictFile.open(example_path)
    document = to_document(district)
    district.close()
    document["district"]["signature_method"] = "handwritten"  # a signature line per party
    out = export_agreement(document, lang, tmp_path / "a.pdf")
    pages = pages_text(out)
    text = squash(" ".join(pages))
    words = WORDS[lang]
    assert words["title"] in text
    assert document["district"]["name"] in text
    members = document["members"]["organizations"]
    for member in members:
        assert member["name"] in text
        assert member["legal_representative"] in text
        assert member["contact_person"]["email"] in text
    assert len(re.findall(rf"{words['signature']} _{{10,}}", text)) == len(members)
    for number in range(1, len(pages) + 1):
        assert words["page"].format(n=number, m=len(pages)) in squash(pages[number - 1])
    assert "13/2010" in text
    assert "1949" in text
    assert f"{words['article']} 1." in text


@pytest.mark.parametrize("lang", ["it", "en"])
def test_user_values_print_exactly_as_typed(tmp_path, lang):
    document = example_document()
    names = ['Coop <Alfa> & "Beta"', "Comun General de Fascia", "Spółdzielnia Łódź",
             "Societate Cooperativă Brașov"]
    for member, name in zip(document["members"]["organizations"], names, strict=False):
        member["name"] = name
    document["district"]["name"] = "DES <Şcoală> & Ŝ"
    text = squash(" ".join(pages_text(export_agreement(document, lang, tmp_path / "a.pdf"))))
    for name in names + ["DES <Şcoală> & Ŝ"]:
        assert name in text


@pytest.mark.parametrize("lang", ["it", "en"])
def test_signature_blocks_never_split(tmp_path, lang):
    document = example_document()
    members = document["members"]["organizations"]
    members.extend([dict(members[n % 10], name=f"Cooperativa numero {n:02d}")
                    for n in range(40)])
    document["district"]["signature_method"] = "handwritten"
    pages = pages_text(export_agreement(document, lang, tmp_path / "a.pdf"))
    signature_pages = [squash(p) for p in pages if WORDS[lang]["signature"] + " ___" in p]
    assert len(signature_pages) >= 3
    blocks = 0
    for page in signature_pages:
        # A block starts with the organization and ends with its signature line, on one page.
        found = re.findall(r"(Cooperativa numero \d\d|[A-Z][^_]{2,60}?) (?:Per l'organizzazione|"
                           r"For the organization)[^_]*?(?:Luogo e data|Place and date) _{10,} "
                           r"(?:Firma|Signature) _{10,}", page)
        blocks += len(found)
    assert blocks == len(members)


def test_no_file_is_left_when_the_export_fails(tmp_path):
    # The whole PDF is laid out, then cannot take its place: a folder has the target's name.
    (tmp_path / "a.pdf").mkdir()
    with pytest.raises(IsADirectoryError):
        export_agreement(example_document(), "it", tmp_path / "a.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    assert list((tmp_path / "a.pdf").iterdir()) == []


def test_the_languages_carry_the_same_articles(tmp_path):
    counts = {}
    for lang in ("it", "en"):
        out = export_agreement(example_document(), lang, tmp_path / f"{lang}.pdf")
        text = squash(" ".join(pages_text(out)))
        counts[lang] = re.findall(rf"{WORDS[lang]['article']} (\d+)\.", text)
    assert counts["it"] == counts["en"]
    assert counts["it"] == [str(n) for n in range(1, len(counts["it"]) + 1)]


def test_values_longer_than_a_page_do_not_break_the_layout(tmp_path):
    document = example_document()
    long_name = "Cooperativa " + "lunghissima " * 900  # a table cell taller than a page
    document["members"]["organizations"][0]["name"] = long_name
    document["financial_plan"]["investments"][0]["item"] = "voce " * 1500
    document["objectives"]["overview"] = "parola " * 6000  # several pages of one paragraph
    reader = PdfReader(export_agreement(document, "it", tmp_path / "a.pdf"))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert text.count("lunghissima") >= 900 * 2  # in the parties, the signatures, Annex A
    assert text.count("parola") == 6000


def test_the_defined_term_parti_keeps_its_capital_once_defined(tmp_path):
    """«Parti» is a defined term of the Italian text: after its definition it is written as
    defined, never "le parti" in lower case."""
    out = export_agreement(example_document("it"), "it", tmp_path / "a.pdf")
    text = squash(" ".join(pages_text(out)))
    defined_at = text.index("«Parti»")
    assert re.search(r"\b(le|alle|delle|dalle|tra le|fra le) parti\b", text[defined_at:]) is None

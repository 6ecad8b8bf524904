"""Member cards: made for the example in both languages, filled in with pypdf as a member would,
read back, reviewed and merged; the cards that cannot be read say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from desktop.cli import main
from desktop.core.card_reading import apply_review, problem_text, review_card, undo_review
from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from desktop.core.example import write_example
from desktop.core.member_cards import CARD_ID_FIELD, FIELD_PREFIX, card_fields, write_cards
from i18n import translator
from wizard_steps.fields import Kind

FIRST = 1  # the example's first member, Comun General de Fascia


@pytest.fixture
def district(tmp_path):
    opened = write_example(tmp_path / "example.des")
    yield opened
    opened.close()


def fill(card: Path, out: Path, values: dict[str, str]) -> Path:
    """What a member does in a PDF reader: change some fields and save."""
    writer = PdfWriter(clone_from=PdfReader(card))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(out)
    return out


def card_of(district: DistrictFile, folder: Path, member_id: int | None, lang: str) -> Path:
    folder.mkdir(exist_ok=True)
    return write_cards(district, lang, folder, [member_id] if member_id else [],
                       blank=member_id is None)[0]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_card_carries_every_declared_field_with_the_member_s_values(district, tmp_path, lang):
    card = card_of(district, tmp_path / "cards", FIRST, lang)
    reader = PdfReader(card)
    fields = reader.get_fields()
    member = district.row("organizations", FIRST)
    expected_names = set()
    for key, declared in card_fields():
        if declared.kind is Kind.MULTI_CHOICE:
            expected_names |= {f"{FIELD_PREFIX}{key}.{c.key}" for c in declared.choices}
        else:
            expected_names.add(FIELD_PREFIX + key)
    assert set(fields) == expected_names | {CARD_ID_FIELD}
    assert fields[FIELD_PREFIX + "name"]["/V"] == member["name"]
    assert fields[FIELD_PREFIX + "legal_form"]["/V"] == member["legal_form"]
    assert fields[FIELD_PREFIX + "legal_form"]["/FT"] == "/Ch"
    assert fields[FIELD_PREFIX + "registered_sea"]["/FT"] == "/Btn"
    assert fields[FIELD_PREFIX + "contact_person.email"]["/V"] == \
        member["contact_person"]["email"]
    assert fields[CARD_ID_FIELD]["/V"].endswith(f":{FIRST}:{lang}")
    text = "".join(page.extract_text() for page in reader.pages)
    gettext = translator(lang).gettext
    assert district.answer("name") in text
    assert gettext("Legal form") in text  # the label, in the card's language
    assert "2016/679" in text  # the privacy notice
    # The page text is DejaVu, embedded.
    fonts = {str(font) for page in reader.pages
             for font in page["/Resources"]["/Font"].get_object().values()
             for font in [font.get_object()["/BaseFont"]]}
    assert any("DejaVuSerif" in font for font in fonts)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_filled_card_is_reviewed_merged_and_undone(district, tmp_path, lang):
    card = card_of(district, tmp_path / "cards", FIRST, lang)
    before = district.row("organizations", FIRST)
    filled = fill(card, tmp_path / "back.pdf", {
        FIELD_PREFIX + "legal_form": "association",
        FIELD_PREFIX + "registered_office": "Strada Roma 2, Sèn Jan di Fassa",
        FIELD_PREFIX + "staff_hours_month": "20",
        FIELD_PREFIX + "stages.production": "/Yes",
        FIELD_PREFIX + "contact_person.email": "paolo.rizzi-at-example.org",  # wrong
        FIELD_PREFIX + "substitute.phone": "+39 0462 764500",
        FIELD_PREFIX + "tax_code": "00123450224",  # wrong check digit
    })
    review = review_card(district, filled)
    assert review.member_id == FIRST
    changes = {value.key: value for value in review.changes}
    assert set(changes) == {"legal_form", "registered_office", "staff_hours_month", "stages",
                            "contact_person.email", "substitute.phone", "tax_code"}
    assert changes["staff_hours_month"].proposed == 20
    assert changes["stages"].proposed == sorted({*before["stages"], "production"},
                                                key=["financing", "production", "distribution",
                                                     "consumption"].index)
    assert review.has_problems
    email = changes["contact_person.email"]
    assert email.current == before["contact_person"]["email"]
    text = problem_text(email, email.problems[0], translator(lang).gettext)
    assert "@" in text
    assert translator(lang).gettext("Contact person") in text
    assert [v.key for v in review.values if v.problems] == ["tax_code", "contact_person.email"]
    assert "tax code does not check" in problem_text(changes["tax_code"],
                                                     changes["tax_code"].problems[0], str)

    applied = apply_review(district, review)  # the changes without problems
    after = district.row("organizations", FIRST)
    assert after["legal_form"] == "association"
    assert after["registered_office"] == "Strada Roma 2, Sèn Jan di Fassa"
    assert after["staff_hours_month"] == 20
    assert after["substitute"]["phone"] == "+39 0462 764500"
    assert after["contact_person"]["email"] == before["contact_person"]["email"]
    assert after["tax_code"] == before["tax_code"]
    assert [v.key for v in review_card(district, filled).changes] == ["tax_code",
                                                                      "contact_person.email"]

    undo_review(district, applied)
    assert district.row("organizations", FIRST) == before


def test_field_by_field_acceptance(district, tmp_path):
    card = card_of(district, tmp_path / "cards", FIRST, "it")
    filled = fill(card, tmp_path / "back.pdf", {FIELD_PREFIX + "legal_form": "association",
                                                FIELD_PREFIX + "signing_authority": "Delibera"})
    review = review_card(district, filled)
    apply_review(district, review, keys={"signing_authority"})
    after = district.row("organizations", FIRST)
    assert after["signing_authority"] == "Delibera"
    assert after["legal_form"] != "association"


def test_a_blank_card_becomes_a_new_member(district, tmp_path):
    card = card_of(district, tmp_path / "cards", None, "it")
    filled = fill(card, tmp_path / "new.pdf", {
        FIELD_PREFIX + "name": "Caseificio Sociale di Predazzo e Moena",
        FIELD_PREFIX + "legal_form": "cooperative", FIELD_PREFIX + "nature": "private_for_profit",
        FIELD_PREFIX + "registered_sea": "/Yes", FIELD_PREFIX + "tax_code": "00123450223",
        FIELD_PREFIX + "contact_person.name": "Giulia",
        FIELD_PREFIX + "contact_person.email": "giulia@caseificio.example"})
    review = review_card(district, filled)
    assert review.member_id is None
    assert not review.has_problems
    count = len(district.member_names())
    applied = apply_review(district, review)
    assert len(district.member_names()) == count + 1
    added = district.row("organizations", applied.member_id)
    assert (added["name"], added["legal_form"], added["registered_sea"], added["tax_code"]) == (
        "Caseificio Sociale di Predazzo e Moena", "cooperative", True, "00123450223")
    assert added["contact_person"]["name"] == "Giulia"
    undo_review(district, applied)
    assert len(district.member_names()) == count


def test_a_new_member_comes_in_without_the_values_that_have_problems(district, tmp_path):
    card = card_of(district, tmp_path / "cards", None, "en")
    filled = fill(card, tmp_path / "new.pdf", {FIELD_PREFIX + "name": "Malga Canvere",
                                               FIELD_PREFIX + "substitute.email": "nobody"})
    review = review_card(district, filled)
    assert [v.key for v in review.values if v.problems] == ["substitute.email"]
    added = district.row("organizations", apply_review(district, review).member_id)
    assert added["name"] == "Malga Canvere"
    assert added["substitute"]["email"] == ""


def test_a_blank_card_without_a_name_is_a_problem(district, tmp_path):
    review = review_card(district, card_of(district, tmp_path / "cards", None, "en"))
    assert review.has_problems
    assert apply_review(district, review) is None


def flattened(card: Path, out: Path) -> Path:
    """A card printed to PDF: the page as it looks, without its form or its metadata."""
    writer = PdfWriter(clone_from=PdfReader(card))
    writer.remove_annotations(None)
    del writer._root_object["/AcroForm"]
    writer.add_metadata({"/Subject": ""})
    writer.write(out)
    return out


def message_of(district: DistrictFile, path: Path) -> str:
    with pytest.raises(UserError) as raised:
        review_card(district, path)
    return raised.value.message(translator("en").gettext)


def test_cards_that_cannot_be_read_say_why(district, tmp_path):
    other = write_example(tmp_path / "other.des")
    foreign = card_of(other, tmp_path / "other-cards", FIRST, "it")
    other.close()
    assert "another district" in message_of(district, foreign)

    card = card_of(district, tmp_path / "cards", FIRST, "it")
    assert "flattened" in message_of(district, flattened(card, tmp_path / "flat.pdf"))

    agreement = tmp_path / "agreement.pdf"
    assert main(["export", str(district.path), "--lang", "it", "-o", str(agreement)]) == 0
    assert "not a member card" in message_of(district, agreement)

    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(card.read_bytes()[:4000])
    assert "damaged" in message_of(district, damaged)

    spreadsheet = tmp_path / "soci.pdf"
    spreadsheet.write_bytes(b"PK\x03\x04 a zip, not a PDF")
    assert "not a PDF" in message_of(district, spreadsheet)


def test_the_command_line(district, tmp_path, capsys):
    folder = tmp_path / "out"
    path = str(district.path)
    assert main(["cards", path, "--lang", "en", "-o", str(folder)]) == 0
    cards = sorted(folder.glob("*.pdf"))
    assert len(cards) == len(district.member_names()) + 1
    first = next(card for card in cards if card.name.startswith("card-1-"))
    good = fill(first, tmp_path / "good.pdf", {FIELD_PREFIX + "legal_form": "association"})
    bad = fill(first, tmp_path / "bad.pdf", {FIELD_PREFIX + "contact_person.email": "nobody"})
    capsys.readouterr()

    assert main(["cards-read", path, str(good)]) == 0
    out = capsys.readouterr().out
    assert "Legal form" in out
    assert "→" in out
    assert district.row("organizations", FIRST)["legal_form"] != "association"  # not applied

    assert main(["cards-read", path, str(bad), str(good)]) == 1
    assert "problem:" in capsys.readouterr().out

    assert main(["cards-read", path, str(good), "--apply"]) == 0
    assert district.row("organizations", FIRST)["legal_form"] == "association"

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing else")
    capsys.readouterr()
    assert main(["cards-read", path, str(bad), str(broken), "--apply"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:")
    assert len(err.strip().splitlines()) == 1
    # Nothing was written: every card is read before anything is applied.
    assert district.row("organizations", FIRST)["contact_person"]["email"] != "nobody"

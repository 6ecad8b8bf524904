"""Member cards in the window: write them, read the returned ones, accept field by field, undo."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt

from desktop.core.member_cards import FIELD_PREFIX, card_fields
from desktop.gui.member_cards_dialog import CHANGED, PROBLEM, AskCardsDialog, CardReviewDialog


def fill(card: Path, out: Path, values: dict[str, str]) -> Path:
    writer = PdfWriter(clone_from=PdfReader(card))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(out)
    return out


def children_by_key(top) -> dict:
    return {top.child(i).data(0, Qt.ItemDataRole.UserRole): top.child(i)
            for i in range(top.childCount())}


def ticked_or_flagged(top) -> set[str]:
    return {key for key, item in children_by_key(top).items()
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable or item.text(3)}


def test_ask_read_accept_and_undo(window, tmp_path):
    assert window.card_actions.ask_action.isEnabled()
    assert window.card_actions.ask_action in window.file_menu.actions()
    ask = window.card_actions.ask()
    assert isinstance(ask, AskCardsDialog)
    assert ask.windowTitle() == "Chiedere ai membri i loro dati"
    ask.members.item(1).setCheckState(Qt.CheckState.Unchecked)
    folder = tmp_path / "cards"
    folder.mkdir()
    written = ask.write_to(folder)
    members = window.district.member_names()
    assert len(written) == len(members)  # all but one, and the blank card
    first_id = next(iter(members))
    first = next(path for path in written if path.name.startswith(f"scheda-{first_id}-"))
    returned = fill(first, tmp_path / "back.pdf", {
        FIELD_PREFIX + "legal_form": "association",
        FIELD_PREFIX + "contact_person.email": "senza-chiocciola"})
    not_a_card = tmp_path / "note.pdf"
    not_a_card.write_bytes(b"plain text")

    review = window.card_actions.review([str(not_a_card), str(returned)])
    assert isinstance(review, CardReviewDialog)
    assert "note.pdf" in review.tree.topLevelItem(0).text(0)
    assert review.tree.topLevelItem(0).background(0).color() == PROBLEM
    top = review.tree.topLevelItem(1)
    rows = children_by_key(top)
    assert set(rows) == {key for key, _declared in card_fields()}  # every field of the card
    assert rows["name"].text(1) == rows["name"].text(2)
    assert rows["name"].background(1).style() == Qt.BrushStyle.NoBrush
    assert ticked_or_flagged(top) == {"legal_form", "contact_person.email"}
    assert rows["legal_form"].text(1) == "Ente pubblico"
    assert rows["legal_form"].text(2) == "Associazione"
    assert rows["legal_form"].background(1).color() == CHANGED
    assert rows["legal_form"].checkState(0) == Qt.CheckState.Checked
    assert rows["contact_person.email"].background(1).color() == PROBLEM
    assert rows["contact_person.email"].checkState(0) == Qt.CheckState.Unchecked
    assert "email" in rows["contact_person.email"].text(3).lower()

    before = window.district.row("organizations", first_id)
    assert review.accept_ticked() == 1
    after = window.district.row("organizations", first_id)
    assert after["legal_form"] == "association"
    assert after["contact_person"] == before["contact_person"]
    # The review is read again: only the refused email is left.
    assert ticked_or_flagged(review.tree.topLevelItem(1)) == {"contact_person.email"}

    # Now the email too, ticked by hand: saved as written, as when typed.
    rows = children_by_key(review.tree.topLevelItem(1))
    rows["contact_person.email"].setCheckState(0, Qt.CheckState.Checked)
    assert review.accept_ticked() == 1
    assert window.district.row("organizations", first_id)["contact_person"]["email"] == \
        "senza-chiocciola"

    review.undo()
    review.undo()
    assert window.district.row("organizations", first_id) == before
    assert not review.undo_button.isEnabled()

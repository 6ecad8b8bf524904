"""The member-card commands of ``des-wizard``: ``cards`` writes them, ``cards-read`` compares
the returned ones with the district and, with ``--apply``, writes what they change."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import UserError
from i18n import LANGUAGES, N_, _, current_language, ngettext

if TYPE_CHECKING:
    from desktop.core.card_reading import CardReview
    from desktop.core.district_file import DistrictFile


def cmd_cards(args: argparse.Namespace) -> int:
    folder = Path(args.output)
    if not folder.parent.resolve().is_dir():
        raise UserError(N_("The folder {path} does not exist."), path=folder.parent)
    if folder.exists() and not folder.is_dir():
        raise UserError(N_("{path} is a file, not a folder."), path=folder)
    # Deferred, as every command's modules: the window starts without reportlab and pypdf.
    from desktop.core.district_file import DistrictFile
    from desktop.core.member_cards import write_cards

    district = DistrictFile.open(args.file)
    try:
        folder.mkdir(exist_ok=True)
        for path in write_cards(district, args.lang, folder):
            print(_("Member card written to {path}").format(path=path))
    finally:
        district.close()
    return 0


def _print_review(review: CardReview) -> None:
    from desktop.core.card_reading import problem_text, show  # deferred with the command
    from desktop.core.member_import import field_label

    lang = current_language()
    name = review.member_name or _("new member")
    print(f"{review.path.name}: {name}")
    if not review.changes and not review.has_problems:
        print("  " + _("no changes"))
    for value in review.changes:
        print(f"  {field_label(value.key, _)}: {show(value, False, _, lang) or '—'}"
              f" → {show(value, True, _, lang) or '—'}")
    for value in review.values:
        for message in value.problems:
            print("  " + _("problem:") + " " + problem_text(value, message, _))


def cmd_cards_read(args: argparse.Namespace) -> int:
    """Exit 1 when a card has problems; every card is read before anything is written."""
    # Deferred, as every command's modules: the window starts without pypdf.
    from desktop.core.card_reading import review_card
    from desktop.core.district_file import DistrictFile

    district = DistrictFile.open(args.file)
    try:
        reviews = [review_card(district, path) for path in args.cards]
        for review in reviews:
            _print_review(review)
        if args.apply:
            _apply(district, reviews)
    finally:
        district.close()
    return 1 if any(review.has_problems for review in reviews) else 0


def _apply(district: DistrictFile, reviews: list[CardReview]) -> None:
    from desktop.core.card_reading import apply_review  # deferred with the command

    for review in reviews:
        written = [v for v in review.changes if not v.problems]
        if apply_review(district, review) is not None:
            print(ngettext("{card}: {count} change written", "{card}: {count} changes written",
                           len(written)).format(card=review.path.name, count=len(written)))
        if any(v.problems for v in review.changes):
            print("  " + _("values with a problem were not written: correct them in the "
                           "window"))


def add_card_commands(sub: Any) -> None:
    cards = sub.add_parser("cards", help=_(
        "write a fillable member card (PDF) for each member and a blank one"))
    cards.add_argument("file", metavar="FILE.des")
    cards.add_argument("--lang", choices=LANGUAGES, required=True)
    cards.add_argument("-o", "--output", metavar="FOLDER", required=True)
    cards.set_defaults(run=cmd_cards)
    read = sub.add_parser("cards-read", help=_(
        "compare returned member cards with the district (exit 1 when a card has problems)"))
    read.add_argument("file", metavar="FILE.des")
    read.add_argument("cards", metavar="CARD.pdf", nargs="+")
    read.add_argument("--apply", action="store_true",
                      help=_("write the changes that have no problem"))
    read.set_defaults(run=cmd_cards_read)

"""The parties as Italian agreements name them: form, office, codes, representative, act.

In Italian the participles ("iscritta", "rappresentata", "autorizzata") agree with the noun of
the party's legal form, which opens each description ("cooperativa sociale", "ente
pubblico"); the representative is named in a construction that needs no gender. The gendered
phrases are translated with a context (``pgettext``) that names the gender of that noun.
"""

from __future__ import annotations

from typing import Any

from desktop.core.agreement.context import Context, Recital, esc, phrase
from i18n import N_, translator
from wizard_steps import keys

# The member fields the parties are described with, checked against the declarations.
PARTY = keys("members.organizations",
             "legal_form nature signing_act_number signing_act_date signing_authority tax_code "
             "vat_number cooperative_register registered_sea legal_representative "
             "legal_representative_role registered_office")

FEMININE, MASCULINE = "feminine party", "masculine party"

# The noun that opens a party's description, by legal form, and its grammatical gender in
# Italian ("ente pubblico" is masculine; every other form is named by a feminine noun).
PARTY_NOUNS: dict[str, tuple[str, str]] = {
    "social_cooperative": (N_("a social cooperative"), FEMININE),
    "cooperative": (N_("a cooperative society"), FEMININE),
    "association": (N_("an association"), FEMININE),
    "foundation": (N_("a foundation"), FEMININE),
    "public_body": (N_("a public body"), MASCULINE),
    "limited_company": (N_("a limited company"), FEMININE),
    "partnership": (N_("a partnership"), FEMININE),
    "sole_proprietorship": (N_("a sole proprietorship"), FEMININE),
}
ANY_ORGANIZATION = (N_("an organization"), FEMININE)


def party_gender(member: dict[str, Any]) -> str:
    return PARTY_NOUNS.get(member.get(PARTY.legal_form, ""), ANY_ORGANIZATION)[1]


def is_public(member: dict[str, Any]) -> bool:
    return member.get(PARTY.nature) == "public" or member.get(PARTY.legal_form) == "public_body"


def authorising_act(ctx: Context, member: dict[str, Any]) -> str:
    """"delibera della giunta n. 12 del 3 marzo 2027", or "" when nothing is given."""
    _ = ctx._
    number = str(member.get(PARTY.signing_act_number) or "").strip()
    date = ctx.date(member.get(PARTY.signing_act_date) or "")
    act = phrase(member.get(PARTY.signing_authority) or "")
    if not (act or number or date):
        return ""
    act = act or esc(_("act"))
    if date and _read_with_a_vowel(date):  # Italian elides: "dell'11 marzo", "dell'8 marzo"
        pgettext = translator(ctx.lang).pgettext
        date_part = pgettext("date read with a vowel first", "of {date}").format(date=date)
    elif date:
        date_part = _("of {date}").format(date=date)
    if number and date:
        return _("{act} No. {number} {of_date}").format(act=act, number=esc(number),
                                                       of_date=date_part)
    if number:
        return _("{act} No. {number}").format(act=act, number=esc(number))
    if date:
        return f"{act} {date_part}"
    return act


def _read_with_a_vowel(date: str) -> bool:
    return date.startswith(("8 ", "11 "))


def _codes(ctx: Context, member: dict[str, Any]) -> list[str]:
    _ = ctx._
    tax_code = str(member.get(PARTY.tax_code) or "").strip()
    vat_number = str(member.get(PARTY.vat_number) or "").strip()
    if tax_code and tax_code == vat_number:
        return [_("tax code and VAT number {code}").format(code=esc(tax_code))]
    found = []
    if tax_code:
        found.append(_("tax code {code}").format(code=esc(tax_code)))
    if vat_number:
        found.append(_("VAT number {code}").format(code=esc(vat_number)))
    return found


REGISTER, REGISTERED, NOT_REGISTERED, REPRESENTED_AS, REPRESENTED, AUTHORISED = range(6)


def _gendered(ctx: Context, gender: str) -> tuple[str, ...]:
    """The participial phrases of a party, agreeing in Italian with the noun of its form
    (the context of each message must be a literal for the extraction to see it)."""
    pgettext = translator(ctx.lang).pgettext
    if gender == MASCULINE:
        return (
            pgettext("masculine party",
                     "entered in the register of cooperatives under No. {number}"),
            pgettext("masculine party", "registered with the solidarity economy regulations"),
            pgettext("masculine party",
                     "not registered with the solidarity economy regulations"),
            pgettext("masculine party", "represented by {name}, acting as {role}"),
            pgettext("masculine party", "represented by {name}"),
            pgettext("masculine party", "authorised to sign this agreement by {act}"),
        )
    return (
        pgettext("feminine party", "entered in the register of cooperatives under No. {number}"),
        pgettext("feminine party", "registered with the solidarity economy regulations"),
        pgettext("feminine party", "not registered with the solidarity economy regulations"),
        pgettext("feminine party", "represented by {name}, acting as {role}"),
        pgettext("feminine party", "represented by {name}"),
        pgettext("feminine party", "authorised to sign this agreement by {act}"),
    )


def _registrations(member: dict[str, Any], phrases: tuple[str, ...]) -> list[str]:
    found = []
    register_number = str(member.get(PARTY.cooperative_register) or "").strip()
    if register_number:
        found.append(phrases[REGISTER].format(number=esc(register_number)))
    if member.get(PARTY.registered_sea) is True:
        found.append(phrases[REGISTERED])
    elif member.get(PARTY.registered_sea) is False:
        found.append(phrases[NOT_REGISTERED])
    return found


def _signatory(ctx: Context, member: dict[str, Any], phrases: tuple[str, ...]) -> list[str]:
    found = []
    representative = str(member.get(PARTY.legal_representative) or "").strip()
    role = str(member.get(PARTY.legal_representative_role) or "").strip()
    if representative and role:
        found.append(phrases[REPRESENTED_AS].format(name=esc(representative), role=esc(role)))
    elif representative:
        found.append(phrases[REPRESENTED].format(name=esc(representative)))
    act = authorising_act(ctx, member)
    if act:
        found.append(phrases[AUTHORISED].format(act=act))
    return found


def party_description(ctx: Context, member: dict[str, Any]) -> str:
    """One party, as one sentence of the list of parties (without its closing punctuation)."""
    _ = ctx._
    noun, gender = PARTY_NOUNS.get(member.get(PARTY.legal_form, ""), ANY_ORGANIZATION)
    opening = _(noun)
    office = str(member.get(PARTY.registered_office) or "").strip()
    if office:
        opening = _("{organization} with registered office at {office}").format(
            organization=opening, office=esc(office))
    phrases = _gendered(ctx, gender)
    parts = [f"<b>{esc(member.get('name', ''))}</b>", opening, *_codes(ctx, member),
             *_registrations(member, phrases), *_signatory(ctx, member, phrases)]
    return ", ".join(parts)


def defined_term(ctx: Context) -> str:
    _ = ctx._
    return _("(hereinafter, jointly, the “Parties” and, individually, a “Party”)")


def acts_recital(ctx: Context) -> Recital | None:
    """The recital that lists each party's act authorising the signature, one party a line,
    if any act is given."""
    _ = ctx._
    acts = tuple(f"{esc(member.get('name', ''))}: {act};" for member in ctx.members
                 if (act := authorising_act(ctx, member)))
    if not acts:
        return None
    return Recital(_("the signature of this agreement has been authorised by the following "
                     "acts of the Parties:"), acts)

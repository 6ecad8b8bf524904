"""The verification in words, for the command line and the window: one line per party and
per signed file, and the limits of an offline check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.signing.records import FileCheck, SignatureCheck
from desktop.core.signing.status import PartyState, SigningState
from i18n import N_
from i18n.formats import long_date

Gettext = Callable[[str], str]

OFFLINE_NOTE = N_("Checked offline: whether a certificate was revoked, and whether its issuer "
                  "is on the trusted list, could not be checked.")
TRUST_NOTE = N_("Checked offline against the imported trust list: each issuer was looked up "
                "in it; whether a certificate was revoked could not be checked.")


def offline_note(files: list[FileCheck]) -> str:
    """The limits of the check (a msgid): with or without an imported trust list."""
    used = any(s.trusted is not None for check in files for s in check.signatures)
    return TRUST_NOTE if used else OFFLINE_NOTE


def certificate_text(signature: SignatureCheck, _: Gettext) -> str:
    qualified = (_("qualified (declared by the certificate)") if signature.qualified
                 else _("not declared qualified"))
    if signature.trusted is None:
        return qualified + "; " + _("issuer not checked offline")
    return qualified + "; " + (_("issuer verified on the trust list") if signature.trusted
                               else _("issuer not on the trust list"))


def signing_time(value: str, lang: str) -> str:
    """An ISO date and time as "15 marzo 2027, 10:42" in this computer's time zone."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{long_date(local.date().isoformat(), lang)}, {local:%H:%M}"


@dataclass(frozen=True)
class PartyRow:
    """One party as the table shows it: every cell already in words."""

    organisation: str
    representative: str
    state: str
    signer: str
    signed_at: str
    qualified: str
    remark: str
    signed: bool
    warning: bool


def party_row(party: PartyState, lang: str, _: Gettext) -> PartyRow:
    signature = party.signature
    if signature is None:
        return PartyRow(party.organisation, party.representative, _("Not signed yet"), "", "",
                        "", "", False, False)
    remark = _(signature.problem) if signature.problem else ""
    warning = False
    if signature.valid and not party.signer_is_representative:
        warning = True
        remark = _("Signed by {signer}, not by the legal representative on record: check "
                   "that a proxy or delegation allows it.").format(signer=signature.signer)
    qualified = certificate_text(signature, _)
    return PartyRow(party.organisation, party.representative,
                    _("Signed") if signature.valid else _("Signature not valid"),
                    signature.signer, signing_time(signature.signed_at, lang), qualified,
                    remark, signature.valid, warning)


def file_state(check: FileCheck, _: Gettext) -> str:
    if check.problem:
        return _(check.problem)
    valid = sum(1 for s in check.signatures if s.valid)
    return _("{valid} of {total} signatures valid").format(valid=valid,
                                                           total=len(check.signatures))


def state_line(state: SigningState, lang: str, _: Gettext) -> str:
    if not state.exported:
        return _("The final agreement has not been exported for digital signature yet.")
    if state.all_signed:
        return _("Signed on {date}: every party has signed.").format(
            date=long_date(state.signed_on, lang))
    missing = sum(1 for p in state.parties if not p.signed)
    return _("Not signed yet: {missing} of {total} parties still to sign.").format(
        missing=missing, total=len(state.parties))


def summary_lines(state: SigningState, files: list[FileCheck], lang: str,
                  _: Gettext) -> list[str]:
    lines = []
    for party in state.parties:
        row = party_row(party, lang, _)
        details = ", ".join(part for part in (row.signer, row.signed_at, row.qualified)
                            if part)
        mark = "⚠" if row.warning else ("✓" if row.signed else "✗")
        lines.append(f"{mark} {row.organisation} ({row.representative}): {row.state}"
                     + (f" — {details}" if details else "")
                     + (f". {row.remark}" if row.remark else ""))
    for file_name, signature in state.unmatched:
        lines.append("? " + _("{file}: a signature by {signer} matches no party.").format(
            file=file_name, signer=signature.signer))
    for check in files:
        lines.append(_("File {name}: {state}").format(name=check.name,
                                                      state=file_state(check, _)))
    lines += [_(offline_note(files)), state_line(state, lang, _)]
    return lines

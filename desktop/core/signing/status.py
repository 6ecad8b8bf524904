"""Who has signed: each party's signature among the signed files, and when the agreement
takes effect (the date of the last signature, once every party has signed)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from desktop.core.signing.records import ExportRecord, FileCheck, SignatureCheck, parties


@dataclass(frozen=True)
class PartyState:
    member_id: int
    organisation: str
    representative: str
    signature: SignatureCheck | None = None  # the one that counts, else the best attempt
    file_name: str = ""

    @property
    def signed(self) -> bool:
        return self.signature is not None and self.signature.valid

    @property
    def signer_is_representative(self) -> bool:
        """A mismatch is only a warning: a delegate may sign with a proxy."""
        return self.signature is not None and same_person(self.signature.signer,
                                                          self.representative)


@dataclass(frozen=True)
class SigningState:
    parties: list[PartyState]
    exported: bool
    # Signatures that belong to no party: neither their field nor their name is one of ours.
    unmatched: list[tuple[str, SignatureCheck]] = field(default_factory=list)

    @property
    def all_signed(self) -> bool:
        return bool(self.parties) and all(p.signed for p in self.parties)

    @property
    def signed_on(self) -> str:
        """The date of the last signature (ISO), once every party has signed."""
        if not self.all_signed:
            return ""
        return max(p.signature.signed_at for p in self.parties if p.signature)[:10]


def _party_for(signature: SignatureCheck, export: ExportRecord | None,
               members: list[dict[str, Any]]) -> int | None:
    if export is not None and signature.field_name in export.fields:
        return export.fields[signature.field_name]
    for member in members:
        if same_person(signature.signer, member.get("legal_representative", "")):
            return int(member["id"])
    return None


def _better(candidate: SignatureCheck, current: SignatureCheck) -> bool:
    """A valid signature beats an invalid one; between valid ones the earliest counts."""
    if candidate.valid != current.valid:
        return candidate.valid
    return candidate.valid and candidate.signed_at < current.signed_at


def signing_state(document: dict[str, Any], export: ExportRecord | None,
                  files: list[FileCheck]) -> SigningState:
    members = parties(document)
    best: dict[int, tuple[SignatureCheck, str]] = {}
    unmatched: list[tuple[str, SignatureCheck]] = []
    for checked in files:
        for signature in checked.signatures:
            member_id = _party_for(signature, export, members)
            if member_id is None:
                unmatched.append((checked.name, signature))
            elif member_id not in best or _better(signature, best[member_id][0]):
                best[member_id] = (signature, checked.name)
    states = []
    for member in members:
        found = best.get(int(member["id"]))
        states.append(PartyState(int(member["id"]), member.get("name", ""),
                                 member.get("legal_representative", ""),
                                 found[0] if found else None, found[1] if found else ""))
    return SigningState(states, export is not None, unmatched)


def document_record(state: SigningState) -> dict[str, Any]:
    """Who signed when, for the JSON document (the files stay in the district)."""
    return {
        "signed_on": state.signed_on,
        "parties": [{"member": p.member_id, "signer": p.signature.signer,
                     "signed_at": p.signature.signed_at, "qualified": p.signature.qualified,
                     "signer_is_representative": p.signer_is_representative}
                    for p in state.parties if p.signed and p.signature],
    }


RECORD_SCHEMA: dict[str, Any] = {
    "type": "object", "title": "Who signed the agreement digitally, and when",
    "additionalProperties": False,
    "properties": {
        "signed_on": {"type": "string", "pattern": r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"},
        "parties": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "properties": {"member": {"type": "integer"}, "signer": {"type": "string"},
                           "signed_at": {"type": "string"}, "qualified": {"type": "boolean"},
                           "signer_is_representative": {"type": "boolean"}}}}},
}


def _words(name: str) -> set[str]:
    """Lower-case words without accents, ignoring parenthesised remarks such as
    "(esempio)" and a "TINIT-…" tax-code suffix."""
    plain = re.sub(r"\([^)]*\)", " ", name)
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return {w for w in re.split(r"[^a-z']+", plain) if w and not w.startswith("tinit")}


def same_person(certificate_name: str, representative: str) -> bool:
    """Whether the two names are the same person's, in any order ("ROSSI MARIO" is
    "Mario Rossi"); a second given name missing on one side still matches."""
    signer, recorded = _words(certificate_name), _words(representative)
    if not signer or not recorded:
        return False
    if signer == recorded:
        return True
    smaller, larger = sorted((signer, recorded), key=len)
    return len(smaller) >= 2 and smaller <= larger

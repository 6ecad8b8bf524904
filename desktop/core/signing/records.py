"""What the program keeps about signing: the exported final, and each signature it read."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class ExportRecord:
    """The final agreement as exported for digital signature: what a signature must cover."""

    language: str
    sha256: str
    size: int
    revisions: int  # PDF revisions of the export: later ones may only add signatures
    fields: dict[str, int]  # signature field name -> the member whose representative signs
    exported_at: str

    def is_prefix_of(self, data: bytes) -> bool:
        """Whether ``data`` starts with exactly the exported bytes (incremental signing
        only appends)."""
        return len(data) >= self.size and sha256(data[:self.size]) == self.sha256


@dataclass(frozen=True)
class SignatureCheck:
    """One signature found in a signed file, as verified offline."""

    field_name: str  # the PDF signature field; "" in a .p7m envelope
    signer: str  # the person the certificate names
    issuer: str
    signed_at: str  # ISO date and time the signer's software reported (or its timestamp)
    intact: bool  # the signature matches the signed bytes
    covers_export: bool  # the signed bytes are the exported agreement, plus signatures only
    names_person: bool
    qualified: bool  # the certificate declares itself qualified (QcCompliance)
    in_validity: bool  # the certificate was within its validity period when signing
    problem: str = ""  # msgid: why the signature does not count
    # The issuer against an imported trust list: True on it, False not, None not checked.
    trusted: bool | None = None

    @property
    def valid(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class FileCheck:
    """A signed file and the signatures in it."""

    name: str
    kind: str  # "pdf" or "p7m"
    signatures: list[SignatureCheck] = field(default_factory=list)
    problem: str = ""  # msgid when the file as a whole cannot count (no signature, …)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileCheck:
        return cls(name=data["name"], kind=data["kind"], problem=data.get("problem", ""),
                   signatures=[SignatureCheck(**item) for item in data.get("signatures", [])])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parties(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The members who sign, in the order of the agreement."""
    return list(document.get("members", {}).get("organizations", []))

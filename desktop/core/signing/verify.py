"""Reads signed agreements offline: PAdES PDFs (one or more incremental signatures) and
CAdES ``.p7m`` envelopes (parallel or nested), with pyHanko.

Nothing is fetched: revocation is not checked, and trust in the issuer is checked only
against a trust list the user imported (``trust.py``); without one it is reported as not
checked. A signature counts when it is intact, covers
exactly the exported agreement (later revisions may add signatures only), and comes from a
certificate that names a person and was valid when the signature was made.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import logging
from io import BytesIO

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    DiffResult,
    ModificationLevel,
    SuspiciousModification,
)
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import (
    async_validate_cms_signature,
    extract_self_reported_ts,
)
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureStatus
from pyhanko_certvalidator import ValidationContext

from desktop.core.errors import UserError
from desktop.core.signing.names import is_qualified, person_name
from desktop.core.signing.records import ExportRecord, FileCheck, SignatureCheck, sha256
from i18n import N_

NOT_INTACT = N_("The signature does not match the signed content: the file was changed "
                "after it was signed.")
NOT_EXPORTED_TEXT = N_("The signature does not cover the agreement as the program exported "
                       "it: the text is different or was modified.")
NO_PERSON = N_("The certificate does not name a person.")
OUT_OF_VALIDITY = N_("The certificate was not valid when the signature was made.")
NOT_EXPORTED = N_("No final agreement was exported for digital signature: there is nothing "
                  "to compare the signed text with.")
# Offline there is no trust root: pyHanko logs every chain it cannot build, which is expected.
logging.getLogger("pyhanko.sign.validation.generic_cms").setLevel(logging.CRITICAL)

ACCEPTED_CHANGES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES,
                    ModificationLevel.FORM_FILLING)


Roots = list[asn1_x509.Certificate] | None  # an imported trust list, or None: not checked


def _offline_context(roots: Roots) -> ValidationContext:
    # Only the imported authorities (if any) and no fetching: the chain is built offline.
    return ValidationContext(trust_roots=list(roots or []), allow_fetching=False,
                             revocation_mode="soft-fail")


def _unreadable(name: str) -> UserError:
    return UserError(N_("{name} is not a signed PDF or a .p7m envelope, or it is damaged."),
                     name=name)


def check_file(data: bytes, name: str, export: ExportRecord | None,
               roots: Roots = None) -> FileCheck:
    """Verify every signature in a signed file; a file that cannot be read raises. With a
    trust list (``roots``) each signature also says whether its issuer is on it."""
    if data.lstrip()[:5] == b"%PDF-":
        return _check_pdf(data, name, export, roots)
    return _check_p7m(data, name, export, roots)


# --- PAdES ------------------------------------------------------------------------------------

def _check_pdf(data: bytes, name: str, export: ExportRecord | None,
               roots: Roots) -> FileCheck:
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise _unreadable(name) from exc
    if not embedded:
        return FileCheck(name, "pdf", problem=N_("The PDF holds no signature."))
    base_ok = export is not None and export.is_prefix_of(data) and _only_signatures_added(
        reader, export.revisions - 1)
    checks = []
    for embedded_signature in embedded:
        try:
            status = validate_pdf_signature(
                embedded_signature, _offline_context(roots),
                key_usage_settings=KeyUsageConstraints(),
                # Every revision after the export is reviewed once, below, for all signatures.
                skip_diff=True)
        except (PdfError, ValueError, KeyError, TypeError) as exc:
            raise _unreadable(name) from exc
        start, first_length, second_start, second_length = embedded_signature.byte_range
        covers = (base_ok and export is not None and start == 0
                  and second_start + second_length >= export.size)
        when = status.signer_reported_dt
        if status.timestamp_validity is not None:
            when = status.timestamp_validity.timestamp
        checks.append(_signature(status, embedded_signature.field_name or "", when, covers,
                                 export, roots))
    return FileCheck(name, "pdf", checks)


def _only_signatures_added(reader: PdfFileReader, base_revision: int) -> bool:
    """Whether every revision after the export only fills signature fields."""
    if base_revision < 0 or base_revision >= reader.xrefs.total_revisions:
        return False
    try:
        result = DEFAULT_DIFF_POLICY.review_file(reader, base_revision)
    except (PdfError, SuspiciousModification, ValueError, KeyError, TypeError):
        return False
    return isinstance(result, DiffResult) and result.modification_level in ACCEPTED_CHANGES


# --- CAdES ------------------------------------------------------------------------------------

def _load_signed_data(data: bytes, name: str) -> cms.SignedData:
    raw = data
    if not raw.startswith(b"\x30"):  # some programs write the envelope in base64
        try:
            raw = base64.b64decode(b"".join(data.split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _unreadable(name) from exc
    try:
        info = cms.ContentInfo.load(raw)
        if info["content_type"].native != "signed_data":
            raise _unreadable(name)
        signed = info["content"]
        signed["signer_infos"].native  # noqa: B018 (parses now, so damage shows here)
        return signed
    except (ValueError, TypeError, KeyError) as exc:
        raise _unreadable(name) from exc


def _check_p7m(data: bytes, name: str, export: ExportRecord | None,
               roots: Roots) -> FileCheck:
    signed = _load_signed_data(data, name)
    content = signed["encap_content_info"]["content"].native
    if not isinstance(content, bytes):
        return FileCheck(name, "p7m", problem=N_("The envelope holds no document."))
    checks: list[SignatureCheck] = []
    inner_covers = export is not None and sha256(content) == export.sha256
    if not inner_covers and content.startswith(b"\x30"):
        # A signature around a signed envelope (nested .p7m): the inner one decides the text.
        inner = _check_p7m(content, name, export, roots)
        checks += inner.signatures
        inner_covers = bool(inner.signatures) and all(
            s.covers_export for s in inner.signatures)
    for signer_info in signed["signer_infos"]:
        single = signed.copy()
        single["signer_infos"] = [signer_info]
        try:
            status = asyncio.run(async_validate_cms_signature(
                single, validation_context=_offline_context(roots),
                key_usage_settings=KeyUsageConstraints()))
        except (ValueError, TypeError, KeyError) as exc:
            raise _unreadable(name) from exc
        checks.append(_signature(status, "", extract_self_reported_ts(signer_info),
                                 inner_covers, export, roots))
    return FileCheck(name, "p7m", checks)


# --- one signature ----------------------------------------------------------------------------

def _signature(status: SignatureStatus, field_name: str, when: dt.datetime | None,
               covers: bool, export: ExportRecord | None, roots: Roots) -> SignatureCheck:
    certificate = status.signing_cert
    signer = person_name(certificate)
    moment = when or dt.datetime.now(dt.UTC)
    validity = certificate["tbs_certificate"]["validity"]
    in_validity = (validity["not_before"].native <= moment <= validity["not_after"].native)
    intact = bool(status.intact and status.valid)
    problem = ""
    if not intact:
        problem = NOT_INTACT
    elif export is None:
        problem = NOT_EXPORTED
    elif not covers:
        problem = NOT_EXPORTED_TEXT
    elif not signer:
        problem = NO_PERSON
    elif not in_validity:
        problem = OUT_OF_VALIDITY
    return SignatureCheck(
        field_name=field_name, signer=signer,
        issuer=str(certificate.issuer.native.get("common_name", "") or
                   certificate.issuer.human_friendly),
        signed_at=when.isoformat(timespec="seconds") if when else "",
        intact=intact, covers_export=covers, names_person=bool(signer),
        qualified=is_qualified(certificate), in_validity=in_validity, problem=problem,
        trusted=None if roots is None else bool(status.trusted))

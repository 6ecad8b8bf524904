"""A trust list the user imports: certificates of certification authorities, from one file
(PEM, possibly several in a bundle, or DER) or from every certificate file in a folder.

With it, each signature's chain is built up to one of these authorities, offline; without it,
trust in the issuer is reported as not checked. Nothing is fetched in either case.
"""

from __future__ import annotations

import os
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from desktop.core.errors import UserError
from i18n import N_

CERTIFICATE_SUFFIXES = {".pem", ".crt", ".cer", ".der"}


def _certificates_in(data: bytes) -> list[asn1_x509.Certificate]:
    if pem.detect(data):
        return [asn1_x509.Certificate.load(der) for kind, _headers, der in pem.unarmor(
            data, multiple=True) if kind == "CERTIFICATE"]
    return [asn1_x509.Certificate.load(data)]


def _read(path: Path) -> list[asn1_x509.Certificate]:
    try:
        certificates = _certificates_in(path.read_bytes())
        for certificate in certificates:
            certificate.native  # noqa: B018 (parses now, so damage shows here)
    except (ValueError, TypeError, KeyError) as exc:
        raise UserError(N_("{name} is not a certificate file, or it is damaged."),
                        name=path.name) from exc
    return certificates


def load_trust_list(path: str | os.PathLike[str]) -> list[asn1_x509.Certificate]:
    """The authorities' certificates in a file, or in the certificate files of a folder."""
    source = Path(path)
    if source.is_dir():
        files = sorted(p for p in source.iterdir()
                       if p.is_file() and p.suffix.lower() in CERTIFICATE_SUFFIXES)
    elif source.is_file():
        files = [source]
    else:
        raise UserError(N_("The file {path} does not exist."), path=source)
    certificates = [certificate for file in files for certificate in _read(file)]
    if not certificates:
        raise UserError(N_("{name} holds no certificate of a certification authority."),
                        name=source.name)
    return certificates

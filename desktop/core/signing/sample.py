"""Throwaway certificates and signatures, made on this computer in a moment: the self-test
and the tests sign an exported agreement with them to prove the verification whole. They are
never trusted by anything and name no real person."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from asn1crypto import cms, keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.core.signing.names import (
    QC_COMPLIANCE_OID,
    QC_SSCD_OID,
    QC_STATEMENTS_OID,
    QcStatements,
)
from desktop.core.signing.records import parties


@dataclass(frozen=True)
class Identity:
    """A certificate with its key, as pyHanko signs with it."""

    certificate: asn1_x509.Certificate
    key: keys.PrivateKeyInfo
    issuer: asn1_x509.Certificate

    def signer(self) -> signers.SimpleSigner:
        return signers.SimpleSigner(
            signing_cert=self.certificate, signing_key=self.key,
            cert_registry=SimpleCertificateStore.from_certs([self.issuer]))


def _qc_statements(*statement_ids: str) -> bytes:
    return QcStatements([{"statement_id": oid} for oid in statement_ids]).dump()


def _name(**parts: str) -> x509.Name:
    oids = {"common_name": NameOID.COMMON_NAME, "given_name": NameOID.GIVEN_NAME,
            "surname": NameOID.SURNAME, "organization": NameOID.ORGANIZATION_NAME,
            "country": NameOID.COUNTRY_NAME}
    return x509.Name([x509.NameAttribute(oids[key], value) for key, value in parts.items()])


def _to_asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _key_to_asn1(key: ec.EllipticCurvePrivateKey) -> keys.PrivateKeyInfo:
    return keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))


class ThrowawayAuthority:
    """A certification authority for throwaway certificates."""

    def __init__(self, name: str = "DES Wizard throwaway test authority") -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.name = _name(common_name=name, country="IT")
        now = dt.datetime.now(dt.UTC)
        self.certificate = (
            x509.CertificateBuilder().subject_name(self.name).issuer_name(self.name)
            .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(self.key, hashes.SHA256()))

    def issue(self, given_name: str, surname: str, qualified: bool = False) -> Identity:
        """A signing certificate for a person, optionally declaring itself qualified."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(given_name=given_name, surname=surname,
                                common_name=f"{given_name} {surname}", country="IT"))
            .issuer_name(self.name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True))
        if qualified:
            builder = builder.add_extension(x509.UnrecognizedExtension(
                x509.ObjectIdentifier(QC_STATEMENTS_OID),
                _qc_statements(QC_COMPLIANCE_OID, QC_SSCD_OID)), critical=False)
        certificate = builder.sign(self.key, hashes.SHA256())
        return Identity(_to_asn1(certificate), _key_to_asn1(key), _to_asn1(self.certificate))


def sign_pdf(data: bytes, identity: Identity, field_name: str | None = None) -> bytes:
    """The PDF with one more signature, as an incremental revision (PAdES baseline B)."""
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    output = BytesIO()
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name or f"Signature {dt.datetime.now().timestamp():.0f}",
        subfilter=SigSeedSubFilter.PADES)
    signers.sign_pdf(writer, metadata, signer=identity.signer(), output=output)
    return output.getvalue()


def sign_p7m(data: bytes, *identities: Identity) -> bytes:
    """A CAdES envelope (.p7m) holding the data, signed in parallel by each identity."""
    detached = [asyncio.run(identity.signer().async_sign_general_data(
        data, "sha256", detached=True, use_cades=True))["content"] for identity in identities]
    # The content goes in once, after signing: asn1crypto re-encodes a large content slowly.
    first = detached[0]
    envelope = cms.SignedData({
        "version": first["version"],
        "digest_algorithms": first["digest_algorithms"],
        "encap_content_info": {"content_type": "data", "content": data},
        "certificates": [c for signed in detached for c in signed["certificates"]],
        "signer_infos": [i for signed in detached for i in signed["signer_infos"]],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": envelope}).dump()


def signed_sample_verifies(document: dict[str, Any], folder: Path) -> bool:
    """Export the final for signature, sign it as the first party's representative with a
    throwaway certificate, and verify it: the check the self-test makes of signing."""
    from desktop.core.signing.export import export_for_signing  # reportlab: only when used
    from desktop.core.signing.verify import check_file

    first = parties(document)[0]
    record = export_for_signing(document, "it", folder / "signature-sample.pdf")
    field = next(name for name, member in record.fields.items() if member == first["id"])
    words = (first.get("legal_representative") or "Sample Signer").split()
    identity = ThrowawayAuthority().issue(words[0], " ".join(words[1:]) or words[0])
    signed = sign_pdf((folder / "signature-sample.pdf").read_bytes(), identity, field)
    checked = check_file(signed, "signature-sample.pdf", record)
    return len(checked.signatures) == 1 and checked.signatures[0].valid

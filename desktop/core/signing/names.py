"""Who a certificate names, whether it says it is qualified, and whether it names a person
on record: the parts of a signature check that read only the certificate."""

from __future__ import annotations

from asn1crypto import core, x509

# Kept in status.py, which the start-up reads without asn1crypto; named here too.
from desktop.core.signing.status import same_person as same_person

QC_STATEMENTS_OID = "1.3.6.1.5.5.7.1.3"  # RFC 3739 qcStatements
QC_COMPLIANCE_OID = "0.4.0.1862.1.1"  # ETSI EN 319 412-5: an EU qualified certificate
QC_SSCD_OID = "0.4.0.1862.1.4"  # the key lives on a qualified signature creation device


class QcStatement(core.Sequence):
    _fields = [("statement_id", core.ObjectIdentifier),
               ("statement_info", core.Any, {"optional": True})]


class QcStatements(core.SequenceOf):
    _child_spec = QcStatement


def qc_statement_ids(certificate: x509.Certificate) -> set[str]:
    """The QC statements the certificate declares (empty when it declares none)."""
    for extension in certificate["tbs_certificate"]["extensions"]:
        if extension["extn_id"].dotted == QC_STATEMENTS_OID:
            try:
                statements = QcStatements.load(extension["extn_value"].contents)
                return {s["statement_id"].dotted for s in statements}
            except ValueError:
                return set()
    return set()


def is_qualified(certificate: x509.Certificate) -> bool:
    """The certificate declares itself an EU qualified certificate (QcCompliance). Offline
    this is what the certificate says, not what a trusted list confirms."""
    return QC_COMPLIANCE_OID in qc_statement_ids(certificate)


def person_name(certificate: x509.Certificate) -> str:
    """The person the certificate names: given name and surname, else the common name."""
    subject = certificate.subject.native
    given, surname = subject.get("given_name", ""), subject.get("surname", "")
    if given or surname:
        return " ".join(str(part) for part in (given, surname) if part)
    common = subject.get("common_name", "")
    return str(common or "")

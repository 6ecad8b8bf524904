"""``des-wizard signatures``: export for signature, add signed files, print who signed."""

from __future__ import annotations

import contextlib
from pathlib import Path

from desktop.core.district_file import DistrictFile
from desktop.core.district_file.lock import held
from desktop.core.document import to_document
from desktop.core.outputs import check_output
from desktop.core.signing.instructions import write_instructions
from desktop.core.signing.store import (
    Roots,
    add_signed_files,
    current_state,
    record_export,
    signed_files,
    verify_again,
)
from desktop.core.signing.summary import summary_lines
from desktop.core.signing.trust import load_trust_list
from i18n import _, current_language


def _export(district: DistrictFile, out: str, lang: str, replace: bool, roots: Roots) -> None:
    from desktop.core.signing.export import export_for_signing  # reportlab and pyHanko

    # Never over the district itself or another district; an existing file only if asked.
    target = check_output(out, protected=[district.path], replace=replace)
    document = to_document(district)
    record = export_for_signing(document, lang, target)
    record_export(district, record, roots)
    beside = write_instructions(document, record, lang, target)
    print(_("Final agreement for digital signature written to {path}").format(path=target))
    print(_("How to sign it: {path}").format(path=beside))


def run_signatures(path: str, signed: list[str], export_to: str | None, lang: str,
                   replace: bool = False, trust: str | None = None) -> int:
    roots = load_trust_list(trust) if trust else None  # a bad trust list stops before writing
    writes = bool(export_to or signed or roots)
    # Only a command that stores something takes the district's lock, as the window does.
    with held(Path(path)) if writes else contextlib.nullcontext():
        district = DistrictFile.open(path, read_only=not writes)
        try:
            if export_to:
                _export(district, export_to, lang, replace, roots)
            elif roots is not None:
                verify_again(district, roots)  # the files kept so far, against the list
            if signed:
                add_signed_files(district, list(signed), roots)
            document = to_document(district)
            state = current_state(district, document)
            for line in summary_lines(state, [f.check for f in signed_files(district)],
                                      current_language(), _):
                print(line)
            return 0 if state.all_signed else 1
        finally:
            district.close()

"""``des-wizard signatures``: export for signature, add signed files, print who signed."""

from __future__ import annotations

import contextlib
from pathlib import Path

from desktop.core.district_file import DistrictFile
from desktop.core.district_file.lock import held
from desktop.core.document import to_document
from desktop.core.outputs import check_output
from desktop.core.signing.store import add_signed_files, current_state, record_export, signed_files
from desktop.core.signing.summary import summary_lines
from i18n import _, current_language


def _export(district: DistrictFile, out: str, lang: str, replace: bool) -> None:
    from desktop.core.signing.export import export_for_signing  # reportlab and pyHanko

    # Never over the district itself or another district; an existing file only if asked.
    target = check_output(out, protected=[district.path], replace=replace)
    record_export(district, export_for_signing(to_document(district), lang, target))
    print(_("Final agreement for digital signature written to {path}").format(path=target))


def run_signatures(path: str, signed: list[str], export_to: str | None, lang: str,
                   replace: bool = False) -> int:
    writes = bool(export_to or signed)
    # Only a command that stores something takes the district's lock, as the window does.
    with held(Path(path)) if writes else contextlib.nullcontext():
        district = DistrictFile.open(path, read_only=not writes)
        try:
            if export_to:
                _export(district, export_to, lang, replace)
            if signed:
                add_signed_files(district, list(signed))
            document = to_document(district)
            state = current_state(district, document)
            for line in summary_lines(state, [f.check for f in signed_files(district)],
                                      current_language(), _):
                print(line)
            return 0 if state.all_signed else 1
        finally:
            district.close()

"""Start-up loads what the first step needs: the heavy libraries wait for their first use.

The window once imported reportlab, pikepdf, pypdf, pypdfium2 and phonenumbers before its first
step was drawn (about half a second, see docs/benchmarks.md); these tests keep them out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Libraries that only exports, printing, member cards and spreadsheet imports need.
LATER = ("reportlab", "PIL", "pikepdf", "lxml", "pypdf", "pypdfium2", "phonenumbers",
         "openpyxl", "python_calamine", "jsonschema", "sqlite_utils",
         # signing: pyHanko and the cryptography under it; python-stdnum brings ssl
         "pyhanko", "pyhanko_certvalidator", "cryptography", "asn1crypto", "stdnum", "ssl")
LATER_MODULES = (
    "PySide6.QtPrintSupport",  # Qt's print support loads CUPS' libraries
    # the signatures dialog's machinery, the years after signing and their reports, the
    # calendar: each loaded when first used
    "desktop.core.signing.verify", "desktop.core.signing.names", "desktop.core.signing.trust",
    "desktop.core.signing.export", "desktop.core.signing.summary",
    "desktop.core.signing.instructions", "desktop.core.years.annual_report",
    "desktop.core.years.monitoring", "desktop.core.years.timeline", "desktop.gui.years_view",
    "desktop.core.calendar_export", "desktop.core.readiness_report",
    # dialogs and pages the first step does not show: built, and imported, when first opened
    "desktop.gui.review_page", "desktop.gui.signatures_dialog", "desktop.gui.export_dialog",
    "desktop.gui.restore_dialog", "desktop.gui.member_cards_dialog",
    "wizard_steps.widgets.forecast_editor",
    "wizard_steps.widgets.member_picker")


def loaded_after(script: str, tmp_path: Path) -> list[str]:
    """The libraries of LATER that are in sys.modules once ``script`` has run."""
    probe = script + (
        "\nimport json, sys\n"
        f"print(json.dumps(sorted(({{m.split('.')[0] for m in sys.modules}} & set({LATER!r}))"
        f" | (set(sys.modules) & set({LATER_MODULES!r})))))\n")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       DES_WIZARD_CONFIG_DIR=str(tmp_path / "config"),
                       DES_WIZARD_DOCUMENTS_DIR=str(tmp_path / "documents"))
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=environment,
                            capture_output=True, text=True, check=True, timeout=120)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_window_on_a_district_loads_none_of_the_later_libraries(tmp_path: Path):
    district = tmp_path / "example.des"
    from desktop.core.example import write_example

    write_example(district).close()
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.gui.app import create_window\n"
        "app = QApplication([])\n"
        f"window = create_window({str(district)!r}, app)\n"
        "window.show()\n"
        "app.processEvents()\n"
    )
    assert loaded_after(script, tmp_path) == []


def test_the_check_notices_a_library_loaded_at_start_up(tmp_path: Path):
    assert loaded_after("import desktop.core.agreement", tmp_path) == [
        "PIL", "pikepdf", "reportlab", "ssl"]
    assert loaded_after("import desktop.gui.printing", tmp_path) == [
        "PySide6.QtPrintSupport", "pypdfium2"]
    assert "asn1crypto" in loaded_after("import desktop.core.signing.names", tmp_path)
    assert "desktop.gui.years_view" in loaded_after("import desktop.gui.years_view", tmp_path)

"""``des-wizard desktop-entry``: the menu entry, the icon and the .des file type on Linux.

Files go to the user's own XDG data folder (no administrator rights needed); the desktop's
caches are refreshed when their tools are present.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from resources import resource_path


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def install_desktop_entry() -> list[Path]:
    home = data_home()
    written: list[Path] = []
    entry = resource_path("linux", "des-wizard.desktop").read_text(encoding="utf-8")
    # A frozen build starts from its own folder, not from a command on the PATH.
    command = sys.executable if getattr(sys, "frozen", False) else shutil.which("des-wizard")
    if command:
        entry = entry.replace("Exec=des-wizard %f", f'Exec="{command}" %f')
    targets = {
        home / "applications" / "des-wizard.desktop": entry.encode("utf-8"),
        home / "mime" / "packages" / "des-wizard.xml":
            resource_path("linux", "des-wizard-mime.xml").read_bytes(),
        home / "icons" / "hicolor" / "256x256" / "apps" / "des-wizard.png":
            resource_path("icons", "des-wizard-256.png").read_bytes(),
        home / "icons" / "hicolor" / "scalable" / "apps" / "des-wizard.svg":
            resource_path("icons", "des-wizard.svg").read_bytes(),
    }
    for target, data in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    for tool, folder in (("update-mime-database", home / "mime"),
                         ("update-desktop-database", home / "applications")):
        if shutil.which(tool):
            subprocess.run([tool, str(folder)], check=False, capture_output=True)
    return written

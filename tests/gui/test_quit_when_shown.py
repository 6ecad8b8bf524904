"""The start-up benchmark's switch: the program leaves right after its first paint, with the
district closed and its lock released."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.core.example import write_example

ROOT = Path(__file__).resolve().parents[2]


def test_the_program_leaves_once_drawn_and_releases_its_district(tmp_path: Path):
    district = tmp_path / "example.des"
    write_example(district).close()
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", DES_WIZARD_QUIT_WHEN_SHOWN="1",
                       DES_WIZARD_CONFIG_DIR=str(tmp_path / "config"),
                       DES_WIZARD_DOCUMENTS_DIR=str(tmp_path / "documents"))
    done = subprocess.run([sys.executable, "-m", "desktop", str(district)], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob("*.lock"))
    assert (tmp_path / "config").exists()  # it did start: the recent files were remembered

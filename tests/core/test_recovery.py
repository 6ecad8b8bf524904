"""Recovery first, judgement after; a refused file is never written (bytes checked by hash)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.district_file import DistrictFile
from desktop.core.district_file.recovery import journal_path
from desktop.core.errors import DistrictFileError
from tests.faults import read_only_folder

ATTACH_FOREVER = """
import sys
from desktop.core.district_file import DistrictFile
district = DistrictFile.open(sys.argv[1])
while True:
    district.attach(sys.argv[2])
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def looks_cut_short(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(100)
    pages = int.from_bytes(head[28:32], "big")
    return path.stat().st_size < pages * int.from_bytes(head[16:18], "big")


@pytest.fixture
def killed_during_attach(tmp_path) -> Path:
    """A district whose program was killed while committing a scan: page 1 already declares
    the larger file, the file is not that long yet, and the hot journal holds the old pages."""
    district = tmp_path / "killed.des"
    DistrictFile.create(district).close()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(os.urandom(1_000_000))
    child = subprocess.Popen([sys.executable, "-c", ATTACH_FOREVER, str(district), str(scan)],
                             cwd=Path(__file__).parents[2])
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline and not looks_cut_short(district):
            pass
    finally:
        child.kill()
        child.wait()
    assert looks_cut_short(district), "the killed state was not reached"
    assert journal_path(district).exists()
    return district


def test_a_file_killed_while_attaching_is_recovered_not_called_damaged(killed_during_attach):
    district = DistrictFile.open(killed_during_attach)
    assert district.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert all(a["size"] == 1_000_000 for a in district.attachments())
    district.close()
    assert not journal_path(killed_during_attach).exists()


def test_a_read_only_killed_file_is_recovered_on_a_copy(killed_during_attach):
    before = digest(killed_during_attach)
    journal_before = digest(journal_path(killed_during_attach))
    with read_only_folder(killed_during_attach.parent):
        district = DistrictFile.open(killed_during_attach)
        assert district.read_only
        assert district.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        district.close()
    assert digest(killed_during_attach) == before
    assert digest(journal_path(killed_during_attach)) == journal_before


def test_a_journal_of_another_district_is_never_replayed(killed_during_attach, example_path):
    shutil.copyfile(journal_path(killed_during_attach), journal_path(example_path))
    before = digest(example_path)
    district = DistrictFile.open(example_path)
    assert district.answer("name").endswith("Fiemme e Fassa")
    district.close()
    assert digest(example_path) == before
    assert not journal_path(example_path).exists()
    assert [p.name for p in example_path.parent.glob("*.foreign-*")]


def wal_file(path: Path, application_id: int, user_version: int) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes(text)")
    conn.execute(f"PRAGMA application_id={application_id}")
    conn.execute(f"PRAGMA user_version={user_version}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(("application_id", "user_version", "words"), [
    (0, 0, "non è un file di distretto"),
    (0x44455331, 99, "versione più recente"),
])
def test_refused_wal_files_are_left_byte_for_byte(tmp_path, application_id, user_version,
                                                  words):
    path = wal_file(tmp_path / "other.des", application_id, user_version)
    before = digest(path)
    with pytest.raises(DistrictFileError) as refused:
        DistrictFile.open(path)
    assert words in refused.value.message()
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.des"]

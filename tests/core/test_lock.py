"""One writer per district: the lock file, who holds it, stale locks, read-only opening."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap

import pytest

from desktop.cli import main
from desktop.core.district_file import APPLICATION_ID, DistrictFile
from desktop.core.district_file.lock import DistrictLock, LockedError, lock_path, read_owner
from desktop.core.district_file.migrations import MIGRATIONS, connect, migrate
from desktop.core.district_file.write_errors import OPENED_READ_ONLY, WriteError

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from desktop.core.district_file.lock import DistrictLock
    DistrictLock.acquire(Path(sys.argv[1]))
    print("held", flush=True)
    time.sleep(60)
""")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def held_elsewhere(example_path):
    """Another program holding the district's lock (a window in another process)."""
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(example_path)],
                             stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    yield child
    child.kill()
    child.wait()


def test_the_lock_names_its_owner_and_refuses_a_second_writer(example_path):
    lock = DistrictLock.acquire(example_path)
    owner = json.loads(lock_path(example_path).read_text(encoding="utf-8"))
    assert owner["pid"] == os.getpid()
    assert owner["host"] == socket.gethostname()
    with pytest.raises(LockedError) as refused:
        DistrictLock.acquire(example_path)
    assert socket.gethostname() in refused.value.message()
    lock.release()
    assert not lock_path(example_path).exists()
    DistrictLock.acquire(example_path).release()


def test_another_program_holds_it_until_it_is_killed(example_path, held_elsewhere):
    with pytest.raises(LockedError) as refused:
        DistrictLock.acquire(example_path)
    assert refused.value.owner.pid == held_elsewhere.pid
    held_elsewhere.send_signal(signal.SIGKILL)
    held_elsewhere.wait()
    # the lock file is still there, but its process is gone: it is stale and taken over
    assert lock_path(example_path).exists()
    lock = DistrictLock.acquire(example_path)
    assert read_owner(example_path) == lock.owner
    lock.release()


def test_a_lock_from_another_computer_is_never_taken_over(example_path):
    lock_path(example_path).write_text(json.dumps(
        {"user": "anna", "host": "pc-segreteria", "pid": 1, "since": "2027-03-15T09:00:00"}),
        encoding="utf-8")
    with pytest.raises(LockedError) as refused:
        DistrictLock.acquire(example_path)
    assert "anna" in refused.value.message()
    assert "pc-segreteria" in refused.value.message()


def test_releasing_never_removes_someone_elses_lock(example_path):
    lock = DistrictLock.acquire(example_path)
    lock_path(example_path).unlink()
    other = DistrictLock.acquire(example_path)
    lock.release()
    assert read_owner(example_path) == other.owner
    other.release()


def test_read_only_opening_never_writes(example_path):
    before = digest(example_path)
    district = DistrictFile.open(example_path, read_only=True)
    with pytest.raises(WriteError) as refused:
        district.set_answer("name", "changed")
    assert refused.value.reason == OPENED_READ_ONLY
    assert ("answer", "name") in district.unsaved  # kept for a copy, never written here
    district.close()
    assert digest(example_path) == before


def test_an_older_read_only_district_is_brought_up_to_date_in_memory(tmp_path):
    older = tmp_path / "older.des"
    db = connect(older)  # a district of format 3, as that release wrote it
    db.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrate(db, 0, {version: step for version, step in MIGRATIONS.items() if version <= 3})
    db.conn.close()
    before = digest(older)
    district = DistrictFile.open(older, read_only=True)
    assert district.attachments() == []
    district.close()
    assert digest(older) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["older.des"]


def test_commands_read_a_district_that_a_window_is_editing(capsys, example_path,
                                                         held_elsewhere):
    assert held_elsewhere.poll() is None
    before = digest(example_path)
    assert main(["to-json", str(example_path)]) == 0
    assert "Fiemme" in capsys.readouterr().out
    assert digest(example_path) == before

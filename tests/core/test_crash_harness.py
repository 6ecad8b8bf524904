"""SIGKILL at random moments while editing, attaching, copying and backing up: nothing
acknowledged is lost, and the file always opens (see tests/crash_harness.py)."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop.core.district_file import DistrictFile, backups
from desktop.core.district_file.lock import lock_path

SEED = 20271115
KILLS = 60


def test_killed_at_random_moments_nothing_acknowledged_is_lost(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-m", "tests.crash_harness", str(SEED), str(KILLS), str(tmp_path)],
        cwd=Path(__file__).parents[2], capture_output=True, text=True, timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    figures = json.loads(finished.stdout.strip().splitlines()[-1])
    assert figures["kills"] >= 50
    assert figures["acknowledged"] >= KILLS // 4  # the workers did get edits through
    assert figures["problems"] == []


def test_killed_while_bringing_an_old_district_up_to_date(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-m", "tests.crash_harness", str(SEED), "50", str(tmp_path),
         "migrations"],
        cwd=Path(__file__).parents[2], capture_output=True, text=True, timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    figures = json.loads(finished.stdout.strip().splitlines()[-1])
    assert figures["kills"] == 50
    assert figures["interrupted"] >= 10  # many kills did land before the end of the update
    assert figures["problems"] == []


WINDOW_KILLS = 5  # a window takes a second or two to start


def _whole(path: Path) -> bool:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_window_killed_while_working_loses_nothing_it_called_saved(tmp_path):
    """The window's own path: editor, page, store, status bar, and between edits the Review
    page's attach, "Save a copy as" and a backup; a killed window's lock is stale and the next
    window takes it over. After every kill the district, the copy and each backup are whole."""
    rng = random.Random(SEED)
    district = tmp_path / "typed.des"
    DistrictFile.create(district).close()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(rng.randbytes(300_000))
    copy = tmp_path / "copy.des"
    acknowledged: list[int] = []
    steps: set[str] = set()
    for round_number in range(WINDOW_KILLS):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_window_worker", str(district),
             str(round_number * 1_000_000), str(scan), str(copy)],
            cwd=Path(__file__).parents[2], stdout=subprocess.PIPE, text=True)
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 0.8))
        worker.kill()
        worker.wait()
        lines = worker.stdout.read().splitlines()
        acknowledged += [int(line.split()[1]) for line in lines if line.startswith("ack ")]
        steps |= {line.split()[1] for line in lines if line.startswith("did ")}
        assert lock_path(district).exists()  # left by the killed window, stale
        reopened = DistrictFile.open(district)
        assert reopened.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        name = reopened.answer("name")
        reopened.close()
        if acknowledged:
            assert int(name.split()[1]) >= acknowledged[-1]
        for whole in [copy, *(b.path for b in backups.backups_of(district))]:
            if whole.exists():
                assert _whole(whole), whole.name
    assert len(acknowledged) >= WINDOW_KILLS
    assert steps == {"attach", "copy", "backup"}  # each step did run before some kill

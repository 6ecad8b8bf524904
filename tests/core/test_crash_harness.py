"""SIGKILL at random moments while editing, attaching, copying and backing up: nothing
acknowledged is lost, and the file always opens (see tests/crash_harness.py)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

from desktop.core.district_file import DistrictFile
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
    assert figures["acknowledged"] >= KILLS // 2  # the workers did get edits through
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


WINDOW_KILLS = 3  # a window takes a second or two to start


def test_a_window_killed_while_typing_loses_nothing_it_called_saved(tmp_path):
    """The window's own path: editor, page, store, status bar; a killed window's lock is
    stale and the next window takes it over."""
    rng = random.Random(SEED)
    district = tmp_path / "typed.des"
    DistrictFile.create(district).close()
    acknowledged: list[int] = []
    for round_number in range(WINDOW_KILLS):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_window_worker", str(district),
             str(round_number * 1_000_000)],
            cwd=Path(__file__).parents[2], stdout=subprocess.PIPE, text=True)
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.3))
        worker.kill()
        worker.wait()
        acknowledged += [int(line.split()[1]) for line in worker.stdout.read().splitlines()
                         if line.startswith("ack ")]
        assert lock_path(district).exists()  # left by the killed window, stale
        reopened = DistrictFile.open(district)
        assert reopened.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        name = reopened.answer("name")
        reopened.close()
        if acknowledged:
            assert int(name.split()[1]) >= acknowledged[-1]
    assert len(acknowledged) >= WINDOW_KILLS

"""SIGKILL at random moments while editing, attaching, copying and backing up: nothing
acknowledged is lost, and the file always opens (see tests/crash_harness.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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

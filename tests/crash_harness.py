"""The crash harness: a worker edits a district and is killed with SIGKILL at random moments.

Run as ``python -m tests.crash_harness SEED KILLS FOLDER [migrations]``. The harness process
imports the program once and forks a fresh worker for every kill (so a kill costs milliseconds,
not an interpreter start). Each worker edits through the store API: answers, rows, row values,
scans, "save a copy", backups; after each call returns it reports the edit on a pipe: that edit
is *acknowledged*. After each kill the harness checks that the file passes ``integrity_check``,
opens without being called damaged, and holds every acknowledged edit; that a copy or backup it
finds is whole. With ``migrations`` each worker brings a first-release district up to date and
is killed on the way; the district must then open, whole, with its member. It prints one JSON
line with the figures.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

from desktop.core.district_file import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    DistrictFile,
    backups,
)
from desktop.core.district_file.migrations import connect, migrate
from desktop.core.district_file.recovery import read_header
from desktop.core.errors import DistrictFileError

SCAN_BYTES = 1_000_000


def work(district_path: Path, scan: Path, copy: Path, seed: int, out: int) -> None:
    """The worker: edit forever, reporting each edit once it has returned. Numbers grow from
    one worker to the next, so that a later value is always a larger one."""
    rng = random.Random(seed)
    district = DistrictFile.open(district_path)
    os.write(out, b"open\n")
    counter = seed * 100_000
    while True:
        counter += 1
        choice = rng.random()
        if choice < 0.4:
            district.set_answer("duration_years", counter)
            report = f"answer {counter}"
        elif choice < 0.7:
            row = district.add_row("objectives", {"title": f"row-{counter}"})
            district.set_row_value("objectives", row, "result", f"text-{counter}")
            report = f"row {counter}"
        elif choice < 0.85:
            district.attach(scan)
            report = "scan"
        elif choice < 0.95:
            district.save_copy_as(copy)
            report = "copy"
        else:
            backups.take(district.db.conn, district_path)
            report = "backup"
        os.write(out, (report + "\n").encode())


def check(district_path: Path, acknowledged: list[str], copy: Path) -> list[str]:
    """What is wrong with the district after a kill (nothing, one hopes)."""
    problems = []
    try:
        district = DistrictFile.open(district_path)
    except DistrictFileError as exc:
        return [f"refused: {exc.message()}"]
    if district.db.conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity_check failed")
    answers = [int(a.split()[1]) for a in acknowledged if a.startswith("answer")]
    if answers and int(district.answer("duration_years") or 0) < answers[-1]:
        problems.append(f"answer {answers[-1]} lost")
    rows = {r["title"]: r for r in district.rows("objectives")}
    for ack in (a for a in acknowledged if a.startswith("row")):
        number = ack.split()[1]
        if rows.get(f"row-{number}", {}).get("result") != f"text-{number}":
            problems.append(f"row {number} lost")
    district.close()
    for whole in [copy, *(b.path for b in backups.backups_of(district_path))]:
        if whole.exists():
            conn = sqlite3.connect(whole.resolve().as_uri() + "?mode=ro", uri=True)
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                problems.append(f"{whole.name} is not whole")
            conn.close()
    return problems


def run(seed: int, kills: int, folder: Path) -> dict[str, object]:
    rng = random.Random(seed)
    district_path = folder / "crash.des"
    DistrictFile.create(district_path).close()
    scan = folder / "scan.pdf"
    scan.write_bytes(rng.randbytes(SCAN_BYTES))
    copy = folder / "copy.des"
    acknowledged: list[str] = []
    problems: list[str] = []
    started = time.monotonic()
    for round_number in range(kills):
        read_end, write_end = os.pipe()
        worker = os.fork()
        if worker == 0:  # the worker never returns: it is killed, or ends on an error
            os.close(read_end)
            try:
                work(district_path, scan, copy, seed * 1000 + round_number + 1, write_end)
            finally:
                os._exit(3)
        os.close(write_end)
        early = b""
        if round_number % 2:  # half the kills land while editing, however slow the machine
            while b"open\n" not in early:
                chunk = os.read(read_end, 4096)
                if not chunk:
                    break
                early += chunk
        time.sleep(rng.uniform(0.002, 0.1 if early else 0.05))
        os.kill(worker, signal.SIGKILL)
        _pid, status = os.waitpid(worker, 0)
        if not os.WIFSIGNALED(status):
            problems.append(f"kill {round_number}: the worker stopped on an error")
        with os.fdopen(read_end, "rb") as reports:
            acknowledged += [line for line in (early + reports.read()).decode().splitlines()
                             if line and line != "open"]
        problems += [f"kill {round_number}: {p}" for p in check(district_path, acknowledged,
                                                                 copy)]
    return {"kills": kills, "acknowledged": len(acknowledged), "problems": problems,
            "seconds": round(time.monotonic() - started, 2)}


def first_release_district(path: Path) -> None:
    """A district as the first release wrote it (format 1), with one member."""
    db = connect(path)
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrate(db, 0, {1: MIGRATIONS[1]})
    db.execute("INSERT INTO members(id, position, name) VALUES (1, 1, 'Coop Vecchia')")
    db.conn.close()


def run_migrations(seed: int, kills: int, folder: Path) -> dict[str, object]:
    """Kill a worker while it brings a first-release district up to date, then open it."""
    rng = random.Random(seed)
    original = folder / "first-release.des"
    first_release_district(original)
    problems: list[str] = []
    interrupted = 0
    started = time.monotonic()
    for round_number in range(kills):
        district_path = folder / f"migrating-{round_number}.des"
        district_path.write_bytes(original.read_bytes())
        worker = os.fork()
        if worker == 0:
            try:
                DistrictFile.open(district_path).close()
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(worker, signal.SIGKILL)
        os.waitpid(worker, 0)
        if read_header(district_path).user_version < SCHEMA_VERSION:
            interrupted += 1  # killed before (or while) it was brought up to date
        try:
            district = DistrictFile.open(district_path)
        except DistrictFileError as exc:
            problems.append(f"kill {round_number}: refused: {exc.message()}")
            continue
        if district.db.conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append(f"kill {round_number}: integrity_check failed")
        if district.member_names() != {1: "Coop Vecchia"}:
            problems.append(f"kill {round_number}: the member was lost")
        district.close()
    return {"kills": kills, "interrupted": interrupted, "problems": problems,
            "seconds": round(time.monotonic() - started, 2)}


if __name__ == "__main__":
    runner = run_migrations if sys.argv[4:] == ["migrations"] else run
    print(json.dumps(runner(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))))

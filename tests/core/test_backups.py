"""The rolling backups: taken with SQLite's backup API, tidied, restorable."""

from __future__ import annotations

import datetime as dt
import os
import time

from desktop.core.district_file import DistrictFile, backups
from desktop.core.district_file.backups import Backup, to_keep


def test_the_rolling_set_keeps_ten_openings_and_one_a_day_for_thirty_days(tmp_path):
    now = dt.datetime(2027, 3, 31, 18, 0)
    taken = [Backup(tmp_path / f"{day}-{hour}", now - dt.timedelta(days=day, hours=hour),
                    "opening") for day in range(40) for hour in (0, 3)]
    keep = to_keep(taken, now)
    newest_ten = sorted(taken, key=lambda b: b.taken_at, reverse=True)[:10]
    assert {b.path for b in newest_ten} <= keep
    kept_days = {b.taken_at.date() for b in taken if b.path in keep}
    assert len(kept_days) == 30
    assert len(keep) == 10 + 30 - 5  # the ten newest cover five days already


def test_a_backup_is_a_district_and_old_ones_are_tidied(example_path):
    district = DistrictFile.open(example_path)
    start = dt.datetime(2027, 1, 1, 9, 0)
    for index in range(14):
        backups.take(district.db.conn, example_path, now=start + dt.timedelta(minutes=index))
    leftover = backups.folder_for(example_path) / "20270101-090000-000000.opening.des.des-new"
    leftover.write_bytes(b"half a copy")
    backups.take(district.db.conn, example_path, now=start + dt.timedelta(minutes=30))
    district.close()
    kept = backups.backups_of(example_path)
    assert len(kept) == 10
    assert not leftover.exists()
    copy = DistrictFile.open(kept[0].path, read_only=True)
    assert copy.answer("name").endswith("Fiemme e Fassa")
    assert copy.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_restoring_brings_back_an_earlier_version(example_path):
    district = DistrictFile.open(example_path)
    earlier = backups.take(district.db.conn, example_path)
    district.set_answer("name", "Renamed")
    backups.restore(earlier.path, district.db.conn)
    assert district.answer("name").endswith("Fiemme e Fassa")
    district.close()


def test_a_damaged_district_is_replaced_by_its_backup_and_kept(example_path):
    district = DistrictFile.open(example_path)
    latest = backups.take(district.db.conn, example_path)
    district.close()
    with example_path.open("r+b") as handle:
        handle.truncate(8192)  # cut short, as by an interrupted copy
    kept = backups.replace_damaged(example_path, latest)
    assert kept.stat().st_size == 8192
    DistrictFile.open(example_path).close()


def test_leftover_copies_of_killed_programs_are_removed(tmp_path):
    old = time.time() - 2 * backups.LEFTOVER_AGE_SECONDS
    hidden = tmp_path / ".distretto.des.des-new"
    made = tmp_path / "tmpa1b2c3.des-new"
    young = tmp_path / "tmpyoung.des-new"
    district = tmp_path / "distretto.des"
    for path in (hidden, made, young, district):
        path.write_bytes(b"personal data")
    for path in (hidden, made):
        os.utime(path, (old, old))
    removed = backups.remove_leftover_copies([tmp_path])
    assert sorted(removed) == sorted([hidden, made])
    assert young.exists()
    assert district.exists()

"""The calendar file as real calendar libraries read it (icalendar, vobject)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import vobject

from desktop.cli import main
from desktop.core.calendar_export import calendar_text, meeting_count
from desktop.core.district_file import DistrictFile
from desktop.core.example import example_document


def events(text: str) -> list[Any]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_times_are_in_rome_and_both_readers_agree():
    text = calendar_text(example_document(), "it")
    parsed = vobject.readOne(text)
    # The founding assembly on 19 February, in winter time, then the first meeting of the
    # plan on 20 April, in summer time.
    for index, (day, offset) in enumerate((((2027, 2, 19), 1), ((2027, 4, 20), 2))):
        start = events(text)[index].decoded("DTSTART")
        assert start == dt.datetime(*day, 18, 0, tzinfo=ZoneInfo("Europe/Rome"))
        assert start.utcoffset() == dt.timedelta(hours=offset)
        vstart = parsed.vevent_list[index].dtstart.value
        assert vstart.astimezone(dt.UTC) == start.astimezone(dt.UTC)


def test_moving_a_meeting_keeps_its_uid_and_two_at_one_hour_stay_two():
    document = example_document()
    before = [str(e["UID"]) for e in events(calendar_text(document, "it"))]
    document["governance"]["meetings"][0]["date"] = "2027-04-27"
    after = [str(e["UID"]) for e in events(calendar_text(document, "it"))]
    assert after == before
    same = dict(document["governance"]["meetings"][0])
    document["governance"]["meetings"].append(same)
    uids = [str(e["UID"]) for e in events(calendar_text(document, "it"))]
    assert len(set(uids)) == len(uids) == 5  # with the founding assembly


def test_control_characters_never_reach_the_file():
    document = example_document()
    document["governance"]["meetings"][0]["place"] = "Sala\x00 grande\r\nprimo\x07 piano\x1b"
    text = calendar_text(document, "it")
    body = text.replace("\r\n", "")
    assert not any(ord(c) < 0x20 and c != "\t" for c in body)
    # The founding assembly comes first, then the meetings of the plan.
    assert str(events(text)[1]["LOCATION"]) == "Sala grande\nprimo piano"
    vobject.readOne(text)


def test_dates_outside_the_supported_range_are_left_out():
    document = example_document()
    document["governance"]["meetings"][0]["date"] = "0001-01-01"
    document["governance"]["meetings"][1]["date"] = "9999-12-31"
    assert meeting_count(document) == 2  # the founding assembly and the third meeting
    assert len(events(calendar_text(document, "it"))) == 2


def test_an_event_follows_its_meeting_when_the_list_is_reordered(tmp_path, example_path):
    def uid_by_date(path) -> dict[str, str]:
        return {e.decoded("DTSTART").date().isoformat(): str(e["UID"])
                for e in events(path.read_text(encoding="utf-8"))}

    first = tmp_path / "first.ics"
    assert main(["calendar", str(example_path), "-o", str(first)]) == 0
    district = DistrictFile.open(example_path)
    meetings = district.rows("meetings")
    district.move_row("meetings", meetings[-1]["id"], 0)
    district.close()
    second = tmp_path / "second.ics"
    assert main(["calendar", str(example_path), "-o", str(second)]) == 0
    assert uid_by_date(first) == uid_by_date(second)

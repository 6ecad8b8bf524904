"""The assembly calendar as an iCalendar file (RFC 5545) that calendar programs import."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from i18n import N_, translator
from i18n.formats import parse_iso_date

MEETING_LENGTH = dt.timedelta(hours=2)
TIME_ZONE = "Europe/Rome"
FIRST_YEAR, LAST_YEAR = 1900, 2200  # the dates the program accepts anywhere
# Europe/Rome since 1996 (EU rules): what a calendar needs to place 18:00 in Trentino.
VTIMEZONE = [
    "BEGIN:VTIMEZONE", f"TZID:{TIME_ZONE}",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
    "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
    "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
]
# Control characters other than tab and line break never reach the file (RFC 5545).
CONTROL = {code: None for code in (*range(0x00, 0x20), 0x7F) if code not in (0x09, 0x0A)}


def _text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks; drop controls."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").translate(CONTROL)
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _meeting_day(meeting: dict[str, Any]) -> dt.date | None:
    day = parse_iso_date(meeting.get("date", ""))
    return day if day is not None and FIRST_YEAR <= day.year <= LAST_YEAR else None


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    parts: list[str] = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return [parts[0]] + [" " + p for p in parts[1:]]


def _start(meeting: dict[str, Any]) -> tuple[str, str] | None:
    day = _meeting_day(meeting)
    if day is None:
        return None
    time_text = str(meeting.get("time", "")).strip().replace(".", ":")
    try:
        hours, minutes = (int(x) for x in time_text.split(":"))
        start = dt.datetime.combine(day, dt.time(hours, minutes))
    except (ValueError, TypeError):
        # No usable time: an all-day event on that date.
        following = day + dt.timedelta(days=1)
        return f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{following:%Y%m%d}"
    end = start + MEETING_LENGTH
    # Trentino's time: a member travelling elsewhere still sees the assembly at its hour.
    return (f"DTSTART;TZID={TIME_ZONE}:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID={TIME_ZONE}:{end:%Y%m%dT%H%M%S}")


def calendar_text(document: dict[str, Any], lang: str,
                  now: dt.datetime | None = None) -> str:
    _ = translator(lang).gettext
    name = document.get("district", {}).get("name", "") or "DES"
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DES Wizard//Assembly calendar//IT",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_text(name)}", *VTIMEZONE]
    for position, (meeting, title) in enumerate(_meetings(document)):
        times = _start(meeting)
        if times is None:
            continue
        summary = _(title).format(district=name)
        # The meeting's identity, not its date: a meeting moved to another day updates the
        # event a calendar already has, and two meetings at the same hour stay two.
        identity = meeting.get("id", f"position-{position}")
        uid = hashlib.sha1(f"{name}|meeting|{identity}".encode()).hexdigest()
        lines += ["BEGIN:VEVENT", f"UID:{uid}@des-wizard", f"DTSTAMP:{stamp}", *times,
                  f"SUMMARY:{_text(summary)}"]
        if meeting.get("place"):
            lines.append(f"LOCATION:{_text(meeting['place'])}")
        if meeting.get("agenda"):
            lines.append(f"DESCRIPTION:{_text(meeting['agenda'])}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


def with_meeting_ids(document: dict[str, Any], ids: list[int]) -> dict[str, Any]:
    """The document with each meeting's row id from the district file (in the same order), so
    that an event keeps its UID when its meeting is moved, edited or reordered."""
    governance = dict(document.get("governance", {}))
    meetings = governance.get("meetings", [])
    if len(meetings) == len(ids):
        governance["meetings"] = [meeting | {"id": row_id}
                                  for meeting, row_id in zip(meetings, ids, strict=True)]
    return document | {"governance": governance}


def for_year(document: dict[str, Any], meetings: list[dict[str, Any]]) -> dict[str, Any]:
    """The document with ``meetings`` (a year's planned assemblies) as its calendar, and no
    founding assembly (long held by then)."""
    return document | {"governance": dict(document.get("governance", {}), meetings=meetings),
                       "assembly": {}}


def _meetings(document: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """The founding assembly, then the members' assemblies of the calendar, with their title
    (a msgid). The founding assembly is one per district, so its identity is fixed."""
    founding = document.get("assembly") or {}
    events = [({"id": "founding-assembly", "date": founding.get("date", ""),
                "time": founding.get("time", ""), "place": founding.get("place", "")},
               N_("Founding assembly — {district}"))] if founding.get("date") else []
    return events + [(meeting, N_("Members' assembly — {district}"))
                     for meeting in document.get("governance", {}).get("meetings", [])]


def meeting_count(document: dict[str, Any]) -> int:
    return sum(1 for m, _title in _meetings(document) if _meeting_day(m))


def write_calendar(document: dict[str, Any], lang: str, out: str | os.PathLike[str]) -> Path:
    target = Path(out)
    handle, temporary = tempfile.mkstemp(suffix=".ics-new", dir=target.parent)
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(calendar_text(document, lang))
    os.replace(temporary, target)
    return target

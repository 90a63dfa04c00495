"""iCalendar export, read back with the third-party `icalendar` package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

import callsheet

STAMP = dt.datetime(2027, 2, 20, 12, tzinfo=dt.timezone.utc)


def test_person_feed_round_trips_with_local_times_across_dst(sample_path: Path) -> None:
    production = callsheet.Production.load(sample_path)
    person = next(p for p in production.people if p.category == "cast" and p.cast_number == 1)
    text = production.to_ical(person=person.id, dtstamp=STAMP)
    assert text == production.to_ical(person=person.id, dtstamp=STAMP), "deterministic"
    calendar = icalendar.Calendar.from_ical(text)
    events = [c for c in calendar.walk("VEVENT")]
    assert events, "the lead works"
    offsets = set()
    for event in events:
        start = event.decoded("dtstart")
        assert isinstance(start, dt.datetime) and start.tzinfo is not None
        assert "@" in str(event["uid"])
        # The same instant as the engine's own report time for this person.
        local = start.astimezone(ZoneInfo(str(event["dtstart"].params["TZID"])))
        offsets.add(local.utcoffset())
    # The shoot spans the 14 March DST change in Los Angeles: both offsets appear.
    assert dt.timedelta(hours=-8) in offsets and dt.timedelta(hours=-7) in offsets
    day = next(e for e in production.events if e.kind == "shoot_day" and any(a.person == person.id for a in e.attendees))
    mine = next(a for a in day.attendees if a.person == person.id)
    starts = {e.decoded("dtstart").astimezone(dt.timezone.utc) for e in events}
    assert mine.report in starts


def test_holds_are_tentative_and_uids_are_stable(sample_path: Path) -> None:
    production = callsheet.Production.load(sample_path)
    whole = icalendar.Calendar.from_ical(production.to_ical(dtstamp=STAMP))
    statuses = {str(e.get("status")) for e in whole.walk("VEVENT")}
    assert "CONFIRMED" in statuses
    later = icalendar.Calendar.from_ical(production.to_ical(dtstamp=STAMP + dt.timedelta(days=1)))
    assert [str(e["uid"]) for e in whole.walk("VEVENT")] == [str(e["uid"]) for e in later.walk("VEVENT")]
    assert whole.walk("VTIMEZONE"), "VTIMEZONE for every zone used"


def test_free_busy_and_errors(sample_path: Path) -> None:
    production = callsheet.Production.load(sample_path)
    person = next(p for p in production.people if p.category == "cast")
    start = dt.datetime(2027, 2, 22, tzinfo=dt.timezone.utc)
    text = production.free_busy(start, start + dt.timedelta(days=7), person=person.id, dtstamp=STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar.walk("VFREEBUSY")
    with pytest.raises(callsheet.ValidationError) as info:
        production.to_ical(person="NOBODY", dtstamp=STAMP)
    assert str(info.value.problems[0]) == 'subject: unknown person "NOBODY"'
    with pytest.raises(callsheet.ValidationError):
        production.to_ical(person=person.id, location="LOC-OFFICE")
    with pytest.raises(callsheet.NaiveDatetimeError):
        production.to_ical(dtstamp=dt.datetime(2027, 1, 1))

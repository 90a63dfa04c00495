"""Conflicts, incremental checks and free slots from Python."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import callsheet

LA = ZoneInfo("America/Los_Angeles")


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> callsheet.Production:
    return callsheet.Production.load(sample_path)


def test_conflicts_of_the_sample(sample: callsheet.Production) -> None:
    found = sample.conflicts()
    errors = [c for c in found if c.severity == "error"]
    kinds = sorted(c.kind for c in errors)
    assert kinds == ["outside_permit", "person_double_booked", "resource_overbooked", "turnaround"]
    turnaround = next(c for c in errors if c.kind == "turnaround")
    assert turnaround.rule is not None and turnaround.rule.pack == "sag-aftra"
    assert turnaround.cost is not None and turnaround.cost.currency == "USD"
    assert turnaround.start < turnaround.end
    assert turnaround.start.tzinfo is not None
    assert [s.kind for s in turnaround.subjects] == ["person"]
    assert len(turnaround.event_ids) == 2
    assert "rest between wrap" in turnaround.message
    assert found == sample.conflicts(), "deterministic"


def test_check_event_with_a_record(sample: callsheet.Production) -> None:
    person = next(p for p in sample.people if p.category == "cast")
    day = next(e for e in sample.events if e.kind == "shoot_day" and any(a.person == person.id for a in e.attendees))
    fitting = {
        "id": "NEW-FITTING",
        "kind": "fitting",
        "status": "confirmed",
        "start": day.start + dt.timedelta(hours=1),
        "end": day.start + dt.timedelta(hours=2),
        "attendees": [{"person": person.id}],
    }
    found = sample.check_event(fitting)
    double = [c for c in found if c.kind == "person_double_booked"]
    assert double and all("NEW-FITTING" in c.event_ids for c in double)
    assert double[0].severity == "error"


def test_moving_an_event_with_to_dict(sample: callsheet.Production) -> None:
    day = next(e for e in sample.events if e.kind == "shoot_day")
    record = day.to_dict()
    assert record["id"] == day.id
    unchanged = sample.check_event(record)
    assert unchanged == sample.check_event(day)
    assert all(day.id in c.event_ids for c in unchanged)


def test_naive_datetimes_are_refused_clearly(sample: callsheet.Production) -> None:
    record = {
        "id": "X",
        "kind": "meeting",
        "status": "confirmed",
        "start": dt.datetime(2027, 3, 1, 9),
        "end": dt.datetime(2027, 3, 1, 10),
    }
    with pytest.raises(callsheet.NaiveDatetimeError, match="naive datetime"):
        sample.check_event(record)
    with pytest.raises(TypeError):
        sample.check_event(record)


def test_bad_records_name_the_path(sample: callsheet.Production) -> None:
    record = {
        "id": "X",
        "kind": "meeting",
        "status": "confirmed",
        "start": dt.datetime(2027, 3, 1, 9, tzinfo=LA),
        "end": dt.datetime(2027, 3, 1, 10, tzinfo=LA),
        "attendees": [{"person": "NOBODY"}],
    }
    with pytest.raises(callsheet.ValidationError) as info:
        sample.check_event(record)
    assert [str(p) for p in info.value.problems] == ['event.attendees[0].person: unknown person "NOBODY"']
    record["kind"] = "party"
    with pytest.raises(callsheet.ValidationError) as info:
        sample.check_event(record)
    assert info.value.problems[0].path == "event.kind"


def test_find_slots(sample: callsheet.Production) -> None:
    hods = [p.id for p in sample.people if p.head_of_department][:5]
    assert hods
    # Prep week, before the shoot: heads of department are free in office hours.
    start = dt.datetime(2027, 2, 15, 8, tzinfo=LA)
    slots = sample.find_slots(hods, dt.timedelta(hours=1), start, start + dt.timedelta(days=14), count=3)
    assert 1 <= len(slots) <= 3
    for slot in slots:
        assert slot.end - slot.start == dt.timedelta(hours=1)
        meeting = {
            "id": "HOD-MEETING",
            "kind": "meeting",
            "status": "confirmed",
            "start": slot.start,
            "end": slot.end,
            "attendees": [{"person": p} for p in hods],
        }
        assert sample.check_event(meeting) == []
    with pytest.raises(callsheet.ValidationError):
        sample.find_slots(["NOBODY"], dt.timedelta(hours=1), start, start + dt.timedelta(days=1))
    with pytest.raises(callsheet.NaiveDatetimeError):
        sample.find_slots(hods, dt.timedelta(hours=1), dt.datetime(2027, 3, 1), start)


def test_conflicts_from_several_threads(sample: callsheet.Production) -> None:
    expected = sample.conflicts()
    results: list[bool] = []

    def work() -> None:
        for _ in range(3):
            results.append(sample.conflicts() == expected)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 12

"""The coordinator's agenda from Python."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import callsheet

NOW = dt.datetime(2027, 2, 15, 16, tzinfo=dt.timezone.utc)
KINDS = {"call_sheet_due", "permit_application", "room_block_release", "document_outdated", "notices_owed"}


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> callsheet.Production:
    return callsheet.Production.load(sample_path)


@pytest.fixture(scope="module")
def items(sample: callsheet.Production) -> list[callsheet.AgendaItem]:
    return sample.agenda(NOW)


def test_agenda_is_sorted_by_due(items: list[callsheet.AgendaItem]) -> None:
    assert items
    dues = [i.due for i in items]
    assert dues == sorted(dues)
    assert all(i.due.utcoffset() == dt.timedelta(0) for i in items)
    assert {i.kind for i in items} <= KINDS
    assert "call_sheet_due" in {i.kind for i in items}
    assert all(i.message and i.subject and i.due_local for i in items)


def test_overdue_flags(items: list[callsheet.AgendaItem]) -> None:
    for item in items:
        assert item.overdue == (item.due < NOW), item


def test_cost_exposure_is_money(sample: callsheet.Production, items: list[callsheet.AgendaItem]) -> None:
    for item in items:
        if item.cost_exposure is not None:
            assert item.cost_exposure.currency == sample.currency
            assert item.cost_exposure.amount > 0


def first_call_sheet(items: list[callsheet.AgendaItem]) -> callsheet.AgendaItem:
    return next(i for i in items if i.kind == "call_sheet_due")


def test_sent_call_sheet_with_current_fingerprint_suppresses_the_item(
    sample: callsheet.Production, items: list[callsheet.AgendaItem]
) -> None:
    due = first_call_sheet(items)
    day = sample.event(due.subject)
    assert day is not None and day.kind == "shoot_day"
    date = sample.call_sheet(dt.date(2027, 2, 22)).date
    fingerprint = callsheet.schedule_fingerprint(sample)
    assert fingerprint == callsheet.schedule_fingerprint(sample)
    sent: list[dict[str, Any]] = [
        {"kind": "call_sheet", "date": date, "schedule_fingerprint": fingerprint, "sent_at": NOW}
    ]
    after = sample.agenda(NOW, sent=sent)
    assert due not in after
    assert [i for i in items if i != due] == after

    stale = [dict(sent[0], schedule_fingerprint=fingerprint ^ 1)]
    resend = [(i.kind, i.subject) for i in sample.agenda(NOW, sent=stale)]
    assert (due.kind, due.subject) in resend, "a sheet sent for another version does not count"


def test_sent_documents(sample: callsheet.Production, items: list[callsheet.AgendaItem]) -> None:
    fingerprint = callsheet.schedule_fingerprint(sample)
    outdated = {i.subject for i in items if i.kind == "document_outdated"}
    sent = [
        {"kind": kind, "date": None, "schedule_fingerprint": fingerprint, "sent_at": NOW - dt.timedelta(hours=1)}
        for kind in sorted(outdated)
    ]
    after = sample.agenda(NOW, sent=sent)
    assert not any(i.kind == "document_outdated" for i in after)


def test_options(sample: callsheet.Production, items: list[callsheet.AgendaItem]) -> None:
    short = sample.agenda(NOW, horizon_days=7)
    assert len(short) < len(items)
    assert all(i.due <= NOW + dt.timedelta(days=7) for i in short if i.kind == "call_sheet_due")
    lead = sample.agenda(NOW, call_sheet_lead_hours=24)
    assert first_call_sheet(lead).due == first_call_sheet(items).due - dt.timedelta(hours=12)
    assert sample.agenda(NOW, previous=sample) == items, "no changes, no notices owed"


def test_notices_owed_with_previous_version(
    sample: callsheet.Production, sample_path: Path, items: list[callsheet.AgendaItem]
) -> None:
    data = json.loads(sample_path.read_text())
    day = next(e for e in data["events"] if e["id"] == first_call_sheet(items).subject)
    assert day["attendees"]
    day["start"] = (dt.datetime.fromisoformat(day["start"]) - dt.timedelta(hours=1)).isoformat()
    old = callsheet.Production.from_json(json.dumps(data))
    owed = [i for i in sample.agenda(NOW, previous=old) if i.kind == "notices_owed"]
    assert owed, "the day's call moved: its people are owed a notice"
    assert all(i.due == NOW and not i.overdue for i in owed)
    assert {i.subject for i in owed} <= {p.id for p in sample.people}


def test_naive_now_is_refused(sample: callsheet.Production) -> None:
    with pytest.raises(callsheet.NaiveDatetimeError):
        sample.agenda(dt.datetime(2027, 2, 15, 16))


def test_bad_sent_records_name_the_path(sample: callsheet.Production) -> None:
    fingerprint = callsheet.schedule_fingerprint(sample)
    with pytest.raises(callsheet.ValidationError) as info:
        sample.agenda(NOW, sent=[{"kind": "memo", "date": None, "schedule_fingerprint": fingerprint, "sent_at": NOW}])
    assert [p.path for p in info.value.problems] == ["sent[0].kind"]
    with pytest.raises(callsheet.ValidationError) as info:
        sample.agenda(NOW, sent=[{"kind": "call_sheet", "date": None, "sent_at": NOW}])
    assert [p.path for p in info.value.problems] == ["sent[0].schedule_fingerprint"]
    with pytest.raises(callsheet.NaiveDatetimeError):
        sample.agenda(
            NOW,
            sent=[{"kind": "call_sheet", "date": None, "schedule_fingerprint": 1, "sent_at": dt.datetime(2027, 2, 1)}],
        )

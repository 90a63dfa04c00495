"""Bulk construction from plain records: one call, all or nothing, paths."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import callsheet

LA = ZoneInfo("America/Los_Angeles")
REPO = Path(__file__).resolve().parents[2]


def test_build_from_records() -> None:
    p = callsheet.Production.build(
        "Night Diner",
        "America/Los_Angeles",
        "USD",
        people=[
            {"id": "P1", "name": "Ava Lead", "category": "cast", "cast_number": 1},
            {"id": "P2", "name": "Dan Photog", "category": "crew", "department": "Camera"},
        ],
        locations=[{"id": "L1", "name": "Diner", "zone": "America/Los_Angeles"}],
        events=[
            {
                "id": "SD1",
                "kind": "shoot_day",
                "status": "confirmed",
                "location": "L1",
                "start": dt.datetime(2027, 2, 1, 7, tzinfo=LA),
                "end": dt.datetime(2027, 2, 1, 19, tzinfo=LA),
                "attendees": [{"person": "P1"}, {"person": "P2"}],
            }
        ],
    )
    assert [x.id for x in p.people] == ["P1", "P2"]
    assert len(p.events) == 1
    assert p.conflicts() == []


def test_apply_upserts_removes_and_is_all_or_nothing() -> None:
    p = callsheet.Production.load(REPO / "examples/data/sample-production.json")
    first = p.people[0].id
    summary = p.apply(
        people=[
            {"id": first, "name": "Renamed", "category": "crew"},
            {"id": "NEW-1", "name": "New Grip", "category": "crew", "department": "Grip"},
        ]
    )
    assert summary == {"added": 1, "replaced": 1, "removed": 0}
    assert p.person(first) is not None and p.person(first).name == "Renamed"  # type: ignore[union-attr]
    before = p.to_json()
    with pytest.raises(callsheet.ValidationError) as err:
        p.apply(people=[{"id": "X", "name": "X", "category": "grip"}])
    assert err.value.problems[0].path == "people[0].category"
    with pytest.raises(callsheet.ValidationError) as err:
        p.apply(
            people=[{"id": "X1", "name": "A", "category": "crew"}],
            remove={"events": ["NO-SUCH-EVENT"]},
        )
    assert str(err.value) == 'remove.events[0]: no record in events has id "NO-SUCH-EVENT"'
    with pytest.raises(callsheet.NaiveDatetimeError):
        p.apply(events=[{"id": "E", "kind": "meeting", "status": "confirmed",
                         "start": dt.datetime(2027, 1, 1, 9), "end": dt.datetime(2027, 1, 1, 10)}])
    assert p.to_json() == before, "nothing applied"


def test_shared_scenario() -> None:
    """tests/scenario/expected.json: the same answers as Rust, uniffi and Kotlin."""
    expected = json.loads((REPO / "tests/scenario/expected.json").read_text())
    p = callsheet.Production.load(REPO / expected["production"])
    got = p.conflicts()
    assert len(got) == len(expected["conflicts"])
    for want, c in zip(expected["conflicts"], got):
        assert c.kind == want["kind"] and c.severity == want["severity"]
        assert [{"kind": s.kind, "id": s.id} for s in c.subjects] == want["subjects"]
        assert c.event_ids == want["events"]
        assert c.message == want["message"]
    topsheet = p.budget.topsheet()
    assert str(topsheet.grand_total) == expected["topsheet"]["grand_total"]
    cost = expected["cost_report"]
    report = p.budget.cost_report(as_of=dt.date.fromisoformat(cost["as_of"]))
    for name, value in cost["total"].items():
        assert getattr(report.total, name) == callsheet_decimal(value), name
    assert [a.account for a in report.alerts] == [a["account"] for a in cost["alerts"]]


def callsheet_decimal(text: str) -> object:
    import decimal

    return decimal.Decimal(text)


def test_a_rust_panic_becomes_callsheet_error() -> None:
    """A panic in the core never escapes as pyo3's PanicException (a BaseException)."""
    from callsheet import _callsheet

    with pytest.raises(callsheet.CallsheetError) as err:
        _callsheet._panic_for_tests()
    assert "deliberate panic for the test suite" in str(err.value)
    assert isinstance(err.value, Exception)

"""The logistics engines from Python: transport plans, resource timelines
and unit assignments on the sample production."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import callsheet

DAY_ONE = dt.date(2027, 2, 22)  # MU-D01 at Stage 7, 07:00 PST
TRAVEL_DAY = dt.date(2027, 3, 15)  # TRV-OUT to New Mexico
LA = ZoneInfo("America/Los_Angeles")
UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> callsheet.Production:
    return callsheet.Production.load(sample_path)


@pytest.fixture(scope="module")
def plan(sample: callsheet.Production) -> callsheet.TransportPlan:
    return sample.plan_transport(DAY_ONE)


# ----------------------------------------------------------------- transport


def test_day_one_runs_get_everyone_there_in_time(plan: callsheet.TransportPlan) -> None:
    assert plan.date == DAY_ONE and plan.buffer_minutes == 15
    assert plan.runs and len(plan) == len(plan.runs) and list(plan) == plan.runs
    buffer = dt.timedelta(minutes=15)
    riders = 0
    for number, run in enumerate(plan.runs, start=1):
        assert run.number == number
        assert run.destination == "LOC-STAGE7"
        assert run.depart < run.arrive
        assert run.stops[-1].kind == "drop_off" and all(s.kind == "pickup" for s in run.stops[:-1])
        assert len(run) == len(run.riders) > 0
        for ride in run.riders:
            assert ride.pickup.utcoffset() == dt.timedelta(0), "instants are aware UTC"
            assert ride.pickup <= ride.latest_pickup
            assert run.arrive <= ride.call - buffer, "everyone arrives at least the buffer early"
            assert plan.run_of(ride.person) == run
        riders += len(run.riders)
    assert sum(len(d.runs) for d in plan.driver_lists) == len(plan.runs)
    assert all(d.driver is None for d in plan.driver_lists), "the sample names no drivers"
    assert plan.run_of("nobody") is None
    # Nobody is dropped silently.
    placed = {r.person for run in plan.runs for r in run.riders}
    others = {u.person for u in plan.unassigned} | {n.person for n in plan.no_pickup}
    assert not placed & others
    assert f"{len(plan.runs)} runs, {riders} riders" in repr(plan)


def test_cast_without_lodging_get_no_pickup(plan: callsheet.TransportPlan) -> None:
    # C02 and C03 stay at the Larchmont and have no home base.
    reasons = {n.person: n.reason for n in plan.no_pickup}
    assert reasons == {"C02": "unknown_origin", "C03": "unknown_origin"}
    assert all(u.reason in {"no_travel_time", "no_seats", "no_vehicle_free"} for u in plan.unassigned)


def test_lodging_as_records_dicts_or_tuples(sample: callsheet.Production) -> None:
    night = DAY_ONE - dt.timedelta(days=1)
    lodging: list[Any] = [
        callsheet.Lodging("C02", night, "LOC-HTL-LARCH"),
        {"person": "C03", "night": night, "location": "LOC-HTL-LARCH"},
    ]
    plan = sample.plan_transport(DAY_ONE, lodging=lodging)
    assert plan.no_pickup == []
    run = plan.run_of("C02")
    assert run is not None
    (ride,) = [r for r in run.riders if r.person == "C02"]
    assert ride.origin == "LOC-HTL-LARCH"
    same = sample.plan_transport(DAY_ONE, lodging=[("C02", night, "LOC-HTL-LARCH"), ("C03", night, "LOC-HTL-LARCH")])
    assert same == plan
    assert callsheet.Lodging("C02", night, "LOC-HTL-LARCH") == lodging[0]
    assert hash(lodging[0]) == hash(callsheet.Lodging("C02", night, "LOC-HTL-LARCH"))


def test_pickup_records_have_local_clock_times(sample: callsheet.Production) -> None:
    night = DAY_ONE - dt.timedelta(days=1)
    plan = sample.plan_transport(DAY_ONE, lodging=[("C02", night, "LOC-HTL-LARCH")])
    records = plan.pickup_records()
    assert len(records) == sum(len(r.riders) for r in plan.runs)
    first = records[0]
    assert list(first) == [
        "run", "vehicle", "unit", "driver", "person", "name", "event", "origin", "origin_name",
        "pickup", "pickup_time", "destination", "destination_name", "drop_off", "call", "call_time",
        "ride_minutes",
    ]  # fmt: skip
    for r in records:
        pickup_time = r["pickup_time"]
        assert pickup_time.tzinfo is not None and pickup_time.utcoffset() == dt.timedelta(hours=-8), "PST"
        assert r["pickup"] == pickup_time.strftime("%H:%M")
        assert r["call"] == r["call_time"].strftime("%H:%M")
        assert r["pickup"] < r["drop_off"] < r["call"]
        assert r["name"] and r["origin_name"] and r["destination_name"] == "Las Palmas Stages - Stage 7"
    c02 = next(r for r in records if r["person"] == "C02")
    assert c02["origin"] == "LOC-HTL-LARCH" and c02["event"] == "MU-D01"
    # The record's clock is its stop's clock.
    run = plan.runs[first["run"] - 1]
    stop = next(s for s in run.stops if first["person"] in s.people and s.kind == "pickup")
    assert stop.clock == first["pickup"] and stop.local.astimezone(UTC) == stop.at
    assert stop.zone == "America/Los_Angeles"


def test_transport_options(sample: callsheet.Production, plan: callsheet.TransportPlan) -> None:
    later = sample.plan_transport(DAY_ONE, buffer_minutes=30)
    assert later.buffer_minutes == 30
    assert min(r.depart for r in later.runs) < min(r.depart for r in plan.runs)
    unlimited = sample.plan_transport(DAY_ONE, max_driving_minutes=None, max_stops=1)
    assert all(len(r.stops) == 2 for r in unlimited.runs)
    with pytest.raises(callsheet.ValidationError, match="max_stops: must be at least 1") as err:
        sample.plan_transport(DAY_ONE, max_stops=0)
    assert err.value.problems[0].path == "max_stops"


def test_bad_lodging_names_the_item(sample: callsheet.Production) -> None:
    night = DAY_ONE - dt.timedelta(days=1)
    cases: list[tuple[Any, str]] = [
        ([("NOBODY", night, "LOC-HTL-LARCH")], "lodging[0].person"),
        ([("C02", night, "LOC-HTL-LARCH"), ("C03", night, "LOC-NOWHERE")], "lodging[1].location"),
        ([{"person": "C02", "location": "LOC-HTL-LARCH"}], "lodging[0].night"),
        ([("C02", "2027-02-21", "LOC-HTL-LARCH")], "lodging[0].night"),
        ([("C02", night)], "lodging[0]"),
        ([42], "lodging[0]"),
        (7, "lodging"),
    ]
    for lodging, path in cases:
        with pytest.raises(callsheet.ValidationError) as err:
            sample.plan_transport(DAY_ONE, lodging=lodging)
        assert err.value.problems[0].path == path, (lodging, str(err.value))
    with pytest.raises(callsheet.ValidationError, match="date"):
        sample.plan_transport(dt.datetime(2027, 2, 22, tzinfo=UTC))


def test_travel_day_movements(sample: callsheet.Production) -> None:
    plan = sample.plan_transport(TRAVEL_DAY)
    assert plan.movements
    for m in plan.movements:
        assert m.event.startswith("TRV-")
        assert m.depart < m.arrive
        assert m.depart_local.tzinfo is not None and m.depart_local.astimezone(UTC) == m.depart
        assert m.arrive_local.astimezone(UTC) == m.arrive
    assert "movements" in repr(plan)


def test_transport_to_pandas(plan: callsheet.TransportPlan) -> None:
    pd = pytest.importorskip("pandas")
    frame: Any = plan.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(plan.pickup_records())
    assert frame["pickup"].iloc[0] == plan.pickup_records()[0]["pickup"]


def test_to_pandas_without_pandas(plan: callsheet.TransportPlan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        plan.to_pandas()


# ----------------------------------------------------------------- equipment


def test_camera_timeline_shows_the_over_booking(sample: callsheet.Production) -> None:
    timeline = sample.resource_timeline("RES-ALEXA35")
    assert timeline.resource == "RES-ALEXA35" and timeline.owned == 2
    assert timeline.peak() == 3
    (over,) = timeline.over_allocated()
    # MU-D13 books 2, 2U-D03 books 1; with an hour of prep and return the
    # windows overlap 07:00-18:00 PST.
    assert over.start == dt.datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    assert over.end == dt.datetime(2027, 3, 11, 2, 0, tzinfo=UTC)
    assert (over.booked, over.usable, over.available, over.over_allocated) == (3, 2, 0, 1)
    assert sorted(b.event for b in over.bookings) == ["2U-D03", "MU-D13"]
    segments = timeline.segments
    assert len(timeline) == len(segments) and list(timeline) == segments
    for a, b in zip(segments, segments[1:]):
        assert a.end == b.start, "contiguous"
    noon = dt.datetime(2027, 3, 10, 12, 0, tzinfo=LA)
    assert timeline.booked_at(noon) == 3
    assert timeline.segment_at(noon) == over
    assert timeline.segment_at(dt.datetime(2020, 1, 1, tzinfo=UTC)) is None
    with pytest.raises(callsheet.NaiveDatetimeError):
        timeline.booked_at(dt.datetime(2027, 3, 10, 12, 0))
    assert "peak 3" in repr(timeline)


def test_timeline_records_and_unavailability(sample: callsheet.Production) -> None:
    techno = sample.resource_timeline("RES-TECHNO")
    (away,) = [s for s in techno if s.unavailable]
    assert away.unavailable == "unavailable" and away.usable == 0 and away.booked == 0
    records = techno.to_records()
    assert len(records) == len(techno)
    assert records[0]["events"] == [b.event for b in techno.segments[0].bookings]
    assert records[0]["start"] == techno.segments[0].start and records[0]["start"].tzinfo is not None
    pd = pytest.importorskip("pandas")
    frame: Any = techno.to_pandas()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == list(records[0])


def test_unit_assignment(sample: callsheet.Production) -> None:
    units = sample.assign_units("RES-ALEXA35")
    assert units.resource == "RES-ALEXA35" and units.owned == 2
    assert units.units_used == ["A35-10472", "A35-10519"]
    (short,) = units.shortfalls
    assert (short.event, short.needed, short.assigned, short.missing) == ("MU-D13", 2, 1, 1)
    assert short.reason == "all_units_busy" and short.unavailable_kind is None
    assert short.at == dt.datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    for booking in units.bookings:
        assert len(booking.units) <= booking.booking.quantity
    first = units.bookings_of("A35-10472")
    assert first and all("A35-10472" in b.units for b in first)
    assert units.bookings_of("nope") == []
    assert "1 shortfalls" in repr(units)


def test_unknown_resource_is_a_validation_error(sample: callsheet.Production) -> None:
    for ask in (sample.resource_timeline, sample.assign_units):
        with pytest.raises(callsheet.ValidationError, match='unknown resource "RES-NOPE"') as err:
            ask("RES-NOPE")
        assert err.value.problems[0].path == "resource"

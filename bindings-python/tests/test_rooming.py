"""Hotel rooming from Python: a week on location worked by hand, the sample
production's New Mexico shoot, options, errors, transport from the hotels,
tables and threads."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import callsheet

SCENARIO = Path(__file__).resolve().parents[2] / "tests" / "scenario" / "expected.json"


def quarry_week() -> callsheet.Production:
    """A suite contract, two crew who share and a day player, Monday to
    Friday at a distant quarry; an inn with a suite and a double, and a
    lodge."""
    zone = "America/Denver"
    return callsheet.Production.build(
        "Night Diner",
        zone,
        "USD",
        people=[
            {"id": "P1", "name": "Maya Ortiz", "category": "cast", "contract_tier": "suite"},
            {"id": "P2", "name": "Sam Lee", "category": "crew", "may_share_room": True},
            {"id": "P3", "name": "Ana Ruiz", "category": "crew", "may_share_room": True},
            {"id": "P4", "name": "Jo Banks", "category": "crew"},
        ],
        locations=[
            {"id": "L-QUARRY", "name": "Red Quarry", "zone": zone, "distant": True},
            {"id": "L-INN", "name": "Quarry Inn", "zone": zone},
            {"id": "L-LODGE", "name": "Ridge Lodge", "zone": zone},
        ],
        events=[
            {
                "id": f"D{i}",
                "kind": "shoot_day",
                "status": "confirmed",
                "start": f"2027-03-{14 + i}T13:00:00Z",
                "end": f"2027-03-{14 + i}T23:00:00Z",
                "location": "L-QUARRY",
                "attendees": [{"person": x} for x in ["P1", "P2", "P3"] + (["P4"] if i in (2, 3) else [])],
            }
            for i in range(1, 6)
        ],
        hotels=[
            {"id": "H-INN", "name": "Quarry Inn", "location": "L-INN"},
            {"id": "H-LODGE", "name": "Ridge Lodge", "location": "L-LODGE"},
        ],
        room_blocks=[
            block("B-STE", "H-INN", "suite", 1, 1, "289.00", "1350"),
            block("B-DBL", "H-INN", "standard", 2, 1, "148.75", "3560"),
            block("B-LODGE", "H-LODGE", "standard", 1, 2, "189.00", "3560"),
        ],
    )


def block(bid: str, hotel: str, kind: str, occupancy: int, rooms: int, rate: str, account: str) -> dict[str, Any]:
    return {
        "id": bid,
        "hotel": hotel,
        "room_type": kind,
        "occupancy": occupancy,
        "first_night": "2027-03-14",
        "last_night": "2027-03-19",
        "rooms": rooms,
        "rate": {"amount": rate, "currency": "USD"},
        "release_deadline": "2027-02-28T17:00:00Z",
        "account": account,
    }


def test_a_week_on_location_worked_by_hand() -> None:
    rooms = quarry_week().allocate_rooms()
    # Nights Sunday to Thursday (the night before each work day); Jo works
    # Tuesday and Wednesday: Monday and Tuesday nights. The suite contract
    # gets the suite, the two who share take the double, Jo the lodge (the
    # inn has no other room).
    placed = [(a["person"], a["block"], a["room"], a["first_night"], a["last_night"], a["room_mates"]) for a in rooms]
    sunday, thursday = dt.date(2027, 3, 14), dt.date(2027, 3, 18)
    assert placed == [
        ("P1", "B-STE", "R01", sunday, thursday, []),
        ("P2", "B-DBL", "R01", sunday, thursday, ["P3"]),
        ("P3", "B-DBL", "R01", sunday, thursday, ["P2"]),
        ("P4", "B-LODGE", "R01", dt.date(2027, 3, 15), dt.date(2027, 3, 16), []),
    ]
    assert len(rooms) == rooms.housed == 4 and rooms.unhoused == [] and rooms.moves == 0
    assert rooms.room_nights == 5 + 5 + 2
    # 5 × 289.00 + 5 × 148.75 + 2 × 189.00, exact.
    assert rooms.cost == {"USD": Decimal("2566.75")}
    assert rooms.cost_by_account == [
        {"account": "1350", "cost": Decimal("1445.00"), "currency": "USD"},
        {"account": "3560", "cost": Decimal("1121.75"), "currency": "USD"},
    ]
    assert rooms.optimality == {"proven": True, "max_housed": 4, "cost_bound": Decimal("2566.75")}
    # The lodge's second room is never used, and the first only two nights:
    # 6 + 4 empty room-nights at 189.00 until the release deadline.
    lodge = [u for u in rooms.unused if u["block"] == "B-LODGE"]
    assert sum(u["rooms"] for u in lodge) == 10
    assert sum(u["exposure"] for u in lodge) == Decimal("1890.00")
    assert lodge[0]["release_deadline"] == dt.datetime(2027, 2, 28, 17, tzinfo=dt.timezone.utc)
    # Tuesday night at the inn, as the hotel gets it.
    tuesday = [r for r in rooms.rooming_list if r["night"] == dt.date(2027, 3, 16) and r["hotel"] == "H-INN"]
    assert tuesday == [
        {
            "hotel": "H-INN",
            "hotel_name": "Quarry Inn",
            "night": dt.date(2027, 3, 16),
            "block": "B-DBL",
            "room": "R01",
            "people": ["P2", "P3"],
            "names": ["Sam Lee", "Ana Ruiz"],
            "sharing": True,
        },
        {
            "hotel": "H-INN",
            "hotel_name": "Quarry Inn",
            "night": dt.date(2027, 3, 16),
            "block": "B-STE",
            "room": "R01",
            "people": ["P1"],
            "names": ["Maya Ortiz"],
            "sharing": False,
        },
    ]
    text = rooms.to_text()
    assert text.startswith("== Rooming: 4 stays housed, 0 not housed, 12 room-nights, 0 moves, cost 2566.75 USD ==\n")
    assert "  B-DBL R01  in 2027-03-14 out 2027-03-19 (5 nights) Sam Lee, Ana Ruiz\n" in text
    assert repr(rooms) == "<RoomAllocation: 4 stays housed, 0 not housed, 12 room-nights, 0 moves, cost 2566.75 USD>"


def test_options_replace_the_production_settings() -> None:
    p = quarry_week()
    # Staying the night of the last work day: one more night each.
    later = p.allocate_rooms(stay_last_night=True)
    assert later.room_nights == 6 + 6 + 3
    # Only the inn serves the quarry: its suite and its double house three
    # of the four stays. Jo's two nights go, not Maya's week in the suite
    # (at equal numbers housed, the most nights are housed).
    inn = p.allocate_rooms(location_hotels={"L-QUARRY": ["H-INN"]})
    assert inn.housed == 3 and [u["person"] for u in inn.unhoused] == ["P4"]
    assert inn.unhoused[0]["reason"] == "capacity_exhausted"
    assert "full" in inn.unhoused[0]["message"]
    assert p.allocate_rooms() != inn and p.allocate_rooms() == p.allocate_rooms()


def test_bad_options_name_the_item() -> None:
    p = quarry_week()
    with pytest.raises(callsheet.ValidationError) as err:
        p.allocate_rooms(location_hotels={"L-QUARRY": ["H-NOWHERE"]})
    assert err.value.problems[0].path == "location_hotels[0].hotels[0]"
    assert "H-NOWHERE" in str(err.value)
    with pytest.raises(callsheet.ValidationError) as err:
        p.allocate_rooms(location_hotels={"L-MOON": ["H-INN"]})
    assert err.value.problems[0].path == "location_hotels[0].location"
    with pytest.raises(callsheet.ValidationError, match="location_hotels"):
        p.allocate_rooms(location_hotels=["H-INN"])  # type: ignore[arg-type]
    with pytest.raises(callsheet.ValidationError, match="comparison_rates"):
        p.allocate_rooms(comparison_rates={"XX": Decimal("1")})


def test_the_sample_matches_the_shared_scenario(sample_path: Path) -> None:
    expected = json.loads(SCENARIO.read_text())["rooms"]
    rooms = callsheet.Production.load(sample_path).allocate_rooms()
    assert rooms.housed == expected["housed"] == 65
    assert len(rooms.unhoused) == expected["unhoused"] == 0
    assert rooms.room_nights == expected["room_nights"]
    assert rooms.cost == {c["currency"]: Decimal(c["amount"]) for c in expected["cost"]}
    assert [(c["account"], str(c["cost"])) for c in rooms.cost_by_account] == [
        (c["account"], c["cost"]["amount"]) for c in expected["cost_by_account"]
    ]
    assert [
        {
            "person": a["person"],
            "block": a["block"],
            "room": a["room"],
            "first_night": a["first_night"].isoformat(),
            "last_night": a["last_night"].isoformat(),
        }
        for a in rooms.assignments
    ] == expected["assignments"]


def test_transport_picks_people_up_at_their_hotels(sample_path: Path) -> None:
    p = callsheet.Production.load(sample_path)
    rooms = p.allocate_rooms()
    lodging = rooms.lodging()
    assert len(lodging) == rooms.room_nights + sum(
        len(r["people"]) - 1 for r in rooms.rooming_list
    )
    first_day = dt.date(2027, 3, 16)
    plan = p.plan_transport(first_day, lodging=rooms)
    assert plan == p.plan_transport(first_day, lodging=lodging)
    assert plan.unassigned == []
    hotels = {"LOC-HTL-ADOBE", "LOC-HTL-SAGE"}
    origins = {r["origin"] for r in plan.pickup_records()}
    assert origins <= hotels | {"LOC-PLAZA"}, origins
    # Without the allocation the company would still be "at home" in LA.
    assert p.plan_transport(first_day) != plan


def test_tables(sample_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    rooms = callsheet.Production.load(sample_path).allocate_rooms()
    frame = rooms.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["hotel", "hotel_name", "night", "block", "room", "people", "names", "sharing"]
    assert len(frame) == rooms.room_nights == len(rooms.to_records())
    assert frame.groupby("hotel").size().to_dict() == {
        h: sum(1 for r in rooms.rooming_list if r["hotel"] == h) for h in {"HTL-ADOBE", "HTL-SAGE", "HTL-LARCH"}
        if any(r["hotel"] == h for r in rooms.rooming_list)
    }


def test_allocations_from_several_threads_agree(sample_path: Path) -> None:
    p = callsheet.Production.load(sample_path)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: p.allocate_rooms(), range(8)))
    assert all(r == results[0] for r in results)
    with pytest.raises(TypeError):
        hash(results[0])


def test_the_budget_follows_the_rooms() -> None:
    data = json.loads(quarry_week().to_json())
    data["budget"] = {
        "categories": [{"code": "3500", "name": "Locations", "section": "production"}],
        "accounts": [{"code": "3560", "name": "Hotels", "category": "3500"}],
        "globals": [
            {"name": "ROOM_NIGHTS", "link": "hotel_room_nights"},
            {"name": "HOTELS", "link": "hotel_cost"},
        ],
        "lines": [
            {
                "account": "3560",
                "description": "Rooming list",
                "amount": "HOTELS",
                "unit": "allow",
                "multiplier": "1",
                "rate": {"amount": "1", "currency": "USD"},
            },
            {
                "account": "3560",
                "description": "Resort fee per room-night",
                "amount": "ROOM_NIGHTS",
                "unit": "allow",
                "multiplier": "1",
                "rate": {"amount": "12.50", "currency": "USD"},
            },
        ],
    }
    p = callsheet.Production.from_json(json.dumps(data))
    budget = p.budget
    assert budget.globals["ROOM_NIGHTS"] == Decimal(12)
    assert budget.globals["HOTELS"] == Decimal("2566.75") == p.allocate_rooms().cost["USD"]
    # 2566.75 + 12 × 12.50.
    assert budget.topsheet().grand_total == Decimal("2716.75")


def test_room_blocks_are_bulk_records() -> None:
    p = quarry_week()
    # A second suite for the week, and the lodge released: all or nothing.
    summary = p.apply(
        room_blocks=[block("B-STE2", "H-INN", "suite", 1, 1, "299.00", "1350")],
        remove={"room_blocks": ["B-LODGE"]},
    )
    assert summary == {"added": 1, "replaced": 0, "removed": 1}
    rooms = p.allocate_rooms()
    assert rooms.unhoused == [] and {a["block"] for a in rooms} == {"B-STE", "B-STE2", "B-DBL"}
    before = p.to_json()
    with pytest.raises(callsheet.ValidationError) as err:
        p.apply(room_blocks=[block("B-BAD", "H-NOWHERE", "standard", 1, 1, "99.00", "3560")])
    assert [x.path for x in err.value.problems] == ["logistics.room_blocks[3].hotel"]
    assert p.to_json() == before

"""Pickup lists for one shoot day: each van's runs with times on the local
clock, and everyone who gets no pickup (and why).

Usage: python examples/python/pickup_list.py [PRODUCTION.json] [YYYY-MM-DD]

People start from the hotel the room allocation gives them (the sample's
out-of-town cast C02 and C03 stay at the Larchmont; in New Mexico everyone
is at a Santa Fe hotel), else from their home base.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

import callsheet

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-production.json"
DAY_ONE = dt.date(2027, 2, 22)


def main(path: Path, date: dt.date) -> None:
    production = callsheet.Production.load(path)
    rooms = production.allocate_rooms()
    plan = production.plan_transport(date, lodging=rooms, buffer_minutes=15)
    names = {p.id: p.name for p in production.people}
    places = {loc.id: loc.name for loc in production.locations}

    riders = defaultdict(list)
    for record in plan.pickup_records():
        riders[record["run"]].append(record)
    print(f"{production.name}: transport for {date:%a %d %b %Y} ({len(plan)} runs)")
    for driver_list in plan.driver_lists:
        who = names.get(driver_list.driver or "", "driver to be named")
        print(f"\n{driver_list.vehicle} {driver_list.unit} ({who}), {driver_list.driving_minutes} min driving")
        for number in driver_list.runs:
            run = plan.runs[number - 1]
            for stop in run.stops:
                verb = "pick up at" if stop.kind == "pickup" else "drop at  "
                print(f"  run {number}  {stop.clock:>5}  {verb} {places.get(stop.location, stop.location)}")
                if stop.kind == "pickup":
                    for r in (r for r in riders[number] if r["origin"] == stop.location):
                        print(f"                   {r['name'] or r['person']:<24} call {r['call']}")
    if plan.unassigned:
        print(f"\nNeed a ride, none free ({len(plan.unassigned)}):")
        for u in plan.unassigned:
            print(f"  {names.get(u.person, u.person):<24} {u.reason}")
    if plan.no_pickup:
        print(f"\nNo pickup ({len(plan.no_pickup)}):")
        for n in plan.no_pickup:
            print(f"  {names.get(n.person, n.person):<24} {n.reason}")


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    day = dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else DAY_ONE
    main(source, day)

"""Rooming lists for the distant-location week: what each hotel gets (guest,
room, arrival and departure), who is not housed and why, the empty rooms
to release before each deadline, and the hotel cost by budget account.

Usage: python examples/python/rooming_list.py [PRODUCTION.json] [OUT.csv]

The stays come from the schedule (everyone working at a distant location)
and the stay requests, under the production's rooming settings; with
OUT.csv, the night-by-night rooming list is written there too.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import callsheet

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-production.json"


def main(path: Path, out: Path | None) -> None:
    production = callsheet.Production.load(path)
    rooms = production.allocate_rooms()
    distant = {loc.id for loc in production.locations if loc.distant}
    hotel_names = {r["hotel"]: r["hotel_name"] for r in rooms.rooming_list}
    names = {p.id: p.name for p in production.people}
    print(
        f"{production.name}: {rooms.housed} stays housed, {len(rooms.unhoused)} not housed, "
        f"{rooms.room_nights} room-nights"
    )

    # What each hotel gets: one line per room and stay, arrival to departure.
    by_hotel: dict[str, list[callsheet._callsheet._RoomAssignmentRecord]] = defaultdict(list)
    for stay in rooms.assignments:
        if any(mate < stay["person"] for mate in stay["room_mates"]):
            continue  # the room is listed under its first guest
        by_hotel[stay["hotel"]].append(stay)
    for hotel, stays in sorted(by_hotel.items()):
        print(f"\n{hotel_names.get(hotel, hotel)} ({hotel})")
        print(f"  {'Room':<20} {'Arrive':<11} {'Depart':<11} Guests")
        for stay in sorted(stays, key=lambda s: (s["block"], s["room"], s["first_night"])):
            first, last = stay["first_night"], stay["last_night"]
            guests = [stay["name"] or stay["person"]]
            guests += [names.get(m, m) for m in stay["room_mates"]]
            room = f"{stay['block']} {stay['room']}"
            print(f"  {room:<20} {first:%a %d %b} {last + dt.timedelta(days=1):%a %d %b} {', '.join(guests)}")

    if rooms.unhoused:
        print("\nNot housed:")
        for u in rooms.unhoused:
            print(f"  {u['name'] or u['person']}: {u['message']}")

    # Empty rooms: release them before the deadline or pay for them.
    exposure: dict[tuple[dt.datetime, str], tuple[int, Decimal]] = {}
    for empty in rooms.unused:
        key = (empty["release_deadline"], empty["block"])
        count, amount = exposure.get(key, (0, Decimal(0)))
        exposure[key] = (count + empty["rooms"], amount + empty["exposure"])
    if exposure:
        print("\nRelease before the deadline (empty room-nights, cost if kept):")
        for (deadline, block), (count, amount) in sorted(exposure.items()):
            print(f"  {block:<18} by {deadline:%Y-%m-%d %H:%M} UTC  {count:>4} room-nights  {amount:>10}")

    print("\nHotel cost by account:")
    for c in rooms.cost_by_account:
        print(f"  {c['account'] or 'unassigned':<10} {c['cost']:>12} {c['currency']}")
    print(f"  {'total':<10} {sum(rooms.cost.values()):>12}")

    # The first distant-location day's transport starts at these hotels.
    home = ZoneInfo(production.zone)
    first_day = min(
        (e.start.astimezone(home).date() for e in production.events
         if e.kind == "shoot_day" and e.location in distant),
        default=None,
    )
    if first_day is not None:
        plan = production.plan_transport(first_day, lodging=rooms)
        print(f"\nTransport {first_day}: {len(plan)} runs from the hotels, {len(plan.unassigned)} without a ride")

    if out is not None:
        with out.open("w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["hotel", "night", "block", "room", "guests", "sharing"])
            for r in rooms.rooming_list:
                writer.writerow([r["hotel"], r["night"], r["block"], r["room"], "; ".join(r["names"]), r["sharing"]])
        print(f"\nwrote {out}")


if __name__ == "__main__":
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE,
        Path(sys.argv[2]) if len(sys.argv) > 2 else None,
    )

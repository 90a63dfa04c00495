"""Writes the catalogue of bad production files used by the Rust and Python tests.

Each case is a small valid production with one deliberate fault. The expected
problems (path: message) are written to bad/expected.json. Run from this
directory: python3 make_bad_files.py
"""
import copy
import json

BASE = {
    "format_version": 1,
    "name": "Catalogue",
    "zone": "America/Los_Angeles",
    "currency": "USD",
    "units": [{"id": "MAIN", "name": "Main Unit"}],
    "people": [
        {"id": "P1", "name": "Maya Ortiz", "category": "cast", "cast_number": 1},
        {"id": "P2", "name": "Leo Park", "category": "crew", "department": "Camera"},
    ],
    "locations": [
        {"id": "L1", "name": "Stage 4", "zone": "America/Los_Angeles"},
        {"id": "L2", "name": "Diner", "zone": "America/Los_Angeles"},
    ],
    "resources": [
        {"id": "CAM", "name": "Camera package", "kind": "equipment", "quantity": 2}
    ],
    "events": [
        {
            "id": "D1", "kind": "shoot_day", "unit": "MAIN", "location": "L1",
            "start": "2027-02-22T15:00:00Z", "end": "2027-02-23T03:00:00Z",
            "status": "confirmed", "day_number": 1,
            "attendees": [{"person": "P1"}, {"person": "P2"}],
            "resources": [{"resource": "CAM", "quantity": 1}],
        },
        {
            "id": "S1", "kind": "scene", "parent": "D1",
            "start": "2027-02-22T16:00:00Z", "end": "2027-02-22T18:00:00Z",
            "status": "confirmed",
            "scene": {"number": "12", "eighths": 12, "int_ext": "int", "story_time": "day"},
        },
    ],
}


def case(name, mutate, expected, raw=None):
    data = copy.deepcopy(BASE)
    if mutate:
        mutate(data)
    text = raw if raw is not None else json.dumps(data, indent=2) + "\n"
    with open(f"bad/{name}.json", "w") as f:
        f.write(text)
    CASES[name] = expected


CASES = {}
P, L, R, E = "people", "locations", "resources", "events"

case("duplicate-person-id", lambda d: d[P].append({"id": "P1", "name": "Twin", "category": "crew"}),
     ['people[2].id: duplicate id "P1" (first used by people[0])'])
case("duplicate-event-id", lambda d: d[E].append(dict(d[E][1])),
     ['events[2].id: duplicate id "S1" (first used by events[1])'])
case("empty-location-id", lambda d: d[L][1].update(id=" "),
     ["locations[1].id: id must not be empty"])
case("unknown-attendee", lambda d: d[E][0]["attendees"].append({"person": "P99"}),
     ['events[0].attendees[2].person: unknown person "P99"'])
case("ends-before-start", lambda d: d[E][1].update(end="2027-02-22T15:30:00Z"),
     ["events[1]: ends (2027-02-22 15:30:00 UTC) before it starts (2027-02-22 16:00:00 UTC)"])
case("unknown-zone", lambda d: d[L][1].update(zone="Europe/Lundon"),
     ['locations[1].zone: unknown time zone "Europe/Lundon"'])
case("unknown-currency", lambda d: d.update(currency="USX"),
     ['currency: unknown currency code "USX" (expected an ISO 4217 code such as "USD")'])
case("unknown-field", lambda d: d[P][0].update(colour="blue"),
     ["people[0].colour: unknown field `colour`, expected one of `id`, `name`, `category`, `department`, `role`, `cast_number`, `head_of_department`, `rule_pack`, `home_base`, `contract_tier`, `may_share_room`, `allow_hold`, `allow_drop`, `contact`, `date_of_birth`, `unavailable`"])
case("unknown-category", lambda d: d[P][1].update(category="actor"),
     ["people[1].category: unknown variant `actor`, expected one of `cast`, `crew`, `other`"])
case("newer-format-version", lambda d: d.update(format_version=7),
     ["format_version: file format version 7 is newer than this callsheet supports (version 1); upgrade callsheet to read it"])
case("missing-format-version", lambda d: d.pop("format_version"),
     ['format_version: missing or not a whole number; a production file starts with "format_version": 1'])
case("syntax-error", None, ["line 3, column 3: key must be a string"],
     raw='{\n  "format_version": 1,\n  name: "x"\n}\n')
case("wrong-type", lambda d: d[R][0].update(quantity="two"),
     ['resources[0].quantity: invalid type: string "two", expected u32'])
case("zero-quantity", lambda d: d[R][0].update(quantity=0),
     ["resources[0].quantity: must be at least 1"])
case("unknown-resource", lambda d: d[E][0]["resources"].append({"resource": "CRANE", "quantity": 1}),
     ['events[0].resources[1].resource: unknown resource "CRANE"'])
case("unknown-location", lambda d: d[E][0].update(location="L9"),
     ['events[0].location: unknown location "L9"'])
case("unknown-unit", lambda d: d[E][0].update(unit="SECOND"),
     ['events[0].unit: unknown unit "SECOND"'])
case("parent-not-shoot-day", lambda d: d[E][1].update(parent="S1"),
     ['events[1].parent: event "S1" is a Scene, but a parent must be a shoot day'])
case("dismissal-before-call", lambda d: d[E][0]["attendees"][0].update(call="2027-02-22T20:00:00Z", dismissal="2027-02-22T19:00:00Z"),
     ["events[0].attendees[0].dismissal: dismissal 2027-02-22 19:00:00 UTC is not after call 2027-02-22 20:00:00 UTC"])
case("attendee-twice", lambda d: d[E][0]["attendees"].append({"person": "P1"}),
     ['events[0].attendees[2].person: "P1" is already attending as attendees[0]'])
case("latitude-out-of-range", lambda d: d[L][0].update(coordinates={"lat": 134.1, "lon": -118.3}),
     ["locations[0].coordinates.lat: latitude 134.1 is outside -90 to 90"])
case("permit-reversed", lambda d: d[L][1].update(permits=[{"first_day": "2027-03-05", "last_day": "2027-03-01", "daily_start": "07:00:00", "daily_end": "22:00:00"}]),
     ["locations[1].permits[0].last_day: 2027-03-01 is before first_day 2027-03-05"])
case("unknown-rule-pack", lambda d: d[P][0].update(rule_pack="sag"),
     ['people[0].rule_pack: unknown rule pack "sag" (known: sag-aftra, iatse, uk-wtr, equity, non-union)'])
case("duplicate-day-number", lambda d: d[E].append({**copy.deepcopy(d[E][0]), "id": "D2", "start": "2027-02-23T16:00:00Z", "end": "2027-02-24T02:00:00Z"}),
     ["events[2].day_number: day 1 of this unit is already events[0]"])
case("meal-outside-event", lambda d: d[E][0].update(meals=[{"start": "2027-02-23T04:00:00Z", "end": "2027-02-23T04:30:00Z"}]),
     ["events[0].meals[0]: meal break lies outside the event"])
case("travel-time-unknown-location", lambda d: d.update(travel_times=[{"from": "L1", "to": "L7", "minutes": 25}]),
     ['travel_times[0].to: unknown location "L7"'])
case("money-as-float", lambda d: d[R][0].update(day_rate={"amount": 450.5, "currency": "USD"}),
     ['resources[0].day_rate.amount: 450.5 is a JSON float; write exact amounts as strings, e.g. "450.5"'])
case("distribution-unknown-person", lambda d: d.update(distribution=[{"id": "CAST", "name": "Cast", "people": ["P1", "P404"], "documents": ["call_sheet"]}]),
     ['distribution[0].people[1]: unknown person "P404"'])
case("several-problems", lambda d: (d[P][1].update(home_base="L5"), d[E][0]["attendees"].append({"person": "P42"}), d[E][1].update(end="2027-02-22T16:00:00Z")),
     ['people[1].home_base: unknown location "L5"',
      "events[0].attendees[2].person: unknown person \"P42\"",
      "events[1]: has zero length (starts and ends at 2027-02-22 16:00:00 UTC)"])

with open("bad/expected.json", "w") as f:
    json.dump(CASES, f, indent=2, sort_keys=True)
    f.write("\n")
with open("good-minimal.json", "w") as f:
    f.write(json.dumps(BASE, indent=2) + "\n")
print(f"{len(CASES)} bad files")

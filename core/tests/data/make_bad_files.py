"""Writes the catalogue of bad production files used by the Rust, Python and Kotlin tests.

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


# ---------------------------------------------------------------------------
# Issue #9: the catalogue grows to every area (model, schedule, rules,
# logistics, budget, limits). Sections added whole to BASE for these cases.

BUDGET = {
    "categories": [{"code": "3300", "name": "Camera", "section": "production"}],
    "accounts": [{"code": "3301", "name": "Director of Photography", "category": "3300"}],
    "globals": [{"name": "SHOOT_DAYS", "value": "20"}],
    "fringes": [{"id": "FICA", "name": "Social Security", "percent": "6.2"}],
    "lines": [{"account": "3301", "description": "DP - shoot", "amount": "SHOOT_DAYS", "unit": "days",
               "rate": {"amount": "1500.00", "currency": "USD"}, "fringes": ["FICA"], "person": "P2"}],
}
LEDGER = {
    "purchase_orders": [{"id": "PO1", "vendor": "Panavision", "account": "3301", "date": "2027-02-01",
                         "amount": {"amount": "1000.00", "currency": "USD"}}],
    "transactions": [{"id": "T1", "kind": "invoice", "account": "3301", "date": "2027-02-10",
                      "amount": {"amount": "400.00", "currency": "USD"}, "purchase_order": "PO1"}],
}
LOGISTICS = {
    "hotels": [{"id": "H1", "name": "Hotel Figueroa", "location": "L2"}],
    "room_blocks": [{"id": "RB1", "hotel": "H1", "room_type": "standard", "occupancy": 1,
                     "first_night": "2027-02-21", "last_night": "2027-02-23", "rooms": 4,
                     "rate": {"amount": "189.00", "currency": "USD"},
                     "release_deadline": "2027-02-07T08:00:00Z"}],
    "stay_requests": [{"person": "P1", "first_night": "2027-02-21", "last_night": "2027-02-22", "hotel": "H1"}],
}
PACK = {"id": "studio-a", "name": "Studio A crew", "jurisdiction": "US-CA", "version": "2027.1",
        "effective_from": "2027-01-01", "params": {"turnaround_minutes": 600}}
MINORS = {"earliest_call": "05:00:00", "latest_dismissal": "22:00:00",
          "latest_dismissal_before_non_school_day": "00:30:00", "turnaround_minutes": 720,
          "bands": [{"under_age_months": 72, "max_workplace_minutes": 360, "max_work_minutes": 180},
                    {"under_age_months": 24, "max_workplace_minutes": 120, "max_work_minutes": 20}]}


def budget(change):
    """Adds the valid budget and ledger, then applies `change` to the file."""
    def mutate(d):
        d["budget"] = copy.deepcopy(BUDGET)
        d["ledger"] = copy.deepcopy(LEDGER)
        change(d)
    return mutate


def logistics(change):
    def mutate(d):
        d["logistics"] = copy.deepcopy(LOGISTICS)
        change(d)
    return mutate


def rules(change):
    def mutate(d):
        d["rule_packs"] = [copy.deepcopy(PACK)]
        d[P][1]["rule_pack"] = "studio-a"
        change(d)
    return mutate


B, LG = "budget", "logistics"
# model
case("duplicate-unit-id", lambda d: d["units"].append({"id": "MAIN", "name": "Second Unit"}),
     ['units[1].id: duplicate id "MAIN" (first used by units[0])'])
case("duplicate-resource-id", lambda d: d[R].append({"id": "CAM", "name": "B camera", "kind": "equipment", "quantity": 1}),
     ['resources[1].id: duplicate id "CAM" (first used by resources[0])'])
case("empty-person-name", lambda d: d[P][1].update(name="  "),
     ["people[1].name: must not be empty"])
case("empty-production-name", lambda d: d.update(name=""),
     ["name: must not be empty"])
case("duplicate-cast-number", lambda d: d[P][1].update(cast_number=1),
     ["people[1].cast_number: cast number 1 is already used by people[0]"])
case("unknown-home-base", lambda d: d[P][0].update(home_base="HOME"),
     ['people[0].home_base: unknown location "HOME"'])
case("unavailable-window-reversed", lambda d: d[P][0].update(unavailable=[{"start": "2027-02-25T00:00:00Z", "end": "2027-02-24T00:00:00Z", "kind": "unavailable"}]),
     ["people[0].unavailable[0]: ends (2027-02-24 00:00:00 UTC) before it starts (2027-02-25 00:00:00 UTC)"])
case("longitude-out-of-range", lambda d: d[L][0].update(coordinates={"lat": 34.1, "lon": -218.3}),
     ["locations[0].coordinates.lon: longitude -218.3 is outside -180 to 180"])
case("permit-allows-no-hours", lambda d: d[L][1].update(permits=[{"first_day": "2027-03-01", "last_day": "2027-03-05", "daily_start": "07:00:00", "daily_end": "07:00:00"}]),
     ["locations[1].permits[0].daily_end: daily_start and daily_end are equal: the permit allows no hours"])
case("permit-zero-consecutive-days", lambda d: d[L][1].update(permits=[{"first_day": "2027-03-01", "last_day": "2027-03-05", "daily_start": "07:00:00", "daily_end": "22:00:00", "max_consecutive_days": 0}]),
     ["locations[1].permits[0].max_consecutive_days: must be at least 1"])
case("more-serials-than-quantity", lambda d: d[R][0].update(serials=["A1", "A2", "A3"]),
     ["resources[0].serials: 3 serial numbers for a quantity of 2"])
case("duplicate-serial", lambda d: d[R][0].update(serials=["A1", "A1"]),
     ['resources[0].serials[1]: duplicate serial number "A1"'])
case("zero-seats", lambda d: d[R].append({"id": "VAN", "name": "Cast van", "kind": "vehicle", "quantity": 1, "seats": 0}),
     ["resources[1].seats: must be at least 1"])
case("resource-unknown-home", lambda d: d[R][0].update(home="WAREHOUSE"),
     ['resources[0].home: unknown location "WAREHOUSE"'])
case("empty-work-week", lambda d: d.update(calendar={"work_week": []}),
     ["calendar.work_week: must name at least one working day"])
case("work-day-twice", lambda d: d.update(calendar={"work_week": ["Mon", "Tue", "Mon"]}),
     ["calendar.work_week[2]: Mon is listed twice"])
case("impossible-time", lambda d: d[L][1].update(permits=[{"first_day": "2027-03-01", "last_day": "2027-03-05", "daily_start": "25:00:00", "daily_end": "22:00:00"}]),
     ['locations[1].permits[0].daily_start: "25:00:00" is not a valid time (input is out of range); expected HH:MM:SS, such as 07:30:00'])
case("holiday-twice", lambda d: d.update(calendar={"work_week": ["Mon"], "holidays": [{"date": "2027-05-31", "name": "Memorial Day"}, {"date": "2027-05-31", "name": "Again"}]}),
     ["calendar.holidays[1].date: 2027-05-31 is listed twice"])
case("travel-time-to-itself", lambda d: d.update(travel_times=[{"from": "L1", "to": "L1", "minutes": 5}]),
     ['travel_times[0]: from and to are the same location "L1"'])
case("zero-travel-speed", lambda d: d.update(travel_speed_kmh=0),
     ["travel_speed_kmh: must be greater than 0"])
case("impossible-date", lambda d: d[P][0].update(date_of_birth="2011-02-30"),
     ['people[0].date_of_birth: "2011-02-30" is not a valid date (input is out of range); expected YYYY-MM-DD, such as 2027-02-22'])
case("timestamp-without-zone", lambda d: d[E][1].update(start="2027-02-22T16:00:00"),
     ['events[1].start: "2027-02-22T16:00:00" is not a valid instant (premature end of input); expected RFC 3339 with a UTC offset, such as 2027-02-22T15:00:00Z'])
case("distribution-without-documents", lambda d: d.update(distribution=[{"id": "CAST", "name": "Cast", "people": ["P1"], "documents": []}]),
     ["distribution[0].documents: name at least one document the group receives"])
case("distribution-unknown-department", lambda d: d.update(distribution=[{"id": "ART", "name": "Art", "departments": ["Art"], "documents": ["call_sheet"]}]),
     ['distribution[0].departments[0]: no person is in department "Art"'])
# schedule (events)
case("unknown-parent", lambda d: d[E][1].update(parent="D9"),
     ['events[1].parent: unknown event "D9"'])
case("day-number-on-a-scene", lambda d: d[E][1].update(day_number=2),
     ["events[1].day_number: only shoot days have a day number"])
case("scene-details-on-a-meeting", lambda d: d[E].append({"id": "M1", "kind": "meeting", "start": "2027-02-21T17:00:00Z", "end": "2027-02-21T18:00:00Z", "status": "confirmed", "scene": {"number": "3", "eighths": 4, "int_ext": "int", "story_time": "day"}}),
     ["events[2].scene: only scene events have scene details"])
case("zero-length-event", lambda d: d[E][0].update(end="2027-02-22T15:00:00Z"),
     ["events[0]: has zero length (starts and ends at 2027-02-22 15:00:00 UTC)",
      "events[0].attendees[0].dismissal: dismissal 2027-02-22 15:00:00 UTC is not after call 2027-02-22 15:00:00 UTC",
      "events[0].attendees[1].dismissal: dismissal 2027-02-22 15:00:00 UTC is not after call 2027-02-22 15:00:00 UTC"])
case("event-lasts-too-long", lambda d: d[E][0].update(end="2029-02-23T03:00:00Z"),
     ["events[0]: lasts 731 days (2027-02-22 15:00:00 UTC to 2029-02-23 03:00:00 UTC); an event lasts at most 366 days"])
case("dismissal-centuries-late", lambda d: d[E][0]["attendees"][1].update(dismissal="6027-02-23T03:00:00Z"),
     ["events[0].attendees[1].dismissal: dismissal 6027-02-23 03:00:00 UTC is 1460970 days after call 2027-02-22 15:00:00 UTC; a call lasts at most 366 days"])
case("resource-booked-twice", lambda d: d[E][0]["resources"].append({"resource": "CAM", "quantity": 1}),
     ['events[0].resources[1].resource: "CAM" is already booked as resources[0]'])
case("booking-zero-quantity", lambda d: d[E][0]["resources"][0].update(quantity=0),
     ["events[0].resources[0].quantity: must be at least 1"])
case("meal-reversed", lambda d: d[E][0].update(meals=[{"start": "2027-02-22T21:00:00Z", "end": "2027-02-22T20:30:00Z"}]),
     ["events[0].meals[0]: ends (2027-02-22 20:30:00 UTC) before it starts (2027-02-22 21:00:00 UTC)"])
case("unknown-event-kind", lambda d: d[E][1].update(kind="reshoot"),
     ["events[1].kind: unknown variant `reshoot`, expected one of `shoot_day`, `scene`, `meeting`, `fitting`, `rehearsal`, `travel`, `prep`, `meal`"])
case("unknown-status", lambda d: d[E][0].update(status="maybe"),
     ["events[0].status: unknown variant `maybe`, expected one of `confirmed`, `hold`, `tentative`, `cancelled`"])
# rules (rule packs and overrides)
case("rule-pack-ends-before-it-starts", rules(lambda d: d["rule_packs"][0].update(effective_until="2026-12-31")),
     ["rule_packs[0].effective_until: 2026-12-31 is before effective_from 2027-01-01"])
case("rule-pack-versions-overlap", rules(lambda d: d["rule_packs"].append({**PACK, "version": "2027.2", "effective_from": "2027-06-01"})),
     ['rule_packs[1].effective_from: version "2027.2" of "studio-a" overlaps rule_packs[0] (version "2027.1"): only one version may be in force on a date'])
case("rule-pack-empty-id", rules(lambda d: d["rule_packs"].append({**PACK, "id": " "})),
     ["rule_packs[1].id: must not be empty"])
case("minor-bands-out-of-order", rules(lambda d: d["rule_packs"][0]["params"].update(minors=MINORS)),
     ["rule_packs[0].params.minors.bands: bands must be ordered by increasing age"])
case("rule-param-wrong-type", rules(lambda d: d["rule_packs"][0]["params"].update(turnaround_minutes="10h")),
     ['rule_packs[0].params.turnaround_minutes: invalid type: string "10h", expected u32'])
case("override-person-and-department", rules(lambda d: d.update(rule_overrides=[{"person": "P1", "department": "Camera", "params": {}}])),
     ["rule_overrides[0]: name exactly one of person or department"])
case("override-unknown-person", rules(lambda d: d.update(rule_overrides=[{"person": "P7", "params": {"turnaround_minutes": 540}}])),
     ['rule_overrides[0].person: unknown person "P7"'])
case("override-unknown-department", rules(lambda d: d.update(rule_overrides=[{"department": "Sound", "params": {}}])),
     ['rule_overrides[0].department: no person is in department "Sound"'])
# logistics (hotels, room blocks, stay requests)
case("hotel-unknown-location", logistics(lambda d: d[LG]["hotels"][0].update(location="L5")),
     ['logistics.hotels[0].location: unknown location "L5"'])
case("duplicate-hotel-id", logistics(lambda d: d[LG]["hotels"].append({"id": "H1", "name": "Annex", "location": "L1"})),
     ['logistics.hotels[1].id: duplicate id "H1" (first used by logistics.hotels[0])'])
case("room-block-unknown-hotel", logistics(lambda d: d[LG]["room_blocks"][0].update(hotel="H2")),
     ['logistics.room_blocks[0].hotel: unknown hotel "H2"'])
case("room-block-nights-reversed", logistics(lambda d: d[LG]["room_blocks"][0].update(last_night="2027-02-20")),
     ["logistics.room_blocks[0].last_night: 2027-02-20 is before first_night 2027-02-21"])
case("room-block-zero-occupancy", logistics(lambda d: d[LG]["room_blocks"][0].update(occupancy=0)),
     ["logistics.room_blocks[0].occupancy: must be at least 1"])
case("room-block-negative-rate", logistics(lambda d: d[LG]["room_blocks"][0].update(rate={"amount": "-189.00", "currency": "USD"})),
     ["logistics.room_blocks[0].rate: must not be negative"])
case("stay-request-unknown-person", logistics(lambda d: d[LG]["stay_requests"][0].update(person="P3")),
     ['logistics.stay_requests[0].person: unknown person "P3"'])
case("stay-request-nights-reversed", logistics(lambda d: d[LG]["stay_requests"][0].update(first_night="2027-02-24")),
     ["logistics.stay_requests[0].last_night: 2027-02-22 is before first_night 2027-02-24"])
case("stay-request-unknown-hotel", logistics(lambda d: d[LG]["stay_requests"][0].update(hotel="RITZ")),
     ['logistics.stay_requests[0].hotel: unknown hotel "RITZ"'])
case("unknown-room-type", logistics(lambda d: d[LG]["room_blocks"][0].update(room_type="penthouse")),
     ["logistics.room_blocks[0].room_type: unknown variant `penthouse`, expected `standard` or `suite`"])
# budget (accounts, lines, formulas, globals, fringes, ledger)
case("account-unknown-category", budget(lambda d: d[B]["accounts"][0].update(category="3400")),
     ['budget.accounts[0].category: unknown category "3400"'])
case("duplicate-account", budget(lambda d: d[B]["accounts"].append({"code": "3301", "name": "Again", "category": "3300"})),
     ['budget.accounts[1].code: duplicate code "3301" (first used by budget.accounts[0])'])
case("line-unknown-account", budget(lambda d: d[B]["lines"][0].update(account="3399")),
     ['budget.lines[0].account: unknown account "3399"'])
case("line-formula-syntax", budget(lambda d: d[B]["lines"][0].update(amount="SHOOT_DAYS * (2 +")),
     ['budget.lines[0].amount: syntax error at column 18: expected a number, a global name or "(", found the end'])
case("line-unknown-global", budget(lambda d: d[B]["lines"][0].update(amount="SHOT_DAYS + 2")),
     ['budget.lines[0].amount: unknown global "SHOT_DAYS"'])
case("line-formula-too-complex", budget(lambda d: d[B]["lines"][0].update(amount="+".join(["1"] * 300))),
     ["budget.lines[0].amount: syntax error at column 514: too complex: more than 256 operators, signs and parentheses"])
case("line-unknown-fringe", budget(lambda d: d[B]["lines"][0].update(fringes=["FICA", "PENSION"])),
     ['budget.lines[0].fringes[1]: unknown fringe "PENSION"'])
case("line-unknown-person", budget(lambda d: d[B]["lines"][0].update(person="P8")),
     ['budget.lines[0].person: unknown person "P8"'])
case("line-rate-as-float", budget(lambda d: d[B]["lines"][0].update(rate={"amount": 1500.5, "currency": "USD"})),
     ['budget.lines[0].rate.amount: 1500.5 is a JSON float; write exact amounts as strings, e.g. "1500.5"'])
case("duplicate-global", budget(lambda d: d[B]["globals"].append({"name": "SHOOT_DAYS", "value": "25"})),
     ['budget.globals[1].name: duplicate global "SHOOT_DAYS"'])
case("global-cycle", budget(lambda d: d[B]["globals"].extend([{"name": "PREP", "value": "WRAP + 1"}, {"name": "WRAP", "value": "PREP"}])),
     ["budget.globals[1].value: cycle: PREP → WRAP → PREP"])
case("global-without-value", budget(lambda d: d[B]["globals"].append({"name": "WEEKS"})),
     ["budget.globals[1].value: missing: give a number, a formula or a link"])
case("negative-fringe", budget(lambda d: d[B]["fringes"][0].update(percent="-6.2")),
     ["budget.fringes[0].percent: must not be negative"])
case("duplicate-fringe", budget(lambda d: d[B]["fringes"].append({"id": "FICA", "name": "Again", "percent": "1"})),
     ['budget.fringes[1].id: duplicate fringe "FICA"'])
case("duplicate-purchase-order", budget(lambda d: d["ledger"]["purchase_orders"].append(dict(d["ledger"]["purchase_orders"][0]))),
     ['ledger.purchase_orders[1].id: duplicate purchase order "PO1"'])
case("transaction-unknown-purchase-order", budget(lambda d: d["ledger"]["transactions"][0].update(purchase_order="PO9")),
     ['ledger.transactions[0].purchase_order: unknown purchase order "PO9"'])
case("transaction-unknown-account", budget(lambda d: d["ledger"]["transactions"][0].update(account="9999")),
     ['ledger.transactions[0].account: unknown account "9999"'])
case("duplicate-transaction", budget(lambda d: d["ledger"]["transactions"].append(dict(d["ledger"]["transactions"][0]))),
     ['ledger.transactions[1].id: duplicate transaction "T1"'])
case("transaction-currency-differs-from-po", budget(lambda d: d["ledger"]["transactions"][0].update(amount={"amount": "400.00", "currency": "EUR"})),
     ['ledger.transactions[0].amount.currency: EUR does not match purchase order "PO1" in USD'])
case("unknown-transaction-kind", budget(lambda d: d["ledger"]["transactions"][0].update(kind="bribe")),
     ["ledger.transactions[0].kind: unknown variant `bribe`, expected one of `invoice`, `petty_cash`, `payroll`, `journal`"])
# limits (see core/src/io: Limits)
case("nested-too-deep", None,
     ["events[0].notes[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested more than 32 levels deep (line 2, column 51); a production file nests at most 32"],
     raw='{"format_version": 1, "name": "Deep", "zone": "Europe/London", "currency": "GBP",\n'
         '"events": [{"notes": ' + "[" * 40 + "]" * 40 + "}]}\n")

with open("bad/expected.json", "w") as f:
    json.dump(CASES, f, indent=2, sort_keys=True)
    f.write("\n")
with open("good-minimal.json", "w") as f:
    f.write(json.dumps(BASE, indent=2) + "\n")
# The same with every section the catalogue adds, valid (core/tests/hardening.rs).
FULL = copy.deepcopy(BASE)
for change in (budget(lambda d: None), logistics(lambda d: None), rules(lambda d: None)):
    change(FULL)
with open("good-full.json", "w") as f:
    f.write(json.dumps(FULL, indent=2) + "\n")
print(f"{len(CASES)} bad files")

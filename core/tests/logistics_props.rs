//! Property tests of the logistics engines against brute-force oracles:
//! resource timelines against a per-instant scan, unit assignment against
//! the most bookings ever in force at once, and transport plans against
//! their own feasibility rules.

use std::collections::{BTreeMap, BTreeSet};

use callsheet::logistics::transport::{Lodging, StopKind, TransportOptions, TransportPlan};
use callsheet::logistics::{VehicleCrew, assign_units, plan_transport, resource_timeline};
use callsheet::{
    Attendance, AvailabilityKind, AvailabilityWindow, BookingStatus, Event, EventKind, Location,
    Person, PersonCategory, Production, Resource, ResourceBooking, ResourceKind, TravelTime,
};
use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;

fn base() -> DateTime<Utc> {
    // Sunday 14 March 2027, 00:00 PST: the US spring-forward day.
    Utc.with_ymd_and_hms(2027, 3, 14, 8, 0, 0).single().unwrap()
}

fn at(minutes: i64) -> DateTime<Utc> {
    base() + TimeDelta::minutes(minutes)
}

fn production() -> Production {
    Production::new(
        "Props",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    )
}

// ---------------------------------------------------------------- equipment

/// One resource with buffers, serials and unavailable windows, booked by
/// shoot days and scenes inside them (holds, cancellations).
fn arb_equipment() -> impl Strategy<Value = Production> {
    let event = (
        0i64..(3 * 24 * 4), // start, quarter hours
        1i64..40,           // length, quarter hours
        0u8..8,             // status and kind bits
        1u32..4,            // quantity
        prop::option::of(0usize..20),
    );
    (
        1u32..7,
        0usize..7,
        0u32..3,
        0u32..3,
        prop::collection::vec((0i64..(3 * 24 * 4), 1i64..30, any::<bool>()), 0..2),
        prop::collection::vec(event, 1..14),
    )
        .prop_map(|(quantity, serials, prep, ret, windows, events)| {
            let mut p = production();
            let mut r = Resource::new("R", "Kit", ResourceKind::Equipment, quantity);
            r.serials = (0..serials.min(quantity as usize))
                .map(|k| format!("SN-{k}"))
                .collect();
            r.prep_minutes = prep * 30;
            r.return_minutes = ret * 15;
            for (start, len, firm) in windows {
                r.unavailable.push(AvailabilityWindow {
                    start: at(start * 15),
                    end: at((start + len) * 15),
                    kind: if firm {
                        AvailabilityKind::Unavailable
                    } else {
                        AvailabilityKind::Tentative
                    },
                    note: String::new(),
                });
            }
            p.resources.push(r);
            for (i, (start, len, bits, q, parent)) in events.into_iter().enumerate() {
                let mut e = Event::new(
                    format!("E{i:02}"),
                    EventKind::ShootDay,
                    at(start * 15),
                    at((start + len) * 15),
                );
                e.status = [
                    BookingStatus::Confirmed,
                    BookingStatus::Hold,
                    BookingStatus::Tentative,
                    BookingStatus::Cancelled,
                ][usize::from(bits & 3)];
                let days: Vec<usize> = p
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.kind == EventKind::ShootDay)
                    .map(|(k, _)| k)
                    .collect();
                if let (Some(pick), true, false) = (parent, bits & 4 != 0, days.is_empty()) {
                    let day = &p.events[days[pick % days.len()]];
                    e.kind = EventKind::Scene;
                    e.parent = Some(day.id.clone());
                    e.start = day.start;
                    e.end = (day.start + TimeDelta::minutes(len * 15)).min(day.end);
                }
                e.resources.push(ResourceBooking {
                    resource: "R".into(),
                    quantity: q,
                });
                p.events.push(e);
            }
            p
        })
}

/// Each booking's operational window and quantity, by the rules written
/// out again: cancelled events book nothing, a scene books what its
/// (non-cancelled) shoot day does not.
fn naive_bookings(p: &Production) -> Vec<(String, i64, i64, u32)> {
    let r = &p.resources[0];
    let mut out = Vec::new();
    for e in &p.events {
        if e.status == BookingStatus::Cancelled {
            continue;
        }
        let Some(b) = e.resources.iter().find(|b| b.resource == r.id) else {
            continue;
        };
        let covered = e
            .parent
            .as_ref()
            .and_then(|id| p.events.iter().find(|d| &d.id == id && d.id != e.id))
            .filter(|d| d.status != BookingStatus::Cancelled)
            .and_then(|d| d.resources.iter().find(|x| x.resource == r.id))
            .map_or(0, |x| x.quantity);
        let q = b.quantity.saturating_sub(covered);
        if q == 0 {
            continue;
        }
        let start = e.start.timestamp() - i64::from(r.prep_minutes) * 60;
        let end = e.end.timestamp() + i64::from(r.return_minutes) * 60;
        out.push((e.id.to_string(), start, end, q));
    }
    out
}

fn booked_at(bookings: &[(String, i64, i64, u32)], t: i64) -> u32 {
    bookings
        .iter()
        .filter(|(_, s, e, _)| *s <= t && t < *e)
        .map(|b| b.3)
        .sum()
}

fn instants(p: &Production, bookings: &[(String, i64, i64, u32)]) -> BTreeSet<i64> {
    let mut out = BTreeSet::new();
    let windows = p.resources[0]
        .unavailable
        .iter()
        .map(|w| (w.start.timestamp(), w.end.timestamp()));
    for (s, e) in bookings.iter().map(|b| (b.1, b.2)).chain(windows) {
        for t in [s - 1, s, (s + e) / 2, e - 1, e] {
            out.insert(t);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_timeline_matches_a_per_instant_scan(p in arb_equipment()) {
        prop_assert!(p.validate().is_ok(), "{:?}", p.validate());
        let timeline = resource_timeline(&p, &"R".into()).unwrap();
        let bookings = naive_bookings(&p);
        let r = &p.resources[0];
        for t in instants(&p, &bookings) {
            let instant = DateTime::from_timestamp(t, 0).unwrap();
            let booked = booked_at(&bookings, t);
            prop_assert_eq!(timeline.booked_at(instant), booked, "at {}", instant);
            let blocked = r.unavailable.iter().any(|w| w.span().contains(instant));
            let usable = if blocked { 0 } else { r.quantity };
            match timeline.segment_at(instant) {
                Some(s) => {
                    prop_assert_eq!(s.usable, usable);
                    prop_assert_eq!(s.over_allocated, booked.saturating_sub(usable));
                    prop_assert_eq!(s.available, usable.saturating_sub(booked));
                    let mut ids: Vec<String> = bookings
                        .iter()
                        .filter(|(_, s, e, _)| *s <= t && t < *e)
                        .map(|b| b.0.clone())
                        .collect();
                    ids.sort();
                    let mut got: Vec<String> = s.bookings.iter().map(|b| b.event.to_string()).collect();
                    got.sort();
                    prop_assert_eq!(got, ids);
                }
                None => prop_assert!(booked == 0 && !blocked),
            }
        }
        for pair in timeline.segments.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start);
            let same = pair[0].bookings == pair[1].bookings && pair[0].usable == pair[1].usable
                && pair[0].unavailable == pair[1].unavailable;
            prop_assert!(!same, "segments are maximal");
        }
        prop_assert!(timeline.segments.iter().all(|s| s.start < s.end));
        // The conflict engine's over-allocations are the maximal stretches
        // booked beyond the quantity owned (unavailability aside).
        let mut over: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
        for s in timeline.segments.iter().filter(|s| s.booked > s.owned) {
            match over.last_mut() {
                Some(last) if last.1 == s.start => last.1 = s.end,
                _ => over.push((s.start, s.end)),
            }
        }
        let conflicts: Vec<(DateTime<Utc>, DateTime<Utc>)> = p
            .conflicts()
            .iter()
            .filter(|c| c.kind == callsheet::schedule::ConflictKind::ResourceOverbooked)
            .map(|c| (c.start, c.end))
            .collect();
        prop_assert_eq!(over, conflicts);
    }

    #[test]
    fn unit_assignment_uses_the_fewest_units_and_never_double_books_one(p in arb_equipment()) {
        let plan = assign_units(&p, &"R".into()).unwrap();
        let r = &p.resources[0];
        let bookings = naive_bookings(&p);
        prop_assert_eq!(plan.bookings.len(), bookings.len());
        let blocked = |s: i64, e: i64| {
            r.unavailable.iter().any(|w| w.start.timestamp() < e && s < w.end.timestamp())
        };
        // Bookings clear of unavailable windows compete for the units.
        let eligible: Vec<(String, i64, i64, u32)> =
            bookings.iter().filter(|b| !blocked(b.1, b.2)).cloned().collect();
        let most = eligible.iter().map(|b| booked_at(&eligible, b.1)).max().unwrap_or(0);
        prop_assert_eq!(plan.units_used.len() as u32, most.min(r.quantity));
        let short: BTreeMap<&str, &callsheet::logistics::equipment::UnitShortfall> =
            plan.shortfalls.iter().map(|s| (s.event.as_str(), s)).collect();
        for b in &plan.bookings {
            let w = &b.booking;
            let (s, e) = (w.start.timestamp(), w.end.timestamp());
            let distinct: BTreeSet<&String> = b.units.iter().collect();
            prop_assert_eq!(distinct.len(), b.units.len());
            for u in &b.units {
                prop_assert!(plan.units_used.contains(u));
            }
            match short.get(w.event.as_str()) {
                Some(x) => {
                    prop_assert_eq!(x.assigned as usize, b.units.len());
                    prop_assert_eq!(x.assigned + x.missing, w.quantity);
                    prop_assert!(x.missing > 0);
                    if blocked(s, e) {
                        prop_assert!(b.units.is_empty());
                    } else {
                        // Over-allocated at that very instant.
                        prop_assert_eq!(x.at, w.start);
                        prop_assert!(booked_at(&eligible, x.at.timestamp()) > r.quantity);
                    }
                }
                None => prop_assert_eq!(b.units.len() as u32, w.quantity),
            }
            if blocked(s, e) {
                prop_assert!(b.units.is_empty() && short.contains_key(w.event.as_str()));
            }
        }
        prop_assert_eq!(plan.shortfalls.is_empty(), most <= r.quantity && eligible.len() == bookings.len());
        // One unit on one booking at a time.
        for (i, a) in plan.bookings.iter().enumerate() {
            for b in &plan.bookings[i + 1..] {
                let overlap = a.booking.start < b.booking.end && b.booking.start < a.booking.end;
                if overlap {
                    prop_assert!(a.units.iter().all(|u| !b.units.contains(u)),
                        "{} and {} share a unit", a.booking.event, b.booking.event);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- transport

const DATE: (i32, u32, u32) = (2027, 3, 14);

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(DATE.0, DATE.1, DATE.2).unwrap()
}

#[derive(Debug, Clone)]
struct TransportCase {
    production: Production,
    options: TransportOptions,
}

/// A day on the spring-forward Sunday: five locations with a partial
/// travel table, people at homes and hotels, shoot days with calls from
/// 01:00 (before the clocks change) to noon, vehicles with few seats,
/// homes, drivers, limits and unavailable windows.
fn arb_transport() -> impl Strategy<Value = TransportCase> {
    let person = (
        prop::option::weighted(0.9, 0u8..5),
        prop::option::weighted(0.5, 0u8..5),
        0u8..4,
        prop_oneof![4i64..48, 20i64..28],
    );
    let vehicle = (1u32..9, 1u32..3, prop::option::of(0u8..5), any::<u8>());
    (
        // Locations on a road (positions in minutes), most pairs in the table.
        (
            prop::collection::vec(0u32..50, 5),
            prop::collection::vec(prop::bool::weighted(0.9), 10),
        ),
        prop::collection::vec(person, 0..20),
        prop::collection::vec(vehicle, 0..5),
        0u32..30,
        0u32..40,
        1u32..4,
        0u32..10,
        prop::option::of(30u32..200),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(table, people, vehicles, buffer, wait, stops, stop_minutes, limit, no_location)| {
                let mut p = production();
                let zone: callsheet::IanaZone = "America/Los_Angeles".parse().unwrap();
                for k in 0..5 {
                    p.locations
                        .push(Location::new(format!("L{k}"), format!("Place {k}"), zone));
                }
                let mut pairs = Vec::new();
                for a in 0..5 {
                    for b in a + 1..5 {
                        pairs.push((a, b));
                    }
                }
                let (positions, known) = table;
                for ((a, b), known) in pairs.into_iter().zip(known) {
                    if known {
                        p.travel_times.push(TravelTime {
                            from: format!("L{a}").into(),
                            to: format!("L{b}").into(),
                            minutes: positions[a].abs_diff(positions[b]) + 3,
                        });
                    }
                }
                let mut options = TransportOptions {
                    buffer_minutes: buffer,
                    max_wait_minutes: wait,
                    max_stops: stops,
                    stop_minutes,
                    max_driving_minutes: limit,
                    ..TransportOptions::default()
                };
                // Shoot days at L3 and L4 (and one without a location).
                for (k, loc) in [(0, Some("L3")), (1, Some("L4")), (2, None)] {
                    if loc.is_none() && !no_location {
                        continue;
                    }
                    let mut e = Event::new(
                        format!("D{k}"),
                        EventKind::ShootDay,
                        at(60),
                        at(60 + 14 * 60),
                    );
                    e.location = loc.map(Into::into);
                    p.events.push(e);
                }
                let days = p.events.len();
                for (i, (home, hotel, day, call)) in people.into_iter().enumerate() {
                    let id = format!("P{i:02}");
                    let mut x =
                        Person::new(id.clone(), format!("Person {i}"), PersonCategory::Crew);
                    x.home_base = home.map(|l| format!("L{l}").into());
                    p.people.push(x);
                    if let Some(h) = hotel {
                        options.lodging.push(Lodging {
                            person: id.clone().into(),
                            night: date().pred_opt().unwrap(),
                            location: format!("L{h}").into(),
                        });
                    }
                    let mut a = Attendance::new(id);
                    a.call = Some(at(call * 15));
                    p.events[usize::from(day) % days].attendees.push(a);
                }
                for (v, (seats, quantity, home, bits)) in vehicles.into_iter().enumerate() {
                    let id = format!("V{v}");
                    let mut r = Resource::new(
                        id.clone(),
                        format!("Van {v}"),
                        ResourceKind::Vehicle,
                        quantity,
                    );
                    r.seats = Some(seats);
                    r.home = home.map(|l| format!("L{l}").into());
                    if bits & 1 != 0 {
                        r.unavailable.push(AvailabilityWindow {
                            start: at(i64::from(bits >> 2) * 15),
                            end: at(i64::from(bits >> 2) * 15 + 120),
                            kind: AvailabilityKind::Unavailable,
                            note: String::new(),
                        });
                    }
                    p.resources.push(r);
                    if bits & 2 != 0 {
                        let driver = format!("DRV{v}");
                        p.people
                            .push(Person::new(driver.clone(), "Driver", PersonCategory::Crew));
                        p.logistics.vehicles.push(VehicleCrew {
                            vehicle: id.into(),
                            unit: (quantity > 1).then(|| "#1".to_owned()),
                            driver: Some(driver.into()),
                            max_driving_minutes: (bits & 4 != 0).then_some(60 + u32::from(bits)),
                        });
                    }
                }
                TransportCase {
                    production: p,
                    options,
                }
            },
        )
}

fn travel(p: &Production, a: &str, b: &str) -> Option<i64> {
    if a == b {
        return Some(0);
    }
    p.travel_times
        .iter()
        .find(|t| {
            (t.from.as_str(), t.to.as_str()) == (a, b) || (t.from.as_str(), t.to.as_str()) == (b, a)
        })
        .map(|t| i64::from(t.minutes) * 60)
}

/// Checks a plan against the rules, written out independently.
fn feasible(case: &TransportCase, plan: &TransportPlan) -> Result<(), TestCaseError> {
    let p = &case.production;
    let o = &case.options;
    let buffer = i64::from(o.buffer_minutes) * 60;
    let drivers: BTreeSet<&str> = p
        .logistics
        .vehicles
        .iter()
        .filter_map(|c| c.driver.as_ref().map(|d| d.as_str()))
        .collect();
    // Everyone called, except drivers, is accounted for exactly once.
    let mut called: BTreeSet<String> = BTreeSet::new();
    for e in &p.events {
        for a in &e.attendees {
            if !drivers.contains(a.person.as_str()) {
                called.insert(a.person.to_string());
            }
        }
    }
    let mut seen: Vec<String> = plan
        .runs
        .iter()
        .flat_map(|r| r.riders.iter().map(|x| x.person.to_string()))
        .chain(plan.unassigned.iter().map(|u| u.person.to_string()))
        .chain(plan.no_pickup.iter().map(|n| n.person.to_string()))
        .collect();
    seen.sort();
    prop_assert_eq!(seen, called.into_iter().collect::<Vec<_>>());

    let mut per_unit: BTreeMap<(String, String), Vec<&callsheet::logistics::transport::Run>> =
        BTreeMap::new();
    for run in &plan.runs {
        let vehicle = p.resources.iter().find(|r| r.id == run.vehicle).unwrap();
        prop_assert!(run.riders.len() < vehicle.seats.unwrap() as usize, "seats");
        prop_assert!(!run.riders.is_empty());
        let dest = run.destination.as_str();
        // Stop times follow the travel table.
        let pickups: Vec<_> = run
            .stops
            .iter()
            .filter(|s| s.kind == StopKind::Pickup)
            .collect();
        prop_assert!(pickups.len() <= o.max_stops as usize);
        for pair in pickups.windows(2) {
            let leg = travel(p, pair[0].location.as_str(), pair[1].location.as_str()).unwrap();
            prop_assert_eq!(
                pair[1].at.timestamp(),
                pair[0].at.timestamp() + leg + i64::from(o.stop_minutes) * 60
            );
        }
        let last = pickups.last().unwrap();
        prop_assert_eq!(
            run.arrive.timestamp(),
            last.at.timestamp() + travel(p, last.location.as_str(), dest).unwrap()
        );
        for ride in &run.riders {
            // Nobody late: on set `buffer` before the call.
            prop_assert!(
                run.arrive.timestamp() + buffer <= ride.call.timestamp(),
                "late"
            );
            // Riders share runs only within the wait allowance.
            prop_assert!(
                ride.call.timestamp() - buffer - run.arrive.timestamp()
                    <= i64::from(o.max_wait_minutes) * 60
            );
            let event = p.events.iter().find(|e| e.id == ride.event).unwrap();
            prop_assert_eq!(event.location.as_ref().map(|l| l.as_str()), Some(dest));
            let stop = pickups.iter().find(|s| s.location == ride.origin).unwrap();
            prop_assert_eq!(stop.at, ride.pickup);
            prop_assert!(stop.people.contains(&ride.person));
            let direct = travel(p, ride.origin.as_str(), dest).unwrap();
            let ride_secs = run.arrive.timestamp() - ride.pickup.timestamp();
            prop_assert!(
                ride_secs <= direct + i64::from(o.max_detour_minutes) * 60,
                "detour"
            );
            prop_assert!(ride.pickup <= ride.latest_pickup);
        }
        for w in &vehicle.unavailable {
            prop_assert!(
                !(w.start < run.arrive && run.depart < w.end),
                "vehicle unavailable"
            );
        }
        per_unit
            .entry((run.vehicle.to_string(), run.unit.clone()))
            .or_default()
            .push(run);
    }
    // No vehicle on two runs at once, deadheads included.
    for ((vehicle, unit), mut runs) in per_unit {
        runs.sort_by_key(|r| r.depart);
        for pair in runs.windows(2) {
            // Unknown only when the vehicle went via its base in between
            // (a block there); then at least the runs must not overlap.
            let dead = travel(
                p,
                pair[0].destination.as_str(),
                pair[1].stops[0].location.as_str(),
            )
            .unwrap_or(0);
            prop_assert!(
                pair[0].arrive.timestamp() + dead <= pair[1].depart.timestamp(),
                "{} {} overlaps itself",
                vehicle,
                unit
            );
        }
        let list = plan
            .driver_lists
            .iter()
            .find(|l| l.vehicle.as_str() == vehicle && l.unit == unit)
            .unwrap();
        let crew =
            p.logistics.vehicles.iter().find(|c| {
                c.vehicle.as_str() == vehicle && c.unit.as_deref().is_none_or(|u| u == unit)
            });
        let limit = crew
            .and_then(|c| c.max_driving_minutes)
            .or(o.max_driving_minutes);
        if let Some(limit) = limit {
            prop_assert!(list.driving_minutes <= limit, "driver's hours");
        }
        if let Some(d) = crew.and_then(|c| c.driver.as_ref()) {
            prop_assert_eq!(list.driver.as_ref(), Some(d));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn transport_plans_are_feasible_complete_and_deterministic(case in arb_transport()) {
        prop_assert!(case.production.validate().is_ok(), "{:?}", case.production.validate());
        let plan = plan_transport(&case.production, date(), &case.options).unwrap();
        feasible(&case, &plan)?;
        prop_assert_eq!(&plan, &plan_transport(&case.production, date(), &case.options).unwrap());
        let mut shuffled = case.production.clone();
        shuffled.events.reverse();
        for e in &mut shuffled.events {
            e.attendees.reverse();
        }
        prop_assert_eq!(&plan, &plan_transport(&shuffled, date(), &case.options).unwrap());
    }
}

//! Shared helpers: fixture paths and a proptest generator of valid productions.

use std::path::PathBuf;

use callsheet::{
    Attendance, BookingStatus, Event, EventKind, Location, Money, Person, PersonCategory,
    Production, Resource, ResourceBooking, ResourceKind, ShootingUnit,
};
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/sample-production.json")
}

const ZONES: &[&str] = &[
    "America/Los_Angeles",
    "America/Denver",
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
];

fn instant(minutes: i64) -> DateTime<Utc> {
    // 2027-01-04 00:00 UTC plus an offset in minutes: spans both DST changes of 2027.
    Utc.timestamp_opt(1_799_020_800 + minutes * 60, 0)
        .single()
        .expect("in range")
}

fn arb_name() -> impl Strategy<Value = String> {
    // Names with the characters that JSON must escape.
    "[A-Za-z][A-Za-z '\"\\\\é-]{0,12}"
}

/// Random valid productions: every reference resolves, every span is positive.
pub fn arb_production() -> impl Strategy<Value = Production> {
    (
        arb_name(),
        0..ZONES.len(),
        1usize..6,
        1usize..4,
        1usize..4,
        prop::collection::vec(
            (0i64..525_600, 1i64..1_200, any::<u8>(), any::<u16>()),
            0..25,
        ),
        prop::collection::vec("-?[0-9]{1,7}(\\.[0-9]{1,3})?", 1..4),
    )
        .prop_map(
            |(name, zone, n_people, n_locations, n_resources, events, amounts)| {
                let zone = ZONES[zone].parse().expect("known zone");
                let mut p = Production::new(name, zone, "USD".parse().expect("usd"));
                p.units.push(ShootingUnit {
                    id: "MAIN".into(),
                    name: "Main Unit".into(),
                });
                for i in 0..n_people {
                    let mut person = Person::new(
                        format!("P{i}"),
                        format!("Person \"{i}\""),
                        if i % 2 == 0 {
                            PersonCategory::Cast
                        } else {
                            PersonCategory::Crew
                        },
                    );
                    person.allow_drop = i % 3 == 0;
                    p.people.push(person);
                }
                for i in 0..n_locations {
                    let zone = ZONES[(i * 7) % ZONES.len()].parse().expect("known zone");
                    p.locations.push(Location::new(
                        format!("L{i}"),
                        format!("Location {i}"),
                        zone,
                    ));
                }
                for i in 0..n_resources {
                    let mut r = Resource::new(
                        format!("R{i}"),
                        format!("Kit {i}"),
                        ResourceKind::Equipment,
                        3,
                    );
                    r.prep_minutes = 30 * i as u32;
                    r.day_rate = amounts.get(i).map(|a| {
                        Money::new(a.parse().expect("decimal"), "EUR".parse().expect("eur"))
                    });
                    p.resources.push(r);
                }
                for (i, (start, len, bits, seed)) in events.into_iter().enumerate() {
                    let kinds = [
                        EventKind::ShootDay,
                        EventKind::Meeting,
                        EventKind::Fitting,
                        EventKind::Travel,
                    ];
                    let mut e = Event::new(
                        format!("E{i}"),
                        kinds[usize::from(bits) % 4],
                        instant(start),
                        instant(start + len),
                    );
                    e.status = [
                        BookingStatus::Confirmed,
                        BookingStatus::Hold,
                        BookingStatus::Tentative,
                        BookingStatus::Cancelled,
                    ][usize::from(bits >> 2) % 4];
                    e.location = Some(format!("L{}", usize::from(seed) % n_locations).into());
                    if e.kind == EventKind::ShootDay {
                        e.day_number = Some(i as u32 + 1);
                        e.unit = Some("MAIN".into());
                    }
                    for k in 0..n_people {
                        if seed & (1 << k) != 0 {
                            let mut a = Attendance::new(format!("P{k}"));
                            if bits & 0x40 != 0 {
                                a.call = Some(instant(start - 30));
                                a.dismissal = Some(instant(start + len + 15));
                            }
                            e.attendees.push(a);
                        }
                    }
                    if bits & 0x80 != 0 {
                        e.resources.push(ResourceBooking {
                            resource: "R0".into(),
                            quantity: 1 + u32::from(bits % 3),
                        });
                    }
                    e.title = format!("Event {i}");
                    p.events.push(e);
                }
                p
            },
        )
}

/// Random productions for the conflict engine: few people, locations and
/// resources so that collisions are frequent; events around the 2027 DST
/// changes (US 14 March, EU 28 March), overnight spans, shoot days with
/// scenes inside, holds and cancellations, resources with buffers.
pub fn arb_schedule() -> impl Strategy<Value = Production> {
    let event = (
        0i64..(30 * 24 * 4),          // start in quarter hours from 2027-03-10 00:00 UTC
        1i64..(16 * 4),               // length in quarter hours
        0u8..16,                      // kind and status bits
        0u8..8,                       // attendee bits
        0u8..6,                       // location
        0u8..16,                      // resource bits and quantities
        prop::option::of(0usize..40), // parent candidate
    );
    (
        prop::collection::vec(event, 1..28),
        prop::collection::vec((0u32..3, 0u32..90), 0..3), // travel times
        any::<bool>(),                                    // a minor among the people
    )
        .prop_map(|(events, travel, minor)| {
            let zones = ["America/Los_Angeles", "America/Denver", "Europe/London"];
            let mut p = Production::new(
                "Props",
                zones[0].parse().expect("zone"),
                "USD".parse().expect("usd"),
            );
            p.units.push(ShootingUnit {
                id: "MAIN".into(),
                name: "Main".into(),
            });
            let packs = ["sag-aftra", "iatse", "uk-wtr", "non-union"];
            for (i, pack) in packs.into_iter().enumerate() {
                let mut person =
                    Person::new(format!("P{i}"), format!("Person {i}"), PersonCategory::Cast);
                person.rule_pack = Some(pack.into());
                if i == 3 && minor {
                    person.date_of_birth = chrono::NaiveDate::from_ymd_opt(2018, 6, 1);
                }
                if i == 2 {
                    person.unavailable.push(callsheet::AvailabilityWindow {
                        start: base() + chrono::TimeDelta::days(5),
                        end: base() + chrono::TimeDelta::days(6),
                        kind: callsheet::AvailabilityKind::Unavailable,
                        note: "other job".into(),
                    });
                }
                p.people.push(person);
            }
            for (i, zone) in zones.into_iter().enumerate() {
                let mut l = Location::new(
                    format!("L{i}"),
                    format!("Location {i}"),
                    zone.parse().expect("zone"),
                );
                l.coordinates = Some(callsheet::Coordinates {
                    lat: 34.0 + i as f64 * 0.5,
                    lon: -118.0 + i as f64 * 0.7,
                });
                if i == 1 {
                    l.permits.push(callsheet::PermitWindow {
                        reference: "FP-1".into(),
                        first_day: chrono::NaiveDate::from_ymd_opt(2027, 3, 12).expect("date"),
                        last_day: chrono::NaiveDate::from_ymd_opt(2027, 3, 30).expect("date"),
                        daily_start: chrono::NaiveTime::from_hms_opt(7, 0, 0).expect("time"),
                        daily_end: chrono::NaiveTime::from_hms_opt(22, 0, 0).expect("time"),
                        max_consecutive_days: Some(3),
                        application_lead_business_days: None,
                    });
                }
                if i == 2 {
                    l.shared = true;
                }
                p.locations.push(l);
            }
            for (i, (q, prep)) in [(1u32, 30u32), (2, 0), (3, 60)].into_iter().enumerate() {
                let mut r = Resource::new(
                    format!("R{i}"),
                    format!("Kit {i}"),
                    ResourceKind::Equipment,
                    q,
                );
                r.prep_minutes = prep;
                r.return_minutes = prep / 2;
                p.resources.push(r);
            }
            for (from, minutes) in travel {
                let to = (from + 1) % 3;
                if !p.travel_times.iter().any(|t| {
                    (t.from.as_str(), t.to.as_str())
                        == (format!("L{from}").as_str(), format!("L{to}").as_str())
                        || (t.to.as_str(), t.from.as_str())
                            == (format!("L{from}").as_str(), format!("L{to}").as_str())
                }) {
                    p.travel_times.push(callsheet::TravelTime {
                        from: format!("L{from}").into(),
                        to: format!("L{to}").into(),
                        minutes,
                    });
                }
            }
            for (i, (start, len, bits, people, loc, res, parent)) in events.into_iter().enumerate()
            {
                let kinds = [
                    EventKind::ShootDay,
                    EventKind::Scene,
                    EventKind::Fitting,
                    EventKind::Meeting,
                ];
                let kind = kinds[usize::from(bits & 3)];
                let s = base() + chrono::TimeDelta::minutes(start * 15);
                let mut e = Event::new(
                    format!("E{i:02}"),
                    kind,
                    s,
                    s + chrono::TimeDelta::minutes(len * 15),
                );
                e.status = [
                    BookingStatus::Confirmed,
                    BookingStatus::Confirmed,
                    BookingStatus::Hold,
                    BookingStatus::Cancelled,
                ][usize::from(bits >> 2) & 3];
                if kind == EventKind::Scene {
                    // A scene inside an earlier shoot day, when there is one.
                    let days: Vec<usize> = p
                        .events
                        .iter()
                        .enumerate()
                        .filter(|(_, d)| d.kind == EventKind::ShootDay)
                        .map(|(k, _)| k)
                        .collect();
                    if let (Some(pick), false) = (parent, days.is_empty()) {
                        let day = &p.events[days[pick % days.len()]];
                        let (ds, de) = (day.start, day.end);
                        e.parent = Some(day.id.clone());
                        let span = (de - ds).num_minutes().max(1);
                        e.start = ds + chrono::TimeDelta::minutes((start * 15) % span);
                        e.end = (e.start + chrono::TimeDelta::minutes(len * 15)).min(de);
                        if e.end <= e.start {
                            e.end = e.start + chrono::TimeDelta::minutes(15);
                        }
                    }
                }
                if loc < 3 {
                    e.location = Some(format!("L{loc}").into());
                }
                for k in 0..4 {
                    if people & (1 << k) != 0 || (k == 3 && people == 0) {
                        let mut a = Attendance::new(format!("P{k}"));
                        if k == 0 && bits & 8 != 0 {
                            a.makeup_call = Some(e.start - chrono::TimeDelta::minutes(90));
                        }
                        e.attendees.push(a);
                    }
                }
                for k in 0..3u8 {
                    if res & (1 << k) != 0 {
                        e.resources.push(ResourceBooking {
                            resource: format!("R{k}").into(),
                            quantity: 1 + u32::from(res >> 3 & 1),
                        });
                    }
                }
                if kind == EventKind::ShootDay && len > 24 && bits & 1 == 0 {
                    e.meals.push(callsheet::MealBreak {
                        start: e.start + chrono::TimeDelta::minutes(len * 15 / 2),
                        end: e.start + chrono::TimeDelta::minutes(len * 15 / 2 + 30),
                        non_deductible: false,
                    });
                }
                if kind == EventKind::ShootDay {
                    e.unit = Some("MAIN".into());
                }
                p.events.push(e);
            }
            p
        })
}

pub fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 10, 0, 0, 0)
        .single()
        .expect("valid")
}

/// A Los Angeles wall-clock time as a UTC instant (the first, for a repeated hour).
pub fn los_angeles(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::America::Los_Angeles
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .earliest()
        .expect("a valid Los Angeles wall-clock time")
        .with_timezone(&Utc)
}

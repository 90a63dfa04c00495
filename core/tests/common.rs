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

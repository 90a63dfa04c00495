//! Seeded generators of large productions for the benchmarks.
//!
//! The generator uses its own SplitMix64 so that a seed gives the same
//! production on every machine and with every version of every crate: the
//! benchmark numbers in the README stay comparable over time.

pub mod ledger;

use callsheet::{
    Attendance, BookingStatus, Event, EventKind, Location, Person, PersonCategory, Production,
    Resource, ResourceBooking, ResourceKind, ShootingUnit,
};
use chrono::{Duration as TimeDelta, NaiveDate, TimeZone, Utc};

/// SplitMix64: tiny, fast and stable across releases.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Size of a generated season.
#[derive(Debug, Clone, Copy)]
pub struct SeasonSize {
    /// Shoot days.
    pub shoot_days: u32,
    /// People (about a tenth of them cast).
    pub people: u32,
    /// Total events (shoot days, scenes, fittings, meetings).
    pub events: u32,
    /// Average attendees per non-shoot-day event.
    pub attendees_per_event: u32,
}

impl SeasonSize {
    /// The season the issues' targets are stated for: 120 shoot days, 1,500
    /// people, 50,000 events and about 250,000 person-event assignments.
    pub const SEASON: SeasonSize = SeasonSize {
        shoot_days: 120,
        people: 1_500,
        events: 50_000,
        attendees_per_event: 5,
    };
}

/// Generates a season: two units shooting Monday to Friday, scenes inside
/// shoot days, and fittings and meetings around them, with realistic density.
pub fn season(size: SeasonSize, seed: u64) -> Production {
    let mut rng = SplitMix64::new(seed);
    let zone = "America/Los_Angeles".parse().expect("zone");
    let mut p = Production::new("Generated Season", zone, "USD".parse().expect("usd"));
    p.units.push(ShootingUnit {
        id: "MAIN".into(),
        name: "Main Unit".into(),
    });
    p.units.push(ShootingUnit {
        id: "SECOND".into(),
        name: "Second Unit".into(),
    });
    for i in 0..size.people {
        let cast = i % 10 == 0;
        let mut person = Person::new(
            format!("P{i}"),
            format!("Person {i}"),
            if cast {
                PersonCategory::Cast
            } else {
                PersonCategory::Crew
            },
        );
        person.rule_pack = Some(if cast { "sag-aftra" } else { "iatse" }.into());
        p.people.push(person);
    }
    for i in 0..40 {
        p.locations.push(Location::new(
            format!("L{i}"),
            format!("Location {i}"),
            zone,
        ));
    }
    for i in 0..60 {
        let mut r = Resource::new(
            format!("R{i}"),
            format!("Kit {i}"),
            ResourceKind::Equipment,
            1 + (i % 4),
        );
        r.prep_minutes = 60;
        r.return_minutes = 60;
        p.resources.push(r);
    }
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("date");
    let mut dates = Vec::new();
    let mut d = start;
    while dates.len() < size.shoot_days as usize {
        if p.calendar.is_working_day(d) {
            dates.push(d);
        }
        d += TimeDelta::days(1);
    }
    // Events per unit-day: one shoot day, its scenes in sequence, and a few
    // fittings and meetings in the evening before the next day.
    let unit_days = (size.shoot_days * 2).max(1);
    let per_unit_day = (size.events / unit_days).max(2);
    let side_events = (per_unit_day / 50).max(1);
    let scenes = per_unit_day - 1 - side_events;
    let half = size.people / 2;
    let mut n = 0u32;
    let next_id = |n: &mut u32| {
        *n += 1;
        format!("E{}", *n - 1)
    };
    for (day_index, date) in dates.iter().enumerate() {
        let call = Utc.from_utc_datetime(&date.and_hms_opt(15, 0, 0).expect("time"));
        let wrap = call + TimeDelta::hours(11);
        for (u, unit) in ["MAIN", "SECOND"].into_iter().enumerate() {
            // The unit's people that day: about 100 of its half of the company.
            let base = u as u32 * half;
            let mut roster: Vec<u32> = (base..base + half)
                .filter(|_| rng.below(u64::from(half)) < 100)
                .collect();
            if roster.is_empty() {
                roster.push(base);
            }
            let mut day = Event::new(next_id(&mut n), EventKind::ShootDay, call, wrap);
            day.unit = Some(unit.into());
            day.day_number = Some(day_index as u32 + 1);
            day.location = Some(format!("L{}", rng.below(40)).into());
            day.attendees = roster
                .iter()
                .map(|k| Attendance::new(format!("P{k}")))
                .collect();
            day.resources.push(ResourceBooking {
                resource: format!("R{}", u as u64 * 30 + rng.below(30)).into(),
                quantity: 1,
            });
            let parent = day.id.clone();
            p.events.push(day);
            let slot = (11 * 60 / i64::from(scenes.max(1))).max(1);
            for s in 0..scenes {
                let begin =
                    call + TimeDelta::minutes(i64::from(s) * slot % (11 * 60 - slot).max(1));
                let mut scene = Event::new(
                    next_id(&mut n),
                    EventKind::Scene,
                    begin,
                    begin + TimeDelta::minutes(slot),
                );
                scene.parent = Some(parent.clone());
                for _ in 0..size.attendees_per_event {
                    let who = format!("P{}", roster[rng.below(roster.len() as u64) as usize]);
                    if !scene.attendees.iter().any(|a| a.person.as_str() == who) {
                        scene.attendees.push(Attendance::new(who));
                    }
                }
                p.events.push(scene);
            }
            for _ in 0..side_events {
                // A fitting or meeting right after wrap (occasionally during the day: a real conflict).
                let begin = if rng.below(20) == 0 {
                    call + TimeDelta::hours(3)
                } else {
                    wrap + TimeDelta::minutes(30)
                };
                let kind = if rng.below(2) == 0 {
                    EventKind::Fitting
                } else {
                    EventKind::Meeting
                };
                let mut e =
                    Event::new(next_id(&mut n), kind, begin, begin + TimeDelta::minutes(45));
                e.location = Some("L0".into());
                e.status = if rng.below(4) == 0 {
                    BookingStatus::Hold
                } else {
                    BookingStatus::Confirmed
                };
                for _ in 0..size.attendees_per_event {
                    let who = format!("P{}", roster[rng.below(roster.len() as u64) as usize]);
                    if !e.attendees.iter().any(|a| a.person.as_str() == who) {
                        e.attendees.push(Attendance::new(who));
                    }
                }
                p.events.push(e);
            }
        }
    }
    if let Some(office) = p.locations.first_mut() {
        office.shared = true;
    }
    p
}

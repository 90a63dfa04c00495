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

/// Adds `resources` equipment pools (`EQ0`, `EQ1`, …; 2 to 9 units with
/// serial numbers, prep and return buffers, a maintenance window each) to a
/// production and books each of them about `bookings` times on its existing
/// events (shoot days and scenes alike, 1 to 3 units each), so that some
/// instants are over-allocated.
pub fn add_equipment(p: &mut Production, resources: u32, bookings: u32, seed: u64) {
    let mut rng = SplitMix64::new(seed);
    if p.events.is_empty() {
        return;
    }
    for i in 0..resources {
        let id = format!("EQ{i}");
        let quantity = 2 + (i % 8);
        let mut r = Resource::new(
            id.clone(),
            format!("Package {i}"),
            ResourceKind::Equipment,
            quantity,
        );
        r.serials = (0..quantity).map(|k| format!("SN-{i}-{k:03}")).collect();
        r.prep_minutes = 30 * (i % 3);
        r.return_minutes = 15 * (i % 4);
        let middle = p.events[p.events.len() / 2].start;
        r.unavailable.push(callsheet::AvailabilityWindow {
            start: middle,
            end: middle + TimeDelta::hours(36),
            kind: callsheet::AvailabilityKind::Unavailable,
            note: "service".into(),
        });
        p.resources.push(r);
        let mut booked = 0;
        while booked < bookings {
            let n = p.events.len() as u64;
            let e = &mut p.events[rng.below(n) as usize];
            if e.resources.iter().any(|b| b.resource.as_str() == id) {
                continue;
            }
            e.resources.push(ResourceBooking {
                resource: id.as_str().into(),
                quantity: 1 + rng.below(3) as u32,
            });
            booked += 1;
        }
    }
}

/// One shoot day's transport problem: `riders` people called between 05:00
/// and 09:00 at one of three sets, sleeping at twelve hotels (a few at
/// home, a few unknown), and `vehicles` vehicles — 12-seat vans, 5-seat
/// cars and 25-seat minibuses — each with a driver, based at a transport
/// yard, on locations along a road so that some hotels lie on the way to
/// others. Returns the production, the transport options (lodging for the
/// night before) and the date.
pub fn transport_day(
    riders: u32,
    vehicles: u32,
    seed: u64,
) -> (
    Production,
    callsheet::logistics::transport::TransportOptions,
    NaiveDate,
) {
    use callsheet::logistics::VehicleCrew;
    use callsheet::logistics::transport::{Lodging, TransportOptions};
    let mut rng = SplitMix64::new(seed);
    let zone = "America/Los_Angeles".parse().expect("zone");
    let mut p = Production::new("Transport Day", zone, "USD".parse().expect("usd"));
    let date = NaiveDate::from_ymd_opt(2027, 3, 2).expect("date");
    // Places at positions along a road (minutes): 3 sets, 12 hotels, homes, the yard.
    let mut places: Vec<(String, u32)> = Vec::new();
    for k in 0..3 {
        places.push((format!("SET{k}"), 10 + 25 * k));
    }
    for k in 0..12 {
        places.push((format!("HOTEL{k}"), rng.below(90) as u32));
    }
    for k in 0..8 {
        places.push((format!("HOME{k}"), rng.below(120) as u32));
    }
    places.push(("YARD".into(), 30));
    for (id, _) in &places {
        p.locations
            .push(Location::new(id.as_str(), id.as_str(), zone));
    }
    for (i, (a, pa)) in places.iter().enumerate() {
        for (b, pb) in &places[i + 1..] {
            p.travel_times.push(callsheet::TravelTime {
                from: a.as_str().into(),
                to: b.as_str().into(),
                minutes: pa.abs_diff(*pb) + 5,
            });
        }
    }
    let mut options = TransportOptions {
        buffer_minutes: 15,
        ..TransportOptions::default()
    };
    let mut days = Vec::new();
    for k in 0..3 {
        let start = Utc.from_utc_datetime(&date.and_hms_opt(14, 0, 0).expect("time"));
        let mut day = Event::new(
            format!("D{k}"),
            EventKind::ShootDay,
            start,
            start + TimeDelta::hours(12),
        );
        day.location = Some(format!("SET{k}").into());
        days.push(day);
    }
    for i in 0..riders {
        let id = format!("P{i}");
        let mut person = Person::new(id.as_str(), format!("Person {i}"), PersonCategory::Crew);
        match rng.below(20) {
            0 => {}
            1..=3 => person.home_base = Some(format!("HOME{}", rng.below(8)).into()),
            _ => options.lodging.push(Lodging {
                person: id.as_str().into(),
                night: date.pred_opt().expect("date"),
                location: format!("HOTEL{}", rng.below(12)).into(),
            }),
        }
        p.people.push(person);
        // 05:00 to 09:00 PST in quarter hours (13:00 to 17:00 UTC).
        let call = Utc.from_utc_datetime(&date.and_hms_opt(13, 0, 0).expect("time"))
            + TimeDelta::minutes(15 * rng.below(17) as i64);
        let mut a = Attendance::new(id);
        a.call = Some(call);
        days[rng.below(3) as usize].attendees.push(a);
    }
    p.events.extend(days);
    for v in 0..vehicles {
        let (name, seats) = match v % 8 {
            0 => ("Minibus", 25),
            1 | 2 => ("Car", 5),
            _ => ("Van", 12),
        };
        let id = format!("V{v}");
        let mut r = Resource::new(id.as_str(), format!("{name} {v}"), ResourceKind::Vehicle, 1);
        r.seats = Some(seats);
        r.home = Some("YARD".into());
        p.resources.push(r);
        let driver = format!("DRV{v}");
        p.people.push(Person::new(
            driver.as_str(),
            format!("Driver {v}"),
            PersonCategory::Crew,
        ));
        p.logistics.vehicles.push(VehicleCrew {
            vehicle: id.into(),
            unit: None,
            driver: Some(driver.into()),
            max_driving_minutes: Some(600),
        });
    }
    (p, options, date)
}

pub mod rooming;

//! Stay needs from the schedule and from explicit requests.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, TimeDelta};
use rustc_hash::FxHashMap;

use super::{HotelChoice, RoomingOptions, StayNeed, StaySource};
use crate::logistics::LogisticsError;
use crate::model::{BookingStatus, EventKind, HotelId, Production};

/// One part of a stay before parts are joined.
struct Part {
    first: NaiveDate,
    last: NaiveDate,
    hotels: HotelChoice,
    source: StaySource,
    /// For parts from the schedule: the first and last day worked or
    /// travelled at the location.
    days: Option<(NaiveDate, NaiveDate)>,
}

/// The nights each person needs a room, one [`StayNeed`] per continuous
/// stay, by person id then first night (rules in the [module
/// docs](super)).
///
/// # Errors
/// [`LogisticsError::UnknownPerson`] for a stay request naming a person the
/// production does not have (path `logistics.stay_requests[i].person`),
/// [`LogisticsError::InvalidProduction`] for a request whose last night is
/// before its first or that names an unknown hotel, and
/// [`LogisticsError::UnknownLocation`] / [`LogisticsError::InvalidOptions`]
/// for an unknown location or hotel in
/// [`RoomingOptions::location_hotels`].
///
/// # Examples
/// ```
/// use callsheet::logistics::{RoomingOptions, stay_needs};
/// use callsheet::{Attendance, Event, EventKind, Location, Person, PersonCategory, Production};
///
/// let mut p = Production::new("Demo", "Europe/London".parse()?, "GBP".parse()?);
/// let mut moor = Location::new("L-MOOR", "The Moor", "Europe/London".parse()?);
/// moor.distant = true;
/// p.locations.push(moor);
/// p.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
/// // Friday and Monday: the weekend in between is kept (two idle days).
/// for (id, day) in [("D1", "2027-05-07"), ("D2", "2027-05-10")] {
///     let mut e = Event::new(id, EventKind::ShootDay, format!("{day}T07:00:00Z").parse()?, format!("{day}T18:00:00Z").parse()?);
///     e.location = Some("L-MOOR".into());
///     e.attendees.push(Attendance::new("P1"));
///     p.events.push(e);
/// }
/// let needs = stay_needs(&p, &RoomingOptions::default())?;
/// assert_eq!(needs.len(), 1);
/// assert_eq!(needs[0].first_night.to_string(), "2027-05-06");
/// assert_eq!(needs[0].last_night.to_string(), "2027-05-09");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn stay_needs(
    production: &Production,
    options: &RoomingOptions,
) -> Result<Vec<StayNeed>, LogisticsError> {
    let people: FxHashMap<&str, usize> = production
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let locations: FxHashMap<&str, usize> = production
        .locations
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let hotels: BTreeSet<&str> = production
        .logistics
        .hotels
        .iter()
        .map(|h| h.id.as_str())
        .collect();

    // Hotels per location, from the options.
    for (i, lh) in options.location_hotels.iter().enumerate() {
        if !locations.contains_key(lh.location.as_str()) {
            return Err(LogisticsError::UnknownLocation {
                path: format!("options.location_hotels[{i}].location"),
                id: lh.location.to_string(),
            });
        }
    }
    let flaws = super::checks::location_hotels_flaws(
        &options.location_hotels,
        |_| true,
        |h| hotels.contains(h),
    );
    if let Some((field, message)) = flaws.into_iter().next() {
        return Err(LogisticsError::InvalidOptions {
            path: format!("options.location_hotels{field}"),
            message,
        });
    }
    let mut location_hotels: FxHashMap<usize, Vec<HotelId>> = FxHashMap::default();
    for lh in &options.location_hotels {
        let mut list = lh.hotels.clone();
        list.sort();
        list.dedup();
        location_hotels.insert(locations[lh.location.as_str()], list);
    }

    // Days at distant locations: (person, location) → (work days, travel days).
    let events: FxHashMap<&str, usize> = production
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    type Days = (BTreeSet<NaiveDate>, BTreeSet<NaiveDate>);
    let mut days: BTreeMap<(usize, usize), Days> = BTreeMap::new();
    for event in &production.events {
        if event.status == BookingStatus::Cancelled {
            continue;
        }
        let location = event.location.as_ref().or_else(|| {
            event
                .parent
                .as_ref()
                .and_then(|p| events.get(p.as_str()))
                .and_then(|&i| production.events[i].location.as_ref())
        });
        let Some(&l) = location.and_then(|l| locations.get(l.as_str())) else {
            continue;
        };
        let place = &production.locations[l];
        if !place.distant {
            continue;
        }
        for att in &event.attendees {
            let Some(&p) = people.get(att.person.as_str()) else {
                continue;
            };
            let date = place.zone.civil_date(att.report(event));
            let entry = days.entry((p, l)).or_default();
            if event.kind == EventKind::Travel {
                entry.1.insert(date);
            } else {
                entry.0.insert(date);
            }
        }
    }

    let mut parts: BTreeMap<usize, Vec<Part>> = BTreeMap::new();
    let gap = i64::from(options.idle_gap_nights);
    for ((p, l), (work, travel)) in &days {
        let all: BTreeSet<NaiveDate> = work.union(travel).copied().collect();
        let mut run: Vec<NaiveDate> = Vec::new();
        let mut flush = |run: &mut Vec<NaiveDate>| {
            if let Some(part) = run_part(run, work, options, *l, production, &location_hotels) {
                parts.entry(*p).or_default().push(part);
            }
            run.clear();
        };
        for &d in &all {
            if let Some(&prev) = run.last() {
                if (d - prev).num_days() - 1 > gap {
                    flush(&mut run);
                }
            }
            run.push(d);
        }
        flush(&mut run);
    }

    for (i, r) in production.logistics.stay_requests.iter().enumerate() {
        let path = format!("logistics.stay_requests[{i}]");
        let Some(&p) = people.get(r.person.as_str()) else {
            return Err(LogisticsError::UnknownPerson {
                path: format!("{path}.person"),
                id: r.person.to_string(),
            });
        };
        if r.last_night < r.first_night {
            return Err(LogisticsError::InvalidProduction {
                path: format!("{path}.last_night"),
                message: format!("{} is before first_night {}", r.last_night, r.first_night),
            });
        }
        let hotels = match &r.hotel {
            Some(h) if !hotels.contains(h.as_str()) => {
                return Err(LogisticsError::InvalidProduction {
                    path: format!("{path}.hotel"),
                    message: format!("unknown hotel {:?}", h.as_str()),
                });
            }
            Some(h) => HotelChoice::OneOf(vec![h.clone()]),
            None => HotelChoice::Any,
        };
        parts.entry(p).or_default().push(Part {
            first: r.first_night,
            last: r.last_night,
            hotels,
            source: StaySource::Request { index: i },
            days: None,
        });
    }

    let mut out = Vec::new();
    for (p, mut list) in parts {
        let person = &production.people[p];
        list.sort_by(|x, y| (x.first, x.last, &x.source).cmp(&(y.first, y.last, &y.source)));
        let mut current: Option<StayNeed> = None;
        // The last day worked or travelled at a distant location in the
        // current stay, if it has parts from the schedule.
        let mut last_day: Option<NaiveDate> = None;
        for part in list {
            if let Some(cur) = current.as_mut() {
                let touches = cur
                    .last_night
                    .checked_add_signed(TimeDelta::days(1))
                    .is_none_or(|next| part.first <= next);
                // Work at another distant location after no more idle
                // days than the options allow: they keep their room.
                let bridges = match (last_day, part.days) {
                    (Some(last), Some((first, _))) => (first - last).num_days() - 1 <= gap,
                    _ => false,
                };
                if touches || bridges {
                    let overlaps = part.first <= cur.last_night;
                    let common = intersect(&cur.hotels, &part.hotels);
                    let empty = matches!(&common, HotelChoice::OneOf(l) if l.is_empty());
                    if overlaps || !empty {
                        cur.last_night = cur.last_night.max(part.last);
                        cur.hotels = common;
                        cur.sources.push(part.source);
                        if let Some((_, last)) = part.days {
                            last_day = Some(last_day.map_or(last, |d| d.max(last)));
                        }
                        continue;
                    }
                }
            }
            last_day = part.days.map(|(_, last)| last);
            if let Some(done) = current.take() {
                out.push(done);
            }
            current = Some(StayNeed {
                person: person.id.clone(),
                first_night: part.first,
                last_night: part.last,
                tier: person.contract_tier,
                may_share: person.may_share_room,
                hotels: part.hotels,
                sources: vec![part.source],
            });
        }
        out.extend(current);
    }
    out.sort_by(|x, y| (&x.person, x.first_night).cmp(&(&y.person, y.first_night)));
    Ok(out)
}

/// The nights of one run of days at a location (rules in the module docs).
fn run_part(
    run: &[NaiveDate],
    work: &BTreeSet<NaiveDate>,
    options: &RoomingOptions,
    location: usize,
    production: &Production,
    location_hotels: &FxHashMap<usize, Vec<HotelId>>,
) -> Option<Part> {
    let (&first_day, &last_day) = (run.first()?, run.last()?);
    let first = if work.contains(&first_day) {
        first_day.pred_opt()?
    } else {
        first_day
    };
    let last = if !work.contains(&last_day) || !options.stay_last_night {
        last_day.pred_opt()?
    } else {
        last_day
    };
    if last < first {
        return None;
    }
    Some(Part {
        first,
        last,
        hotels: location_hotels
            .get(&location)
            .map_or(HotelChoice::Any, |l| HotelChoice::OneOf(l.clone())),
        source: StaySource::Schedule {
            location: production.locations[location].id.clone(),
        },
        days: Some((first_day, last_day)),
    })
}

fn intersect(x: &HotelChoice, y: &HotelChoice) -> HotelChoice {
    match (x, y) {
        (HotelChoice::Any, other) | (other, HotelChoice::Any) => other.clone(),
        (HotelChoice::OneOf(a), HotelChoice::OneOf(b)) => {
            HotelChoice::OneOf(a.iter().filter(|h| b.contains(h)).cloned().collect())
        }
    }
}

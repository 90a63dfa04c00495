//! Per-person checks: double bookings, travel between commitments, and
//! unavailable windows.

use super::context::{Span, View, instant};
use super::{Conflict, ConflictKind, Severity, Subject, SubjectKind, text};
use crate::model::{AvailabilityKind, EventId};

pub(crate) fn person_subject(view: View<'_, '_>, person: u32) -> Subject {
    Subject {
        kind: SubjectKind::Person,
        id: view.ctx.production().people[person as usize].id.to_string(),
    }
}

pub(crate) fn severity(confirmed: bool) -> Severity {
    if confirmed {
        Severity::Error
    } else {
        Severity::Warning
    }
}

pub(crate) fn event_ids(view: View<'_, '_>, evs: impl IntoIterator<Item = u32>) -> Vec<EventId> {
    let mut ids: Vec<EventId> = evs
        .into_iter()
        .map(|ev| view.event(ev).id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Double bookings, travel and availability for one person's sorted commitments.
pub(crate) fn check(view: View<'_, '_>, person: u32, list: &[Span], out: &mut Vec<Conflict>) {
    let who = &view.ctx.production().people[person as usize];
    // Double bookings: every overlapping pair, except an event and its parent.
    for (i, a) in list.iter().enumerate() {
        for b in list[i + 1..].iter().take_while(|b| b.start < a.end) {
            if view.related(a.ev, b.ev) || b.end <= a.start {
                continue;
            }
            let (start, end) = (a.start.max(b.start), a.end.min(b.end));
            let zone = view.zone(a.ev);
            out.push(Conflict {
                kind: ConflictKind::PersonDoubleBooked,
                severity: severity(a.confirmed && b.confirmed),
                subjects: vec![person_subject(view, person)],
                events: event_ids(view, [a.ev, b.ev]),
                start: instant(start),
                end: instant(end),
                rule: None,
                cost: None,
                message: format!(
                    "{} is double-booked {}: {} and {}",
                    who.name,
                    text::span(zone, start, end),
                    view.label(a.ev),
                    view.label(b.ev)
                ),
            });
        }
    }
    travel(view, person, list, out);
    for window in &who.unavailable {
        let (ws, we) = (window.start.timestamp(), window.end.timestamp());
        for c in list
            .iter()
            .take_while(|c| c.start < we)
            .filter(|c| c.end > ws)
        {
            let (start, end) = (c.start.max(ws), c.end.min(we));
            let zone = view.zone(c.ev);
            let hard = window.kind == AvailabilityKind::Unavailable && c.confirmed;
            let why = if window.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", window.note)
            };
            out.push(Conflict {
                kind: ConflictKind::PersonUnavailable,
                severity: severity(hard),
                subjects: vec![person_subject(view, person)],
                events: event_ids(view, [c.ev]),
                start: instant(start),
                end: instant(end),
                rule: None,
                cost: None,
                message: format!(
                    "{} is {} {}{why} but called for {}",
                    who.name,
                    if window.kind == AvailabilityKind::Unavailable {
                        "unavailable"
                    } else {
                        "pencilled elsewhere"
                    },
                    text::span(zone, start, end),
                    view.label(c.ev)
                ),
            });
        }
    }
}

/// For each commitment, the latest-ending earlier commitment that does not
/// overlap it is where the person comes from; different locations need
/// travel time between the two.
fn travel(view: View<'_, '_>, person: u32, list: &[Span], out: &mut Vec<Conflict>) {
    if list.len() < 2 {
        return;
    }
    let mut by_end: Vec<&Span> = list.iter().collect();
    by_end.sort_unstable_by(|a, b| {
        a.end
            .cmp(&b.end)
            .then_with(|| view.order(a.start, a.end, a.ev, b.start, b.end, b.ev))
    });
    let mut finished = 0;
    let mut latest: Option<&Span> = None;
    for next in list {
        while finished < by_end.len() && by_end[finished].end <= next.start {
            let cand = by_end[finished];
            if latest.is_none_or(|l| {
                cand.end
                    .cmp(&l.end)
                    .then_with(|| view.order(cand.start, cand.end, cand.ev, l.start, l.end, l.ev))
                    .is_gt()
            }) {
                latest = Some(cand);
            }
            finished += 1;
        }
        let Some(prev) = latest else { continue };
        // Coming from an unrelated commitment that overlaps the shoot day the
        // person is also called for is already a double booking; travel to a
        // scene inside that day adds nothing. Between scenes of one day
        // (a company move), or into a day they are not called for, travel
        // is checked.
        let root = view.root(next.ev);
        if root != next.ev && view.root(prev.ev) != root {
            let day = view.event(root);
            let overlaps_day = prev.start < day.end.timestamp() && prev.end > day.start.timestamp();
            if overlaps_day && list.iter().any(|s| s.ev == root) {
                continue;
            }
        }
        let (Some(from), Some(to)) = (view.location(prev.ev), view.location(next.ev)) else {
            continue;
        };
        if from == to {
            continue;
        }
        let Some(needed) = view.travel_seconds(from, to) else {
            continue;
        };
        let gap = next.start - prev.end;
        if gap >= needed {
            continue;
        }
        let p = view.ctx.production();
        let (a, b) = (&p.locations[from as usize], &p.locations[to as usize]);
        let who = &p.people[person as usize];
        out.push(Conflict {
            kind: ConflictKind::TravelTime,
            severity: severity(prev.confirmed && next.confirmed),
            subjects: vec![person_subject(view, person)],
            events: event_ids(view, [prev.ev, next.ev]),
            start: instant(prev.end),
            end: instant(next.start),
            rule: None,
            cost: None,
            message: format!(
                "{}: {} from {} (released {}) to {} (called {}), {} needed",
                who.name,
                text::duration(gap),
                a.name,
                text::clock_day(view.zone(prev.ev), prev.end),
                b.name,
                text::clock_day(view.zone(next.ev), next.start),
                text::duration(needed)
            ),
        });
    }
}

impl View<'_, '_> {
    /// Seconds needed to travel between two locations: the production's
    /// table, else great-circle distance at the production's speed; `None`
    /// when neither is known.
    pub fn travel_seconds(&self, from: u32, to: u32) -> Option<i64> {
        if let Some(&minutes) = self.ctx.travel.get(&(from.min(to), from.max(to))) {
            return Some(i64::from(minutes) * 60);
        }
        let p = self.ctx.production();
        let (a, b) = (
            p.locations[from as usize].coordinates?,
            p.locations[to as usize].coordinates?,
        );
        let km = great_circle_km(a.lat, a.lon, b.lat, b.lon);
        let speed = f64::from(p.travel_speed_kmh.unwrap_or(DEFAULT_SPEED_KMH).max(1));
        // Whole minutes, rounded up.
        Some(((km / speed) * 60.0).ceil() as i64 * 60)
    }
}

/// Speed used for travel estimates when the production sets none.
pub const DEFAULT_SPEED_KMH: u32 = 40;

/// Haversine distance in kilometres.
pub(crate) fn great_circle_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

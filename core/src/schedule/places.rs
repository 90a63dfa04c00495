//! Per-location checks: double bookings of exclusive locations, and permits
//! (dates, daily hours, consecutive days).

use chrono::{Duration as TimeDelta, NaiveDate, NaiveDateTime};

use super::context::{Span, View, instant};
use super::people::{event_ids, severity};
use super::{Conflict, ConflictKind, RuleRef, Subject, SubjectKind, text};
use crate::model::{IanaZone, Location, PermitWindow};

fn subject(location: &Location) -> Subject {
    Subject {
        kind: SubjectKind::Location,
        id: location.id.to_string(),
    }
}

fn permit_rule(rule: &str, permit: Option<&PermitWindow>) -> RuleRef {
    RuleRef {
        pack: "permit".into(),
        version: permit.map(|p| p.reference.clone()).unwrap_or_default(),
        rule: rule.to_owned(),
    }
}

/// Double bookings and permits for one location's sorted occupancy.
pub(crate) fn check(view: View<'_, '_>, location: u32, list: &[Span], out: &mut Vec<Conflict>) {
    let place = &view.ctx.production().locations[location as usize];
    let zone = place.zone;
    if !place.shared {
        for (i, a) in list.iter().enumerate() {
            for b in list[i + 1..].iter().take_while(|b| b.start < a.end) {
                if view.root(a.ev) == view.root(b.ev) {
                    continue;
                }
                let (start, end) = (a.start.max(b.start), a.end.min(b.end));
                out.push(Conflict {
                    kind: ConflictKind::LocationDoubleBooked,
                    severity: severity(a.confirmed && b.confirmed),
                    subjects: vec![subject(place)],
                    events: event_ids(view, [a.ev, b.ev]),
                    start: instant(start),
                    end: instant(end),
                    rule: None,
                    cost: None,
                    message: format!(
                        "{} is booked twice {}: {} and {}",
                        place.name,
                        text::span(zone, start, end),
                        view.label(a.ev),
                        view.label(b.ev)
                    ),
                });
            }
        }
    }
    if place.permits.is_empty() {
        return;
    }
    for span in list {
        for (start, end) in outside_permits(zone, &place.permits, span.start, span.end) {
            out.push(Conflict {
                kind: ConflictKind::OutsidePermit,
                severity: severity(span.confirmed),
                subjects: vec![subject(place)],
                events: event_ids(view, [span.ev]),
                start: instant(start),
                end: instant(end),
                rule: Some(permit_rule("permit window", None)),
                cost: None,
                message: format!(
                    "{}: {} is used {} outside its permit",
                    place.name,
                    view.label(span.ev),
                    text::span(zone, start, end)
                ),
            });
        }
    }
    consecutive_days(view, place, list, out);
}

fn local(zone: IanaZone, at: NaiveDateTime) -> i64 {
    zone.instant_at(at).timestamp()
}

/// The permitted intervals of `permit` on civil date `date` (the daily window,
/// which may run past midnight).
fn window(zone: IanaZone, permit: &PermitWindow, date: NaiveDate) -> (i64, i64) {
    let start = local(zone, date.and_time(permit.daily_start));
    let end_date = if permit.daily_end <= permit.daily_start {
        date + TimeDelta::days(1)
    } else {
        date
    };
    (start, local(zone, end_date.and_time(permit.daily_end)))
}

/// Maximal parts of `[start, end)` not covered by any permit's daily window.
pub(crate) fn outside_permits(
    zone: IanaZone,
    permits: &[PermitWindow],
    start: i64,
    end: i64,
) -> Vec<(i64, i64)> {
    let first = zone.civil_date(instant(start)) - TimeDelta::days(1);
    let last = zone.civil_date(instant(end));
    let mut allowed: Vec<(i64, i64)> = Vec::new();
    let mut date = first;
    while date <= last {
        for permit in permits
            .iter()
            .filter(|p| p.first_day <= date && date <= p.last_day)
        {
            allowed.push(window(zone, permit, date));
        }
        date += TimeDelta::days(1);
    }
    allowed.sort_unstable();
    let mut gaps = Vec::new();
    let mut at = start;
    for (a, b) in allowed {
        if b <= at {
            continue;
        }
        if a >= end {
            break;
        }
        if a > at {
            gaps.push((at, a.min(end)));
        }
        at = at.max(b);
        if at >= end {
            break;
        }
    }
    if at < end {
        gaps.push((at, end));
    }
    gaps
}

/// Days the location is used within each capped permit; from the day past
/// the cap, each further consecutive day is a conflict.
fn consecutive_days(view: View<'_, '_>, place: &Location, list: &[Span], out: &mut Vec<Conflict>) {
    let zone = place.zone;
    for permit in &place.permits {
        let Some(cap) = permit.max_consecutive_days else {
            continue;
        };
        // (date, spans used that day)
        let mut days: Vec<(NaiveDate, Vec<&Span>)> = Vec::new();
        for span in list {
            let date = zone.civil_date(instant(span.start));
            if date < permit.first_day || date > permit.last_day {
                continue;
            }
            match days.iter_mut().find(|(d, _)| *d == date) {
                Some((_, spans)) => spans.push(span),
                None => days.push((date, vec![span])),
            }
        }
        days.sort_by_key(|(d, _)| *d);
        let mut run = 0u32;
        let mut previous: Option<NaiveDate> = None;
        for (date, spans) in &days {
            run = if previous.is_some_and(|p| *date == p + TimeDelta::days(1)) {
                run + 1
            } else {
                1
            };
            previous = Some(*date);
            if run <= cap {
                continue;
            }
            let start = spans.iter().map(|s| s.start).min().unwrap_or_default();
            let end = spans.iter().map(|s| s.end).max().unwrap_or_default();
            out.push(Conflict {
                kind: ConflictKind::PermitConsecutiveDays,
                severity: severity(spans.iter().all(|s| s.confirmed)),
                subjects: vec![subject(place)],
                events: event_ids(view, spans.iter().map(|s| s.ev)),
                start: instant(start),
                end: instant(end),
                rule: Some(permit_rule("max_consecutive_days", Some(permit))),
                cost: None,
                message: format!(
                    "{}: day {run} in a row on {}; the permit allows {cap}",
                    place.name,
                    text::day(zone, start)
                ),
            });
        }
    }
}

//! Per-resource checks: quantity over-allocation (a sweep over the
//! operational windows), unavailable windows, and travel for single items.

use super::context::{Booking, View, instant};
use super::people::{event_ids, severity};
use super::{Conflict, ConflictKind, Subject, SubjectKind, text};
use crate::model::{AvailabilityKind, Resource};

fn subject(resource: &Resource) -> Subject {
    Subject {
        kind: SubjectKind::Resource,
        id: resource.id.to_string(),
    }
}

/// Over-allocation and availability for one resource's sorted bookings.
pub(crate) fn check(view: View<'_, '_>, resource: u32, list: &[Booking], out: &mut Vec<Conflict>) {
    let r = &view.ctx.production().resources[resource as usize];
    overbooked(view, r, list, out);
    if r.quantity == 1 {
        travel(view, r, list, out);
    }
    for window in &r.unavailable {
        let (ws, we) = (window.start.timestamp(), window.end.timestamp());
        for b in list
            .iter()
            .take_while(|b| b.start < we)
            .filter(|b| b.end > ws)
        {
            let (start, end) = (b.start.max(ws), b.end.min(we));
            let zone = view.zone(b.ev);
            out.push(Conflict {
                kind: ConflictKind::ResourceUnavailable,
                severity: severity(window.kind == AvailabilityKind::Unavailable && b.confirmed),
                subjects: vec![subject(r)],
                events: event_ids(view, [b.ev]),
                start: instant(start),
                end: instant(end),
                rule: None,
                cost: None,
                message: format!(
                    "{} is unavailable {} but booked by {}",
                    r.name,
                    text::span(zone, start, end),
                    view.label(b.ev)
                ),
            });
        }
    }
}

/// The load on a resource from one boundary instant of a [`sweep`] on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Load {
    /// The boundary instant, in seconds.
    pub at: i64,
    /// Units booked from `at` on, holds and tentative bookings included.
    pub total: i64,
    /// Units booked by confirmed events from `at` on.
    pub confirmed: i64,
}

/// Sweeps bookings' operational windows (`[start, end)`, so touching windows
/// do not overlap) in time order. `visit` is called once per distinct
/// boundary instant with the load from that instant on and the positions in
/// `list` of the bookings that start and that end there (each in list order).
///
/// The over-allocation check and the equipment timelines of
/// [`logistics`](crate::logistics) both read bookings through this sweep.
pub(crate) fn sweep(list: &[Booking], mut visit: impl FnMut(Load, &[usize], &[usize])) {
    // (instant, starts after ends, position)
    let mut points: Vec<(i64, bool, usize)> = Vec::with_capacity(list.len() * 2);
    for (i, b) in list.iter().enumerate() {
        points.push((b.start, true, i));
        points.push((b.end, false, i));
    }
    points.sort_unstable();
    let (mut total, mut confirmed) = (0i64, 0i64);
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < points.len() {
        let t = points[i].0;
        starts.clear();
        ends.clear();
        while i < points.len() && points[i].0 == t {
            let (_, start, k) = points[i];
            let b = &list[k];
            let q = i64::from(b.quantity);
            let c = if b.confirmed { q } else { 0 };
            if start {
                total += q;
                confirmed += c;
                starts.push(k);
            } else {
                total -= q;
                confirmed -= c;
                ends.push(k);
            }
            i += 1;
        }
        visit(
            Load {
                at: t,
                total,
                confirmed,
            },
            &starts,
            &ends,
        );
    }
}

/// Sweeps the bookings' operational windows; every maximal interval in which
/// more units are booked than exist is one conflict. It is an error when the
/// confirmed bookings alone exceed the quantity somewhere in it.
fn overbooked(view: View<'_, '_>, r: &Resource, list: &[Booking], out: &mut Vec<Conflict>) {
    let quantity = i64::from(r.quantity);
    let mut run: Option<(i64, bool, i64)> = None; // (start, any confirmed excess, peak)
    sweep(list, |load, _, _| {
        let Load {
            at: t,
            total,
            confirmed,
        } = load;
        match (&mut run, total > quantity) {
            (None, true) => run = Some((t, confirmed > quantity, total)),
            (Some((_, hard, peak)), true) => {
                *hard |= confirmed > quantity;
                *peak = (*peak).max(total);
            }
            (Some((start, hard, peak)), false) => {
                let (start, hard, peak) = (*start, *hard, *peak);
                run = None;
                let events: Vec<u32> = list
                    .iter()
                    .filter(|b| b.start < t && b.end > start)
                    .map(|b| b.ev)
                    .collect();
                let zone = events
                    .first()
                    .map_or(view.ctx.production().zone, |&ev| view.zone(ev));
                out.push(Conflict {
                    kind: ConflictKind::ResourceOverbooked,
                    severity: severity(hard),
                    subjects: vec![subject(r)],
                    events: event_ids(view, events.iter().copied()),
                    start: instant(start),
                    end: instant(t),
                    rule: None,
                    cost: None,
                    message: format!(
                        "{}: {peak} booked, {quantity} available {} ({})",
                        r.name,
                        text::span(zone, start, t),
                        events
                            .iter()
                            .map(|&ev| view.label(ev))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
            (None, false) => {}
        }
    });
}

/// A single item (a crane, a picture car) must get from one booking's
/// location to the next: the gap between the end of one booking's return
/// window and the start of the next one's prep must cover the travel time.
fn travel(view: View<'_, '_>, r: &Resource, list: &[Booking], out: &mut Vec<Conflict>) {
    let p = view.ctx.production();
    let mut latest: Option<&Booking> = None;
    for next in list {
        if let Some(prev) = latest.filter(|prev| prev.end <= next.start) {
            if let (Some(from), Some(to)) = (view.location(prev.ev), view.location(next.ev)) {
                if from != to {
                    if let Some(needed) = view.travel_seconds(from, to) {
                        let gap = next.start - prev.end;
                        if gap < needed {
                            out.push(Conflict {
                                kind: ConflictKind::TravelTime,
                                severity: severity(prev.confirmed && next.confirmed),
                                subjects: vec![subject(r)],
                                events: event_ids(view, [prev.ev, next.ev]),
                                start: instant(prev.end),
                                end: instant(next.start),
                                rule: None,
                                cost: None,
                                message: format!(
                                    "{}: {} from {} (free {}) to {} (needed {}), {} to move it",
                                    r.name,
                                    text::duration(gap),
                                    p.locations[from as usize].name,
                                    text::clock_day(view.zone(prev.ev), prev.end),
                                    p.locations[to as usize].name,
                                    text::clock_day(view.zone(next.ev), next.start),
                                    text::duration(needed)
                                ),
                            });
                        }
                    }
                }
            }
        }
        // Bookings of one item overlap only when it is over-booked; move on
        // from whichever booking frees it last.
        if latest.is_none_or(|l| next.end > l.end) {
            latest = Some(next);
        }
    }
}

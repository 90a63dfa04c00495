//! Equipment and other pooled resources: availability timelines and the
//! assignment of specific units (serial numbers) to bookings.
//!
//! A booking occupies a resource over its **operational window**: the
//! event's span widened by the resource's `prep_minutes` before and
//! `return_minutes` after. The bookings are exactly those the conflict
//! engine checks for over-allocation (the same list, built by the same
//! code): cancelled events book nothing, and a scene's booking of a resource
//! its shoot day also books counts only for the quantity beyond the day's.
//! Windows are half-open, `[start, end)`: a booking that ends when another
//! starts does not overlap it.
//!
//! A resource's `unavailable` windows (maintenance, off-hire) make its whole
//! pool unusable: capacity 0 for their duration, whatever their kind (a
//! tentative window is a pencil elsewhere, and planning treats it as taken;
//! the timeline says which kind applies).
//!
//! - [`resource_timeline`]: maximal segments of constant use — owned,
//!   usable, booked, available and over-allocated quantities and the
//!   bookings in each.
//! - [`assign_units`]: specific units for each booking (`k` units for a
//!   booking of quantity `k`), one unit on one booking for the booking's
//!   whole operational window. The sweep takes bookings by earliest start
//!   (then end, then event id) and gives each the lowest-numbered free
//!   units, so it uses exactly as many distinct units as the most that are
//!   ever booked at once (interval partitioning), and the same production
//!   always gets the same assignment. Units are named by
//!   [`Resource::unit_label`](crate::Resource::unit_label): their serial
//!   numbers where recorded, else `#1`, `#2`, … by position, so a pool of
//!   radios without serials still gets a plan that can be tagged.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

use serde::{Deserialize, Serialize};

use super::LogisticsError;
use crate::model::{
    AvailabilityKind, BookingStatus, EventId, Production, Resource, ResourceId, Timestamp,
};
use crate::schedule::context::{Booking, bookings_of, instant};
use crate::schedule::resources::sweep;

/// One booking of a resource over its operational window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingWindow {
    /// The booking event.
    pub event: EventId,
    /// How firm the event is (never cancelled: cancelled events book nothing).
    pub status: BookingStatus,
    /// Units booked (for a scene inside a shoot day that books the same
    /// resource: the units beyond the day's).
    pub quantity: u32,
    /// Start of the operational window: the event's start minus the
    /// resource's prep time.
    pub start: Timestamp,
    /// End of the operational window: the event's end plus the resource's
    /// return time.
    pub end: Timestamp,
}

/// A maximal stretch of time over which a resource's use does not change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineSegment {
    /// First instant of the segment.
    pub start: Timestamp,
    /// First instant after the segment.
    pub end: Timestamp,
    /// Units the production has (the resource's quantity).
    pub owned: u32,
    /// Units that can be used: `owned`, or 0 inside an unavailable window.
    pub usable: u32,
    /// The firmest unavailable window covering the segment, if any.
    pub unavailable: Option<AvailabilityKind>,
    /// Units booked (holds and tentative bookings included).
    pub booked: u32,
    /// Units booked by confirmed events.
    pub confirmed: u32,
    /// Units free: `usable − booked`, or 0.
    pub available: u32,
    /// Units booked beyond those usable: `booked − usable`, or 0.
    pub over_allocated: u32,
    /// The bookings in force over the segment, by start, end and event id.
    pub bookings: Vec<BookingWindow>,
}

/// A resource's use over time.
///
/// The segments are contiguous and in time order, from the first instant
/// anything starts (a booking or an unavailable window) to the last instant
/// anything ends; before and after, nothing is booked and all `owned`
/// units are usable. Adjacent segments always differ in their bookings or
/// their usable quantity, so each is maximal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceTimeline {
    /// The resource.
    pub resource: ResourceId,
    /// Units the production has.
    pub owned: u32,
    /// The segments, in time order.
    pub segments: Vec<TimelineSegment>,
}

impl ResourceTimeline {
    /// The segment containing `instant`, if any (outside every segment
    /// nothing is booked and everything is usable).
    pub fn segment_at(&self, instant: Timestamp) -> Option<&TimelineSegment> {
        let i = self.segments.partition_point(|s| s.end <= instant);
        self.segments.get(i).filter(|s| s.start <= instant)
    }

    /// Units booked at `instant`.
    pub fn booked_at(&self, instant: Timestamp) -> u32 {
        self.segment_at(instant).map_or(0, |s| s.booked)
    }

    /// The most units booked at any instant.
    pub fn peak(&self) -> u32 {
        self.segments.iter().map(|s| s.booked).max().unwrap_or(0)
    }

    /// The segments in which more is booked than can be used.
    pub fn over_allocated(&self) -> impl Iterator<Item = &TimelineSegment> {
        self.segments.iter().filter(|s| s.over_allocated > 0)
    }
}

/// The units given to one booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitBooking {
    /// The booking.
    pub booking: BookingWindow,
    /// Labels of the units on it for its whole operational window, in unit
    /// order; fewer than `booking.quantity` when it has a shortfall.
    pub units: Vec<String>,
}

/// Why a booking did not get all its units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShortfallReason {
    /// Every unit is on an earlier booking at the booking's start: the
    /// resource is over-allocated from that instant.
    AllUnitsBusy,
    /// The booking overlaps one of the resource's unavailable windows, of
    /// this kind; it gets no unit.
    Unavailable(AvailabilityKind),
}

/// A booking that could not get all its units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitShortfall {
    /// The booking event.
    pub event: EventId,
    /// The first instant the units are missing: the booking's start, or
    /// the start of its overlap with the unavailable window.
    pub at: Timestamp,
    /// Units the booking needs.
    pub needed: u32,
    /// Units it got.
    pub assigned: u32,
    /// Units missing (`needed − assigned`).
    pub missing: u32,
    /// Why.
    pub reason: ShortfallReason,
}

/// Specific units for every booking of a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitAssignment {
    /// The resource.
    pub resource: ResourceId,
    /// Units the production has.
    pub owned: u32,
    /// Labels of the units used by at least one booking, in unit order: the
    /// first `units_used.len()` units (as many as are ever booked at once,
    /// when enough exist).
    pub units_used: Vec<String>,
    /// Every booking with its units, by start, end and event id.
    pub bookings: Vec<UnitBooking>,
    /// The bookings that did not get all their units, in the same order.
    pub shortfalls: Vec<UnitShortfall>,
}

impl UnitAssignment {
    /// The bookings a unit is on, by its label.
    pub fn bookings_of(&self, unit: &str) -> impl Iterator<Item = &UnitBooking> {
        self.bookings
            .iter()
            .filter(move |b| b.units.iter().any(|u| u == unit))
    }
}

/// The position of `resource` (the first with its id), or the error naming it.
fn resource_position(
    production: &Production,
    resource: &ResourceId,
    path: &str,
) -> Result<u32, LogisticsError> {
    production
        .resources
        .iter()
        .position(|r| r.id == *resource)
        .map(|r| r as u32)
        .ok_or_else(|| LogisticsError::UnknownResource {
            path: path.to_owned(),
            id: resource.to_string(),
        })
}

/// The resource's bookings with a positive window, in the engine's order.
fn bookings(production: &Production, resource: u32) -> Vec<Booking> {
    let mut list = bookings_of(production, &[resource])
        .pop()
        .unwrap_or_default();
    list.retain(|b| b.end > b.start);
    list
}

fn window(production: &Production, b: &Booking) -> BookingWindow {
    let e = &production.events[b.ev as usize];
    BookingWindow {
        event: e.id.clone(),
        status: e.status,
        quantity: b.quantity,
        start: instant(b.start),
        end: instant(b.end),
    }
}

fn saturate(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// The resource's use over time: maximal segments with the owned, usable,
/// booked, available and over-allocated quantities and the bookings in
/// force (see [the module](self) for what counts as a booking).
///
/// # Errors
///
/// [`LogisticsError::UnknownResource`] (path `resource`) when the resource
/// is not in the production.
///
/// # Examples
///
/// Two cameras, three overlapping bookings with an hour of prep: the third
/// booking over-allocates the package from the start of its prep.
///
/// ```
/// use callsheet::logistics::resource_timeline;
/// use callsheet::{Event, EventKind, Production, Resource, ResourceBooking, ResourceKind};
///
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
/// let mut cameras = Resource::new("CAM", "Alexa 35 package", ResourceKind::Equipment, 2);
/// cameras.prep_minutes = 60;
/// p.resources.push(cameras);
/// for (id, start, end) in [
///     ("E1", "2027-03-02T15:00:00Z", "2027-03-03T01:00:00Z"),
///     ("E2", "2027-03-02T17:00:00Z", "2027-03-02T23:00:00Z"),
///     ("E3", "2027-03-02T20:00:00Z", "2027-03-02T22:00:00Z"),
/// ] {
///     let mut e = Event::new(id, EventKind::ShootDay, start.parse()?, end.parse()?);
///     e.resources.push(ResourceBooking { resource: "CAM".into(), quantity: 1 });
///     p.events.push(e);
/// }
/// let timeline = resource_timeline(&p, &"CAM".into())?;
/// let over: Vec<_> = timeline.over_allocated().collect();
/// assert_eq!(over.len(), 1);
/// assert_eq!(over[0].start.to_rfc3339(), "2027-03-02T19:00:00+00:00");
/// assert_eq!((over[0].booked, over[0].available, over[0].over_allocated), (3, 0, 1));
/// assert_eq!(timeline.booked_at("2027-03-02T15:30:00Z".parse()?), 1);
/// assert_eq!(timeline.booked_at("2027-03-02T16:00:00Z".parse()?), 2);
///
/// let err = resource_timeline(&p, &"CAM-9".into()).unwrap_err();
/// assert_eq!(err.to_string(), r#"resource: unknown resource "CAM-9""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn resource_timeline(
    production: &Production,
    resource: &ResourceId,
) -> Result<ResourceTimeline, LogisticsError> {
    let r = resource_position(production, resource, "resource")?;
    Ok(timeline(production, r))
}

/// State of the bookings from one boundary on.
struct Step {
    at: i64,
    booked: u32,
    confirmed: u32,
    active: Vec<usize>,
}

fn timeline(production: &Production, r: u32) -> ResourceTimeline {
    let resource = &production.resources[r as usize];
    let list = bookings(production, r);
    let mut steps: Vec<Step> = Vec::with_capacity(list.len() * 2);
    let mut active: BTreeSet<usize> = BTreeSet::new();
    sweep(&list, |load, starts, ends| {
        // A booking's position in `list` is its rank in the engine's order,
        // so the set lists active bookings in that order.
        active.extend(starts.iter().copied());
        for k in ends {
            active.remove(k);
        }
        steps.push(Step {
            at: load.at,
            booked: saturate(load.total),
            confirmed: saturate(load.confirmed),
            active: active.iter().copied().collect(),
        });
    });
    // Unavailable windows: (instant, change in count of firm windows, of tentative ones).
    let mut windows: Vec<(i64, i32, i32)> = Vec::new();
    for w in resource.unavailable.iter().filter(|w| w.end > w.start) {
        let (firm, tentative) = match w.kind {
            AvailabilityKind::Unavailable => (1, 0),
            AvailabilityKind::Tentative => (0, 1),
        };
        windows.push((w.start.timestamp(), firm, tentative));
        windows.push((w.end.timestamp(), -firm, -tentative));
    }
    windows.sort_unstable();
    let mut bounds: Vec<i64> = steps
        .iter()
        .map(|s| s.at)
        .chain(windows.iter().map(|w| w.0))
        .collect();
    bounds.sort_unstable();
    bounds.dedup();

    let owned = resource.quantity;
    let mut segments: Vec<TimelineSegment> = Vec::new();
    let mut last_active: Option<&[usize]> = None;
    let (mut step, mut w) = (0usize, 0usize);
    let (mut firm, mut tentative) = (0i32, 0i32);
    let mut current: Option<&Step> = None;
    for pair in bounds.windows(2) {
        let (t, next) = (pair[0], pair[1]);
        while step < steps.len() && steps[step].at <= t {
            current = Some(&steps[step]);
            step += 1;
        }
        while w < windows.len() && windows[w].0 <= t {
            firm += windows[w].1;
            tentative += windows[w].2;
            w += 1;
        }
        let unavailable = if firm > 0 {
            Some(AvailabilityKind::Unavailable)
        } else if tentative > 0 {
            Some(AvailabilityKind::Tentative)
        } else {
            None
        };
        let usable = if unavailable.is_some() { 0 } else { owned };
        let (booked, confirmed, active): (u32, u32, &[usize]) =
            current.map_or((0, 0, &[]), |s| (s.booked, s.confirmed, &s.active));
        if let Some(prev) = segments.last_mut() {
            if prev.end == instant(t)
                && last_active == Some(active)
                && prev.unavailable == unavailable
            {
                prev.end = instant(next);
                continue;
            }
        }
        last_active = Some(active);
        segments.push(TimelineSegment {
            start: instant(t),
            end: instant(next),
            owned,
            usable,
            unavailable,
            booked,
            confirmed,
            available: usable.saturating_sub(booked),
            over_allocated: booked.saturating_sub(usable),
            bookings: active
                .iter()
                .map(|&k| window(production, &list[k]))
                .collect(),
        });
    }
    ResourceTimeline {
        resource: resource.id.clone(),
        owned,
        segments,
    }
}

/// Specific units for every booking of the resource, and the bookings that
/// could not get them (see [the module](self) for the rules).
///
/// # Errors
///
/// [`LogisticsError::UnknownResource`] (path `resource`) when the resource
/// is not in the production.
///
/// # Examples
///
/// A camera package with two serial numbers and three overlapping bookings:
/// the third one, in start order, finds both cameras out.
///
/// ```
/// use callsheet::logistics::assign_units;
/// use callsheet::logistics::equipment::ShortfallReason;
/// use callsheet::{Event, EventKind, Production, Resource, ResourceBooking, ResourceKind};
///
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
/// let mut cameras = Resource::new("CAM", "Alexa 35 package", ResourceKind::Equipment, 2);
/// cameras.serials = vec!["A35-1021".into(), "A35-1187".into()];
/// p.resources.push(cameras);
/// for (id, start, end) in [
///     ("E1", "2027-03-02T15:00:00Z", "2027-03-02T20:00:00Z"),
///     ("E2", "2027-03-02T16:00:00Z", "2027-03-02T18:00:00Z"),
///     ("E3", "2027-03-02T17:00:00Z", "2027-03-02T19:00:00Z"),
///     ("E4", "2027-03-02T18:00:00Z", "2027-03-02T21:00:00Z"),
/// ] {
///     let mut e = Event::new(id, EventKind::Prep, start.parse()?, end.parse()?);
///     e.resources.push(ResourceBooking { resource: "CAM".into(), quantity: 1 });
///     p.events.push(e);
/// }
/// let plan = assign_units(&p, &"CAM".into())?;
/// let units: Vec<_> = plan.bookings.iter().map(|b| b.units.join(",")).collect();
/// assert_eq!(units, ["A35-1021", "A35-1187", "", "A35-1187"]);
/// let short = &plan.shortfalls[0];
/// assert_eq!((short.event.as_str(), short.missing), ("E3", 1));
/// assert_eq!(short.at.to_rfc3339(), "2027-03-02T17:00:00+00:00");
/// assert_eq!(short.reason, ShortfallReason::AllUnitsBusy);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assign_units(
    production: &Production,
    resource: &ResourceId,
) -> Result<UnitAssignment, LogisticsError> {
    let r = resource_position(production, resource, "resource")?;
    let resource = &production.resources[r as usize];
    let list = bookings(production, r);
    let (units, used) = unit_sweep(resource, &list);
    let mut out = UnitAssignment {
        resource: resource.id.clone(),
        owned: resource.quantity,
        units_used: (0..used as usize).map(|k| resource.unit_label(k)).collect(),
        bookings: Vec::with_capacity(list.len()),
        shortfalls: Vec::new(),
    };
    for (b, (given, short)) in list.iter().zip(units) {
        let booking = window(production, b);
        if let Some((at, reason)) = short {
            let assigned = u32::try_from(given.len()).unwrap_or(u32::MAX);
            out.shortfalls.push(UnitShortfall {
                event: booking.event.clone(),
                at: instant(at),
                needed: b.quantity,
                assigned,
                missing: b.quantity - assigned,
                reason,
            });
        }
        out.bookings.push(UnitBooking {
            booking,
            units: given
                .into_iter()
                .map(|k| resource.unit_label(k as usize))
                .collect(),
        });
    }
    Ok(out)
}

/// Per booking: its units (positions, ascending) and its shortfall if any
/// (instant and reason).
pub(crate) type UnitsOfBookings = Vec<(Vec<u32>, Option<(i64, ShortfallReason)>)>;

/// The interval-partitioning sweep behind [`assign_units`] (also used by
/// transport for vehicles' own bookings): the units of each booking in
/// `list` and how many distinct units were used.
pub(crate) fn unit_sweep(resource: &Resource, list: &[Booking]) -> (UnitsOfBookings, u32) {
    let owned = resource.quantity;
    let windows: Vec<(i64, i64, AvailabilityKind)> = resource
        .unavailable
        .iter()
        .filter(|w| w.end > w.start)
        .map(|w| (w.start.timestamp(), w.end.timestamp(), w.kind))
        .collect();
    let mut busy: BinaryHeap<Reverse<(i64, u32)>> = BinaryHeap::new();
    let mut free: BTreeSet<u32> = BTreeSet::new();
    let mut fresh: u32 = 0; // units 0..fresh have been used; `free` holds those now free
    let mut out = Vec::with_capacity(list.len());
    for b in list {
        while let Some(&Reverse((end, unit))) = busy.peek() {
            if end > b.start {
                break;
            }
            busy.pop();
            free.insert(unit);
        }
        // The first unavailable window it overlaps (firm ones first).
        let blocked = windows
            .iter()
            .filter(|(s, e, _)| *s < b.end && b.start < *e)
            .min_by_key(|(s, _, kind)| (*kind, *s));
        if let Some(&(s, _, kind)) = blocked {
            let at = windows
                .iter()
                .filter(|(ws, we, k)| *k == kind && *ws < b.end && b.start < *we)
                .map(|(ws, _, _)| (*ws).max(b.start))
                .min()
                .unwrap_or(s.max(b.start));
            out.push((Vec::new(), Some((at, ShortfallReason::Unavailable(kind)))));
            continue;
        }
        let mut given: Vec<u32> = Vec::new();
        while given.len() < b.quantity as usize {
            if let Some(unit) = free.pop_first() {
                given.push(unit);
            } else if fresh < owned {
                given.push(fresh);
                fresh += 1;
            } else {
                break;
            }
        }
        for &unit in &given {
            busy.push(Reverse((b.end, unit)));
        }
        let short =
            (given.len() < b.quantity as usize).then_some((b.start, ShortfallReason::AllUnitsBusy));
        out.push((given, short));
    }
    (out, fresh)
}

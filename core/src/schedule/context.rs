//! The index behind [`Schedule`](super::Schedule): per-person commitments,
//! per-location occupancy and per-resource bookings, sorted by time, with
//! events referred to by position.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::{Conflict, ScheduleError, sort_conflicts};
use crate::model::{
    BookingStatus, Event, EventKind, IanaZone, Production, Resource, ResourceBooking, Timestamp,
};
use crate::rules::RuleBook;

/// Position of the candidate event when it is new (not replacing one).
pub(crate) const NEW_EVENT: u32 = u32::MAX;

/// The production, owned (for a long-lived [`Schedule`](super::Schedule)) or borrowed.
#[derive(Debug)]
enum Store<'a> {
    Owned(Arc<Production>),
    Borrowed(&'a Production),
}

/// One person's (or location's) commitment to one event, in seconds since the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Span {
    pub start: i64,
    pub end: i64,
    pub ev: u32,
    pub confirmed: bool,
}

/// One resource booking: the operational window includes prep and return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Booking {
    pub start: i64,
    pub end: i64,
    pub ev: u32,
    pub quantity: u32,
    pub confirmed: bool,
}

#[derive(Debug)]
pub(crate) struct Context<'a> {
    store: Store<'a>,
    people: IdIndex,
    locations: IdIndex,
    resources: IdIndex,
    units: IdIndex,
    events: IdIndex,
    /// Parent position of each event (itself when it has none).
    pub root: Vec<u32>,
    /// The event's own location position.
    pub own_location: Vec<Option<u32>>,
    /// Children of each shoot day.
    pub children: HashMap<u32, Vec<u32>>,
    pub commitments: Vec<Vec<Span>>,
    pub occupancy: Vec<Vec<Span>>,
    pub bookings: Vec<Vec<Booking>>,
    pub travel: HashMap<(u32, u32), u32>,
    pub rules: RuleBook,
}

pub(crate) fn secs(t: Timestamp) -> i64 {
    t.timestamp()
}

pub(crate) fn instant(s: i64) -> Timestamp {
    chrono::DateTime::from_timestamp(s, 0).unwrap_or_default()
}

/// Positions of items by id, without copying the ids: the table holds
/// positions and compares against the items themselves.
#[derive(Debug, Default)]
pub(crate) struct IdIndex {
    table: hashbrown::HashTable<u32>,
}

fn hash_id(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

impl IdIndex {
    fn build<T>(items: &[T], id: impl Fn(&T) -> &str) -> Self {
        let mut table = hashbrown::HashTable::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let key = id(item);
            let hash = hash_id(key);
            // The first of duplicate ids wins (validation reports the rest).
            if table
                .find(hash, |&j: &u32| id(&items[j as usize]) == key)
                .is_none()
            {
                table.insert_unique(hash, i as u32, |&j: &u32| hash_id(id(&items[j as usize])));
            }
        }
        Self { table }
    }

    fn get<T>(&self, items: &[T], id: impl Fn(&T) -> &str, key: &str) -> Option<u32> {
        self.table
            .find(hash_id(key), |&j| {
                items.get(j as usize).is_some_and(|x| id(x) == key)
            })
            .copied()
    }
}

/// A candidate event for an incremental check, with its references resolved.
#[derive(Debug)]
pub(crate) struct Candidate<'e> {
    pub event: &'e Event,
    /// Its position: the event it replaces, or [`NEW_EVENT`].
    pub ix: u32,
    pub root: u32,
    pub own_location: Option<u32>,
}

/// The production as the checks see it: the indexed events, with a candidate
/// event added or replacing one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'c, 'a> {
    pub ctx: &'c Context<'a>,
    pub candidate: Option<&'c Candidate<'c>>,
}

impl<'c, 'a> View<'c, 'a> {
    pub fn event(&self, ev: u32) -> &'c Event {
        match self.candidate {
            Some(c) if c.ix == ev => c.event,
            _ => &self.ctx.production().events[ev as usize],
        }
    }

    pub fn root(&self, ev: u32) -> u32 {
        match self.candidate {
            Some(c) if c.ix == ev => c.root,
            _ => self.ctx.root[ev as usize],
        }
    }

    fn own_location(&self, ev: u32) -> Option<u32> {
        match self.candidate {
            Some(c) if c.ix == ev => c.own_location,
            _ => self.ctx.own_location[ev as usize],
        }
    }

    /// The event's location, or its parent's.
    pub fn location(&self, ev: u32) -> Option<u32> {
        self.own_location(ev).or_else(|| {
            let root = self.root(ev);
            if root == ev {
                None
            } else {
                self.own_location(root)
            }
        })
    }

    /// The zone local times of the event are shown in.
    pub fn zone(&self, ev: u32) -> IanaZone {
        let p = self.ctx.production();
        self.location(ev)
            .map_or(p.zone, |l| p.locations[l as usize].zone)
    }

    /// Whether one event is the other's parent (or they are the same event).
    pub fn related(&self, a: u32, b: u32) -> bool {
        a == b || self.root(a) == b || self.root(b) == a
    }

    /// The engine's order of spans: by start, end, then event id (never by
    /// position in the file, so that output does not depend on event order).
    pub fn order(
        &self,
        a_start: i64,
        a_end: i64,
        a: u32,
        b_start: i64,
        b_end: i64,
        b: u32,
    ) -> std::cmp::Ordering {
        (a_start, a_end)
            .cmp(&(b_start, b_end))
            .then_with(|| self.event(a).id.cmp(&self.event(b).id))
    }

    /// `title (id)`, or just the id.
    pub fn label(&self, ev: u32) -> String {
        let e = self.event(ev);
        if e.title.is_empty() {
            e.id.to_string()
        } else {
            format!("{} ({})", e.title, e.id)
        }
    }
}

impl Context<'static> {
    pub fn build(production: Production) -> Self {
        Self::build_arc(Arc::new(production))
    }

    pub fn build_arc(production: Arc<Production>) -> Self {
        let mut ctx = Context::empty(Store::Owned(production));
        ctx.fill();
        ctx
    }
}

impl<'a> Context<'a> {
    pub fn build_borrowed(production: &'a Production) -> Self {
        let mut ctx = Context::empty(Store::Borrowed(production));
        ctx.fill();
        ctx
    }

    /// The id indexes, parents, locations and travel table, without the
    /// per-subject lists: enough for lookups and travel times.
    pub fn build_indexes(production: &'a Production) -> Self {
        let mut ctx = Context::empty(Store::Borrowed(production));
        ctx.fill_indexes();
        ctx
    }

    fn empty(store: Store<'a>) -> Self {
        Self {
            store,
            people: IdIndex::default(),
            locations: IdIndex::default(),
            resources: IdIndex::default(),
            units: IdIndex::default(),
            events: IdIndex::default(),
            root: Vec::new(),
            own_location: Vec::new(),
            children: HashMap::default(),
            commitments: Vec::new(),
            occupancy: Vec::new(),
            bookings: Vec::new(),
            travel: HashMap::default(),
            rules: RuleBook::new(&[]),
        }
    }

    pub fn production(&self) -> &Production {
        match &self.store {
            Store::Owned(p) => p,
            Store::Borrowed(p) => p,
        }
    }

    /// Position of the person with this id.
    pub fn person_ix(&self, id: &str) -> Option<u32> {
        self.people
            .get(&self.production().people, |x| x.id.as_str(), id)
    }

    /// Position of the location with this id.
    pub fn location_ix(&self, id: &str) -> Option<u32> {
        self.locations
            .get(&self.production().locations, |x| x.id.as_str(), id)
    }

    /// Position of the resource with this id.
    pub fn resource_ix(&self, id: &str) -> Option<u32> {
        self.resources
            .get(&self.production().resources, |x| x.id.as_str(), id)
    }

    /// Position of the unit with this id.
    pub fn unit_ix(&self, id: &str) -> Option<u32> {
        self.units
            .get(&self.production().units, |x| x.id.as_str(), id)
    }

    /// Position of the event with this id.
    pub fn event_ix(&self, id: &str) -> Option<u32> {
        self.events
            .get(&self.production().events, |x| x.id.as_str(), id)
    }

    pub fn view(&self) -> View<'_, 'a> {
        View {
            ctx: self,
            candidate: None,
        }
    }

    fn fill(&mut self) {
        self.fill_indexes();
        self.fill_lists();
    }

    fn fill_indexes(&mut self) {
        let (people, locations, resources, units, events, rules, travel) = {
            let p = self.production();
            let mut travel = HashMap::default();
            let loc = IdIndex::build(&p.locations, |l| l.id.as_str());
            let lookup = |id: &str| loc.get(&p.locations, |l| l.id.as_str(), id);
            for t in &p.travel_times {
                if let (Some(a), Some(b)) = (lookup(t.from.as_str()), lookup(t.to.as_str())) {
                    travel.insert((a.min(b), a.max(b)), t.minutes);
                }
            }
            (
                IdIndex::build(&p.people, |x| x.id.as_str()),
                loc,
                IdIndex::build(&p.resources, |x| x.id.as_str()),
                IdIndex::build(&p.units, |x| x.id.as_str()),
                IdIndex::build(&p.events, |x| x.id.as_str()),
                RuleBook::new(&p.rule_packs),
                travel,
            )
        };
        self.people = people;
        self.locations = locations;
        self.resources = resources;
        self.units = units;
        self.events = events;
        self.rules = rules;
        self.travel = travel;

        let n = self.production().events.len();
        let mut root = Vec::with_capacity(n);
        let mut own_location = Vec::with_capacity(n);
        let mut children: HashMap<u32, Vec<u32>> = HashMap::default();
        for (i, e) in self.production().events.iter().enumerate() {
            let parent = e.parent.as_ref().and_then(|p| self.event_ix(p.as_str()));
            let r = match parent {
                Some(p) if p as usize != i => {
                    children.entry(p).or_default().push(i as u32);
                    p
                }
                _ => i as u32,
            };
            root.push(r);
            own_location.push(
                e.location
                    .as_ref()
                    .and_then(|l| self.location_ix(l.as_str())),
            );
        }
        self.root = root;
        self.own_location = own_location;
        self.children = children;
    }

    fn fill_lists(&mut self) {
        let n = self.production().events.len();
        let p = self.production();
        let mut commitments = vec![Vec::new(); p.people.len()];
        let mut occupancy = vec![Vec::new(); p.locations.len()];
        let mut bookings = vec![Vec::new(); p.resources.len()];
        let view = View {
            ctx: self,
            candidate: None,
        };
        for i in 0..n as u32 {
            view.add_spans(i, &mut |kind, subject, span| match kind {
                Kind::Person => commitments[subject as usize].push(span),
                Kind::Location => occupancy[subject as usize].push(span),
            });
        }
        for i in 0..n as u32 {
            view.add_bookings(i, &mut |r, b| bookings[r as usize].push(b));
        }
        commitments
            .par_iter_mut()
            .chain(occupancy.par_iter_mut())
            .for_each(|list| {
                list.sort_unstable_by(|a, b| {
                    view.order(a.start, a.end, a.ev, b.start, b.end, b.ev)
                });
            });
        bookings.par_iter_mut().for_each(|list| {
            list.sort_unstable_by(|a, b| view.order(a.start, a.end, a.ev, b.start, b.end, b.ev));
        });
        self.commitments = commitments;
        self.occupancy = occupancy;
        self.bookings = bookings;
    }

    /// Every conflict of the production (subjects are checked in parallel).
    pub fn all_conflicts(&self) -> Vec<Conflict> {
        let view = self.view();
        let people =
            self.commitments
                .par_iter()
                .enumerate()
                .fold(Vec::new, |mut out, (person, list)| {
                    super::people::check(view, person as u32, list, &mut out);
                    super::labor::check(view, person as u32, list, &mut out);
                    out
                });
        let places =
            self.occupancy
                .par_iter()
                .enumerate()
                .fold(Vec::new, |mut out, (location, list)| {
                    super::places::check(view, location as u32, list, &mut out);
                    out
                });
        let resources =
            self.bookings
                .par_iter()
                .enumerate()
                .fold(Vec::new, |mut out, (resource, list)| {
                    super::resources::check(view, resource as u32, list, &mut out);
                    out
                });
        let mut out: Vec<Conflict> =
            people
                .chain(places)
                .chain(resources)
                .reduce(Vec::new, |mut a, b| {
                    a.extend(b);
                    a
                });
        out.par_sort_unstable_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out
    }

    fn resolve<'e>(&self, event: &'e Event) -> Result<Candidate<'e>, ScheduleError> {
        let invalid = |path: String, message: String| ScheduleError::InvalidEvent { path, message };
        if event.id.as_str().trim().is_empty() {
            return Err(invalid("event.id".into(), "id must not be empty".into()));
        }
        if event.end <= event.start {
            return Err(invalid(
                "event".into(),
                format!("ends ({}) before it starts ({})", event.end, event.start),
            ));
        }
        let own_location = match &event.location {
            None => None,
            Some(l) => Some(self.location_ix(l.as_str()).ok_or_else(|| {
                invalid(
                    "event.location".into(),
                    format!("unknown location {:?}", l.as_str()),
                )
            })?),
        };
        if let Some(u) = &event.unit {
            if self.unit_ix(u.as_str()).is_none() {
                return Err(invalid(
                    "event.unit".into(),
                    format!("unknown unit {:?}", u.as_str()),
                ));
            }
        }
        let ix = self.event_ix(event.id.as_str()).unwrap_or(NEW_EVENT);
        let root = match &event.parent {
            None => ix,
            Some(parent) => {
                let p = self.event_ix(parent.as_str()).ok_or_else(|| {
                    invalid(
                        "event.parent".into(),
                        format!("unknown event {:?}", parent.as_str()),
                    )
                })?;
                let parent_event = &self.production().events[p as usize];
                if p == ix
                    || parent_event.kind != EventKind::ShootDay
                    || event.kind == EventKind::ShootDay
                {
                    return Err(invalid(
                        "event.parent".into(),
                        format!(
                            "{:?} cannot be this event's parent: a parent must be another shoot day's id, and shoot days have none",
                            parent.as_str()
                        ),
                    ));
                }
                p
            }
        };
        let mut seen = std::collections::HashSet::new();
        for (a, att) in event.attendees.iter().enumerate() {
            if self.person_ix(att.person.as_str()).is_none() {
                return Err(invalid(
                    format!("event.attendees[{a}].person"),
                    format!("unknown person {:?}", att.person.as_str()),
                ));
            }
            if !seen.insert(att.person.as_str()) {
                return Err(invalid(
                    format!("event.attendees[{a}].person"),
                    format!("{:?} is listed twice", att.person.as_str()),
                ));
            }
            if att.release(event) <= att.report(event) {
                return Err(invalid(
                    format!("event.attendees[{a}].dismissal"),
                    "dismissal is not after call".into(),
                ));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (b, booking) in event.resources.iter().enumerate() {
            if self.resource_ix(booking.resource.as_str()).is_none() {
                return Err(invalid(
                    format!("event.resources[{b}].resource"),
                    format!("unknown resource {:?}", booking.resource.as_str()),
                ));
            }
            if booking.quantity == 0 {
                return Err(invalid(
                    format!("event.resources[{b}].quantity"),
                    "must be at least 1".into(),
                ));
            }
            if !seen.insert(booking.resource.as_str()) {
                return Err(invalid(
                    format!("event.resources[{b}].resource"),
                    format!("{:?} is listed twice", booking.resource.as_str()),
                ));
            }
        }
        Ok(Candidate {
            event,
            ix,
            root,
            own_location,
        })
    }

    /// Conflicts involving `event`, as if it were added to (or moved within)
    /// the production: only the subjects it touches are rechecked.
    pub fn check_event(&self, event: &Event) -> Result<Vec<Conflict>, ScheduleError> {
        let candidate = self.resolve(event)?;
        let view = View {
            ctx: self,
            candidate: Some(&candidate),
        };
        let cix = candidate.ix;
        let mut out = Vec::new();
        if event.status == BookingStatus::Cancelled {
            return Ok(out);
        }
        // The candidate's spans per subject.
        let mut people: Vec<(u32, Span)> = Vec::new();
        let mut places: Vec<(u32, Span)> = Vec::new();
        view.add_spans(cix, &mut |kind, subject, span| match kind {
            Kind::Person => people.push((subject, span)),
            Kind::Location => places.push((subject, span)),
        });
        for (person, span) in people {
            let list = with_span(view, &self.commitments[person as usize], cix, span);
            let mut found = Vec::new();
            super::people::check(view, person, &list, &mut found);
            super::labor::check(view, person, &list, &mut found);
            out.extend(found.into_iter().filter(|c| c.involves(&event.id)));
        }
        // Locations: whether a child occupies its location depends on its
        // parent's, so the candidate's and its children's spans are re-derived.
        let kids: &[u32] = self.children.get(&cix).map_or(&[], Vec::as_slice);
        let mut derived: Vec<(u32, Span)> = places;
        for &kid in kids {
            view.add_spans(kid, &mut |kind, subject, span| {
                if let Kind::Location = kind {
                    derived.push((subject, span));
                }
            });
        }
        let mut locations: Vec<u32> = derived.iter().map(|(l, _)| *l).collect();
        locations.sort_unstable();
        locations.dedup();
        for location in locations {
            let mut list: Vec<Span> = self.occupancy[location as usize]
                .iter()
                .filter(|s| s.ev != cix && !kids.contains(&s.ev))
                .copied()
                .collect();
            list.extend(
                derived
                    .iter()
                    .filter(|(l, _)| *l == location)
                    .map(|(_, s)| *s),
            );
            list.sort_unstable_by(|a, b| view.order(a.start, a.end, a.ev, b.start, b.end, b.ev));
            let mut found = Vec::new();
            super::places::check(view, location, &list, &mut found);
            out.extend(found.into_iter().filter(|c| c.involves(&event.id)));
        }
        // Resources: the candidate's and its children's bookings are re-derived
        // (a parent's booking covers its children's).
        let mut touched: Vec<u32> = event
            .resources
            .iter()
            .filter_map(|b| self.resource_ix(b.resource.as_str()))
            .collect();
        touched.sort_unstable();
        touched.dedup();
        let kids: &[u32] = self.children.get(&cix).map_or(&[], Vec::as_slice);
        for resource in touched {
            let mut list: Vec<Booking> = self.bookings[resource as usize]
                .iter()
                .filter(|b| b.ev != cix && !kids.contains(&b.ev))
                .copied()
                .collect();
            for ev in std::iter::once(cix).chain(kids.iter().copied()) {
                view.add_bookings(ev, &mut |r, b| {
                    if r == resource {
                        list.push(b);
                    }
                });
            }
            list.sort_unstable_by(|a, b| view.order(a.start, a.end, a.ev, b.start, b.end, b.ev));
            let mut found = Vec::new();
            super::resources::check(view, resource, &list, &mut found);
            out.extend(found.into_iter().filter(|c| c.involves(&event.id)));
        }
        sort_conflicts(&mut out);
        Ok(out)
    }
}

/// `list` without `ev`'s span, with `span` inserted in order.
fn with_span(view: View<'_, '_>, list: &[Span], ev: u32, span: Span) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(list.len() + 1);
    out.extend(list.iter().filter(|s| s.ev != ev).copied());
    let at = out.partition_point(|s| {
        view.order(s.start, s.end, s.ev, span.start, span.end, span.ev)
            .is_lt()
    });
    out.insert(at, span);
    out
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Person,
    Location,
}

impl View<'_, '_> {
    /// The spans an event contributes: one per attendee, and one for its
    /// location unless it inherits its parent's (a scene at the day's location).
    pub fn add_spans(&self, ev: u32, sink: &mut impl FnMut(Kind, u32, Span)) {
        let e = self.event(ev);
        if e.status == BookingStatus::Cancelled {
            return;
        }
        let confirmed = e.status == BookingStatus::Confirmed;
        for att in &e.attendees {
            if let Some(person) = self.ctx.person_ix(att.person.as_str()) {
                let (start, end) = (secs(att.report(e)), secs(att.release(e)));
                if end > start {
                    sink(
                        Kind::Person,
                        person,
                        Span {
                            start,
                            end,
                            ev,
                            confirmed,
                        },
                    );
                }
            }
        }
        if let Some(location) = self.own_location(ev) {
            let root = self.root(ev);
            // A scene at its day's location is part of the day, unless the
            // day is cancelled (then the scene occupies the location itself).
            let inherits = root != ev
                && self.own_location(root) == Some(location)
                && self.event(root).status != BookingStatus::Cancelled;
            if !inherits && secs(e.end) > secs(e.start) {
                sink(
                    Kind::Location,
                    location,
                    Span {
                        start: secs(e.start),
                        end: secs(e.end),
                        ev,
                        confirmed,
                    },
                );
            }
        }
    }

    /// The resource bookings an event contributes. A child's booking of a
    /// resource its parent also books is covered by the parent's, except for
    /// any quantity beyond the parent's.
    pub fn add_bookings(&self, ev: u32, sink: &mut impl FnMut(u32, Booking)) {
        let e = self.event(ev);
        if e.status == BookingStatus::Cancelled {
            return;
        }
        let p = self.ctx.production();
        let root = self.root(ev);
        let parent = (root != ev).then(|| self.event(root));
        for b in &e.resources {
            let Some(r) = self.ctx.resource_ix(b.resource.as_str()) else {
                continue;
            };
            if let Some(booking) = booking(ev, e, parent, b, &p.resources[r as usize]) {
                sink(r, booking);
            }
        }
    }
}

/// What one of an event's resource bookings occupies: the units beyond what
/// its (non-cancelled) parent books of the same resource, over the
/// operational window (prep before, return after). `None` for a cancelled
/// event, or when the parent's booking covers it.
fn booking(
    ev: u32,
    e: &Event,
    parent: Option<&Event>,
    booking: &ResourceBooking,
    resource: &Resource,
) -> Option<Booking> {
    if e.status == BookingStatus::Cancelled {
        return None;
    }
    let covered = parent
        .filter(|p| p.status != BookingStatus::Cancelled)
        .and_then(|p| p.resources.iter().find(|b| b.resource == booking.resource))
        .map_or(0, |b| b.quantity);
    let quantity = booking.quantity.saturating_sub(covered);
    (quantity > 0).then(|| Booking {
        start: secs(e.start) - i64::from(resource.prep_minutes) * 60,
        end: secs(e.end) + i64::from(resource.return_minutes) * 60,
        ev,
        quantity,
        confirmed: e.status == BookingStatus::Confirmed,
    })
}

/// The bookings of some resources (positions in the production), each list
/// sorted in the engine's order: the lists the full index holds for them,
/// found in one pass over the events without building the index (parents
/// are looked up only for the events that book one of these resources).
/// With duplicate event ids, which validation refuses, a scene's parent may
/// resolve to a different one of the duplicates than in the index.
pub(crate) fn bookings_of(production: &Production, resources: &[u32]) -> Vec<Vec<Booking>> {
    let p = production;
    let mut out = vec![Vec::new(); resources.len()];
    // A resource id resolves to the first resource with it, as in the index.
    let mut wanted: HashMap<&str, usize> = HashMap::default();
    for (slot, &r) in resources.iter().enumerate() {
        let Some(resource) = p.resources.get(r as usize) else {
            continue;
        };
        let id = resource.id.as_str();
        if p.resources.iter().position(|x| x.id.as_str() == id) == Some(r as usize) {
            wanted.entry(id).or_insert(slot);
        }
    }
    if wanted.is_empty() {
        return out;
    }
    // (event, booking, slot) of every booking of a wanted resource.
    let mut found: Vec<(u32, usize, usize)> = Vec::new();
    let mut parents: HashMap<&str, Option<u32>> = HashMap::default();
    for (i, e) in p.events.iter().enumerate() {
        for (k, b) in e.resources.iter().enumerate() {
            if let Some(&slot) = wanted.get(b.resource.as_str()) {
                found.push((i as u32, k, slot));
                if let Some(parent) = &e.parent {
                    parents.insert(parent.as_str(), None);
                }
            }
        }
    }
    // The first event with each parent id, as in the index. Parents are
    // shoot days (validation sees to it), so those are searched first: their
    // kind is read without touching every event's id.
    for shoot_days_only in [true, false] {
        if parents.values().all(Option::is_some) {
            break;
        }
        for (i, e) in p.events.iter().enumerate() {
            if shoot_days_only && e.kind != EventKind::ShootDay {
                continue;
            }
            if let Some(first @ None) = parents.get_mut(e.id.as_str()) {
                *first = Some(i as u32);
            }
        }
    }
    for (ev, k, slot) in found {
        let e = &p.events[ev as usize];
        let parent = e
            .parent
            .as_ref()
            .and_then(|id| parents.get(id.as_str()).copied().flatten())
            .filter(|&root| root != ev)
            .map(|root| &p.events[root as usize]);
        let r = &p.resources[resources[slot] as usize];
        if let Some(b) = booking(ev, e, parent, &e.resources[k], r) {
            out[slot].push(b);
        }
    }
    for list in &mut out {
        list.sort_unstable_by(|a, b| {
            (a.start, a.end, &p.events[a.ev as usize].id).cmp(&(
                b.start,
                b.end,
                &p.events[b.ev as usize].id,
            ))
        });
    }
    out
}

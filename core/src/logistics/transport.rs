//! Transport: the day's pickups grouped into vehicle runs, per-driver
//! pickup lists, and the movement list of travel days.
//!
//! ## Who needs a pickup
//!
//! Everyone attending a non-cancelled event of the day other than travel
//! and meals — an event belongs to the day its shoot day (its parent, or
//! itself) starts on, as a civil date in the production's zone, so a call
//! at 00:30 on a night shoot that started the evening before belongs to
//! that evening's day. A person's **call** is their first report of the day
//! ([`Attendance::report`](crate::Attendance::report): the earlier of their
//! makeup call and call); the **destination** is that event's location (or
//! its shoot day's). The **origin** is where they slept the night before:
//! their [`Lodging`] for the night starting the day before, else their
//! `home_base`. Drivers named in
//! [`Logistics::vehicles`](crate::logistics::Logistics::vehicles) drive,
//! and are never riders.
//!
//! People with no origin, no destination, or already at the destination
//! are listed in [`TransportPlan::no_pickup`]; people who need a pickup but
//! did not get one are in [`TransportPlan::unassigned`] with the reason.
//! Nobody is dropped silently.
//!
//! ## Times
//!
//! A rider's **latest pickup** is `call − travel time − buffer`, the travel
//! time coming from the production's travel table, else great-circle
//! distance at its travel speed (as for the conflict engine's travel
//! checks). A run picks up at one or more stops and drops everybody at one
//! destination, arriving exactly `buffer` minutes before the earliest call
//! among its riders; each stop's **pickup time** is worked back from that
//! arrival along the route (a later stop's pickup time is the earlier one
//! plus the drive plus [`TransportOptions::stop_minutes`] to load). So every
//! rider arrives at least `buffer` minutes before their call, and nobody
//! rides longer than needed to make the earliest call of the run. All
//! arithmetic is on UTC instants: local times (in each stop's zone) are
//! only for display, and are right across DST changes and midnight.
//!
//! ## Grouping (a deterministic greedy heuristic)
//!
//! Riders are taken by earliest `call − buffer` (then destination, origin
//! and person id). The first rider not yet placed seeds a run; riders for
//! the same destination whose `call − buffer` is at most
//! [`TransportOptions::max_wait_minutes`] later may join it — first those
//! from the seed's origin, then, while seats and
//! [`TransportOptions::max_stops`] allow, those from other origins that lie
//! on the way: the origin whose cheapest insertion into the route adds the
//! least time is added, if no rider's ride then exceeds their direct travel
//! time by more than [`TransportOptions::max_detour_minutes`]. Each vehicle
//! builds the run its own seats allow; the run goes to the vehicle that
//! carries the most riders, then adds the least driving, then has the
//! fewest seats, then comes first in the file.
//!
//! ## Vehicles
//!
//! Every unit of each resource of kind vehicle with at least two `seats` is
//! a vehicle; its passenger seats are `seats − 1` (the driver's seat is not
//! a passenger's). A vehicle is never on two runs at once: between runs it
//! must drive from the last drop-off to the next first stop (its
//! **deadhead**), and its day starts at its `home` location when it has
//! one. It is not used while the resource is unavailable, while its unit is
//! on one of the resource's own bookings (units as
//! [`assign_units`](super::assign_units) gives them), or while its driver is
//! unavailable. Its **driving time** — each run from first pickup to
//! drop-off plus the deadhead to it — stays within the driver's limit
//! ([`VehicleCrew::max_driving_minutes`], else
//! [`TransportOptions::max_driving_minutes`]); the drive back to base at the
//! end of the day is not counted, and only this day's runs are. Where a
//! deadhead's travel time is unknown the run is not given to that vehicle.
//!
//! ## Movement list
//!
//! Each attendee of each non-cancelled travel event starting on the date:
//! from their origin (as for pickups) to the event's location, else where
//! they sleep that night ([`Lodging`]), with departure and arrival in UTC
//! and in each end's zone, and the event's and attendee's notes (flight
//! numbers, times). Ground transfers to airports are not planned.

use chrono::{NaiveDate, NaiveDateTime};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::LogisticsError;
use super::equipment::unit_sweep;
use crate::comms::call_sheet_time;
use crate::model::{
    BookingStatus, EventId, EventKind, IanaZone, LocationId, PersonId, Production, Resource,
    ResourceId, ResourceKind, Timestamp,
};
use crate::schedule::context::{Context, View, bookings_of, instant, secs};

/// Who drives a vehicle, and for how long they may drive in a day.
///
/// Stored in [`Logistics::vehicles`](crate::logistics::Logistics::vehicles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehicleCrew {
    /// The vehicle: a resource of kind [`ResourceKind::Vehicle`].
    pub vehicle: ResourceId,
    /// Which unit of a pooled vehicle (quantity above 1), by its
    /// [label](crate::Resource::unit_label): serial number (plate) or `#k`.
    /// Omitted, the entry covers every unit without an entry of its own
    /// (and may name a driver only for a single vehicle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The driver, a person in the production (never a rider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<PersonId>,
    /// Most minutes the driver may drive in a day; overrides
    /// [`TransportOptions::max_driving_minutes`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_driving_minutes: Option<u32>,
}

/// Where a person sleeps on a night (the rooming engine's output, or known
/// arrangements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lodging {
    /// Who.
    pub person: PersonId,
    /// The night, by the date it starts (as for room blocks).
    pub night: NaiveDate,
    /// Where they sleep (a hotel's location).
    pub location: LocationId,
}

/// How [`plan_transport`] plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransportOptions {
    /// Minutes riders should arrive before their call (default 15).
    #[serde(default = "default_buffer")]
    pub buffer_minutes: u32,
    /// Where people sleep; people without an entry for the night before
    /// start from their `home_base`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lodging: Vec<Lodging>,
    /// Most minutes a rider may be delivered earlier than their own
    /// `call − buffer` to share a run (default 30).
    #[serde(default = "default_wait")]
    pub max_wait_minutes: u32,
    /// Most minutes a rider's ride may exceed their direct travel time to
    /// pick up others on the way (default 20).
    #[serde(default = "default_detour")]
    pub max_detour_minutes: u32,
    /// Most pickup stops in a run (default 3, at least 1).
    #[serde(default = "default_stops")]
    pub max_stops: u32,
    /// Minutes to load at each stop after the first (default 5).
    #[serde(default = "default_stop_minutes")]
    pub stop_minutes: u32,
    /// Most minutes a driver may drive in the day, unless their
    /// [`VehicleCrew`] entry says otherwise (default 600: the US 10-hour
    /// driving limit for passenger carriers); `None` for no limit.
    #[serde(default = "default_driving")]
    pub max_driving_minutes: Option<u32>,
}

fn default_buffer() -> u32 {
    15
}
fn default_wait() -> u32 {
    30
}
fn default_detour() -> u32 {
    20
}
fn default_stops() -> u32 {
    3
}
fn default_stop_minutes() -> u32 {
    5
}
fn default_driving() -> Option<u32> {
    Some(600)
}

impl Default for TransportOptions {
    fn default() -> Self {
        Self {
            buffer_minutes: default_buffer(),
            lodging: Vec::new(),
            max_wait_minutes: default_wait(),
            max_detour_minutes: default_detour(),
            max_stops: default_stops(),
            stop_minutes: default_stop_minutes(),
            max_driving_minutes: default_driving(),
        }
    }
}

/// Whether a stop picks riders up or drops them off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopKind {
    /// Riders board.
    Pickup,
    /// Everyone gets off (the run's destination).
    DropOff,
}

/// One stop of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stop {
    /// The run's number.
    pub run: u32,
    /// Pickup or drop-off.
    pub kind: StopKind,
    /// Where.
    pub location: LocationId,
    /// The location's zone, in which `local` and `clock` are given.
    pub zone: IanaZone,
    /// When: for a pickup, when the vehicle leaves with the riders aboard
    /// (tell them this time); for the drop-off, the arrival.
    pub at: Timestamp,
    /// `at` on the location's wall clock.
    pub local: NaiveDateTime,
    /// `at` as a call sheet prints it for the plan's date (`"05:15"`,
    /// `"24:45"` past midnight, `"23:40 (day before)"`; see
    /// [`call_sheet_time`]).
    pub clock: String,
    /// Who boards (pickup) or gets off (drop-off), by person id.
    pub people: Vec<PersonId>,
}

/// One rider on a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ride {
    /// Who.
    pub person: PersonId,
    /// The event they are called to.
    pub event: EventId,
    /// Their call (first report of the day).
    pub call: Timestamp,
    /// Where they are picked up.
    pub origin: LocationId,
    /// Their pickup time (the run's stop time at their origin).
    pub pickup: Timestamp,
    /// The latest they could leave by the direct route:
    /// `call − travel time − buffer` (never before `pickup`).
    pub latest_pickup: Timestamp,
    /// Minutes in the vehicle, pickup to drop-off.
    pub ride_minutes: u32,
}

/// A vehicle's trip from one or more pickups to one destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    /// Number, from 1, in order of departure.
    pub number: u32,
    /// The vehicle.
    pub vehicle: ResourceId,
    /// The vehicle's unit ([label](crate::Resource::unit_label)).
    pub unit: String,
    /// The driver, if one is named.
    pub driver: Option<PersonId>,
    /// Where everybody is dropped.
    pub destination: LocationId,
    /// First pickup.
    pub depart: Timestamp,
    /// Drop-off: `buffer` minutes before the earliest call of the run.
    pub arrive: Timestamp,
    /// Minutes of empty driving to the first stop, from the vehicle's base
    /// or previous drop-off (0 when it is not known where the vehicle is).
    pub deadhead_minutes: u32,
    /// The pickups in route order, then the drop-off.
    pub stops: Vec<Stop>,
    /// The riders, in pickup order (then person id).
    pub riders: Vec<Ride>,
}

/// A driver's pickup list: one vehicle's runs of the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DriverList {
    /// The driver, if one is named.
    pub driver: Option<PersonId>,
    /// The vehicle.
    pub vehicle: ResourceId,
    /// Its unit.
    pub unit: String,
    /// The runs' numbers, in time order.
    pub runs: Vec<u32>,
    /// Minutes of driving, deadheads included (the drive back to base at
    /// the end of the day excluded).
    pub driving_minutes: u32,
    /// Every stop of every run, in time order.
    pub stops: Vec<Stop>,
}

/// One person's journey on a travel day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Movement {
    /// Who.
    pub person: PersonId,
    /// The travel event.
    pub event: EventId,
    /// Its title.
    pub title: String,
    /// Where they start (their origin for the day), if known.
    pub from: Option<LocationId>,
    /// Where they go: the event's location, else where they sleep that
    /// night, if known.
    pub to: Option<LocationId>,
    /// Departure (the event's start).
    pub depart: Timestamp,
    /// Departure on the wall clock of `from` (else the production's zone).
    pub depart_local: NaiveDateTime,
    /// The zone of `depart_local`.
    pub depart_zone: IanaZone,
    /// Arrival (the event's end).
    pub arrive: Timestamp,
    /// Arrival on the wall clock of `to` (else the production's zone).
    pub arrive_local: NaiveDateTime,
    /// The zone of `arrive_local`.
    pub arrive_zone: IanaZone,
    /// The event's notes and the attendee's own, joined by `"; "`.
    pub notes: String,
}

/// Why a rider got no pickup although one is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnassignedReason {
    /// The travel time from their origin to the destination is unknown
    /// (not in the table, and a location lacks coordinates).
    NoTravelTime,
    /// The production has no vehicle with a passenger seat.
    NoSeats,
    /// No vehicle can take them in time: every one is busy, unavailable,
    /// out of driver's hours or cannot be known to get there.
    NoVehicleFree,
}

/// A rider who needs a pickup and did not get one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unassigned {
    /// Who.
    pub person: PersonId,
    /// The event they are called to.
    pub event: EventId,
    /// Their call.
    pub call: Timestamp,
    /// Where they start.
    pub origin: LocationId,
    /// Where they are going.
    pub destination: LocationId,
    /// Why no run takes them.
    pub reason: UnassignedReason,
}

/// Why a person called that day gets no pickup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoPickupReason {
    /// No lodging for the night before and no home base: where they start
    /// is unknown.
    UnknownOrigin,
    /// Their event (and its shoot day) has no location.
    UnknownDestination,
    /// They start where they are called (they sleep on location).
    AlreadyThere,
}

/// A person called that day who gets no pickup, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoPickup {
    /// Who.
    pub person: PersonId,
    /// The event they are called to.
    pub event: EventId,
    /// Their call.
    pub call: Timestamp,
    /// Why.
    pub reason: NoPickupReason,
}

/// The day's transport: runs, per-driver lists, movements, and everyone
/// who did not get a pickup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransportPlan {
    /// The date planned (a civil date in the production's zone).
    pub date: NaiveDate,
    /// The buffer used, in minutes.
    pub buffer_minutes: u32,
    /// The runs, by departure (then vehicle and unit), numbered from 1.
    pub runs: Vec<Run>,
    /// One list per vehicle with runs, in vehicle (file) and unit order.
    pub driver_lists: Vec<DriverList>,
    /// The travel day's movements, by departure, event and person.
    pub movements: Vec<Movement>,
    /// Riders who need a pickup and did not get one, by call and person.
    pub unassigned: Vec<Unassigned>,
    /// People called that day who get no pickup, by call and person.
    pub no_pickup: Vec<NoPickup>,
}

impl TransportPlan {
    /// The run carrying `person`, if any.
    pub fn run_of(&self, person: &str) -> Option<&Run> {
        self.runs
            .iter()
            .find(|r| r.riders.iter().any(|x| x.person.as_str() == person))
    }

    /// The day's pickup list as plain text, the way a transport captain
    /// hands it out: each run with its vehicle, driver and stops (local
    /// clock, place, who), then people without a ride and why, then the
    /// travel movements. Names and place names come from `production`
    /// (ids are shown for anything it does not know).
    pub fn to_text(&self, production: &Production) -> String {
        use std::fmt::Write as _;
        let person = |id: &PersonId| {
            production
                .people
                .iter()
                .find(|p| p.id == *id)
                .map_or_else(|| id.as_str().to_owned(), |p| p.name.clone())
        };
        let place = |id: &LocationId| {
            production
                .locations
                .iter()
                .find(|l| l.id == *id)
                .map_or_else(|| id.as_str().to_owned(), |l| l.name.clone())
        };
        let mut out = format!(
            "== Transport {}: {} runs, {} riders, buffer {} min ==\n",
            self.date,
            self.runs.len(),
            self.runs.iter().map(|r| r.riders.len()).sum::<usize>(),
            self.buffer_minutes
        );
        for run in &self.runs {
            let driver = run
                .driver
                .as_ref()
                .map_or_else(|| "no driver named".to_owned(), &person);
            let _ = writeln!(
                out,
                "Run {} - {} {} ({driver}) to {}",
                run.number,
                run.vehicle.as_str(),
                run.unit,
                place(&run.destination)
            );
            for stop in &run.stops {
                let what = match stop.kind {
                    StopKind::Pickup => "pick up",
                    StopKind::DropOff => "drop at",
                };
                let who: Vec<String> = stop.people.iter().map(&person).collect();
                let _ = writeln!(
                    out,
                    "  {:>5}  {what} {}: {}",
                    stop.clock,
                    place(&stop.location),
                    who.join(", ")
                );
            }
        }
        // People without a ride, grouped by reason and origin.
        let mut groups: Vec<((UnassignedReason, &LocationId), Vec<String>)> = Vec::new();
        for u in &self.unassigned {
            let key = (u.reason, &u.origin);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, names)) => names.push(person(&u.person)),
                None => groups.push((key, vec![person(&u.person)])),
            }
        }
        for ((reason, origin), names) in groups {
            let reason = match reason {
                UnassignedReason::NoTravelTime => "no travel time known",
                UnassignedReason::NoSeats => "no seats",
                UnassignedReason::NoVehicleFree => "no vehicle free",
            };
            let _ = writeln!(
                out,
                "NO RIDE ({reason}) from {}: {} people: {}",
                place(origin),
                names.len(),
                names.join(", ")
            );
        }
        for m in &self.movements {
            let _ = writeln!(
                out,
                "MOVE  {} {} {} -> {} ({})",
                m.depart_local.format("%H:%M"),
                person(&m.person),
                m.from.as_ref().map_or_else(|| "?".to_owned(), &place),
                m.to.as_ref().map_or_else(|| "?".to_owned(), &place),
                m.title
            );
        }
        out
    }
}

/// Problems with the production's vehicle crews: the errors
/// [`plan_transport`] returns, and the problems validation reports.
pub(crate) fn crew_errors<'p>(
    production: &'p Production,
    resource: impl Fn(&str) -> Option<&'p Resource>,
    person_known: impl Fn(&str) -> bool,
) -> Vec<LogisticsError> {
    let invalid =
        |path: String, message: String| LogisticsError::InvalidProduction { path, message };
    let mut out = Vec::new();
    let mut units: HashMap<(&str, Option<&str>), usize> = HashMap::default();
    let mut drivers: HashMap<&str, usize> = HashMap::default();
    for (i, crew) in production.logistics.vehicles.iter().enumerate() {
        let path = format!("logistics.vehicles[{i}]");
        match resource(crew.vehicle.as_str()) {
            None => out.push(LogisticsError::UnknownResource {
                path: format!("{path}.vehicle"),
                id: crew.vehicle.to_string(),
            }),
            Some(r) if r.kind != ResourceKind::Vehicle => out.push(invalid(
                format!("{path}.vehicle"),
                format!(
                    "{:?} is not a vehicle (its kind is {})",
                    crew.vehicle.as_str(),
                    kind_name(r.kind)
                ),
            )),
            Some(r) => {
                if let Some(unit) = &crew.unit {
                    if r.unit_position(unit).is_none() {
                        out.push(invalid(
                            format!("{path}.unit"),
                            format!(
                                "vehicle {:?} has no unit {unit:?} (units are named by serial number, else #1 to #{})",
                                crew.vehicle.as_str(),
                                r.quantity
                            ),
                        ));
                    }
                } else if crew.driver.is_some() && r.quantity > 1 {
                    out.push(invalid(
                        format!("{path}.unit"),
                        format!(
                            "vehicle {:?} has {} units: name the one this driver drives",
                            crew.vehicle.as_str(),
                            r.quantity
                        ),
                    ));
                }
            }
        }
        let key = (crew.vehicle.as_str(), crew.unit.as_deref());
        if let Some(first) = units.get(&key) {
            out.push(invalid(
                path.clone(),
                format!("duplicate crew entry (first: logistics.vehicles[{first}])"),
            ));
        } else {
            units.insert(key, i);
        }
        if let Some(driver) = &crew.driver {
            if !person_known(driver.as_str()) {
                out.push(LogisticsError::UnknownPerson {
                    path: format!("{path}.driver"),
                    id: driver.to_string(),
                });
            } else if let Some(first) = drivers.get(driver.as_str()) {
                out.push(invalid(
                    format!("{path}.driver"),
                    format!(
                        "{:?} already drives logistics.vehicles[{first}]",
                        driver.as_str()
                    ),
                ));
            } else {
                drivers.insert(driver.as_str(), i);
            }
        }
        if crew.max_driving_minutes == Some(0) {
            out.push(invalid(
                format!("{path}.max_driving_minutes"),
                "must be at least 1".to_owned(),
            ));
        }
    }
    out
}

fn kind_name(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Equipment => "equipment",
        ResourceKind::Vehicle => "vehicle",
        ResourceKind::Stage => "stage",
        ResourceKind::Other => "other",
    }
}

/// Travel seconds between locations, from the conflict engine's lookup, cached.
struct Travel<'c, 'a> {
    view: View<'c, 'a>,
    cache: HashMap<(u32, u32), Option<i64>>,
}

impl Travel<'_, '_> {
    fn secs(&mut self, a: u32, b: u32) -> Option<i64> {
        if a == b {
            return Some(0);
        }
        let key = (a.min(b), a.max(b));
        if let Some(&known) = self.cache.get(&key) {
            return known;
        }
        let found = self.view.travel_seconds(key.0, key.1);
        self.cache.insert(key, found);
        found
    }

    /// Deadhead seconds between two possibly unknown positions: 0 when
    /// either is unknown, `None` when both are known and the time is not.
    fn deadhead(&mut self, from: Option<u32>, to: Option<u32>) -> Option<i64> {
        match (from, to) {
            (Some(a), Some(b)) => self.secs(a, b),
            _ => Some(0),
        }
    }
}

/// A rider's needs, positions into the production.
#[derive(Debug, Clone, Copy)]
struct Rider {
    person: u32,
    event: u32,
    call: i64,
    origin: u32,
    dest: u32,
    direct: i64,
    /// `call − buffer`: the latest arrival.
    deadline: i64,
}

/// Something that occupies a vehicle: a run, or a block (unavailability,
/// its own booking, its driver's absence).
#[derive(Debug, Clone, Copy)]
struct Item {
    start: i64,
    end: i64,
    /// Where it starts and ends (`None`: the vehicle stays where it is).
    from: Option<u32>,
    to: Option<u32>,
    /// The run's index, for runs.
    run: Option<usize>,
}

#[derive(Debug)]
struct Vehicle {
    resource: u32,
    label: String,
    seats: u32,
    driver: Option<u32>,
    max_driving: Option<i64>,
    home: Option<u32>,
    items: Vec<Item>,
    driving: i64,
}

impl Vehicle {
    /// Driving seconds of the day with `extra` added, or `None` when it
    /// does not fit (overlap, unknown deadhead, driver's hours).
    fn driving_with(&self, extra: Option<&Item>, travel: &mut Travel<'_, '_>) -> Option<i64> {
        let at = extra.map_or(self.items.len(), |x| {
            self.items
                .partition_point(|it| (it.start, it.end) <= (x.start, x.end))
        });
        let seq = self.items[..at]
            .iter()
            .chain(extra)
            .chain(self.items[at..].iter());
        let mut position = self.home;
        let mut free_at: Option<i64> = None;
        let mut previous_run = true;
        let mut driving = 0i64;
        for it in seq {
            let is_run = it.run.is_some();
            if is_run || previous_run {
                // A run needs a known deadhead; a block is somebody else's
                // trip, whose deadhead is taken as given when unknown.
                let dead = match travel.deadhead(position, it.from) {
                    Some(dead) => dead,
                    None if is_run => return None,
                    None => 0,
                };
                if free_at.is_some_and(|f| f + dead > it.start) {
                    return None;
                }
                if is_run {
                    driving += dead + (it.end - it.start);
                }
            }
            free_at = Some(free_at.map_or(it.end, |f| f.max(it.end)));
            position = it.to.or(position);
            previous_run = is_run;
        }
        if self.max_driving.is_some_and(|max| driving > max) {
            return None;
        }
        Some(driving)
    }
}

/// How a vehicle ranks for a run: most riders, least added driving, fewest
/// seats, first in order (position).
type Rank = (std::cmp::Reverse<usize>, i64, u32, usize);

/// A candidate run: riders (positions in the rider list) per stop.
#[derive(Debug, Clone)]
struct Group {
    stops: Vec<(u32, Vec<usize>)>,
    /// Pickup time at each stop.
    times: Vec<i64>,
    arrive: i64,
    dest: u32,
    count: usize,
}

/// Plans the day's transport (see [the module](self) for the rules): runs,
/// per-driver pickup lists, the movement list, and who gets no pickup.
///
/// # Errors
///
/// - [`LogisticsError::UnknownPerson`] / [`LogisticsError::UnknownLocation`]
///   for a lodging entry naming someone or somewhere not in the production
///   (`options.lodging[3].person`);
/// - [`LogisticsError::InvalidOptions`] for two lodging entries for the same
///   person and night, or `max_stops` of 0;
/// - [`LogisticsError::UnknownResource`], [`LogisticsError::UnknownPerson`]
///   or [`LogisticsError::InvalidProduction`] for a vehicle crew entry that
///   validation would refuse (`logistics.vehicles[0].vehicle`).
///
/// # Examples
///
/// A 06:00 call, a 35-minute drive from the hotel and a 10-minute buffer:
/// the van leaves the hotel at 05:15.
///
/// ```
/// use callsheet::logistics::plan_transport;
/// use callsheet::logistics::transport::{Lodging, TransportOptions};
/// use callsheet::{Attendance, Event, EventKind, Location, Person, PersonCategory, Production,
///     Resource, ResourceKind, TravelTime};
/// use chrono::NaiveDate;
///
/// let la: callsheet::IanaZone = "America/Los_Angeles".parse()?;
/// let mut p = Production::new("Night Diner", la, "USD".parse()?);
/// p.locations.push(Location::new("HOTEL", "Mission Inn", la));
/// p.locations.push(Location::new("SET", "Rosie's Diner", la));
/// p.travel_times.push(TravelTime { from: "HOTEL".into(), to: "SET".into(), minutes: 35 });
/// p.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
/// let mut van = Resource::new("VAN1", "Sprinter 1", ResourceKind::Vehicle, 1);
/// van.seats = Some(12);
/// p.resources.push(van);
/// // 06:00 PST on 2 March 2027 is 14:00 UTC.
/// let mut day = Event::new("D1", EventKind::ShootDay,
///     "2027-03-02T14:00:00Z".parse()?, "2027-03-03T02:00:00Z".parse()?);
/// day.location = Some("SET".into());
/// day.attendees.push(Attendance::new("P1"));
/// p.events.push(day);
///
/// let date = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
/// let mut options = TransportOptions::default();
/// options.buffer_minutes = 10;
/// options.lodging.push(Lodging { person: "P1".into(), night: date.pred_opt().unwrap(),
///     location: "HOTEL".into() });
/// let plan = plan_transport(&p, date, &options)?;
/// let pickup = &plan.runs[0].stops[0];
/// assert_eq!(pickup.clock, "05:15");
/// assert_eq!(pickup.at.to_rfc3339(), "2027-03-02T13:15:00+00:00");
/// assert_eq!(plan.runs[0].stops[1].clock, "05:50");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_transport(
    production: &Production,
    date: NaiveDate,
    options: &TransportOptions,
) -> Result<TransportPlan, LogisticsError> {
    let ctx = Context::build_indexes(production);
    if options.max_stops == 0 {
        return Err(LogisticsError::InvalidOptions {
            path: "options.max_stops".to_owned(),
            message: "must be at least 1".to_owned(),
        });
    }
    if let Some(err) = crew_errors(
        production,
        |id| {
            ctx.resource_ix(id)
                .map(|r| &production.resources[r as usize])
        },
        |id| ctx.person_ix(id).is_some(),
    )
    .into_iter()
    .next()
    {
        return Err(err);
    }
    let lodging = lodging_index(&ctx, options)?;
    let mut travel = Travel {
        view: ctx.view(),
        cache: HashMap::default(),
    };
    let origin_of = |person: u32, night: Option<NaiveDate>| -> Option<u32> {
        night
            .and_then(|n| lodging.get(&(person, n)).copied())
            .or_else(|| {
                production.people[person as usize]
                    .home_base
                    .as_ref()
                    .and_then(|l| ctx.location_ix(l.as_str()))
            })
    };
    let night_before = date.pred_opt();

    let drivers: Vec<u32> = production
        .logistics
        .vehicles
        .iter()
        .filter_map(|c| c.driver.as_ref())
        .filter_map(|d| ctx.person_ix(d.as_str()))
        .collect();

    // Each person's first report of the day, among the day's events.
    let buffer = i64::from(options.buffer_minutes) * 60;
    let view = ctx.view();
    let mut first: HashMap<u32, (i64, u32)> = HashMap::default();
    for (i, e) in production.events.iter().enumerate() {
        if e.status == BookingStatus::Cancelled
            || matches!(e.kind, EventKind::Travel | EventKind::Meal)
        {
            continue;
        }
        let root = &production.events[ctx.root[i] as usize];
        if production.zone.civil_date(root.start) != date {
            continue;
        }
        for att in &e.attendees {
            let Some(person) = ctx.person_ix(att.person.as_str()) else {
                continue;
            };
            if drivers.contains(&person) {
                continue;
            }
            let report = secs(att.report(e));
            let better = first
                .get(&person)
                .is_none_or(|&(r, ev)| (report, &e.id) < (r, &production.events[ev as usize].id));
            if better {
                first.insert(person, (report, i as u32));
            }
        }
    }
    let mut people: Vec<(u32, i64, u32)> = first.into_iter().map(|(p, (r, e))| (p, r, e)).collect();
    people.sort_unstable_by(|a, b| {
        production.people[a.0 as usize]
            .id
            .cmp(&production.people[b.0 as usize].id)
    });

    let mut riders: Vec<Rider> = Vec::new();
    let mut no_pickup: Vec<NoPickup> = Vec::new();
    let mut unassigned: Vec<Unassigned> = Vec::new();
    for (person, call, ev) in people {
        let p_id = &production.people[person as usize].id;
        let e_id = &production.events[ev as usize].id;
        let mut skip = |reason: NoPickupReason| {
            no_pickup.push(NoPickup {
                person: p_id.clone(),
                event: e_id.clone(),
                call: instant(call),
                reason,
            });
        };
        let Some(dest) = view.location(ev) else {
            skip(NoPickupReason::UnknownDestination);
            continue;
        };
        let Some(origin) = origin_of(person, night_before) else {
            skip(NoPickupReason::UnknownOrigin);
            continue;
        };
        if origin == dest {
            skip(NoPickupReason::AlreadyThere);
            continue;
        }
        let Some(direct) = travel.secs(origin, dest) else {
            unassigned.push(Unassigned {
                person: p_id.clone(),
                event: e_id.clone(),
                call: instant(call),
                origin: production.locations[origin as usize].id.clone(),
                destination: production.locations[dest as usize].id.clone(),
                reason: UnassignedReason::NoTravelTime,
            });
            continue;
        };
        riders.push(Rider {
            person,
            event: ev,
            call,
            origin,
            dest,
            direct,
            deadline: call - buffer,
        });
    }

    let mut vehicles = vehicles(
        &ctx,
        travel_window(&riders, options),
        riders.len(),
        options.max_driving_minutes,
    );
    let mut planner = Planner {
        production,
        options,
        riders: &riders,
        done: vec![false; riders.len()],
        by_dest: HashMap::default(),
    };
    let mut order: Vec<usize> = (0..riders.len()).collect();
    let key = |r: &Rider| {
        (
            r.deadline,
            &production.locations[r.dest as usize].id,
            &production.locations[r.origin as usize].id,
            &production.people[r.person as usize].id,
        )
    };
    order.sort_by(|&a, &b| key(&riders[a]).cmp(&key(&riders[b])));
    for &i in &order {
        planner.by_dest.entry(riders[i].dest).or_default().push(i);
    }
    let any_seats = !vehicles.is_empty();
    let mut groups: Vec<(usize, Group)> = Vec::new(); // (vehicle, group)
    for &seed in &order {
        if planner.done[seed] {
            continue;
        }
        let mut by_seats: HashMap<u32, Option<Group>> = HashMap::default();
        // (most riders, least added driving, fewest seats, first vehicle), driving
        let mut best: Option<(Rank, i64)> = None;
        for (v, vehicle) in vehicles.iter().enumerate() {
            let group = by_seats
                .entry(vehicle.seats)
                .or_insert_with(|| planner.group(seed, vehicle.seats, &mut travel));
            let Some(group) = group else {
                continue;
            };
            let item = Item {
                start: group.times[0],
                end: group.arrive,
                from: Some(group.stops[0].0),
                to: Some(group.dest),
                run: Some(usize::MAX),
            };
            let Some(driving) = vehicle.driving_with(Some(&item), &mut travel) else {
                continue;
            };
            let rank = (
                std::cmp::Reverse(group.count),
                driving - vehicle.driving,
                vehicle.seats,
                v,
            );
            if best.is_none_or(|b| rank < b.0) {
                best = Some((rank, driving));
            }
        }
        let chosen = best.and_then(|(rank, driving)| {
            let v = rank.3;
            let group = by_seats.remove(&vehicles[v].seats).flatten()?;
            Some((v, group, driving))
        });
        match chosen {
            Some((v, group, driving)) => {
                for (_, members) in &group.stops {
                    for &m in members {
                        planner.done[m] = true;
                    }
                }
                let vehicle = &mut vehicles[v];
                let item = Item {
                    start: group.times[0],
                    end: group.arrive,
                    from: Some(group.stops[0].0),
                    to: Some(group.dest),
                    run: Some(groups.len()),
                };
                let at = vehicle
                    .items
                    .partition_point(|it| (it.start, it.end) <= (item.start, item.end));
                vehicle.items.insert(at, item);
                vehicle.driving = driving;
                groups.push((v, group));
            }
            None => {
                planner.done[seed] = true;
                let r = &riders[seed];
                unassigned.push(Unassigned {
                    person: production.people[r.person as usize].id.clone(),
                    event: production.events[r.event as usize].id.clone(),
                    call: instant(r.call),
                    origin: production.locations[r.origin as usize].id.clone(),
                    destination: production.locations[r.dest as usize].id.clone(),
                    reason: if any_seats {
                        UnassignedReason::NoVehicleFree
                    } else {
                        UnassignedReason::NoSeats
                    },
                });
            }
        }
    }

    let (runs, driver_lists) =
        write_runs(production, date, &riders, &vehicles, groups, &mut travel);
    unassigned.sort_by(|a, b| (a.call, &a.person).cmp(&(b.call, &b.person)));
    no_pickup.sort_by(|a, b| (a.call, &a.person).cmp(&(b.call, &b.person)));
    let movements = movements(&ctx, date, &lodging, night_before, &origin_of);
    Ok(TransportPlan {
        date,
        buffer_minutes: options.buffer_minutes,
        runs,
        driver_lists,
        movements,
        unassigned,
        no_pickup,
    })
}

/// (person, night) → location, checked.
fn lodging_index(
    ctx: &Context<'_>,
    options: &TransportOptions,
) -> Result<HashMap<(u32, NaiveDate), u32>, LogisticsError> {
    let mut index: HashMap<(u32, NaiveDate), (u32, usize)> = HashMap::default();
    for (i, l) in options.lodging.iter().enumerate() {
        let person =
            ctx.person_ix(l.person.as_str())
                .ok_or_else(|| LogisticsError::UnknownPerson {
                    path: format!("options.lodging[{i}].person"),
                    id: l.person.to_string(),
                })?;
        let location = ctx.location_ix(l.location.as_str()).ok_or_else(|| {
            LogisticsError::UnknownLocation {
                path: format!("options.lodging[{i}].location"),
                id: l.location.to_string(),
            }
        })?;
        if let Some((_, first)) = index.get(&(person, l.night)) {
            return Err(LogisticsError::InvalidOptions {
                path: format!("options.lodging[{i}]"),
                message: format!(
                    "{:?} already has lodging for the night of {} (options.lodging[{first}])",
                    l.person.as_str(),
                    l.night
                ),
            });
        }
        index.insert((person, l.night), (location, i));
    }
    Ok(index.into_iter().map(|(k, (l, _))| (k, l)).collect())
}

/// The span the day's runs can occupy, widened by a day each side: vehicle
/// blocks outside it cannot touch a run.
fn travel_window(riders: &[Rider], options: &TransportOptions) -> (i64, i64) {
    let slack = i64::from(options.max_detour_minutes)
        + i64::from(options.stop_minutes) * i64::from(options.max_stops);
    let lo = riders
        .iter()
        .map(|r| r.deadline - r.direct - slack * 60)
        .min()
        .unwrap_or(0);
    let hi = riders.iter().map(|r| r.deadline).max().unwrap_or(0);
    (lo - 86_400, hi + 86_400)
}

/// Every vehicle unit with a passenger seat, in file and unit order, with
/// its crew and the blocks that keep it off the road.
fn vehicles(
    ctx: &Context<'_>,
    window: (i64, i64),
    riders: usize,
    default_limit: Option<u32>,
) -> Vec<Vehicle> {
    let p = ctx.production();
    let view = ctx.view();
    let mut out = Vec::new();
    let seats_of = |resource: &Resource| resource.seats.unwrap_or(0).saturating_sub(1);
    let usable: Vec<u32> = (0..p.resources.len() as u32)
        .filter(|&r| {
            let resource = &p.resources[r as usize];
            resource.kind == ResourceKind::Vehicle && seats_of(resource) > 0
        })
        .collect();
    // The vehicles' own bookings (a picture car, a scout), in one pass.
    let own = bookings_of(p, &usable);
    for (&r, mut list) in usable.iter().zip(own) {
        list.retain(|b| b.end > b.start);
        let resource = &p.resources[r as usize];
        let seats = seats_of(resource);
        let home = resource
            .home
            .as_ref()
            .and_then(|l| ctx.location_ix(l.as_str()));
        let overlaps = |s: i64, e: i64| s < window.1 && window.0 < e;
        let (units, _) = unit_sweep(resource, &list);
        // No plan needs more vehicles of one kind than there are riders.
        let count = (resource.quantity as usize).min(riders);
        for k in 0..count {
            let label = resource.unit_label(k);
            let crew = p
                .logistics
                .vehicles
                .iter()
                .find(|c| c.vehicle == resource.id && c.unit.as_deref() == Some(label.as_str()))
                .or_else(|| {
                    p.logistics
                        .vehicles
                        .iter()
                        .find(|c| c.vehicle == resource.id && c.unit.is_none())
                });
            let driver = crew
                .and_then(|c| c.driver.as_ref())
                .and_then(|d| ctx.person_ix(d.as_str()))
                .filter(|_| crew.is_some_and(|c| c.unit.is_some()) || resource.quantity == 1);
            let mut items: Vec<Item> = Vec::new();
            for w in &resource.unavailable {
                let (s, e) = (secs(w.start), secs(w.end));
                if e > s && overlaps(s, e) {
                    items.push(Item {
                        start: s,
                        end: e,
                        from: home,
                        to: home,
                        run: None,
                    });
                }
            }
            for (b, (given, _)) in list.iter().zip(&units) {
                if given.contains(&(k as u32)) && b.end > b.start && overlaps(b.start, b.end) {
                    let at = view.location(b.ev).or(home);
                    items.push(Item {
                        start: b.start,
                        end: b.end,
                        from: at,
                        to: at,
                        run: None,
                    });
                }
            }
            if let Some(d) = driver {
                for w in &p.people[d as usize].unavailable {
                    let (s, e) = (secs(w.start), secs(w.end));
                    if e > s && overlaps(s, e) {
                        items.push(Item {
                            start: s,
                            end: e,
                            from: None,
                            to: None,
                            run: None,
                        });
                    }
                }
            }
            items.sort_by_key(|it| (it.start, it.end));
            let limit = crew.and_then(|c| c.max_driving_minutes).or(default_limit);
            out.push(Vehicle {
                resource: r,
                label,
                seats,
                driver,
                max_driving: limit.map(|m| i64::from(m) * 60),
                home,
                items,
                driving: 0,
            });
        }
    }
    out
}

struct Planner<'p> {
    production: &'p Production,
    options: &'p TransportOptions,
    riders: &'p [Rider],
    done: Vec<bool>,
    /// Riders per destination, in planning order.
    by_dest: HashMap<u32, Vec<usize>>,
}

impl Planner<'_> {
    /// The run seeded by `seed` for a vehicle with `seats` passenger seats,
    /// or `None` when the route cannot be timed.
    fn group(&self, seed: usize, seats: u32, travel: &mut Travel<'_, '_>) -> Option<Group> {
        let s = self.riders[seed];
        let seats = seats as usize;
        let wait = i64::from(self.options.max_wait_minutes) * 60;
        let pool: Vec<usize> = self
            .by_dest
            .get(&s.dest)
            .map(|list| {
                list.iter()
                    .copied()
                    .filter(|&i| {
                        i != seed
                            && !self.done[i]
                            && self.riders[i].deadline >= s.deadline
                            && self.riders[i].deadline <= s.deadline + wait
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut taken = vec![false; pool.len()];
        // The route's pickup locations, and who boards at each.
        let mut route: Vec<u32> = vec![s.origin];
        let mut members: Vec<Vec<usize>> = vec![vec![seed]];
        let mut count = 1;
        for (k, &i) in pool.iter().enumerate() {
            if count >= seats {
                break;
            }
            if self.riders[i].origin == s.origin {
                members[0].push(i);
                taken[k] = true;
                count += 1;
            }
        }
        let mut trial: Vec<u32> = Vec::new();
        while count < seats && route.len() < self.options.max_stops as usize {
            // Origins not yet on the route, in pool order.
            let mut origins: Vec<u32> = Vec::new();
            for (k, &i) in pool.iter().enumerate() {
                let o = self.riders[i].origin;
                if !taken[k] && !origins.contains(&o) && !route.contains(&o) {
                    origins.push(o);
                }
            }
            let current = self.route_secs(&route, s.dest, travel)?;
            let mut best: Option<(i64, u32, usize)> = None;
            for &o in &origins {
                for at in 0..=route.len() {
                    trial.clear();
                    trial.extend_from_slice(&route[..at]);
                    trial.push(o);
                    trial.extend_from_slice(&route[at..]);
                    if !self.detours_ok(&trial, s.dest, travel) {
                        continue;
                    }
                    let Some(total) = self.route_secs(&trial, s.dest, travel) else {
                        continue;
                    };
                    let cost = total - current;
                    let tie = &self.production.locations[o as usize].id;
                    let better = best.is_none_or(|(c, bo, _)| {
                        (cost, tie) < (c, &self.production.locations[bo as usize].id)
                    });
                    if better {
                        best = Some((cost, o, at));
                    }
                }
            }
            let Some((_, o, at)) = best else {
                break;
            };
            route.insert(at, o);
            members.insert(at, Vec::new());
            for (k, &i) in pool.iter().enumerate() {
                if count >= seats {
                    break;
                }
                if !taken[k] && self.riders[i].origin == o {
                    members[at].push(i);
                    taken[k] = true;
                    count += 1;
                }
            }
        }
        // Pickup times, worked back from the arrival.
        let arrive = s.deadline;
        let stop = i64::from(self.options.stop_minutes) * 60;
        let mut times = vec![0i64; route.len()];
        let mut t = arrive - travel.secs(route[route.len() - 1], s.dest)?;
        for k in (0..route.len()).rev() {
            times[k] = t;
            if k > 0 {
                t -= travel.secs(route[k - 1], route[k])? + stop;
            }
        }
        Some(Group {
            stops: route.into_iter().zip(members).collect(),
            times,
            arrive,
            dest: s.dest,
            count,
        })
    }

    /// Seconds from the first pickup to the drop-off.
    fn route_secs(&self, route: &[u32], dest: u32, travel: &mut Travel<'_, '_>) -> Option<i64> {
        let stop = i64::from(self.options.stop_minutes) * 60;
        let mut total = travel.secs(*route.last()?, dest)?;
        for pair in route.windows(2) {
            total += travel.secs(pair[0], pair[1])? + stop;
        }
        Some(total)
    }

    /// Whether every stop's ride stays within the detour allowance of the
    /// direct trip (and every leg's time is known).
    fn detours_ok(&self, route: &[u32], dest: u32, travel: &mut Travel<'_, '_>) -> bool {
        let detour = i64::from(self.options.max_detour_minutes) * 60;
        let stop = i64::from(self.options.stop_minutes) * 60;
        let Some(mut ride) = route.last().and_then(|&l| travel.secs(l, dest)) else {
            return false;
        };
        for k in (0..route.len()).rev() {
            let Some(direct) = travel.secs(route[k], dest) else {
                return false;
            };
            if ride > direct + detour {
                return false;
            }
            if k > 0 {
                let Some(leg) = travel.secs(route[k - 1], route[k]) else {
                    return false;
                };
                ride += leg + stop;
            }
        }
        true
    }
}

fn local_time(zone: IanaZone, t: Timestamp) -> NaiveDateTime {
    zone.local(t).naive_local()
}

fn stop(
    production: &Production,
    date: NaiveDate,
    run: u32,
    kind: StopKind,
    location: u32,
    at: i64,
    people: Vec<PersonId>,
) -> Stop {
    let l = &production.locations[location as usize];
    let t = instant(at);
    Stop {
        run,
        kind,
        location: l.id.clone(),
        zone: l.zone,
        at: t,
        local: local_time(l.zone, t),
        clock: call_sheet_time(l.zone, date, t),
        people,
    }
}

fn minutes(seconds: i64) -> u32 {
    u32::try_from((seconds.max(0) + 59) / 60).unwrap_or(u32::MAX)
}

fn write_runs(
    production: &Production,
    date: NaiveDate,
    riders: &[Rider],
    vehicles: &[Vehicle],
    groups: Vec<(usize, Group)>,
    travel: &mut Travel<'_, '_>,
) -> (Vec<Run>, Vec<DriverList>) {
    // Runs by departure; `number[g]` is the run number of planned group `g`.
    let mut sorted: Vec<usize> = (0..groups.len()).collect();
    sorted.sort_by_key(|&g| (groups[g].1.times[0], groups[g].1.arrive, groups[g].0));
    let mut number = vec![0u32; groups.len()];
    for (n, &g) in sorted.iter().enumerate() {
        number[g] = n as u32 + 1;
    }
    let person_id = |i: usize| production.people[riders[i].person as usize].id.clone();
    let mut runs: Vec<Run> = Vec::with_capacity(groups.len());
    let mut of_vehicle: Vec<Vec<usize>> = vec![Vec::new(); vehicles.len()];
    for (n, &planned) in sorted.iter().enumerate() {
        let (v, g) = &groups[planned];
        let number = n as u32 + 1;
        let vehicle = &vehicles[*v];
        let mut stops = Vec::with_capacity(g.stops.len() + 1);
        let mut rides = Vec::new();
        let mut everyone = Vec::new();
        for ((location, members), &at) in g.stops.iter().zip(&g.times) {
            let mut members = members.clone();
            members.sort_by_key(|&i| person_id(i));
            for &i in &members {
                let r = &riders[i];
                rides.push(Ride {
                    person: person_id(i),
                    event: production.events[r.event as usize].id.clone(),
                    call: instant(r.call),
                    origin: production.locations[*location as usize].id.clone(),
                    pickup: instant(at),
                    latest_pickup: instant(r.deadline - r.direct),
                    ride_minutes: minutes(g.arrive - at),
                });
                everyone.push(person_id(i));
            }
            stops.push(stop(
                production,
                date,
                number,
                StopKind::Pickup,
                *location,
                at,
                members.iter().map(|&i| person_id(i)).collect(),
            ));
        }
        everyone.sort();
        stops.push(stop(
            production,
            date,
            number,
            StopKind::DropOff,
            g.dest,
            g.arrive,
            everyone,
        ));
        of_vehicle[*v].push(n);
        runs.push(Run {
            number,
            vehicle: production.resources[vehicle.resource as usize].id.clone(),
            unit: vehicle.label.clone(),
            driver: vehicle
                .driver
                .map(|d| production.people[d as usize].id.clone()),
            destination: production.locations[g.dest as usize].id.clone(),
            depart: instant(g.times[0]),
            arrive: instant(g.arrive),
            deadhead_minutes: 0,
            stops,
            riders: rides,
        });
    }
    // Deadheads: from the vehicle's base or previous drop-off.
    let mut lists = Vec::new();
    for (v, list) in of_vehicle.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let vehicle = &vehicles[v];
        let mut position = vehicle.home;
        for it in &vehicle.items {
            if let Some(g) = it.run {
                let n = number.get(g).map_or(usize::MAX, |&n| n as usize - 1);
                if let Some(run) = runs.get_mut(n) {
                    run.deadhead_minutes = minutes(travel.deadhead(position, it.from).unwrap_or(0));
                }
            }
            position = it.to.or(position);
        }
        lists.push(DriverList {
            driver: vehicle
                .driver
                .map(|d| production.people[d as usize].id.clone()),
            vehicle: production.resources[vehicle.resource as usize].id.clone(),
            unit: vehicle.label.clone(),
            runs: list.iter().map(|&n| runs[n].number).collect(),
            driving_minutes: minutes(vehicle.driving),
            stops: list
                .iter()
                .flat_map(|&n| runs[n].stops.iter().cloned())
                .collect(),
        });
    }
    (runs, lists)
}

fn movements(
    ctx: &Context<'_>,
    date: NaiveDate,
    lodging: &HashMap<(u32, NaiveDate), u32>,
    night_before: Option<NaiveDate>,
    origin_of: &dyn Fn(u32, Option<NaiveDate>) -> Option<u32>,
) -> Vec<Movement> {
    let p = ctx.production();
    let view = ctx.view();
    let mut out = Vec::new();
    for (i, e) in p.events.iter().enumerate() {
        if e.kind != EventKind::Travel
            || e.status == BookingStatus::Cancelled
            || p.zone.civil_date(e.start) != date
        {
            continue;
        }
        for att in &e.attendees {
            let Some(person) = ctx.person_ix(att.person.as_str()) else {
                continue;
            };
            let from = origin_of(person, night_before);
            let to = view
                .location(i as u32)
                .or_else(|| lodging.get(&(person, date)).copied());
            let zone_of = |l: Option<u32>| l.map_or(p.zone, |l| p.locations[l as usize].zone);
            let (dz, az) = (zone_of(from), zone_of(to));
            let notes: Vec<&str> = [e.notes.as_str(), att.note.as_str()]
                .into_iter()
                .filter(|n| !n.trim().is_empty())
                .collect();
            out.push(Movement {
                person: att.person.clone(),
                event: e.id.clone(),
                title: e.title.clone(),
                from: from.map(|l| p.locations[l as usize].id.clone()),
                to: to.map(|l| p.locations[l as usize].id.clone()),
                depart: att.report(e),
                depart_local: local_time(dz, att.report(e)),
                depart_zone: dz,
                arrive: att.release(e),
                arrive_local: local_time(az, att.release(e)),
                arrive_zone: az,
                notes: notes.join("; "),
            });
        }
    }
    out.sort_by(|a, b| (a.depart, &a.event, &a.person).cmp(&(b.depart, &b.event, &b.person)));
    out
}

//! Python views of the logistics engines: the day's transport plan, and
//! resource timelines and unit (serial number) assignments.
//!
//! Instants are timezone-aware UTC `datetime`s; `*_local` attributes are the
//! same instants on the wall clock of the place (a `datetime` with a
//! `zoneinfo.ZoneInfo`), and `clock` strings are what a call sheet prints
//! for the plan's date (`"05:15"`, `"24:45"` past midnight).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use callsheet::comms::call_sheet_time;
use callsheet::logistics::equipment::{self, BookingWindow as CoreBookingWindow, ShortfallReason};
use callsheet::logistics::transport::{self, TransportOptions};
use callsheet::{IanaZone, Timestamp};

use crate::comms::{civil_date, type_name};
use crate::errors::{invalid, logistics_error, pandas, run_detached};
use crate::model::label;
use crate::production::instant;

/// `{id: name}` of a list of people, locations or hotels, for the tables.
pub fn names_by_id<T>(items: &[T], pair: impl Fn(&T) -> (&str, &str)) -> HashMap<&str, &str> {
    items.iter().map(pair).collect()
}

fn ids<T: AsRef<str>>(list: &[T]) -> Vec<String> {
    list.iter().map(|x| x.as_ref().to_owned()).collect()
}

/// `Some("x")` as `"x"`, `None` as `None` (for `__repr__`).
fn opt_repr(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
}

fn local(zone: IanaZone, at: Timestamp) -> DateTime<Tz> {
    at.with_timezone(&zone.tz())
}

fn frame<'py>(
    py: Python<'py>,
    records: Bound<'py, PyList>,
    columns: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", columns.to_vec())?;
    pandas(py)?
        .getattr("DataFrame")?
        .call((records,), Some(&kwargs))
}

fn iterate<'py, T>(py: Python<'py>, items: Vec<T>) -> PyResult<Bound<'py, PyAny>>
where
    T: IntoPyObject<'py>,
{
    Ok(PyList::new(py, items)?.try_iter()?.into_any())
}

// ---------------------------------------------------------------- lodging

/// Where a person sleeps on a night: the night (by the date it starts) and
/// the location (a hotel's location). Pass a list of these, or of dicts
/// with the same keys, or of `(person, night, location)` tuples, as
/// `Production.plan_transport(lodging=...)`.
#[pyclass(
    frozen,
    get_all,
    eq,
    hash,
    from_py_object,
    module = "callsheet._callsheet"
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Lodging {
    /// Person id.
    pub person: String,
    /// The night, by the date it starts.
    pub night: NaiveDate,
    /// Location id of where they sleep.
    pub location: String,
}

#[pymethods]
impl Lodging {
    #[new]
    fn py_new(person: String, night: &Bound<'_, PyAny>, location: String) -> PyResult<Self> {
        Ok(Self {
            person,
            night: civil_date(night, "night")?,
            location,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Lodging(person={:?}, night=datetime.date({}), location={:?})",
            self.person,
            self.night.format("%Y, %-m, %-d"),
            self.location
        )
    }
}

/// One `lodging` item: a `Lodging`, a mapping or a 3-tuple.
fn lodging_item(item: &Bound<'_, PyAny>, i: usize) -> PyResult<transport::Lodging> {
    let path = |key: &str| format!("lodging[{i}].{key}");
    let (person, night, location) = if let Ok(l) = item.cast::<Lodging>() {
        let l = l.get();
        (l.person.clone(), l.night, l.location.clone())
    } else if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() != 3 {
            return Err(invalid(
                format!("lodging[{i}]"),
                format!(
                    "a tuple must be (person, night, location), got {} items",
                    t.len()
                ),
            ));
        }
        let person: String = t
            .get_item(0)?
            .extract()
            .map_err(|_| invalid(path("person"), "must be a person id (str)"))?;
        let night = civil_date(&t.get_item(1)?, &path("night"))?;
        let location: String = t
            .get_item(2)?
            .extract()
            .map_err(|_| invalid(path("location"), "must be a location id (str)"))?;
        (person, night, location)
    } else {
        let field = |key: &str| -> PyResult<Bound<'_, PyAny>> {
            match item.get_item(key) {
                Ok(value) => Ok(value),
                Err(err) if err.is_instance_of::<pyo3::exceptions::PyKeyError>(item.py()) => {
                    Err(invalid(path(key), "is required"))
                }
                Err(_) => Err(invalid(
                    format!("lodging[{i}]"),
                    format!(
                        "must be a Lodging, a mapping or a (person, night, location) tuple, got {}",
                        type_name(item)
                    ),
                )),
            }
        };
        let person: String = field("person")?
            .extract()
            .map_err(|_| invalid(path("person"), "must be a person id (str)"))?;
        let night = civil_date(&field("night")?, &path("night"))?;
        let location: String = field("location")?
            .extract()
            .map_err(|_| invalid(path("location"), "must be a location id (str)"))?;
        (person, night, location)
    };
    Ok(transport::Lodging {
        person: person.into(),
        night,
        location: location.into(),
    })
}

/// The options of `Production.plan_transport`, checked.
#[allow(clippy::too_many_arguments)]
pub fn transport_options(
    buffer_minutes: u32,
    lodging: Option<&Bound<'_, PyAny>>,
    max_wait_minutes: u32,
    max_detour_minutes: u32,
    max_stops: u32,
    stop_minutes: u32,
    max_driving_minutes: Option<u32>,
) -> PyResult<TransportOptions> {
    let mut options = TransportOptions {
        buffer_minutes,
        lodging: Vec::new(),
        max_wait_minutes,
        max_detour_minutes,
        max_stops,
        stop_minutes,
        max_driving_minutes,
    };
    if let Some(rooms) = lodging.and_then(|l| l.cast::<crate::rooming::RoomAllocation>().ok()) {
        options.lodging = rooms.get().lodging_records()?;
    } else if let Some(lodging) = lodging {
        let items = lodging.try_iter().map_err(|_| {
            invalid(
                "lodging",
                format!(
                    "must be a list of Lodging records, got {}",
                    type_name(lodging)
                ),
            )
        })?;
        for (i, item) in items.enumerate() {
            options.lodging.push(lodging_item(&item?, i)?);
        }
    }
    Ok(options)
}

// ---------------------------------------------------------------- transport

/// One stop of a run: a pickup, or the drop-off at the run's destination.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// The run's number.
    pub run: u32,
    /// `"pickup"` or `"drop_off"`.
    pub kind: String,
    /// Location id.
    pub location: String,
    /// The location's IANA zone.
    pub zone: String,
    /// When (UTC): for a pickup, when the vehicle leaves with the riders
    /// aboard; for the drop-off, the arrival.
    pub at: Timestamp,
    /// `at` on the location's wall clock.
    pub local: DateTime<Tz>,
    /// `at` as a call sheet prints it for the plan's date (`"05:15"`,
    /// `"24:45"` past midnight, `"23:40 (day before)"`).
    pub clock: String,
    /// Who boards (pickup) or gets off (drop-off), by person id.
    pub people: Vec<String>,
}

#[pymethods]
impl Stop {
    fn __repr__(&self) -> String {
        format!(
            "Stop(run={}, kind={:?}, location={:?}, clock={:?}, people={:?})",
            self.run, self.kind, self.location, self.clock, self.people
        )
    }
}

impl From<&transport::Stop> for Stop {
    fn from(s: &transport::Stop) -> Self {
        Self {
            run: s.run,
            kind: label(&s.kind),
            location: s.location.to_string(),
            zone: s.zone.name().to_owned(),
            at: s.at,
            local: local(s.zone, s.at),
            clock: s.clock.clone(),
            people: ids(&s.people),
        }
    }
}

fn stops(list: &[transport::Stop]) -> Vec<Stop> {
    list.iter().map(Stop::from).collect()
}

/// One rider on a run.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Ride {
    /// Person id.
    pub person: String,
    /// The event they are called to.
    pub event: String,
    /// Their call: their first report of the day (UTC).
    pub call: Timestamp,
    /// Where they are picked up (location id).
    pub origin: String,
    /// Their pickup time (UTC).
    pub pickup: Timestamp,
    /// The latest they could leave by the direct route (UTC).
    pub latest_pickup: Timestamp,
    /// Minutes in the vehicle, pickup to drop-off.
    pub ride_minutes: u32,
}

#[pymethods]
impl Ride {
    fn __repr__(&self) -> String {
        format!(
            "Ride(person={:?}, origin={:?}, pickup={}, ride_minutes={})",
            self.person,
            self.origin,
            self.pickup.to_rfc3339(),
            self.ride_minutes
        )
    }
}

impl From<&transport::Ride> for Ride {
    fn from(r: &transport::Ride) -> Self {
        Self {
            person: r.person.to_string(),
            event: r.event.to_string(),
            call: r.call,
            origin: r.origin.to_string(),
            pickup: r.pickup,
            latest_pickup: r.latest_pickup,
            ride_minutes: r.ride_minutes,
        }
    }
}

/// A vehicle's trip from one or more pickups to one destination.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Number, from 1, in order of departure.
    pub number: u32,
    /// The vehicle (resource id).
    pub vehicle: String,
    /// The vehicle's unit: its serial number (plate) or `"#k"`.
    pub unit: String,
    /// The driver's person id, if one is named.
    pub driver: Option<String>,
    /// Where everybody is dropped (location id).
    pub destination: String,
    /// First pickup (UTC).
    pub depart: Timestamp,
    /// Drop-off (UTC): `buffer_minutes` before the earliest call of the run.
    pub arrive: Timestamp,
    /// Minutes of empty driving to the first stop.
    pub deadhead_minutes: u32,
    /// The pickups in route order, then the drop-off.
    pub stops: Vec<Stop>,
    /// The riders, in pickup order.
    pub riders: Vec<Ride>,
}

#[pymethods]
impl Run {
    fn __repr__(&self) -> String {
        let first = self.stops.first().map_or("", |s| s.clock.as_str());
        format!(
            "Run(number={}, vehicle={:?}, unit={:?}, destination={:?}, depart={:?}, riders={})",
            self.number,
            self.vehicle,
            self.unit,
            self.destination,
            first,
            self.riders.len()
        )
    }

    fn __len__(&self) -> usize {
        self.riders.len()
    }
}

impl From<&transport::Run> for Run {
    fn from(r: &transport::Run) -> Self {
        Self {
            number: r.number,
            vehicle: r.vehicle.to_string(),
            unit: r.unit.clone(),
            driver: r.driver.as_ref().map(ToString::to_string),
            destination: r.destination.to_string(),
            depart: r.depart,
            arrive: r.arrive,
            deadhead_minutes: r.deadhead_minutes,
            stops: stops(&r.stops),
            riders: r.riders.iter().map(Ride::from).collect(),
        }
    }
}

/// A driver's pickup list: one vehicle's runs of the day.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct DriverList {
    /// The driver's person id, if one is named.
    pub driver: Option<String>,
    /// The vehicle (resource id).
    pub vehicle: String,
    /// Its unit.
    pub unit: String,
    /// The runs' numbers, in time order.
    pub runs: Vec<u32>,
    /// Minutes of driving, deadheads included (not the drive back to base).
    pub driving_minutes: u32,
    /// Every stop of every run, in time order.
    pub stops: Vec<Stop>,
}

#[pymethods]
impl DriverList {
    fn __repr__(&self) -> String {
        format!(
            "DriverList(driver={}, vehicle={:?}, unit={:?}, runs={:?}, driving_minutes={})",
            opt_repr(self.driver.as_deref()),
            self.vehicle,
            self.unit,
            self.runs,
            self.driving_minutes
        )
    }
}

/// One person's journey on a travel day.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Movement {
    /// Person id.
    pub person: String,
    /// The travel event.
    pub event: String,
    /// Its title.
    pub title: String,
    /// Where they start (location id), if known.
    pub origin: Option<String>,
    /// Where they go: the event's location, else where they sleep that
    /// night, if known.
    pub destination: Option<String>,
    /// Departure (UTC).
    pub depart: Timestamp,
    /// Departure on the wall clock where they start (else the production's zone).
    pub depart_local: DateTime<Tz>,
    /// Arrival (UTC).
    pub arrive: Timestamp,
    /// Arrival on the wall clock where they arrive (else the production's zone).
    pub arrive_local: DateTime<Tz>,
    /// The event's and the attendee's notes (flight numbers, times).
    pub notes: String,
}

#[pymethods]
impl Movement {
    fn __repr__(&self) -> String {
        format!(
            "Movement(person={:?}, event={:?}, origin={}, destination={}, depart={})",
            self.person,
            self.event,
            opt_repr(self.origin.as_deref()),
            opt_repr(self.destination.as_deref()),
            self.depart_local.to_rfc3339()
        )
    }
}

/// A rider who needs a pickup and did not get one.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Unassigned {
    /// Person id.
    pub person: String,
    /// The event they are called to.
    pub event: String,
    /// Their call (UTC).
    pub call: Timestamp,
    /// Where they start.
    pub origin: String,
    /// Where they are going.
    pub destination: String,
    /// `"no_travel_time"`, `"no_seats"` or `"no_vehicle_free"`.
    pub reason: String,
}

#[pymethods]
impl Unassigned {
    fn __repr__(&self) -> String {
        format!(
            "Unassigned(person={:?}, event={:?}, reason={:?})",
            self.person, self.event, self.reason
        )
    }
}

/// A person called that day who gets no pickup, and why.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct NoPickup {
    /// Person id.
    pub person: String,
    /// The event they are called to.
    pub event: String,
    /// Their call (UTC).
    pub call: Timestamp,
    /// `"unknown_origin"`, `"unknown_destination"` or `"already_there"`.
    pub reason: String,
}

#[pymethods]
impl NoPickup {
    fn __repr__(&self) -> String {
        format!(
            "NoPickup(person={:?}, event={:?}, reason={:?})",
            self.person, self.event, self.reason
        )
    }
}

/// The record keys of `TransportPlan.pickup_records`, in order.
const PICKUP_KEYS: [&str; 17] = [
    "run",
    "vehicle",
    "unit",
    "driver",
    "person",
    "name",
    "event",
    "origin",
    "origin_name",
    "pickup",
    "pickup_time",
    "destination",
    "destination_name",
    "drop_off",
    "call",
    "call_time",
    "ride_minutes",
];

/// The day's transport: vehicle runs, per-driver pickup lists, the travel
/// day's movements, and everyone who did not get a pickup (with why).
///
/// Iterating gives the runs.
#[pyclass(frozen, module = "callsheet._callsheet")]
#[derive(Debug)]
pub struct TransportPlan {
    inner: Arc<transport::TransportPlan>,
    production: Arc<callsheet::Production>,
}

impl PartialEq for TransportPlan {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl TransportPlan {
    fn zone_of(&self, location: &str) -> IanaZone {
        self.production
            .locations
            .iter()
            .find(|l| l.id.as_str() == location)
            .map_or(self.production.zone, |l| l.zone)
    }

    fn names(&self) -> (HashMap<&str, &str>, HashMap<&str, &str>) {
        let p = &self.production;
        (
            names_by_id(&p.people, |x| (x.id.as_str(), x.name.as_str())),
            names_by_id(&p.locations, |x| (x.id.as_str(), x.name.as_str())),
        )
    }
}

/// Plans the transport with the GIL released.
pub fn plan(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    date: NaiveDate,
    options: TransportOptions,
) -> PyResult<TransportPlan> {
    let p = Arc::clone(&production);
    let plan = run_detached(py, move || {
        callsheet::logistics::plan_transport(&p, date, &options)
    })?
    .map_err(logistics_error)?;
    Ok(TransportPlan {
        inner: Arc::new(plan),
        production,
    })
}

#[pymethods]
impl TransportPlan {
    /// The date planned (a civil date in the production's zone).
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }

    /// The buffer used, in minutes.
    #[getter]
    fn buffer_minutes(&self) -> u32 {
        self.inner.buffer_minutes
    }

    /// The runs, by departure, numbered from 1.
    #[getter]
    fn runs(&self) -> Vec<Run> {
        self.inner.runs.iter().map(Run::from).collect()
    }

    /// One list per vehicle with runs, in vehicle (file) and unit order.
    #[getter]
    fn driver_lists(&self) -> Vec<DriverList> {
        self.inner
            .driver_lists
            .iter()
            .map(|d| DriverList {
                driver: d.driver.as_ref().map(ToString::to_string),
                vehicle: d.vehicle.to_string(),
                unit: d.unit.clone(),
                runs: d.runs.clone(),
                driving_minutes: d.driving_minutes,
                stops: stops(&d.stops),
            })
            .collect()
    }

    /// The travel day's movements, by departure, event and person.
    #[getter]
    fn movements(&self) -> Vec<Movement> {
        self.inner
            .movements
            .iter()
            .map(|m| Movement {
                person: m.person.to_string(),
                event: m.event.to_string(),
                title: m.title.clone(),
                origin: m.from.as_ref().map(ToString::to_string),
                destination: m.to.as_ref().map(ToString::to_string),
                depart: m.depart,
                depart_local: local(m.depart_zone, m.depart),
                arrive: m.arrive,
                arrive_local: local(m.arrive_zone, m.arrive),
                notes: m.notes.clone(),
            })
            .collect()
    }

    /// Riders who need a pickup and did not get one, by call and person.
    #[getter]
    fn unassigned(&self) -> Vec<Unassigned> {
        self.inner
            .unassigned
            .iter()
            .map(|u| Unassigned {
                person: u.person.to_string(),
                event: u.event.to_string(),
                call: u.call,
                origin: u.origin.to_string(),
                destination: u.destination.to_string(),
                reason: label(&u.reason),
            })
            .collect()
    }

    /// People called that day who get no pickup, by call and person.
    #[getter]
    fn no_pickup(&self) -> Vec<NoPickup> {
        self.inner
            .no_pickup
            .iter()
            .map(|n| NoPickup {
                person: n.person.to_string(),
                event: n.event.to_string(),
                call: n.call,
                reason: label(&n.reason),
            })
            .collect()
    }

    /// The run carrying person `person_id`, or `None`.
    fn run_of(&self, person_id: &str) -> Option<Run> {
        self.inner.run_of(person_id).map(Run::from)
    }

    /// One dict per rider, by run then pickup order, as a pickup list
    /// prints it: `run`, `vehicle`, `unit`, `driver`, `person`, `name`,
    /// `event`, `origin` and `origin_name`, `pickup` (local clock at the
    /// origin, `"05:15"`) and `pickup_time` (aware `datetime` in the
    /// origin's zone), `destination` and `destination_name`, `drop_off`
    /// (local clock), `call` (local clock at the destination) and
    /// `call_time`, and `ride_minutes`.
    fn pickup_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let (people, places) = self.names();
        let date = self.inner.date;
        let records = PyList::empty(py);
        for run in &self.inner.runs {
            let drop_off = run
                .stops
                .iter()
                .find(|s| s.kind == transport::StopKind::DropOff);
            let destination = run.destination.as_str();
            let dest_zone = drop_off.map_or_else(|| self.zone_of(destination), |s| s.zone);
            for ride in &run.riders {
                let origin = ride.origin.as_str();
                let stop = run.stops.iter().find(|s| {
                    s.kind == transport::StopKind::Pickup
                        && s.location == ride.origin
                        && s.people.contains(&ride.person)
                });
                let origin_zone = stop.map_or_else(|| self.zone_of(origin), |s| s.zone);
                let r = PyDict::new(py);
                r.set_item("run", run.number)?;
                r.set_item("vehicle", run.vehicle.as_str())?;
                r.set_item("unit", &run.unit)?;
                r.set_item("driver", run.driver.as_ref().map(|d| d.as_str()))?;
                r.set_item("person", ride.person.as_str())?;
                r.set_item("name", people.get(ride.person.as_str()).copied())?;
                r.set_item("event", ride.event.as_str())?;
                r.set_item("origin", origin)?;
                r.set_item("origin_name", places.get(origin).copied())?;
                r.set_item(
                    "pickup",
                    stop.map_or_else(
                        || call_sheet_time(origin_zone, date, ride.pickup),
                        |s| s.clock.clone(),
                    ),
                )?;
                r.set_item("pickup_time", local(origin_zone, ride.pickup))?;
                r.set_item("destination", destination)?;
                r.set_item("destination_name", places.get(destination).copied())?;
                r.set_item(
                    "drop_off",
                    drop_off.map_or_else(
                        || call_sheet_time(dest_zone, date, run.arrive),
                        |s| s.clock.clone(),
                    ),
                )?;
                r.set_item("call", call_sheet_time(dest_zone, date, ride.call))?;
                r.set_item("call_time", local(dest_zone, ride.call))?;
                r.set_item("ride_minutes", ride.ride_minutes)?;
                records.append(r)?;
            }
        }
        Ok(records)
    }

    /// The pickup records as a `pandas.DataFrame`. Needs pandas, imported
    /// on first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, self.pickup_records(py)?, &PICKUP_KEYS)
    }

    fn __len__(&self) -> usize {
        self.inner.runs.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        iterate(py, self.runs())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<TransportPlan>()
            .map(|o| *self == *o.get())
            .unwrap_or(false)
    }

    fn __hash__(&self) -> PyResult<isize> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "unhashable type: 'TransportPlan'",
        ))
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        let riders: usize = p.runs.iter().map(|r| r.riders.len()).sum();
        format!(
            "<TransportPlan {}: {} runs, {} riders, {} vehicles, {} movements, {} unassigned, {} without pickup>",
            p.date,
            p.runs.len(),
            riders,
            p.driver_lists.len(),
            p.movements.len(),
            p.unassigned.len(),
            p.no_pickup.len()
        )
    }
}

// ---------------------------------------------------------------- equipment

/// One booking of a resource over its operational window (the event's
/// start minus prep to its end plus return).
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct BookingWindow {
    /// The booking event's id.
    pub event: String,
    /// `"confirmed"`, `"hold"` or `"tentative"`.
    pub status: String,
    /// Units booked.
    pub quantity: u32,
    /// Start of the operational window (UTC).
    pub start: Timestamp,
    /// End of the operational window (UTC).
    pub end: Timestamp,
}

#[pymethods]
impl BookingWindow {
    fn __repr__(&self) -> String {
        format!(
            "BookingWindow(event={:?}, status={:?}, quantity={}, start={}, end={})",
            self.event,
            self.status,
            self.quantity,
            self.start.to_rfc3339(),
            self.end.to_rfc3339()
        )
    }
}

impl From<&CoreBookingWindow> for BookingWindow {
    fn from(b: &CoreBookingWindow) -> Self {
        Self {
            event: b.event.to_string(),
            status: label(&b.status),
            quantity: b.quantity,
            start: b.start,
            end: b.end,
        }
    }
}

/// A maximal stretch of time over which a resource's use does not change.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineSegment {
    /// First instant of the segment (UTC).
    pub start: Timestamp,
    /// First instant after the segment (UTC).
    pub end: Timestamp,
    /// Units the production has.
    pub owned: u32,
    /// Units that can be used: `owned`, or 0 inside an unavailable window.
    pub usable: u32,
    /// `"unavailable"` or `"tentative"` inside an unavailable window, else `None`.
    pub unavailable: Option<String>,
    /// Units booked (holds and tentative bookings included).
    pub booked: u32,
    /// Units booked by confirmed events.
    pub confirmed: u32,
    /// Units free: `usable - booked`, or 0.
    pub available: u32,
    /// Units booked beyond those usable: `booked - usable`, or 0.
    pub over_allocated: u32,
    /// The bookings in force over the segment.
    pub bookings: Vec<BookingWindow>,
}

#[pymethods]
impl TimelineSegment {
    fn __repr__(&self) -> String {
        format!(
            "TimelineSegment(start={}, end={}, booked={}, usable={}, available={}, over_allocated={})",
            self.start.to_rfc3339(),
            self.end.to_rfc3339(),
            self.booked,
            self.usable,
            self.available,
            self.over_allocated
        )
    }
}

impl From<&equipment::TimelineSegment> for TimelineSegment {
    fn from(s: &equipment::TimelineSegment) -> Self {
        Self {
            start: s.start,
            end: s.end,
            owned: s.owned,
            usable: s.usable,
            unavailable: s.unavailable.as_ref().map(label),
            booked: s.booked,
            confirmed: s.confirmed,
            available: s.available,
            over_allocated: s.over_allocated,
            bookings: s.bookings.iter().map(BookingWindow::from).collect(),
        }
    }
}

const SEGMENT_KEYS: [&str; 10] = [
    "start",
    "end",
    "owned",
    "usable",
    "unavailable",
    "booked",
    "confirmed",
    "available",
    "over_allocated",
    "events",
];

/// A resource's use over time: contiguous, maximal segments in time order,
/// from the first instant anything starts (a booking or an unavailable
/// window) to the last instant anything ends. Outside them nothing is
/// booked and every unit is usable. Iterating gives the segments.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, PartialEq)]
pub struct ResourceTimeline {
    inner: Arc<equipment::ResourceTimeline>,
}

/// Builds the timeline with the GIL released.
pub fn timeline(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    resource: String,
) -> PyResult<ResourceTimeline> {
    let t = run_detached(py, move || {
        callsheet::logistics::resource_timeline(&production, &resource.into())
    })?
    .map_err(logistics_error)?;
    Ok(ResourceTimeline { inner: Arc::new(t) })
}

#[pymethods]
impl ResourceTimeline {
    /// The resource's id.
    #[getter]
    fn resource(&self) -> &str {
        self.inner.resource.as_str()
    }

    /// Units the production has.
    #[getter]
    fn owned(&self) -> u32 {
        self.inner.owned
    }

    /// The segments, in time order.
    #[getter]
    fn segments(&self) -> Vec<TimelineSegment> {
        self.inner
            .segments
            .iter()
            .map(TimelineSegment::from)
            .collect()
    }

    /// The segment containing `at` (a timezone-aware datetime), or `None`
    /// (outside every segment nothing is booked).
    fn segment_at(&self, at: &Bound<'_, PyAny>) -> PyResult<Option<TimelineSegment>> {
        let at = instant(at, "at")?;
        Ok(self.inner.segment_at(at).map(TimelineSegment::from))
    }

    /// Units booked at `at` (a timezone-aware datetime).
    fn booked_at(&self, at: &Bound<'_, PyAny>) -> PyResult<u32> {
        Ok(self.inner.booked_at(instant(at, "at")?))
    }

    /// The most units booked at any instant.
    fn peak(&self) -> u32 {
        self.inner.peak()
    }

    /// The segments in which more is booked than can be used.
    fn over_allocated(&self) -> Vec<TimelineSegment> {
        self.inner
            .over_allocated()
            .map(TimelineSegment::from)
            .collect()
    }

    /// One dict per segment: `start`, `end` (aware UTC datetimes), `owned`,
    /// `usable`, `unavailable`, `booked`, `confirmed`, `available`,
    /// `over_allocated` and `events` (the ids of the bookings in force).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let records = PyList::empty(py);
        for s in &self.inner.segments {
            let r = PyDict::new(py);
            r.set_item("start", s.start)?;
            r.set_item("end", s.end)?;
            r.set_item("owned", s.owned)?;
            r.set_item("usable", s.usable)?;
            r.set_item("unavailable", s.unavailable.as_ref().map(label))?;
            r.set_item("booked", s.booked)?;
            r.set_item("confirmed", s.confirmed)?;
            r.set_item("available", s.available)?;
            r.set_item("over_allocated", s.over_allocated)?;
            let events: Vec<&str> = s.bookings.iter().map(|b| b.event.as_str()).collect();
            r.set_item("events", events)?;
            records.append(r)?;
        }
        Ok(records)
    }

    /// The records as a `pandas.DataFrame`. Needs pandas, imported on first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, self.to_records(py)?, &SEGMENT_KEYS)
    }

    fn __len__(&self) -> usize {
        self.inner.segments.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        iterate(py, self.segments())
    }

    fn __repr__(&self) -> String {
        let t = &self.inner;
        format!(
            "<ResourceTimeline {:?}: {} owned, {} segments, peak {}, {} over-allocated>",
            t.resource.as_str(),
            t.owned,
            t.segments.len(),
            t.peak(),
            t.over_allocated().count()
        )
    }
}

/// The units given to one booking.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct UnitBooking {
    /// The booking.
    pub booking: BookingWindow,
    /// Labels (serial numbers, else `"#k"`) of its units, in unit order;
    /// fewer than `booking.quantity` when it has a shortfall.
    pub units: Vec<String>,
}

#[pymethods]
impl UnitBooking {
    fn __repr__(&self) -> String {
        format!(
            "UnitBooking(event={:?}, quantity={}, units={:?})",
            self.booking.event, self.booking.quantity, self.units
        )
    }
}

/// A booking that could not get all its units.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct UnitShortfall {
    /// The booking event's id.
    pub event: String,
    /// The first instant the units are missing (UTC).
    pub at: Timestamp,
    /// Units the booking needs.
    pub needed: u32,
    /// Units it got.
    pub assigned: u32,
    /// Units missing.
    pub missing: u32,
    /// `"all_units_busy"` or `"unavailable"`.
    pub reason: String,
    /// For `"unavailable"`: the window's kind (`"unavailable"` or `"tentative"`).
    pub unavailable_kind: Option<String>,
}

#[pymethods]
impl UnitShortfall {
    fn __repr__(&self) -> String {
        format!(
            "UnitShortfall(event={:?}, at={}, needed={}, assigned={}, reason={:?})",
            self.event,
            self.at.to_rfc3339(),
            self.needed,
            self.assigned,
            self.reason
        )
    }
}

/// Specific units (serial numbers) for every booking of a resource, by
/// interval partitioning: as few distinct units as the most ever booked at
/// once, the same production always getting the same assignment.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, PartialEq)]
pub struct UnitAssignment {
    inner: Arc<equipment::UnitAssignment>,
}

fn unit_booking(b: &equipment::UnitBooking) -> UnitBooking {
    UnitBooking {
        booking: BookingWindow::from(&b.booking),
        units: b.units.clone(),
    }
}

/// Assigns units with the GIL released.
pub fn assign(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    resource: String,
) -> PyResult<UnitAssignment> {
    let a = run_detached(py, move || {
        callsheet::logistics::assign_units(&production, &resource.into())
    })?
    .map_err(logistics_error)?;
    Ok(UnitAssignment { inner: Arc::new(a) })
}

#[pymethods]
impl UnitAssignment {
    /// The resource's id.
    #[getter]
    fn resource(&self) -> &str {
        self.inner.resource.as_str()
    }

    /// Units the production has.
    #[getter]
    fn owned(&self) -> u32 {
        self.inner.owned
    }

    /// Labels of the units used by at least one booking, in unit order.
    #[getter]
    fn units_used(&self) -> Vec<String> {
        self.inner.units_used.clone()
    }

    /// Every booking with its units, by start, end and event id.
    #[getter]
    fn bookings(&self) -> Vec<UnitBooking> {
        self.inner.bookings.iter().map(unit_booking).collect()
    }

    /// The bookings that did not get all their units.
    #[getter]
    fn shortfalls(&self) -> Vec<UnitShortfall> {
        self.inner
            .shortfalls
            .iter()
            .map(|s| {
                let (reason, kind) = match &s.reason {
                    ShortfallReason::AllUnitsBusy => ("all_units_busy", None),
                    ShortfallReason::Unavailable(kind) => ("unavailable", Some(label(kind))),
                };
                UnitShortfall {
                    event: s.event.to_string(),
                    at: s.at,
                    needed: s.needed,
                    assigned: s.assigned,
                    missing: s.missing,
                    reason: reason.to_owned(),
                    unavailable_kind: kind,
                }
            })
            .collect()
    }

    /// The bookings unit `unit` (a serial number or `"#k"`) is on.
    fn bookings_of(&self, unit: &str) -> Vec<UnitBooking> {
        self.inner.bookings_of(unit).map(unit_booking).collect()
    }

    fn __repr__(&self) -> String {
        let a = &self.inner;
        format!(
            "<UnitAssignment {:?}: {} bookings on {} of {} units, {} shortfalls>",
            a.resource.as_str(),
            a.bookings.len(),
            a.units_used.len(),
            a.owned,
            a.shortfalls.len()
        )
    }
}

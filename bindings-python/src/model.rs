//! Read-only Python views of the production model.
//!
//! Each class is a frozen snapshot with plain attributes: `datetime`s are
//! timezone-aware UTC, civil dates are `date`s, money is `decimal.Decimal`
//! with a currency code, and enumerations are lower-case strings
//! (`"cast"`, `"shoot_day"`, `"confirmed"`).

use chrono::{NaiveDate, NaiveTime};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use callsheet::Timestamp;

/// The snake_case name serde gives an enum variant (`"shoot_day"`).
pub fn label<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn opt_id<T: AsRef<str>>(id: &Option<T>) -> Option<String> {
    id.as_ref().map(|x| x.as_ref().to_owned())
}

macro_rules! repr_eq {
    ($ty:ident, $fmt:literal, $($field:ident),+) => {
        #[pymethods]
        impl $ty {
            fn __repr__(&self) -> String {
                format!($fmt, $(self.$field),+)
            }
        }
    };
}

/// An exact amount of money in one currency.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The amount (`decimal.Decimal`), exact.
    pub amount: Decimal,
    /// ISO 4217 currency code.
    pub currency: String,
}

repr_eq!(
    Money,
    "Money(amount=Decimal('{}'), currency={:?})",
    amount,
    currency
);

impl From<&callsheet::Money> for Money {
    fn from(m: &callsheet::Money) -> Self {
        Self {
            amount: m.amount,
            currency: m.currency.code().to_owned(),
        }
    }
}

/// A shooting unit.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct ShootingUnit {
    /// Unit id.
    pub id: String,
    /// Name ("Main Unit").
    pub name: String,
}

repr_eq!(ShootingUnit, "ShootingUnit(id={:?}, name={:?})", id, name);

impl From<&callsheet::ShootingUnit> for ShootingUnit {
    fn from(u: &callsheet::ShootingUnit) -> Self {
        Self {
            id: u.id.to_string(),
            name: u.name.clone(),
        }
    }
}

/// A window in which a person or resource is not available.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct AvailabilityWindow {
    /// Start (UTC).
    pub start: Timestamp,
    /// End (UTC).
    pub end: Timestamp,
    /// `"unavailable"` or `"tentative"`.
    pub kind: String,
    /// Reason.
    pub note: String,
}

repr_eq!(
    AvailabilityWindow,
    "AvailabilityWindow(start={:?}, end={:?}, kind={:?})",
    start,
    end,
    kind
);

impl From<&callsheet::AvailabilityWindow> for AvailabilityWindow {
    fn from(w: &callsheet::AvailabilityWindow) -> Self {
        Self {
            start: w.start,
            end: w.end,
            kind: label(&w.kind),
            note: w.note.clone(),
        }
    }
}

fn windows(ws: &[callsheet::AvailabilityWindow]) -> Vec<AvailabilityWindow> {
    ws.iter().map(AvailabilityWindow::from).collect()
}

/// Somebody on the production: cast, crew or other.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Person id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// `"cast"`, `"crew"` or `"other"`.
    pub category: String,
    /// Department, if any.
    pub department: Option<String>,
    /// Job title or character.
    pub role: String,
    /// Cast number.
    pub cast_number: Option<u32>,
    /// Head of department.
    pub head_of_department: bool,
    /// Labor rule pack id.
    pub rule_pack: Option<String>,
    /// Home base location id.
    pub home_base: Option<String>,
    /// `"standard"`, `"single"` or `"suite"`.
    pub contract_tier: String,
    /// Agrees to share a room.
    pub may_share_room: bool,
    /// Unworked days between work days may be holds.
    pub allow_hold: bool,
    /// May be dropped and picked up.
    pub allow_drop: bool,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// Unavailability windows.
    pub unavailable: Vec<AvailabilityWindow>,
}

repr_eq!(
    Person,
    "Person(id={:?}, name={:?}, category={:?})",
    id,
    name,
    category
);

impl From<&callsheet::Person> for Person {
    fn from(p: &callsheet::Person) -> Self {
        Self {
            id: p.id.to_string(),
            name: p.name.clone(),
            category: label(&p.category),
            department: p.department.clone(),
            role: p.role.clone(),
            cast_number: p.cast_number,
            head_of_department: p.head_of_department,
            rule_pack: opt_id(&p.rule_pack),
            home_base: opt_id(&p.home_base),
            contract_tier: label(&p.contract_tier),
            may_share_room: p.may_share_room,
            allow_hold: p.allow_hold,
            allow_drop: p.allow_drop,
            email: p.contact.email.clone(),
            phone: p.contact.phone.clone(),
            date_of_birth: p.date_of_birth,
            unavailable: windows(&p.unavailable),
        }
    }
}

/// A filming permit window.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct PermitWindow {
    /// Permit reference.
    pub reference: String,
    /// First permitted date.
    pub first_day: NaiveDate,
    /// Last permitted date (inclusive).
    pub last_day: NaiveDate,
    /// Earliest local time each day.
    pub daily_start: NaiveTime,
    /// Latest local time each day.
    pub daily_end: NaiveTime,
    /// Cap on consecutive days.
    pub max_consecutive_days: Option<u32>,
    /// Business days of application lead time.
    pub application_lead_business_days: Option<u32>,
}

repr_eq!(
    PermitWindow,
    "PermitWindow(first_day={:?}, last_day={:?}, daily_start={:?}, daily_end={:?})",
    first_day,
    last_day,
    daily_start,
    daily_end
);

impl From<&callsheet::PermitWindow> for PermitWindow {
    fn from(w: &callsheet::PermitWindow) -> Self {
        Self {
            reference: w.reference.clone(),
            first_day: w.first_day,
            last_day: w.last_day,
            daily_start: w.daily_start,
            daily_end: w.daily_end,
            max_consecutive_days: w.max_consecutive_days,
            application_lead_business_days: w.application_lead_business_days,
        }
    }
}

/// A place where things happen.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// Location id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// IANA time zone name.
    pub zone: String,
    /// Latitude in degrees.
    pub latitude: Option<f64>,
    /// Longitude in degrees.
    pub longitude: Option<f64>,
    /// Parking instructions.
    pub parking: String,
    /// Nearest hospital.
    pub nearest_hospital: String,
    /// Notes.
    pub notes: String,
    /// Several events may use it at once (offices, hotels).
    pub shared: bool,
    /// Working here means staying away from home.
    pub distant: bool,
    /// Filming permits.
    pub permits: Vec<PermitWindow>,
}

repr_eq!(
    Location,
    "Location(id={:?}, name={:?}, zone={:?})",
    id,
    name,
    zone
);

impl From<&callsheet::Location> for Location {
    fn from(l: &callsheet::Location) -> Self {
        Self {
            id: l.id.to_string(),
            name: l.name.clone(),
            address: l.address.clone(),
            zone: l.zone.name().to_owned(),
            latitude: l.coordinates.map(|c| c.lat),
            longitude: l.coordinates.map(|c| c.lon),
            parking: l.parking.clone(),
            nearest_hospital: l.nearest_hospital.clone(),
            notes: l.notes.clone(),
            shared: l.shared,
            distant: l.distant,
            permits: l.permits.iter().map(PermitWindow::from).collect(),
        }
    }
}

/// A pool of identical items (equipment, vehicles, stages).
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// Resource id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `"equipment"`, `"vehicle"`, `"stage"` or `"other"`.
    pub kind: String,
    /// Units owned.
    pub quantity: u32,
    /// Serial numbers.
    pub serials: Vec<String>,
    /// Minutes of prep before each booking.
    pub prep_minutes: u32,
    /// Minutes of return after each booking.
    pub return_minutes: u32,
    /// Seats (vehicles).
    pub seats: Option<u32>,
    /// Home location id.
    pub home: Option<String>,
    /// Daily rental rate.
    pub day_rate: Option<Money>,
    /// Unavailability windows.
    pub unavailable: Vec<AvailabilityWindow>,
}

repr_eq!(
    Resource,
    "Resource(id={:?}, name={:?}, quantity={})",
    id,
    name,
    quantity
);

impl From<&callsheet::Resource> for Resource {
    fn from(r: &callsheet::Resource) -> Self {
        Self {
            id: r.id.to_string(),
            name: r.name.clone(),
            kind: label(&r.kind),
            quantity: r.quantity,
            serials: r.serials.clone(),
            prep_minutes: r.prep_minutes,
            return_minutes: r.return_minutes,
            seats: r.seats,
            home: opt_id(&r.home),
            day_rate: r.day_rate.as_ref().map(Money::from),
            unavailable: windows(&r.unavailable),
        }
    }
}

/// One person's part in an event, with their own times.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Attendance {
    /// Person id.
    pub person: String,
    /// Individual call, if set.
    pub call: Option<Timestamp>,
    /// Hair / makeup / wardrobe call, if set.
    pub makeup_call: Option<Timestamp>,
    /// Needed on set at, if set.
    pub on_set: Option<Timestamp>,
    /// Individual dismissal, if set.
    pub dismissal: Option<Timestamp>,
    /// The instant the person reports (earlier of makeup call and call, else the event's start).
    pub report: Timestamp,
    /// The instant the person is released (dismissal, else the event's end).
    pub release: Timestamp,
    /// Notes.
    pub note: String,
}

repr_eq!(
    Attendance,
    "Attendance(person={:?}, report={:?}, release={:?})",
    person,
    report,
    release
);

impl Attendance {
    fn new(a: &callsheet::Attendance, e: &callsheet::Event) -> Self {
        Self {
            person: a.person.to_string(),
            call: a.call,
            makeup_call: a.makeup_call,
            on_set: a.on_set,
            dismissal: a.dismissal,
            report: a.report(e),
            release: a.release(e),
            note: a.note.clone(),
        }
    }
}

/// A booking of a quantity of a resource.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceBooking {
    /// Resource id.
    pub resource: String,
    /// Quantity booked.
    pub quantity: u32,
}

repr_eq!(
    ResourceBooking,
    "ResourceBooking(resource={:?}, quantity={})",
    resource,
    quantity
);

/// A recorded meal break.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct MealBreak {
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
    /// Non-deductible breakfast.
    pub non_deductible: bool,
}

repr_eq!(MealBreak, "MealBreak(start={:?}, end={:?})", start, end);

/// Script details of a scene.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct SceneDetails {
    /// Scene number.
    pub number: String,
    /// Length in eighths of a page.
    pub eighths: u32,
    /// `"int"`, `"ext"` or `"int_ext"`.
    pub int_ext: String,
    /// `"day"`, `"night"`, `"dawn"` or `"dusk"`.
    pub story_time: String,
    /// Synopsis.
    pub synopsis: String,
    /// Set name.
    pub set: String,
}

repr_eq!(
    SceneDetails,
    "SceneDetails(number={:?}, eighths={})",
    number,
    eighths
);

/// Anything scheduled: shoot day, scene, meeting, fitting, travel, …
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Event id.
    pub id: String,
    /// `"shoot_day"`, `"scene"`, `"meeting"`, `"fitting"`, `"rehearsal"`, `"travel"`, `"prep"` or `"meal"`.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Unit id.
    pub unit: Option<String>,
    /// Location id.
    pub location: Option<String>,
    /// Start (UTC).
    pub start: Timestamp,
    /// End (UTC).
    pub end: Timestamp,
    /// `"confirmed"`, `"hold"`, `"tentative"` or `"cancelled"`.
    pub status: String,
    /// Parent shoot day id.
    pub parent: Option<String>,
    /// Shoot day number.
    pub day_number: Option<u32>,
    /// Scene details.
    pub scene: Option<SceneDetails>,
    /// Attendees with their times.
    pub attendees: Vec<Attendance>,
    /// Resources booked.
    pub resources: Vec<ResourceBooking>,
    /// Recorded meal breaks.
    pub meals: Vec<MealBreak>,
    /// Notes.
    pub notes: String,
}

impl From<&callsheet::Event> for Event {
    fn from(e: &callsheet::Event) -> Self {
        Self {
            id: e.id.to_string(),
            kind: label(&e.kind),
            title: e.title.clone(),
            unit: opt_id(&e.unit),
            location: opt_id(&e.location),
            start: e.start,
            end: e.end,
            status: label(&e.status),
            parent: opt_id(&e.parent),
            day_number: e.day_number,
            scene: e.scene.as_ref().map(|s| SceneDetails {
                number: s.number.clone(),
                eighths: s.eighths,
                int_ext: label(&s.int_ext),
                story_time: label(&s.story_time),
                synopsis: s.synopsis.clone(),
                set: s.set.clone(),
            }),
            attendees: e.attendees.iter().map(|a| Attendance::new(a, e)).collect(),
            resources: e
                .resources
                .iter()
                .map(|b| ResourceBooking {
                    resource: b.resource.to_string(),
                    quantity: b.quantity,
                })
                .collect(),
            meals: e
                .meals
                .iter()
                .map(|m| MealBreak {
                    start: m.start,
                    end: m.end,
                    non_deductible: m.non_deductible,
                })
                .collect(),
            notes: e.notes.clone(),
        }
    }
}

fn ts(t: &Timestamp) -> serde_json::Value {
    serde_json::Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
}

impl Event {
    /// The event as a production-file record (the serde form of `callsheet::Event`).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Map, Value, json};
        let mut m = Map::new();
        m.insert("id".into(), json!(self.id));
        m.insert("kind".into(), json!(self.kind));
        if !self.title.is_empty() {
            m.insert("title".into(), json!(self.title));
        }
        if let Some(u) = &self.unit {
            m.insert("unit".into(), json!(u));
        }
        if let Some(l) = &self.location {
            m.insert("location".into(), json!(l));
        }
        m.insert("start".into(), ts(&self.start));
        m.insert("end".into(), ts(&self.end));
        m.insert("status".into(), json!(self.status));
        if let Some(p) = &self.parent {
            m.insert("parent".into(), json!(p));
        }
        if let Some(n) = self.day_number {
            m.insert("day_number".into(), json!(n));
        }
        if let Some(s) = &self.scene {
            m.insert(
                "scene".into(),
                json!({"number": s.number, "eighths": s.eighths, "int_ext": s.int_ext,
                       "story_time": s.story_time, "synopsis": s.synopsis, "set": s.set}),
            );
        }
        let attendees: Vec<Value> = self
            .attendees
            .iter()
            .map(|a| {
                let mut x = Map::new();
                x.insert("person".into(), json!(a.person));
                for (key, value) in [
                    ("call", &a.call),
                    ("makeup_call", &a.makeup_call),
                    ("on_set", &a.on_set),
                    ("dismissal", &a.dismissal),
                ] {
                    if let Some(t) = value {
                        x.insert(key.into(), ts(t));
                    }
                }
                if !a.note.is_empty() {
                    x.insert("note".into(), json!(a.note));
                }
                Value::Object(x)
            })
            .collect();
        m.insert("attendees".into(), Value::Array(attendees));
        m.insert(
            "resources".into(),
            Value::Array(
                self.resources
                    .iter()
                    .map(|b| json!({"resource": b.resource, "quantity": b.quantity}))
                    .collect(),
            ),
        );
        m.insert(
            "meals".into(),
            Value::Array(
                self.meals
                    .iter()
                    .map(|x| json!({"start": ts(&x.start), "end": ts(&x.end), "non_deductible": x.non_deductible}))
                    .collect(),
            ),
        );
        if !self.notes.is_empty() {
            m.insert("notes".into(), json!(self.notes));
        }
        Value::Object(m)
    }
}

#[pymethods]
impl Event {
    /// The event as a plain record (a dict with the production file's field
    /// names and ISO 8601 strings for times). Change it and pass it to
    /// `Production.check_event` to ask what a moved event would conflict with.
    fn __repr__(&self) -> String {
        format!(
            "Event(id={:?}, kind={:?}, start={:?}, end={:?})",
            self.id, self.kind, self.start, self.end
        )
    }

    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let text = self.to_json().to_string();
        Ok(py
            .import("callsheet._json")?
            .call_method1("loads", (text,))?
            .unbind())
    }
}

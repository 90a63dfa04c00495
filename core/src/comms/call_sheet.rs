//! The call sheet: the daily document sent the evening before a shoot day.
//!
//! [`call_sheet`] gathers, for one unit's shoot day on a civil date, what
//! everybody needs to turn up at the right place at the right time: the
//! general crew call and estimated wrap, the day's locations with address,
//! parking and nearest hospital, the scenes in shooting order with their
//! pages, every cast member's day-out-of-days status and hair/makeup, call,
//! on-set and dismissal times, crew calls by department, meals, booked
//! resources, the advance schedule (the unit's next shoot day) and notes.
//!
//! # Rules
//!
//! - The **shoot day** is the unit's non-cancelled [`EventKind::ShootDay`]
//!   whose general call (its start) falls on the requested civil date in
//!   the production's home zone. Without a unit, exactly one unit may shoot
//!   that day. Should one unit have two shoot days on a date, the earlier is
//!   used.
//! - **Times** are shown in the zone of the day's location (else the home
//!   zone; a scene at another location uses that location's zone), relative
//!   to the sheet's date, the local date of the general call: 01:30 the next
//!   morning is written `"25:30"` ([`call_sheet_time`]).
//! - **Day N of M**: N is the day's `day_number` (else its position among
//!   the unit's shoot days), M the number of the unit's non-cancelled shoot
//!   days.
//! - **Scenes** are the day's non-cancelled child [`EventKind::Scene`]
//!   events, ordered by start, end and id. Pages are written in eighths
//!   (`"1 4/8"`, [`format_pages`]).
//! - **People** on the sheet are the attendees of the day and of its child
//!   events. A person's call is their call on the day (else the event's
//!   start; for someone called only for scenes, their earliest scene call),
//!   their hair/makeup call the earliest `makeup_call`, on set their
//!   `on_set` (else the start of their first scene), dismissal their
//!   explicit `dismissal` only.
//! - **Cast** rows are the cast attending, plus cast the day out of days
//!   holds that day (`H`, no times), ordered by cast number (cast without
//!   one last, by name). The status is the person's
//!   [`day_out_of_days`] code on the sheet's date (holds count; tentative
//!   events count when the day itself is tentative). Pickup times are not
//!   computed yet (transport allocation comes later): the field is always
//!   `None`.
//! - **Crew** (everyone else attending) is grouped by department in the
//!   order of [`DEPARTMENT_ORDER`] (a few common spellings are recognised:
//!   "Transport", "Wardrobe", "Electrical", …), then other departments
//!   alphabetically, then people without a department under "Other". Within
//!   a department heads come first, then people in file order.
//! - **Resources** are the day's bookings summed by resource, then
//!   resources booked only by its scenes (the largest scene booking).
//! - The **advance schedule** is the unit's next non-cancelled shoot day.
//! - **Notes** are the options' notes, then the day's, then its child
//!   events' (scenes prefixed `"Sc. 12: "`), without repeats.
//!
//! The output is deterministic, and the renderings ([`CallSheet::to_text`],
//! [`CallSheet::to_html`]) are byte for byte reproducible.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Weekday};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::dood::{DoodCode, DoodOptions, DoodPeople, DoodRange, day_out_of_days};
use super::notices::RevisionColours;
use crate::model::{
    Attendance, BookingStatus, Event, EventId, EventKind, IanaZone, InteriorExterior, LocationId,
    PersonCategory, PersonId, Production, ResourceId, StoryTime, Timestamp, UnitId,
};

/// The fixed order of departments on a call sheet; other departments follow
/// alphabetically, then people without a department ("Other").
pub const DEPARTMENT_ORDER: &[&str] = &[
    "Production",
    "Camera",
    "Grip",
    "Electric",
    "Sound",
    "Art",
    "Set Dressing",
    "Props",
    "Costume",
    "Hair & Makeup",
    "Locations",
    "Transportation",
    "Catering",
];

/// Widest line of [`CallSheet::to_text`].
pub const TEXT_WIDTH: usize = 100;

/// What call sheet to build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallSheetOptions {
    /// The civil date of the shoot day, in the production's home zone.
    pub date: NaiveDate,
    /// The unit; `None` for the only unit shooting that day (an error if several are).
    #[serde(default)]
    pub unit: Option<UnitId>,
    /// The revision number (0 = the first issue, White).
    #[serde(default)]
    pub revision: u32,
    /// The production's revision colours.
    #[serde(default)]
    pub colours: RevisionColours,
    /// The schedule the sheet was built from, free text ("Shooting schedule v3").
    #[serde(default)]
    pub schedule_version: String,
    /// Notes printed first in the notes section.
    #[serde(default)]
    pub notes: Vec<String>,
}

impl CallSheetOptions {
    /// Options for the first issue (White) of the call sheet of `date`, for
    /// the only unit shooting that day, without schedule version or notes.
    pub fn new(date: NaiveDate) -> Self {
        Self {
            date,
            unit: None,
            revision: 0,
            colours: RevisionColours::default(),
            schedule_version: String::new(),
            notes: Vec::new(),
        }
    }
}

/// Why a call sheet cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallSheetError {
    /// No (non-cancelled) shoot day starts on the date, for the unit if one was given.
    #[error("{path}: no shoot day on {date}{}", unit_suffix(.unit.as_ref()))]
    NoShootDay {
        /// The option at fault (`date`).
        path: String,
        /// The date asked for.
        date: NaiveDate,
        /// The unit asked for, if any.
        unit: Option<UnitId>,
    },
    /// Several units shoot on the date and no unit was given.
    #[error("{path}: {} units shoot on {date} ({}); choose one", .units.len(), .units.join(", "))]
    SeveralUnits {
        /// The option to set (`unit`).
        path: String,
        /// The date asked for.
        date: NaiveDate,
        /// The units shooting that day, in order (`"(no unit)"` for shoot days without one).
        units: Vec<String>,
    },
    /// The unit is not one of the production's units.
    #[error("{path}: unknown unit {unit:?}")]
    UnknownUnit {
        /// The option at fault (`unit`).
        path: String,
        /// The unit asked for.
        unit: String,
    },
}

impl CallSheetError {
    /// The error as a [`Problem`](crate::Problem): the path of the option at
    /// fault (`date`, `unit`) and what is wrong with it.
    pub fn problem(&self) -> crate::Problem {
        let (CallSheetError::NoShootDay { path, .. }
        | CallSheetError::SeveralUnits { path, .. }
        | CallSheetError::UnknownUnit { path, .. }) = self;
        crate::Problem::of_error(path, self)
    }
}

fn unit_suffix(unit: Option<&UnitId>) -> String {
    unit.map_or_else(String::new, |u| format!(" for unit \"{u}\""))
}

/// A time as printed on a call sheet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallTime {
    /// Wall-clock time relative to the sheet's date: `"07:00"`, or `"25:30"`
    /// for 01:30 the next morning (see [`call_sheet_time`]).
    pub local: String,
    /// Minutes from local midnight at the start of the sheet's date, by the
    /// wall clock (`25:30` is 1530); 0 for a time before that midnight.
    pub minutes_after_midnight: u32,
}

impl CallTime {
    /// The call time of `instant` in `zone` on a sheet dated `day`.
    pub fn new(zone: IanaZone, day: NaiveDate, instant: Timestamp) -> Self {
        let (local, minutes) = sheet_time(zone, day, instant);
        Self {
            local,
            minutes_after_midnight: minutes,
        }
    }
}

/// How a call sheet writes `instant`, shown in `zone`, on the sheet of
/// shoot day `day` (a local date in `zone`): `"HH:MM"`, with the hours
/// counting on past midnight, so 01:30 the next morning is `"25:30"` and
/// 01:30 two days later `"49:30"`. Hours and minutes are the wall clock's
/// (across a DST change the gap or repeat shows in the times, not the
/// count). An instant before the day's local midnight is written as its
/// time with `" (day before)"`.
///
/// # Examples
///
/// ```
/// use callsheet::comms::call_sheet_time;
/// use chrono::NaiveDate;
///
/// let la = "America/Los_Angeles".parse()?;
/// let day = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
/// // 01:30 PST on Wed 3 March is 09:30 UTC.
/// assert_eq!(call_sheet_time(la, day, "2027-03-03T09:30:00Z".parse()?), "25:30");
/// assert_eq!(call_sheet_time(la, day, "2027-03-02T15:00:00Z".parse()?), "07:00");
/// assert_eq!(call_sheet_time(la, day, "2027-03-02T07:45:00Z".parse()?), "23:45 (day before)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn call_sheet_time(zone: IanaZone, day: NaiveDate, instant: Timestamp) -> String {
    sheet_time(zone, day, instant).0
}

fn sheet_time(zone: IanaZone, day: NaiveDate, instant: Timestamp) -> (String, u32) {
    let local = local_naive(zone, instant);
    let days = (local.date() - day).num_days();
    let minutes = i64::from(local.hour() * 60 + local.minute());
    if days < 0 {
        return (
            format!("{:02}:{:02} (day before)", local.hour(), local.minute()),
            0,
        );
    }
    let total = days.saturating_mul(1440).saturating_add(minutes);
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    (format!("{:02}:{:02}", total / 60, total % 60), total)
}

/// Local wall-clock time of `t` in `zone`, without panicking at the ends of time.
fn local_naive(zone: IanaZone, t: Timestamp) -> NaiveDateTime {
    let utc = t.naive_utc();
    let offset = zone.tz().offset_from_utc_datetime(&utc).fix();
    utc.checked_add_offset(offset).unwrap_or(utc)
}

/// Pages written in eighths the way scripts and call sheets do: `"1 4/8"`,
/// `"6/8"`, `"2"`, `"0"`.
///
/// ```
/// use callsheet::comms::format_pages;
/// assert_eq!(format_pages(12), "1 4/8");
/// assert_eq!(format_pages(6), "6/8");
/// assert_eq!(format_pages(16), "2");
/// assert_eq!(format_pages(0), "0");
/// ```
pub fn format_pages(eighths: u32) -> String {
    match (eighths / 8, eighths % 8) {
        (0, 0) => "0".to_owned(),
        (0, r) => format!("{r}/8"),
        (p, 0) => p.to_string(),
        (p, r) => format!("{p} {r}/8"),
    }
}

/// A location block of the call sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallSheetLocation {
    /// The location.
    pub id: LocationId,
    /// Its name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Parking instructions.
    pub parking: String,
    /// Nearest hospital (name, address, phone).
    pub nearest_hospital: String,
    /// The location's notes.
    pub notes: String,
    /// Its IANA time zone.
    pub zone: String,
    /// Numbers of the day's scenes shot there, in order.
    pub scenes: Vec<String>,
}

/// A scene (strip) of the day or of the advance schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SceneRow {
    /// The scene event.
    pub event: EventId,
    /// Scene number (`"42A"`).
    pub number: String,
    /// Set (`"DINER - BOOTH"`).
    pub set: String,
    /// `"INT"`, `"EXT"` or `"INT/EXT"`.
    pub int_ext: String,
    /// `"DAY"`, `"NIGHT"`, `"DAWN"` or `"DUSK"`.
    pub day_night: String,
    /// One-line synopsis.
    pub synopsis: String,
    /// Length in eighths of a page.
    pub eighths: u32,
    /// Length as printed (`"1 4/8"`).
    pub pages: String,
    /// Cast numbers of the cast in the scene, ascending.
    pub cast_numbers: Vec<u32>,
    /// Scheduled start.
    pub start: CallTime,
    /// Scheduled end.
    pub end: CallTime,
    /// Where it is shot (the scene's location, else the day's).
    pub location: Option<LocationId>,
}

/// A cast member's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CastRow {
    /// Who.
    pub person: PersonId,
    /// Cast number, if any.
    pub cast_number: Option<u32>,
    /// Name.
    pub name: String,
    /// Character played.
    pub role: String,
    /// Day-out-of-days code that day (`"SW"`, `"W"`, `"WF"`, `"SWF"`, `"H"`, `"PW"`, …).
    pub status: String,
    /// Pickup time (not computed yet: always `None` until transport lands).
    pub pickup: Option<CallTime>,
    /// Hair/makeup/wardrobe call.
    pub makeup_call: Option<CallTime>,
    /// Call (report) time; `None` for a cast member on hold.
    pub call: Option<CallTime>,
    /// When needed on set.
    pub on_set: Option<CallTime>,
    /// Dismissal, when set.
    pub dismissal: Option<CallTime>,
    /// Notes from the person's attendances.
    pub notes: String,
}

/// A crew member's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrewRow {
    /// Who.
    pub person: PersonId,
    /// Name.
    pub name: String,
    /// Job title.
    pub role: String,
    /// Whether they head the department.
    pub head_of_department: bool,
    /// Call time.
    pub call: CallTime,
    /// Notes from the person's attendances.
    pub notes: String,
}

/// The crew of one department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrewDepartment {
    /// Department name as in the production (`"Other"` for people without one).
    pub department: String,
    /// The department's people: heads first, then file order.
    pub rows: Vec<CrewRow>,
}

/// A meal break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MealRow {
    /// `"1st meal"`, `"2nd meal"`, `"Non-deductible breakfast"`, or a meal event's title.
    pub label: String,
    /// Start.
    pub start: CallTime,
    /// End.
    pub end: CallTime,
}

/// A resource booked for the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceRow {
    /// The resource.
    pub resource: ResourceId,
    /// Its name.
    pub name: String,
    /// How many.
    pub quantity: u32,
}

/// The advance schedule: the unit's next shoot day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvanceDay {
    /// The shoot day event.
    pub event: EventId,
    /// Its local date.
    pub date: NaiveDate,
    /// Its weekday.
    pub weekday: Weekday,
    /// Its day number.
    pub day_number: u32,
    /// General crew call (relative to its own date).
    pub general_call: CallTime,
    /// Names of its locations (the day's, then scene locations).
    pub locations: Vec<String>,
    /// Its scenes, in order.
    pub scenes: Vec<SceneRow>,
    /// Total length in eighths.
    pub total_eighths: u32,
    /// Total pages as printed.
    pub total_pages: String,
}

/// A call sheet: plain data, rendered by [`CallSheet::to_text`] and [`CallSheet::to_html`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallSheet {
    /// The production's name.
    pub production: String,
    /// The shoot day event.
    pub shoot_day: EventId,
    /// Its title.
    pub title: String,
    /// The sheet's date: the local date of the general call at the day's location.
    pub date: NaiveDate,
    /// Its weekday.
    pub weekday: Weekday,
    /// Day N ...
    pub day_number: u32,
    /// ... of M: the unit's non-cancelled shoot days.
    pub total_days: u32,
    /// The unit, if the day has one.
    pub unit: Option<UnitId>,
    /// The unit's name (empty without a unit).
    pub unit_name: String,
    /// The zone the times are shown in.
    pub zone: String,
    /// General crew call.
    pub general_call: CallTime,
    /// Estimated wrap.
    pub estimated_wrap: CallTime,
    /// Revision number (0 = first issue).
    pub revision: u32,
    /// Revision colour (`"White"`, `"Blue"`, …).
    pub revision_colour: String,
    /// The schedule version the sheet was built from.
    pub schedule_version: String,
    /// Locations: the day's, then other scene locations.
    pub locations: Vec<CallSheetLocation>,
    /// Scenes in shooting order.
    pub scenes: Vec<SceneRow>,
    /// Total length in eighths.
    pub total_eighths: u32,
    /// Total pages as printed (`"3 2/8"`).
    pub total_pages: String,
    /// Cast, by cast number.
    pub cast: Vec<CastRow>,
    /// Crew by department.
    pub crew: Vec<CrewDepartment>,
    /// Meals, in time order.
    pub meals: Vec<MealRow>,
    /// Resources booked.
    pub resources: Vec<ResourceRow>,
    /// The unit's next shoot day, if any.
    pub advance: Option<AdvanceDay>,
    /// Notes.
    pub notes: Vec<String>,
}

impl CallSheet {
    /// `"Day 4 of 27"`.
    pub fn day_of(&self) -> String {
        format!("Day {} of {}", self.day_number, self.total_days)
    }
}

impl Production {
    /// The first-issue (White) call sheet of `unit`'s shoot day on `date`
    /// (home-zone civil date); with `unit` `None`, of the only unit shooting
    /// that day. See [`call_sheet`] for revisions, the schedule version and notes.
    ///
    /// # Errors
    ///
    /// As [`call_sheet`].
    ///
    /// # Examples
    ///
    /// ```
    /// use callsheet::{Event, EventKind, Production};
    /// use chrono::NaiveDate;
    ///
    /// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
    /// let mut day = Event::new("D1", EventKind::ShootDay,
    ///     "2027-03-02T15:00:00Z".parse()?, "2027-03-03T09:30:00Z".parse()?);
    /// day.day_number = Some(1);
    /// p.events.push(day);
    ///
    /// let sheet = p.call_sheet(NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(), None)?;
    /// assert_eq!(sheet.day_of(), "Day 1 of 1");
    /// assert_eq!(sheet.general_call.local, "07:00");
    /// assert_eq!(sheet.estimated_wrap.local, "25:30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn call_sheet(
        &self,
        date: NaiveDate,
        unit: Option<&UnitId>,
    ) -> Result<CallSheet, CallSheetError> {
        let mut options = CallSheetOptions::new(date);
        options.unit = unit.cloned();
        call_sheet(self, &options)
    }
}

/// Builds the call sheet described by `options` (see [the module](self) for the rules).
///
/// # Errors
///
/// - [`CallSheetError::UnknownUnit`] when `options.unit` is not one of the
///   production's units;
/// - [`CallSheetError::NoShootDay`] when no non-cancelled shoot day (of the
///   unit, if given) starts on `options.date`;
/// - [`CallSheetError::SeveralUnits`] when no unit is given and several
///   units shoot that day.
///
/// # Examples
///
/// ```
/// use callsheet::comms::{CallSheetOptions, call_sheet};
/// use callsheet::{Attendance, Event, EventKind, Location, Person, PersonCategory, Production};
/// use chrono::NaiveDate;
///
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
/// let mut maya = Person::new("P1", "Maya Ortiz", PersonCategory::Cast);
/// maya.cast_number = Some(1);
/// maya.role = "Rosie".into();
/// p.people.push(maya);
/// let mut diner = Location::new("L1", "Rosie's Diner", "America/Los_Angeles".parse()?);
/// diner.nearest_hospital = "St. Mary's, 1050 Linden Ave".into();
/// p.locations.push(diner);
/// let mut day = Event::new("D1", EventKind::ShootDay,
///     "2027-03-02T15:00:00Z".parse()?, "2027-03-03T03:00:00Z".parse()?);
/// day.day_number = Some(1);
/// day.location = Some("L1".into());
/// let mut maya_call = Attendance::new("P1");
/// maya_call.makeup_call = Some("2027-03-02T14:00:00Z".parse()?);
/// day.attendees.push(maya_call);
/// p.events.push(day);
///
/// let mut options = CallSheetOptions::new(NaiveDate::from_ymd_opt(2027, 3, 2).unwrap());
/// options.revision = 1;
/// options.schedule_version = "Shooting schedule v3".into();
/// let sheet = call_sheet(&p, &options)?;
/// assert_eq!(sheet.revision_colour, "Blue");
/// assert_eq!(sheet.cast[0].status, "SWF");
/// assert_eq!(sheet.cast[0].makeup_call.as_ref().unwrap().local, "06:00");
/// assert_eq!(sheet.locations[0].nearest_hospital, "St. Mary's, 1050 Linden Ave");
/// assert!(sheet.to_text().contains("GENERAL CREW CALL"));
/// assert!(sheet.to_html().contains("Rosie&#39;s Diner"));
///
/// let none = call_sheet(&p, &CallSheetOptions::new(NaiveDate::from_ymd_opt(2027, 3, 3).unwrap()));
/// assert_eq!(none.unwrap_err().to_string(), "date: no shoot day on 2027-03-03");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn call_sheet(
    production: &Production,
    options: &CallSheetOptions,
) -> Result<CallSheet, CallSheetError> {
    if let Some(unit) = &options.unit
        && !production.units.iter().any(|u| &u.id == unit)
    {
        return Err(CallSheetError::UnknownUnit {
            path: "unit".to_owned(),
            unit: unit.to_string(),
        });
    }
    let home = production.zone;
    let mut candidates: Vec<&Event> = production
        .events
        .iter()
        .filter(|e| {
            e.kind == EventKind::ShootDay
                && e.status != BookingStatus::Cancelled
                && local_naive(home, e.start).date() == options.date
                && options
                    .unit
                    .as_ref()
                    .is_none_or(|u| e.unit.as_ref() == Some(u))
        })
        .collect();
    candidates.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
    let Some(&day) = candidates.first() else {
        return Err(CallSheetError::NoShootDay {
            path: "date".to_owned(),
            date: options.date,
            unit: options.unit.clone(),
        });
    };
    if options.unit.is_none() {
        let mut units: Vec<String> = candidates
            .iter()
            .map(|e| {
                e.unit
                    .as_ref()
                    .map_or_else(|| "(no unit)".to_owned(), ToString::to_string)
            })
            .collect();
        units.sort();
        units.dedup();
        if units.len() > 1 {
            return Err(CallSheetError::SeveralUnits {
                path: "unit".to_owned(),
                date: options.date,
                units,
            });
        }
    }
    Ok(Builder::new(production).sheet(day, options))
}

// ---------------------------------------------------------------------------
// Building

struct Builder<'p> {
    production: &'p Production,
    people: FxHashMap<&'p str, usize>,
    locations: FxHashMap<&'p str, usize>,
    /// Child events by parent id, non-cancelled, ordered by (start, end, id).
    children: FxHashMap<&'p str, Vec<&'p Event>>,
}

/// A person's attendances on one shoot day.
#[derive(Default)]
struct Calls<'p> {
    day: Option<&'p Attendance>,
    children: Vec<(&'p Event, &'p Attendance)>,
}

impl<'p> Builder<'p> {
    fn new(production: &'p Production) -> Self {
        let mut people = FxHashMap::default();
        for (i, p) in production.people.iter().enumerate() {
            people.entry(p.id.as_str()).or_insert(i);
        }
        let mut locations = FxHashMap::default();
        for (i, l) in production.locations.iter().enumerate() {
            locations.entry(l.id.as_str()).or_insert(i);
        }
        let mut children: FxHashMap<&str, Vec<&Event>> = FxHashMap::default();
        for e in &production.events {
            if let Some(parent) = &e.parent
                && parent != &e.id
                && e.status != BookingStatus::Cancelled
            {
                children.entry(parent.as_str()).or_default().push(e);
            }
        }
        for list in children.values_mut() {
            list.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        }
        Self {
            production,
            people,
            locations,
            children,
        }
    }

    fn location(&self, id: &LocationId) -> Option<&'p crate::model::Location> {
        self.locations
            .get(id.as_str())
            .and_then(|&i| self.production.locations.get(i))
    }

    fn zone_of(&self, location: Option<&LocationId>) -> IanaZone {
        location
            .and_then(|l| self.location(l))
            .map_or(self.production.zone, |l| l.zone)
    }

    fn children(&self, day: &Event) -> &[&'p Event] {
        self.children
            .get(day.id.as_str())
            .map_or(&[], |v| v.as_slice())
    }

    fn scenes(&self, day: &Event) -> Vec<&'p Event> {
        self.children(day)
            .iter()
            .copied()
            .filter(|e| e.kind == EventKind::Scene)
            .collect()
    }

    fn unit_days(&self, unit: Option<&UnitId>) -> Vec<&'p Event> {
        let mut days: Vec<&Event> = self
            .production
            .events
            .iter()
            .filter(|e| {
                e.kind == EventKind::ShootDay
                    && e.status != BookingStatus::Cancelled
                    && e.unit.as_ref() == unit
            })
            .collect();
        days.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        days
    }

    fn scene_row(&self, day: &Event, date: NaiveDate, scene: &Event) -> SceneRow {
        let location = scene.location.as_ref().or(day.location.as_ref());
        let zone = self.zone_of(location);
        let mut cast_numbers: Vec<u32> = scene
            .attendees
            .iter()
            .filter_map(|a| self.people.get(a.person.as_str()))
            .filter_map(|&i| self.production.people.get(i))
            .filter(|p| p.category == PersonCategory::Cast)
            .filter_map(|p| p.cast_number)
            .collect();
        cast_numbers.sort_unstable();
        cast_numbers.dedup();
        let details = scene.scene.as_ref();
        let eighths = details.map_or(0, |d| d.eighths);
        SceneRow {
            event: scene.id.clone(),
            number: details.map_or_else(|| scene.id.to_string(), |d| d.number.clone()),
            set: details.map_or_else(|| scene.title.clone(), |d| d.set.clone()),
            int_ext: details.map_or("", |d| int_ext_label(d.int_ext)).to_owned(),
            day_night: details
                .map_or("", |d| story_time_label(d.story_time))
                .to_owned(),
            synopsis: details.map_or_else(String::new, |d| d.synopsis.clone()),
            eighths,
            pages: format_pages(eighths),
            cast_numbers,
            start: CallTime::new(zone, date, scene.start),
            end: CallTime::new(zone, date, scene.end),
            location: location.cloned(),
        }
    }

    fn location_ids(&self, day: &Event, scenes: &[&Event]) -> Vec<&'p LocationId> {
        let mut ids: Vec<&LocationId> = Vec::new();
        let all = day
            .location
            .as_ref()
            .into_iter()
            .chain(scenes.iter().filter_map(|s| s.location.as_ref()));
        for id in all {
            if !ids.contains(&id)
                && let Some(l) = self.location(id)
            {
                ids.push(&l.id);
            }
        }
        ids
    }

    fn sheet(&self, day: &'p Event, options: &CallSheetOptions) -> CallSheet {
        let p = self.production;
        let zone = self.zone_of(day.location.as_ref());
        let date = local_naive(zone, day.start).date();
        let at = |t: Timestamp| CallTime::new(zone, date, t);

        let unit_days = self.unit_days(day.unit.as_ref());
        let position = unit_days.iter().position(|e| e.id == day.id).unwrap_or(0);
        let day_number = day
            .day_number
            .unwrap_or_else(|| u32::try_from(position + 1).unwrap_or(u32::MAX));
        let total_days = u32::try_from(unit_days.len()).unwrap_or(u32::MAX);

        let scene_events = self.scenes(day);
        let scenes: Vec<SceneRow> = scene_events
            .iter()
            .map(|s| self.scene_row(day, date, s))
            .collect();
        let total_eighths = scenes.iter().map(|s| s.eighths).sum();

        let locations = self
            .location_ids(day, &scene_events)
            .into_iter()
            .filter_map(|id| self.location(id))
            .map(|l| CallSheetLocation {
                id: l.id.clone(),
                name: l.name.clone(),
                address: l.address.clone(),
                parking: l.parking.clone(),
                nearest_hospital: l.nearest_hospital.clone(),
                notes: l.notes.clone(),
                zone: l.zone.name().to_owned(),
                scenes: scenes
                    .iter()
                    .filter(|s| s.location.as_ref() == Some(&l.id))
                    .map(|s| s.number.clone())
                    .collect(),
            })
            .collect();

        // Everybody's attendances, by person position.
        let mut calls: BTreeMap<usize, Calls<'p>> = BTreeMap::new();
        for a in &day.attendees {
            if let Some(&i) = self.people.get(a.person.as_str()) {
                calls.entry(i).or_default().day.get_or_insert(a);
            }
        }
        for &child in self.children(day) {
            for a in &child.attendees {
                if let Some(&i) = self.people.get(a.person.as_str()) {
                    calls.entry(i).or_default().children.push((child, a));
                }
            }
        }

        let codes = self.dood_codes(day, date);
        let mut cast = Vec::new();
        let mut crew: Vec<(usize, CrewRow, Option<&str>)> = Vec::new();
        for (&i, c) in &calls {
            let Some(person) = p.people.get(i) else {
                continue;
            };
            let call = c
                .day
                .map(|a| a.call.unwrap_or(day.start))
                .or_else(|| {
                    c.children
                        .iter()
                        .map(|(e, a)| a.call.unwrap_or(e.start))
                        .min()
                })
                .unwrap_or(day.start);
            let notes = c.notes();
            if person.category == PersonCategory::Cast {
                let makeup_call = c.all().filter_map(|a| a.makeup_call).min();
                let on_set = c.day.and_then(|a| a.on_set).or_else(|| {
                    c.children
                        .iter()
                        .filter_map(|(_, a)| a.on_set)
                        .min()
                        .or_else(|| {
                            c.children
                                .iter()
                                .filter(|(e, _)| e.kind == EventKind::Scene)
                                .map(|(e, _)| e.start)
                                .min()
                        })
                });
                let dismissal = c
                    .day
                    .and_then(|a| a.dismissal)
                    .or_else(|| c.children.iter().filter_map(|(_, a)| a.dismissal).max());
                cast.push(CastRow {
                    person: person.id.clone(),
                    cast_number: person.cast_number,
                    name: person.name.clone(),
                    role: person.role.clone(),
                    status: codes
                        .get(person.id.as_str())
                        .map_or("", |c| c.code())
                        .to_owned(),
                    pickup: None,
                    makeup_call: makeup_call.map(at),
                    call: Some(at(call)),
                    on_set: on_set.map(at),
                    dismissal: dismissal.map(at),
                    notes,
                });
            } else {
                crew.push((
                    i,
                    CrewRow {
                        person: person.id.clone(),
                        name: person.name.clone(),
                        role: person.role.clone(),
                        head_of_department: person.head_of_department,
                        call: at(call),
                        notes,
                    },
                    person.department.as_deref(),
                ));
            }
        }
        // Cast on hold that day.
        for person in &p.people {
            if person.category == PersonCategory::Cast
                && codes.get(person.id.as_str()) == Some(&DoodCode::Hold)
                && !cast.iter().any(|r: &CastRow| r.person == person.id)
            {
                cast.push(CastRow {
                    person: person.id.clone(),
                    cast_number: person.cast_number,
                    name: person.name.clone(),
                    role: person.role.clone(),
                    status: DoodCode::Hold.code().to_owned(),
                    pickup: None,
                    makeup_call: None,
                    call: None,
                    on_set: None,
                    dismissal: None,
                    notes: String::new(),
                });
            }
        }
        cast.sort_by(|a, b| {
            (a.cast_number.is_none(), a.cast_number, &a.name, &a.person).cmp(&(
                b.cast_number.is_none(),
                b.cast_number,
                &b.name,
                &b.person,
            ))
        });

        CallSheet {
            production: p.name.clone(),
            shoot_day: day.id.clone(),
            title: day.title.clone(),
            date,
            weekday: date.weekday(),
            day_number,
            total_days,
            unit: day.unit.clone(),
            unit_name: day.unit.as_ref().map_or_else(String::new, |u| {
                p.units
                    .iter()
                    .find(|x| &x.id == u)
                    .map_or_else(|| u.to_string(), |x| x.name.clone())
            }),
            zone: zone.name().to_owned(),
            general_call: at(day.start),
            estimated_wrap: at(day.end),
            revision: options.revision,
            revision_colour: options.colours.name(options.revision),
            schedule_version: options.schedule_version.clone(),
            locations,
            scenes,
            total_eighths,
            total_pages: format_pages(total_eighths),
            cast,
            crew: group_crew(crew),
            meals: self.meals(day, &at),
            resources: self.resources(day, &scene_events),
            advance: self.advance(day, &unit_days),
            notes: self.notes(day, options),
        }
    }

    /// Every cast member's day-out-of-days code on `date`.
    fn dood_codes(&self, day: &Event, date: NaiveDate) -> FxHashMap<&'p str, DoodCode> {
        let options = DoodOptions {
            people: DoodPeople::Cast,
            range: DoodRange::Dates {
                from: date,
                to: date,
            },
            include_holds: true,
            include_tentative: day.status == BookingStatus::Tentative,
        };
        let report = day_out_of_days(self.production, &options);
        let mut out = FxHashMap::default();
        for row in &report.rows {
            if let (Some(&i), Some(&code)) =
                (self.people.get(row.person.as_str()), row.codes.first())
                && let Some(person) = self.production.people.get(i)
            {
                out.insert(person.id.as_str(), code);
            }
        }
        out
    }

    fn meals(&self, day: &Event, at: &dyn Fn(Timestamp) -> CallTime) -> Vec<MealRow> {
        let mut breaks: Vec<_> = day.meals.iter().collect();
        breaks.sort_by_key(|m| (m.start, m.end));
        let mut rows: Vec<(Timestamp, MealRow)> = Vec::new();
        let mut n = 0;
        for m in breaks {
            let label = if m.non_deductible {
                "Non-deductible breakfast".to_owned()
            } else {
                n += 1;
                format!("{} meal", ordinal(n))
            };
            rows.push((
                m.start,
                MealRow {
                    label,
                    start: at(m.start),
                    end: at(m.end),
                },
            ));
        }
        for e in self.children(day) {
            if e.kind == EventKind::Meal {
                rows.push((
                    e.start,
                    MealRow {
                        label: if e.title.is_empty() {
                            "Meal".to_owned()
                        } else {
                            e.title.clone()
                        },
                        start: at(e.start),
                        end: at(e.end),
                    },
                ));
            }
        }
        rows.sort_by_key(|(t, _)| *t);
        rows.into_iter().map(|(_, r)| r).collect()
    }

    fn resources(&self, day: &Event, scenes: &[&Event]) -> Vec<ResourceRow> {
        let mut order: Vec<&ResourceId> = Vec::new();
        let mut quantities: FxHashMap<&str, u32> = FxHashMap::default();
        for b in &day.resources {
            if !quantities.contains_key(b.resource.as_str()) {
                order.push(&b.resource);
            }
            let q = quantities.entry(b.resource.as_str()).or_insert(0);
            *q = q.saturating_add(b.quantity);
        }
        let mut scene_only: FxHashMap<&str, u32> = FxHashMap::default();
        for b in scenes.iter().flat_map(|s| &s.resources) {
            if day.resources.iter().any(|d| d.resource == b.resource) {
                continue;
            }
            if !scene_only.contains_key(b.resource.as_str()) {
                order.push(&b.resource);
            }
            let q = scene_only.entry(b.resource.as_str()).or_insert(0);
            *q = (*q).max(b.quantity);
        }
        order
            .into_iter()
            .map(|id| ResourceRow {
                resource: id.clone(),
                name: self
                    .production
                    .resources
                    .iter()
                    .find(|r| &r.id == id)
                    .map_or_else(|| id.to_string(), |r| r.name.clone()),
                quantity: quantities
                    .get(id.as_str())
                    .or_else(|| scene_only.get(id.as_str()))
                    .copied()
                    .unwrap_or(0),
            })
            .collect()
    }

    fn advance(&self, day: &Event, unit_days: &[&'p Event]) -> Option<AdvanceDay> {
        let position = unit_days.iter().position(|e| e.id == day.id)?;
        let next = *unit_days.get(position + 1)?;
        let zone = self.zone_of(next.location.as_ref());
        let date = local_naive(zone, next.start).date();
        let scene_events = self.scenes(next);
        let scenes: Vec<SceneRow> = scene_events
            .iter()
            .map(|s| self.scene_row(next, date, s))
            .collect();
        let total_eighths = scenes.iter().map(|s| s.eighths).sum();
        Some(AdvanceDay {
            event: next.id.clone(),
            date,
            weekday: date.weekday(),
            day_number: next
                .day_number
                .unwrap_or_else(|| u32::try_from(position + 2).unwrap_or(u32::MAX)),
            general_call: CallTime::new(zone, date, next.start),
            locations: self
                .location_ids(next, &scene_events)
                .into_iter()
                .filter_map(|id| self.location(id))
                .map(|l| l.name.clone())
                .collect(),
            scenes,
            total_eighths,
            total_pages: format_pages(total_eighths),
        })
    }

    fn notes(&self, day: &Event, options: &CallSheetOptions) -> Vec<String> {
        let mut notes: Vec<String> = Vec::new();
        let mut push = |note: String| {
            if !note.trim().is_empty() && !notes.contains(&note) {
                notes.push(note);
            }
        };
        for n in &options.notes {
            push(n.clone());
        }
        push(day.notes.clone());
        for e in self.children(day) {
            if e.notes.trim().is_empty() {
                continue;
            }
            let label = match (&e.scene, e.title.is_empty()) {
                (Some(s), _) => format!("Sc. {}", s.number),
                (None, false) => e.title.clone(),
                (None, true) => e.id.to_string(),
            };
            push(format!("{label}: {}", e.notes));
        }
        notes
    }
}

impl<'p> Calls<'p> {
    fn all(&self) -> impl Iterator<Item = &'p Attendance> + '_ {
        self.day
            .into_iter()
            .chain(self.children.iter().map(|(_, a)| *a))
    }

    fn notes(&self) -> String {
        let mut notes: Vec<&str> = Vec::new();
        for a in self.all() {
            let n = a.note.trim();
            if !n.is_empty() && !notes.contains(&n) {
                notes.push(n);
            }
        }
        notes.join("; ")
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn int_ext_label(v: InteriorExterior) -> &'static str {
    match v {
        InteriorExterior::Int => "INT",
        InteriorExterior::Ext => "EXT",
        InteriorExterior::IntExt => "INT/EXT",
    }
}

fn story_time_label(v: StoryTime) -> &'static str {
    match v {
        StoryTime::Day => "DAY",
        StoryTime::Night => "NIGHT",
        StoryTime::Dawn => "DAWN",
        StoryTime::Dusk => "DUSK",
    }
}

/// The rank of a department in [`DEPARTMENT_ORDER`], recognising common spellings.
fn department_rank(name: &str) -> Option<usize> {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let canonical = match key.as_str() {
        "production" => "Production",
        "camera" => "Camera",
        "grip" | "grips" => "Grip",
        "electric" | "electrical" | "lighting" => "Electric",
        "sound" => "Sound",
        "art" | "artdepartment" => "Art",
        "setdressing" => "Set Dressing",
        "props" | "property" => "Props",
        "costume" | "costumes" | "wardrobe" => "Costume",
        "hairmakeup" | "hairandmakeup" | "makeuphair" | "makeupandhair" | "hmu" | "makeup" => {
            "Hair & Makeup"
        }
        "locations" | "location" => "Locations",
        "transportation" | "transport" => "Transportation",
        "catering" => "Catering",
        _ => return None,
    };
    DEPARTMENT_ORDER.iter().position(|d| *d == canonical)
}

fn group_crew(rows: Vec<(usize, CrewRow, Option<&str>)>) -> Vec<CrewDepartment> {
    // Key: (rank, name) with rank = fixed position, then alphabetical (others), then "Other".
    let fixed = DEPARTMENT_ORDER.len();
    let mut groups: BTreeMap<(usize, String, String), Vec<(usize, CrewRow)>> = BTreeMap::new();
    for (i, row, department) in rows {
        let key = match department.map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => match department_rank(d) {
                Some(rank) => (rank, String::new(), d.to_owned()),
                None => (fixed, d.to_lowercase(), d.to_owned()),
            },
            None => (fixed + 1, String::new(), "Other".to_owned()),
        };
        groups.entry(key).or_default().push((i, row));
    }
    groups
        .into_iter()
        .map(|((_, _, department), mut rows)| {
            rows.sort_by_key(|(i, r)| (!r.head_of_department, *i));
            CrewDepartment {
                department,
                rows: rows.into_iter().map(|(_, r)| r).collect(),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Text

fn one_line(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Word-wraps `text` into lines of at most `width` characters (long words are cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in one_line(text).split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        if word.is_empty() {
            continue;
        }
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn pad(text: &str, width: usize) -> String {
    let mut s = text.to_owned();
    for _ in text.chars().count()..width {
        s.push(' ');
    }
    s
}

/// A fixed-width table: headers with widths, cells wrapped within them, two
/// leading spaces and one space between columns.
fn text_table(out: &mut String, columns: &[(&str, usize)], rows: &[Vec<String>]) {
    text_table_with(out, columns, rows, true);
}

fn text_table_with(
    out: &mut String,
    columns: &[(&str, usize)],
    rows: &[Vec<String>],
    header: bool,
) {
    let line = |cells: &[String]| {
        let mut s = String::from(" ");
        for (cell, (_, width)) in cells.iter().zip(columns) {
            s.push(' ');
            s.push_str(&pad(cell, *width));
        }
        let mut s = s.trim_end().to_owned();
        s.push('\n');
        s
    };
    if header {
        let headers: Vec<String> = columns.iter().map(|(h, _)| (*h).to_owned()).collect();
        out.push_str(&line(&headers));
    }
    for row in rows {
        let wrapped: Vec<Vec<String>> = row
            .iter()
            .zip(columns)
            .map(|(cell, (_, width))| wrap(cell, *width))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let cells: Vec<String> = wrapped
                .iter()
                .map(|w| w.get(k).cloned().unwrap_or_default())
                .collect();
            out.push_str(&line(&cells));
        }
    }
}

fn labelled(out: &mut String, indent: usize, label: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    let head = format!("{}{label}: ", " ".repeat(indent));
    let width = TEXT_WIDTH.saturating_sub(head.chars().count()).max(20);
    for (k, l) in wrap(value, width).iter().enumerate() {
        if k == 0 {
            out.push_str(&head);
        } else {
            out.push_str(&" ".repeat(head.chars().count()));
        }
        out.push_str(l);
        out.push('\n');
    }
}

fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(&"-".repeat(title.chars().count()));
    out.push('\n');
}

fn time_or_dash(t: Option<&CallTime>) -> String {
    t.map_or_else(|| "-".to_owned(), |t| t.local.clone())
}

fn numbers(n: &[u32]) -> String {
    n.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

fn scene_rows(scenes: &[SceneRow]) -> Vec<Vec<String>> {
    scenes
        .iter()
        .map(|s| {
            let mut set = s.set.clone();
            if !s.synopsis.is_empty() {
                set = format!("{set} — {}", s.synopsis);
            }
            vec![
                s.number.clone(),
                set,
                s.int_ext.clone(),
                s.day_night.clone(),
                s.start.local.clone(),
                s.pages.clone(),
                numbers(&s.cast_numbers),
            ]
        })
        .collect()
}

const SCENE_COLUMNS: &[(&str, usize)] = &[
    ("SC", 6),
    ("SET / DESCRIPTION", 41),
    ("I/E", 7),
    ("D/N", 5),
    ("START", 6),
    ("PAGES", 6),
    ("CAST", 19),
];

const CREW_COLUMNS: &[(&str, usize)] =
    &[("NAME", 26), ("POSITION", 34), ("CALL", 6), ("NOTES", 27)];

impl CallSheet {
    /// A plain-text call sheet, at most [`TEXT_WIDTH`] (100) columns wide,
    /// without trailing spaces: header, general crew call, locations,
    /// scenes, cast, crew by department, meals, resources, advance schedule
    /// and notes. Empty sections are left out.
    ///
    /// ```
    /// use callsheet::{Event, EventKind, Production};
    /// use chrono::NaiveDate;
    ///
    /// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
    /// p.events.push(Event::new("D1", EventKind::ShootDay,
    ///     "2027-03-02T15:00:00Z".parse()?, "2027-03-03T03:00:00Z".parse()?));
    /// let text = p.call_sheet(NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(), None)?.to_text();
    /// assert!(text.contains("GENERAL CREW CALL: 07:00"));
    /// assert!(text.lines().all(|l| l.chars().count() <= 100));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let rule = "=".repeat(TEXT_WIDTH);
        out.push_str(&rule);
        out.push('\n');
        let title = format!("CALL SHEET — {}", one_line(&self.production));
        for l in wrap(&title, TEXT_WIDTH) {
            let _ = writeln!(out, "{l}");
        }
        let mut line = self.day_of();
        if !self.unit_name.is_empty() {
            line = format!("{} — {line}", one_line(&self.unit_name));
        }
        let _ = writeln!(out, "{line} — {}", long_date(self.date));
        if !self.title.is_empty() {
            for l in wrap(&self.title, TEXT_WIDTH) {
                let _ = writeln!(out, "{l}");
            }
        }
        let _ = writeln!(
            out,
            "GENERAL CREW CALL: {}    ESTIMATED WRAP: {}    (times: {})",
            self.general_call.local, self.estimated_wrap.local, self.zone
        );
        let mut revision = format!("Revision: {}", self.revision_colour);
        if self.revision > 0 {
            revision.push_str(&format!(" (revision {})", self.revision));
        }
        if !self.schedule_version.is_empty() {
            revision.push_str(&format!(" — {}", one_line(&self.schedule_version)));
        }
        for l in wrap(&revision, TEXT_WIDTH) {
            let _ = writeln!(out, "{l}");
        }
        out.push_str(&rule);
        out.push('\n');

        if !self.locations.is_empty() {
            heading(&mut out, "LOCATIONS");
            for (k, l) in self.locations.iter().enumerate() {
                let head = format!("{}. {}", k + 1, one_line(&l.name));
                for w in wrap(&head, TEXT_WIDTH) {
                    let _ = writeln!(out, "{w}");
                }
                labelled(&mut out, 3, "Address", &l.address);
                labelled(&mut out, 3, "Parking", &l.parking);
                labelled(&mut out, 3, "Nearest hospital", &l.nearest_hospital);
                labelled(&mut out, 3, "Notes", &l.notes);
                labelled(&mut out, 3, "Scenes", &l.scenes.join(", "));
                if l.zone != self.zone {
                    labelled(&mut out, 3, "Time zone", &l.zone);
                }
            }
        }

        heading(&mut out, "SCENES");
        if self.scenes.is_empty() {
            out.push_str("  No scenes scheduled.\n");
        } else {
            text_table(&mut out, SCENE_COLUMNS, &scene_rows(&self.scenes));
        }
        let _ = writeln!(out, "  TOTAL PAGES: {}", self.total_pages);

        if !self.cast.is_empty() {
            heading(&mut out, "CAST");
            let rows: Vec<Vec<String>> = self
                .cast
                .iter()
                .map(|c| {
                    vec![
                        c.cast_number.map_or_else(String::new, |n| n.to_string()),
                        c.name.clone(),
                        c.role.clone(),
                        c.status.clone(),
                        time_or_dash(c.pickup.as_ref()),
                        time_or_dash(c.makeup_call.as_ref()),
                        time_or_dash(c.call.as_ref()),
                        time_or_dash(c.on_set.as_ref()),
                        time_or_dash(c.dismissal.as_ref()),
                        c.notes.clone(),
                    ]
                })
                .collect();
            text_table(
                &mut out,
                &[
                    ("#", 3),
                    ("CAST", 19),
                    ("CHARACTER", 17),
                    ("STAT", 4),
                    ("PICKUP", 6),
                    ("H/MU", 6),
                    ("CALL", 6),
                    ("ON SET", 6),
                    ("DISMISS", 7),
                    ("NOTES", 13),
                ],
                &rows,
            );
        }

        if !self.crew.is_empty() {
            heading(&mut out, "CREW CALLS");
            text_table(&mut out, CREW_COLUMNS, &[]);
            for d in &self.crew {
                let _ = writeln!(out, "  [{}]", one_line(&d.department).to_uppercase());
                let rows: Vec<Vec<String>> = d
                    .rows
                    .iter()
                    .map(|r| {
                        let role = if r.head_of_department {
                            format!("{} (HOD)", r.role)
                        } else {
                            r.role.clone()
                        };
                        vec![r.name.clone(), role, r.call.local.clone(), r.notes.clone()]
                    })
                    .collect();
                text_table_with(&mut out, CREW_COLUMNS, &rows, false);
            }
        }

        if !self.meals.is_empty() {
            heading(&mut out, "MEALS");
            for m in &self.meals {
                let _ = writeln!(
                    out,
                    "  {}: {}-{}",
                    one_line(&m.label),
                    m.start.local,
                    m.end.local
                );
            }
        }

        if !self.resources.is_empty() {
            heading(&mut out, "EQUIPMENT AND RESOURCES");
            let rows: Vec<Vec<String>> = self
                .resources
                .iter()
                .map(|r| vec![r.quantity.to_string(), r.name.clone()])
                .collect();
            text_table(&mut out, &[("QTY", 5), ("ITEM", 90)], &rows);
        }

        heading(&mut out, "ADVANCE SCHEDULE");
        match &self.advance {
            None => out.push_str("  No further shoot days scheduled for this unit.\n"),
            Some(a) => {
                let head = format!(
                    "Day {} — {} — general call {}{}",
                    a.day_number,
                    long_date(a.date),
                    a.general_call.local,
                    if a.locations.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", a.locations.join(" / "))
                    }
                );
                for l in wrap(&head, TEXT_WIDTH - 2) {
                    let _ = writeln!(out, "  {l}");
                }
                if !a.scenes.is_empty() {
                    text_table(&mut out, SCENE_COLUMNS, &scene_rows(&a.scenes));
                }
                let _ = writeln!(out, "  TOTAL PAGES: {}", a.total_pages);
            }
        }

        if !self.notes.is_empty() {
            heading(&mut out, "NOTES");
            for n in &self.notes {
                for (k, l) in wrap(n, TEXT_WIDTH - 4).iter().enumerate() {
                    let _ = writeln!(out, "{}{l}", if k == 0 { "  - " } else { "    " });
                }
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------
// HTML

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The paper colour of a revision (`"Double Blue"` is blue paper).
fn paper_colour(name: &str) -> String {
    let base = name.rsplit(' ').next().unwrap_or(name).to_ascii_lowercase();
    let hex = match base.as_str() {
        "white" => "#ffffff",
        "blue" => "#b7d3f2",
        "pink" => "#f9c6d8",
        "yellow" => "#fff27a",
        "green" => "#bfe8b5",
        "goldenrod" => "#e8b33c",
        "buff" => "#f0dc9b",
        "salmon" => "#f8a58f",
        "cherry" => "#e46a80",
        "tan" => "#d9bd94",
        "gray" | "grey" => "#c9c9c9",
        other => {
            // A custom colour: use its name as a CSS colour keyword, if it can be one.
            let keyword: String = other.chars().filter(char::is_ascii_alphabetic).collect();
            return if keyword.is_empty() {
                "#ffffff".to_owned()
            } else {
                keyword
            };
        }
    };
    hex.to_owned()
}

const CSS: &str = "@page { size: letter portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff; font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; line-height: 1.25; }
.sheet { max-width: 200mm; margin: 0 auto; padding: 4mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #e4e4e4; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.03em; }
.header td { border: 2px solid #000; padding: 6px 8px; }
.production { font-size: 18pt; font-weight: bold; }
.doc { font-size: 13pt; font-weight: bold; letter-spacing: 0.2em; }
.dayof { font-size: 13pt; font-weight: bold; }
.call { text-align: center; }
.call .time { font-size: 22pt; font-weight: bold; }
.label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.05em; }
.revision { border: 2px solid #000; border-top: 0; padding: 3px 8px; font-weight: bold; text-align: center; }
h2 { margin: 10px 0 0; padding: 2px 6px; font-size: 10pt; background: #000; color: #fff; text-transform: uppercase; letter-spacing: 0.08em; }
.locations { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }
.location { flex: 1 1 45%; border: 1px solid #000; padding: 4px 6px; }
.location h3 { margin: 0 0 2px; font-size: 10.5pt; }
.location p { margin: 1px 0; }
.hospital { border: 2px solid #000; padding: 2px 4px; margin-top: 3px; }
.num { text-align: right; white-space: nowrap; }
.time { white-space: nowrap; }
.dept { background: #f2f2f2; font-weight: bold; }
.total td { font-weight: bold; }
.muted { color: #444; }
ul.notes { margin: 4px 0; padding-left: 18px; }
tr, .location { break-inside: avoid; page-break-inside: avoid; }
h2 { break-after: avoid; page-break-after: avoid; }
@media print { .sheet { max-width: none; padding: 0; } h2, th, .revision { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

fn td(out: &mut String, class: &str, text: &str) {
    if class.is_empty() {
        let _ = write!(out, "<td>{}</td>", esc(text));
    } else {
        let _ = write!(out, "<td class=\"{class}\">{}</td>", esc(text));
    }
}

fn html_scenes(out: &mut String, scenes: &[SceneRow], total: &str) {
    out.push_str(
        "<table>\n<thead><tr><th>Sc</th><th>Set / description</th><th>I/E</th><th>D/N</th>\
         <th>Start</th><th>Pages</th><th>Cast</th></tr></thead>\n<tbody>\n",
    );
    for s in scenes {
        out.push_str("<tr>");
        td(out, "", &s.number);
        out.push_str("<td><strong>");
        out.push_str(&esc(&s.set));
        out.push_str("</strong>");
        if !s.synopsis.is_empty() {
            let _ = write!(out, "<div class=\"muted\">{}</div>", esc(&s.synopsis));
        }
        out.push_str("</td>");
        td(out, "", &s.int_ext);
        td(out, "", &s.day_night);
        td(out, "time", &s.start.local);
        td(out, "num", &s.pages);
        td(out, "", &numbers(&s.cast_numbers));
        out.push_str("</tr>\n");
    }
    let _ = writeln!(
        out,
        "<tr class=\"total\"><td colspan=\"5\">Total pages</td><td class=\"num\">{}</td><td></td></tr>",
        esc(total)
    );
    out.push_str("</tbody>\n</table>\n");
}

impl CallSheet {
    /// A self-contained, printable HTML5 page laid out like a paper call
    /// sheet: a header band (production, day x of y, date, general crew
    /// call), the revision colour as a coloured band, location boxes with
    /// the nearest hospital, scenes, cast, crew by department, meals,
    /// resources, the advance schedule and notes.
    ///
    /// Styles are inline (one `<style>` element, print-friendly with
    /// `@page`); there are no scripts, images, web fonts or URLs, and every
    /// text is HTML-escaped. The output is deterministic.
    ///
    /// ```
    /// use callsheet::{Event, EventKind, Production};
    /// use chrono::NaiveDate;
    ///
    /// let mut p = Production::new("Tom & Jerry <Live>", "America/Los_Angeles".parse()?, "USD".parse()?);
    /// p.events.push(Event::new("D1", EventKind::ShootDay,
    ///     "2027-03-02T15:00:00Z".parse()?, "2027-03-03T03:00:00Z".parse()?));
    /// let html = p.call_sheet(NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(), None)?.to_html();
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert!(html.contains("Tom &amp; Jerry &lt;Live&gt;"));
    /// assert!(!html.contains("<script"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        let _ = writeln!(
            out,
            "<title>Call sheet — {} — {} — {}</title>",
            esc(&self.production),
            esc(&self.day_of()),
            self.date
        );
        let _ = writeln!(
            out,
            "<style>\n{CSS}</style>\n</head>\n<body>\n<div class=\"sheet\">"
        );

        // Header band.
        out.push_str("<table class=\"header\">\n<tr>\n<td>");
        let _ = write!(
            out,
            "<div class=\"production\">{}</div>",
            esc(&self.production)
        );
        if !self.unit_name.is_empty() {
            let _ = write!(out, "<div>{}</div>", esc(&self.unit_name));
        }
        if !self.title.is_empty() {
            let _ = write!(out, "<div class=\"muted\">{}</div>", esc(&self.title));
        }
        out.push_str("</td>\n<td class=\"call\">");
        let _ = write!(
            out,
            "<div class=\"doc\">CALL SHEET</div><div class=\"dayof\">{}</div><div>{}</div>",
            esc(&self.day_of()),
            esc(&long_date(self.date))
        );
        out.push_str("</td>\n<td class=\"call\">");
        let _ = write!(
            out,
            "<div class=\"label\">General crew call</div><div class=\"time\">{}</div>\
             <div class=\"label\">Estimated wrap {}</div><div class=\"label\">{}</div>",
            esc(&self.general_call.local),
            esc(&self.estimated_wrap.local),
            esc(&self.zone)
        );
        out.push_str("</td>\n</tr>\n</table>\n");
        let mut revision = format!("{} revision", self.revision_colour);
        if self.revision == 0 {
            revision = format!("{} — first issue", self.revision_colour);
        }
        if !self.schedule_version.is_empty() {
            revision = format!("{revision} · {}", self.schedule_version);
        }
        let _ = writeln!(
            out,
            "<div class=\"revision\" style=\"background-color: {}\">{}</div>",
            esc(&paper_colour(&self.revision_colour)),
            esc(&revision)
        );

        // Locations.
        if !self.locations.is_empty() {
            out.push_str("<section>\n<h2>Locations</h2>\n<div class=\"locations\">\n");
            for l in &self.locations {
                out.push_str("<div class=\"location\">");
                let _ = write!(out, "<h3>{}</h3>", esc(&l.name));
                for (label, value) in [
                    ("Address", &l.address),
                    ("Parking", &l.parking),
                    ("Notes", &l.notes),
                ] {
                    if !value.is_empty() {
                        let _ = write!(out, "<p><strong>{label}:</strong> {}</p>", esc(value));
                    }
                }
                if !l.scenes.is_empty() {
                    let _ = write!(
                        out,
                        "<p><strong>Scenes:</strong> {}</p>",
                        esc(&l.scenes.join(", "))
                    );
                }
                if l.zone != self.zone {
                    let _ = write!(out, "<p><strong>Time zone:</strong> {}</p>", esc(&l.zone));
                }
                let hospital = if l.nearest_hospital.is_empty() {
                    "not given"
                } else {
                    &l.nearest_hospital
                };
                let _ = write!(
                    out,
                    "<div class=\"hospital\"><strong>Nearest hospital:</strong> {}</div>",
                    esc(hospital)
                );
                out.push_str("</div>\n");
            }
            out.push_str("</div>\n</section>\n");
        }

        // Scenes.
        out.push_str("<section>\n<h2>Scenes</h2>\n");
        html_scenes(&mut out, &self.scenes, &self.total_pages);
        out.push_str("</section>\n");

        // Cast.
        if !self.cast.is_empty() {
            out.push_str(
                "<section>\n<h2>Cast</h2>\n<table>\n<thead><tr><th>#</th><th>Cast</th>\
                 <th>Character</th><th>Status</th><th>Pickup</th><th>H/MU</th><th>Call</th>\
                 <th>On set</th><th>Dismissal</th><th>Notes</th></tr></thead>\n<tbody>\n",
            );
            for c in &self.cast {
                out.push_str("<tr>");
                td(
                    &mut out,
                    "num",
                    &c.cast_number.map_or_else(String::new, |n| n.to_string()),
                );
                td(&mut out, "", &c.name);
                td(&mut out, "", &c.role);
                td(&mut out, "", &c.status);
                for t in [&c.pickup, &c.makeup_call, &c.call, &c.on_set, &c.dismissal] {
                    td(&mut out, "time", &time_or_dash(t.as_ref()));
                }
                td(&mut out, "", &c.notes);
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</section>\n");
        }

        // Crew.
        if !self.crew.is_empty() {
            out.push_str(
                "<section>\n<h2>Crew calls</h2>\n<table>\n<thead><tr><th>Name</th>\
                 <th>Position</th><th>Call</th><th>Notes</th></tr></thead>\n<tbody>\n",
            );
            for d in &self.crew {
                let _ = writeln!(
                    out,
                    "<tr class=\"dept\"><td colspan=\"4\">{}</td></tr>",
                    esc(&d.department)
                );
                for r in &d.rows {
                    out.push_str("<tr>");
                    td(&mut out, "", &r.name);
                    let role = if r.head_of_department {
                        format!("{} (HOD)", r.role)
                    } else {
                        r.role.clone()
                    };
                    td(&mut out, "", &role);
                    td(&mut out, "time", &r.call.local);
                    td(&mut out, "", &r.notes);
                    out.push_str("</tr>\n");
                }
            }
            out.push_str("</tbody>\n</table>\n</section>\n");
        }

        // Meals and resources.
        if !self.meals.is_empty() {
            out.push_str("<section>\n<h2>Meals</h2>\n<table>\n<tbody>\n");
            for m in &self.meals {
                out.push_str("<tr>");
                td(&mut out, "", &m.label);
                td(
                    &mut out,
                    "time",
                    &format!("{}–{}", m.start.local, m.end.local),
                );
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</section>\n");
        }
        if !self.resources.is_empty() {
            out.push_str(
                "<section>\n<h2>Equipment and resources</h2>\n<table>\n<thead><tr><th>Qty</th>\
                 <th>Item</th></tr></thead>\n<tbody>\n",
            );
            for r in &self.resources {
                out.push_str("<tr>");
                td(&mut out, "num", &r.quantity.to_string());
                td(&mut out, "", &r.name);
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</section>\n");
        }

        // Advance schedule.
        out.push_str("<section>\n<h2>Advance schedule</h2>\n");
        match &self.advance {
            None => out.push_str("<p>No further shoot days scheduled for this unit.</p>\n"),
            Some(a) => {
                let _ = writeln!(
                    out,
                    "<p><strong>Day {} — {}</strong> · general call {}{}</p>",
                    a.day_number,
                    esc(&long_date(a.date)),
                    esc(&a.general_call.local),
                    if a.locations.is_empty() {
                        String::new()
                    } else {
                        format!(" · {}", esc(&a.locations.join(" / ")))
                    }
                );
                html_scenes(&mut out, &a.scenes, &a.total_pages);
            }
        }
        out.push_str("</section>\n");

        // Notes.
        if !self.notes.is_empty() {
            out.push_str("<section>\n<h2>Notes</h2>\n<ul class=\"notes\">\n");
            for n in &self.notes {
                let _ = writeln!(out, "<li>{}</li>", esc(n));
            }
            out.push_str("</ul>\n</section>\n");
        }
        out.push_str("</div>\n</body>\n</html>\n");
        out
    }
}

//! iCalendar (RFC 5545) feeds and free/busy for people, locations and resources.
//!
//! A feed is one `VCALENDAR` for one [`CalendarSubject`]: a person's
//! commitments, what happens at a location, a resource's bookings, or the
//! whole schedule. Calendar apps subscribe to it (or import it) and update
//! their copies on each refresh: every event keeps the same `UID` from one
//! export to the next, and its `SEQUENCE` goes up when its content changes.
//!
//! # Rules
//!
//! - **Who is in an event.** A person attends it ([`Event::attendees`]); a
//!   location hosts it (its own location, or for a scene without one its
//!   shoot day's); a resource is booked by it ([`Event::resources`]);
//!   [`CalendarSubject::Everything`] takes every event.
//! - **Which events.** A scene or meal is as firm as its shoot day (the
//!   weaker status wins, as in the [day out of days](crate::comms::dood)).
//!   Holds and tentative events are included unless
//!   [`IcalOptions::include_holds`] is off (both are `STATUS:TENTATIVE`);
//!   cancelled events are included as `STATUS:CANCELLED` (and
//!   `TRANSP:TRANSPARENT`) so calendar apps remove them, unless
//!   [`IcalOptions::include_cancelled`] is off.
//! - **Folding.** A child event (a scene or meal, [`Event::parent`]) whose
//!   shoot day is in the same feed is folded into the day: no `VEVENT` of its
//!   own, its scene number listed in the day's `DESCRIPTION` (`Scenes: 12,
//!   14A`) and, unless it is cancelled, its times inside the day's. A scene
//!   whose day is not in the feed (an actor called only for the scene) is an
//!   event of its own.
//! - **Times.** `DTSTART`/`DTEND` are, for a person, their own report (the
//!   earlier of makeup call and call) and release; for a location and for
//!   [`CalendarSubject::Everything`], the event's start and end; for a
//!   resource, the operational window: the event widened by the resource's
//!   prep and return minutes (the event's own span is in the
//!   `DESCRIPTION`). They are written as local wall-clock times with the
//!   `TZID` of the event's zone: its location's, else its shoot day's
//!   location's, else the production's home zone (never floating). An
//!   instant in the second occurrence of a repeated hour (when clocks go
//!   back) cannot be written with a `TZID` and is written in UTC. Every zone
//!   used gets a `VTIMEZONE` with its real offset changes (from `chrono-tz`)
//!   over the years the feed covers, as explicit `STANDARD`/`DAYLIGHT`
//!   observances without `RRULE`.
//! - **Content.** `SUMMARY` is the title, else the kind with the day or scene
//!   number (`Shoot day 12`, `Scene 42A`); `LOCATION` the location's name
//!   and address (and `GEO` when it has coordinates); `DESCRIPTION` the
//!   local times (makeup, call, on set, dismissal for a person), folded
//!   scenes and notes; `CATEGORIES` the kind; `X-CALLSHEET-EVENT-ID` the
//!   event's id.
//! - **UIDs** are `{event id}-{kind}-{subject id}@{uid_domain}` with kind
//!   `person`, `location` or `resource` (`{event id}-all@{uid_domain}` for
//!   everything). Ids are percent-encoded (every byte but ASCII letters,
//!   digits, `.`, `_` and `~`, so `-` only ever separates), which keeps UIDs
//!   distinct and safe whatever the ids contain.
//! - **SEQUENCE** comes from [`IcalOptions::sequence`]: the map returned with
//!   the previous export ([`IcalExport::sequences`]). An event keeps its
//!   sequence while its [content hash](content_hash) is unchanged and gets
//!   the next one when anything shown changes (times, location, status,
//!   title, description, which includes a person's own call times). The
//!   hash covers every property but `DTSTAMP` and `SEQUENCE`, so the stamp
//!   alone never bumps it.
//! - **DTSTAMP** is [`IcalOptions::dtstamp`]: the core never reads the clock,
//!   so callers pass "now".
//!
//! Output is deterministic byte for byte: `VTIMEZONE`s by zone name, then
//! `VEVENT`s by start, then `UID`; lines end in CRLF and are folded at 75
//! octets without splitting a UTF-8 character; text is escaped (`\\`, `\;`,
//! `\,`, `\n`; other control characters are dropped). No `METHOD` is
//! written: a feed is a published calendar, not an iTIP message.
//!
//! [`free_busy`] answers "when is this subject taken" as a `VFREEBUSY`:
//! `BUSY` for confirmed events, `BUSY-TENTATIVE` for holds, tentative events
//! and tentative availability windows, `BUSY-UNAVAILABLE` for unavailable
//! windows.
//!
//! # Examples
//!
//! ```
//! use callsheet::comms::{CalendarSubject, IcalOptions, to_ical};
//! use callsheet::{Attendance, Event, EventKind, Location, Person, PersonCategory, Production};
//!
//! let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
//! p.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
//! p.locations.push(Location::new("L1", "Stage 4", "America/Los_Angeles".parse()?));
//! let mut day = Event::new(
//!     "D1",
//!     EventKind::ShootDay,
//!     "2027-03-12T15:00:00Z".parse()?,
//!     "2027-03-13T03:00:00Z".parse()?,
//! );
//! day.day_number = Some(1);
//! day.location = Some("L1".into());
//! let mut maya = Attendance::new("P1");
//! maya.makeup_call = Some("2027-03-12T13:30:00Z".parse()?);
//! day.attendees.push(maya);
//! p.events.push(day);
//!
//! let options = IcalOptions::new(
//!     CalendarSubject::Person("P1".into()),
//!     "2027-03-01T12:00:00Z".parse()?, // now
//! );
//! let export = to_ical(&p, &options)?;
//! let lines: Vec<&str> = export.text.split("\r\n").collect();
//! assert!(lines.contains(&"UID:D1-person-P1@callsheet.invalid"));
//! assert!(lines.contains(&"DTSTART;TZID=America/Los_Angeles:20270312T053000"));
//! assert!(lines.contains(&"SUMMARY:Shoot day 1"));
//! assert!(lines.contains(&"SEQUENCE:0"));
//! // Store `export.sequences` and pass it back next time as
//! // `SequenceSource::Previous` so that changed events get a higher SEQUENCE.
//! assert_eq!(export.sequences["D1-person-P1@callsheet.invalid"].0, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{
    Attendance, AvailabilityKind, AvailabilityWindow, BookingStatus, Event, EventKind, IanaZone,
    Location, LocationId, Person, PersonId, Production, Resource, ResourceId, Timestamp,
};

/// The `UID` domain used unless [`IcalOptions::uid_domain`] says otherwise
/// (a reserved name that can never clash with a real host).
pub const DEFAULT_UID_DOMAIN: &str = "callsheet.invalid";

/// The `PRODID` of every calendar written here.
pub const PRODID: &str = "-//callsheet//callsheet//EN";

/// Whose calendar a feed is.
///
/// Serialised like `{"person": "P1"}` or `"everything"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarSubject {
    /// One person: the events they attend, at their own times.
    Person(PersonId),
    /// One location: the events that happen there.
    Location(LocationId),
    /// One resource: its bookings, over their operational windows.
    Resource(ResourceId),
    /// The whole schedule: every event.
    Everything,
}

impl CalendarSubject {
    /// The subject's kind as used in UIDs and messages: `"person"`,
    /// `"location"`, `"resource"` or `"all"`.
    pub fn kind(&self) -> &'static str {
        match self {
            CalendarSubject::Person(_) => "person",
            CalendarSubject::Location(_) => "location",
            CalendarSubject::Resource(_) => "resource",
            CalendarSubject::Everything => "all",
        }
    }

    /// The subject's id, if it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            CalendarSubject::Person(id) => Some(id.as_str()),
            CalendarSubject::Location(id) => Some(id.as_str()),
            CalendarSubject::Resource(id) => Some(id.as_str()),
            CalendarSubject::Everything => None,
        }
    }
}

impl fmt::Display for CalendarSubject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id() {
            Some(id) => write!(f, "{} {id:?}", self.kind()),
            None => f.write_str("everything"),
        }
    }
}

/// Where each event's `SEQUENCE` comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SequenceSource {
    /// A first export: every event gets `SEQUENCE:0`.
    #[default]
    Fresh,
    /// The [`IcalExport::sequences`] of the previous export: UID →
    /// (sequence, [content hash](content_hash)). An event whose hash changed
    /// gets the previous sequence plus one, an unchanged one keeps it, a new
    /// one starts at 0.
    Previous(BTreeMap<String, (u32, u64)>),
}

/// What an iCalendar export covers and how it is stamped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IcalOptions {
    /// Whose calendar.
    pub subject: CalendarSubject,
    /// Whether holds and tentative events are included, as
    /// `STATUS:TENTATIVE` (default: yes).
    #[serde(default = "yes")]
    pub include_holds: bool,
    /// Whether cancelled events are included, as `STATUS:CANCELLED`, so
    /// that calendar apps remove them (default: yes).
    #[serde(default = "yes")]
    pub include_cancelled: bool,
    /// The domain part of every `UID` (default [`DEFAULT_UID_DOMAIN`]):
    /// ASCII letters, digits, `.` and `-`.
    #[serde(default = "default_uid_domain")]
    pub uid_domain: String,
    /// Where `SEQUENCE` values come from (default: a fresh export).
    #[serde(default)]
    pub sequence: SequenceSource,
    /// The `DTSTAMP` of every event: pass the current time. Required,
    /// because the core never reads the clock.
    pub dtstamp: Timestamp,
}

fn yes() -> bool {
    true
}

fn default_uid_domain() -> String {
    DEFAULT_UID_DOMAIN.to_owned()
}

impl IcalOptions {
    /// Options for `subject` stamped `dtstamp` ("now"), with holds and
    /// cancelled events included, the default UID domain and fresh
    /// sequences.
    ///
    /// ```
    /// use callsheet::comms::{CalendarSubject, IcalOptions, SequenceSource};
    /// let options = IcalOptions::new(CalendarSubject::Everything, "2027-03-01T12:00:00Z".parse()?);
    /// assert!(options.include_holds && options.include_cancelled);
    /// assert_eq!(options.uid_domain, "callsheet.invalid");
    /// assert_eq!(options.sequence, SequenceSource::Fresh);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(subject: CalendarSubject, dtstamp: Timestamp) -> Self {
        Self {
            subject,
            include_holds: true,
            include_cancelled: true,
            uid_domain: default_uid_domain(),
            sequence: SequenceSource::Fresh,
            dtstamp,
        }
    }
}

/// An iCalendar feed and the sequences to keep for the next export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IcalExport {
    /// The `.ics` text (CRLF line endings, folded at 75 octets).
    pub text: String,
    /// UID → (sequence, content hash) of every event in this export, plus
    /// the entries of [`SequenceSource::Previous`] for UIDs not in it (so
    /// an event that leaves the feed and comes back continues its
    /// sequence). Pass it back as [`SequenceSource::Previous`] next time.
    pub sequences: BTreeMap<String, (u32, u64)>,
}

/// Why a calendar could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcalError {
    /// The subject is not in the production.
    #[error("{path}: unknown {kind} {id:?}")]
    UnknownSubject {
        /// Where the subject was given (`subject`).
        path: String,
        /// `person`, `location` or `resource`.
        kind: String,
        /// The id that was not found.
        id: String,
    },
    /// An option or argument is malformed (a UID domain with spaces, a
    /// free/busy range that ends before it starts).
    #[error("{path}: {message}")]
    InvalidOption {
        /// The option (`uid_domain`, `to`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An instant to be written lies outside the years 0002–9998 (iCalendar
    /// writes four-digit years, in UTC and in every local zone).
    #[error("{path}: {message}")]
    OutOfRange {
        /// Where the instant comes from (`events[3]`, `dtstamp`).
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl IcalError {
    /// The error as a [`Problem`](crate::Problem): where (`subject`, `to`,
    /// `events[3]`) and what is wrong.
    pub fn problem(&self) -> crate::Problem {
        let (IcalError::UnknownSubject { path, .. }
        | IcalError::InvalidOption { path, .. }
        | IcalError::OutOfRange { path, .. }) = self;
        crate::Problem::of_error(path, self)
    }
}

impl Production {
    /// The iCalendar feed of `subject`, with holds and cancelled events and
    /// fresh sequences, stamped `dtstamp` (pass the current time: the core
    /// never reads the clock); use [`to_ical`] with [`IcalOptions`] to carry
    /// sequences over from the previous export.
    ///
    /// # Errors
    ///
    /// [`IcalError::UnknownSubject`] when the person, location or resource
    /// is not in the production; [`IcalError::OutOfRange`] for events
    /// outside the years 0002–9998.
    ///
    /// # Examples
    ///
    /// ```
    /// use callsheet::Production;
    /// use callsheet::comms::CalendarSubject;
    /// let p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
    /// let now = "2027-02-20T12:00:00Z".parse()?;
    /// let text = p.to_ical(CalendarSubject::Everything, now)?;
    /// assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    /// let err = p.to_ical(CalendarSubject::Person("P99".into()), now).unwrap_err();
    /// assert_eq!(err.to_string(), "subject: unknown person \"P99\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_ical(
        &self,
        subject: CalendarSubject,
        dtstamp: Timestamp,
    ) -> Result<String, IcalError> {
        let options = IcalOptions::new(subject, dtstamp);
        to_ical(self, &options).map(|export| export.text)
    }
}

/// The iCalendar feed of [`IcalOptions::subject`] (see [the module](self)
/// for the rules), with the sequences to pass to the next export.
///
/// # Errors
///
/// - [`IcalError::UnknownSubject`]: the person, location or resource is not
///   in the production (`subject: unknown person "P99"`).
/// - [`IcalError::InvalidOption`]: [`IcalOptions::uid_domain`] is empty or
///   has characters other than ASCII letters, digits, `.` and `-`.
/// - [`IcalError::OutOfRange`]: the stamp or an event's times lie outside
///   the years 0002–9998.
///
/// # Examples
///
/// A second export after a change: only the changed event's `SEQUENCE` goes up.
///
/// ```
/// use callsheet::comms::{CalendarSubject, IcalOptions, SequenceSource, to_ical};
/// use callsheet::{Event, EventKind, Production};
///
/// let mut p = Production::new("Night Diner", "Europe/London".parse()?, "GBP".parse()?);
/// for (id, day) in [("M1", 1), ("M2", 2)] {
///     let start = format!("2027-03-{day:02}T09:00:00Z").parse()?;
///     let end = format!("2027-03-{day:02}T10:00:00Z").parse()?;
///     p.events.push(Event::new(id, EventKind::Meeting, start, end));
/// }
/// let mut options = IcalOptions::new(CalendarSubject::Everything, "2027-02-01T00:00:00Z".parse()?);
/// let first = to_ical(&p, &options)?;
///
/// p.events[1].end = "2027-03-02T11:00:00Z".parse()?;
/// options.sequence = SequenceSource::Previous(first.sequences);
/// options.dtstamp = "2027-02-02T00:00:00Z".parse()?;
/// let second = to_ical(&p, &options)?;
/// assert_eq!(second.sequences["M1-all@callsheet.invalid"].0, 0);
/// assert_eq!(second.sequences["M2-all@callsheet.invalid"].0, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_ical(production: &Production, options: &IcalOptions) -> Result<IcalExport, IcalError> {
    check_uid_domain(&options.uid_domain)?;
    check_year(options.dtstamp, "dtstamp")?;
    let subject = Subject::resolve(production, &options.subject)?;
    let index = Index::new(production);
    let items = collect(&index, &subject, options);

    let mut zones = ZoneYears::default();
    let mut events = Vec::with_capacity(items.len());
    for item in &items {
        events.push(render_event(&index, &subject, options, item, &mut zones)?);
    }
    events.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));

    let mut sequences = match &options.sequence {
        SequenceSource::Fresh => BTreeMap::new(),
        SequenceSource::Previous(previous) => previous.clone(),
    };
    let mut out = String::new();
    write_calendar_head(&mut out, &calendar_name(production, &subject));
    for (zone, years) in zones.0.values() {
        write_vtimezone(&mut out, *zone, years);
    }
    let stamp = format!("DTSTAMP:{}", utc_stamp(options.dtstamp));
    for event in &events {
        let hash = content_hash(&event.canonical());
        let sequence = match &options.sequence {
            SequenceSource::Fresh => 0,
            SequenceSource::Previous(previous) => match previous.get(&event.uid) {
                Some(&(seq, old)) if old == hash => seq,
                Some(&(seq, _)) => seq.saturating_add(1),
                None => 0,
            },
        };
        sequences.insert(event.uid.clone(), (sequence, hash));
        fold(&mut out, "BEGIN:VEVENT");
        let mut lines = event.lines.iter();
        if let Some(uid) = lines.next() {
            fold(&mut out, uid);
        }
        fold(&mut out, &stamp);
        fold(&mut out, &format!("SEQUENCE:{sequence}"));
        for line in lines {
            fold(&mut out, line);
        }
        fold(&mut out, "END:VEVENT");
    }
    fold(&mut out, "END:VCALENDAR");
    Ok(IcalExport {
        text: out,
        sequences,
    })
}

/// The stable content hash used for `SEQUENCE`: 64-bit FNV-1a over the
/// UTF-8 bytes of `canonical`.
///
/// For an event, `canonical` is `callsheet-ical-1` followed by each of its
/// unfolded content lines except `DTSTAMP` and `SEQUENCE`, in output order,
/// each preceded by a line feed. Unlike `std`'s hasher it is the same in
/// every process, build and platform, so the values can be stored.
///
/// ```
/// use callsheet::comms::content_hash;
/// assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
/// assert_eq!(content_hash("a"), 0xaf63_dc4c_8601_ec8c);
/// ```
pub fn content_hash(canonical: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    canonical.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// The free/busy time of `subject` between `from` and `to`, as a
/// `VCALENDAR` holding one `VFREEBUSY` stamped `dtstamp` ("now").
///
/// Periods are in UTC, cut to `from`..`to`, sorted and merged: one
/// `FREEBUSY` property per period, never overlapping, adjacent periods of
/// one type joined. Where several apply, `BUSY-UNAVAILABLE` wins over
/// `BUSY`, which wins over `BUSY-TENTATIVE`.
///
/// - **Person**: their commitments (report to release) — confirmed events
///   `BUSY`, holds and tentative events `BUSY-TENTATIVE` — and their
///   availability windows (unavailable `BUSY-UNAVAILABLE`, tentative
///   `BUSY-TENTATIVE`).
/// - **Location**: the events held there.
/// - **Resource**: the operational windows of its bookings (prep and return
///   included), `BUSY` only while every unit of the pool is taken by
///   confirmed bookings and `BUSY-TENTATIVE` while holds and tentative
///   bookings would take the rest; a scene's booking of a resource its shoot
///   day books counts only beyond the day's quantity. Its unavailable
///   windows as for a person.
/// - **Everything**: every event.
///
/// Cancelled events are never busy.
///
/// # Errors
///
/// [`IcalError::UnknownSubject`] for an unknown person, location or
/// resource; [`IcalError::InvalidOption`] when `to` is not after `from`;
/// [`IcalError::OutOfRange`] when `from`, `to` or `dtstamp` lie outside the
/// years 0002–9998.
///
/// # Examples
///
/// ```
/// use callsheet::comms::{CalendarSubject, free_busy};
/// use callsheet::{Attendance, BookingStatus, Event, EventKind, Person, PersonCategory, Production};
///
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
/// p.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
/// let mut day = Event::new("D1", EventKind::ShootDay, "2027-03-12T15:00:00Z".parse()?, "2027-03-13T03:00:00Z".parse()?);
/// day.attendees.push(Attendance::new("P1"));
/// let mut hold = Event::new("D2", EventKind::ShootDay, "2027-03-13T03:00:00Z".parse()?, "2027-03-13T05:00:00Z".parse()?);
/// hold.status = BookingStatus::Hold;
/// hold.attendees.push(Attendance::new("P1"));
/// p.events.extend([day, hold]);
///
/// let text = free_busy(
///     &p,
///     &CalendarSubject::Person("P1".into()),
///     "2027-03-12T00:00:00Z".parse()?,
///     "2027-03-14T00:00:00Z".parse()?,
///     "2027-03-01T00:00:00Z".parse()?,
/// )?;
/// let periods: Vec<&str> = text.split("\r\n").filter(|l| l.starts_with("FREEBUSY")).collect();
/// assert_eq!(periods, [
///     "FREEBUSY;FBTYPE=BUSY:20270312T150000Z/20270313T030000Z",
///     "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270313T030000Z/20270313T050000Z",
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn free_busy(
    production: &Production,
    subject: &CalendarSubject,
    from: Timestamp,
    to: Timestamp,
    dtstamp: Timestamp,
) -> Result<String, IcalError> {
    check_year(from, "from")?;
    check_year(to, "to")?;
    check_year(dtstamp, "dtstamp")?;
    if to <= from {
        return Err(IcalError::InvalidOption {
            path: "to".into(),
            message: format!("{to} is not after from ({from})"),
        });
    }
    let resolved = Subject::resolve(production, subject)?;
    let index = Index::new(production);
    let periods = busy_periods(&index, &resolved, from, to);

    let mut out = String::new();
    fold(&mut out, "BEGIN:VCALENDAR");
    fold(&mut out, "VERSION:2.0");
    fold(&mut out, &format!("PRODID:{}", escape_text(PRODID)));
    fold(&mut out, "CALSCALE:GREGORIAN");
    fold(&mut out, "BEGIN:VFREEBUSY");
    let uid = match subject.id() {
        Some(id) => format!("freebusy-{}-{}", subject.kind(), uid_part(id)),
        None => "freebusy-all".to_owned(),
    };
    fold(
        &mut out,
        &format!(
            "UID:{}",
            escape_text(&format!("{uid}@{DEFAULT_UID_DOMAIN}"))
        ),
    );
    fold(&mut out, &format!("DTSTAMP:{}", utc_stamp(dtstamp)));
    fold(&mut out, &format!("DTSTART:{}", utc_stamp(from)));
    fold(&mut out, &format!("DTEND:{}", utc_stamp(to)));
    fold(
        &mut out,
        &format!(
            "COMMENT:{}",
            escape_text(&calendar_name(production, &resolved))
        ),
    );
    for (start, end, kind) in periods {
        fold(
            &mut out,
            &format!(
                "FREEBUSY;FBTYPE={}:{}/{}",
                kind.name(),
                utc_stamp(start),
                utc_stamp(end)
            ),
        );
    }
    fold(&mut out, "END:VFREEBUSY");
    fold(&mut out, "END:VCALENDAR");
    Ok(out)
}

// ---------------------------------------------------------------------------
// Subjects and events

/// A subject found in the production.
enum Subject<'p> {
    Person(&'p Person),
    Location(&'p Location),
    Resource(&'p Resource),
    Everything,
}

impl<'p> Subject<'p> {
    fn resolve(production: &'p Production, subject: &CalendarSubject) -> Result<Self, IcalError> {
        let unknown = |id: &str| IcalError::UnknownSubject {
            path: "subject".into(),
            kind: subject.kind().into(),
            id: id.to_owned(),
        };
        Ok(match subject {
            CalendarSubject::Person(id) => Subject::Person(
                production
                    .people
                    .iter()
                    .find(|p| p.id == *id)
                    .ok_or_else(|| unknown(id.as_str()))?,
            ),
            CalendarSubject::Location(id) => Subject::Location(
                production
                    .locations
                    .iter()
                    .find(|l| l.id == *id)
                    .ok_or_else(|| unknown(id.as_str()))?,
            ),
            CalendarSubject::Resource(id) => Subject::Resource(
                production
                    .resources
                    .iter()
                    .find(|r| r.id == *id)
                    .ok_or_else(|| unknown(id.as_str()))?,
            ),
            CalendarSubject::Everything => Subject::Everything,
        })
    }

    /// `-{kind}-{id}` or `-all`, for UIDs.
    fn uid_suffix(&self) -> String {
        match self {
            Subject::Person(p) => format!("-person-{}", uid_part(p.id.as_str())),
            Subject::Location(l) => format!("-location-{}", uid_part(l.id.as_str())),
            Subject::Resource(r) => format!("-resource-{}", uid_part(r.id.as_str())),
            Subject::Everything => "-all".to_owned(),
        }
    }
}

fn calendar_name(production: &Production, subject: &Subject<'_>) -> String {
    match subject {
        Subject::Person(p) => format!("{}: {}", production.name, p.name),
        Subject::Location(l) => format!("{}: {}", production.name, l.name),
        Subject::Resource(r) => format!("{}: {}", production.name, r.name),
        Subject::Everything => production.name.clone(),
    }
}

/// The production's events with parents, statuses, locations and zones resolved.
struct Index<'p> {
    production: &'p Production,
    /// Each event's parent (one level: a shoot day), if it resolves and is not itself.
    parent: Vec<Option<usize>>,
    /// Each event's status, weakened by its parent's.
    status: Vec<BookingStatus>,
    /// Each event's location: its own, or its parent's.
    location: Vec<Option<&'p Location>>,
    /// The zone its times are shown in.
    zone: Vec<IanaZone>,
}

impl<'p> Index<'p> {
    fn new(production: &'p Production) -> Self {
        let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, e) in production.events.iter().enumerate() {
            ids.entry(e.id.as_str()).or_insert(i);
        }
        let mut locations: FxHashMap<&str, &Location> = FxHashMap::default();
        for l in &production.locations {
            locations.entry(l.id.as_str()).or_insert(l);
        }
        let own = |e: &Event| {
            e.location
                .as_ref()
                .and_then(|l| locations.get(l.as_str()).copied())
        };
        let n = production.events.len();
        let mut index = Index {
            production,
            parent: Vec::with_capacity(n),
            status: Vec::with_capacity(n),
            location: Vec::with_capacity(n),
            zone: Vec::with_capacity(n),
        };
        for (i, e) in production.events.iter().enumerate() {
            let parent = e
                .parent
                .as_ref()
                .and_then(|id| ids.get(id.as_str()).copied())
                .filter(|&p| p != i);
            let parent_event = parent.and_then(|p| production.events.get(p));
            let location = own(e).or_else(|| parent_event.and_then(own));
            index.parent.push(parent);
            index
                .status
                .push(parent_event.map_or(e.status, |d| e.status.max(d.status)));
            index.location.push(location);
            index
                .zone
                .push(location.map_or(production.zone, |l| l.zone));
        }
        index
    }

    fn event(&self, i: usize) -> Option<&'p Event> {
        self.production.events.get(i)
    }

    fn status(&self, i: usize) -> BookingStatus {
        self.status
            .get(i)
            .copied()
            .unwrap_or(BookingStatus::Cancelled)
    }

    fn zone(&self, i: usize) -> IanaZone {
        self.zone.get(i).copied().unwrap_or(self.production.zone)
    }

    fn location(&self, i: usize) -> Option<&'p Location> {
        self.location.get(i).copied().flatten()
    }

    fn parent(&self, i: usize) -> Option<usize> {
        self.parent.get(i).copied().flatten()
    }
}

/// How a subject takes part in one event.
#[derive(Clone, Copy)]
struct Part<'p> {
    /// The span shown for the subject.
    span: (Timestamp, Timestamp),
    /// For a person: their attendance.
    attendance: Option<&'p Attendance>,
    /// For a resource: the units booked.
    quantity: u32,
}

fn part<'p>(index: &Index<'p>, subject: &Subject<'p>, i: usize) -> Option<Part<'p>> {
    let e = index.event(i)?;
    match subject {
        Subject::Person(p) => {
            let att = e.attendees.iter().find(|a| a.person == p.id)?;
            Some(Part {
                span: (att.report(e), att.release(e)),
                attendance: Some(att),
                quantity: 0,
            })
        }
        Subject::Location(l) => index.location(i).filter(|at| at.id == l.id).map(|_| Part {
            span: (e.start, e.end),
            attendance: None,
            quantity: 0,
        }),
        Subject::Resource(r) => {
            let quantity = e
                .resources
                .iter()
                .filter(|b| b.resource == r.id)
                .fold(None, |sum: Option<u32>, b| {
                    Some(sum.unwrap_or(0).saturating_add(b.quantity))
                })?;
            Some(Part {
                span: operational_window(r, e),
                attendance: None,
                quantity,
            })
        }
        Subject::Everything => Some(Part {
            span: (e.start, e.end),
            attendance: None,
            quantity: 0,
        }),
    }
}

/// An event widened by a resource's prep and return buffers.
fn operational_window(resource: &Resource, e: &Event) -> (Timestamp, Timestamp) {
    let start = e
        .start
        .checked_sub_signed(TimeDelta::minutes(i64::from(resource.prep_minutes)))
        .unwrap_or(e.start);
    let end = e
        .end
        .checked_add_signed(TimeDelta::minutes(i64::from(resource.return_minutes)))
        .unwrap_or(e.end);
    (start, end)
}

/// One `VEVENT` to be: an event and the children folded into it.
struct Item<'p> {
    root: usize,
    event: &'p Event,
    part: Part<'p>,
    /// Folded children, by start then id.
    children: Vec<(usize, Part<'p>)>,
}

fn included(status: BookingStatus, options: &IcalOptions) -> bool {
    match status {
        BookingStatus::Confirmed => true,
        BookingStatus::Hold | BookingStatus::Tentative => options.include_holds,
        BookingStatus::Cancelled => options.include_cancelled,
    }
}

fn collect<'p>(index: &Index<'p>, subject: &Subject<'p>, options: &IcalOptions) -> Vec<Item<'p>> {
    let n = index.production.events.len();
    let parts: Vec<Option<Part<'p>>> = (0..n)
        .map(|i| part(index, subject, i).filter(|_| included(index.status(i), options)))
        .collect();
    let mut items: Vec<Item<'p>> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; n];
    // Roots first (events not folded), then children into their roots.
    for (i, p) in parts.iter().enumerate() {
        let Some(p) = *p else { continue };
        let folded = index
            .parent(i)
            .is_some_and(|parent| parts.get(parent).is_some_and(Option::is_some));
        if let (false, Some(event)) = (folded, index.event(i)) {
            if let Some(s) = slot.get_mut(i) {
                *s = Some(items.len());
            }
            items.push(Item {
                root: i,
                event,
                part: p,
                children: Vec::new(),
            });
        }
    }
    for (i, p) in parts.iter().enumerate() {
        let Some(p) = *p else { continue };
        let Some(target) = index
            .parent(i)
            .and_then(|parent| slot.get(parent).copied().flatten())
        else {
            continue;
        };
        if let Some(item) = items.get_mut(target) {
            item.children.push((i, p));
        }
    }
    for item in &mut items {
        item.children.sort_by(|a, b| {
            let key = |&(i, p): &(usize, Part<'_>)| (p.span.0, index.event(i).map(|e| &e.id));
            key(a).cmp(&key(b))
        });
    }
    items
}

// ---------------------------------------------------------------------------
// Rendering events

/// A rendered `VEVENT`: its content lines (unfolded) without `DTSTAMP` and
/// `SEQUENCE`, the first being the `UID`.
struct RenderedEvent {
    uid: String,
    start: Timestamp,
    lines: Vec<String>,
}

impl RenderedEvent {
    fn canonical(&self) -> String {
        let mut text = String::from("callsheet-ical-1");
        for line in &self.lines {
            text.push('\n');
            text.push_str(line);
        }
        text
    }
}

fn render_event<'p>(
    index: &Index<'p>,
    subject: &Subject<'p>,
    options: &IcalOptions,
    item: &Item<'p>,
    zones: &mut ZoneYears,
) -> Result<RenderedEvent, IcalError> {
    let path = format!("events[{}]", item.root);
    let e = item.event;
    let status = index.status(item.root);
    let zone = index.zone(item.root);

    // The subject's span: its own, widened by folded children that still happen.
    let (mut start, mut end) = item.part.span;
    for &(child, part) in &item.children {
        if status == BookingStatus::Cancelled || index.status(child) != BookingStatus::Cancelled {
            start = start.min(part.span.0);
            end = end.max(part.span.1);
        }
    }
    for t in [start, end] {
        check_year(t, &path)?;
    }

    let uid = format!(
        "{}{}@{}",
        uid_part(e.id.as_str()),
        subject.uid_suffix(),
        options.uid_domain
    );
    let mut lines = vec![format!("UID:{}", escape_text(&uid))];
    lines.push(date_time_line("DTSTART", zone, start, zones));
    if end > start {
        lines.push(date_time_line("DTEND", zone, end, zones));
    }
    lines.push(format!("SUMMARY:{}", escape_text(&summary(e))));
    if let Some(location) = index.location(item.root) {
        let mut text = location.name.clone();
        if !location.address.trim().is_empty() {
            text.push_str(", ");
            text.push_str(location.address.trim());
        }
        lines.push(format!("LOCATION:{}", escape_text(&text)));
        if let Some(c) = location
            .coordinates
            .filter(|c| c.lat.is_finite() && c.lon.is_finite())
        {
            lines.push(format!("GEO:{};{}", c.lat, c.lon));
        }
    }
    let description = description(index, subject, item, zone, start);
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
    }
    let (status_text, transp) = match status {
        BookingStatus::Confirmed => ("CONFIRMED", "OPAQUE"),
        BookingStatus::Hold | BookingStatus::Tentative => ("TENTATIVE", "OPAQUE"),
        BookingStatus::Cancelled => ("CANCELLED", "TRANSPARENT"),
    };
    lines.push(format!("STATUS:{status_text}"));
    lines.push(format!("TRANSP:{transp}"));
    lines.push(format!("CATEGORIES:{}", escape_text(kind_label(e.kind))));
    lines.push(format!(
        "X-CALLSHEET-EVENT-ID:{}",
        escape_text(e.id.as_str())
    ));
    Ok(RenderedEvent { uid, start, lines })
}

fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::ShootDay => "Shoot day",
        EventKind::Scene => "Scene",
        EventKind::Meeting => "Meeting",
        EventKind::Fitting => "Fitting",
        EventKind::Rehearsal => "Rehearsal",
        EventKind::Travel => "Travel",
        EventKind::Prep => "Prep",
        EventKind::Meal => "Meal",
    }
}

/// The title, else the kind with the day or scene number.
fn summary(e: &Event) -> String {
    let title = e.title.trim();
    if !title.is_empty() {
        return title.to_owned();
    }
    let label = kind_label(e.kind);
    match (e.kind, e.day_number, &e.scene) {
        (EventKind::Scene, _, Some(scene)) if !scene.number.trim().is_empty() => {
            format!("{label} {}", scene.number.trim())
        }
        (_, Some(n), _) => format!("{label} {n}"),
        _ => label.to_owned(),
    }
}

/// How a folded child is named in its day's description: a scene by its
/// number, anything else by its summary.
fn child_name(e: &Event) -> String {
    match &e.scene {
        Some(scene) if !scene.number.trim().is_empty() => scene.number.trim().to_owned(),
        _ => summary(e),
    }
}

fn status_note(status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::Confirmed => "",
        BookingStatus::Hold => " (hold)",
        BookingStatus::Tentative => " (tentative)",
        BookingStatus::Cancelled => " (cancelled)",
    }
}

/// A local time for a description: `06:30 PDT`, with the date when it is
/// not on `day` (`Sat 13 Mar 01:00 PST`).
fn local_time(zone: IanaZone, t: Timestamp, day: NaiveDate) -> String {
    let local = zone.local(t);
    if local.date_naive() == day {
        local.format("%H:%M %Z").to_string()
    } else {
        local.format("%a %-d %b %H:%M %Z").to_string()
    }
}

fn description<'p>(
    index: &Index<'p>,
    subject: &Subject<'p>,
    item: &Item<'p>,
    zone: IanaZone,
    shown_start: Timestamp,
) -> String {
    let e = item.event;
    let day = zone.local(shown_start).date_naive();
    let at = |t: Timestamp| local_time(zone, t, day);
    let mut lines: Vec<String> = Vec::new();
    let shoot_day = e.kind == EventKind::ShootDay;
    match subject {
        Subject::Person(_) => {
            if let Some(att) = item.part.attendance {
                if let Some(m) = att.makeup_call {
                    lines.push(format!("Makeup: {}", at(m)));
                }
                lines.push(format!("Call: {}", at(att.call.unwrap_or(e.start))));
                if let Some(o) = att.on_set {
                    lines.push(format!("On set: {}", at(o)));
                }
                lines.push(format!("Dismissal: {}", at(att.release(e))));
            }
        }
        Subject::Resource(r) => {
            lines.push(format!(
                "Quantity: {} of {}",
                item.part.quantity, r.quantity
            ));
            lines.push(format!("Event: {} – {}", at(e.start), at(e.end)));
            match (r.prep_minutes, r.return_minutes) {
                (0, 0) => {}
                (p, 0) => lines.push(format!("Prep: {p} min before")),
                (0, q) => lines.push(format!("Return: {q} min after")),
                (p, q) => lines.push(format!("Prep: {p} min before, return: {q} min after")),
            }
        }
        Subject::Location(_) | Subject::Everything => {
            let (open, close) = if shoot_day {
                ("Crew call", "Wrap")
            } else {
                ("Start", "End")
            };
            lines.push(format!("{open}: {}", at(e.start)));
            lines.push(format!("{close}: {}", at(e.end)));
        }
    }

    let root_status = index.status(item.root);
    let mut scenes: Vec<String> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    for &(child, part) in &item.children {
        let Some(c) = index.event(child) else {
            continue;
        };
        let status = index.status(child);
        let note = if status == root_status {
            ""
        } else {
            status_note(status)
        };
        if c.kind == EventKind::Scene {
            scenes.push(format!("{}{note}", child_name(c)));
        } else {
            others.push(format!(
                "{}: {} – {}{note}",
                child_name(c),
                at(part.span.0),
                at(part.span.1)
            ));
        }
    }
    if !scenes.is_empty() {
        lines.push(format!("Scenes: {}", scenes.join(", ")));
    }
    lines.extend(others);
    if let Some(note) = item
        .part
        .attendance
        .map(|a| a.note.trim())
        .filter(|n| !n.is_empty())
    {
        lines.push(note.to_owned());
    }
    if !e.notes.trim().is_empty() {
        lines.push(e.notes.trim().to_owned());
    }
    lines.join("\n")
}

// ---------------------------------------------------------------------------
// Date-times and time zones

/// The zones used with `TZID`, and the local years each must cover.
#[derive(Default)]
struct ZoneYears(BTreeMap<&'static str, (IanaZone, BTreeSet<i32>)>);

/// `NAME;TZID=Zone:YYYYMMDDTHHMMSS`, or `NAME:YYYYMMDDTHHMMSSZ` when the
/// local time is the second occurrence of a repeated hour.
fn date_time_line(name: &str, zone: IanaZone, t: Timestamp, zones: &mut ZoneYears) -> String {
    let local = zone.local(t).naive_local();
    let unambiguous = zone
        .tz()
        .from_local_datetime(&local)
        .earliest()
        .is_some_and(|first| first.with_timezone(&Utc) == t);
    if !unambiguous {
        return format!("{name}:{}", utc_stamp(t));
    }
    let years = &mut zones
        .0
        .entry(zone.name())
        .or_insert_with(|| (zone, BTreeSet::new()))
        .1;
    years.insert(local.year());
    format!(
        "{name};TZID={}:{}",
        param_value(zone.name()),
        local.format("%Y%m%dT%H%M%S")
    )
}

fn utc_stamp(t: Timestamp) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Instants written as DATE-TIME must have four-digit years, also in local
/// time and in the year of `VTIMEZONE` history looked up before them.
fn check_year(t: Timestamp, path: &str) -> Result<(), IcalError> {
    let year = t.year();
    if (2..=9998).contains(&year) {
        Ok(())
    } else {
        Err(IcalError::OutOfRange {
            path: path.to_owned(),
            message: format!("{t} is outside the years 0002–9998"),
        })
    }
}

/// The offset state that observances describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ZoneState {
    /// Total offset from UTC in seconds.
    offset: i32,
    /// Whether daylight saving time is in effect.
    daylight: bool,
}

fn zone_state(tz: Tz, t: NaiveDateTime) -> ZoneState {
    let offset = tz.offset_from_utc_datetime(&t);
    ZoneState {
        offset: offset.fix().local_minus_utc(),
        daylight: offset.dst_offset() > TimeDelta::zero(),
    }
}

/// One `STANDARD` or `DAYLIGHT` observance: the offset change at `at` (UTC).
struct Observance {
    at: NaiveDateTime,
    from: i32,
    to: ZoneState,
    name: Option<String>,
}

impl Observance {
    fn new(tz: Tz, at: NaiveDateTime, from: i32, to: ZoneState) -> Self {
        let name = tz
            .offset_from_utc_datetime(&at)
            .abbreviation()
            .map(str::to_owned);
        Self { at, from, to, name }
    }
}

/// How far apart offset checks are when scanning for changes (no zone
/// changes its offset twice within six hours).
const SCAN_STEP: TimeDelta = TimeDelta::hours(6);

/// The offset changes at instants in `(lo, hi]`, each found by scanning in
/// [`SCAN_STEP`]s and bisecting to the second.
fn transitions(tz: Tz, lo: NaiveDateTime, hi: NaiveDateTime) -> Vec<Observance> {
    let mut out = Vec::new();
    let mut t = lo;
    let mut state = zone_state(tz, t);
    while t < hi {
        let next = (t + SCAN_STEP).min(hi);
        if zone_state(tz, next) == state {
            t = next;
            continue;
        }
        let (mut a, mut b) = (t, next);
        while b - a > TimeDelta::seconds(1) {
            let mid = a + TimeDelta::seconds((b - a).num_seconds() / 2);
            if zone_state(tz, mid) == state {
                a = mid;
            } else {
                b = mid;
            }
        }
        let after = zone_state(tz, b);
        out.push(Observance::new(tz, b, state.offset, after));
        t = b;
        state = after;
    }
    out
}

/// The observances that define `zone` over the local `years`: for each run
/// of consecutive years, the last change before it (else the offset in force
/// at its start, as an observance that changes nothing) and every change
/// within it.
fn observances(zone: IanaZone, years: &BTreeSet<i32>) -> BTreeMap<NaiveDateTime, Observance> {
    let tz = zone.tz();
    let mut out = BTreeMap::new();
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == y => *last = y,
            _ => runs.push((y, y)),
        }
    }
    let new_year = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .map(|d| zone.start_of_day(d).naive_utc())
            .unwrap_or_default()
    };
    for (first, last) in runs {
        let lo = new_year(first);
        let hi = new_year(last + 1);
        let before = transitions(tz, lo - TimeDelta::days(400), lo);
        match before.into_iter().last() {
            Some(o) => {
                out.insert(o.at, o);
            }
            None => {
                let state = zone_state(tz, lo);
                out.insert(lo, Observance::new(tz, lo, state.offset, state));
            }
        }
        for o in transitions(tz, lo, hi) {
            out.insert(o.at, o);
        }
    }
    out
}

fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

fn write_vtimezone(out: &mut String, zone: IanaZone, years: &BTreeSet<i32>) {
    fold(out, "BEGIN:VTIMEZONE");
    fold(out, &format!("TZID:{}", escape_text(zone.name())));
    for o in observances(zone, years).values() {
        let kind = if o.to.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        // DTSTART is the local time just before the change (in the old offset).
        let local = o.at + TimeDelta::seconds(i64::from(o.from));
        fold(out, &format!("BEGIN:{kind}"));
        fold(out, &format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
        fold(out, &format!("TZOFFSETFROM:{}", utc_offset(o.from)));
        fold(out, &format!("TZOFFSETTO:{}", utc_offset(o.to.offset)));
        if let Some(name) = &o.name {
            fold(out, &format!("TZNAME:{}", escape_text(name)));
        }
        fold(out, &format!("END:{kind}"));
    }
    fold(out, "END:VTIMEZONE");
}

fn write_calendar_head(out: &mut String, name: &str) {
    fold(out, "BEGIN:VCALENDAR");
    fold(out, "VERSION:2.0");
    fold(out, &format!("PRODID:{}", escape_text(PRODID)));
    fold(out, "CALSCALE:GREGORIAN");
    fold(out, &format!("X-WR-CALNAME:{}", escape_text(name)));
}

// ---------------------------------------------------------------------------
// Free/busy

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FbType {
    Unavailable,
    Busy,
    Tentative,
}

impl FbType {
    fn name(self) -> &'static str {
        match self {
            FbType::Unavailable => "BUSY-UNAVAILABLE",
            FbType::Busy => "BUSY",
            FbType::Tentative => "BUSY-TENTATIVE",
        }
    }
}

/// Running totals over time: confirmed units, tentative units, unavailable
/// windows, tentative windows.
type Counts = [i64; 4];

/// Changes of the running totals, cut to `from..to`.
struct Sweep {
    from: Timestamp,
    to: Timestamp,
    deltas: BTreeMap<Timestamp, Counts>,
}

impl Sweep {
    fn add(&mut self, start: Timestamp, end: Timestamp, slot: usize, amount: i64) {
        let (start, end) = (start.max(self.from), end.min(self.to));
        if end <= start || amount == 0 {
            return;
        }
        if let Some(c) = self.deltas.entry(start).or_default().get_mut(slot) {
            *c += amount;
        }
        if let Some(c) = self.deltas.entry(end).or_default().get_mut(slot) {
            *c -= amount;
        }
    }

    fn windows(&mut self, windows: &[AvailabilityWindow]) {
        for w in windows {
            let slot = match w.kind {
                AvailabilityKind::Unavailable => 2,
                AvailabilityKind::Tentative => 3,
            };
            self.add(w.start, w.end, slot, 1);
        }
    }
}

fn busy_periods(
    index: &Index<'_>,
    subject: &Subject<'_>,
    from: Timestamp,
    to: Timestamp,
) -> Vec<(Timestamp, Timestamp, FbType)> {
    let mut sweep = Sweep {
        from,
        to,
        deltas: BTreeMap::new(),
    };
    let firmness = |status: BookingStatus| match status {
        BookingStatus::Confirmed => Some(0),
        BookingStatus::Hold | BookingStatus::Tentative => Some(1),
        BookingStatus::Cancelled => None,
    };
    let events = &index.production.events;
    let mut capacity = 1_i64;
    match subject {
        Subject::Person(p) => {
            sweep.windows(&p.unavailable);
            for (i, e) in events.iter().enumerate() {
                let Some(slot) = firmness(index.status(i)) else {
                    continue;
                };
                for att in e.attendees.iter().filter(|a| a.person == p.id) {
                    sweep.add(att.report(e), att.release(e), slot, 1);
                }
            }
        }
        Subject::Location(l) => {
            for (i, e) in events.iter().enumerate() {
                let Some(slot) = firmness(index.status(i)) else {
                    continue;
                };
                if index.location(i).is_some_and(|at| at.id == l.id) {
                    sweep.add(e.start, e.end, slot, 1);
                }
            }
        }
        Subject::Resource(r) => {
            capacity = i64::from(r.quantity.max(1));
            sweep.windows(&r.unavailable);
            for (i, e) in events.iter().enumerate() {
                let Some(slot) = firmness(index.status(i)) else {
                    continue;
                };
                // A parent's booking covers its children's, up to its quantity.
                let covered: u32 = index
                    .parent(i)
                    .and_then(|p| index.event(p))
                    .filter(|p| p.status != BookingStatus::Cancelled)
                    .map_or(0, |p| {
                        p.resources
                            .iter()
                            .filter(|b| b.resource == r.id)
                            .map(|b| b.quantity)
                            .sum()
                    });
                let booked: u32 = e
                    .resources
                    .iter()
                    .filter(|b| b.resource == r.id)
                    .map(|b| b.quantity)
                    .sum();
                let quantity = booked.saturating_sub(covered);
                if quantity > 0 {
                    let (start, end) = operational_window(r, e);
                    sweep.add(start, end, slot, i64::from(quantity));
                }
            }
        }
        Subject::Everything => {
            for (i, e) in events.iter().enumerate() {
                if let Some(slot) = firmness(index.status(i)) {
                    sweep.add(e.start, e.end, slot, 1);
                }
            }
        }
    }

    let mut out: Vec<(Timestamp, Timestamp, FbType)> = Vec::new();
    let mut counts: Counts = [0; 4];
    let mut current: Option<(Timestamp, FbType)> = None;
    for (t, delta) in sweep.deltas {
        for (c, d) in counts.iter_mut().zip(delta) {
            *c += d;
        }
        let [confirmed, tentative, unavailable, pencilled] = counts;
        let kind = if unavailable > 0 {
            Some(FbType::Unavailable)
        } else if confirmed >= capacity {
            Some(FbType::Busy)
        } else if confirmed + tentative >= capacity || pencilled > 0 {
            Some(FbType::Tentative)
        } else {
            None
        };
        if current.map(|(_, k)| k) == kind {
            continue;
        }
        if let Some((start, k)) = current.take() {
            out.push((start, t, k));
        }
        current = kind.map(|k| (t, k));
    }
    out
}

// ---------------------------------------------------------------------------
// Content lines

/// Appends one content line, folded at 75 octets (continuations start with
/// a space) without splitting a UTF-8 character, and a CRLF.
fn fold(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let mut width = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if width + n > LIMIT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks (LF,
/// CRLF or CR become `\n`); other control characters but tab are dropped.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c if c.is_ascii_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: quoted when it holds `:`, `;` or `,`; double quotes
/// and control characters (which no parameter value may hold) dropped.
fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|&c| c != '"' && !(c.is_ascii_control() && c != '\t'))
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Percent-encodes an id for a UID: every byte except ASCII letters, digits,
/// `.`, `_` and `~` (so `-` never appears inside a part).
fn uid_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn check_uid_domain(domain: &str) -> Result<(), IcalError> {
    let ok = !domain.is_empty()
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(IcalError::InvalidOption {
            path: "uid_domain".into(),
            message: format!("not a domain name: {domain:?}"),
        })
    }
}

//! The scheduling conflict engine.
//!
//! Finds every scheduling problem in a production at the exact interval,
//! across all units, and explains it:
//!
//! - **double bookings** of people, exclusive locations and pooled resources
//!   (quantity-aware, with prep and return buffers);
//! - **travel**: consecutive commitments at different locations without
//!   enough time between them (from the production's travel-time table, else
//!   great-circle distance at [`Production::travel_speed_kmh`]);
//! - **availability**: people's and resources' unavailable windows, location
//!   permit windows (dates, daily hours, consecutive days);
//! - **labor rules** from each person's [rule pack](crate::rules): turnaround
//!   from the person's own dismissal to their own next call, weekly rest,
//!   daily and weekly hours, consecutive work days, meal intervals with
//!   penalties, and minors' hours and clock window.
//!
//! A scene (or meal) is part of its parent shoot day: a person in both, or a
//! resource booked by both, is not double-booked. Cancelled events are
//! ignored. Anything involving a hold or tentative booking is a
//! [`Severity::Warning`]; confirmed against confirmed is an
//! [`Severity::Error`] (labor rules other than rest and minors' limits warn).
//!
//! [`Schedule`] is an index over a production: it answers the full check,
//! "what would this new or moved event conflict with?"
//! ([`Schedule::check_event`]) by rechecking only the people, location and
//! resources the event touches, and free-slot searches
//! ([`Schedule::find_slots`]). The incremental answer always equals the full
//! check's conflicts that involve the event.

pub(crate) mod context;
mod labor;
mod people;
mod places;
pub(crate) mod resources;
mod slots;
mod text;

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use slots::{Slot, SlotRequest};

use crate::model::{EventId, Money, Production, RulePackId, Timestamp};
use context::Context;

/// What kind of problem a conflict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// One person in two overlapping events.
    PersonDoubleBooked,
    /// An exclusive location used by two overlapping events.
    LocationDoubleBooked,
    /// More units of a resource booked than exist, over an interval.
    ResourceOverbooked,
    /// Not enough time to travel between consecutive commitments.
    TravelTime,
    /// A commitment inside a person's unavailable window.
    PersonUnavailable,
    /// A booking inside a resource's unavailable window.
    ResourceUnavailable,
    /// Use of a location outside its permit's dates or daily hours.
    OutsidePermit,
    /// More consecutive days at a location than its permit allows.
    PermitConsecutiveDays,
    /// Too little rest between a person's dismissal and next call.
    Turnaround,
    /// A run of work without the weekly rest period.
    WeeklyRest,
    /// A work day longer than the pack allows.
    DailyHours,
    /// A calendar week with more hours than the pack allows.
    WeeklyHours,
    /// A 6th, 7th, … consecutive work day.
    ConsecutiveDays,
    /// A meal break late (a meal penalty).
    MealPenalty,
    /// A minor at the workplace longer than their age band allows.
    MinorHours,
    /// A minor called too early or dismissed too late.
    MinorClockWindow,
}

impl ConflictKind {
    /// The snake_case name (`"person_double_booked"`).
    pub fn name(self) -> &'static str {
        match self {
            ConflictKind::PersonDoubleBooked => "person_double_booked",
            ConflictKind::LocationDoubleBooked => "location_double_booked",
            ConflictKind::ResourceOverbooked => "resource_overbooked",
            ConflictKind::TravelTime => "travel_time",
            ConflictKind::PersonUnavailable => "person_unavailable",
            ConflictKind::ResourceUnavailable => "resource_unavailable",
            ConflictKind::OutsidePermit => "outside_permit",
            ConflictKind::PermitConsecutiveDays => "permit_consecutive_days",
            ConflictKind::Turnaround => "turnaround",
            ConflictKind::WeeklyRest => "weekly_rest",
            ConflictKind::DailyHours => "daily_hours",
            ConflictKind::WeeklyHours => "weekly_hours",
            ConflictKind::ConsecutiveDays => "consecutive_days",
            ConflictKind::MealPenalty => "meal_penalty",
            ConflictKind::MinorHours => "minor_hours",
            ConflictKind::MinorClockWindow => "minor_clock_window",
        }
    }
}

impl fmt::Display for ConflictKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How serious a conflict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be fixed: confirmed bookings collide, or a rest or minors' rule is broken.
    Error,
    /// Should be looked at: holds or tentative bookings, hours and meal rules.
    Warning,
}

/// What kind of thing a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A person.
    Person,
    /// A location.
    Location,
    /// A pooled resource.
    Resource,
}

/// A person, location or resource a conflict is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Subject {
    /// Person, location or resource.
    pub kind: SubjectKind,
    /// Its id.
    pub id: String,
}

/// The rule (and pack) that fired.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RuleRef {
    /// Rule pack id (`"sag-aftra"`), or `"schedule"` for booking rules.
    pub pack: RulePackId,
    /// Pack version (`"2023"`), empty for booking rules.
    pub version: String,
    /// The parameter that fired (`"turnaround_minutes"`).
    pub rule: String,
}

/// One scheduling problem, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What kind of problem.
    pub kind: ConflictKind,
    /// How serious.
    pub severity: Severity,
    /// The people, locations and resources involved.
    pub subjects: Vec<Subject>,
    /// The events involved, sorted by id.
    pub events: Vec<EventId>,
    /// Start of the exact interval of the problem.
    pub start: Timestamp,
    /// End of the exact interval of the problem.
    pub end: Timestamp,
    /// The rule that fired, for labor and permit rules.
    pub rule: Option<RuleRef>,
    /// Estimated cost (meal penalties, forced calls), where the pack defines one.
    pub cost: Option<Money>,
    /// A sentence for people, with times in the location's local time.
    pub message: String,
}

impl Conflict {
    /// Whether the conflict involves the event.
    pub fn involves(&self, event: &EventId) -> bool {
        self.events.binary_search(event).is_ok()
    }

    pub(crate) fn sort_key(&self) -> impl Ord + '_ {
        (
            self.start,
            self.end,
            self.kind,
            &self.subjects,
            &self.events,
            &self.message,
        )
    }
}

/// Sorts conflicts into the engine's deterministic order: by start, end,
/// kind, subjects, events, message.
pub fn sort_conflicts(conflicts: &mut [Conflict]) {
    conflicts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Why an event could not be checked or a slot search run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The event refers to something the production does not have, or is malformed.
    #[error("{path}: {message}")]
    InvalidEvent {
        /// Path within the event (`event.attendees[2].person`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A slot request is malformed.
    #[error("{path}: {message}")]
    InvalidRequest {
        /// Path within the request (`request.people[0]`).
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl ScheduleError {
    /// The error as a [`Problem`](crate::Problem) with its path.
    pub fn problem(&self) -> crate::Problem {
        let (ScheduleError::InvalidEvent { path, message }
        | ScheduleError::InvalidRequest { path, message }) = self;
        crate::Problem::new(path.clone(), message.clone())
    }
}

/// An index over a production for conflict checks, incremental checks and
/// free-slot search.
///
/// Building it is `O(n log n)` in the number of commitments; after that,
/// [`Schedule::check_event`] only rechecks the people, location and resources
/// the event touches.
///
/// # Examples
/// ```
/// use callsheet::{Attendance, Event, EventKind, Person, PersonCategory, Production};
/// use callsheet::schedule::{ConflictKind, Schedule, Severity};
///
/// let mut p = Production::new("Demo", "America/Los_Angeles".parse()?, "USD".parse()?);
/// p.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
/// let mut fitting = Event::new("F1", EventKind::Fitting, "2027-03-01T17:00:00Z".parse()?, "2027-03-01T18:00:00Z".parse()?);
/// fitting.attendees.push(Attendance::new("P1"));
/// p.events.push(fitting);
///
/// let schedule = Schedule::new(&p);
/// assert!(schedule.conflicts().is_empty());
///
/// let mut meeting = Event::new("M1", EventKind::Meeting, "2027-03-01T17:30:00Z".parse()?, "2027-03-01T18:30:00Z".parse()?);
/// meeting.attendees.push(Attendance::new("P1"));
/// let found = schedule.check_event(&meeting)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].kind, ConflictKind::PersonDoubleBooked);
/// assert_eq!(found[0].severity, Severity::Error);
/// assert_eq!(found[0].message, "Maya Ortiz is double-booked 09:30–10:00 Mon 1 Mar: F1 and M1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Schedule {
    ctx: Arc<Context<'static>>,
}

impl Schedule {
    /// Indexes a production (which should be valid: see [`Production::validate`];
    /// dangling references are skipped, never a panic).
    pub fn new(production: &Production) -> Self {
        Self {
            ctx: Arc::new(Context::build(production.clone())),
        }
    }

    /// Indexes a shared production without copying it.
    pub fn from_arc(production: Arc<Production>) -> Self {
        Self {
            ctx: Arc::new(Context::build_arc(production)),
        }
    }

    /// The production this index was built from.
    pub fn production(&self) -> &Production {
        self.ctx.production()
    }

    /// Every conflict in the production, in deterministic order.
    pub fn conflicts(&self) -> Vec<Conflict> {
        self.ctx.all_conflicts()
    }

    /// The conflicts that `event` would be involved in if it were added to the
    /// production (or, if an event with its id exists, moved to replace it).
    ///
    /// Always equal to the full check of the changed production, restricted
    /// to conflicts involving `event.id`.
    ///
    /// # Errors
    /// [`ScheduleError::InvalidEvent`] if the event refers to an unknown
    /// person, location, resource, unit or parent, or ends before it starts.
    pub fn check_event(&self, event: &crate::model::Event) -> Result<Vec<Conflict>, ScheduleError> {
        self.ctx.check_event(event)
    }

    /// The earliest slots in which everyone and everything requested is free
    /// and no rule would be broken.
    ///
    /// # Errors
    /// [`ScheduleError::InvalidRequest`] for unknown ids, a zero duration or
    /// an empty search window.
    pub fn find_slots(&self, request: &SlotRequest) -> Result<Vec<Slot>, ScheduleError> {
        slots::find(&self.ctx, request)
    }
}

impl Production {
    /// Every scheduling conflict in the production, in deterministic order.
    ///
    /// A shortcut for [`Schedule::new`] then [`Schedule::conflicts`]; keep a
    /// [`Schedule`] to check many candidate events quickly.
    pub fn conflicts(&self) -> Vec<Conflict> {
        Context::build_borrowed(self).all_conflicts()
    }
}

//! The schedule's events: shoot days, scenes, meetings, fittings, travel.

use serde::{Deserialize, Serialize};

use super::{EventId, LocationId, PersonId, ResourceId, TimeSpan, Timestamp, UnitId};

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A numbered shoot day of a unit: general call to wrap.
    ShootDay,
    /// A scene (strip) shot within a shoot day.
    Scene,
    /// A meeting (production meeting, tech recce, table read).
    Meeting,
    /// A costume fitting.
    Fitting,
    /// A rehearsal.
    Rehearsal,
    /// Travel (flights, drives to a distant location).
    Travel,
    /// Prep work (set dressing, rigging, camera prep).
    Prep,
    /// A meal break.
    Meal,
}

/// How firm a booking is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Confirmed (iCalendar `CONFIRMED`, free/busy `BUSY`).
    Confirmed,
    /// A hold or pencil (`BUSY-TENTATIVE`).
    Hold,
    /// Tentative: planned, not yet agreed.
    Tentative,
    /// Cancelled: kept for history, ignored by every check.
    Cancelled,
}

/// Interior or exterior, for scenes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteriorExterior {
    /// INT.
    Int,
    /// EXT.
    Ext,
    /// INT/EXT.
    IntExt,
}

/// Time of day of a scene in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoryTime {
    /// DAY.
    Day,
    /// NIGHT.
    Night,
    /// DAWN.
    Dawn,
    /// DUSK.
    Dusk,
}

/// Script details of a scene event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SceneDetails {
    /// Scene number as in the script (`"42"`, `"42A"`).
    pub number: String,
    /// Length in eighths of a page (`12` = 1 4/8 pages).
    pub eighths: u32,
    /// INT, EXT or both.
    pub int_ext: InteriorExterior,
    /// Story time of day.
    pub story_time: StoryTime,
    /// One-line description ("Maya confronts Leo in the diner").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub synopsis: String,
    /// Set name as in the script ("DINER - BOOTH").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub set: String,
}

/// One person's part in an event, with their own call and dismissal.
///
/// Rest rules are measured from *this person's* dismissal to *this person's*
/// next call (the earlier of `call` and `makeup_call`), never from company
/// wrap to crew call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Who.
    pub person: PersonId,
    /// When they report; defaults to the event's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Timestamp>,
    /// Hair, makeup or wardrobe call, if earlier than `call`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub makeup_call: Option<Timestamp>,
    /// When they are needed on set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_set: Option<Timestamp>,
    /// When they are released; defaults to the event's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dismissal: Option<Timestamp>,
    /// Notes for this person ("bring passport").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Attendance {
    /// An attendance with no individual times (the event's times apply).
    pub fn new(person: impl Into<PersonId>) -> Self {
        Self {
            person: person.into(),
            call: None,
            makeup_call: None,
            on_set: None,
            dismissal: None,
            note: String::new(),
        }
    }

    /// The first instant this person is committed: the earlier of their
    /// makeup call and call, or the event's start.
    pub fn report(&self, event: &Event) -> Timestamp {
        match (self.makeup_call, self.call) {
            (Some(m), Some(c)) => m.min(c),
            (Some(m), None) => m.min(event.start),
            (None, Some(c)) => c,
            (None, None) => event.start,
        }
    }

    /// When this person is released: their dismissal, or the event's end.
    pub fn release(&self, event: &Event) -> Timestamp {
        self.dismissal.unwrap_or(event.end)
    }

    /// The span this person is committed to `event`.
    pub fn span(&self, event: &Event) -> TimeSpan {
        TimeSpan::new(self.report(event), self.release(event))
    }
}

/// A booking of some quantity of a pooled resource by an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceBooking {
    /// Which resource.
    pub resource: ResourceId,
    /// How many units (at least 1).
    pub quantity: u32,
}

/// A recorded meal break within an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MealBreak {
    /// When the meal starts.
    pub start: Timestamp,
    /// When work resumes.
    pub end: Timestamp,
    /// A non-deductible breakfast (15 min within 2 h of call), which restarts the meal clock.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_deductible: bool,
}

/// Anything that occupies people, locations or resources for a span of time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id within the production.
    pub id: EventId,
    /// What the event is.
    pub kind: EventKind,
    /// Title shown in calendars and call sheets.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Shooting unit, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitId>,
    /// Where it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LocationId>,
    /// Start (for a shoot day: general crew call).
    pub start: Timestamp,
    /// End (for a shoot day: company wrap).
    pub end: Timestamp,
    /// How firm it is.
    pub status: BookingStatus,
    /// The shoot day this event belongs to (scenes, meals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<EventId>,
    /// For shoot days: the day number ("Day 12 of 40").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_number: Option<u32>,
    /// For scenes: script details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<SceneDetails>,
    /// People and their individual calls.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<Attendance>,
    /// Pooled resources and quantities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ResourceBooking>,
    /// Recorded meal breaks (for meal-rule checks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meals: Vec<MealBreak>,
    /// Notes for call sheets and calendars.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Event {
    /// An event with the given id, kind and span, confirmed, with nobody attending.
    pub fn new(id: impl Into<EventId>, kind: EventKind, start: Timestamp, end: Timestamp) -> Self {
        Self {
            id: id.into(),
            kind,
            title: String::new(),
            unit: None,
            location: None,
            start,
            end,
            status: BookingStatus::Confirmed,
            parent: None,
            day_number: None,
            scene: None,
            attendees: Vec::new(),
            resources: Vec::new(),
            meals: Vec::new(),
            notes: String::new(),
        }
    }

    /// The event's span.
    pub fn span(&self) -> TimeSpan {
        TimeSpan::new(self.start, self.end)
    }
}

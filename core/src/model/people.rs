//! People: cast, crew and everyone else on the production.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{LocationId, PersonId, RulePackId, TimeSpan, Timestamp};

/// Whether a person is cast, crew or someone else (a visitor, a driver from a
/// vendor, a child's guardian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonCategory {
    /// A performer.
    Cast,
    /// A member of the crew.
    Crew,
    /// Anyone else who needs to be scheduled.
    Other,
}

/// What a person's contract says about accommodation.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ContractTier {
    /// May share a room if they allow it.
    #[default]
    Standard,
    /// Must have a room to themselves.
    Single,
    /// Must have a suite.
    Suite,
}

/// How to reach a person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactDetails {
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, ideally in E.164 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl ContactDetails {
    /// True when no contact detail is known.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none()
    }
}

/// How firmly a window of time is blocked (maps to iCalendar `FBTYPE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AvailabilityKind {
    /// Not available at all (`BUSY-UNAVAILABLE`): days off, other jobs, travel.
    Unavailable,
    /// Pencilled elsewhere (`BUSY-TENTATIVE`): may become free.
    Tentative,
}

/// A window in which a person (or resource) is not available.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityWindow {
    /// First instant of the window.
    pub start: Timestamp,
    /// First instant after the window.
    pub end: Timestamp,
    /// How firmly the time is blocked.
    pub kind: AvailabilityKind,
    /// Free text: the reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Somebody on the production: cast, crew, or other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique id within the production.
    pub id: PersonId,
    /// Full name as printed on call sheets.
    pub name: String,
    /// Cast, crew or other.
    pub category: PersonCategory,
    /// Department (`"Camera"`, `"Grip"`, `"Hair & Makeup"`); cast usually have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Job title or, for cast, the character played.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Cast number on call sheets and day-out-of-days (1 = lead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cast_number: Option<u32>,
    /// Whether this person heads their department.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub head_of_department: bool,
    /// Labor rule pack that applies to this person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_pack: Option<RulePackId>,
    /// Where the person lives or is based: stays and pickups start here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_base: Option<LocationId>,
    /// Accommodation entitlement.
    #[serde(default, skip_serializing_if = "is_default")]
    pub contract_tier: ContractTier,
    /// Whether the person agrees to share a room.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub may_share_room: bool,
    /// Whether unworked days between work days may be hold days.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub allow_hold: bool,
    /// Whether the person may be dropped and picked up again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_drop: bool,
    /// How to reach them.
    #[serde(default, skip_serializing_if = "ContactDetails::is_empty")]
    pub contact: ContactDetails,
    /// Date of birth, needed for minors' rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<NaiveDate>,
    /// Windows in which the person cannot work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<AvailabilityWindow>,
}

impl AvailabilityWindow {
    /// The window as a [`TimeSpan`].
    pub fn span(&self) -> TimeSpan {
        TimeSpan::new(self.start, self.end)
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

impl Person {
    /// A person with the given id, name and category and every optional field empty.
    pub fn new(id: impl Into<PersonId>, name: impl Into<String>, category: PersonCategory) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            category,
            department: None,
            role: String::new(),
            cast_number: None,
            head_of_department: false,
            rule_pack: None,
            home_base: None,
            contract_tier: ContractTier::Standard,
            may_share_room: false,
            allow_hold: true,
            allow_drop: false,
            contact: ContactDetails::default(),
            date_of_birth: None,
            unavailable: Vec::new(),
        }
    }
}

//! Locations: stages, practical locations, hotels' addresses, the office.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{IanaZone, LocationId};

/// A point on the Earth in decimal degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

// Coordinates are validated to be finite, so equality is total.
impl Eq for Coordinates {}

/// A filming permit: the dates and daily hours in which a location may be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermitWindow {
    /// Permit reference number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// First permitted civil date (in the location's zone).
    pub first_day: NaiveDate,
    /// Last permitted civil date, inclusive.
    pub last_day: NaiveDate,
    /// Earliest permitted local time each day (e.g. 07:00).
    pub daily_start: NaiveTime,
    /// Latest permitted local time each day (e.g. 22:00).
    pub daily_end: NaiveTime,
    /// Most consecutive days the location may be used, if capped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_consecutive_days: Option<u32>,
    /// Business days the application needs before the first permitted day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_lead_business_days: Option<u32>,
}

/// A place where things happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Unique id within the production.
    pub id: LocationId,
    /// Name as printed on call sheets.
    pub name: String,
    /// Street address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// The location's IANA time zone: local times shown for it use this zone.
    pub zone: IanaZone,
    /// Where it is, for travel-time estimates and maps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Crew parking instructions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parking: String,
    /// Nearest hospital (name, address, phone).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nearest_hospital: String,
    /// Other notes for the call sheet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Whether several events may use the location at once (a production
    /// office, a hotel, a stage with several sets). Exclusive locations report
    /// overlapping bookings as conflicts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared: bool,
    /// Whether working here means staying away from home (hotel and per diem).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub distant: bool,
    /// Filming permits; when non-empty, use outside them is a conflict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permits: Vec<PermitWindow>,
}

impl Location {
    /// A location with the given id, name and zone, and every optional field empty.
    pub fn new(id: impl Into<LocationId>, name: impl Into<String>, zone: IanaZone) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            address: String::new(),
            zone,
            coordinates: None,
            parking: String::new(),
            nearest_hospital: String::new(),
            notes: String::new(),
            shared: false,
            distant: false,
            permits: Vec::new(),
        }
    }
}

/// A known door-to-door travel time between two locations (either direction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TravelTime {
    /// One end.
    pub from: LocationId,
    /// The other end.
    pub to: LocationId,
    /// Minutes needed to travel between them.
    pub minutes: u32,
}

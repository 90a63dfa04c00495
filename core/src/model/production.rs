//! The production itself: name, home zone, currency, calendar, units, and
//! everything scheduled on it.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::{CurrencyCode, Event, IanaZone, Location, Person, Resource, TravelTime, UnitId};
use crate::budget::{Budget, Ledger};
use crate::comms::DistributionGroup;
use crate::logistics::Logistics;
use crate::rules::{RuleOverride, RulePack};

/// The file format version this build of callsheet writes.
///
/// Files with a lower version are migrated on load; files with a higher
/// version are refused with a message naming both versions.
pub const FORMAT_VERSION: u32 = 1;

/// A public holiday or company day off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The civil date, in the production's home zone.
    pub date: NaiveDate,
    /// Name ("Thanksgiving", "Company day off").
    pub name: String,
}

/// The production's working calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingCalendar {
    /// Days of the normal work week (e.g. Monday to Friday).
    pub work_week: Vec<Weekday>,
    /// Public holidays observed by the company (`/` in day-out-of-days).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Holiday>,
    /// Other company days off (grey in day-out-of-days).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days_off: Vec<NaiveDate>,
    /// Company travel / move days (`M` in day-out-of-days).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub move_days: Vec<NaiveDate>,
}

impl Default for WorkingCalendar {
    fn default() -> Self {
        Self {
            work_week: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            holidays: Vec::new(),
            days_off: Vec::new(),
            move_days: Vec::new(),
        }
    }
}

impl WorkingCalendar {
    /// Whether `date` is a normal working day (in the work week, not a holiday or day off).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        self.work_week.contains(&date.weekday())
            && !self.holidays.iter().any(|h| h.date == date)
            && !self.days_off.contains(&date)
    }
}

/// A shooting unit (main unit, second unit, splinter unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShootingUnit {
    /// Unique id within the production.
    pub id: UnitId,
    /// Name ("Main Unit").
    pub name: String,
}

/// One film, series season or show, with everything the engines work on.
///
/// A `Production` is plain data: build it in code, or load it from a
/// production file with [`Production::from_json`] / [`Production::load`],
/// which validate it. Engines never change it behind your back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Production {
    /// File format version; always [`FORMAT_VERSION`] once loaded.
    pub format_version: u32,
    /// Title of the production.
    pub name: String,
    /// Home time zone: civil dates (shoot days, holidays) belong to it.
    pub zone: IanaZone,
    /// Base currency of the budget and of rule-violation costs.
    pub currency: CurrencyCode,
    /// Working calendar.
    #[serde(default)]
    pub calendar: WorkingCalendar,
    /// Shooting units.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<ShootingUnit>,
    /// Cast, crew and others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Locations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
    /// Pooled resources (equipment, vehicles, stages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// The schedule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Known travel times between locations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub travel_times: Vec<TravelTime>,
    /// Speed used to estimate travel time from great-circle distance when no
    /// travel time is known, in km/h.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel_speed_kmh: Option<u32>,
    /// The production's own rule packs (custom packs, or newer versions of
    /// built-in ones, which they take precedence over).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_packs: Vec<RulePack>,
    /// Rule parameters replaced for a department or a person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_overrides: Vec<RuleOverride>,
    /// Stakeholder groups and the documents they receive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<DistributionGroup>,
    /// The budget.
    #[serde(default, skip_serializing_if = "Budget::is_empty")]
    pub budget: Budget,
    /// Purchase orders and actual costs.
    #[serde(default, skip_serializing_if = "Ledger::is_empty")]
    pub ledger: Ledger,
    /// Hotels, room blocks and stay requests.
    #[serde(default, skip_serializing_if = "Logistics::is_empty")]
    pub logistics: Logistics,
}

impl Production {
    /// An empty production with the given name, home zone and base currency.
    ///
    /// ```
    /// use callsheet::Production;
    /// let p = Production::new("Night Diner", "America/Los_Angeles".parse().unwrap(), "USD".parse().unwrap());
    /// assert!(p.validate().is_ok());
    /// ```
    pub fn new(name: impl Into<String>, zone: IanaZone, currency: CurrencyCode) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: name.into(),
            zone,
            currency,
            calendar: WorkingCalendar::default(),
            units: Vec::new(),
            people: Vec::new(),
            locations: Vec::new(),
            resources: Vec::new(),
            events: Vec::new(),
            travel_times: Vec::new(),
            travel_speed_kmh: None,
            rule_packs: Vec::new(),
            rule_overrides: Vec::new(),
            distribution: Vec::new(),
            budget: Budget::default(),
            ledger: Ledger::default(),
            logistics: Logistics::default(),
        }
    }
}

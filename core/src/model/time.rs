//! Time: UTC instants, civil dates and IANA time zones.
//!
//! Instants ([`Timestamp`]) are always UTC. Civil dates (shoot days,
//! holidays) are [`chrono::NaiveDate`]s that belong to the production's home
//! zone, and anything shown to a person is converted to the zone of the
//! location it happens at ([`IanaZone`]).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant in time, stored in UTC.
///
/// In files it is written in RFC 3339 form (`"2026-03-02T14:00:00Z"`); an
/// offset is accepted on input (`"2026-03-02T06:00:00-08:00"`) and
/// normalised to UTC.
pub type Timestamp = DateTime<Utc>;

/// An IANA time zone such as `"America/Los_Angeles"` or `"Europe/London"`.
///
/// ```
/// use callsheet::IanaZone;
/// let la: IanaZone = "America/Los_Angeles".parse().unwrap();
/// assert_eq!(la.name(), "America/Los_Angeles");
/// let err = "Europe/Lundon".parse::<IanaZone>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown time zone \"Europe/Lundon\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IanaZone(pub chrono_tz::Tz);

impl IanaZone {
    /// The zone's IANA name.
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The underlying `chrono-tz` zone.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.0
    }

    /// Converts a UTC instant to local wall-clock time in this zone.
    pub fn local(&self, instant: Timestamp) -> DateTime<chrono_tz::Tz> {
        instant.with_timezone(&self.0)
    }

    /// The civil date, in this zone, on which `instant` falls.
    pub fn civil_date(&self, instant: Timestamp) -> NaiveDate {
        self.local(instant).date_naive()
    }

    /// The UTC instant of local midnight at the start of `date` in this zone.
    ///
    /// Where a DST change skips midnight, the first instant of the day is used.
    pub fn start_of_day(&self, date: NaiveDate) -> Timestamp {
        self.instant_at(date.and_time(chrono::NaiveTime::MIN))
    }

    /// The UTC instant of a local wall-clock time in this zone.
    ///
    /// An ambiguous time (the repeated hour when clocks go back) is its first
    /// occurrence; a time skipped when clocks go forward is the first instant
    /// after the gap.
    ///
    /// ```
    /// use callsheet::IanaZone;
    /// let la: IanaZone = "America/Los_Angeles".parse().unwrap();
    /// let skipped = "2027-03-14T02:30:00".parse().unwrap();
    /// assert_eq!(la.instant_at(skipped).to_rfc3339(), "2027-03-14T10:00:00+00:00");
    /// ```
    pub fn instant_at(&self, local: chrono::NaiveDateTime) -> Timestamp {
        let mut at = local;
        // No zone has a gap longer than three hours.
        for _ in 0..=180 {
            if let Some(t) = self.0.from_local_datetime(&at).earliest() {
                return t.with_timezone(&Utc);
            }
            at += chrono::TimeDelta::minutes(1);
        }
        Utc.from_utc_datetime(&local)
    }
}

impl Ord for IanaZone {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for IanaZone {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for IanaZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string is not a known IANA time zone name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone {0:?}")]
pub struct UnknownZone(pub String);

impl FromStr for IanaZone {
    type Err = UnknownZone;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<chrono_tz::Tz>()
            .map(IanaZone)
            .map_err(|_| UnknownZone(s.to_owned()))
    }
}

impl Serialize for IanaZone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for IanaZone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A span of time between two instants, `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeSpan {
    /// First instant of the span.
    pub start: Timestamp,
    /// First instant after the span.
    pub end: Timestamp,
}

impl TimeSpan {
    /// Creates a span.
    pub fn new(start: Timestamp, end: Timestamp) -> Self {
        Self { start, end }
    }

    /// Whether the two spans share at least one instant (touching spans do not).
    pub fn overlaps(&self, other: &TimeSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `instant` lies inside the span.
    pub fn contains(&self, instant: Timestamp) -> bool {
        self.start <= instant && instant < self.end
    }

    /// Length of the span in whole minutes.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

//! Day out of days (DOOD): one row per person, one column per civil date.
//!
//! The report answers "who is paid on which day, and why": for every person
//! it marks the first work day (`SW`), the work days (`W`), the last (`WF`,
//! or `SWF` for a one-day player), the days in between that are held (`H`)
//! or dropped (`D` … `PW`), and travel (`T`), rehearsal (`R`) and fitting
//! (`FT`) days, with totals per row.
//!
//! # Rules
//!
//! - **Work** is attending a shoot day or a scene ([`EventKind::ShootDay`],
//!   [`EventKind::Scene`]) whose status counts (confirmed always, holds by
//!   default, tentative on request, cancelled never; a scene of a cancelled
//!   or tentative shoot day is as firm as its day). The **work date** is the
//!   civil date of the person's report (the earlier of makeup call and call)
//!   in the zone of the event's location (or its shoot day's, or the
//!   production's home zone); times past midnight belong to the day that
//!   started them: a commitment that starts before the person's running work
//!   day has ended, or a scene of a shoot day that started the evening
//!   before, belongs to that day (an overnight shoot is one work day, on the
//!   date it started).
//! - The **span** runs from the first to the last work date. Between them a
//!   day not worked is a **hold** (`H`) when the company works that day (a
//!   day of the work week or a day any unit shoots), except that holidays
//!   show `/`, company days off show [`DoodCode::DayOff`] (grey) and move days
//!   `M`; other non-working days (weekends) are blank.
//! - **Drop / pickup**: for a person who allows drops, a gap between two
//!   consecutive work dates of at least `drop_min_gap_days` calendar days
//!   (days strictly between the two work dates, so a 14-day minimum means a
//!   pickup more than 14 days after the last work day) is dropped: `D` on the
//!   first day of the gap without a travel, rehearsal or fitting, blank days
//!   after it (holidays and move days too: the person is off payroll), and
//!   `PW` (or `PWF` when it is also the last work day) on the pickup. The minimum comes from the person's rule pack
//!   ([`Person::rule_pack`], else [`DEFAULT_PACK`]) in force on the last work
//!   day before the gap, with the production's department and person
//!   overrides. Only the first qualifying gap is dropped (SAG-AFTRA allows
//!   one drop per production); later ones are held, with a warning. A pack
//!   without `drop_min_gap_days` allows no drop.
//! - A held gap of a person who does not allow holds still shows `H` (the
//!   person must be paid) and adds a warning to the row explaining why no
//!   drop was possible.
//! - **Travel, rehearsal and fitting** events show `T`, `R`, `FT` on days
//!   without work (travel wins over rehearsal, rehearsal over fitting),
//!   before, inside or after the span; outside the span they do not start or
//!   finish it. Meetings, prep and meals are not shown.
//!
//! Columns are civil dates; a column's [`DayType`] comes from the
//! production's [`WorkingCalendar`](crate::WorkingCalendar) (whose dates are
//! in the home zone), and its shoot days are the counted shoot days of every
//! unit, dated like work dates. For a shoot in the home zone an event's
//! local date is its home-zone date; on a distant location it is the date
//! on the call sheet there.
//!
//! Totals are the person's whole engagement, whatever the date range shown:
//! they equal the counts of the row's codes when the range covers the
//! person's events (the default).
//!
//! The output is deterministic: it does not depend on the order of events
//! in the file. Computing it takes O(events log events + people × (days
//! shown + their work days, marks and calendar dates)): totals are counted
//! gap by gap with work-week arithmetic, so a long span costs no more than a
//! short one, and at most [`MAX_DAYS`] columns are built.
//!
//! # Examples
//!
//! ```
//! use callsheet::comms::DoodCode;
//! use callsheet::{Attendance, Event, EventKind, Person, PersonCategory, Production};
//!
//! let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
//! let mut maya = Person::new("P1", "Maya Ortiz", PersonCategory::Cast);
//! maya.cast_number = Some(1);
//! p.people.push(maya);
//! // Shoot days on Mon 2, Tue 3 and Fri 6 March 2026, 07:00–19:00 in Los Angeles.
//! for (n, day) in [(1, 2), (2, 3), (3, 6)] {
//!     let mut e = Event::new(
//!         format!("D{n}"),
//!         EventKind::ShootDay,
//!         format!("2026-03-{day:02}T15:00:00Z").parse()?,
//!         format!("2026-03-{:02}T03:00:00Z", day + 1).parse()?,
//!     );
//!     e.day_number = Some(n);
//!     e.attendees.push(Attendance::new("P1"));
//!     p.events.push(e);
//! }
//!
//! let report = p.day_out_of_days();
//! let row = &report.rows[0];
//! assert_eq!(row.codes_line(), "SW W H H WF");
//! assert_eq!(row.codes[2], DoodCode::Hold);
//! assert_eq!((row.totals.work, row.totals.hold, row.totals.span), (3, 2, 5));
//! assert_eq!(report.columns[4].day_numbers(), [3]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use chrono::{Datelike, NaiveDate, Offset, TimeZone, Weekday};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::model::{
    BookingStatus, Event, EventId, EventKind, IanaZone, Person, PersonCategory, PersonId,
    Production, Timestamp, UnitId,
};
use crate::rules::{DEFAULT_PACK, RuleBook};

/// The most columns (days) a report holds; a longer range is cut to its
/// first `MAX_DAYS` days, with a warning.
pub const MAX_DAYS: usize = 3_660;

/// What a person's cell says about a day.
///
/// Serialised in `snake_case` (`"start_work"`); [`DoodCode::code`] gives the
/// text printed in the grid (`"SW"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoodCode {
    /// `SW`: first work day.
    StartWork,
    /// `W`: works that day.
    Work,
    /// `WF`: last work day.
    WorkFinish,
    /// `SWF`: the only work day.
    StartWorkFinish,
    /// `H`: held (paid, not working) between work days.
    Hold,
    /// `D`: dropped (released) from this day until the pickup.
    Drop,
    /// `PW`: picked up after a drop, and works.
    PickupWork,
    /// `PWF`: picked up after a drop on the last work day.
    PickupWorkFinish,
    /// `T`: travel day.
    Travel,
    /// `R`: rehearsal day.
    Rehearsal,
    /// `FT`: fitting day.
    Fitting,
    /// `/`: company holiday within the person's span.
    Holiday,
    /// `M`: company move day within the person's span.
    MoveDay,
    /// Company day off within the person's span (grey on paper; no text).
    DayOff,
    /// Nothing: outside the span, a non-working day, or dropped.
    Empty,
}

impl DoodCode {
    /// The text printed in the grid: `"SW"`, `"W"`, `"H"`, `"/"`, or `""`
    /// for [`DoodCode::DayOff`] and [`DoodCode::Empty`].
    ///
    /// ```
    /// use callsheet::comms::DoodCode;
    /// assert_eq!(DoodCode::StartWorkFinish.code(), "SWF");
    /// assert_eq!(DoodCode::Holiday.code(), "/");
    /// assert_eq!(DoodCode::DayOff.code(), "");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            DoodCode::StartWork => "SW",
            DoodCode::Work => "W",
            DoodCode::WorkFinish => "WF",
            DoodCode::StartWorkFinish => "SWF",
            DoodCode::Hold => "H",
            DoodCode::Drop => "D",
            DoodCode::PickupWork => "PW",
            DoodCode::PickupWorkFinish => "PWF",
            DoodCode::Travel => "T",
            DoodCode::Rehearsal => "R",
            DoodCode::Fitting => "FT",
            DoodCode::Holiday => "/",
            DoodCode::MoveDay => "M",
            DoodCode::DayOff | DoodCode::Empty => "",
        }
    }

    /// Whether the person works that day (`SW`, `W`, `WF`, `SWF`, `PW`, `PWF`).
    pub fn is_work(self) -> bool {
        matches!(
            self,
            DoodCode::StartWork
                | DoodCode::Work
                | DoodCode::WorkFinish
                | DoodCode::StartWorkFinish
                | DoodCode::PickupWork
                | DoodCode::PickupWorkFinish
        )
    }
}

impl fmt::Display for DoodCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What kind of day a column is for the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayType {
    /// A day of the work week.
    Working,
    /// A company holiday (`/`).
    Holiday,
    /// A company day off (grey).
    DayOff,
    /// A company travel / move day (`M`).
    MoveDay,
    /// Outside the work week (a weekend) and none of the above.
    NonWorking,
}

/// A shoot day falling on a column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShootDayMark {
    /// The shoot day's unit, if any.
    pub unit: Option<UnitId>,
    /// Its day number ("Day 12"), if any.
    pub day_number: Option<u32>,
    /// The shoot day event.
    pub event: EventId,
}

/// One column of the grid: a civil date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoodColumn {
    /// The date.
    pub date: NaiveDate,
    /// Its weekday.
    pub weekday: Weekday,
    /// What kind of day it is for the company.
    pub day_type: DayType,
    /// The holiday's name, on holidays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holiday: Option<String>,
    /// Shoot days of any unit on this date, ordered by unit, day number and event id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shoot_days: Vec<ShootDayMark>,
}

impl DoodColumn {
    /// The shoot day numbers on this date, ascending, without repeats.
    pub fn day_numbers(&self) -> Vec<u32> {
        let set: BTreeSet<u32> = self
            .shoot_days
            .iter()
            .filter_map(|s| s.day_number)
            .collect();
        set.into_iter().collect()
    }

    /// Whether any unit shoots on this date.
    pub fn is_shoot_day(&self) -> bool {
        !self.shoot_days.is_empty()
    }
}

/// Totals of one row, over the person's whole engagement.
///
/// The day counts partition the span plus the travel, rehearsal and
/// fitting days outside it: `work + hold + travel + rehearsal + fitting +
/// holiday + move_days + dropped + idle == span + outside_span`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoodTotals {
    /// Days worked (distinct work dates).
    pub work: u32,
    /// Hold days.
    pub hold: u32,
    /// Travel days (within the span or not).
    pub travel: u32,
    /// Rehearsal days (within the span or not).
    pub rehearsal: u32,
    /// Fitting days (within the span or not).
    pub fitting: u32,
    /// Holidays within the span (not dropped).
    pub holiday: u32,
    /// Move days within the span (not dropped).
    pub move_days: u32,
    /// Days dropped: the `D` day and the blank days up to the pickup.
    pub dropped: u32,
    /// Other days within the span: weekends and company days off.
    pub idle: u32,
    /// Travel, rehearsal and fitting days before the first or after the last work day.
    pub outside_span: u32,
    /// Calendar days from the first to the last work day inclusive (0 without work).
    pub span: u32,
    /// First work day.
    pub first_work: Option<NaiveDate>,
    /// Last work day.
    pub last_work: Option<NaiveDate>,
    /// The `D` day, if the person is dropped.
    pub drop: Option<NaiveDate>,
    /// The pickup (`PW`) day, if the person is dropped.
    pub pickup: Option<NaiveDate>,
}

/// One person's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoodRow {
    /// Who.
    pub person: PersonId,
    /// Their name.
    pub name: String,
    /// Cast, crew or other.
    pub category: PersonCategory,
    /// Cast number, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cast_number: Option<u32>,
    /// One code per column of the report.
    pub codes: Vec<DoodCode>,
    /// Totals over the person's whole engagement.
    pub totals: DoodTotals,
    /// Why days are held against the person's terms (no holds allowed, a drop
    /// too short, a second drop).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl DoodRow {
    /// The codes separated by single spaces, `.` for a cell without text
    /// (blank or company day off): `"SW W H . . W WF"`.
    pub fn codes_line(&self) -> String {
        let mut out = String::new();
        for (i, code) in self.codes.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(match code.code() {
                "" => ".",
                text => text,
            });
        }
        out
    }

    /// The label printed at the start of the row: `"1. Maya Ortiz"`, or the
    /// name alone without a cast number.
    pub fn label(&self) -> String {
        match self.cast_number {
            Some(n) => format!("{n}. {}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Which people get a row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoodPeople {
    /// All cast, by cast number (people without one last), then id.
    #[default]
    Cast,
    /// All cast, then all crew, each by cast number then id.
    CastAndCrew,
    /// Everybody: cast, crew, then others.
    Everyone,
    /// These people, in this order (repeats and unknown ids are skipped, the
    /// latter with a warning).
    Only(Vec<PersonId>),
}

/// Which dates get a column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoodRange {
    /// From the first to the last date of any shown event of the people in the report.
    #[default]
    People,
    /// From the first to the last shoot day of any unit.
    Shoot,
    /// These dates, inclusive.
    Dates {
        /// First date.
        from: NaiveDate,
        /// Last date.
        to: NaiveDate,
    },
}

/// What a day-out-of-days report covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DoodOptions {
    /// Which people get a row (default: all cast).
    pub people: DoodPeople,
    /// Which dates get a column (default: those of the people's events).
    pub range: DoodRange,
    /// Whether events on hold count (default: yes).
    pub include_holds: bool,
    /// Whether tentative events count (default: no). Cancelled events never do.
    pub include_tentative: bool,
}

impl Default for DoodOptions {
    fn default() -> Self {
        Self {
            people: DoodPeople::Cast,
            range: DoodRange::People,
            include_holds: true,
            include_tentative: false,
        }
    }
}

/// A day-out-of-days report: columns (dates), rows (people) and warnings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoodReport {
    /// The production's name.
    pub production: String,
    /// The production's home zone.
    pub zone: IanaZone,
    /// One column per date, in order.
    pub columns: Vec<DoodColumn>,
    /// One row per person.
    pub rows: Vec<DoodRow>,
    /// Problems with the request (unknown people, a range cut short).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Production {
    /// The day out of days of all cast over the dates of their events,
    /// counting confirmed events and holds (see [`crate::comms::dood`]).
    ///
    /// ```
    /// use callsheet::Production;
    /// let p = Production::new("Empty", "Europe/London".parse()?, "GBP".parse()?);
    /// let report = p.day_out_of_days();
    /// assert!(report.columns.is_empty() && report.rows.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn day_out_of_days(&self) -> DoodReport {
        day_out_of_days(self, &DoodOptions::default())
    }
}

/// The day out of days of `production` (see [the module](self) for the rules).
///
/// # Examples
///
/// A crew member's row, over a fixed week:
///
/// ```
/// use callsheet::comms::{DoodOptions, DoodPeople, DoodRange, day_out_of_days};
/// use callsheet::{Attendance, Event, EventKind, Person, PersonCategory, Production};
/// use chrono::NaiveDate;
///
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
/// p.people.push(Person::new("K1", "Leo Park", PersonCategory::Crew));
/// let mut day = Event::new(
///     "D1",
///     EventKind::ShootDay,
///     "2026-03-03T15:00:00Z".parse()?,
///     "2026-03-04T03:00:00Z".parse()?,
/// );
/// day.attendees.push(Attendance::new("K1"));
/// p.events.push(day);
///
/// let options = DoodOptions {
///     people: DoodPeople::CastAndCrew,
///     range: DoodRange::Dates {
///         from: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
///         to: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
///     },
///     ..DoodOptions::default()
/// };
/// let report = day_out_of_days(&p, &options);
/// assert_eq!(report.rows[0].codes_line(), ". SWF .");
/// assert!(report.to_csv().starts_with("cast_number,person,name,category,2026-03-02,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn day_out_of_days(production: &Production, options: &DoodOptions) -> DoodReport {
    let mut warnings = Vec::new();
    let selected = select_people(production, &options.people, &mut warnings);
    let index = EventIndex::new(production, options);
    let calendar = Calendar::new(production, &index);
    let mut plans = collect(production, &index, &selected);
    let drops = DropRules::new(production);
    for (plan, &person) in plans.iter_mut().zip(&selected) {
        if let Some(person) = production.people.get(person) {
            plan_gaps(plan, person, &calendar, &drops);
        }
    }

    let dates = date_range(&options.range, &plans, &calendar, &mut warnings);
    let columns: Vec<DoodColumn> = dates.iter().map(|&d| calendar.column(d)).collect();
    let rows = selected
        .iter()
        .zip(plans)
        .filter_map(|(&ix, plan)| {
            let person = production.people.get(ix)?;
            let codes = dates.iter().map(|&d| plan.code(&calendar, d)).collect();
            let totals = plan.totals(&calendar);
            Some(DoodRow {
                person: person.id.clone(),
                name: person.name.clone(),
                category: person.category,
                cast_number: person.cast_number,
                codes,
                totals,
                warnings: plan.warnings,
            })
        })
        .collect();
    DoodReport {
        production: production.name.clone(),
        zone: production.zone,
        columns,
        rows,
        warnings,
    }
}

// ---------------------------------------------------------------------------
// People

fn select_people(
    production: &Production,
    which: &DoodPeople,
    warnings: &mut Vec<String>,
) -> Vec<usize> {
    let by_category = |keep: &dyn Fn(PersonCategory) -> bool| {
        let mut out: Vec<usize> = (0..production.people.len())
            .filter(|&i| production.people.get(i).is_some_and(|p| keep(p.category)))
            .collect();
        out.sort_by(|&a, &b| {
            let key = |i: usize| {
                production
                    .people
                    .get(i)
                    .map(|p| (p.category, p.cast_number.is_none(), p.cast_number, &p.id))
            };
            key(a).cmp(&key(b)).then(a.cmp(&b))
        });
        out
    };
    match which {
        DoodPeople::Cast => by_category(&|c| c == PersonCategory::Cast),
        DoodPeople::CastAndCrew => by_category(&|c| c != PersonCategory::Other),
        DoodPeople::Everyone => by_category(&|_| true),
        DoodPeople::Only(ids) => {
            let mut index: FxHashMap<&str, usize> = FxHashMap::default();
            for (i, p) in production.people.iter().enumerate() {
                index.entry(p.id.as_str()).or_insert(i);
            }
            let mut seen = FxHashSet::default();
            let mut out = Vec::new();
            for id in ids {
                if !seen.insert(id.as_str()) {
                    continue;
                }
                match index.get(id.as_str()).copied() {
                    Some(i) => out.push(i),
                    None => warnings.push(format!("unknown person \"{id}\"")),
                }
            }
            out
        }
    }
}

// ---------------------------------------------------------------------------
// Events

/// The events that count, with their parents and zones resolved.
struct EventIndex<'p> {
    production: &'p Production,
    /// For each event: whether it counts under the options.
    counts: Vec<bool>,
    /// For each event: its parent's position (if any, not itself).
    parent: Vec<Option<usize>>,
    /// For each event: the zone of its location (or its parent's, or home).
    zone: Vec<IanaZone>,
}

impl<'p> EventIndex<'p> {
    fn new(production: &'p Production, options: &DoodOptions) -> Self {
        let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, e) in production.events.iter().enumerate() {
            ids.entry(e.id.as_str()).or_insert(i);
        }
        let mut zones: FxHashMap<&str, IanaZone> = FxHashMap::default();
        for l in &production.locations {
            zones.entry(l.id.as_str()).or_insert(l.zone);
        }
        let own_zone = |e: &Event| {
            e.location
                .as_ref()
                .and_then(|l| zones.get(l.as_str()).copied())
        };
        let n = production.events.len();
        let (mut counts, mut parent, mut zone) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for (i, e) in production.events.iter().enumerate() {
            let p = e
                .parent
                .as_ref()
                .and_then(|id| ids.get(id.as_str()).copied())
                .filter(|&p| p != i);
            let parent_event = p.and_then(|p| production.events.get(p));
            // A scene is as firm as its shoot day: the weaker status wins.
            let status = parent_event.map_or(e.status, |d| e.status.max(d.status));
            counts.push(match status {
                BookingStatus::Confirmed => true,
                BookingStatus::Hold => options.include_holds,
                BookingStatus::Tentative => options.include_tentative,
                BookingStatus::Cancelled => false,
            });
            parent.push(p);
            zone.push(
                own_zone(e)
                    .or_else(|| parent_event.and_then(own_zone))
                    .unwrap_or(production.zone),
            );
        }
        Self {
            production,
            counts,
            parent,
            zone,
        }
    }

    /// The instant that dates a commitment to event `i` reported at `report`:
    /// the earliest of the report, the event's start and its shoot day's start.
    fn anchor(&self, i: usize, report: Timestamp) -> Timestamp {
        let Some(e) = self.production.events.get(i) else {
            return report;
        };
        let parent_start = self
            .parent
            .get(i)
            .copied()
            .flatten()
            .and_then(|p| self.production.events.get(p))
            .map(|p| p.start);
        parent_start.map_or(report.min(e.start), |s| report.min(e.start).min(s))
    }

    fn zone(&self, i: usize) -> IanaZone {
        self.zone.get(i).copied().unwrap_or(self.production.zone)
    }

    fn counts(&self, i: usize) -> bool {
        self.counts.get(i).copied().unwrap_or(false)
    }
}

/// The civil date of `t` in `zone`, without panicking at the ends of time.
fn civil(zone: IanaZone, t: Timestamp) -> NaiveDate {
    let utc = t.naive_utc();
    let offset = zone.tz().offset_from_utc_datetime(&utc).fix();
    utc.checked_add_offset(offset)
        .map_or(utc.date(), |l| l.date())
}

/// The grid code of a non-work event kind shown on days without work.
fn mark_code(kind: EventKind) -> Option<DoodCode> {
    match kind {
        EventKind::Travel => Some(DoodCode::Travel),
        EventKind::Rehearsal => Some(DoodCode::Rehearsal),
        EventKind::Fitting => Some(DoodCode::Fitting),
        _ => None,
    }
}

/// Which of two marks on one day is shown: travel, then rehearsal, then fitting.
fn mark_rank(code: DoodCode) -> u8 {
    match code {
        DoodCode::Travel => 0,
        DoodCode::Rehearsal => 1,
        _ => 2,
    }
}

// ---------------------------------------------------------------------------
// Calendar

struct Calendar<'p> {
    work_week: [bool; 7],
    holidays: FxHashMap<NaiveDate, &'p str>,
    days_off: FxHashSet<NaiveDate>,
    moves: FxHashSet<NaiveDate>,
    shoots: BTreeMap<NaiveDate, Vec<ShootDayMark>>,
    /// Holidays, days off, move days and shoot days, ascending, without repeats:
    /// every date whose code is not decided by the work week alone.
    specials: Vec<NaiveDate>,
}

impl<'p> Calendar<'p> {
    fn new(production: &'p Production, index: &EventIndex<'p>) -> Self {
        let c = &production.calendar;
        let mut work_week = [false; 7];
        for d in &c.work_week {
            if let Some(slot) = work_week.get_mut(d.num_days_from_monday() as usize) {
                *slot = true;
            }
        }
        let mut holidays = FxHashMap::default();
        for h in &c.holidays {
            holidays.entry(h.date).or_insert(h.name.as_str());
        }
        let mut shoots: BTreeMap<NaiveDate, Vec<ShootDayMark>> = BTreeMap::new();
        for (i, e) in production.events.iter().enumerate() {
            if e.kind != EventKind::ShootDay || !index.counts(i) {
                continue;
            }
            let date = civil(index.zone(i), index.anchor(i, e.start));
            shoots.entry(date).or_default().push(ShootDayMark {
                unit: e.unit.clone(),
                day_number: e.day_number,
                event: e.id.clone(),
            });
        }
        for marks in shoots.values_mut() {
            marks.sort();
        }
        let specials: BTreeSet<NaiveDate> = holidays
            .keys()
            .chain(&c.days_off)
            .chain(&c.move_days)
            .chain(shoots.keys())
            .copied()
            .collect();
        Self {
            work_week,
            holidays,
            days_off: c.days_off.iter().copied().collect(),
            moves: c.move_days.iter().copied().collect(),
            shoots,
            specials: specials.into_iter().collect(),
        }
    }

    fn in_work_week(&self, date: NaiveDate) -> bool {
        self.work_week
            .get(date.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or(false)
    }

    /// How many dates from `x` to `y` inclusive are in the work week, by arithmetic.
    fn work_week_days(&self, x: NaiveDate, y: NaiveDate) -> u64 {
        let n = (y - x).num_days() + 1;
        if n <= 0 {
            return 0;
        }
        let per_week = self.work_week.iter().filter(|w| **w).count() as i64;
        let start = i64::from(x.weekday().num_days_from_monday());
        let extra = (0..n % 7)
            .filter(|k| {
                self.work_week
                    .get(((start + k) % 7) as usize)
                    .copied()
                    .unwrap_or(false)
            })
            .count() as i64;
        u64::try_from(n / 7 * per_week + extra).unwrap_or(0)
    }

    /// The special dates from `x` to `y` inclusive.
    fn specials_in(&self, x: NaiveDate, y: NaiveDate) -> &[NaiveDate] {
        let lo = self.specials.partition_point(|d| *d < x);
        let hi = self.specials.partition_point(|d| *d <= y);
        self.specials.get(lo..hi).unwrap_or(&[])
    }

    fn day_type(&self, date: NaiveDate) -> DayType {
        if self.holidays.contains_key(&date) {
            DayType::Holiday
        } else if self.days_off.contains(&date) {
            DayType::DayOff
        } else if self.moves.contains(&date) {
            DayType::MoveDay
        } else if self.in_work_week(date) {
            DayType::Working
        } else {
            DayType::NonWorking
        }
    }

    /// What an unworked day inside a person's span (and not dropped) shows.
    fn idle_code(&self, date: NaiveDate) -> DoodCode {
        match self.day_type(date) {
            DayType::Holiday => DoodCode::Holiday,
            DayType::DayOff => DoodCode::DayOff,
            DayType::MoveDay => DoodCode::MoveDay,
            DayType::Working => DoodCode::Hold,
            DayType::NonWorking if self.shoots.contains_key(&date) => DoodCode::Hold,
            DayType::NonWorking => DoodCode::Empty,
        }
    }

    fn column(&self, date: NaiveDate) -> DoodColumn {
        DoodColumn {
            date,
            weekday: date.weekday(),
            day_type: self.day_type(date),
            holiday: self.holidays.get(&date).map(|n| (*n).to_owned()),
            shoot_days: self.shoots.get(&date).cloned().unwrap_or_default(),
        }
    }
}

// ---------------------------------------------------------------------------
// One person's plan

#[derive(Debug, Clone, Copy)]
struct DropPlan {
    /// The last work day before the drop.
    after: NaiveDate,
    /// The `D` day.
    day: NaiveDate,
    /// The pickup work day.
    pickup: NaiveDate,
}

#[derive(Debug, Default)]
struct Plan {
    /// Distinct work dates, ascending.
    work: Vec<NaiveDate>,
    /// Travel, rehearsal and fitting days (any date, work dates included).
    marks: BTreeMap<NaiveDate, DoodCode>,
    drop: Option<DropPlan>,
    warnings: Vec<String>,
}

struct Commitment {
    report: Timestamp,
    release: Timestamp,
    anchor: Timestamp,
    zone: IanaZone,
    /// `None` for work, else the mark.
    mark: Option<DoodCode>,
    event: usize,
}

/// Every selected person's work dates and marks, in one pass over the events.
fn collect(production: &Production, index: &EventIndex<'_>, selected: &[usize]) -> Vec<Plan> {
    let mut row_of: FxHashMap<&str, usize> = FxHashMap::default();
    for (row, &ix) in selected.iter().enumerate() {
        if let Some(p) = production.people.get(ix) {
            row_of.entry(p.id.as_str()).or_insert(row);
        }
    }
    let mut lists: Vec<Vec<Commitment>> = selected.iter().map(|_| Vec::new()).collect();
    for (i, e) in production.events.iter().enumerate() {
        let mark = match e.kind {
            EventKind::ShootDay | EventKind::Scene => None,
            kind => match mark_code(kind) {
                Some(code) => Some(code),
                None => continue,
            },
        };
        if !index.counts(i) {
            continue;
        }
        let mut seen: FxHashSet<usize> = FxHashSet::default();
        for att in &e.attendees {
            let Some(&row) = row_of.get(att.person.as_str()) else {
                continue;
            };
            if !seen.insert(row) {
                continue;
            }
            let report = att.report(e);
            if let Some(list) = lists.get_mut(row) {
                list.push(Commitment {
                    report,
                    release: att.release(e).max(report),
                    anchor: index.anchor(i, report),
                    zone: index.zone(i),
                    mark,
                    event: i,
                });
            }
        }
    }
    lists
        .into_iter()
        .map(|mut list| {
            let id = |c: &Commitment| production.events.get(c.event).map(|e| e.id.as_str());
            list.sort_by(|a, b| {
                (a.report, a.release, id(a), a.event).cmp(&(b.report, b.release, id(b), b.event))
            });
            let mut work = BTreeSet::new();
            let mut marks: BTreeMap<NaiveDate, DoodCode> = BTreeMap::new();
            // The running work day: its date and the latest release so far.
            let mut running: Option<(NaiveDate, Timestamp)> = None;
            for c in &list {
                let continued = running.filter(|&(_, end)| c.report < end);
                match c.mark {
                    None => {
                        let date = continued.map_or_else(|| civil(c.zone, c.anchor), |(d, _)| d);
                        work.insert(date);
                        let end = continued.map_or(c.release, |(_, end)| end.max(c.release));
                        running = Some((date, end));
                    }
                    // Inside a running work day: that day is a work day.
                    Some(_) if continued.is_some() => {}
                    Some(code) => {
                        let date = civil(c.zone, c.anchor);
                        let slot = marks.entry(date).or_insert(code);
                        if mark_rank(code) < mark_rank(*slot) {
                            *slot = code;
                        }
                    }
                }
            }
            Plan {
                work: work.into_iter().collect(),
                marks,
                drop: None,
                warnings: Vec::new(),
            }
        })
        .collect()
}

/// The production's drop minimums: packs plus department and person overrides.
struct DropRules<'p> {
    book: RuleBook,
    by_department: FxHashMap<&'p str, u32>,
    by_person: FxHashMap<&'p str, u32>,
}

/// A person's drop minimum on a date, and where it came from.
enum DropRule {
    /// A pack with a minimum: (days, "sag-aftra 2023").
    Minimum(u32, String),
    /// A pack without drops, or no pack in force: the reason.
    None(String),
}

impl<'p> DropRules<'p> {
    fn new(production: &'p Production) -> Self {
        let (mut by_department, mut by_person) = (FxHashMap::default(), FxHashMap::default());
        // Later overrides win, person overrides over department ones (as in the conflict engine).
        for o in &production.rule_overrides {
            let Some(days) = o.params.drop_min_gap_days else {
                continue;
            };
            match (&o.person, &o.department) {
                (Some(p), _) => {
                    by_person.insert(p.as_str(), days);
                }
                (None, Some(d)) => {
                    by_department.insert(d.as_str(), days);
                }
                (None, None) => {}
            }
        }
        Self {
            book: RuleBook::new(&production.rule_packs),
            by_department,
            by_person,
        }
    }

    fn rule(&self, person: &Person, date: NaiveDate) -> DropRule {
        let id = person
            .rule_pack
            .as_ref()
            .map_or(DEFAULT_PACK, |p| p.as_str());
        let Some(pack) = self.book.pack(id, date) else {
            return DropRule::None(format!(
                "rule pack \"{id}\" is not in force on {}",
                day_label(date)
            ));
        };
        let label = format!("{} {}", pack.id, pack.version);
        let overridden = self.by_person.get(person.id.as_str()).or_else(|| {
            person
                .department
                .as_deref()
                .and_then(|d| self.by_department.get(d))
        });
        match (overridden, pack.params.drop_min_gap_days) {
            (Some(&days), _) => DropRule::Minimum(days, format!("{label} with overrides")),
            (None, Some(days)) => DropRule::Minimum(days, label),
            (None, None) => DropRule::None(format!("{label} has no drop minimum")),
        }
    }
}

/// `"1 day"`, `"9 days"`.
fn plural(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `"Fri 6 Mar"`, as in the conflict engine's messages.
fn day_label(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// Calendar days strictly between two dates.
fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days() - 1
}

/// The dates strictly between `a` and `b`.
fn inner_days(a: NaiveDate, b: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    a.succ_opt()
        .into_iter()
        .flat_map(|s| s.iter_days())
        .take_while(move |d| *d < b)
}

/// Decides the drop (if any) and the warnings for held gaps.
fn plan_gaps(plan: &mut Plan, person: &Person, calendar: &Calendar<'_>, drops: &DropRules<'_>) {
    let mut warnings = Vec::new();
    let mut drop: Option<DropPlan> = None;
    for pair in plan.work.windows(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let gap = days_between(a, b);
        if gap < 1 {
            continue;
        }
        let rule = person.allow_drop.then(|| drops.rule(person, a));
        let qualifies =
            matches!(&rule, Some(DropRule::Minimum(min, _)) if gap >= i64::from((*min).max(1)));
        if qualifies && drop.is_none() {
            if let Some(day) = inner_days(a, b).find(|d| !plan.marks.contains_key(d)) {
                drop = Some(DropPlan {
                    after: a,
                    day,
                    pickup: b,
                });
                continue;
            }
        }
        let held = plan.tally(calendar, a, b).hold;
        if held == 0 {
            continue;
        }
        let after = day_label(a);
        let tail = format!("held ({})", plural(u64::from(held), "hold day"));
        let gap = plural(u64::try_from(gap).unwrap_or(0), "day");
        let warning = match rule {
            Some(DropRule::Minimum(_, label)) if qualifies => Some(format!(
                "drop of {gap} after {after} would be a second drop ({label} allows one per production): {tail}"
            )),
            Some(DropRule::Minimum(min, label)) if !person.allow_hold => Some(format!(
                "drop of {gap} after {after} is shorter than the {min}-day minimum ({label}): {tail}"
            )),
            Some(DropRule::None(reason)) if !person.allow_hold => Some(format!(
                "drop of {gap} after {after} is not possible ({reason}): {tail}"
            )),
            None if !person.allow_hold => Some(format!(
                "{gap} without work after {after}, and neither holds nor drops are allowed: {tail}"
            )),
            _ => None,
        };
        warnings.extend(warning);
    }
    plan.drop = drop;
    plan.warnings = warnings;
}

impl Plan {
    fn is_work(&self, date: NaiveDate) -> bool {
        self.work.binary_search(&date).is_ok()
    }

    fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((*self.work.first()?, *self.work.last()?))
    }

    fn dropped(&self, date: NaiveDate) -> bool {
        self.drop.is_some_and(|d| d.after < date && date < d.pickup)
    }

    /// The person's code on `date`.
    fn code(&self, calendar: &Calendar<'_>, date: NaiveDate) -> DoodCode {
        let Some((first, last)) = self.span() else {
            return self.marks.get(&date).copied().unwrap_or(DoodCode::Empty);
        };
        if self.is_work(date) {
            let pickup = self.drop.is_some_and(|d| d.pickup == date);
            return match (date == first, date == last, pickup) {
                (true, true, _) => DoodCode::StartWorkFinish,
                (true, false, _) => DoodCode::StartWork,
                (false, true, true) => DoodCode::PickupWorkFinish,
                (false, true, false) => DoodCode::WorkFinish,
                (false, false, true) => DoodCode::PickupWork,
                (false, false, false) => DoodCode::Work,
            };
        }
        if self.drop.is_some_and(|d| d.day == date) {
            return DoodCode::Drop;
        }
        if let Some(&mark) = self.marks.get(&date) {
            return mark;
        }
        if date < first || date > last || self.dropped(date) {
            return DoodCode::Empty;
        }
        calendar.idle_code(date)
    }

    /// The counts of the codes of the days strictly between work days `a`
    /// and `b` when they are not dropped: marks, holidays, days off and move
    /// days one by one, other days by work-week arithmetic, so the cost does
    /// not grow with the length of the gap.
    fn tally(&self, calendar: &Calendar<'_>, a: NaiveDate, b: NaiveDate) -> DoodTotals {
        let mut t = DoodTotals::default();
        let (Some(x), Some(y)) = (a.succ_opt(), b.pred_opt()) else {
            return t;
        };
        if y < x {
            return t;
        }
        // Days whose code is not decided by the work week alone, and how many
        // of them fall in the work week.
        let (mut special, mut special_in_week) = (0u64, 0u64);
        for (&date, &code) in self.marks.range(x..=y) {
            count(&mut t, code, 1);
            special += 1;
            special_in_week += u64::from(calendar.in_work_week(date));
        }
        for &date in calendar.specials_in(x, y) {
            if self.marks.contains_key(&date) {
                continue;
            }
            count(&mut t, calendar.idle_code(date), 1);
            special += 1;
            special_in_week += u64::from(calendar.in_work_week(date));
        }
        let days = u64::try_from((y - x).num_days() + 1).unwrap_or(0);
        let plain = days.saturating_sub(special);
        let plain_in_week = calendar
            .work_week_days(x, y)
            .saturating_sub(special_in_week);
        count(&mut t, DoodCode::Hold, plain_in_week);
        count(&mut t, DoodCode::Empty, plain.saturating_sub(plain_in_week));
        t
    }

    /// Totals over the whole engagement: the gaps between work days, plus
    /// the marks outside the span.
    fn totals(&self, calendar: &Calendar<'_>) -> DoodTotals {
        let mut t = DoodTotals {
            drop: self.drop.map(|d| d.day),
            pickup: self.drop.map(|d| d.pickup),
            ..DoodTotals::default()
        };
        let span = self.span();
        if let Some((first, last)) = span {
            t.first_work = Some(first);
            t.last_work = Some(last);
            t.span = u32::try_from((last - first).num_days() + 1).unwrap_or(u32::MAX);
            count(&mut t, DoodCode::Work, self.work.len() as u64);
            for pair in self.work.windows(2) {
                let [a, b] = pair else { continue };
                match self.drop {
                    Some(d) if d.after == *a => {
                        // Dropped: the marks show, every other day is dropped.
                        let mut marks = 0u64;
                        if let (Some(x), Some(y)) = (a.succ_opt(), b.pred_opt()) {
                            for (_, &code) in self.marks.range(x..=y) {
                                count(&mut t, code, 1);
                                marks += 1;
                            }
                        }
                        let gap = u64::try_from(days_between(*a, *b)).unwrap_or(0);
                        t.dropped = add(t.dropped, gap.saturating_sub(marks));
                    }
                    _ => {
                        let g = self.tally(calendar, *a, *b);
                        t.hold = add(t.hold, g.hold.into());
                        t.travel = add(t.travel, g.travel.into());
                        t.rehearsal = add(t.rehearsal, g.rehearsal.into());
                        t.fitting = add(t.fitting, g.fitting.into());
                        t.holiday = add(t.holiday, g.holiday.into());
                        t.move_days = add(t.move_days, g.move_days.into());
                        t.idle = add(t.idle, g.idle.into());
                    }
                }
            }
        }
        for (&date, &code) in &self.marks {
            let inside = span.is_some_and(|(first, last)| first <= date && date <= last);
            if !inside {
                count(&mut t, code, 1);
                t.outside_span = add(t.outside_span, 1);
            }
        }
        t
    }
}

/// Adds `n` days of `code` to the totals (blank and day-off days are idle).
fn count(t: &mut DoodTotals, code: DoodCode, n: u64) {
    let slot = match code {
        c if c.is_work() => &mut t.work,
        DoodCode::Hold => &mut t.hold,
        DoodCode::Travel => &mut t.travel,
        DoodCode::Rehearsal => &mut t.rehearsal,
        DoodCode::Fitting => &mut t.fitting,
        DoodCode::Holiday => &mut t.holiday,
        DoodCode::MoveDay => &mut t.move_days,
        DoodCode::Drop => &mut t.dropped,
        _ => &mut t.idle,
    };
    *slot = add(*slot, n);
}

fn add(total: u32, n: u64) -> u32 {
    u32::try_from(u64::from(total).saturating_add(n)).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------
// Dates

fn date_range(
    range: &DoodRange,
    plans: &[Plan],
    calendar: &Calendar<'_>,
    warnings: &mut Vec<String>,
) -> Vec<NaiveDate> {
    let bounds = match range {
        DoodRange::People => {
            let dates = plans.iter().flat_map(|p| {
                [
                    p.work.first(),
                    p.work.last(),
                    p.marks.keys().next(),
                    p.marks.keys().next_back(),
                ]
                .into_iter()
                .flatten()
                .copied()
            });
            dates.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| {
                Some(acc.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
            })
        }
        DoodRange::Shoot => calendar
            .shoots
            .keys()
            .next()
            .zip(calendar.shoots.keys().next_back())
            .map(|(a, b)| (*a, *b)),
        DoodRange::Dates { from, to } => {
            if from > to {
                warnings.push(format!("the range starts ({from}) after it ends ({to})"));
                None
            } else {
                Some((*from, *to))
            }
        }
    };
    let Some((from, to)) = bounds else {
        return Vec::new();
    };
    let dates: Vec<NaiveDate> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .take(MAX_DAYS)
        .collect();
    if let Some(&last) = dates.last() {
        if last < to {
            warnings.push(format!(
                "{from} to {to} is longer than {MAX_DAYS} days: shown up to {last}"
            ));
        }
    }
    dates
}

// ---------------------------------------------------------------------------
// Rendering

impl DoodReport {
    /// The row of person `id`, if the report has one.
    pub fn row(&self, id: &str) -> Option<&DoodRow> {
        self.rows.iter().find(|r| r.person.as_str() == id)
    }

    /// The position of `date` among the columns.
    pub fn column_index(&self, date: NaiveDate) -> Option<usize> {
        self.columns.binary_search_by(|c| c.date.cmp(&date)).ok()
    }

    /// Person `id`'s code on `date`, if both are in the report.
    pub fn code(&self, id: &str, date: NaiveDate) -> Option<DoodCode> {
        let ix = self.column_index(date)?;
        self.row(id)?.codes.get(ix).copied()
    }

    /// A fixed-width grid like the paper DOOD: a header with the month (where
    /// it changes), weekday, day of the month and shoot day numbers (else `/`
    /// holiday, `M` move day, `off` company day off, `-` non-working day),
    /// then one line per person with their codes and totals, their warnings,
    /// and a legend. Lines have no trailing spaces.
    ///
    /// ```
    /// use callsheet::{Attendance, Event, EventKind, Person, PersonCategory, Production};
    ///
    /// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
    /// let mut maya = Person::new("P1", "Maya Ortiz", PersonCategory::Cast);
    /// maya.cast_number = Some(1);
    /// p.people.push(maya);
    /// let mut day = Event::new("D1", EventKind::ShootDay,
    ///     "2026-03-02T15:00:00Z".parse()?, "2026-03-03T03:00:00Z".parse()?);
    /// day.day_number = Some(1);
    /// day.attendees.push(Attendance::new("P1"));
    /// p.events.push(day);
    ///
    /// let text = p.day_out_of_days().to_text();
    /// let lines: Vec<&str> = text.lines().collect();
    /// assert_eq!(lines[..7], [
    ///     "DAY OUT OF DAYS: Night Diner",
    ///     "2026-03-02 to 2026-03-02 (1 day, America/Los_Angeles)",
    ///     "",
    ///     "              Mar",
    ///     "              Mon",
    ///     "Date          2",
    ///     "Day           1",
    /// ]);
    /// assert!(lines[7].starts_with("1. Maya Ortiz SWF | work   1 hold   0 travel   0"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "DAY OUT OF DAYS: {}", one_line(&self.production));
        match (self.columns.first(), self.columns.last()) {
            (Some(a), Some(b)) => {
                let n = self.columns.len();
                let _ = writeln!(
                    out,
                    "{} to {} ({n} day{}, {})",
                    a.date,
                    b.date,
                    if n == 1 { "" } else { "s" },
                    self.zone
                );
            }
            _ => {
                let _ = writeln!(out, "no dates ({})", self.zone);
            }
        }
        out.push('\n');

        let labels: Vec<String> = self.rows.iter().map(|r| one_line(&r.label())).collect();
        let label_width = labels
            .iter()
            .map(|l| l.chars().count())
            .chain([4])
            .max()
            .unwrap_or(4);
        let day_labels: Vec<String> = self.columns.iter().map(day_cell).collect();
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|r| r.codes.get(i))
                    .map(|c| c.code().len());
                let day = day_labels.get(i).map_or(0, |d| d.chars().count());
                cells.chain([3, day]).max().unwrap_or(3)
            })
            .collect();

        let line = |label: &str, cells: &mut dyn Iterator<Item = String>, suffix: &str| {
            let mut s = pad(label, label_width);
            for (cell, width) in cells.zip(&widths) {
                s.push(' ');
                s.push_str(&pad(&cell, *width));
            }
            s.push_str(suffix);
            let mut s = s.trim_end().to_owned();
            s.push('\n');
            s
        };
        let mut month = None;
        out.push_str(&line(
            "",
            &mut self.columns.iter().map(|c| {
                let m = (c.date.year(), c.date.month());
                if month.replace(m) == Some(m) {
                    String::new()
                } else {
                    c.date.format("%b").to_string()
                }
            }),
            "",
        ));
        out.push_str(&line(
            "",
            &mut self.columns.iter().map(|c| c.weekday.to_string()),
            "",
        ));
        out.push_str(&line(
            "Date",
            &mut self.columns.iter().map(|c| c.date.day().to_string()),
            "",
        ));
        out.push_str(&line("Day", &mut day_labels.iter().cloned(), ""));
        for (row, label) in self.rows.iter().zip(&labels) {
            let t = &row.totals;
            let mut suffix = format!(
                " | work {:>3} hold {:>3} travel {:>3} rehearsal {:>3} fitting {:>3} holiday {:>3} move {:>3} dropped {:>3} idle {:>3} | span {:>3}",
                t.work,
                t.hold,
                t.travel,
                t.rehearsal,
                t.fitting,
                t.holiday,
                t.move_days,
                t.dropped,
                t.idle,
                t.span
            );
            if let (Some(a), Some(b)) = (t.first_work, t.last_work) {
                let _ = write!(suffix, " {a} to {b}");
            }
            if let (Some(d), Some(p)) = (t.drop, t.pickup) {
                let _ = write!(suffix, " | drop {d} pickup {p}");
            }
            out.push_str(&line(
                label,
                &mut row.codes.iter().map(|c| c.code().to_owned()),
                &suffix,
            ));
            for w in &row.warnings {
                let _ = writeln!(out, "    ! {}", one_line(w));
            }
        }
        for w in &self.warnings {
            let _ = writeln!(out, "! {}", one_line(w));
        }
        out.push('\n');
        out.push_str(
            "SW start work  W work  WF work finish  SWF start/work/finish  H hold  D drop  \
             PW pickup work  PWF pickup/work/finish  T travel  R rehearsal  FT fitting  \
             / holiday  M move day\n",
        );
        let mut text = String::with_capacity(out.len());
        for l in out.lines() {
            text.push_str(l.trim_end());
            text.push('\n');
        }
        text
    }

    /// The report as CSV (RFC 4180: CRLF line ends, fields quoted when they
    /// hold a comma, quote or line break): a header row
    /// (`cast_number,person,name,category`, one `YYYY-MM-DD` column per
    /// date, then the totals and `warnings`), then one row per person with
    /// grid codes (empty for blank cells) and warnings joined by `"; "`.
    ///
    /// ```
    /// use callsheet::{Attendance, Event, EventKind, Person, PersonCategory, Production};
    ///
    /// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
    /// p.people.push(Person::new("P1", "Ortiz, Maya", PersonCategory::Cast));
    /// let mut day = Event::new("D1", EventKind::ShootDay,
    ///     "2026-03-02T15:00:00Z".parse()?, "2026-03-03T03:00:00Z".parse()?);
    /// day.attendees.push(Attendance::new("P1"));
    /// p.events.push(day);
    ///
    /// let csv = p.day_out_of_days().to_csv();
    /// let lines: Vec<&str> = csv.split("\r\n").collect();
    /// assert_eq!(lines[0], "cast_number,person,name,category,2026-03-02,work,hold,travel,\
    ///     rehearsal,fitting,holiday,move_days,dropped,idle,outside_span,span,first_work,\
    ///     last_work,drop,pickup,warnings");
    /// assert_eq!(lines[1], ",P1,\"Ortiz, Maya\",cast,SWF,1,0,0,0,0,0,0,0,0,0,1,2026-03-02,2026-03-02,,,");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut header: Vec<String> = ["cast_number", "person", "name", "category"]
            .into_iter()
            .map(str::to_owned)
            .collect();
        header.extend(self.columns.iter().map(|c| c.date.to_string()));
        header.extend(
            [
                "work",
                "hold",
                "travel",
                "rehearsal",
                "fitting",
                "holiday",
                "move_days",
                "dropped",
                "idle",
                "outside_span",
                "span",
                "first_work",
                "last_work",
                "drop",
                "pickup",
                "warnings",
            ]
            .into_iter()
            .map(str::to_owned),
        );
        csv_record(&mut out, &header);
        for row in &self.rows {
            let t = &row.totals;
            let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let mut fields = vec![
                row.cast_number.map(|n| n.to_string()).unwrap_or_default(),
                row.person.to_string(),
                row.name.clone(),
                category_name(row.category).to_owned(),
            ];
            fields.extend(row.codes.iter().map(|c| c.code().to_owned()));
            fields.extend(
                [
                    t.work,
                    t.hold,
                    t.travel,
                    t.rehearsal,
                    t.fitting,
                    t.holiday,
                    t.move_days,
                    t.dropped,
                    t.idle,
                    t.outside_span,
                    t.span,
                ]
                .map(|n| n.to_string()),
            );
            fields.extend([
                date(t.first_work),
                date(t.last_work),
                date(t.drop),
                date(t.pickup),
                row.warnings.join("; "),
            ]);
            csv_record(&mut out, &fields);
        }
        out
    }
}

fn category_name(category: PersonCategory) -> &'static str {
    match category {
        PersonCategory::Cast => "cast",
        PersonCategory::Crew => "crew",
        PersonCategory::Other => "other",
    }
}

/// The third header line of the text grid for a column.
fn day_cell(column: &DoodColumn) -> String {
    let numbers = column.day_numbers();
    if !numbers.is_empty() {
        return numbers
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
    }
    match column.day_type {
        DayType::Holiday => "/".to_owned(),
        DayType::MoveDay => "M".to_owned(),
        DayType::DayOff => "off".to_owned(),
        DayType::NonWorking if !column.is_shoot_day() => "-".to_owned(),
        _ => String::new(),
    }
}

/// `text` with control characters (line breaks, tabs) replaced by spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn pad(text: &str, width: usize) -> String {
    let mut s = text.to_owned();
    for _ in text.chars().count()..width {
        s.push(' ');
    }
    s
}

fn csv_record(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

//! The coordinator's agenda: what is due, when, and what it costs to miss.
//!
//! [`agenda`] reads a production and the caller's "now" (the core never
//! reads the clock) and lists the deadlines a coordinator owns:
//!
//! - **Call sheets** ([`AgendaKind::CallSheetDue`]): one per shoot day that
//!   is not cancelled and whose general call (the day's start) lies after
//!   now and within the horizon. It is due [`AgendaOptions::call_sheet_lead_hours`]
//!   before general call, counted in *wall-clock* hours at the shoot day's
//!   location: a 07:00 call with the default 12 hours gives 19:00 the
//!   evening before, also across a daylight-saving change (when the elapsed
//!   time is then 11 or 13 hours). It is left out when the last call sheet
//!   sent for that date carries the current [`schedule_fingerprint`].
//! - **Permit applications** ([`AgendaKind::PermitApplication`]): one per
//!   location permit with
//!   [`application_lead_business_days`](crate::PermitWindow::application_lead_business_days)
//!   `N`, due at 17:00 (the end of the business day) in the location's
//!   zone on the `N`th business day before the permit's first day, counting
//!   back from the day before it. Business days come from the production's
//!   [`WorkingCalendar`]: the work week minus holidays and days off. The
//!   item is listed while the first day has not begun and the deadline is
//!   within the horizon (overdue ones included: the model does not record
//!   that an application was filed). With `N = 0` the application is due
//!   the calendar day before the first day; a calendar with no business
//!   days counts calendar days.
//! - **Room block releases** ([`AgendaKind::RoomBlockRelease`]): one per
//!   room block whose release deadline is within the horizon, or already
//!   passed while the block's first night has not (its date is not over in
//!   the hotel's zone). The cost exposure is the room-nights held (with
//!   the block's nightly overrides) × nightly rate: what the production
//!   pays if nothing is released.
//! - **Outdated documents** ([`AgendaKind::DocumentOutdated`]): the day out
//!   of days and the shooting schedule, when the last one sent carries
//!   another fingerprint, or when none was sent and the production has a
//!   shoot day that is not cancelled. Due now.
//! - **Notices owed** ([`AgendaKind::NoticesOwed`]): with
//!   [`AgendaOptions::previous`] (the version last communicated), one item
//!   per person [`change_notices`] finds a notice for. Due now.
//!
//! "Last sent" is the [`SentDocument`] of that kind (and, for call sheets,
//! that date) with the latest `sent_at`; of several sent at that instant,
//! any one with the current fingerprint counts.
//!
//! Items are sorted by due time, then kind (in the order above), then
//! subject, then message; the output does not depend on the order of
//! anything in the file. An item is overdue when it was due before now.
//!
//! # Examples
//!
//! ```
//! use callsheet::comms::{AgendaKind, AgendaOptions, agenda};
//! use callsheet::{Event, EventKind, Production};
//!
//! let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
//! // Day 1: Tue 2 March 2027, general call 07:00 in Los Angeles.
//! let mut day = Event::new("D1", EventKind::ShootDay, "2027-03-02T15:00:00Z".parse()?, "2027-03-03T03:00:00Z".parse()?);
//! day.title = "Day 1".into();
//! p.events.push(day);
//!
//! let items = agenda(&p, &AgendaOptions::new("2027-03-01T17:00:00Z".parse()?));
//! let sheet = items.iter().find(|i| i.kind == AgendaKind::CallSheetDue).unwrap();
//! assert_eq!(sheet.subject, "D1");
//! assert_eq!(sheet.due_local, "Mon 1 Mar 19:00");
//! assert!(!sheet.overdue);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Days, NaiveDate, NaiveTime, TimeDelta};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ical::content_hash;
use super::notices::change_notices;
use crate::model::{
    BookingStatus, Event, EventKind, IanaZone, Location, LocationId, Money, Production, Timestamp,
    WorkingCalendar,
};

/// Default hours between a call sheet's deadline and the day's general call.
pub const DEFAULT_CALL_SHEET_LEAD_HOURS: u32 = 12;

/// Default number of days the agenda looks ahead.
pub const DEFAULT_HORIZON_DAYS: u32 = 14;

/// The local time at which a business day ends (permit deadlines).
const END_OF_BUSINESS: NaiveTime = match NaiveTime::from_hms_opt(17, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// How far back a business-day count may search before giving up.
const MAX_BUSINESS_DAY_STEPS: u32 = 20_000;

/// A document a coordinator sends out and keeps current.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A shoot day's call sheet.
    CallSheet,
    /// The day out of days.
    DayOutOfDays,
    /// The shooting schedule.
    ShootingSchedule,
}

impl DocumentKind {
    /// The name used in item subjects: `"call_sheet"`, `"day_out_of_days"`,
    /// `"shooting_schedule"` (the serde name).
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::CallSheet => "call_sheet",
            DocumentKind::DayOutOfDays => "day_out_of_days",
            DocumentKind::ShootingSchedule => "shooting_schedule",
        }
    }

    fn title(self) -> &'static str {
        match self {
            DocumentKind::CallSheet => "call sheet",
            DocumentKind::DayOutOfDays => "day out of days",
            DocumentKind::ShootingSchedule => "shooting schedule",
        }
    }
}

/// A record that a document went out, and for which version of the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentDocument {
    /// Which document.
    pub kind: DocumentKind,
    /// For call sheets, the shoot date (the civil date of general call at
    /// the day's location); `None` for the other documents.
    pub date: Option<NaiveDate>,
    /// [`schedule_fingerprint`] of the production the document was made from.
    pub schedule_fingerprint: u64,
    /// When it was sent.
    pub sent_at: Timestamp,
}

/// What the agenda needs besides the production.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaOptions {
    /// The current instant (the core never reads the clock).
    pub now: Timestamp,
    /// Call sheets are due this many wall-clock hours before general call
    /// (default [`DEFAULT_CALL_SHEET_LEAD_HOURS`]).
    pub call_sheet_lead_hours: u32,
    /// How many days ahead of `now` to look (default [`DEFAULT_HORIZON_DAYS`]).
    pub horizon_days: u32,
    /// Documents already sent.
    pub sent: Vec<SentDocument>,
    /// The version of the production last communicated to people, for
    /// change notices owed; `None` to skip them.
    pub previous: Option<Production>,
}

impl AgendaOptions {
    /// Defaults at `now`: 12 hours' call sheet lead, 14 days' horizon,
    /// nothing sent, no previous version.
    pub fn new(now: Timestamp) -> Self {
        Self {
            now,
            call_sheet_lead_hours: DEFAULT_CALL_SHEET_LEAD_HOURS,
            horizon_days: DEFAULT_HORIZON_DAYS,
            sent: Vec::new(),
            previous: None,
        }
    }
}

/// What an agenda item asks for. The order of the variants breaks ties
/// between items due at the same instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    /// Send (or re-send) a shoot day's call sheet.
    CallSheetDue,
    /// File a location permit application.
    PermitApplication,
    /// Release unneeded rooms of a room block before its deadline.
    RoomBlockRelease,
    /// Send the current day out of days or shooting schedule.
    DocumentOutdated,
    /// Send a person their change notice.
    NoticesOwed,
}

/// One thing to do by a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// What it is.
    pub kind: AgendaKind,
    /// When it is due.
    pub due: Timestamp,
    /// `due` in the relevant zone (the shoot day's or permit's location,
    /// the hotel's location, else the production's home zone), as
    /// `"Mon 1 Mar 19:00"`.
    pub due_local: String,
    /// Whether it was due before now.
    pub overdue: bool,
    /// What it is about: the shoot day's event id, the location id, the room
    /// block id, the document's [`DocumentKind::key`], or the person id.
    pub subject: String,
    /// A sentence for the coordinator.
    pub message: String,
    /// The money at risk if it is missed (room blocks), if known.
    pub cost_exposure: Option<Money>,
}

/// A stable fingerprint of the schedule as people see it: 64-bit FNV-1a
/// ([`content_hash`]) over the JSON of the events, people and locations,
/// each sorted by id (so it does not depend on the order in the file).
///
/// It is the same in every process, build and platform, so it can be
/// stored with a [`SentDocument`]; any change to an event, a person or a
/// location changes it.
///
/// ```
/// use callsheet::comms::schedule_fingerprint;
/// use callsheet::{Person, PersonCategory, Production};
/// let mut p = Production::new("Demo", "Europe/London".parse()?, "GBP".parse()?);
/// let before = schedule_fingerprint(&p);
/// assert_eq!(before, schedule_fingerprint(&p.clone()));
/// p.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
/// assert_ne!(before, schedule_fingerprint(&p));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn schedule_fingerprint(production: &Production) -> u64 {
    let mut events: Vec<_> = production.events.iter().collect();
    events.sort_by(|a, b| a.id.cmp(&b.id));
    let mut people: Vec<_> = production.people.iter().collect();
    people.sort_by(|a, b| a.id.cmp(&b.id));
    let mut locations: Vec<_> = production.locations.iter().collect();
    locations.sort_by(|a, b| a.id.cmp(&b.id));
    // Serialising plain model data (string keys only) cannot fail.
    let json = serde_json::to_string(&(events, people, locations)).unwrap_or_default();
    content_hash(&format!("callsheet-schedule-1\n{json}"))
}

fn local_text(zone: IanaZone, t: Timestamp) -> String {
    zone.local(t).format("%a %-d %b %H:%M").to_string()
}

fn date_text(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

fn location<'p>(p: &'p Production, id: Option<&LocationId>) -> Option<&'p Location> {
    id.and_then(|id| p.locations.iter().find(|l| &l.id == id))
}

/// Whether the last document sent among `sent` carries `fingerprint`
/// (`None` when nothing was sent).
fn last_sent_is_current<'s>(
    sent: impl Iterator<Item = &'s SentDocument>,
    fingerprint: u64,
) -> Option<bool> {
    let mut last: Option<(Timestamp, bool)> = None;
    for s in sent {
        let current = s.schedule_fingerprint == fingerprint;
        last = match last {
            Some((at, _)) if s.sent_at > at => Some((s.sent_at, current)),
            Some((at, was)) if s.sent_at == at => Some((at, was || current)),
            None => Some((s.sent_at, current)),
            keep => keep,
        };
    }
    last.map(|(_, current)| current)
}

/// The `n`th business day before `date` (0: the calendar day before), or
/// `n` calendar days before when the calendar has too few business days.
fn business_days_before(calendar: &WorkingCalendar, date: NaiveDate, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        return date.pred_opt();
    }
    let mut day = date;
    let mut found = 0;
    for _ in 0..MAX_BUSINESS_DAY_STEPS {
        day = day.pred_opt()?;
        if calendar.is_working_day(day) {
            found += 1;
            if found == n {
                return Some(day);
            }
        }
    }
    date.checked_sub_days(Days::new(u64::from(n)))
}

fn call_sheets(
    p: &Production,
    options: &AgendaOptions,
    fingerprint: u64,
    out: &mut Vec<AgendaItem>,
) {
    let (now, horizon) = (options.now, horizon_end(options));
    let lead = TimeDelta::hours(i64::from(options.call_sheet_lead_hours));
    let days = p.events.iter().filter(|e| {
        e.kind == EventKind::ShootDay
            && e.status != BookingStatus::Cancelled
            && e.start > now
            && e.start <= horizon
    });
    for day in days {
        let place = location(p, day.location.as_ref());
        let zone = place.map_or(p.zone, |l| l.zone);
        let date = zone.civil_date(day.start);
        let sent = last_sent_is_current(
            options
                .sent
                .iter()
                .filter(|s| s.kind == DocumentKind::CallSheet && s.date == Some(date)),
            fingerprint,
        );
        if sent == Some(true) {
            continue;
        }
        let local_due = zone
            .local(day.start)
            .naive_local()
            .checked_sub_signed(lead)
            .unwrap_or(chrono::NaiveDateTime::MIN);
        let due = zone.instant_at(local_due);
        let at = place.map_or_else(String::new, |l| format!(" at {}", l.name));
        let again = if sent == Some(false) {
            " again (the schedule changed since it was sent)"
        } else {
            ""
        };
        out.push(item(
            AgendaKind::CallSheetDue,
            due,
            zone,
            now,
            day.id.to_string(),
            format!(
                "Send the call sheet for {} ({}, general call {}{at}){again}",
                event_title(day),
                date_text(date),
                zone.local(day.start).format("%H:%M"),
            ),
            None,
        ));
    }
}

fn permits(p: &Production, options: &AgendaOptions, out: &mut Vec<AgendaItem>) {
    let (now, horizon) = (options.now, horizon_end(options));
    for place in &p.locations {
        for permit in &place.permits {
            let Some(n) = permit.application_lead_business_days else {
                continue;
            };
            if place.zone.start_of_day(permit.first_day) <= now {
                continue;
            }
            let Some(date) = business_days_before(&p.calendar, permit.first_day, n) else {
                continue;
            };
            let due = place.zone.instant_at(date.and_time(END_OF_BUSINESS));
            if due > horizon {
                continue;
            }
            let what = if permit.reference.is_empty() {
                "the filming permit".to_owned()
            } else {
                format!("permit {}", permit.reference)
            };
            let plural = if n == 1 { "" } else { "s" };
            out.push(item(
                AgendaKind::PermitApplication,
                due,
                place.zone,
                now,
                place.id.to_string(),
                format!(
                    "Apply for {what} for {} (first day {}, {n} business day{plural}' lead)",
                    place.name,
                    date_text(permit.first_day),
                ),
                None,
            ));
        }
    }
}

fn room_blocks(p: &Production, options: &AgendaOptions, out: &mut Vec<AgendaItem>) {
    let (now, horizon) = (options.now, horizon_end(options));
    for block in &p.logistics.room_blocks {
        let hotel = p.logistics.hotels.iter().find(|h| h.id == block.hotel);
        let zone = location(p, hotel.map(|h| &h.location)).map_or(p.zone, |l| l.zone);
        let deadline = block.release_deadline;
        let first_night_open = zone.civil_date(now) <= block.first_night;
        let listed = if deadline < now {
            first_night_open
        } else {
            deadline <= horizon
        };
        if !listed {
            continue;
        }
        let nights = (block.last_night - block.first_night).num_days() + 1;
        let nights = u64::try_from(nights).unwrap_or(0);
        // Exact; only absurd amounts overflow, and then no exposure is given.
        // Nightly overrides change the rooms held on their nights.
        let exposure = block
            .rate
            .amount
            .checked_mul(Decimal::from(block.room_nights()))
            .map(|amount| Money::new(amount, block.rate.currency));
        let hotel_name = hotel.map_or_else(|| block.hotel.to_string(), |h| h.name.clone());
        let (rooms_s, nights_s) = (
            if block.rooms == 1 { "" } else { "s" },
            if nights == 1 { "" } else { "s" },
        );
        let held = if block.nightly_rooms.is_empty() {
            format!("{} room{rooms_s} × {nights} night{nights_s}", block.rooms)
        } else {
            format!(
                "{} room-nights over {nights} night{nights_s}",
                block.room_nights()
            )
        };
        out.push(item(
            AgendaKind::RoomBlockRelease,
            deadline,
            zone,
            now,
            block.id.to_string(),
            format!(
                "Release unneeded rooms of block {} at {hotel_name} ({held} from {} at {}){}",
                block.id,
                date_text(block.first_night),
                block.rate,
                exposure.map_or_else(String::new, |m| format!(", or {m} is committed")),
            ),
            exposure,
        ));
    }
}

fn documents(p: &Production, options: &AgendaOptions, fingerprint: u64, out: &mut Vec<AgendaItem>) {
    let shoots = p
        .events
        .iter()
        .any(|e| e.kind == EventKind::ShootDay && e.status != BookingStatus::Cancelled);
    for kind in [DocumentKind::DayOutOfDays, DocumentKind::ShootingSchedule] {
        let of_kind = options.sent.iter().filter(|s| s.kind == kind);
        let message = match last_sent_is_current(of_kind.clone(), fingerprint) {
            Some(true) => continue,
            None if !shoots => continue,
            None => format!("Send the {}: it has not been sent yet", kind.title()),
            Some(false) => {
                let last = of_kind.map(|s| s.sent_at).max().unwrap_or(options.now);
                format!(
                    "Send the {}: the schedule changed since it was last sent ({})",
                    kind.title(),
                    local_text(p.zone, last)
                )
            }
        };
        out.push(item(
            AgendaKind::DocumentOutdated,
            options.now,
            p.zone,
            options.now,
            kind.key().to_owned(),
            message,
            None,
        ));
    }
}

fn notices(p: &Production, options: &AgendaOptions, out: &mut Vec<AgendaItem>) {
    let Some(previous) = &options.previous else {
        return;
    };
    for notice in change_notices(previous, p, "") {
        let changes = notice.changes.len();
        let conflicts = notice.new_conflicts.len();
        let mut parts = Vec::new();
        if changes > 0 {
            parts.push(format!(
                "{changes} change{}",
                if changes == 1 { "" } else { "s" }
            ));
        }
        if conflicts > 0 {
            parts.push(format!(
                "{conflicts} new conflict{}",
                if conflicts == 1 { "" } else { "s" }
            ));
        }
        out.push(item(
            AgendaKind::NoticesOwed,
            options.now,
            p.zone,
            options.now,
            notice.person.to_string(),
            format!(
                "Send {} a change notice ({})",
                notice.name,
                parts.join(", ")
            ),
            None,
        ));
    }
}

fn event_title(e: &Event) -> String {
    if e.title.is_empty() {
        e.id.to_string()
    } else {
        e.title.clone()
    }
}

fn horizon_end(options: &AgendaOptions) -> Timestamp {
    options
        .now
        .checked_add_signed(TimeDelta::days(i64::from(options.horizon_days)))
        .unwrap_or(Timestamp::MAX_UTC)
}

fn item(
    kind: AgendaKind,
    due: Timestamp,
    zone: IanaZone,
    now: Timestamp,
    subject: String,
    message: String,
    cost_exposure: Option<Money>,
) -> AgendaItem {
    AgendaItem {
        kind,
        due,
        due_local: local_text(zone, due),
        overdue: due < now,
        subject,
        message,
        cost_exposure,
    }
}

/// The coordinator's agenda at `options.now`: call sheets, permit
/// applications, room block releases, outdated documents and change
/// notices owed, sorted by due time, then kind, then subject (see
/// [`crate::comms::agenda`](self) for the rules).
///
/// # Examples
///
/// A room block whose release deadline is tomorrow, and what is at stake:
///
/// ```
/// use callsheet::comms::{AgendaKind, AgendaOptions, agenda};
/// use callsheet::logistics::{Hotel, RoomBlock, RoomType};
/// use callsheet::{Location, Money, Production};
///
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, "USD".parse()?);
/// p.locations.push(Location::new("L-INN", "Desert Inn", "America/Denver".parse()?));
/// p.logistics.hotels.push(Hotel { id: "H1".into(), name: "Desert Inn".into(), location: "L-INN".into() });
/// p.logistics.room_blocks.push(RoomBlock {
///     id: "BLK-1".into(),
///     hotel: "H1".into(),
///     room_type: RoomType::Standard,
///     occupancy: 2,
///     first_night: "2027-03-15".parse()?,
///     last_night: "2027-03-18".parse()?,
///     rooms: 10,
///     rate: Money::new("139.00".parse()?, "USD".parse()?),
///     release_deadline: "2027-03-02T07:00:00Z".parse()?,
///     account: None,
///     nightly_rooms: Vec::new(),
/// });
///
/// let items = agenda(&p, &AgendaOptions::new("2027-03-01T12:00:00Z".parse()?));
/// assert_eq!(items.len(), 1);
/// assert_eq!(items[0].kind, AgendaKind::RoomBlockRelease);
/// assert_eq!(items[0].due_local, "Tue 2 Mar 00:00");
/// assert_eq!(items[0].cost_exposure.unwrap().to_string(), "5560.00 USD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn agenda(production: &Production, options: &AgendaOptions) -> Vec<AgendaItem> {
    let fingerprint = schedule_fingerprint(production);
    let mut out = Vec::new();
    call_sheets(production, options, fingerprint, &mut out);
    permits(production, options, &mut out);
    room_blocks(production, options, &mut out);
    documents(production, options, fingerprint, &mut out);
    notices(production, options, &mut out);
    out.sort_by(|a, b| {
        (a.due, a.kind, &a.subject, &a.message).cmp(&(b.due, b.kind, &b.subject, &b.message))
    });
    out
}

impl Production {
    /// The coordinator's agenda at `now` with the default options (12 hours'
    /// call sheet lead, 14 days ahead, nothing recorded as sent, no previous
    /// version); see [`agenda`] and [`AgendaOptions`].
    ///
    /// ```
    /// use callsheet::Production;
    /// let p = Production::new("Empty", "Europe/London".parse()?, "GBP".parse()?);
    /// assert!(p.agenda("2027-03-01T12:00:00Z".parse()?).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn agenda(&self, now: Timestamp) -> Vec<AgendaItem> {
        agenda(self, &AgendaOptions::new(now))
    }
}

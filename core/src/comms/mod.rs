//! Communication hub: call sheets, day-out-of-days, iCalendar feeds and
//! change notices, the agenda, and (planned) distribution.
//!
//! Everything here reads a [`Production`](crate::Production) and produces
//! documents for people: plain serde data that bindings can hand over as is,
//! plus fixed-width text and CSV renderings. Nothing reads the clock or
//! performs I/O.
//!
//! - [`agenda`](mod@agenda): the coordinator's agenda at a given "now" —
//!   call sheets due, permit applications, room block releases with their
//!   cost exposure, outdated documents and change notices owed
//!   ([`agenda()`], [`Production::agenda`](crate::Production::agenda),
//!   [`AgendaOptions`], [`schedule_fingerprint`]).
//! - [`call_sheet`](mod@call_sheet): the daily call sheet of a unit's shoot day — general
//!   call, locations with nearest hospital, scenes with pages, cast with
//!   day-out-of-days status and hair/makeup, call, on-set and dismissal
//!   times, crew calls by department, meals, resources, advance schedule
//!   and notes; times past midnight written `"25:30"`; plain text and
//!   printable HTML ([`call_sheet()`], [`Production::call_sheet`](crate::Production::call_sheet)).
//! - [`dood`]: the day out of days — one row per person, one column per
//!   civil date, with start/work/finish, hold, drop/pickup, travel,
//!   rehearsal and fitting codes and per-row totals
//!   ([`day_out_of_days`], [`Production::day_out_of_days`](crate::Production::day_out_of_days)).
//! - [`ical`]: iCalendar (RFC 5545) feeds per person, location, resource or
//!   for the whole schedule, with stable UIDs, sequences that follow
//!   changes, `VTIMEZONE`s for every zone used ([`to_ical`],
//!   [`Production::to_ical`](crate::Production::to_ical)), and `VFREEBUSY`
//!   ([`free_busy`]).
//! - [`notices`]: per-person change notices between two versions of a
//!   production, with revision colours ([`change_notices`],
//!   [`RevisionColours`]).

pub mod agenda;
pub mod call_sheet;
pub mod distribution;
pub mod dood;
pub mod ical;
pub mod notices;

pub use agenda::{
    AgendaItem, AgendaKind, AgendaOptions, DEFAULT_CALL_SHEET_LEAD_HOURS, DEFAULT_HORIZON_DAYS,
    DocumentKind, SentDocument, agenda, schedule_fingerprint,
};
pub use call_sheet::{
    AdvanceDay, CallSheet, CallSheetError, CallSheetLocation, CallSheetOptions, CallTime, CastRow,
    CrewDepartment, CrewRow, DEPARTMENT_ORDER, MealRow, ResourceRow, SceneRow, call_sheet,
    call_sheet_time, format_pages,
};
pub use distribution::{
    CallSheetScope, DistributionGroup, Recipient, RecipientCallSheet, call_sheets_for_recipients,
    recipients,
};
pub use dood::{
    DayType, DoodCode, DoodColumn, DoodOptions, DoodPeople, DoodRange, DoodReport, DoodRow,
    DoodTotals, MAX_DAYS, ShootDayMark, day_out_of_days,
};
pub use ical::{
    CalendarSubject, DEFAULT_UID_DOMAIN, IcalError, IcalExport, IcalOptions, PRODID,
    SequenceSource, content_hash, free_busy, to_ical,
};
pub use notices::{
    ChangeKind, ChangeNotice, PersonChange, RevisionColours, STANDARD_REVISION_COLOURS,
    change_notices,
};

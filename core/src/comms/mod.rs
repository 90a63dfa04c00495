//! Communication hub: day-out-of-days, iCalendar feeds and change notices,
//! and (planned) call sheets, distribution and the agenda.
//!
//! Everything here reads a [`Production`](crate::Production) and produces
//! documents for people: plain serde data that bindings can hand over as is,
//! plus fixed-width text and CSV renderings. Nothing reads the clock or
//! performs I/O.
//!
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

pub mod dood;
pub mod ical;
pub mod notices;

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

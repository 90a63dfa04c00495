//! Communication hub: day-out-of-days, and (planned) call sheets, change
//! notices and iCalendar feeds.
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

pub mod dood;

pub use dood::{
    DayType, DoodCode, DoodColumn, DoodOptions, DoodPeople, DoodRange, DoodReport, DoodRow,
    DoodTotals, MAX_DAYS, ShootDayMark, day_out_of_days,
};

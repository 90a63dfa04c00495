//! Wording of conflict messages: local times, days and durations.

use crate::model::IanaZone;

use super::context::instant;

/// `"10 h 30 min"`, `"12 h"`, `"45 min"`.
pub(crate) fn duration(seconds: i64) -> String {
    let minutes = seconds.div_euclid(60);
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// `"23:30 Tue"`: local wall-clock time and weekday.
pub(crate) fn clock_day(zone: IanaZone, s: i64) -> String {
    zone.local(instant(s)).format("%H:%M %a").to_string()
}

/// `"09:30"`.
pub(crate) fn clock(zone: IanaZone, s: i64) -> String {
    zone.local(instant(s)).format("%H:%M").to_string()
}

/// `"Mon 1 Mar"`.
pub(crate) fn day(zone: IanaZone, s: i64) -> String {
    zone.local(instant(s)).format("%a %-d %b").to_string()
}

/// `"09:30–10:00 Mon 1 Mar"`, or with both days when the span crosses midnight.
pub(crate) fn span(zone: IanaZone, start: i64, end: i64) -> String {
    let (a, b) = (zone.local(instant(start)), zone.local(instant(end)));
    if a.date_naive() == b.date_naive() {
        format!(
            "{}–{} {}",
            clock(zone, start),
            clock(zone, end),
            day(zone, start)
        )
    } else {
        format!(
            "{} {}–{} {}",
            clock(zone, start),
            day(zone, start),
            clock(zone, end),
            day(zone, end)
        )
    }
}

//! Labor rules per person, from the person's rule pack and overrides.
//!
//! A person's commitments are grouped into **work days**: the commitments
//! whose report falls on the same civil date (in the zone of their location),
//! where a commitment that starts before the running day's wrap, or a scene
//! of a shoot day that started the evening before, belongs to the day that
//! started it (an overnight shoot is one day).
//! A day runs from the first report (the earlier of hair/makeup call and
//! call) to the last dismissal, so rest is measured from this person's own
//! dismissal to this person's own next call. Meal events are breaks, not work.
//!
//! - turnaround: rest between consecutive work days ≥ `turnaround_minutes`
//!   (and the minors' turnaround for minors);
//! - weekly rest: the rest between one calendar week's last wrap and the
//!   next week's first call ≥ `weekly_rest_minutes`, unless the person had
//!   a rest that long in the 7 days before that call;
//! - `max_daily_minutes` per work day; `max_weekly_minutes` per calendar week
//!   (Monday to Sunday in the production's home zone);
//! - the `consecutive_days_warning`th consecutive civil date worked, and each
//!   one after it;
//! - meals, on days with recorded meals: a meal (at least `meal_min_minutes`)
//!   must start within `meal_interval_minutes` of call or of the previous
//!   meal's end; a non-deductible breakfast within `breakfast_window_minutes`
//!   of call restarts the clock; working past the interval to dismissal
//!   counts too. Each half hour or part late costs the next amount of
//!   `meal_penalties`;
//! - minors: hours at the workplace by age band, earliest call and latest
//!   dismissal (later before a non-school day: a day that is not a working
//!   day of the production calendar).

use chrono::{Datelike, Duration as TimeDelta, NaiveDate, NaiveDateTime};

use super::context::{Span, View, instant};
use super::people::{event_ids, person_subject, severity};
use super::{Conflict, ConflictKind, RuleRef, Severity, text};
use crate::model::{EventKind, IanaZone, Money, Person};
use crate::rules::{DEFAULT_PACK, RulePack, RuleParams, age_in_months};

#[derive(Debug)]
struct WorkDay {
    date: NaiveDate,
    zone: IanaZone,
    start: i64,
    end: i64,
    first: u32,
    last: u32,
    events: Vec<u32>,
    confirmed: bool,
}

/// The parameters in force for a person on a date, and the pack they came from.
struct Resolved<'p> {
    pack: &'p RulePack,
    params: RuleParams,
}

fn resolve<'p>(view: View<'p, '_>, person: &Person, date: NaiveDate) -> Option<Resolved<'p>> {
    let ctx = view.ctx;
    let id = person
        .rule_pack
        .as_ref()
        .map_or(DEFAULT_PACK, |p| p.as_str());
    let pack = ctx.rules.pack(id, date)?;
    let p = ctx.production();
    let mut params = pack.params.clone();
    for o in p
        .rule_overrides
        .iter()
        .filter(|o| o.person.is_none() && o.department.is_some())
    {
        if o.department == person.department {
            params = params.patched(&o.params);
        }
    }
    for o in p
        .rule_overrides
        .iter()
        .filter(|o| o.person.as_ref() == Some(&person.id))
    {
        params = params.patched(&o.params);
    }
    Some(Resolved { pack, params })
}

fn rule(pack: &RulePack, rule: &str) -> Option<RuleRef> {
    Some(RuleRef {
        pack: pack.id.clone(),
        version: pack.version.clone(),
        rule: rule.to_owned(),
    })
}

fn work_days(view: View<'_, '_>, list: &[Span]) -> Vec<WorkDay> {
    let mut days: Vec<WorkDay> = Vec::new();
    for span in list {
        if view.event(span.ev).kind == EventKind::Meal {
            continue;
        }
        let zone = view.zone(span.ev);
        // Times past midnight belong to the day that started them: a
        // commitment that starts before the running day's wrap, or a scene
        // of a shoot day, joins that day.
        let root = view.root(span.ev);
        let date = match days.last() {
            Some(day) if span.start < day.end => day.date,
            _ => zone.civil_date(instant(span.start.min(view.event(root).start.timestamp()))),
        };
        let existing = days.iter_mut().rev().take(3).find(|d| d.date == date);
        match existing {
            Some(day) => {
                day.start = day.start.min(span.start);
                if span.end > day.end {
                    day.end = span.end;
                    day.last = span.ev;
                }
                day.events.push(span.ev);
                day.confirmed &= span.confirmed;
            }
            None => days.push(WorkDay {
                date,
                zone,
                start: span.start,
                end: span.end,
                first: span.ev,
                last: span.ev,
                events: vec![span.ev],
                confirmed: span.confirmed,
            }),
        }
    }
    days.sort_unstable_by_key(|d| (d.date, d.start));
    days
}

pub(crate) fn check(view: View<'_, '_>, person: u32, list: &[Span], out: &mut Vec<Conflict>) {
    if list.is_empty() {
        return;
    }
    let who = &view.ctx.production().people[person as usize];
    let days = work_days(view, list);
    // Resolve the pack once per version in force (usually one for the whole shoot).
    let mut versions: Vec<Resolved<'_>> = Vec::new();
    let mut which: Vec<Option<usize>> = Vec::with_capacity(days.len());
    let id = who.rule_pack.as_ref().map_or(DEFAULT_PACK, |p| p.as_str());
    for d in &days {
        // The pack version in force that day (production packs win over
        // built-in ones), resolved with overrides once per version.
        let ix = view.ctx.rules.pack(id, d.date).and_then(|pack| {
            match versions.iter().position(|r| std::ptr::eq(r.pack, pack)) {
                Some(ix) => Some(ix),
                None => resolve(view, who, d.date).map(|r| {
                    versions.push(r);
                    versions.len() - 1
                }),
            }
        });
        which.push(ix);
    }
    let resolved: Vec<Option<&Resolved<'_>>> =
        which.iter().map(|ix| ix.map(|i| &versions[i])).collect();
    let mut emit = |kind,
                    severity,
                    events: Vec<u32>,
                    start: i64,
                    end: i64,
                    rule: Option<RuleRef>,
                    cost,
                    message| {
        out.push(Conflict {
            kind,
            severity,
            subjects: vec![person_subject(view, person)],
            events: event_ids(view, events),
            start: instant(start),
            end: instant(end),
            rule,
            cost,
            message,
        });
    };

    // Turnaround between consecutive work days.
    for (i, pair) in days.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(r) = &resolved[i + 1] else { continue };
        let minor = minor_rules(who, &r.params, b.date);
        let adult = r.params.turnaround_minutes;
        let (required, label) = match (adult, minor.map(|m| m.turnaround_minutes)) {
            (Some(x), Some(y)) if y > x => (y, "minors.turnaround_minutes"),
            (Some(x), _) => (x, "turnaround_minutes"),
            (None, Some(y)) => (y, "minors.turnaround_minutes"),
            (None, None) => continue,
        };
        let rest = b.start - a.end;
        let required = i64::from(required) * 60;
        if rest <= 0 || rest >= required {
            continue;
        }
        emit(
            ConflictKind::Turnaround,
            severity(a.confirmed && b.confirmed),
            vec![a.last, b.first],
            a.end,
            b.start,
            rule(r.pack, label),
            r.params.forced_call_cost,
            format!(
                "{}: {} rest between wrap {} and call {}; {} requires {}",
                who.name,
                text::duration(rest),
                text::clock_day(a.zone, a.end),
                text::clock_day(b.zone, b.start),
                short_name(r.pack),
                text::duration(required)
            ),
        );
    }

    weekly_rest(who, &days, &resolved, &mut emit);

    for (i, day) in days.iter().enumerate() {
        let Some(r) = &resolved[i] else { continue };
        let length = day.end - day.start;
        if let Some(max) = r.params.max_daily_minutes {
            let max = i64::from(max) * 60;
            if length > max {
                emit(
                    ConflictKind::DailyHours,
                    Severity::Warning,
                    day.events.clone(),
                    day.start + max,
                    day.end,
                    rule(r.pack, "max_daily_minutes"),
                    None,
                    format!(
                        "{}: {} day on {} (call {}, wrap {}); {} allows {}",
                        who.name,
                        text::duration(length),
                        text::day(day.zone, day.start),
                        text::clock(day.zone, day.start),
                        text::clock_day(day.zone, day.end),
                        short_name(r.pack),
                        text::duration(max)
                    ),
                );
            }
        }
        meals(view, who, day, r, &mut emit);
        minors(view, who, day, r, &mut emit);
    }

    weekly_hours(view, who, &days, &resolved, &mut emit);

    // Consecutive civil dates worked.
    let mut run = 0u32;
    for (i, day) in days.iter().enumerate() {
        let previous = i.checked_sub(1).map(|k| days[k].date);
        if previous == Some(day.date) {
            continue;
        }
        run = if previous.is_some_and(|p| day.date == p + TimeDelta::days(1)) {
            run + 1
        } else {
            1
        };
        let Some(r) = &resolved[i] else { continue };
        let Some(warn) = r.params.consecutive_days_warning else {
            continue;
        };
        if run >= warn {
            emit(
                ConflictKind::ConsecutiveDays,
                Severity::Warning,
                day.events.clone(),
                day.start,
                day.end,
                rule(r.pack, "consecutive_days_warning"),
                None,
                format!(
                    "{}: {} is the {} consecutive work day",
                    who.name,
                    text::day(day.zone, day.start),
                    ordinal(run)
                ),
            );
        }
    }
}

type Emit<'e> = dyn FnMut(ConflictKind, Severity, Vec<u32>, i64, i64, Option<RuleRef>, Option<Money>, String)
    + 'e;

fn weekly_hours(
    view: View<'_, '_>,
    who: &Person,
    days: &[WorkDay],
    resolved: &[Option<&Resolved<'_>>],
    emit: &mut Emit<'_>,
) {
    let home = view.ctx.production().zone;
    let weeks: Vec<NaiveDate> = days
        .iter()
        .map(|d| monday(home.civil_date(instant(d.start))))
        .collect();
    let mut i = 0;
    while i < days.len() {
        let week = weeks[i];
        let mut k = i;
        let mut total = 0;
        while k < days.len() && weeks[k] == week {
            total += days[k].end - days[k].start;
            k += 1;
        }
        let last = k - 1;
        if let Some(r) = &resolved[last] {
            if let Some(max) = r.params.max_weekly_minutes {
                let max = i64::from(max) * 60;
                if total > max {
                    let events = days[i..k]
                        .iter()
                        .flat_map(|d| d.events.iter().copied())
                        .collect();
                    emit(
                        ConflictKind::WeeklyHours,
                        Severity::Warning,
                        events,
                        days[i].start,
                        days[last].end,
                        rule(r.pack, "max_weekly_minutes"),
                        None,
                        format!(
                            "{}: {} in the week of {}; {} allows {}",
                            who.name,
                            text::duration(total),
                            week.format("%a %-d %b"),
                            short_name(r.pack),
                            text::duration(max)
                        ),
                    );
                }
            }
        }
        i = k;
    }
}

/// The rest between one calendar week's last wrap and the next week's first
/// call (Monday to Sunday, by the work days' dates) must be at least
/// `weekly_rest_minutes`, unless the person already had a rest that long in
/// the 7 days before that call (someone starting on a Sunday after weeks
/// off is rested). Weeks without work on both sides are not checked.
fn weekly_rest(
    who: &Person,
    days: &[WorkDay],
    resolved: &[Option<&Resolved<'_>>],
    emit: &mut Emit<'_>,
) {
    const WEEK: i64 = 7 * 86_400;
    for b in 1..days.len() {
        let a = b - 1;
        let (week_a, week_b) = (monday(days[a].date), monday(days[b].date));
        if week_b != week_a + TimeDelta::days(7) {
            continue;
        }
        let Some(r) = resolved[b] else { continue };
        let Some(required) = r.params.weekly_rest_minutes else {
            continue;
        };
        let required = i64::from(required) * 60;
        let rest = days[b].start - days[a].end;
        if rest >= required || rest <= 0 {
            continue;
        }
        // An earlier rest of the full length within the 7 days before the call.
        let since = days[b].start - WEEK;
        // (The time before the first work day is an unbounded rest.)
        let rested = days[0].start > since
            || (0..a)
                .any(|k| days[k + 1].start > since && days[k + 1].start - days[k].end >= required);
        if rested {
            continue;
        }
        let (x, y) = (&days[a], &days[b]);
        emit(
            ConflictKind::WeeklyRest,
            severity(x.confirmed && y.confirmed),
            vec![x.last, y.first],
            x.end,
            y.start,
            rule(r.pack, "weekly_rest_minutes"),
            None,
            format!(
                "{}: weekly rest of {} (wrap {} to call {}); {} requires {}",
                who.name,
                text::duration(rest),
                text::clock_day(x.zone, x.end),
                text::clock_day(y.zone, y.start),
                short_name(r.pack),
                text::duration(required)
            ),
        );
    }
}

fn monday(date: NaiveDate) -> NaiveDate {
    date - TimeDelta::days(i64::from(date.weekday().num_days_from_monday()))
}

fn meals(view: View<'_, '_>, who: &Person, day: &WorkDay, r: &Resolved<'_>, emit: &mut Emit<'_>) {
    let Some(interval) = r.params.meal_interval_minutes else {
        return;
    };
    let interval = i64::from(interval) * 60;
    let minimum = i64::from(r.params.meal_min_minutes.unwrap_or(30)) * 60;
    // Meals recorded on the day's events (a scene's meals are its day's).
    let mut roots: Vec<u32> = day.events.iter().map(|&ev| view.root(ev)).collect();
    roots.sort_unstable();
    roots.dedup();
    let mut breaks: Vec<(i64, i64, bool)> = roots
        .iter()
        .flat_map(|&ev| view.event(ev).meals.iter())
        .map(|m| (m.start.timestamp(), m.end.timestamp(), m.non_deductible))
        .filter(|(s, e, _)| *e > day.start && *s < day.end)
        .collect();
    if breaks.is_empty() {
        return;
    }
    breaks.sort_unstable();
    breaks.dedup();
    let breakfast_window = r.params.breakfast_window_minutes.map(|m| i64::from(m) * 60);
    let mut clock = day.start;
    let mut late: Vec<(i64, i64)> = Vec::new();
    for (start, end, non_deductible) in breaks {
        if non_deductible {
            if breakfast_window.is_some_and(|w| start - day.start <= w) && end - start >= 15 * 60 {
                clock = clock.max(end);
            }
            continue;
        }
        if end - start < minimum {
            continue;
        }
        let deadline = clock + interval;
        if start > deadline {
            late.push((deadline, start));
        }
        clock = clock.max(end);
    }
    if day.end > clock + interval {
        late.push((clock + interval, day.end));
    }
    for (deadline, until) in late {
        let half_hours = (until - deadline + 1799) / 1800;
        let mut cost: Option<Money> = None;
        for n in 0..half_hours as usize {
            if let Some(p) = r.params.meal_penalty(n) {
                cost = Some(match cost {
                    Some(c) if c.currency == p.currency => {
                        Money::new(c.amount + p.amount, c.currency)
                    }
                    Some(c) => c,
                    None => p,
                });
            }
        }
        emit(
            ConflictKind::MealPenalty,
            Severity::Warning,
            day.events.clone(),
            deadline,
            until,
            rule(r.pack, "meal_interval_minutes"),
            cost,
            format!(
                "{}: meal due by {} but {} {} ({} late, {} half-hour penalt{})",
                who.name,
                text::clock(day.zone, deadline),
                if until == day.end {
                    "worked to"
                } else {
                    "not taken until"
                },
                text::clock_day(day.zone, until),
                text::duration(until - deadline),
                half_hours,
                if half_hours == 1 { "y" } else { "ies" }
            ),
        );
    }
}

fn minor_rules<'r>(
    who: &Person,
    params: &'r RuleParams,
    date: NaiveDate,
) -> Option<&'r crate::rules::MinorRules> {
    let birth = who.date_of_birth?;
    let rules = params.minors.as_ref()?;
    rules.band(age_in_months(birth, date)).map(|_| rules)
}

fn minors(view: View<'_, '_>, who: &Person, day: &WorkDay, r: &Resolved<'_>, emit: &mut Emit<'_>) {
    let (Some(birth), Some(rules)) = (who.date_of_birth, r.params.minors.as_ref()) else {
        return;
    };
    let age = age_in_months(birth, day.date);
    let Some(band) = rules.band(age) else { return };
    let severity = severity(day.confirmed);
    let years = age / 12;
    let length = day.end - day.start;
    let max = i64::from(band.max_workplace_minutes) * 60;
    if length > max {
        emit(
            ConflictKind::MinorHours,
            severity,
            day.events.clone(),
            day.start + max,
            day.end,
            rule(r.pack, "minors.max_workplace_minutes"),
            None,
            format!(
                "{} (age {years}) is at the workplace {} on {}; at that age the limit is {}",
                who.name,
                text::duration(length),
                text::day(day.zone, day.start),
                text::duration(max)
            ),
        );
    }
    let zone = day.zone;
    let earliest = local(zone, day.date.and_time(rules.earliest_call));
    if day.start < earliest {
        emit(
            ConflictKind::MinorClockWindow,
            severity,
            vec![day.first],
            day.start,
            earliest.min(day.end),
            rule(r.pack, "minors.earliest_call"),
            None,
            format!(
                "{} (age {years}) is called at {}; minors may not start before {}",
                who.name,
                text::clock_day(zone, day.start),
                rules.earliest_call.format("%H:%M")
            ),
        );
    }
    let next = day.date + TimeDelta::days(1);
    let school_tomorrow = view.ctx.production().calendar.is_working_day(next);
    let latest = if school_tomorrow {
        local(zone, day.date.and_time(rules.latest_dismissal))
    } else {
        let t = rules.latest_dismissal_before_non_school_day;
        let date = if t < rules.latest_dismissal {
            next
        } else {
            day.date
        };
        local(zone, date.and_time(t))
    };
    if day.end > latest {
        emit(
            ConflictKind::MinorClockWindow,
            severity,
            vec![day.last],
            latest.max(day.start),
            day.end,
            rule(r.pack, "minors.latest_dismissal"),
            None,
            format!(
                "{} (age {years}) is still working at {}; minors must be dismissed by {}",
                who.name,
                text::clock_day(zone, day.end),
                text::clock_day(zone, latest)
            ),
        );
    }
}

fn local(zone: IanaZone, at: NaiveDateTime) -> i64 {
    zone.instant_at(at).timestamp()
}

/// `"SAG-AFTRA"` from `"SAG-AFTRA Codified Basic Agreement (…)"`.
fn short_name(pack: &RulePack) -> &str {
    pack.name
        .split([' ', '('])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(pack.id.as_str())
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

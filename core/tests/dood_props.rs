//! Property tests of the day out of days against a brute-force oracle that
//! follows the rules day by day, on random schedules around the 2027 DST
//! changes with random calendars, holds, drops, travel and rehearsals.

use std::collections::{BTreeMap, BTreeSet};

use callsheet::comms::{DoodCode, DoodOptions, DoodPeople, DoodRange, DoodReport, day_out_of_days};
use callsheet::rules::{DEFAULT_PACK, RuleBook, RuleOverride, RuleParams};
use callsheet::{
    Attendance, BookingStatus, Event, EventKind, Holiday, IanaZone, Production, Timestamp,
};
use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use proptest::prelude::*;

use crate::common::{arb_production, arb_schedule, base};

#[derive(Debug, Clone)]
struct Extras {
    work_week: u8,
    holidays: Vec<i64>,
    days_off: Vec<i64>,
    moves: Vec<i64>,
    flags: Vec<(bool, bool, Option<u32>)>,
    events: Vec<(i64, i64, u8, u8, u8)>,
    include_holds: bool,
    include_tentative: bool,
    everyone: bool,
}

fn arb_extras() -> impl Strategy<Value = Extras> {
    (
        any::<u8>(),
        prop::collection::vec(0i64..40, 0..4),
        prop::collection::vec(0i64..40, 0..4),
        prop::collection::vec(0i64..40, 0..3),
        prop::collection::vec((any::<bool>(), any::<bool>(), prop::option::of(0u32..8)), 4),
        prop::collection::vec(
            (0i64..(30 * 24 * 4), 1i64..48, 0u8..16, 1u8..16, 0u8..4),
            0..8,
        ),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(work_week, holidays, days_off, moves, flags, events, holds, tentative, everyone)| {
                Extras {
                    work_week,
                    holidays,
                    days_off,
                    moves,
                    flags,
                    events,
                    include_holds: holds,
                    include_tentative: tentative,
                    everyone,
                }
            },
        )
}

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 8).expect("date")
}

fn arb_case() -> impl Strategy<Value = (Production, DoodOptions)> {
    (arb_schedule(), arb_extras()).prop_map(|(mut p, x)| {
        let days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        p.calendar.work_week = days
            .into_iter()
            .enumerate()
            .filter(|(i, _)| x.work_week & (1 << i) != 0)
            .map(|(_, d)| d)
            .collect();
        for d in x.holidays {
            p.calendar.holidays.push(Holiday {
                date: day0() + TimeDelta::days(d),
                name: format!("Holiday {d}"),
            });
        }
        p.calendar.days_off = x
            .days_off
            .iter()
            .map(|d| day0() + TimeDelta::days(*d))
            .collect();
        p.calendar.move_days = x
            .moves
            .iter()
            .map(|d| day0() + TimeDelta::days(*d))
            .collect();
        for (i, (hold, drop, min)) in x.flags.into_iter().enumerate() {
            if let Some(person) = p.people.get_mut(i) {
                person.allow_hold = hold;
                person.allow_drop = drop;
                if i == 1 {
                    person.category = callsheet::PersonCategory::Crew;
                }
            }
            if let Some(min) = min {
                p.rule_overrides.push(RuleOverride {
                    person: Some(format!("P{i}").into()),
                    department: None,
                    params: RuleParams {
                        drop_min_gap_days: Some(min),
                        ..RuleParams::default()
                    },
                });
            }
        }
        for (i, (start, len, people, kind, status)) in x.events.into_iter().enumerate() {
            let s = base() + TimeDelta::minutes(start * 15);
            let kind = [EventKind::Travel, EventKind::Rehearsal][usize::from(kind & 1)];
            let mut e = Event::new(
                format!("X{i:02}"),
                kind,
                s,
                s + TimeDelta::minutes(len * 15),
            );
            e.status = [
                BookingStatus::Confirmed,
                BookingStatus::Hold,
                BookingStatus::Tentative,
                BookingStatus::Cancelled,
            ][usize::from(status)];
            e.location = Some(format!("L{}", i % 3).into());
            for k in 0..4 {
                if people & (1 << k) != 0 {
                    e.attendees.push(Attendance::new(format!("P{k}")));
                }
            }
            p.events.push(e);
        }
        let options = DoodOptions {
            people: if x.everyone {
                DoodPeople::Everyone
            } else {
                DoodPeople::Cast
            },
            range: DoodRange::People,
            include_holds: x.include_holds,
            include_tentative: x.include_tentative,
        };
        (p, options)
    })
}

// ---------------------------------------------------------------------------
// The oracle

fn parent<'p>(p: &'p Production, e: &Event) -> Option<&'p Event> {
    let id = e.parent.as_ref()?;
    p.events.iter().find(|x| &x.id == id && x.id != e.id)
}

fn counts(p: &Production, e: &Event, o: &DoodOptions) -> bool {
    let status = parent(p, e).map_or(e.status, |d| e.status.max(d.status));
    match status {
        BookingStatus::Confirmed => true,
        BookingStatus::Hold => o.include_holds,
        BookingStatus::Tentative => o.include_tentative,
        BookingStatus::Cancelled => false,
    }
}

fn zone_of(p: &Production, e: &Event) -> IanaZone {
    let own = |e: &Event| {
        e.location
            .as_ref()
            .and_then(|l| p.locations.iter().find(|x| &x.id == l))
            .map(|l| l.zone)
    };
    own(e)
        .or_else(|| parent(p, e).and_then(own))
        .unwrap_or(p.zone)
}

fn anchor(p: &Production, e: &Event, report: Timestamp) -> Timestamp {
    let t = report.min(e.start);
    parent(p, e).map_or(t, |d| t.min(d.start))
}

fn mark(kind: EventKind) -> Option<DoodCode> {
    match kind {
        EventKind::Travel => Some(DoodCode::Travel),
        EventKind::Rehearsal => Some(DoodCode::Rehearsal),
        EventKind::Fitting => Some(DoodCode::Fitting),
        _ => None,
    }
}

struct Person {
    work: BTreeSet<NaiveDate>,
    marks: BTreeMap<NaiveDate, DoodCode>,
    drop: Option<(NaiveDate, NaiveDate, NaiveDate)>,
    warnings: usize,
}

fn shoot_dates(p: &Production, o: &DoodOptions) -> BTreeSet<NaiveDate> {
    p.events
        .iter()
        .filter(|e| e.kind == EventKind::ShootDay && counts(p, e, o))
        .map(|e| zone_of(p, e).civil_date(anchor(p, e, e.start)))
        .collect()
}

/// What an unworked day inside the span shows.
fn calendar_code(p: &Production, shoots: &BTreeSet<NaiveDate>, d: NaiveDate) -> DoodCode {
    if p.calendar.holidays.iter().any(|h| h.date == d) {
        DoodCode::Holiday
    } else if p.calendar.days_off.contains(&d) {
        DoodCode::DayOff
    } else if p.calendar.move_days.contains(&d) {
        DoodCode::MoveDay
    } else if p.calendar.work_week.contains(&d.weekday()) || shoots.contains(&d) {
        DoodCode::Hold
    } else {
        DoodCode::Empty
    }
}

fn oracle_person(
    p: &Production,
    o: &DoodOptions,
    shoots: &BTreeSet<NaiveDate>,
    who: &callsheet::Person,
) -> Person {
    type Commit = (
        Timestamp,
        Timestamp,
        String,
        Timestamp,
        IanaZone,
        Option<DoodCode>,
    );
    let mut list: Vec<Commit> = Vec::new();
    for e in &p.events {
        let is_work = matches!(e.kind, EventKind::ShootDay | EventKind::Scene);
        if (!is_work && mark(e.kind).is_none()) || !counts(p, e, o) {
            continue;
        }
        if let Some(a) = e.attendees.iter().find(|a| a.person == who.id) {
            let report = a.report(e);
            list.push((
                report,
                a.release(e).max(report),
                e.id.to_string(),
                anchor(p, e, report),
                zone_of(p, e),
                mark(e.kind),
            ));
        }
    }
    list.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    let mut work = BTreeSet::new();
    let mut marks: BTreeMap<NaiveDate, DoodCode> = BTreeMap::new();
    let mut running: Option<(NaiveDate, Timestamp)> = None;
    for (report, release, _, anchor, zone, m) in list {
        let inside = running.filter(|r| report < r.1);
        match (m, inside) {
            (None, Some((d, end))) => {
                work.insert(d);
                running = Some((d, end.max(release)));
            }
            (None, None) => {
                let d = zone.civil_date(anchor);
                work.insert(d);
                running = Some((d, release));
            }
            (Some(_), Some(_)) => {}
            (Some(code), None) => {
                let d = zone.civil_date(anchor);
                let rank = |c: DoodCode| match c {
                    DoodCode::Travel => 0,
                    DoodCode::Rehearsal => 1,
                    _ => 2,
                };
                let old = marks.get(&d).copied();
                if old.is_none_or(|old| rank(code) < rank(old)) {
                    marks.insert(d, code);
                }
            }
        }
    }

    // Drops and warnings, gap by gap.
    let book = RuleBook::new(&p.rule_packs);
    let minimum = |d: NaiveDate| -> Option<u32> {
        let over = p
            .rule_overrides
            .iter()
            .filter(|o| o.person.as_ref() == Some(&who.id))
            .filter_map(|o| o.params.drop_min_gap_days)
            .next_back();
        let pack = book.pack(
            who.rule_pack.as_ref().map_or(DEFAULT_PACK, |r| r.as_str()),
            d,
        )?;
        over.or(pack.params.drop_min_gap_days)
    };
    let dates: Vec<NaiveDate> = work.iter().copied().collect();
    let mut drop = None;
    let mut warnings = 0;
    for pair in dates.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let between: Vec<NaiveDate> = a.iter_days().skip(1).take_while(|d| *d < b).collect();
        if between.is_empty() {
            continue;
        }
        let min = if who.allow_drop { minimum(a) } else { None };
        let qualifies = min.is_some_and(|m| between.len() as u32 >= m.max(1));
        if qualifies && drop.is_none() {
            if let Some(day) = between.iter().find(|d| !marks.contains_key(d)) {
                drop = Some((a, *day, b));
                continue;
            }
        }
        let held = between
            .iter()
            .filter(|d| !marks.contains_key(d))
            .filter(|d| calendar_code(p, shoots, **d) == DoodCode::Hold)
            .count();
        if held > 0 && (qualifies || !who.allow_hold) {
            warnings += 1;
        }
    }
    Person {
        work,
        marks,
        drop,
        warnings,
    }
}

fn oracle_code(p: &Production, shoots: &BTreeSet<NaiveDate>, x: &Person, d: NaiveDate) -> DoodCode {
    let (Some(&first), Some(&last)) = (x.work.first(), x.work.last()) else {
        return x.marks.get(&d).copied().unwrap_or(DoodCode::Empty);
    };
    let pickup = x.drop.map(|(_, _, p)| p);
    if x.work.contains(&d) {
        return if first == last {
            DoodCode::StartWorkFinish
        } else if d == first {
            DoodCode::StartWork
        } else if d == last && pickup == Some(d) {
            DoodCode::PickupWorkFinish
        } else if d == last {
            DoodCode::WorkFinish
        } else if pickup == Some(d) {
            DoodCode::PickupWork
        } else {
            DoodCode::Work
        };
    }
    if x.drop.is_some_and(|(_, day, _)| day == d) {
        return DoodCode::Drop;
    }
    if let Some(m) = x.marks.get(&d) {
        return *m;
    }
    let dropped = x.drop.is_some_and(|(a, _, b)| a < d && d < b);
    if d < first || d > last || dropped {
        return DoodCode::Empty;
    }
    calendar_code(p, shoots, d)
}

fn check(p: &Production, o: &DoodOptions, r: &DoodReport) -> Result<(), TestCaseError> {
    let shoots = shoot_dates(p, o);
    let people: Vec<&callsheet::Person> = p
        .people
        .iter()
        .filter(|x| {
            o.people == DoodPeople::Everyone || x.category == callsheet::PersonCategory::Cast
        })
        .collect();
    prop_assert_eq!(
        r.rows
            .iter()
            .map(|r| r.person.to_string())
            .collect::<Vec<_>>(),
        {
            let mut ids: Vec<String> = people.iter().map(|x| x.id.to_string()).collect();
            // Cast before crew, then by id (no cast numbers here).
            ids.sort_by_key(|id| (id == "P1" && o.people == DoodPeople::Everyone, id.clone()));
            ids
        }
    );
    let oracle: BTreeMap<String, Person> = people
        .iter()
        .map(|x| (x.id.to_string(), oracle_person(p, o, &shoots, x)))
        .collect();

    // Columns: every date from the first to the last date of anyone's events.
    let all: BTreeSet<NaiveDate> = oracle
        .values()
        .flat_map(|x| x.work.iter().chain(x.marks.keys()).copied())
        .collect();
    let dates: Vec<NaiveDate> = match (all.first(), all.last()) {
        (Some(a), Some(b)) => a.iter_days().take_while(|d| d <= b).collect(),
        _ => Vec::new(),
    };
    prop_assert_eq!(
        r.columns.iter().map(|c| c.date).collect::<Vec<_>>(),
        dates.clone()
    );
    for c in &r.columns {
        prop_assert_eq!(c.is_shoot_day(), shoots.contains(&c.date));
        prop_assert_eq!(c.weekday, c.date.weekday());
    }

    for row in &r.rows {
        let x = &oracle[row.person.as_str()];
        let expected: Vec<DoodCode> = dates
            .iter()
            .map(|d| oracle_code(p, &shoots, x, *d))
            .collect();
        prop_assert_eq!(&row.codes, &expected, "{}", row.person);
        prop_assert_eq!(row.warnings.len(), x.warnings, "{:?}", row.warnings);

        // Invariants, straight from the codes.
        let work: Vec<usize> = (0..row.codes.len())
            .filter(|&i| row.codes[i].is_work())
            .collect();
        prop_assert_eq!(work.len(), x.work.len());
        let n = |c: DoodCode| row.codes.iter().filter(|k| **k == c).count() as u32;
        let t = &row.totals;
        if let (Some(&first), Some(&last)) = (work.first(), work.last()) {
            prop_assert_eq!(Some(dates[first]), x.work.first().copied());
            prop_assert_eq!(Some(dates[last]), x.work.last().copied());
            if first == last {
                prop_assert_eq!(row.codes[first], DoodCode::StartWorkFinish);
            } else {
                prop_assert_eq!(row.codes[first], DoodCode::StartWork);
                prop_assert!(matches!(
                    row.codes[last],
                    DoodCode::WorkFinish | DoodCode::PickupWorkFinish
                ));
            }
            for code in row.codes.get(first + 1..last).unwrap_or(&[]) {
                prop_assert!(!matches!(
                    code,
                    DoodCode::StartWork
                        | DoodCode::WorkFinish
                        | DoodCode::StartWorkFinish
                        | DoodCode::PickupWorkFinish
                ));
            }
            for code in row.codes[..first].iter().chain(&row.codes[last + 1..]) {
                prop_assert!(matches!(
                    code,
                    DoodCode::Empty | DoodCode::Travel | DoodCode::Rehearsal | DoodCode::Fitting
                ));
            }
            prop_assert_eq!(t.span as usize, last - first + 1);
            prop_assert_eq!(
                (t.first_work, t.last_work),
                (Some(dates[first]), Some(dates[last]))
            );
        } else {
            prop_assert_eq!(t.span, 0);
            prop_assert_eq!(t.first_work, None);
        }
        prop_assert!(
            n(DoodCode::Drop) <= 1 && n(DoodCode::PickupWork) + n(DoodCode::PickupWorkFinish) <= 1
        );
        prop_assert_eq!(n(DoodCode::Drop), u32::from(t.drop.is_some()));
        prop_assert_eq!(t.drop, x.drop.map(|(_, d, _)| d));
        prop_assert_eq!(t.pickup, x.drop.map(|(_, _, p)| p));
        if x.drop.is_some() {
            prop_assert!(p.people.iter().any(|q| q.id == row.person && q.allow_drop));
        }

        // Totals equal the counts of codes (the range covers every event).
        prop_assert_eq!(t.work, work.len() as u32);
        prop_assert_eq!(t.hold, n(DoodCode::Hold));
        prop_assert_eq!(t.travel, n(DoodCode::Travel));
        prop_assert_eq!(t.rehearsal, n(DoodCode::Rehearsal));
        prop_assert_eq!(t.fitting, n(DoodCode::Fitting));
        prop_assert_eq!(t.holiday, n(DoodCode::Holiday));
        prop_assert_eq!(t.move_days, n(DoodCode::MoveDay));
        let in_drop = |i: usize| x.drop.is_some_and(|(a, _, b)| a < dates[i] && dates[i] < b);
        let dropped = (0..row.codes.len())
            .filter(|&i| {
                row.codes[i] == DoodCode::Drop || (row.codes[i] == DoodCode::Empty && in_drop(i))
            })
            .count() as u32;
        prop_assert_eq!(t.dropped, dropped);
        let outside = match (work.first(), work.last()) {
            (Some(&a), Some(&b)) => (0..row.codes.len())
                .filter(|&i| (i < a || i > b) && row.codes[i] != DoodCode::Empty)
                .count(),
            _ => row.codes.iter().filter(|c| **c != DoodCode::Empty).count(),
        } as u32;
        prop_assert_eq!(t.outside_span, outside);
        prop_assert_eq!(
            t.work
                + t.hold
                + t.travel
                + t.rehearsal
                + t.fitting
                + t.holiday
                + t.move_days
                + t.dropped
                + t.idle,
            t.span + t.outside_span
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn dood_matches_the_oracle((p, options) in arb_case()) {
        let r = day_out_of_days(&p, &options);
        check(&p, &options, &r)?;
    }

    #[test]
    fn dood_does_not_depend_on_event_order((p, options) in arb_case(), seed in any::<u64>()) {
        let r = day_out_of_days(&p, &options);
        let mut shuffled = p.clone();
        let n = shuffled.events.len();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            shuffled.events.swap(i, (s >> 33) as usize % (i + 1));
        }
        let again = day_out_of_days(&shuffled, &options);
        prop_assert_eq!(&again, &r);
        prop_assert_eq!(again.to_text(), r.to_text());
        prop_assert_eq!(again.to_csv(), r.to_csv());
    }

    #[test]
    fn dood_renders_any_production(p in arb_production(), from in 0i64..400, len in -3i64..60) {
        let day = NaiveDate::from_ymd_opt(2027, 1, 1).expect("date");
        for options in [
            DoodOptions::default(),
            DoodOptions { people: DoodPeople::Everyone, range: DoodRange::Shoot, ..DoodOptions::default() },
            DoodOptions {
                people: DoodPeople::Only(vec!["P0".into(), "P9".into()]),
                range: DoodRange::Dates { from: day + TimeDelta::days(from), to: day + TimeDelta::days(from + len) },
                include_holds: false,
                include_tentative: true,
            },
        ] {
            let r = day_out_of_days(&p, &options);
            let text = r.to_text();
            let csv = r.to_csv();
            // Names and warnings hold no line breaks here: one record per line.
            prop_assert_eq!(csv.matches("\r\n").count(), r.rows.len() + 1);
            prop_assert!(text.lines().all(|l| l == l.trim_end()));
            for row in &r.rows {
                prop_assert_eq!(row.codes.len(), r.columns.len());
            }
            let json = serde_json::to_string(&r).expect("serialises");
            let back: DoodReport = serde_json::from_str(&json).expect("parses");
            prop_assert_eq!(back, r);
        }
    }
}

//! Day out of days: hand-worked grids, with whole rows spelled out.
//!
//! March 2026 in Los Angeles: Monday 2, 9, 16, 23 and 30; DST starts on
//! Sunday 8 March.

use callsheet::comms::{
    DayType, DoodCode, DoodOptions, DoodPeople, DoodRange, DoodReport, day_out_of_days,
};
use callsheet::rules::{RuleOverride, RuleParams};
use callsheet::{
    Attendance, BookingStatus, Event, EventKind, Holiday, Location, Person, PersonCategory,
    Production,
};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::London;

use crate::common::sample_path;

/// Local Los Angeles wall-clock time as a UTC instant.
fn la(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    crate::common::los_angeles(2026, m, d, h, min)
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn production() -> Production {
    let mut p = Production::new(
        "Night Diner",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    );
    p.locations.push(Location::new(
        "STAGE",
        "Stage 4",
        "America/Los_Angeles".parse().unwrap(),
    ));
    p.locations.push(Location::new(
        "LONDON",
        "Ealing Studios",
        "Europe/London".parse().unwrap(),
    ));
    p
}

fn cast(p: &mut Production, id: &str, name: &str, number: u32) -> usize {
    let mut person = Person::new(id, name, PersonCategory::Cast);
    person.cast_number = Some(number);
    person.rule_pack = Some("sag-aftra".into());
    p.people.push(person);
    p.people.len() - 1
}

fn event(
    id: &str,
    kind: EventKind,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    who: &[&str],
) -> Event {
    let mut e = Event::new(id, kind, start, end);
    e.location = Some("STAGE".into());
    e.attendees = who.iter().map(|w| Attendance::new(*w)).collect();
    e
}

/// A 07:00–19:00 shoot day in Los Angeles.
fn shoot(p: &mut Production, id: &str, number: u32, (m, d): (u32, u32), who: &[&str]) {
    let mut e = event(
        id,
        EventKind::ShootDay,
        la(m, d, 7, 0),
        la(m, d, 19, 0),
        who,
    );
    e.day_number = Some(number);
    e.unit = Some("MAIN".into());
    p.events.push(e);
}

/// Work days for one person on the given March dates (day numbers in file order).
fn works(p: &mut Production, who: &str, days: &[u32]) {
    for &d in days {
        let id = format!("{who}-D{d}");
        let n = p.events.len() as u32 + 1;
        shoot(p, &id, n, (3, d), &[who]);
    }
}

fn only(p: &Production, ids: &[&str]) -> DoodReport {
    day_out_of_days(
        p,
        &DoodOptions {
            people: DoodPeople::Only(ids.iter().map(|&i| i.into()).collect()),
            ..DoodOptions::default()
        },
    )
}

fn line(report: &DoodReport, id: &str) -> String {
    report.row(id).expect("row").codes_line()
}

/// Every row's day counts partition its span plus the marks outside it, and
/// equal the counts of its codes (for the default range).
fn check_totals(report: &DoodReport) {
    for row in &report.rows {
        let t = &row.totals;
        assert_eq!(
            t.work
                + t.hold
                + t.travel
                + t.rehearsal
                + t.fitting
                + t.holiday
                + t.move_days
                + t.dropped
                + t.idle,
            t.span + t.outside_span,
            "{}: {t:?}",
            row.name
        );
        let count =
            |f: &dyn Fn(DoodCode) -> bool| row.codes.iter().filter(|c| f(**c)).count() as u32;
        assert_eq!(t.work, count(&|c| c.is_work()), "{}", row.name);
        assert_eq!(t.hold, count(&|c| c == DoodCode::Hold), "{}", row.name);
        assert_eq!(t.travel, count(&|c| c == DoodCode::Travel), "{}", row.name);
        assert_eq!(
            t.rehearsal,
            count(&|c| c == DoodCode::Rehearsal),
            "{}",
            row.name
        );
        assert_eq!(
            t.fitting,
            count(&|c| c == DoodCode::Fitting),
            "{}",
            row.name
        );
        assert_eq!(
            t.holiday,
            count(&|c| c == DoodCode::Holiday),
            "{}",
            row.name
        );
        assert_eq!(
            t.move_days,
            count(&|c| c == DoodCode::MoveDay),
            "{}",
            row.name
        );
    }
}

#[test]
fn holds_between_work_days_and_blank_weekends() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    works(&mut p, "P1", &[2, 3, 6, 9]);
    let r = p.day_out_of_days();
    assert_eq!(r.columns.first().map(|c| c.date), Some(date(3, 2)));
    assert_eq!(r.columns.last().map(|c| c.date), Some(date(3, 9)));
    assert_eq!(line(&r, "P1"), "SW W H H W . . WF");
    let t = &r.rows[0].totals;
    assert_eq!((t.work, t.hold, t.idle, t.span), (4, 2, 2, 8));
    assert_eq!(
        (t.first_work, t.last_work),
        (Some(date(3, 2)), Some(date(3, 9)))
    );
    assert!(r.rows[0].warnings.is_empty());
    check_totals(&r);
}

#[test]
fn legal_drop_and_pickup() {
    let mut p = production();
    let leo = cast(&mut p, "P2", "Leo Park", 2);
    p.people[leo].allow_drop = true;
    // Mon 2, Tue 3, then Mon 23, Tue 24: 19 days between Tue 3 and Mon 23.
    works(&mut p, "P2", &[2, 3, 23, 24]);
    let r = p.day_out_of_days();
    let blanks = vec!["."; 18].join(" ");
    assert_eq!(line(&r, "P2"), format!("SW W D {blanks} PW WF"));
    let t = &r.rows[0].totals;
    assert_eq!(
        (t.work, t.hold, t.dropped, t.idle, t.span),
        (4, 0, 19, 0, 23)
    );
    assert_eq!((t.drop, t.pickup), (Some(date(3, 4)), Some(date(3, 23))));
    assert!(r.rows[0].warnings.is_empty());
    check_totals(&r);
}

#[test]
fn drop_exactly_at_the_minimum_and_pickup_on_the_last_day() {
    let mut p = production();
    let i = cast(&mut p, "P3", "Ava Chen", 3);
    p.people[i].allow_drop = true;
    // Mon 2, then Tue 17: exactly 14 days between.
    works(&mut p, "P3", &[2, 17]);
    let r = p.day_out_of_days();
    let blanks = vec!["."; 13].join(" ");
    assert_eq!(line(&r, "P3"), format!("SW D {blanks} PWF"));
    assert_eq!(r.code("P3", date(3, 17)), Some(DoodCode::PickupWorkFinish));
    check_totals(&r);

    // One day less is held.
    let mut p = production();
    let i = cast(&mut p, "P3", "Ava Chen", 3);
    p.people[i].allow_drop = true;
    works(&mut p, "P3", &[2, 16]);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P3"), "SW H H H H . . H H H H H . . WF");
    assert_eq!(r.rows[0].totals.drop, None);
    assert!(r.rows[0].warnings.is_empty(), "holds are allowed");
}

#[test]
fn illegal_drop_without_holds_is_held_with_a_warning() {
    let mut p = production();
    let i = cast(&mut p, "P4", "Ruth Adler", 4);
    p.people[i].allow_drop = true;
    p.people[i].allow_hold = false;
    // Fri 6, then Mon 16: 9 days between.
    works(&mut p, "P4", &[6, 16]);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P4"), "SW . . H H H H H . . WF");
    assert_eq!(
        r.rows[0].warnings,
        [
            "drop of 9 days after Fri 6 Mar is shorter than the 14-day minimum (sag-aftra 2023): held (5 hold days)"
        ]
    );
    let t = &r.rows[0].totals;
    assert_eq!(
        (t.work, t.hold, t.idle, t.dropped, t.drop),
        (2, 5, 4, 0, None)
    );
    check_totals(&r);

    // Neither holds nor drops allowed.
    p.people[i].allow_drop = false;
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P4"), "SW . . H H H H H . . WF");
    assert_eq!(
        r.rows[0].warnings,
        [
            "9 days without work after Fri 6 Mar, and neither holds nor drops are allowed: held (5 hold days)"
        ]
    );

    // A pack without drops.
    p.people[i].allow_drop = true;
    p.people[i].rule_pack = None;
    let r = p.day_out_of_days();
    assert_eq!(
        r.rows[0].warnings,
        ["drop of 9 days after Fri 6 Mar is not possible (non-union 1 has no drop minimum): held (5 hold days)"]
            .map(|w| w.replace("non-union 1", &non_union_label()))
    );
}

fn non_union_label() -> String {
    let pack = callsheet::rules::builtin_packs()
        .into_iter()
        .find(|p| p.id.as_str() == "non-union")
        .unwrap();
    format!("{} {}", pack.id, pack.version)
}

#[test]
fn only_one_drop_per_production() {
    let mut p = production();
    let i = cast(&mut p, "P5", "Sam Reyes", 5);
    p.people[i].allow_drop = true;
    p.rule_overrides.push(RuleOverride {
        person: Some("P5".into()),
        department: None,
        params: RuleParams {
            drop_min_gap_days: Some(3),
            ..RuleParams::default()
        },
    });
    // Mon 2 | 3 days | Fri 6 | 4 days | Wed 11: both gaps qualify, the second is held.
    works(&mut p, "P5", &[2, 6, 11]);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P5"), "SW D . . PW . . H H WF");
    assert_eq!(
        r.rows[0].warnings,
        [
            "drop of 4 days after Fri 6 Mar would be a second drop (sag-aftra 2023 with overrides allows one per production): held (2 hold days)"
        ]
    );
    let t = &r.rows[0].totals;
    assert_eq!(
        (t.work, t.hold, t.dropped, t.idle, t.span),
        (3, 2, 3, 2, 10)
    );
    assert_eq!((t.drop, t.pickup), (Some(date(3, 3)), Some(date(3, 6))));
    check_totals(&r);
}

#[test]
fn drop_day_skips_a_travel_day() {
    let mut p = production();
    let i = cast(&mut p, "P6", "Jo Kim", 6);
    p.people[i].allow_drop = true;
    works(&mut p, "P6", &[2, 20]);
    // Flies home the day after the last work day, back the day before pickup.
    p.events.push(event(
        "T1",
        EventKind::Travel,
        la(3, 3, 9, 0),
        la(3, 3, 14, 0),
        &["P6"],
    ));
    p.events.push(event(
        "T2",
        EventKind::Travel,
        la(3, 19, 9, 0),
        la(3, 19, 14, 0),
        &["P6"],
    ));
    let r = p.day_out_of_days();
    let blanks = vec!["."; 14].join(" ");
    assert_eq!(line(&r, "P6"), format!("SW T D {blanks} T PWF"));
    let t = &r.rows[0].totals;
    assert_eq!((t.work, t.travel, t.dropped, t.span), (2, 2, 15, 19));
    assert_eq!(t.drop, Some(date(3, 4)));
    check_totals(&r);
}

#[test]
fn travel_days_before_inside_and_after_the_span() {
    let mut p = production();
    cast(&mut p, "P7", "Nora Vance", 7);
    works(&mut p, "P7", &[2, 4]);
    p.events.push(event(
        "T0",
        EventKind::Travel,
        la(3, 1, 10, 0),
        la(3, 1, 16, 0),
        &["P7"],
    ));
    p.events.push(event(
        "T1",
        EventKind::Travel,
        la(3, 3, 10, 0),
        la(3, 3, 16, 0),
        &["P7"],
    ));
    p.events.push(event(
        "T2",
        EventKind::Travel,
        la(3, 5, 10, 0),
        la(3, 5, 16, 0),
        &["P7"],
    ));
    // A fitting on a travel day shows the travel; one on a work day shows nothing.
    p.events.push(event(
        "F1",
        EventKind::Fitting,
        la(3, 3, 17, 0),
        la(3, 3, 18, 0),
        &["P7"],
    ));
    p.events.push(event(
        "F2",
        EventKind::Fitting,
        la(3, 4, 20, 0),
        la(3, 4, 21, 0),
        &["P7"],
    ));
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P7"), "T SW T WF T");
    let t = &r.rows[0].totals;
    assert_eq!((t.work, t.travel, t.fitting, t.hold), (2, 3, 0, 0));
    assert_eq!((t.span, t.outside_span), (3, 2));
    assert_eq!(
        (t.first_work, t.last_work),
        (Some(date(3, 2)), Some(date(3, 4)))
    );
    check_totals(&r);
}

#[test]
fn holiday_day_off_and_move_day_inside_the_span() {
    let mut p = production();
    p.calendar.holidays.push(Holiday {
        date: date(3, 4),
        name: "Company holiday".into(),
    });
    p.calendar.days_off.push(date(3, 5));
    p.calendar.move_days.push(date(3, 6));
    cast(&mut p, "P8", "Iris Bell", 8);
    works(&mut p, "P8", &[2, 3, 9, 10]);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P8"), "SW W / . M . . W WF");
    let row = r.row("P8").unwrap();
    assert_eq!(row.codes[3], DoodCode::DayOff);
    assert_eq!(row.codes[5], DoodCode::Empty);
    let types: Vec<DayType> = r.columns.iter().map(|c| c.day_type).collect();
    assert_eq!(
        types,
        [
            DayType::Working,
            DayType::Working,
            DayType::Holiday,
            DayType::DayOff,
            DayType::MoveDay,
            DayType::NonWorking,
            DayType::NonWorking,
            DayType::Working,
            DayType::Working,
        ]
    );
    assert_eq!(r.columns[2].holiday.as_deref(), Some("Company holiday"));
    let t = &row.totals;
    assert_eq!(
        (t.work, t.hold, t.holiday, t.move_days, t.idle, t.span),
        (4, 0, 1, 1, 3, 9)
    );
    check_totals(&r);
}

#[test]
fn a_weekend_shoot_day_of_another_unit_is_a_hold() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    cast(&mut p, "P2", "Leo Park", 2);
    works(&mut p, "P1", &[6, 9]);
    let mut second = event(
        "SU1",
        EventKind::ShootDay,
        la(3, 7, 8, 0),
        la(3, 7, 18, 0),
        &["P2"],
    );
    second.unit = Some("SECOND".into());
    second.day_number = Some(1);
    p.events.push(second);
    let r = only(&p, &["P1"]);
    assert_eq!(line(&r, "P1"), "SW H . WF");
    assert_eq!(r.columns[1].day_numbers(), [1]);
    assert_eq!(r.columns[1].day_type, DayType::NonWorking);
}

#[test]
fn an_overnight_shoot_counts_on_the_day_it_started() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    cast(&mut p, "P2", "Leo Park", 2);
    cast(&mut p, "P3", "Ava Chen", 3);
    works(&mut p, "P1", &[2]);
    // Night shoot Tue 3 18:00 to Wed 4 06:00, with a scene at 01:00 Wed.
    let mut night = event(
        "N1",
        EventKind::ShootDay,
        la(3, 3, 18, 0),
        la(3, 4, 6, 0),
        &["P1"],
    );
    night.day_number = Some(2);
    p.events.push(night);
    let mut scene = event(
        "N1-S1",
        EventKind::Scene,
        la(3, 4, 1, 0),
        la(3, 4, 3, 0),
        &["P1", "P2"],
    );
    scene.parent = Some("N1".into());
    scene.location = None;
    p.events.push(scene);
    // P3 is called at 00:30 for the same shoot day.
    let mut late = Attendance::new("P3");
    late.call = Some(la(3, 4, 0, 30));
    p.events[1].attendees.push(late);
    // A standalone pickup shot right after the night, before P1's wrap.
    p.events.push(event(
        "X1",
        EventKind::Scene,
        la(3, 4, 5, 0),
        la(3, 4, 7, 0),
        &["P1"],
    ));
    works(&mut p, "P1", &[5]);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P1"), "SW W H WF");
    assert_eq!(line(&r, "P2"), ". SWF . .");
    assert_eq!(line(&r, "P3"), ". SWF . .");
    assert_eq!(r.columns[1].day_numbers(), [2]);
    assert!(r.columns[2].shoot_days.is_empty());
    check_totals(&r);
}

#[test]
fn work_dates_are_in_the_zone_of_the_location() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    works(&mut p, "P1", &[2]);
    // 01:00 Tue 10 in London is 18:00 Mon 9 in Los Angeles.
    let start = London
        .with_ymd_and_hms(2026, 3, 10, 1, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let mut e = event(
        "L1",
        EventKind::ShootDay,
        start,
        start + chrono::TimeDelta::hours(10),
        &["P1"],
    );
    e.location = Some("LONDON".into());
    p.events.push(e);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P1"), "SW H H H H . . H WF");
    assert_eq!(r.code("P1", date(3, 10)), Some(DoodCode::WorkFinish));
}

#[test]
fn one_day_player_with_a_fitting_before_the_start() {
    let mut p = production();
    cast(&mut p, "P9", "Day Player", 9);
    p.events.push(event(
        "F1",
        EventKind::Fitting,
        la(3, 2, 10, 0),
        la(3, 2, 11, 0),
        &["P9"],
    ));
    works(&mut p, "P9", &[5]);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P9"), "FT . . SWF");
    let t = &r.rows[0].totals;
    assert_eq!((t.work, t.fitting, t.span, t.outside_span), (1, 1, 1, 1));
    assert_eq!(
        (t.first_work, t.last_work),
        (Some(date(3, 5)), Some(date(3, 5)))
    );
    check_totals(&r);
}

#[test]
fn rehearsals_and_fittings_inside_the_span_replace_holds() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    works(&mut p, "P1", &[2, 6]);
    p.events.push(event(
        "R1",
        EventKind::Rehearsal,
        la(3, 3, 10, 0),
        la(3, 3, 14, 0),
        &["P1"],
    ));
    p.events.push(event(
        "F1",
        EventKind::Fitting,
        la(3, 4, 10, 0),
        la(3, 4, 11, 0),
        &["P1"],
    ));
    p.events.push(event(
        "F2",
        EventKind::Fitting,
        la(3, 3, 15, 0),
        la(3, 3, 16, 0),
        &["P1"],
    ));
    // Meetings are not shown.
    p.events.push(event(
        "M1",
        EventKind::Meeting,
        la(3, 5, 10, 0),
        la(3, 5, 11, 0),
        &["P1"],
    ));
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P1"), "SW R FT H WF");
    let t = &r.rows[0].totals;
    assert_eq!(
        (t.rehearsal, t.fitting, t.hold, t.outside_span),
        (1, 1, 1, 0)
    );
    check_totals(&r);
}

#[test]
fn statuses_holds_tentative_and_cancelled() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    works(&mut p, "P1", &[2, 3, 4, 5]);
    p.events[1].status = BookingStatus::Hold;
    p.events[2].status = BookingStatus::Tentative;
    p.events[3].status = BookingStatus::Cancelled;
    // A scene of the cancelled day does not count either.
    let mut scene = event(
        "S",
        EventKind::Scene,
        la(3, 5, 8, 0),
        la(3, 5, 9, 0),
        &["P1"],
    );
    scene.parent = Some(p.events[3].id.clone());
    p.events.push(scene);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P1"), "SW WF");
    let options = DoodOptions {
        include_tentative: true,
        include_holds: false,
        ..DoodOptions::default()
    };
    let r = day_out_of_days(&p, &options);
    assert_eq!(line(&r, "P1"), "SW H WF");
    assert_eq!(r.columns[1].shoot_days, []);
}

#[test]
fn people_order_and_selection() {
    let mut p = production();
    cast(&mut p, "P3", "Third", 2);
    p.people
        .push(Person::new("P1", "No Number", PersonCategory::Cast));
    cast(&mut p, "P2", "Lead", 1);
    p.people
        .push(Person::new("K1", "Grip", PersonCategory::Crew));
    p.people
        .push(Person::new("G1", "Guest", PersonCategory::Other));
    let ids = |r: &DoodReport| {
        r.rows
            .iter()
            .map(|r| r.person.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&p.day_out_of_days()), ["P2", "P3", "P1"]);
    let with = |people| {
        day_out_of_days(
            &p,
            &DoodOptions {
                people,
                ..DoodOptions::default()
            },
        )
    };
    assert_eq!(
        ids(&with(DoodPeople::CastAndCrew)),
        ["P2", "P3", "P1", "K1"]
    );
    assert_eq!(
        ids(&with(DoodPeople::Everyone)),
        ["P2", "P3", "P1", "K1", "G1"]
    );
    let r = only(&p, &["K1", "P1", "X9", "K1"]);
    assert_eq!(ids(&r), ["K1", "P1"]);
    assert_eq!(r.warnings, ["unknown person \"X9\""]);
    // Nobody has events: rows without codes.
    assert!(r.columns.is_empty());
    assert_eq!(r.rows[0].totals.span, 0);
}

#[test]
fn ranges_shoot_and_dates() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    cast(&mut p, "P2", "Leo Park", 2);
    p.events.push(event(
        "F1",
        EventKind::Fitting,
        la(3, 2, 10, 0),
        la(3, 2, 11, 0),
        &["P1"],
    ));
    works(&mut p, "P1", &[4, 6]);
    works(&mut p, "P2", &[9]);
    let with = |range| {
        day_out_of_days(
            &p,
            &DoodOptions {
                range,
                ..DoodOptions::default()
            },
        )
    };

    let r = with(DoodRange::Shoot);
    assert_eq!(r.columns.first().map(|c| c.date), Some(date(3, 4)));
    assert_eq!(r.columns.last().map(|c| c.date), Some(date(3, 9)));
    assert_eq!(line(&r, "P1"), "SW H WF . . .");
    assert_eq!(line(&r, "P2"), ". . . . . SWF");

    let r = with(DoodRange::Dates {
        from: date(3, 5),
        to: date(3, 6),
    });
    assert_eq!(line(&r, "P1"), "H WF");
    // Totals are the whole engagement, whatever the range.
    let t = &r.rows[0].totals;
    assert_eq!((t.work, t.hold, t.fitting, t.span), (2, 1, 1, 3));

    let r = with(DoodRange::Dates {
        from: date(3, 6),
        to: date(3, 5),
    });
    assert!(r.columns.is_empty());
    assert_eq!(
        r.warnings,
        ["the range starts (2026-03-06) after it ends (2026-03-05)"]
    );

    let r = with(DoodRange::Dates {
        from: date(1, 1),
        to: NaiveDate::from_ymd_opt(2040, 1, 1).unwrap(),
    });
    assert_eq!(r.columns.len(), callsheet::comms::MAX_DAYS);
    assert_eq!(
        r.warnings,
        ["2026-01-01 to 2040-01-01 is longer than 3660 days: shown up to 2036-01-08"]
    );
}

#[test]
fn shoot_days_of_two_units_in_one_column() {
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    shoot(&mut p, "D12", 12, (3, 2), &["P1"]);
    let mut second = event(
        "SU3",
        EventKind::ShootDay,
        la(3, 2, 9, 0),
        la(3, 2, 17, 0),
        &[],
    );
    second.unit = Some("SECOND".into());
    second.day_number = Some(3);
    p.events.push(second);
    let r = p.day_out_of_days();
    assert_eq!(r.columns[0].day_numbers(), [3, 12]);
    let units: Vec<Option<&str>> = r.columns[0]
        .shoot_days
        .iter()
        .map(|s| s.unit.as_ref().map(|u| u.as_str()))
        .collect();
    assert_eq!(units, [Some("MAIN"), Some("SECOND")]);
    assert!(
        r.to_text().contains("\nDay           3,12\n"),
        "{}",
        r.to_text()
    );
}

#[test]
fn text_and_csv() {
    let mut p = production();
    p.calendar.holidays.push(Holiday {
        date: date(3, 4),
        name: "Holiday".into(),
    });
    cast(&mut p, "P1", "Maya Ortiz", 1);
    let i = cast(&mut p, "P2", "Leo \"Lee\" Park, Jr.", 2);
    p.people[i].allow_hold = false;
    works(&mut p, "P1", &[2, 3, 5]);
    works(&mut p, "P2", &[2, 6]);
    let r = p.day_out_of_days();
    let expected = [
        "DAY OUT OF DAYS: Night Diner",
        "2026-03-02 to 2026-03-06 (5 days, America/Los_Angeles)",
        "",
        "                       Mar",
        "                       Mon Tue Wed Thu Fri",
        "Date                   2   3   4   5   6",
        "Day                    1,4 2   /   3   5",
        "1. Maya Ortiz          SW  W   /   WF      | work   3 hold   0 travel   0 rehearsal   0 fitting   0 holiday   1 move   0 dropped   0 idle   0 | span   4 2026-03-02 to 2026-03-05",
        "2. Leo \"Lee\" Park, Jr. SW  H   /   H   WF  | work   2 hold   2 travel   0 rehearsal   0 fitting   0 holiday   1 move   0 dropped   0 idle   0 | span   5 2026-03-02 to 2026-03-06",
        "    ! 3 days without work after Mon 2 Mar, and neither holds nor drops are allowed: held (2 hold days)",
        "",
        "SW start work  W work  WF work finish  SWF start/work/finish  H hold  D drop  PW pickup work  PWF pickup/work/finish  T travel  R rehearsal  FT fitting  / holiday  M move day",
        "",
    ]
    .join("\n");
    assert_eq!(r.to_text(), expected);

    let csv = r.to_csv();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "cast_number,person,name,category,2026-03-02,2026-03-03,2026-03-04,2026-03-05,2026-03-06,work,hold,travel,rehearsal,fitting,holiday,move_days,dropped,idle,outside_span,span,first_work,last_work,drop,pickup,warnings",
            "1,P1,Maya Ortiz,cast,SW,W,/,WF,,3,0,0,0,0,1,0,0,0,0,4,2026-03-02,2026-03-05,,,",
            "2,P2,\"Leo \"\"Lee\"\" Park, Jr.\",cast,SW,H,/,H,WF,2,2,0,0,0,1,0,0,0,0,5,2026-03-02,2026-03-06,,,\"3 days without work after Mon 2 Mar, and neither holds nor drops are allowed: held (2 hold days)\"",
            "",
        ]
    );
}

#[test]
fn codes_and_report_serialise() {
    assert_eq!(
        serde_json::to_value(DoodCode::StartWork).unwrap(),
        "start_work"
    );
    assert_eq!(
        serde_json::to_value(DoodCode::PickupWorkFinish).unwrap(),
        "pickup_work_finish"
    );
    assert_eq!(serde_json::to_value(DayType::MoveDay).unwrap(), "move_day");
    let mut p = production();
    cast(&mut p, "P1", "Maya Ortiz", 1);
    works(&mut p, "P1", &[2, 4]);
    let r = p.day_out_of_days();
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        json.contains(r#""codes":["start_work","hold","work_finish"]"#),
        "{json}"
    );
    assert!(json.contains(r#""weekday":"Mon""#), "{json}");
    let back: DoodReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let options: DoodOptions = serde_json::from_str(r#"{"people": {"only": ["P1"]}}"#).unwrap();
    assert_eq!(options.people, DoodPeople::Only(vec!["P1".into()]));
    assert!(options.include_holds && !options.include_tentative);
}

#[test]
fn sample_production() {
    let p = Production::load(sample_path()).expect("sample loads");
    let r = p.day_out_of_days();
    let cast = p
        .people
        .iter()
        .filter(|x| x.category == PersonCategory::Cast)
        .count();
    assert_eq!(r.rows.len(), cast);
    let numbers: Vec<Option<u32>> = r.rows.iter().map(|r| r.cast_number).collect();
    let mut sorted = numbers.clone();
    sorted.sort();
    assert_eq!(numbers, sorted);
    check_totals(&r);
    let mut dropped = 0;
    for row in &r.rows {
        let t = &row.totals;
        if t.work == 0 {
            continue;
        }
        let n = |c: DoodCode| row.codes.iter().filter(|x| **x == c).count();
        let starts = n(DoodCode::StartWork) + n(DoodCode::StartWorkFinish);
        let finishes =
            n(DoodCode::WorkFinish) + n(DoodCode::StartWorkFinish) + n(DoodCode::PickupWorkFinish);
        assert_eq!(
            (starts, finishes),
            (1, 1),
            "{}: {}",
            row.name,
            row.codes_line()
        );
        let first = r.column_index(t.first_work.unwrap()).unwrap();
        let last = r.column_index(t.last_work.unwrap()).unwrap();
        assert!(
            row.codes[first] == DoodCode::StartWork
                || row.codes[first] == DoodCode::StartWorkFinish
        );
        // Nothing but travel, rehearsal and fitting outside the span.
        for code in row.codes[..first].iter().chain(&row.codes[last + 1..]) {
            assert!(
                matches!(
                    code,
                    DoodCode::Empty | DoodCode::Travel | DoodCode::Rehearsal | DoodCode::Fitting
                ),
                "{}: {}",
                row.name,
                row.codes_line()
            );
        }
        assert_eq!(t.span as usize, last - first + 1);
        if let Some(d) = t.drop {
            dropped += 1;
            let person = p.people.iter().find(|x| x.id == row.person).unwrap();
            assert!(person.allow_drop);
            assert!((t.pickup.unwrap() - d).num_days() >= 14, "{}", row.name);
            assert_eq!(r.code(row.person.as_str(), d), Some(DoodCode::Drop));
        }
    }
    assert!(dropped > 0, "the sample has droppable day players");
    // The lead works the whole shoot: first and last shoot day.
    let lead = &r.rows[0];
    assert_eq!(lead.cast_number, Some(1));
    assert!(lead.totals.work >= 20, "{}", lead.codes_line());
    // Deterministic, whatever the order of events in the file.
    let mut reversed = p.clone();
    reversed.events.reverse();
    assert_eq!(reversed.day_out_of_days(), r);
    assert_eq!(reversed.day_out_of_days().to_text(), r.to_text());
}

#[test]
fn the_ends_of_time_neither_panic_nor_take_long() {
    let mut p = Production::new(
        "Edge \n of time ",
        "Pacific/Kiritimati".parse().unwrap(),
        "USD".parse().unwrap(),
    );
    p.locations.push(Location::new(
        "FAR",
        "Far away",
        "Pacific/Pago_Pago".parse().unwrap(),
    ));
    let i = cast(&mut p, "P1", "Name\twith tab ", 1);
    p.people[i].allow_hold = false;
    p.people[i].allow_drop = true;
    let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    for (id, start, end, location) in [
        ("A", min, min + chrono::TimeDelta::hours(1), None),
        ("B", max - chrono::TimeDelta::hours(1), max, Some("FAR")),
        (
            "C",
            max - chrono::TimeDelta::hours(60),
            max - chrono::TimeDelta::hours(59),
            None,
        ),
    ] {
        let mut e = event(id, EventKind::ShootDay, start, end, &["P1"]);
        e.location = location.map(Into::into);
        p.events.push(e);
    }
    p.events.push(event(
        "T",
        EventKind::Travel,
        min,
        min + chrono::TimeDelta::hours(2),
        &["P1"],
    ));
    let started = std::time::Instant::now();
    let r = p.day_out_of_days();
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(r.columns.len(), callsheet::comms::MAX_DAYS);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    let t = &r.rows[0].totals;
    assert_eq!(t.work, 3);
    assert!(t.span > 100_000_000, "{t:?}");
    assert_eq!(
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
    // No SAG-AFTRA version is in force 262,000 years BC: no drop.
    assert_eq!(t.drop, None);
    let warnings = &r.rows[0].warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("(rule pack \"sag-aftra\" is not in force on "),
        "{warnings:?}"
    );
    let text = r.to_text();
    assert!(
        text.starts_with("DAY OUT OF DAYS: Edge   of time\n"),
        "{}",
        &text[..80]
    );
    assert!(text.lines().all(|l| l == l.trim_end()));
    assert!(text.contains("\n1. Name with tab  SW"), "{}", &text[..400]);
}

#[test]
fn a_one_day_gap_without_holds() {
    let mut p = production();
    let i = cast(&mut p, "P1", "Maya Ortiz", 1);
    p.people[i].allow_hold = false;
    works(&mut p, "P1", &[2, 4]);
    let r = p.day_out_of_days();
    assert_eq!(line(&r, "P1"), "SW H WF");
    assert_eq!(
        r.rows[0].warnings,
        [
            "1 day without work after Mon 2 Mar, and neither holds nor drops are allowed: held (1 hold day)"
        ]
    );
}

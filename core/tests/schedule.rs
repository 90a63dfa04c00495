//! Hand-worked conflict cases from real practice, with exact messages.

use callsheet::schedule::{Conflict, ConflictKind, Schedule, Severity, SlotRequest};
use callsheet::{
    Attendance, BookingStatus, Event, EventKind, Location, MealBreak, PermitWindow, Person,
    PersonCategory, Production, Resource, ResourceBooking, ResourceKind,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::common::sample_path;

/// Local Los Angeles wall-clock time as a UTC instant.
fn la(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    crate::common::los_angeles(y, m, d, h, min)
}

fn production() -> Production {
    let mut p = Production::new(
        "Hand-worked",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    );
    let mut maya = Person::new("P1", "Maya Ortiz", PersonCategory::Cast);
    maya.rule_pack = Some("sag-aftra".into());
    p.people.push(maya);
    let mut leo = Person::new("P2", "Leo Park", PersonCategory::Crew);
    leo.rule_pack = Some("iatse".into());
    leo.department = Some("Camera".into());
    p.people.push(leo);
    let mut kid = Person::new("P3", "Ava Chen", PersonCategory::Cast);
    kid.rule_pack = Some("sag-aftra".into());
    kid.date_of_birth = NaiveDate::from_ymd_opt(2017, 5, 20);
    p.people.push(kid);
    p.locations.push(Location::new(
        "STAGE",
        "Stage 4",
        "America/Los_Angeles".parse().unwrap(),
    ));
    p.locations.push(Location::new(
        "DINER",
        "Rosie's Diner",
        "America/Los_Angeles".parse().unwrap(),
    ));
    p
}

fn event(
    id: &str,
    kind: EventKind,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    people: &[&str],
) -> Event {
    let mut e = Event::new(id, kind, start, end);
    e.location = Some("STAGE".into());
    e.attendees = people.iter().map(|p| Attendance::new(*p)).collect();
    e
}

fn only(conflicts: &[Conflict], kind: ConflictKind) -> Vec<&Conflict> {
    conflicts.iter().filter(|c| c.kind == kind).collect()
}

#[test]
fn turnaround_short_by_thirty_minutes() {
    let mut p = production();
    // Wrap 23:30 Tuesday, call 11:00 Wednesday: 11 h 30 min, SAG-AFTRA requires 12 h.
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 12, 0),
        la(2027, 3, 2, 23, 30),
        &["P1"],
    ));
    p.events.push(event(
        "D2",
        EventKind::ShootDay,
        la(2027, 3, 3, 11, 0),
        la(2027, 3, 3, 20, 0),
        &["P1"],
    ));
    let found = p.conflicts();
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(c.kind, ConflictKind::Turnaround);
    assert_eq!(c.severity, Severity::Error);
    assert_eq!(
        c.message,
        "Maya Ortiz: 11 h 30 min rest between wrap 23:30 Tue and call 11:00 Wed; SAG-AFTRA requires 12 h"
    );
    assert_eq!(
        (c.start, c.end),
        (la(2027, 3, 2, 23, 30), la(2027, 3, 3, 11, 0))
    );
    assert_eq!(c.cost.unwrap().to_string(), "900 USD");
    let rule = c.rule.as_ref().unwrap();
    assert_eq!(
        (rule.pack.as_str(), rule.rule.as_str()),
        ("sag-aftra", "turnaround_minutes")
    );
    assert_eq!(
        c.events.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
        ["D1", "D2"]
    );
}

#[test]
fn turnaround_is_measured_from_the_persons_own_times() {
    let mut p = production();
    // Company wraps 23:30, but Maya is released at 19:00; her makeup call the
    // next day is 08:30 before a 10:00 crew call: 13 h 30 min of rest, fine.
    // Leo (IATSE, 10 h) wraps with the company and is called 09:00: 9 h 30 min.
    let mut d1 = event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 12, 0),
        la(2027, 3, 2, 23, 30),
        &["P1", "P2"],
    );
    d1.attendees[0].dismissal = Some(la(2027, 3, 2, 19, 0));
    let mut d2 = event(
        "D2",
        EventKind::ShootDay,
        la(2027, 3, 3, 10, 0),
        la(2027, 3, 3, 20, 0),
        &["P1", "P2"],
    );
    d2.attendees[0].makeup_call = Some(la(2027, 3, 3, 8, 30));
    d2.attendees[1].call = Some(la(2027, 3, 3, 9, 0));
    p.events.extend([d1, d2]);
    let found = p.conflicts();
    let turnaround = only(&found, ConflictKind::Turnaround);
    assert_eq!(turnaround.len(), 1, "{found:#?}");
    assert_eq!(
        turnaround[0].message,
        "Leo Park: 9 h 30 min rest between wrap 23:30 Tue and call 09:00 Wed; IATSE requires 10 h"
    );
    assert_eq!(
        turnaround[0].cost, None,
        "the IATSE pack defines no forced-call cost"
    );
}

#[test]
fn a_makeup_call_counts_as_the_call() {
    let mut p = production();
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 8, 0),
        la(2027, 3, 2, 20, 0),
        &["P1"],
    ));
    let mut d2 = event(
        "D2",
        EventKind::ShootDay,
        la(2027, 3, 3, 9, 0),
        la(2027, 3, 3, 19, 0),
        &["P1"],
    );
    d2.attendees[0].makeup_call = Some(la(2027, 3, 3, 7, 0));
    p.events.push(d2);
    let found = only(&p.conflicts(), ConflictKind::Turnaround)
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .message
            .contains("11 h rest between wrap 20:00 Tue and call 07:00 Wed"),
        "{}",
        found[0].message
    );
}

#[test]
fn rest_across_the_spring_dst_change_counts_real_hours() {
    let mut p = production();
    // Wrap 23:00 Saturday 13 March (PST); call 10:00 Sunday 14 March (PDT):
    // 11 h on the wall clock but only 10 h of real rest.
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 13, 12, 0),
        la(2027, 3, 13, 23, 0),
        &["P1"],
    ));
    p.events.push(event(
        "D2",
        EventKind::ShootDay,
        la(2027, 3, 14, 10, 0),
        la(2027, 3, 14, 18, 0),
        &["P1"],
    ));
    let found = p.conflicts();
    let t = only(&found, ConflictKind::Turnaround);
    assert_eq!(t.len(), 1, "{found:#?}");
    assert_eq!(
        t[0].message,
        "Maya Ortiz: 10 h rest between wrap 23:00 Sat and call 10:00 Sun; SAG-AFTRA requires 12 h"
    );
    assert_eq!((t[0].end - t[0].start).num_hours(), 10);
}

#[test]
fn overnight_shoots_belong_to_the_day_they_started() {
    let mut p = production();
    // Night shoot 18:00 Tue – 04:00 Wed, next call 17:00 Wed: 13 h rest, fine;
    // then 04:30 Thu wrap and 15:00 Thu call: 10 h 30 min, short.
    p.events.push(event(
        "N1",
        EventKind::ShootDay,
        la(2027, 3, 2, 18, 0),
        la(2027, 3, 3, 4, 0),
        &["P1"],
    ));
    p.events.push(event(
        "N2",
        EventKind::ShootDay,
        la(2027, 3, 3, 17, 0),
        la(2027, 3, 4, 4, 30),
        &["P1"],
    ));
    p.events.push(event(
        "N3",
        EventKind::ShootDay,
        la(2027, 3, 4, 15, 0),
        la(2027, 3, 4, 23, 0),
        &["P1"],
    ));
    let found = p.conflicts();
    let t = only(&found, ConflictKind::Turnaround);
    assert_eq!(t.len(), 1, "{found:#?}");
    assert_eq!(
        t[0].message,
        "Maya Ortiz: 10 h 30 min rest between wrap 04:30 Thu and call 15:00 Thu; SAG-AFTRA requires 12 h"
    );
}

#[test]
fn meal_penalty_buckets_25_35_50() {
    let mut p = production();
    // Call 07:00, lunch at 14:40: due by 13:00, 1 h 40 min late = 4 half-hours
    // ($25 + $35 + $50 + $50 = $160). Second meal due 21:10; wrap 20:00, fine.
    let mut day = event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 20, 0),
        &["P1"],
    );
    day.meals.push(MealBreak {
        start: la(2027, 3, 2, 14, 40),
        end: la(2027, 3, 2, 15, 10),
        non_deductible: false,
    });
    p.events.push(day);
    let found = p.conflicts();
    let meals = only(&found, ConflictKind::MealPenalty);
    assert_eq!(meals.len(), 1, "{found:#?}");
    assert_eq!(meals[0].cost.unwrap().to_string(), "160 USD");
    assert_eq!(
        meals[0].message,
        "Maya Ortiz: meal due by 13:00 but not taken until 14:40 Tue (1 h 40 min late, 4 half-hour penalties)"
    );
    assert_eq!(meals[0].severity, Severity::Warning);
}

#[test]
fn a_non_deductible_breakfast_restarts_the_meal_clock() {
    let mut p = production();
    // Call 07:00, NDB 07:30–07:45 restarts the clock: lunch due 13:45, taken 13:30.
    let mut day = event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 18, 0),
        &["P1"],
    );
    day.meals.push(MealBreak {
        start: la(2027, 3, 2, 7, 30),
        end: la(2027, 3, 2, 7, 45),
        non_deductible: true,
    });
    day.meals.push(MealBreak {
        start: la(2027, 3, 2, 13, 30),
        end: la(2027, 3, 2, 14, 0),
        non_deductible: false,
    });
    p.events.push(day.clone());
    assert!(only(&p.conflicts(), ConflictKind::MealPenalty).is_empty());
    // Without the breakfast the same lunch is 30 minutes late: one $25 penalty.
    day.meals.remove(0);
    p.events[0] = day;
    let found = p.conflicts();
    let meals = only(&found, ConflictKind::MealPenalty);
    assert_eq!(meals.len(), 1);
    assert_eq!(meals[0].cost.unwrap().to_string(), "25 USD");
}

#[test]
fn a_minor_still_working_at_22_30() {
    let mut p = production();
    // Ava is 9 on 2 March 2027: 9 h at the workplace; dismissed 22:30 before a school day.
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 14, 0),
        la(2027, 3, 2, 22, 30),
        &["P3"],
    ));
    let found = p.conflicts();
    let window = only(&found, ConflictKind::MinorClockWindow);
    assert_eq!(window.len(), 1, "{found:#?}");
    assert_eq!(
        window[0].message,
        "Ava Chen (age 9) is still working at 22:30 Tue; minors must be dismissed by 22:00 Tue"
    );
    assert_eq!(window[0].severity, Severity::Error);
    assert_eq!(
        (window[0].start, window[0].end),
        (la(2027, 3, 2, 22, 0), la(2027, 3, 2, 22, 30))
    );
    assert!(
        only(&found, ConflictKind::MinorHours).is_empty(),
        "8 h 30 min is within the 9 h limit"
    );
    // Before a non-school day (Friday night) 00:30 is allowed.
    p.events[0].start = la(2027, 3, 5, 14, 0);
    p.events[0].end = la(2027, 3, 5, 22, 30);
    assert!(only(&p.conflicts(), ConflictKind::MinorClockWindow).is_empty());
}

#[test]
fn a_minor_over_their_age_bands_hours() {
    let mut p = production();
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 8, 0),
        la(2027, 3, 2, 18, 0),
        &["P3"],
    ));
    let found = p.conflicts();
    let hours = only(&found, ConflictKind::MinorHours);
    assert_eq!(hours.len(), 1, "{found:#?}");
    assert_eq!(
        hours[0].message,
        "Ava Chen (age 9) is at the workplace 10 h on Tue 2 Mar; at that age the limit is 9 h"
    );
}

#[test]
fn a_camera_package_overbooked_by_one() {
    let mut p = production();
    let mut cams = Resource::new("CAM", "ARRI Alexa 35 package", ResourceKind::Equipment, 2);
    cams.prep_minutes = 60;
    cams.return_minutes = 30;
    p.resources.push(cams);
    let mut main = event(
        "MAIN",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 19, 0),
        &[],
    );
    main.resources.push(ResourceBooking {
        resource: "CAM".into(),
        quantity: 2,
    });
    let mut second = event(
        "SECOND",
        EventKind::ShootDay,
        la(2027, 3, 2, 19, 15),
        la(2027, 3, 2, 23, 0),
        &[],
    );
    second.location = Some("DINER".into());
    second.resources.push(ResourceBooking {
        resource: "CAM".into(),
        quantity: 1,
    });
    p.events.extend([main, second]);
    let found = p.conflicts();
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(c.kind, ConflictKind::ResourceOverbooked);
    // Main's return runs to 19:30; Second's prep starts 18:15.
    assert_eq!(
        (c.start, c.end),
        (la(2027, 3, 2, 18, 15), la(2027, 3, 2, 19, 30))
    );
    assert_eq!(
        c.message,
        "ARRI Alexa 35 package: 3 booked, 2 available 18:15–19:30 Tue 2 Mar (MAIN, SECOND)"
    );
    // As a hold, the same clash is a warning.
    p.events[1].status = BookingStatus::Hold;
    assert_eq!(p.conflicts()[0].severity, Severity::Warning);
    // Cancelled bookings are ignored.
    p.events[1].status = BookingStatus::Cancelled;
    assert!(p.conflicts().is_empty());
}

#[test]
fn a_scene_is_part_of_its_day_not_a_double_booking() {
    let mut p = production();
    let mut cams = Resource::new("CAM", "Camera", ResourceKind::Equipment, 1);
    cams.prep_minutes = 30;
    p.resources.push(cams);
    let mut day = event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 19, 0),
        &["P1", "P2"],
    );
    day.resources.push(ResourceBooking {
        resource: "CAM".into(),
        quantity: 1,
    });
    let mut scene = event(
        "S1",
        EventKind::Scene,
        la(2027, 3, 2, 9, 0),
        la(2027, 3, 2, 11, 0),
        &["P1"],
    );
    scene.parent = Some("D1".into());
    scene.resources.push(ResourceBooking {
        resource: "CAM".into(),
        quantity: 1,
    });
    p.events.extend([day, scene]);
    assert!(p.conflicts().is_empty(), "{:#?}", p.conflicts());
}

#[test]
fn travel_time_between_locations() {
    let mut p = production();
    p.travel_times.push(callsheet::TravelTime {
        from: "STAGE".into(),
        to: "DINER".into(),
        minutes: 60,
    });
    p.events.push(event(
        "F1",
        EventKind::Fitting,
        la(2027, 3, 2, 9, 0),
        la(2027, 3, 2, 10, 0),
        &["P1"],
    ));
    let mut rehearsal = event(
        "R1",
        EventKind::Rehearsal,
        la(2027, 3, 2, 10, 30),
        la(2027, 3, 2, 12, 0),
        &["P1"],
    );
    rehearsal.location = Some("DINER".into());
    p.events.push(rehearsal);
    let found = p.conflicts();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, ConflictKind::TravelTime);
    assert_eq!(
        found[0].message,
        "Maya Ortiz: 30 min from Stage 4 (released 10:00 Tue) to Rosie's Diner (called 10:30 Tue), 1 h needed"
    );
}

#[test]
fn travel_time_from_coordinates_when_no_table_entry() {
    let mut p = production();
    p.travel_speed_kmh = Some(30);
    p.locations[0].coordinates = Some(callsheet::Coordinates {
        lat: 34.1016,
        lon: -118.3267,
    });
    p.locations[1].coordinates = Some(callsheet::Coordinates {
        lat: 34.0522,
        lon: -118.2437,
    });
    p.events.push(event(
        "F1",
        EventKind::Fitting,
        la(2027, 3, 2, 9, 0),
        la(2027, 3, 2, 10, 0),
        &["P1"],
    ));
    let mut rehearsal = event(
        "R1",
        EventKind::Rehearsal,
        la(2027, 3, 2, 10, 15),
        la(2027, 3, 2, 12, 0),
        &["P1"],
    );
    rehearsal.location = Some("DINER".into());
    p.events.push(rehearsal);
    let found = p.conflicts();
    assert_eq!(found.len(), 1, "{found:#?}");
    // About 9.4 km at 30 km/h: 19 minutes (rounded up).
    assert!(
        found[0].message.ends_with("19 min needed"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_single_item_needs_time_to_move_between_locations() {
    let mut p = production();
    p.travel_times.push(callsheet::TravelTime {
        from: "STAGE".into(),
        to: "DINER".into(),
        minutes: 90,
    });
    let mut crane = Resource::new("CRANE", "Technocrane 30", ResourceKind::Equipment, 1);
    crane.return_minutes = 30;
    crane.prep_minutes = 30;
    p.resources.push(crane);
    let mut a = event(
        "A",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 12, 0),
        &[],
    );
    a.resources.push(ResourceBooking {
        resource: "CRANE".into(),
        quantity: 1,
    });
    let mut b = event(
        "B",
        EventKind::ShootDay,
        la(2027, 3, 2, 14, 0),
        la(2027, 3, 2, 19, 0),
        &[],
    );
    b.location = Some("DINER".into());
    b.resources.push(ResourceBooking {
        resource: "CRANE".into(),
        quantity: 1,
    });
    p.events.extend([a, b]);
    let found = p.conflicts();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, ConflictKind::TravelTime);
    assert_eq!(
        found[0].message,
        "Technocrane 30: 1 h from Stage 4 (free 12:30 Tue) to Rosie's Diner (needed 13:30 Tue), 1 h 30 min to move it"
    );
}

#[test]
fn a_company_move_between_scenes_needs_travel_time() {
    let mut p = production();
    p.travel_times.push(callsheet::TravelTime {
        from: "STAGE".into(),
        to: "DINER".into(),
        minutes: 90,
    });
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 19, 0),
        &["P1"],
    ));
    let mut c1 = event(
        "C1",
        EventKind::Scene,
        la(2027, 3, 2, 8, 0),
        la(2027, 3, 2, 10, 0),
        &["P1"],
    );
    c1.parent = Some("D1".into());
    let mut c2 = event(
        "C2",
        EventKind::Scene,
        la(2027, 3, 2, 10, 30),
        la(2027, 3, 2, 12, 0),
        &["P1"],
    );
    c2.parent = Some("D1".into());
    c2.location = Some("DINER".into());
    p.events.extend([c1, c2]);
    let found = p.conflicts();
    let travel = only(&found, ConflictKind::TravelTime);
    assert_eq!(travel.len(), 1, "{found:#?}");
    assert_eq!(
        travel[0]
            .events
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>(),
        ["C1", "C2"]
    );
}

#[test]
fn travel_into_a_scene_of_a_day_the_person_is_not_called_for() {
    let mut p = production();
    p.travel_times.push(callsheet::TravelTime {
        from: "STAGE".into(),
        to: "DINER".into(),
        minutes: 60,
    });
    let mut day = event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 19, 0),
        &["P2"],
    );
    day.location = Some("DINER".into());
    p.events.push(day);
    p.events.push(event(
        "F1",
        EventKind::Fitting,
        la(2027, 3, 2, 8, 0),
        la(2027, 3, 2, 9, 30),
        &["P1"],
    ));
    let mut scene = event(
        "S1",
        EventKind::Scene,
        la(2027, 3, 2, 10, 0),
        la(2027, 3, 2, 11, 0),
        &["P1"],
    );
    scene.parent = Some("D1".into());
    scene.location = None;
    p.events.push(scene);
    let found = p.conflicts();
    let travel = only(&found, ConflictKind::TravelTime);
    assert_eq!(travel.len(), 1, "{found:#?}");
    assert!(
        travel[0].message.contains("30 min from Stage 4"),
        "{}",
        travel[0].message
    );
}

#[test]
fn a_production_pack_version_takes_over_on_its_effective_date() {
    let mut p = production();
    let mut newer = callsheet::rules::builtin_packs()
        .into_iter()
        .find(|x| x.id.as_str() == "sag-aftra")
        .unwrap();
    newer.version = "2027".into();
    newer.effective_from = NaiveDate::from_ymd_opt(2027, 3, 3).unwrap();
    newer.params.turnaround_minutes = Some(13 * 60);
    p.rule_packs.push(newer);
    // 12 h 30 min of rest before Wed 3 Mar (old version: fine) and before
    // Thu 4 Mar (new version from 3 Mar requires 13 h).
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 1, 8, 0),
        la(2027, 3, 1, 20, 0),
        &["P1"],
    ));
    p.events.push(event(
        "D2",
        EventKind::ShootDay,
        la(2027, 3, 2, 8, 30),
        la(2027, 3, 2, 20, 0),
        &["P1"],
    ));
    p.events.push(event(
        "D3",
        EventKind::ShootDay,
        la(2027, 3, 3, 8, 30),
        la(2027, 3, 3, 20, 0),
        &["P1"],
    ));
    let found = p.conflicts();
    let t = only(&found, ConflictKind::Turnaround);
    assert_eq!(t.len(), 1, "{found:#?}");
    assert_eq!(t[0].rule.as_ref().unwrap().version, "2027");
    assert!(
        t[0].message.ends_with("SAG-AFTRA requires 13 h"),
        "{}",
        t[0].message
    );
}

#[test]
fn permit_hours_and_consecutive_days() {
    let mut p = production();
    p.locations[1].permits.push(PermitWindow {
        reference: "LA-2027-0142".into(),
        first_day: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        daily_start: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        daily_end: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
        max_consecutive_days: Some(2),
        application_lead_business_days: Some(3),
    });
    for (i, d) in [2, 3, 4].into_iter().enumerate() {
        let mut e = event(
            &format!("D{i}"),
            EventKind::ShootDay,
            la(2027, 3, d, 8, 0),
            la(2027, 3, d, 18, 0),
            &[],
        );
        e.location = Some("DINER".into());
        p.events.push(e);
    }
    p.events[0].end = la(2027, 3, 2, 23, 30);
    let found = p.conflicts();
    let outside = only(&found, ConflictKind::OutsidePermit);
    assert_eq!(outside.len(), 1, "{found:#?}");
    assert_eq!(
        outside[0].message,
        "Rosie's Diner: D0 is used 22:00–23:30 Tue 2 Mar outside its permit"
    );
    let days = only(&found, ConflictKind::PermitConsecutiveDays);
    assert_eq!(days.len(), 1);
    assert_eq!(
        days[0].message,
        "Rosie's Diner: day 3 in a row on Thu 4 Mar; the permit allows 2"
    );
}

#[test]
fn unavailability_and_holds() {
    let mut p = production();
    p.people[0].unavailable.push(callsheet::AvailabilityWindow {
        start: la(2027, 3, 2, 0, 0),
        end: la(2027, 3, 3, 0, 0),
        kind: callsheet::AvailabilityKind::Unavailable,
        note: "press junket".into(),
    });
    let mut fitting = event(
        "F1",
        EventKind::Fitting,
        la(2027, 3, 2, 15, 0),
        la(2027, 3, 2, 16, 0),
        &["P1"],
    );
    fitting.status = BookingStatus::Hold;
    p.events.push(fitting);
    let found = p.conflicts();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, ConflictKind::PersonUnavailable);
    assert_eq!(
        found[0].severity,
        Severity::Warning,
        "a hold is only a warning"
    );
    assert_eq!(
        found[0].message,
        "Maya Ortiz is unavailable 15:00–16:00 Tue 2 Mar (press junket) but called for F1"
    );
}

#[test]
fn overrides_replace_pack_parameters_per_department_and_person() {
    let mut p = production();
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 8, 0),
        la(2027, 3, 2, 22, 0),
        &["P2"],
    ));
    p.events.push(event(
        "D2",
        EventKind::ShootDay,
        la(2027, 3, 3, 7, 30),
        la(2027, 3, 3, 18, 0),
        &["P2"],
    ));
    assert_eq!(
        only(&p.conflicts(), ConflictKind::Turnaround).len(),
        1,
        "9 h 30 min < IATSE 10 h"
    );
    p.rule_overrides.push(callsheet::rules::RuleOverride {
        person: None,
        department: Some("Camera".into()),
        params: callsheet::rules::RuleParams {
            turnaround_minutes: Some(9 * 60),
            ..Default::default()
        },
    });
    assert!(p.validate().is_ok());
    assert!(
        only(&p.conflicts(), ConflictKind::Turnaround).is_empty(),
        "department override: 9 h"
    );
    p.rule_overrides.push(callsheet::rules::RuleOverride {
        person: Some("P2".into()),
        department: None,
        params: callsheet::rules::RuleParams {
            turnaround_minutes: Some(11 * 60),
            ..Default::default()
        },
    });
    let found = p.conflicts();
    let t = only(&found, ConflictKind::Turnaround);
    assert_eq!(t.len(), 1, "the person's override wins");
    assert!(
        t[0].message.ends_with("IATSE requires 11 h"),
        "{}",
        t[0].message
    );
}

#[test]
fn weekly_rest_after_a_fraturday() {
    let mut p = production();
    // Mon–Fri with Friday's night running to 03:00 Saturday, back Monday 07:00: 52 h < IATSE 54 h.
    for d in 1..=4 {
        p.events.push(event(
            &format!("W{d}"),
            EventKind::ShootDay,
            la(2027, 3, d, 7, 0),
            la(2027, 3, d, 18, 0),
            &["P2"],
        ));
    }
    p.events.push(event(
        "W5",
        EventKind::ShootDay,
        la(2027, 3, 5, 16, 0),
        la(2027, 3, 6, 3, 0),
        &["P2"],
    ));
    p.events.push(event(
        "W8",
        EventKind::ShootDay,
        la(2027, 3, 8, 7, 0),
        la(2027, 3, 8, 18, 0),
        &["P2"],
    ));
    let found = p.conflicts();
    let weekly = only(&found, ConflictKind::WeeklyRest);
    assert_eq!(weekly.len(), 1, "{found:#?}");
    assert_eq!(
        weekly[0].message,
        "Leo Park: weekly rest of 52 h (wrap 03:00 Sat to call 07:00 Mon); IATSE requires 54 h"
    );
}

#[test]
fn starting_on_a_sunday_after_time_off_is_not_a_weekly_rest_violation() {
    let mut p = production();
    p.events.push(event(
        "SUN",
        EventKind::ShootDay,
        la(2027, 3, 7, 8, 0),
        la(2027, 3, 7, 18, 0),
        &["P1"],
    ));
    p.events.push(event(
        "MON",
        EventKind::ShootDay,
        la(2027, 3, 8, 8, 0),
        la(2027, 3, 8, 18, 0),
        &["P1"],
    ));
    assert!(
        only(&p.conflicts(), ConflictKind::WeeklyRest).is_empty(),
        "{:#?}",
        p.conflicts()
    );
}

#[test]
fn sixth_and_seventh_consecutive_days_warn() {
    let mut p = production();
    for d in 1..=7 {
        p.events.push(event(
            &format!("W{d}"),
            EventKind::ShootDay,
            la(2027, 3, d, 8, 0),
            la(2027, 3, d, 18, 0),
            &["P1"],
        ));
    }
    let found = p.conflicts();
    let days = only(&found, ConflictKind::ConsecutiveDays);
    assert_eq!(
        days.iter().map(|c| c.message.as_str()).collect::<Vec<_>>(),
        [
            "Maya Ortiz: Sat 6 Mar is the 6th consecutive work day",
            "Maya Ortiz: Sun 7 Mar is the 7th consecutive work day",
        ]
    );
}

#[test]
fn check_event_reports_bad_references_with_paths() {
    let p = production();
    let schedule = Schedule::new(&p);
    let mut e = event(
        "X",
        EventKind::Meeting,
        la(2027, 3, 2, 9, 0),
        la(2027, 3, 2, 10, 0),
        &["P1", "P99"],
    );
    let err = schedule.check_event(&e).unwrap_err();
    assert_eq!(
        err.to_string(),
        "event.attendees[1].person: unknown person \"P99\""
    );
    e.attendees.pop();
    e.end = e.start;
    assert!(
        schedule
            .check_event(&e)
            .unwrap_err()
            .to_string()
            .starts_with("event: ends")
    );
}

#[test]
fn free_slots_for_a_production_meeting() {
    let mut p = production();
    // Maya shoots 07:00–12:00 on Tuesday 2 March; Leo is in a meeting 13:00–14:00.
    p.events.push(event(
        "D1",
        EventKind::ShootDay,
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 12, 0),
        &["P1"],
    ));
    p.events.push(event(
        "M0",
        EventKind::Meeting,
        la(2027, 3, 2, 13, 0),
        la(2027, 3, 2, 14, 0),
        &["P2"],
    ));
    let schedule = Schedule::new(&p);
    let mut request = SlotRequest::meeting(
        vec!["P1".into(), "P2".into()],
        60,
        la(2027, 3, 2, 8, 0),
        la(2027, 3, 3, 19, 0),
    );
    request.location = Some("DINER".into());
    request.count = 3;
    let slots = schedule.find_slots(&request).unwrap();
    let starts: Vec<_> = slots.iter().map(|s| s.start).collect();
    assert_eq!(
        starts,
        [
            la(2027, 3, 2, 12, 0),
            la(2027, 3, 2, 14, 0),
            la(2027, 3, 2, 15, 0)
        ]
    );
    // Every slot really is conflict-free.
    for slot in &slots {
        let mut e = event(
            "CHECK",
            EventKind::Meeting,
            slot.start,
            slot.end,
            &["P1", "P2"],
        );
        e.location = Some("DINER".into());
        assert!(schedule.check_event(&e).unwrap().is_empty());
    }
    request.people.push("NOBODY".into());
    assert_eq!(
        schedule.find_slots(&request).unwrap_err().to_string(),
        "request.people[2]: unknown person \"NOBODY\""
    );
}

#[test]
fn short_slots_follow_each_other_on_the_grid_and_holds_only_warn() {
    let mut p = production();
    let mut hold = event(
        "H1",
        EventKind::Fitting,
        la(2027, 3, 2, 8, 30),
        la(2027, 3, 2, 9, 30),
        &["P1"],
    );
    hold.status = BookingStatus::Hold;
    p.events.push(hold);
    let schedule = Schedule::new(&p);
    let mut request = SlotRequest::meeting(
        vec!["P1".into()],
        10,
        la(2027, 3, 2, 8, 0),
        la(2027, 3, 2, 19, 0),
    );
    request.count = 3;
    let starts = |r: &SlotRequest| -> Vec<_> {
        schedule
            .find_slots(r)
            .unwrap()
            .iter()
            .map(|s| s.start)
            .collect()
    };
    assert_eq!(
        starts(&request),
        [
            la(2027, 3, 2, 8, 0),
            la(2027, 3, 2, 8, 15),
            la(2027, 3, 2, 9, 30)
        ]
    );
    request.allow_warnings = true;
    assert_eq!(
        starts(&request),
        [
            la(2027, 3, 2, 8, 0),
            la(2027, 3, 2, 8, 15),
            la(2027, 3, 2, 8, 30)
        ]
    );
}

#[test]
fn the_sample_productions_seeded_problems_are_found_and_nothing_else() {
    let p = Production::load(sample_path()).unwrap();
    let found = p.conflicts();
    let summary: Vec<(ConflictKind, Severity, Vec<&str>)> = found
        .iter()
        .map(|c| {
            (
                c.kind,
                c.severity,
                c.subjects.iter().map(|s| s.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                ConflictKind::OutsidePermit,
                Severity::Error,
                vec!["LOC-HOUSE"]
            ),
            (ConflictKind::Turnaround, Severity::Error, vec!["C04"]),
            (
                ConflictKind::PersonDoubleBooked,
                Severity::Error,
                vec!["C20"]
            ),
            (
                ConflictKind::ResourceOverbooked,
                Severity::Error,
                vec!["RES-ALEXA35"]
            ),
        ],
        "{found:#?}"
    );
    let events = |i: usize| {
        found[i]
            .events
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(events(0), ["MU-D04"]);
    assert_eq!(events(2), ["FIT-C20-2", "MU-D12"]);
    assert_eq!(events(3), ["2U-D03", "MU-D13"]);
    // Incremental: every event of the sample, checked against the index, gives
    // exactly the full check's conflicts that involve it.
    let schedule = Schedule::new(&p);
    for e in &p.events {
        let expected: Vec<Conflict> = found
            .iter()
            .filter(|c| c.involves(&e.id))
            .cloned()
            .collect();
        assert_eq!(schedule.check_event(e).unwrap(), expected, "{}", e.id);
    }
}

//! Hand-worked equipment cases: availability timelines and serial-number
//! assignment, with buffers, cancellations, scenes inside shoot days and
//! unavailable windows.

use callsheet::logistics::equipment::{ShortfallReason, TimelineSegment};
use callsheet::logistics::{LogisticsError, assign_units, resource_timeline};
use callsheet::{
    AvailabilityKind, AvailabilityWindow, BookingStatus, Event, EventKind, Production, Resource,
    ResourceBooking, ResourceKind,
};
use chrono::{DateTime, Utc};

fn la(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    crate::common::los_angeles(y, m, d, h, min)
}

fn production() -> Production {
    Production::new(
        "Equipment",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    )
}

fn booking(id: &str, start: DateTime<Utc>, end: DateTime<Utc>, resource: &str, q: u32) -> Event {
    let mut e = Event::new(id, EventKind::ShootDay, start, end);
    e.resources.push(ResourceBooking {
        resource: resource.into(),
        quantity: q,
    });
    e
}

/// The camera package: two bodies with serials, an hour of prep at the
/// rental house and 30 minutes of check-in after each booking.
fn cameras() -> Production {
    let mut p = production();
    let mut cam = Resource::new("CAM", "Alexa 35 package", ResourceKind::Equipment, 2);
    cam.serials = vec!["A35-1021".into(), "A35-1187".into()];
    cam.prep_minutes = 60;
    cam.return_minutes = 30;
    p.resources.push(cam);
    // Main unit 07:00–19:00, second unit 10:00–16:00, a splinter unit
    // 14:00–18:00 the same day (Tuesday 2 March 2027).
    p.events.push(booking(
        "MAIN-D1",
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 19, 0),
        "CAM",
        1,
    ));
    p.events.push(booking(
        "2ND-D1",
        la(2027, 3, 2, 10, 0),
        la(2027, 3, 2, 16, 0),
        "CAM",
        1,
    ));
    p.events.push(booking(
        "SPL-D1",
        la(2027, 3, 2, 14, 0),
        la(2027, 3, 2, 18, 0),
        "CAM",
        1,
    ));
    p
}

fn span(s: &TimelineSegment) -> (DateTime<Utc>, DateTime<Utc>) {
    (s.start, s.end)
}

#[test]
fn two_cameras_three_overlapping_bookings_one_shortfall_at_the_exact_instant() {
    let p = cameras();
    let plan = assign_units(&p, &"CAM".into()).unwrap();
    let units: Vec<(&str, Vec<&str>)> = plan
        .bookings
        .iter()
        .map(|b| {
            (
                b.booking.event.as_str(),
                b.units.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        units,
        [
            ("MAIN-D1", vec!["A35-1021"]),
            ("2ND-D1", vec!["A35-1187"]),
            ("SPL-D1", vec![]),
        ]
    );
    assert_eq!(plan.units_used, ["A35-1021", "A35-1187"]);
    assert_eq!(plan.shortfalls.len(), 1);
    let short = &plan.shortfalls[0];
    assert_eq!(short.event.as_str(), "SPL-D1");
    // The splinter unit's prep starts at 13:00 local: both bodies are out.
    assert_eq!(short.at, la(2027, 3, 2, 13, 0));
    assert_eq!((short.needed, short.assigned, short.missing), (1, 0, 1));
    assert_eq!(short.reason, ShortfallReason::AllUnitsBusy);

    // The timeline agrees: over-allocated from 13:00 until the second
    // unit's body is checked back in at 16:30.
    let timeline = resource_timeline(&p, &"CAM".into()).unwrap();
    let spans: Vec<_> = timeline
        .segments
        .iter()
        .map(|s| (span(s), s.booked, s.available, s.over_allocated))
        .collect();
    assert_eq!(
        spans,
        [
            ((la(2027, 3, 2, 6, 0), la(2027, 3, 2, 9, 0)), 1, 1, 0),
            ((la(2027, 3, 2, 9, 0), la(2027, 3, 2, 13, 0)), 2, 0, 0),
            ((la(2027, 3, 2, 13, 0), la(2027, 3, 2, 16, 30)), 3, 0, 1),
            ((la(2027, 3, 2, 16, 30), la(2027, 3, 2, 18, 30)), 2, 0, 0),
            ((la(2027, 3, 2, 18, 30), la(2027, 3, 2, 19, 30)), 1, 1, 0),
        ]
    );
    let over: Vec<_> = timeline.over_allocated().collect();
    assert_eq!(over.len(), 1);
    let events: Vec<&str> = over[0].bookings.iter().map(|b| b.event.as_str()).collect();
    assert_eq!(events, ["MAIN-D1", "2ND-D1", "SPL-D1"]);
    assert_eq!(over[0].bookings[2].start, la(2027, 3, 2, 13, 0));
    assert_eq!(over[0].bookings[2].end, la(2027, 3, 2, 18, 30));
    assert_eq!(timeline.peak(), 3);
    assert_eq!(timeline.owned, 2);
    assert!(
        timeline
            .segments
            .iter()
            .all(|s| s.owned == 2 && s.usable == 2)
    );

    // The conflict engine reports the same interval.
    let conflicts = p.conflicts();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (conflicts[0].start, conflicts[0].end),
        (la(2027, 3, 2, 13, 0), la(2027, 3, 2, 16, 30))
    );
}

#[test]
fn a_returned_unit_goes_to_the_next_booking_and_touching_windows_do_not_overlap() {
    let mut p = cameras();
    // Day 2 starts when day 1's check-in ends (19:30 + 60 min prep = 20:30 start).
    p.events.push(booking(
        "NIGHT-D1",
        la(2027, 3, 2, 20, 30),
        la(2027, 3, 3, 4, 0),
        "CAM",
        2,
    ));
    let plan = assign_units(&p, &"CAM".into()).unwrap();
    let night = plan
        .bookings
        .iter()
        .find(|b| b.booking.event.as_str() == "NIGHT-D1")
        .unwrap();
    assert_eq!(night.units, ["A35-1021", "A35-1187"]);
    assert_eq!(night.booking.start, la(2027, 3, 2, 19, 30));
    assert_eq!(plan.shortfalls.len(), 1, "only the splinter unit's");
    let on_1021: Vec<&str> = plan
        .bookings_of("A35-1021")
        .map(|b| b.booking.event.as_str())
        .collect();
    assert_eq!(on_1021, ["MAIN-D1", "NIGHT-D1"]);
    // The timeline goes straight from MAIN-D1 to NIGHT-D1 at 19:30.
    let timeline = resource_timeline(&p, &"CAM".into()).unwrap();
    let last = timeline.segments.last().unwrap();
    assert_eq!(span(last), (la(2027, 3, 2, 19, 30), la(2027, 3, 3, 4, 30)));
    assert_eq!(last.booked, 2);
    assert_eq!(timeline.booked_at(la(2027, 3, 2, 19, 29)), 1);
    assert_eq!(timeline.booked_at(la(2027, 3, 3, 4, 30)), 0);
}

#[test]
fn cancelled_events_book_nothing_and_holds_count_but_are_not_confirmed() {
    let mut p = cameras();
    p.events[2].status = BookingStatus::Cancelled;
    p.events[1].status = BookingStatus::Hold;
    let plan = assign_units(&p, &"CAM".into()).unwrap();
    assert!(plan.shortfalls.is_empty());
    assert_eq!(plan.bookings.len(), 2);
    assert_eq!(plan.bookings[1].booking.status, BookingStatus::Hold);
    let timeline = resource_timeline(&p, &"CAM".into()).unwrap();
    let both = timeline.segment_at(la(2027, 3, 2, 12, 0)).unwrap();
    assert_eq!((both.booked, both.confirmed, both.available), (2, 1, 0));
    assert_eq!(timeline.peak(), 2);
}

#[test]
fn a_scene_books_only_what_its_shoot_day_does_not() {
    // 40 radios: the day books 30, a stunt scene inside it asks for 36.
    let mut p = production();
    let mut radios = Resource::new("RAD", "Motorola radios", ResourceKind::Equipment, 40);
    radios.serials = vec!["MT-0001".into(), "MT-0002".into()];
    p.resources.push(radios);
    p.events.push(booking(
        "D1",
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 19, 0),
        "RAD",
        30,
    ));
    let mut stunt = booking(
        "SC-42",
        la(2027, 3, 2, 13, 0),
        la(2027, 3, 2, 15, 0),
        "RAD",
        36,
    );
    stunt.kind = EventKind::Scene;
    stunt.parent = Some("D1".into());
    p.events.push(stunt);
    let timeline = resource_timeline(&p, &"RAD".into()).unwrap();
    let booked: Vec<(u32, u32)> = timeline
        .segments
        .iter()
        .map(|s| (s.booked, s.available))
        .collect();
    assert_eq!(booked, [(30, 10), (36, 4), (30, 10)]);
    let plan = assign_units(&p, &"RAD".into()).unwrap();
    assert!(plan.shortfalls.is_empty());
    assert_eq!(plan.bookings[0].units.len(), 30);
    assert_eq!(plan.bookings[0].units[..3], ["MT-0001", "MT-0002", "#3"]);
    assert_eq!(plan.bookings[1].booking.quantity, 6);
    assert_eq!(
        plan.bookings[1].units,
        ["#31", "#32", "#33", "#34", "#35", "#36"]
    );
    assert_eq!(plan.units_used.len(), 36);
    assert_eq!(plan.units_used[35], "#36");
}

#[test]
fn an_unavailable_window_makes_the_pool_unusable_and_its_bookings_unassigned() {
    let mut p = cameras();
    p.events.truncate(1); // MAIN-D1 only, 06:00–19:30 with buffers
    p.resources[0].unavailable.push(AvailabilityWindow {
        start: la(2027, 3, 2, 17, 0),
        end: la(2027, 3, 2, 23, 0),
        kind: AvailabilityKind::Unavailable,
        note: "sensor service".into(),
    });
    p.resources[0].unavailable.push(AvailabilityWindow {
        start: la(2027, 3, 3, 8, 0),
        end: la(2027, 3, 3, 12, 0),
        kind: AvailabilityKind::Tentative,
        note: "pencilled for a commercial".into(),
    });
    p.events.push(booking(
        "D2",
        la(2027, 3, 3, 13, 0),
        la(2027, 3, 3, 20, 0),
        "CAM",
        1,
    ));
    let timeline = resource_timeline(&p, &"CAM".into()).unwrap();
    let rows: Vec<_> = timeline
        .segments
        .iter()
        .map(|s| {
            (
                span(s),
                s.usable,
                s.unavailable,
                s.booked,
                s.available,
                s.over_allocated,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                (la(2027, 3, 2, 6, 0), la(2027, 3, 2, 17, 0)),
                2,
                None,
                1,
                1,
                0
            ),
            (
                (la(2027, 3, 2, 17, 0), la(2027, 3, 2, 19, 30)),
                0,
                Some(AvailabilityKind::Unavailable),
                1,
                0,
                1
            ),
            (
                (la(2027, 3, 2, 19, 30), la(2027, 3, 2, 23, 0)),
                0,
                Some(AvailabilityKind::Unavailable),
                0,
                0,
                0
            ),
            (
                (la(2027, 3, 2, 23, 0), la(2027, 3, 3, 8, 0)),
                2,
                None,
                0,
                2,
                0
            ),
            (
                (la(2027, 3, 3, 8, 0), la(2027, 3, 3, 12, 0)),
                0,
                Some(AvailabilityKind::Tentative),
                0,
                0,
                0
            ),
            (
                // D2's prep starts at 12:00, as the pencil ends.
                (la(2027, 3, 3, 12, 0), la(2027, 3, 3, 20, 30)),
                2,
                None,
                1,
                1,
                0
            ),
        ]
    );
    let plan = assign_units(&p, &"CAM".into()).unwrap();
    assert_eq!(plan.shortfalls.len(), 1);
    let short = &plan.shortfalls[0];
    assert_eq!(short.event.as_str(), "MAIN-D1");
    assert_eq!(short.at, la(2027, 3, 2, 17, 0));
    assert_eq!(
        short.reason,
        ShortfallReason::Unavailable(AvailabilityKind::Unavailable)
    );
    assert!(plan.bookings[0].units.is_empty());
    assert_eq!(plan.bookings[1].units, ["A35-1021"]);
}

#[test]
fn a_booking_larger_than_the_pool_gets_what_there_is() {
    let mut p = production();
    p.resources.push(Resource::new(
        "LED",
        "SkyPanel S60",
        ResourceKind::Equipment,
        4,
    ));
    p.events.push(booking(
        "D1",
        la(2027, 3, 2, 7, 0),
        la(2027, 3, 2, 19, 0),
        "LED",
        6,
    ));
    let plan = assign_units(&p, &"LED".into()).unwrap();
    assert_eq!(plan.bookings[0].units, ["#1", "#2", "#3", "#4"]);
    let short = &plan.shortfalls[0];
    assert_eq!((short.needed, short.assigned, short.missing), (6, 4, 2));
    assert_eq!(short.at, la(2027, 3, 2, 7, 0));
}

#[test]
fn unknown_resources_are_errors_with_a_path() {
    let p = cameras();
    let err = resource_timeline(&p, &"CAM-9".into()).unwrap_err();
    assert_eq!(
        err,
        LogisticsError::UnknownResource {
            path: "resource".into(),
            id: "CAM-9".into()
        }
    );
    assert_eq!(err.to_string(), r#"resource: unknown resource "CAM-9""#);
    let err = assign_units(&p, &"CAM-9".into()).unwrap_err();
    assert_eq!(err.problem().message, r#"unknown resource "CAM-9""#);
}

#[test]
fn a_resource_nobody_books_has_an_empty_timeline() {
    let mut p = cameras();
    p.resources.push(Resource::new(
        "DOLLY",
        "Fisher 10",
        ResourceKind::Equipment,
        1,
    ));
    let timeline = resource_timeline(&p, &"DOLLY".into()).unwrap();
    assert!(timeline.segments.is_empty());
    assert_eq!(timeline.booked_at(la(2027, 3, 2, 12, 0)), 0);
    let plan = assign_units(&p, &"DOLLY".into()).unwrap();
    assert!(plan.bookings.is_empty() && plan.units_used.is_empty());
}

#[test]
fn output_does_not_depend_on_event_order_and_round_trips_through_json() {
    let p = cameras();
    let mut reversed = p.clone();
    reversed.events.reverse();
    let a = resource_timeline(&p, &"CAM".into()).unwrap();
    let b = resource_timeline(&reversed, &"CAM".into()).unwrap();
    assert_eq!(a, b);
    let units = assign_units(&p, &"CAM".into()).unwrap();
    assert_eq!(units, assign_units(&reversed, &"CAM".into()).unwrap());
    let text = serde_json::to_string(&units).unwrap();
    assert_eq!(
        serde_json::from_str::<callsheet::logistics::equipment::UnitAssignment>(&text).unwrap(),
        units
    );
}

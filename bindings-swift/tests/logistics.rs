//! The logistics exports (transport plan, resource timelines, unit
//! assignment), called from Rust exactly as the foreign side calls them.

use std::path::PathBuf;
use std::sync::Arc;

use callsheet::logistics::transport::{Lodging, StopKind, TransportOptions};
use callsheet_ffi::{CallsheetError, Production};
use chrono::{Duration, NaiveDate};

fn sample() -> Arc<Production> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/sample-production.json");
    Production::load(path.display().to_string()).unwrap()
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 2, 22).unwrap()
}

#[test]
fn transport_for_the_first_shoot_day() {
    let p = sample();
    assert_eq!(p.shoot_dates().unwrap()[0], first_day());
    let plan = p
        .plan_transport(first_day(), TransportOptions::default())
        .unwrap();
    assert_eq!(plan.date, first_day());
    assert_eq!(plan.buffer_minutes, 15);
    assert!(!plan.runs.is_empty());
    assert!(!plan.driver_lists.is_empty());
    for (i, run) in plan.runs.iter().enumerate() {
        assert_eq!(run.number as usize, i + 1);
        let earliest = run.riders.iter().map(|r| r.call).min().unwrap();
        assert_eq!(run.arrive, earliest - Duration::minutes(15));
        assert_eq!(run.depart, run.stops[0].at);
        let (last, pickups) = run.stops.split_last().unwrap();
        assert_eq!(last.kind, StopKind::DropOff);
        assert_eq!(last.at, run.arrive);
        assert!(pickups.iter().all(|s| s.kind == StopKind::Pickup));
        for stop in &run.stops {
            assert_eq!(stop.zone.local(stop.at).naive_local(), stop.local);
            assert_eq!(stop.clock, stop.local.format("%H:%M").to_string());
        }
        for rider in &run.riders {
            assert!(
                rider.pickup <= rider.latest_pickup,
                "{}",
                rider.person.as_str()
            );
            assert!(last.people.contains(&rider.person));
        }
    }
    let riders: usize = plan.runs.iter().map(|r| r.riders.len()).sum();
    assert!(riders >= 20, "{riders} riders");
    let text = p
        .transport_text(first_day(), TransportOptions::default())
        .unwrap();
    assert!(text.starts_with(&format!(
        "== Transport 2027-02-22: {} runs, {riders} riders",
        plan.runs.len()
    )));
}

#[test]
fn transport_options_and_errors() {
    let p = sample();
    let options = TransportOptions {
        max_stops: 0,
        ..TransportOptions::default()
    };
    match p.plan_transport(first_day(), options) {
        Err(CallsheetError::Invalid { problems, .. }) => {
            assert_eq!(problems[0].path, "options.max_stops")
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let mut options = TransportOptions::default();
    options.lodging.push(Lodging {
        person: "NOBODY".into(),
        night: first_day().pred_opt().unwrap(),
        location: "LOC-OFFICE".into(),
    });
    match p.plan_transport(first_day(), options) {
        Err(CallsheetError::Invalid { problems, .. }) => {
            assert_eq!(problems[0].path, "options.lodging[0].person");
            assert!(problems[0].detail.contains("NOBODY"));
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    // A day without calls: an empty plan.
    let sunday = NaiveDate::from_ymd_opt(2027, 2, 21).unwrap();
    let plan = p
        .plan_transport(sunday, TransportOptions::default())
        .unwrap();
    assert!(plan.runs.is_empty());
}

#[test]
fn resource_timeline_and_units() {
    let p = sample();
    let timeline = p.resource_timeline("RES-ALEXA35".into()).unwrap();
    assert_eq!(timeline.owned, 2);
    assert!(!timeline.segments.is_empty());
    for pair in timeline.segments.windows(2) {
        assert!(pair[0].start < pair[0].end);
        assert!(pair[0].end <= pair[1].start);
    }
    for s in &timeline.segments {
        assert_eq!(s.available, s.usable.saturating_sub(s.booked));
        assert_eq!(s.over_allocated, s.booked.saturating_sub(s.usable));
        let booked: u32 = s.bookings.iter().map(|b| b.quantity).sum();
        assert_eq!(booked, s.booked);
    }
    let units = p.assign_units("RES-ALEXA35".into()).unwrap();
    assert_eq!(units.units_used, ["A35-10472", "A35-10519"]);
    assert!(!units.bookings.is_empty());
    for b in &units.bookings {
        assert!(b.units.len() as u32 <= b.booking.quantity);
    }
    let over = timeline
        .segments
        .iter()
        .filter(|s| s.over_allocated > 0)
        .count();
    assert_eq!(over > 0, !units.shortfalls.is_empty());
    for missing in &units.shortfalls {
        assert_eq!(missing.missing, missing.needed - missing.assigned);
    }
    for call in [
        p.resource_timeline("NOPE".into()).map(|_| ()),
        p.assign_units("NOPE".into()).map(|_| ()),
    ] {
        match call {
            Err(CallsheetError::Invalid { problems, .. }) => {
                assert_eq!(problems[0].path, "resource");
                assert_eq!(problems[0].detail, "unknown resource \"NOPE\"");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
    }
}

#[test]
fn rooms_for_the_new_mexico_shoot_and_transport_from_the_hotels() {
    use callsheet::logistics::rooming::RoomingOptions;
    let p = sample();
    let rooms = p.allocate_rooms(None).unwrap();
    assert_eq!((rooms.housed, rooms.unhoused.len()), (65, 0));
    assert_eq!(rooms.room_nights, 567);
    assert!(rooms.optimality.proven);
    assert_eq!(rooms.cost[0].to_string(), "103343.00 USD");
    assert_eq!(p.rooming_options().unwrap(), p.rooming_options().unwrap());
    assert!(p.rooming_options().unwrap().stay_last_night);
    // Default options instead of the production's: people go home after
    // their last day, so fewer room-nights.
    let plain = p.allocate_rooms(Some(RoomingOptions::default())).unwrap();
    assert!(plain.room_nights < rooms.room_nights);
    assert!(
        p.rooming_text(None)
            .unwrap()
            .starts_with("== Rooming: 65 stays housed")
    );
    // Everyone on the first New Mexico day is picked up at a hotel.
    let day = NaiveDate::from_ymd_opt(2027, 3, 16).unwrap();
    let options = TransportOptions {
        lodging: rooms.lodging.clone(),
        ..TransportOptions::default()
    };
    let plan = p.plan_transport(day, options).unwrap();
    assert!(plan.unassigned.is_empty());
    // Bad options name the item.
    let bad = RoomingOptions {
        location_hotels: vec![callsheet::logistics::rooming::LocationHotels {
            location: "LOC-RANCH".into(),
            hotels: vec!["HTL-NOWHERE".into()],
        }],
        ..RoomingOptions::default()
    };
    match p.allocate_rooms(Some(bad)) {
        Err(CallsheetError::Invalid { problems, .. }) => {
            assert_eq!(problems[0].path, "options.location_hotels[0].hotels[0]");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

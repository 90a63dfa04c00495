//! Hand-worked transport cases: pickup times, multi-stop runs, overnight
//! shoots, DST days, vehicles' seats, deadheads and drivers' hours, the
//! movement list, and validation of vehicle crews.

use callsheet::logistics::transport::{
    Lodging, NoPickupReason, StopKind, TransportOptions, TransportPlan, UnassignedReason,
};
use callsheet::logistics::{LogisticsError, VehicleCrew, plan_transport};
use callsheet::{
    Attendance, AvailabilityKind, AvailabilityWindow, Event, EventKind, Location, Person,
    PersonCategory, Production, Resource, ResourceKind, TravelTime,
};
use chrono::{DateTime, NaiveDate, Utc};

fn la(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    crate::common::los_angeles(y, m, d, h, min)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Locations around a Los Angeles set: two hotels on the freeway in, one
/// in the other direction, and the set.
fn production() -> Production {
    let zone: callsheet::IanaZone = "America/Los_Angeles".parse().unwrap();
    let mut p = Production::new("Night Diner", zone, "USD".parse().unwrap());
    for (id, name) in [
        ("HOTEL-A", "Pasadena Hilton"),
        ("HOTEL-B", "Glendale Hampton"),
        ("HOTEL-C", "Santa Monica Loews"),
        ("SET", "Rosie's Diner"),
        ("BASE", "Transport yard"),
    ] {
        p.locations.push(Location::new(id, name, zone));
    }
    for (from, to, minutes) in [
        ("HOTEL-A", "SET", 40),
        ("HOTEL-B", "SET", 25),
        ("HOTEL-A", "HOTEL-B", 15),
        ("HOTEL-C", "SET", 35),
        ("HOTEL-C", "HOTEL-A", 55),
        ("HOTEL-C", "HOTEL-B", 45),
        ("BASE", "SET", 10),
        ("BASE", "HOTEL-A", 35),
        ("BASE", "HOTEL-B", 20),
        ("BASE", "HOTEL-C", 30),
    ] {
        p.travel_times.push(TravelTime {
            from: from.into(),
            to: to.into(),
            minutes,
        });
    }
    p
}

fn person(p: &mut Production, id: &str, home: Option<&str>) {
    let mut x = Person::new(id, format!("Person {id}"), PersonCategory::Crew);
    x.home_base = home.map(Into::into);
    p.people.push(x);
}

fn van(p: &mut Production, id: &str, seats: u32, home: Option<&str>) {
    let mut v = Resource::new(id, format!("Van {id}"), ResourceKind::Vehicle, 1);
    v.seats = Some(seats);
    v.home = home.map(Into::into);
    p.resources.push(v);
}

/// A shoot day at SET with the given people called at the given times.
fn day(p: &mut Production, id: &str, start: DateTime<Utc>, calls: &[(&str, DateTime<Utc>)]) {
    let mut e = Event::new(
        id,
        EventKind::ShootDay,
        start,
        start + chrono::TimeDelta::hours(12),
    );
    e.location = Some("SET".into());
    for (who, call) in calls {
        let mut a = Attendance::new(*who);
        a.call = Some(*call);
        e.attendees.push(a);
    }
    p.events.push(e);
}

fn options(buffer: u32) -> TransportOptions {
    TransportOptions {
        buffer_minutes: buffer,
        ..TransportOptions::default()
    }
}

fn riders(plan: &TransportPlan, run: usize) -> Vec<&str> {
    plan.runs[run]
        .riders
        .iter()
        .map(|r| r.person.as_str())
        .collect()
}

/// The plan's own invariants, checked on every case.
fn check(p: &Production, plan: &TransportPlan) {
    for run in &plan.runs {
        let seats = p
            .resources
            .iter()
            .find(|r| r.id == run.vehicle)
            .and_then(|r| r.seats)
            .unwrap();
        assert!(
            run.riders.len() < seats as usize,
            "seats on run {}",
            run.number
        );
        for ride in &run.riders {
            assert!(
                run.arrive + chrono::TimeDelta::minutes(i64::from(plan.buffer_minutes))
                    <= ride.call
            );
            assert!(ride.pickup <= ride.latest_pickup);
        }
        assert_eq!(run.stops.last().unwrap().kind, StopKind::DropOff);
        assert_eq!(run.stops.last().unwrap().at, run.arrive);
        assert_eq!(run.stops[0].at, run.depart);
    }
}

#[test]
fn a_six_oclock_call_with_a_35_minute_drive_and_a_10_minute_buffer_leaves_at_05_15() {
    let mut p = production();
    person(&mut p, "P1", None);
    van(&mut p, "VAN1", 12, None);
    day(
        &mut p,
        "D1",
        la(2027, 3, 2, 6, 0),
        &[("P1", la(2027, 3, 2, 6, 0))],
    );
    // Hotel C is 35 minutes from set.
    let mut o = options(10);
    o.lodging.push(Lodging {
        person: "P1".into(),
        night: date(2027, 3, 1),
        location: "HOTEL-C".into(),
    });
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 1);
    let run = &plan.runs[0];
    assert_eq!(run.number, 1);
    assert_eq!(run.vehicle.as_str(), "VAN1");
    assert_eq!(run.unit, "#1");
    let pickup = &run.stops[0];
    assert_eq!(pickup.kind, StopKind::Pickup);
    assert_eq!(pickup.location.as_str(), "HOTEL-C");
    assert_eq!(pickup.at, la(2027, 3, 2, 5, 15));
    assert_eq!(pickup.clock, "05:15");
    assert_eq!(pickup.local.to_string(), "2027-03-02 05:15:00");
    assert_eq!(pickup.zone.name(), "America/Los_Angeles");
    assert_eq!(pickup.people[0].as_str(), "P1");
    let drop = &run.stops[1];
    assert_eq!(
        (drop.kind, drop.clock.as_str()),
        (StopKind::DropOff, "05:50")
    );
    let ride = &run.riders[0];
    assert_eq!(ride.pickup, la(2027, 3, 2, 5, 15));
    assert_eq!(ride.latest_pickup, la(2027, 3, 2, 5, 15));
    assert_eq!(ride.ride_minutes, 35);
    assert_eq!(ride.event.as_str(), "D1");
    // The driver's list for the van.
    assert_eq!(plan.driver_lists.len(), 1);
    let list = &plan.driver_lists[0];
    assert_eq!(list.runs, [1]);
    assert_eq!(list.driving_minutes, 35);
    assert_eq!(list.stops, run.stops);
    assert!(plan.unassigned.is_empty() && plan.no_pickup.is_empty());
}

#[test]
fn two_hotels_on_the_way_share_a_run_and_the_one_across_town_gets_its_own() {
    let mut p = production();
    for id in ["A1", "A2", "B1", "C1"] {
        person(&mut p, id, None);
    }
    van(&mut p, "VAN1", 12, None);
    van(&mut p, "VAN2", 12, None);
    // Everyone is called at 07:00; the buffer is 15 minutes, so the run
    // arrives at 06:45.
    day(
        &mut p,
        "D1",
        la(2027, 3, 2, 7, 0),
        &[
            ("A1", la(2027, 3, 2, 7, 0)),
            ("A2", la(2027, 3, 2, 7, 0)),
            ("B1", la(2027, 3, 2, 7, 0)),
            ("C1", la(2027, 3, 2, 7, 0)),
        ],
    );
    let mut o = options(15);
    o.stop_minutes = 5;
    for (who, hotel) in [
        ("A1", "HOTEL-A"),
        ("A2", "HOTEL-A"),
        ("B1", "HOTEL-B"),
        ("C1", "HOTEL-C"),
    ] {
        o.lodging.push(Lodging {
            person: who.into(),
            night: date(2027, 3, 1),
            location: hotel.into(),
        });
    }
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 2);
    // Hotel A at 06:00 (15 min to B, 5 min loading, 25 min to set), Hotel B
    // at 06:20, on set at 06:45.
    let ab = plan.run_of("A1").unwrap();
    let stops: Vec<(&str, &str)> = ab
        .stops
        .iter()
        .map(|s| (s.location.as_str(), s.clock.as_str()))
        .collect();
    assert_eq!(
        stops,
        [("HOTEL-A", "06:00"), ("HOTEL-B", "06:20"), ("SET", "06:45")]
    );
    assert_eq!(ab.stops[0].people.len(), 2);
    let a1 = ab
        .riders
        .iter()
        .find(|r| r.person.as_str() == "A1")
        .unwrap();
    assert_eq!(a1.ride_minutes, 45);
    assert_eq!(a1.latest_pickup, la(2027, 3, 2, 6, 5)); // direct: 40 min
    let c = plan.run_of("C1").unwrap();
    assert_ne!(c.number, ab.number);
    assert_eq!(c.stops[0].clock, "06:10");
    assert_eq!(c.riders.len(), 1);
    // Runs are numbered by departure.
    assert_eq!(plan.runs[0].depart, la(2027, 3, 2, 6, 0));
    assert_eq!(riders(&plan, 0), ["A1", "A2", "B1"]);

    // With one stop per run, Hotel B gets its own run too.
    o.max_stops = 1;
    van(&mut p, "VAN3", 12, None);
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 3);
    // And with a tight detour allowance (A's ride would be 5 minutes longer
    // than its direct 40), too.
    o.max_stops = 3;
    o.max_detour_minutes = 4;
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    assert_eq!(plan.runs.len(), 3);
}

#[test]
fn an_overnight_shoot_calls_past_midnight_belong_to_the_day_that_started_them() {
    let mut p = production();
    person(&mut p, "P1", Some("HOTEL-B"));
    person(&mut p, "P2", Some("HOTEL-B"));
    van(&mut p, "VAN1", 8, Some("BASE"));
    // A night shoot from 18:00 on Friday 5 March; P2 is only needed from
    // 00:45 on Saturday.
    day(
        &mut p,
        "NIGHT-5",
        la(2027, 3, 5, 18, 0),
        &[("P1", la(2027, 3, 5, 18, 0)), ("P2", la(2027, 3, 6, 0, 45))],
    );
    let plan = plan_transport(&p, date(2027, 3, 5), &options(15)).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 2);
    let late = plan.run_of("P2").unwrap();
    // 00:45 − 15 min buffer − 25 min drive = 00:05 on Saturday.
    assert_eq!(late.depart, la(2027, 3, 6, 0, 5));
    assert_eq!(late.stops[0].clock, "24:05");
    assert_eq!(late.stops[0].local.to_string(), "2027-03-06 00:05:00");
    assert_eq!(late.stops[1].clock, "24:30");
    // The van came back from set for it: 25 minutes of deadhead.
    assert_eq!(late.deadhead_minutes, 25);
    let early = plan.run_of("P1").unwrap();
    assert_eq!(early.stops[0].clock, "17:20");
    assert_eq!(early.deadhead_minutes, 20); // from the yard
    assert_eq!(plan.driver_lists[0].driving_minutes, 20 + 25 + 25 + 25);
    // Saturday's plan does not carry Friday's night shoot.
    let saturday = plan_transport(&p, date(2027, 3, 6), &options(15)).unwrap();
    assert!(saturday.runs.is_empty() && saturday.no_pickup.is_empty());
}

#[test]
fn on_the_spring_forward_day_the_pickup_is_worked_out_in_real_time() {
    let mut p = production();
    person(&mut p, "P1", Some("HOTEL-C"));
    van(&mut p, "VAN1", 8, None);
    // Sunday 14 March 2027: clocks go from 02:00 PST to 03:00 PDT. A 03:30
    // PDT call (10:30 UTC) with a 35-minute drive and a 10-minute buffer:
    // pickup 45 real minutes earlier, 09:45 UTC, which is 01:45 PST — not
    // the 02:45 that wall-clock subtraction gives (a time that does not
    // exist that night).
    day(
        &mut p,
        "D10",
        la(2027, 3, 14, 3, 30),
        &[("P1", la(2027, 3, 14, 3, 30))],
    );
    assert_eq!(
        la(2027, 3, 14, 3, 30).to_rfc3339(),
        "2027-03-14T10:30:00+00:00"
    );
    let plan = plan_transport(&p, date(2027, 3, 14), &options(10)).unwrap();
    check(&p, &plan);
    let pickup = &plan.runs[0].stops[0];
    assert_eq!(pickup.at.to_rfc3339(), "2027-03-14T09:45:00+00:00");
    assert_eq!(pickup.clock, "01:45");
    assert_eq!(plan.runs[0].stops[1].clock, "03:20");
    assert_eq!(plan.runs[0].riders[0].ride_minutes, 35);

    // In autumn the repeated hour: Sunday 7 November 2027, 01:00–02:00
    // happens twice. A 01:30 PST call (the second 01:30, 09:30 UTC) with a
    // 35 + 10 minute lead is picked up at 00:45 PST = 01:45 PDT, 08:45 UTC.
    let mut p = production();
    person(&mut p, "P1", Some("HOTEL-C"));
    van(&mut p, "VAN1", 8, None);
    let call: DateTime<Utc> = "2027-11-07T09:30:00Z".parse().unwrap();
    day(&mut p, "D11", call, &[("P1", call)]);
    let plan = plan_transport(&p, date(2027, 11, 7), &options(10)).unwrap();
    let pickup = &plan.runs[0].stops[0];
    assert_eq!(pickup.at.to_rfc3339(), "2027-11-07T08:45:00+00:00");
    assert_eq!(pickup.clock, "01:45");
    assert_eq!(
        plan.runs[0].stops[1].local.to_string(),
        "2027-11-07 01:20:00"
    );
}

#[test]
fn seats_exclude_the_drivers_and_a_full_fleet_leaves_riders_unassigned() {
    let mut p = production();
    let mut calls = Vec::new();
    for k in 0..9 {
        let id = format!("P{k}");
        person(&mut p, &id, Some("HOTEL-B"));
        calls.push(id);
    }
    // Two cars with 5 seats: 4 passengers each.
    van(&mut p, "CAR1", 5, None);
    van(&mut p, "CAR2", 5, None);
    let call = la(2027, 3, 2, 7, 0);
    let list: Vec<(&str, DateTime<Utc>)> = calls.iter().map(|c| (c.as_str(), call)).collect();
    day(&mut p, "D1", call, &list);
    let plan = plan_transport(&p, date(2027, 3, 2), &options(15)).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 2);
    assert!(plan.runs.iter().all(|r| r.riders.len() == 4));
    assert_eq!(riders(&plan, 0), ["P0", "P1", "P2", "P3"]);
    assert_eq!(riders(&plan, 1), ["P4", "P5", "P6", "P7"]);
    assert_eq!(plan.unassigned.len(), 1);
    assert_eq!(plan.unassigned[0].person.as_str(), "P8");
    assert_eq!(plan.unassigned[0].reason, UnassignedReason::NoVehicleFree);

    // A 12-seat van takes all nine in one run.
    van(&mut p, "VAN", 12, None);
    let plan = plan_transport(&p, date(2027, 3, 2), &options(15)).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 1);
    assert_eq!(plan.runs[0].vehicle.as_str(), "VAN");
    assert_eq!(plan.runs[0].riders.len(), 9);

    // Without a vehicle with a passenger seat, nobody rides.
    let mut p2 = p.clone();
    p2.resources.clear();
    let mut bike = Resource::new("BIKE", "Motorbike", ResourceKind::Vehicle, 1);
    bike.seats = Some(1);
    p2.resources.push(bike);
    let plan = plan_transport(&p2, date(2027, 3, 2), &options(15)).unwrap();
    assert_eq!(plan.unassigned.len(), 9);
    assert!(
        plan.unassigned
            .iter()
            .all(|u| u.reason == UnassignedReason::NoSeats)
    );
}

#[test]
fn a_van_returns_for_a_later_call_but_not_for_one_it_cannot_make() {
    let mut p = production();
    person(&mut p, "EARLY", Some("HOTEL-C"));
    person(&mut p, "LATER", Some("HOTEL-C"));
    person(&mut p, "TOO-SOON", Some("HOTEL-C"));
    van(&mut p, "VAN1", 8, Some("HOTEL-C"));
    day(
        &mut p,
        "D1",
        la(2027, 3, 2, 6, 0),
        &[
            ("EARLY", la(2027, 3, 2, 6, 0)),
            ("LATER", la(2027, 3, 2, 8, 0)),
        ],
    );
    let mut o = options(15);
    o.max_wait_minutes = 0;
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    let times: Vec<(&str, &str, u32)> = plan
        .runs
        .iter()
        .map(|r| {
            (
                r.stops[0].clock.as_str(),
                r.stops[1].clock.as_str(),
                r.deadhead_minutes,
            )
        })
        .collect();
    // 05:10 → 05:45; back to the hotel by 06:20; 07:10 → 07:45.
    assert_eq!(times, [("05:10", "05:45", 0), ("07:10", "07:45", 35)]);
    assert_eq!(plan.driver_lists[0].runs, [1, 2]);
    assert_eq!(plan.driver_lists[0].driving_minutes, 35 + 35 + 35);

    // A 06:45 call would need the van at the hotel at 05:55: it is still
    // on its way back (06:20).
    p.events[0].attendees.push({
        let mut a = Attendance::new("TOO-SOON");
        a.call = Some(la(2027, 3, 2, 6, 45));
        a
    });
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 2);
    assert_eq!(plan.unassigned.len(), 1);
    assert_eq!(plan.unassigned[0].person.as_str(), "TOO-SOON");
    assert_eq!(plan.unassigned[0].reason, UnassignedReason::NoVehicleFree);

    // With 45 minutes' wait allowed, TOO-SOON rides with EARLY instead.
    o.max_wait_minutes = 45;
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    assert!(plan.unassigned.is_empty());
    assert_eq!(riders(&plan, 0), ["EARLY", "TOO-SOON"]);
}

#[test]
fn drivers_hours_unavailability_and_the_driver_is_not_a_rider() {
    let mut p = production();
    person(&mut p, "EARLY", Some("HOTEL-C"));
    person(&mut p, "LATER", Some("HOTEL-C"));
    person(&mut p, "DRV", Some("BASE"));
    van(&mut p, "VAN1", 8, Some("HOTEL-C"));
    p.logistics.vehicles.push(VehicleCrew {
        vehicle: "VAN1".into(),
        unit: None,
        driver: Some("DRV".into()),
        max_driving_minutes: Some(90),
    });
    day(
        &mut p,
        "D1",
        la(2027, 3, 2, 6, 0),
        &[
            ("EARLY", la(2027, 3, 2, 6, 0)),
            ("LATER", la(2027, 3, 2, 8, 0)),
            ("DRV", la(2027, 3, 2, 5, 0)),
        ],
    );
    assert!(p.validate().is_ok());
    let mut o = options(15);
    o.max_wait_minutes = 0;
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    // 35 minutes for the first run; the second needs 35 + 35 more: over 90.
    assert_eq!(plan.runs.len(), 1);
    assert_eq!(plan.runs[0].driver.as_ref().unwrap().as_str(), "DRV");
    assert_eq!(
        plan.driver_lists[0].driver.as_ref().unwrap().as_str(),
        "DRV"
    );
    assert_eq!(plan.unassigned[0].person.as_str(), "LATER");
    assert!(plan.run_of("DRV").is_none());
    assert!(plan.no_pickup.is_empty() && plan.unassigned.len() == 1);

    // With the default limit (600 minutes) both runs fit.
    p.logistics.vehicles[0].max_driving_minutes = None;
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    assert_eq!(plan.runs.len(), 2);

    // The driver is off until 07:00: only the later run.
    p.people[2].unavailable.push(AvailabilityWindow {
        start: la(2027, 3, 2, 0, 0),
        end: la(2027, 3, 2, 7, 0),
        kind: AvailabilityKind::Unavailable,
        note: "rest".into(),
    });
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    assert_eq!(plan.runs.len(), 1);
    assert_eq!(riders(&plan, 0), ["LATER"]);

    // The van is in the shop all morning: nobody.
    p.people[2].unavailable.clear();
    p.resources[0].unavailable.push(AvailabilityWindow {
        start: la(2027, 3, 2, 4, 0),
        end: la(2027, 3, 2, 12, 0),
        kind: AvailabilityKind::Unavailable,
        note: "service".into(),
    });
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    assert!(plan.runs.is_empty());
    assert_eq!(plan.unassigned.len(), 2);
}

#[test]
fn a_vehicle_booked_by_an_event_is_not_free_for_pickups() {
    let mut p = production();
    person(&mut p, "P1", Some("HOTEL-C"));
    van(&mut p, "VAN1", 8, None);
    day(
        &mut p,
        "D1",
        la(2027, 3, 2, 6, 0),
        &[("P1", la(2027, 3, 2, 6, 0))],
    );
    let mut recce = Event::new(
        "RECCE",
        EventKind::Meeting,
        la(2027, 3, 2, 4, 0),
        la(2027, 3, 2, 9, 0),
    );
    recce.resources.push(callsheet::ResourceBooking {
        resource: "VAN1".into(),
        quantity: 1,
    });
    p.events.push(recce);
    let plan = plan_transport(&p, date(2027, 3, 2), &options(15)).unwrap();
    assert!(plan.runs.is_empty());
    assert_eq!(plan.unassigned[0].reason, UnassignedReason::NoVehicleFree);
}

#[test]
fn people_without_a_pickup_are_listed_with_the_reason() {
    let mut p = production();
    person(&mut p, "NOWHERE", None);
    person(&mut p, "ON-SET", Some("SET"));
    person(&mut p, "FAR", Some("FAR-AWAY"));
    person(&mut p, "MEET", Some("HOTEL-A"));
    p.locations.push(Location::new(
        "FAR-AWAY",
        "Somewhere without coordinates",
        "America/Los_Angeles".parse().unwrap(),
    ));
    van(&mut p, "VAN1", 8, None);
    day(
        &mut p,
        "D1",
        la(2027, 3, 2, 6, 0),
        &[
            ("NOWHERE", la(2027, 3, 2, 6, 0)),
            ("ON-SET", la(2027, 3, 2, 6, 0)),
            ("FAR", la(2027, 3, 2, 6, 0)),
        ],
    );
    let mut meeting = Event::new(
        "PREP-MTG",
        EventKind::Meeting,
        la(2027, 3, 2, 9, 0),
        la(2027, 3, 2, 10, 0),
    );
    meeting.attendees.push(Attendance::new("MEET"));
    p.events.push(meeting);
    let plan = plan_transport(&p, date(2027, 3, 2), &options(15)).unwrap();
    let no: Vec<(&str, NoPickupReason)> = plan
        .no_pickup
        .iter()
        .map(|n| (n.person.as_str(), n.reason))
        .collect();
    assert_eq!(
        no,
        [
            ("NOWHERE", NoPickupReason::UnknownOrigin),
            ("ON-SET", NoPickupReason::AlreadyThere),
            ("MEET", NoPickupReason::UnknownDestination),
        ]
    );
    assert_eq!(plan.unassigned.len(), 1);
    assert_eq!(plan.unassigned[0].person.as_str(), "FAR");
    assert_eq!(plan.unassigned[0].reason, UnassignedReason::NoTravelTime);
    assert_eq!(plan.unassigned[0].origin.as_str(), "FAR-AWAY");
}

#[test]
fn lodging_overrides_the_home_base_and_the_first_call_of_the_day_counts() {
    let mut p = production();
    person(&mut p, "P1", Some("HOTEL-A"));
    van(&mut p, "VAN1", 8, None);
    // A fitting at 05:00 at set comes before the 07:00 crew call.
    day(
        &mut p,
        "D1",
        la(2027, 3, 2, 7, 0),
        &[("P1", la(2027, 3, 2, 7, 0))],
    );
    let mut fitting = Event::new(
        "FIT",
        EventKind::Fitting,
        la(2027, 3, 2, 5, 0),
        la(2027, 3, 2, 6, 0),
    );
    fitting.location = Some("SET".into());
    fitting.attendees.push(Attendance::new("P1"));
    p.events.push(fitting);
    let mut o = options(15);
    // Slept at Hotel B the night before; Hotel C the night after (ignored).
    o.lodging.push(Lodging {
        person: "P1".into(),
        night: date(2027, 3, 1),
        location: "HOTEL-B".into(),
    });
    o.lodging.push(Lodging {
        person: "P1".into(),
        night: date(2027, 3, 2),
        location: "HOTEL-C".into(),
    });
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    let ride = &plan.runs[0].riders[0];
    assert_eq!(ride.event.as_str(), "FIT");
    assert_eq!(ride.origin.as_str(), "HOTEL-B");
    assert_eq!(ride.pickup, la(2027, 3, 2, 4, 20));
}

#[test]
fn the_movement_list_of_a_travel_day() {
    let mut p = production();
    let santa_fe: callsheet::IanaZone = "America/Denver".parse().unwrap();
    p.locations
        .push(Location::new("SF-HOTEL", "Hotel Santa Fe", santa_fe));
    person(&mut p, "C01", Some("HOTEL-A"));
    person(&mut p, "C02", None);
    let mut trip = Event::new(
        "TRV-OUT",
        EventKind::Travel,
        "2027-03-15T17:15:00Z".parse().unwrap(),
        "2027-03-15T20:35:00Z".parse().unwrap(),
    );
    trip.title = "Company travel: Los Angeles to Santa Fe".into();
    trip.notes = "Southwest 1234 LAX 10:15 - SAF 13:35".into();
    trip.attendees.push(Attendance::new("C02"));
    let mut c01 = Attendance::new("C01");
    c01.note = "wheelchair assistance".into();
    trip.attendees.push(c01);
    p.events.push(trip);
    let mut o = options(15);
    for who in ["C01", "C02"] {
        o.lodging.push(Lodging {
            person: who.into(),
            night: date(2027, 3, 15),
            location: "SF-HOTEL".into(),
        });
    }
    let plan = plan_transport(&p, date(2027, 3, 15), &o).unwrap();
    assert!(plan.runs.is_empty() && plan.no_pickup.is_empty());
    assert_eq!(plan.movements.len(), 2);
    let m = &plan.movements[0];
    assert_eq!(m.person.as_str(), "C01");
    assert_eq!(m.from.as_ref().unwrap().as_str(), "HOTEL-A");
    assert_eq!(m.to.as_ref().unwrap().as_str(), "SF-HOTEL");
    assert_eq!(m.depart_local.to_string(), "2027-03-15 10:15:00");
    assert_eq!(m.depart_zone.name(), "America/Los_Angeles");
    assert_eq!(m.arrive_local.to_string(), "2027-03-15 14:35:00");
    assert_eq!(m.arrive_zone.name(), "America/Denver");
    assert_eq!(
        m.notes,
        "Southwest 1234 LAX 10:15 - SAF 13:35; wheelchair assistance"
    );
    let m = &plan.movements[1];
    assert_eq!(m.person.as_str(), "C02");
    assert_eq!(m.from, None);
    assert_eq!(m.depart_zone.name(), "America/Los_Angeles");
    // Nobody travels the next day.
    let next = plan_transport(&p, date(2027, 3, 16), &o).unwrap();
    assert!(next.movements.is_empty());
}

#[test]
fn bad_options_and_crews_are_errors_with_paths() {
    let mut p = production();
    person(&mut p, "P1", Some("HOTEL-A"));
    van(&mut p, "VAN1", 8, None);
    let d = date(2027, 3, 2);
    let mut o = options(15);
    o.lodging.push(Lodging {
        person: "P9".into(),
        night: d,
        location: "HOTEL-A".into(),
    });
    let err = plan_transport(&p, d, &o).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"options.lodging[0].person: unknown person "P9""#
    );
    o.lodging[0].person = "P1".into();
    o.lodging[0].location = "HOTEL-Z".into();
    let err = plan_transport(&p, d, &o).unwrap_err();
    assert_eq!(
        err,
        LogisticsError::UnknownLocation {
            path: "options.lodging[0].location".into(),
            id: "HOTEL-Z".into()
        }
    );
    o.lodging[0].location = "HOTEL-A".into();
    o.lodging.push(o.lodging[0].clone());
    let err = plan_transport(&p, d, &o).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"options.lodging[1]: "P1" already has lodging for the night of 2027-03-02 (options.lodging[0])"#
    );
    o.lodging.pop();
    o.max_stops = 0;
    assert_eq!(
        plan_transport(&p, d, &o).unwrap_err().to_string(),
        "options.max_stops: must be at least 1"
    );
    o.max_stops = 3;

    p.logistics.vehicles.push(VehicleCrew {
        vehicle: "VAN9".into(),
        unit: None,
        driver: None,
        max_driving_minutes: None,
    });
    assert_eq!(
        plan_transport(&p, d, &o).unwrap_err().to_string(),
        r#"logistics.vehicles[0].vehicle: unknown resource "VAN9""#
    );
}

#[test]
fn validation_reports_every_crew_problem_with_its_path() {
    let mut p = production();
    person(&mut p, "DRV", None);
    van(&mut p, "VAN1", 8, None);
    let mut pool = Resource::new("VANS", "Sprinter pool", ResourceKind::Vehicle, 3);
    pool.seats = Some(15);
    pool.serials = vec!["7ABC123".into()];
    p.resources.push(pool);
    p.resources
        .push(Resource::new("CAM", "Camera", ResourceKind::Equipment, 1));
    let crew =
        |vehicle: &str, unit: Option<&str>, driver: Option<&str>, max: Option<u32>| VehicleCrew {
            vehicle: vehicle.into(),
            unit: unit.map(Into::into),
            driver: driver.map(Into::into),
            max_driving_minutes: max,
        };
    p.logistics.vehicles = vec![
        crew("VAN1", None, Some("DRV"), Some(600)),
        crew("VANS", None, Some("DRV"), None),
        crew("VANS", Some("#4"), None, None),
        crew("CAM", None, None, Some(0)),
        crew("VAN1", None, Some("NOBODY"), None),
        crew("VANS", Some("7ABC123"), None, None),
        crew("VANS", Some("#2"), None, None),
    ];
    let problems: Vec<String> = p
        .validate()
        .unwrap_err()
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            r#"logistics.vehicles[1].unit: vehicle "VANS" has 3 units: name the one this driver drives"#,
            r#"logistics.vehicles[1].driver: "DRV" already drives logistics.vehicles[0]"#,
            r##"logistics.vehicles[2].unit: vehicle "VANS" has no unit "#4" (units are named by serial number, else #1 to #3)"##,
            r#"logistics.vehicles[3].vehicle: "CAM" is not a vehicle (its kind is equipment)"#,
            "logistics.vehicles[3].max_driving_minutes: must be at least 1",
            "logistics.vehicles[4]: duplicate crew entry (first: logistics.vehicles[0])",
            r#"logistics.vehicles[4].driver: unknown person "NOBODY""#,
        ]
    );
}

#[test]
fn crews_round_trip_through_the_production_file() {
    let mut p = production();
    person(&mut p, "DRV", None);
    van(&mut p, "VAN1", 8, Some("BASE"));
    p.logistics.vehicles.push(VehicleCrew {
        vehicle: "VAN1".into(),
        unit: None,
        driver: Some("DRV".into()),
        max_driving_minutes: Some(540),
    });
    let text = p.to_json();
    assert!(text.contains(r#""max_driving_minutes": 540"#));
    let back = Production::from_json(&text).unwrap();
    assert_eq!(back, p);
    let bad = text.replace(r#""max_driving_minutes": 540"#, r#""max_driving_hours": 9"#);
    let err = Production::from_json(&bad).unwrap_err();
    assert!(err.to_string().contains("logistics.vehicles[0]"), "{err}");
}

#[test]
fn the_plan_is_deterministic_and_independent_of_event_order() {
    let mut p = production();
    let hotels = ["HOTEL-A", "HOTEL-B", "HOTEL-C"];
    let mut calls = Vec::new();
    for k in 0..24 {
        let id = format!("P{k:02}");
        person(&mut p, &id, Some(hotels[k % 3]));
        calls.push((
            id,
            la(2027, 3, 2, 6, 0) + chrono::TimeDelta::minutes(15 * (k as i64 % 5)),
        ));
    }
    van(&mut p, "VAN1", 8, Some("BASE"));
    van(&mut p, "VAN2", 8, Some("BASE"));
    van(&mut p, "CAR1", 4, Some("BASE"));
    for (k, chunk) in calls.chunks(6).enumerate() {
        let list: Vec<(&str, DateTime<Utc>)> =
            chunk.iter().map(|(i, c)| (i.as_str(), *c)).collect();
        day(&mut p, &format!("D{k}"), la(2027, 3, 2, 6, 0), &list);
    }
    let o = options(15);
    let plan = plan_transport(&p, date(2027, 3, 2), &o).unwrap();
    check(&p, &plan);
    assert_eq!(plan, plan_transport(&p, date(2027, 3, 2), &o).unwrap());
    let mut reversed = p.clone();
    reversed.events.reverse();
    assert_eq!(
        plan,
        plan_transport(&reversed, date(2027, 3, 2), &o).unwrap()
    );
    let placed: usize = plan.runs.iter().map(|r| r.riders.len()).sum();
    assert_eq!(placed + plan.unassigned.len(), 24);
}

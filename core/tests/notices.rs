//! Change notices: hand-worked cases and the "notice iff your commitments
//! changed" property.

use std::collections::{BTreeMap, BTreeSet};

use callsheet::comms::{ChangeKind, RevisionColours, change_notices};
use callsheet::{
    Attendance, BookingStatus, Event, EventKind, Location, Person, PersonCategory, Production,
};
use chrono::{DateTime, Utc};
use proptest::prelude::*;

use crate::common::arb_schedule;

fn la(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    crate::common::los_angeles(2027, 3, d, h, m)
}

fn base() -> Production {
    let mut p = Production::new(
        "Notices",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    );
    for (id, name) in [("P1", "Maya Ortiz"), ("P2", "Leo Park"), ("P3", "Ava Chen")] {
        let mut person = Person::new(id, name, PersonCategory::Cast);
        person.contact.email = Some(format!("{}@example.com", id.to_lowercase()));
        p.people.push(person);
    }
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
    for (id, d) in [("D1", 2), ("D2", 3)] {
        let mut e = Event::new(id, EventKind::ShootDay, la(d, 7, 0), la(d, 19, 0));
        e.title = format!("Day {}", d - 1);
        e.location = Some("STAGE".into());
        e.attendees = vec![Attendance::new("P1"), Attendance::new("P2")];
        p.events.push(e);
    }
    p
}

#[test]
fn only_the_people_affected_get_notices_and_exactly_their_changes() {
    let old = base();
    let mut new = old.clone();
    // Day 2 moves to the diner and Maya's call moves to 08:30; Ava is added to it.
    new.events[1].location = Some("DINER".into());
    new.events[1].attendees[0].call = Some(la(3, 8, 30));
    new.events[1].attendees.push(Attendance::new("P3"));
    let notices = change_notices(&old, &new, "Blue");
    let by_person: BTreeMap<&str, Vec<&str>> = notices
        .iter()
        .map(|n| {
            (
                n.person.as_str(),
                n.changes.iter().map(|c| c.message.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        by_person,
        BTreeMap::from([
            (
                "P1",
                vec![
                    "Day 2: call moved from 07:00 Wed 3 Mar to 08:30 Wed 3 Mar",
                    "Day 2: location changed from Stage 4 to Rosie's Diner",
                ]
            ),
            (
                "P2",
                vec!["Day 2: location changed from Stage 4 to Rosie's Diner"]
            ),
            (
                "P3",
                vec!["Day 2: added, call 07:00 Wed 3 Mar at Rosie's Diner"]
            ),
        ])
    );
    assert!(notices.iter().all(|n| n.revision == "Blue"));
    assert_eq!(notices[0].email.as_deref(), Some("p1@example.com"));
    assert!(
        notices[0]
            .to_text()
            .starts_with("Maya Ortiz — schedule changes (Blue revision)\n- Day 2: call moved")
    );
}

#[test]
fn removals_cancellations_and_day_moves() {
    let old = base();
    let mut new = old.clone();
    new.events[0].status = BookingStatus::Cancelled;
    new.events[1]
        .attendees
        .retain(|a| a.person.as_str() != "P2");
    new.events[1].start = la(4, 7, 0);
    new.events[1].end = la(4, 19, 0);
    let notices = change_notices(&old, &new, "Pink");
    let kinds: BTreeMap<&str, Vec<ChangeKind>> = notices
        .iter()
        .map(|n| {
            (
                n.person.as_str(),
                n.changes.iter().map(|c| c.kind).collect(),
            )
        })
        .collect();
    assert_eq!(
        kinds["P1"],
        [
            ChangeKind::StatusChanged,
            ChangeKind::DayMoved,
            ChangeKind::CallMoved,
            ChangeKind::DismissalMoved
        ]
    );
    assert_eq!(
        kinds["P2"],
        [ChangeKind::StatusChanged, ChangeKind::Removed]
    );
    assert_eq!(
        notices[0].changes[0].message,
        "Day 1: now cancelled (was confirmed)"
    );
    assert_eq!(
        notices[0].changes[1].message,
        "Day 2: moved from Wed 3 Mar to Thu 4 Mar"
    );
}

#[test]
fn new_conflicts_are_attached_to_the_people_they_involve() {
    let old = base();
    let mut new = old.clone();
    // A fitting for Maya during Day 1: she is now double-booked.
    let mut fitting = Event::new("F1", EventKind::Fitting, la(2, 9, 0), la(2, 10, 0));
    fitting.title = "Costume fitting".into();
    fitting.attendees.push(Attendance::new("P1"));
    new.events.push(fitting);
    let notices = change_notices(&old, &new, "Blue");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].new_conflicts.len(), 1);
    assert!(
        notices[0].new_conflicts[0]
            .message
            .contains("double-booked")
    );
}

#[test]
fn no_change_no_notice() {
    let p = base();
    assert!(change_notices(&p, &p, "White").is_empty());
}

#[test]
fn revision_colours_are_configurable() {
    let custom = RevisionColours(vec!["White".into(), "Blue".into()]);
    assert_eq!(custom.name(2), "Double White");
    assert_eq!(custom.name(5), "Triple Blue");
}

type Projection = BTreeMap<String, BTreeSet<(String, i64, i64, Option<String>, BookingStatus)>>;

/// Each person's commitments as the oracle sees them.
fn projection(p: &Production) -> Projection {
    let mut out: Projection = BTreeMap::new();
    for e in &p.events {
        let parent = e
            .parent
            .as_ref()
            .and_then(|id| p.events.iter().find(|x| &x.id == id));
        let location = e
            .location
            .clone()
            .or_else(|| parent.and_then(|x| x.location.clone()));
        for a in &e.attendees {
            out.entry(a.person.to_string()).or_default().insert((
                e.id.to_string(),
                a.report(e).timestamp(),
                a.release(e).timestamp(),
                location.as_ref().map(ToString::to_string),
                e.status,
            ));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_person_gets_a_notice_iff_their_commitments_changed(
        old in arb_schedule(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..5, -8i64..8), 1..4),
    ) {
        let mut new = old.clone();
        for (pick, what, shift) in edits {
            // Only events nobody hangs from (moving a shoot day alone would drag
            // its scenes' work-day grouping along without changing them).
            let leaves: Vec<usize> = (0..new.events.len())
                .filter(|&i| !new.events.iter().any(|e| e.parent.as_ref() == Some(&new.events[i].id)))
                .collect();
            if leaves.is_empty() {
                continue;
            }
            let e = &mut new.events[leaves[pick.index(leaves.len())]];
            match what {
                0 => {
                    let d = chrono::TimeDelta::minutes(shift * 30);
                    e.start += d;
                    e.end += d;
                    for a in &mut e.attendees {
                        a.makeup_call = a.makeup_call.map(|t| t + d);
                    }
                    for m in &mut e.meals {
                        m.start += d;
                        m.end += d;
                    }
                }
                1 => e.status = if e.status == BookingStatus::Confirmed { BookingStatus::Hold } else { BookingStatus::Confirmed },
                2 => { e.attendees.pop(); }
                3 => {
                    let who = format!("P{}", shift.rem_euclid(4));
                    if !e.attendees.iter().any(|a| a.person.as_str() == who) {
                        e.attendees.push(Attendance::new(who));
                    }
                }
                _ => e.location = if e.location.is_some() { None } else { Some("L1".into()) },
            }
        }
        prop_assume!(new.validate().is_ok());
        let (before, after) = (projection(&old), projection(&new));
        let expected: BTreeSet<String> = before
            .keys()
            .chain(after.keys())
            .filter(|p| before.get(*p) != after.get(*p))
            .cloned()
            .collect();
        let got: BTreeSet<String> = change_notices(&old, &new, "Blue").iter().map(|n| n.person.to_string()).collect();
        prop_assert_eq!(got, expected);
    }
}

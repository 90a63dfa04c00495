//! Property tests of the conflict engine against brute-force oracles, and of
//! the incremental check against the full check.

use std::collections::BTreeSet;

use callsheet::schedule::{ConflictKind, Schedule, Severity};
use callsheet::{BookingStatus, Event, Production};
use proptest::prelude::*;

use crate::common::arb_schedule;

type Key = (ConflictKind, Vec<String>, Vec<String>, i64, i64, Severity);

fn keys(conflicts: &[callsheet::schedule::Conflict], kind: ConflictKind) -> BTreeSet<Key> {
    conflicts
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| {
            (
                c.kind,
                c.subjects.iter().map(|s| s.id.clone()).collect(),
                c.events.iter().map(|e| e.to_string()).collect(),
                c.start.timestamp(),
                c.end.timestamp(),
                c.severity,
            )
        })
        .collect()
}

fn active(p: &Production) -> impl Iterator<Item = &Event> {
    p.events
        .iter()
        .filter(|e| e.status != BookingStatus::Cancelled)
}

fn related(a: &Event, b: &Event) -> bool {
    a.parent.as_ref() == Some(&b.id) || b.parent.as_ref() == Some(&a.id)
}

fn severity(a: &Event, b: &Event) -> Severity {
    if a.status == BookingStatus::Confirmed && b.status == BookingStatus::Confirmed {
        Severity::Error
    } else {
        Severity::Warning
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// Every pair of events sharing a person, overlapping, not parent and child.
fn oracle_people(p: &Production) -> BTreeSet<Key> {
    let events: Vec<&Event> = active(p).collect();
    let mut out = BTreeSet::new();
    for (i, a) in events.iter().enumerate() {
        for b in &events[i + 1..] {
            if related(a, b) {
                continue;
            }
            for att in &a.attendees {
                let Some(other) = b.attendees.iter().find(|x| x.person == att.person) else {
                    continue;
                };
                let (sa, ea) = (att.report(a).timestamp(), att.release(a).timestamp());
                let (sb, eb) = (other.report(b).timestamp(), other.release(b).timestamp());
                if sa < eb && sb < ea {
                    out.insert((
                        ConflictKind::PersonDoubleBooked,
                        vec![att.person.to_string()],
                        sorted(vec![a.id.to_string(), b.id.to_string()]),
                        sa.max(sb),
                        ea.min(eb),
                        severity(a, b),
                    ));
                }
            }
        }
    }
    out
}

/// Location occupancy by brute force: an event occupies its own location
/// unless its parent is at the same location; exclusive locations conflict
/// for overlapping events of different families.
fn oracle_locations(p: &Production) -> BTreeSet<Key> {
    let parent_of = |e: &Event| {
        e.parent
            .as_ref()
            .and_then(|id| p.events.iter().find(|x| &x.id == id))
    };
    let occupies = |e: &Event| match (&e.location, parent_of(e)) {
        (Some(l), Some(parent))
            if parent.location.as_ref() == Some(l) && parent.status != BookingStatus::Cancelled =>
        {
            None
        }
        (Some(l), _) => Some(l.clone()),
        (None, _) => None,
    };
    let family = |e: &Event| e.parent.clone().unwrap_or_else(|| e.id.clone());
    let events: Vec<&Event> = active(p).collect();
    let mut out = BTreeSet::new();
    for (i, a) in events.iter().enumerate() {
        for b in &events[i + 1..] {
            let (Some(la), Some(lb)) = (occupies(a), occupies(b)) else {
                continue;
            };
            let shared = p.locations.iter().any(|l| l.id == la && l.shared);
            if la != lb || shared || family(a) == family(b) {
                continue;
            }
            let (s, e) = (
                a.start.max(b.start).timestamp(),
                a.end.min(b.end).timestamp(),
            );
            if s < e {
                out.insert((
                    ConflictKind::LocationDoubleBooked,
                    vec![la.to_string()],
                    sorted(vec![a.id.to_string(), b.id.to_string()]),
                    s,
                    e,
                    severity(a, b),
                ));
            }
        }
    }
    out
}

/// Resource over-allocation by brute force over elementary intervals.
fn oracle_resources(p: &Production) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for r in &p.resources {
        // (start, end, quantity, confirmed, event id)
        let mut bookings = Vec::new();
        for e in active(p) {
            let Some(b) = e.resources.iter().find(|b| b.resource == r.id) else {
                continue;
            };
            let parent = e
                .parent
                .as_ref()
                .and_then(|id| p.events.iter().find(|x| &x.id == id));
            let covered = parent
                .filter(|x| x.status != BookingStatus::Cancelled)
                .and_then(|x| x.resources.iter().find(|pb| pb.resource == r.id))
                .map_or(0, |pb| pb.quantity);
            let q = b.quantity.saturating_sub(covered);
            if q > 0 {
                bookings.push((
                    e.start.timestamp() - i64::from(r.prep_minutes) * 60,
                    e.end.timestamp() + i64::from(r.return_minutes) * 60,
                    i64::from(q),
                    e.status == BookingStatus::Confirmed,
                    e.id.to_string(),
                ));
            }
        }
        let mut points: Vec<i64> = bookings.iter().flat_map(|b| [b.0, b.1]).collect();
        points.sort_unstable();
        points.dedup();
        let mut run: Option<(i64, i64, bool)> = None;
        let mut flush = |run: &mut Option<(i64, i64, bool)>| {
            if let Some((s, e, hard)) = run.take() {
                let ids = bookings
                    .iter()
                    .filter(|b| b.0 < e && b.1 > s)
                    .map(|b| b.4.clone())
                    .collect();
                out.insert((
                    ConflictKind::ResourceOverbooked,
                    vec![r.id.to_string()],
                    sorted(ids),
                    s,
                    e,
                    if hard {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                ));
            }
        };
        for w in points.windows(2) {
            let (s, e) = (w[0], w[1]);
            let on: Vec<_> = bookings.iter().filter(|b| b.0 <= s && b.1 >= e).collect();
            let total: i64 = on.iter().map(|b| b.2).sum();
            let confirmed: i64 = on.iter().filter(|b| b.3).map(|b| b.2).sum();
            if total > i64::from(r.quantity) {
                let hard = confirmed > i64::from(r.quantity);
                run = Some(match run {
                    Some((rs, re, h)) if re == s => (rs, e, h || hard),
                    other => {
                        let mut other = other;
                        flush(&mut other);
                        (s, e, hard)
                    }
                });
            } else {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_productions_are_valid(p in arb_schedule()) {
        prop_assert!(p.validate().is_ok(), "{:?}", p.validate());
    }

    #[test]
    fn double_bookings_match_the_pairwise_oracle(p in arb_schedule()) {
        let found = p.conflicts();
        prop_assert_eq!(keys(&found, ConflictKind::PersonDoubleBooked), oracle_people(&p));
        prop_assert_eq!(keys(&found, ConflictKind::LocationDoubleBooked), oracle_locations(&p));
        prop_assert_eq!(keys(&found, ConflictKind::ResourceOverbooked), oracle_resources(&p));
    }

    #[test]
    fn output_is_deterministic_and_independent_of_event_order(p in arb_schedule(), seed in any::<u64>()) {
        let first = p.conflicts();
        prop_assert_eq!(&first, &p.conflicts());
        let mut shuffled = p.clone();
        let n = shuffled.events.len();
        let mut state = seed | 1;
        for i in (1..n).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.events.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(first, shuffled.conflicts());
    }

    #[test]
    fn incremental_add_agrees_with_the_full_check(p in arb_schedule(), pick in any::<prop::sample::Index>()) {
        // Take out an event that is nobody's parent, then ask what adding it back would conflict with.
        let leaves: Vec<usize> = (0..p.events.len())
            .filter(|&i| !p.events.iter().any(|e| e.parent.as_ref() == Some(&p.events[i].id)))
            .collect();
        prop_assume!(!leaves.is_empty());
        let i = leaves[pick.index(leaves.len())];
        let event = p.events[i].clone();
        let mut without = p.clone();
        without.events.remove(i);
        let incremental = Schedule::new(&without).check_event(&event).unwrap();
        let full: Vec<_> = p.conflicts().into_iter().filter(|c| c.involves(&event.id)).collect();
        prop_assert_eq!(incremental, full);
    }

    #[test]
    fn incremental_move_agrees_with_the_full_check(
        p in arb_schedule(),
        pick in any::<prop::sample::Index>(),
        shift_quarters in -96i64..96,
        stretch in 0i64..8,
        relocate in prop::option::of(0u8..4),
        restatus in 0u8..4,
    ) {
        let i = pick.index(p.events.len());
        let mut moved = p.events[i].clone();
        if let Some(k) = relocate {
            moved.location = (k < 3).then(|| format!("L{k}").into());
        }
        moved.status = match restatus {
            0 => moved.status,
            1 => BookingStatus::Confirmed,
            2 => BookingStatus::Hold,
            _ => BookingStatus::Cancelled,
        };
        let shift = chrono::TimeDelta::minutes(shift_quarters * 15);
        moved.start += shift;
        moved.end += shift + chrono::TimeDelta::minutes(stretch * 15);
        for a in &mut moved.attendees {
            a.makeup_call = a.makeup_call.map(|t| t + shift);
        }
        for m in &mut moved.meals {
            m.start += shift;
            m.end += shift;
        }
        let mut after = p.clone();
        after.events[i] = moved.clone();
        prop_assume!(after.validate().is_ok());
        let incremental = Schedule::new(&p).check_event(&moved).unwrap();
        let full: Vec<_> = after.conflicts().into_iter().filter(|c| c.involves(&moved.id)).collect();
        prop_assert_eq!(incremental, full);
    }
}

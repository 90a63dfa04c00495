//! Property tests of the rooming allocation on random small problems:
//! every hard rule holds and no block is ever over capacity, costs and
//! exposure add up, the result ignores input order, and it is optimal (the
//! same housed count, cost and moves as an exhaustive search written here,
//! independently of the engine).

use std::collections::{BTreeMap, BTreeSet};

use callsheet::logistics::rooming::{
    HotelChoice, RoomAllocation, RoomingOptions, StayNeed, allocate,
};
use callsheet::logistics::{NightRooms, RoomBlock, RoomType};
use callsheet::{ContractTier, Money};
use chrono::{NaiveDate, TimeDelta};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Nightly rates from a comped room to a penthouse: a wide spread, so
/// that a wrong weight for housing a stay against its cost shows.
const RATES: &[&str] = &[
    "0.00", "1.00", "10.00", "80.00", "95.50", "120.25", "150.00", "200.00", "999.99", "1000.00",
];

fn night(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).expect("date") + TimeDelta::days(i64::from(n))
}

type BlockParts = (u8, bool, u32, u32, u32, u32, usize, u8, Vec<(u32, u32)>);

fn arb_block() -> impl Strategy<Value = BlockParts> {
    (
        0u8..2,
        prop::bool::weighted(0.25),
        1u32..4,
        0u32..2,
        5u32..9,
        1u32..3,
        0..RATES.len(),
        0u8..3,
        prop::collection::vec((0u32..8, 0u32..4), 0..3),
    )
}

/// Blocks from their drawn parts: ids `B0`, `B1`, … in order.
fn make_blocks(parts: Vec<BlockParts>) -> Vec<RoomBlock> {
    parts
        .into_iter()
        .enumerate()
        .map(
            |(i, (hotel, suite, occ, first, len, rooms, rate, account, over))| {
                let last = first + len - 1;
                let mut nightly: BTreeMap<u32, u32> = BTreeMap::new();
                for (n, r) in over {
                    if n >= first && n <= last {
                        nightly.insert(n, r);
                    }
                }
                RoomBlock {
                    id: format!("B{i}").into(),
                    hotel: format!("H{hotel}").into(),
                    room_type: if suite {
                        RoomType::Suite
                    } else {
                        RoomType::Standard
                    },
                    occupancy: occ,
                    first_night: night(first),
                    last_night: night(last),
                    rooms,
                    rate: Money::new(
                        RATES[rate].parse().expect("rate"),
                        "USD".parse().expect("usd"),
                    ),
                    // Deadlines differ by block, so their order shows.
                    release_deadline: format!("2027-02-0{}T17:00:00Z", 1 + (i + 2) % 3)
                        .parse()
                        .expect("instant"),
                    account: match account {
                        0 => None,
                        1 => Some("3560".into()),
                        _ => Some("1350".into()),
                    },
                    nightly_rooms: nightly
                        .into_iter()
                        .map(|(n, rooms)| NightRooms {
                            night: night(n),
                            rooms,
                        })
                        .collect(),
                }
            },
        )
        .collect()
}

/// Whether `person` already needs a room on one of the nights `a..=b`
/// (their needs must not overlap).
fn overlaps_own(out: &[StayNeed], person: &str, a: NaiveDate, b: NaiveDate) -> bool {
    out.iter()
        .any(|n| n.person.as_str() == person && n.first_night <= b && a <= n.last_night)
}

/// The contract tier of a roll of `0..20`: mostly standard.
fn tier_of(roll: u8) -> ContractTier {
    match roll {
        0..=14 => ContractTier::Standard,
        15..=17 => ContractTier::Single,
        _ => ContractTier::Suite,
    }
}

/// (person, first night, nights, tier, may share, hotel, same nights as
/// the need before).
fn arb_need() -> impl Strategy<Value = (u8, u32, u32, u8, bool, u8, bool)> {
    (
        0u8..5,
        0u32..6,
        1u32..4,
        0u8..20,
        any::<bool>(),
        0u8..50,
        prop::bool::weighted(0.35),
    )
}

/// Random problems: half to all of `max_needs` needs (fewer when a
/// person's needs would overlap: those are dropped) and up to three blocks
/// at two hotels.
fn arb_problem(max_needs: usize) -> impl Strategy<Value = (Vec<StayNeed>, Vec<RoomBlock>)> {
    (
        prop::collection::vec(arb_block(), 1..4),
        prop::collection::vec(arb_need(), max_needs / 2..=max_needs),
    )
        .prop_map(|(blocks, needs)| {
            let blocks = make_blocks(blocks);
            let mut out: Vec<StayNeed> = Vec::new();
            for (p, first, len, tier, share, hotel, copy) in needs {
                let person = format!("P{p}");
                let (a, b) = match out.last() {
                    // Crews arrive together: same nights as the one before.
                    Some(prev) if copy => (prev.first_night, prev.last_night),
                    _ => (night(first), night(first + len - 1)),
                };
                if overlaps_own(&out, &person, a, b) {
                    continue;
                }
                let mut need = StayNeed::new(person.as_str(), a, b);
                need.tier = tier_of(tier);
                need.may_share = share;
                need.hotels = match hotel {
                    0..=39 => HotelChoice::Any,
                    40..=44 => HotelChoice::OneOf(vec!["H0".into()]),
                    45..=48 => HotelChoice::OneOf(vec!["H1".into()]),
                    _ => HotelChoice::OneOf(vec![]),
                };
                out.push(need);
            }
            (out, blocks)
        })
}

/// Random problems of parts whose stays all need the same nights (the
/// parts solved as an assignment, without search): every need takes one
/// of three windows of nights that never overlap (one night, two nights,
/// one night), people are different except `P0`, who may come back in
/// another window (a chain, so that part is searched instead), and most
/// blocks take one person a room (a third take two: sharers there are
/// searched too).
fn arb_same_nights_problem(
    max_needs: usize,
) -> impl Strategy<Value = (Vec<StayNeed>, Vec<RoomBlock>)> {
    (
        prop::collection::vec(arb_block(), 1..4),
        prop::collection::vec(arb_need(), max_needs / 2..=max_needs),
    )
        .prop_map(|(blocks, needs)| {
            let blocks: Vec<RoomBlock> = make_blocks(blocks)
                .into_iter()
                .map(|mut b| {
                    b.occupancy = if b.occupancy == 3 { 2 } else { 1 };
                    b
                })
                .collect();
            let windows = [(1, 1), (3, 4), (6, 6)];
            let mut out: Vec<StayNeed> = Vec::new();
            for (i, (p, first, _, tier, share, hotel, _)) in needs.into_iter().enumerate() {
                let person = if p == 0 {
                    "P0".to_owned()
                } else {
                    format!("P{}", 10 + i)
                };
                let (a, b) = windows[first as usize % windows.len()];
                let (a, b) = (night(a), night(b));
                if overlaps_own(&out, &person, a, b) {
                    continue;
                }
                let mut need = StayNeed::new(person.as_str(), a, b);
                need.tier = tier_of(tier);
                need.may_share = share && tier % 3 == 0;
                need.hotels = match hotel {
                    0..=34 => HotelChoice::Any,
                    35..=41 => HotelChoice::OneOf(vec!["H0".into()]),
                    42..=48 => HotelChoice::OneOf(vec!["H1".into()]),
                    _ => HotelChoice::OneOf(vec![]),
                };
                out.push(need);
            }
            (out, blocks)
        })
}

fn nights_of(need: &StayNeed) -> impl Iterator<Item = NaiveDate> {
    let first = need.first_night;
    (0..need.nights()).map(move |i| first + TimeDelta::days(i))
}

fn eligible(need: &StayNeed, block: &RoomBlock) -> bool {
    let hotel_ok = match &need.hotels {
        HotelChoice::Any => true,
        HotelChoice::OneOf(list) => list.contains(&block.hotel),
    };
    hotel_ok
        && nights_of(need).all(|n| block.rooms_on(n) >= 1)
        && (need.tier != ContractTier::Suite || block.room_type == RoomType::Suite)
}

fn shares(need: &StayNeed, block: &RoomBlock) -> bool {
    need.may_share && need.tier == ContractTier::Standard && block.occupancy > 1
}

/// What the exhaustive search scores: (stays housed, nights housed, cost,
/// moves), or `None` when a block is over capacity on some night.
fn score(
    needs: &[StayNeed],
    blocks: &[RoomBlock],
    choice: &[Option<usize>],
) -> Option<(usize, i64, Decimal, usize)> {
    let mut rooms: BTreeMap<(usize, NaiveDate), u32> = BTreeMap::new();
    let mut groups: BTreeMap<(usize, NaiveDate, NaiveDate), u32> = BTreeMap::new();
    let mut cost = Decimal::ZERO;
    for (need, c) in needs.iter().zip(choice) {
        let Some(b) = *c else { continue };
        if shares(need, &blocks[b]) {
            *groups
                .entry((b, need.first_night, need.last_night))
                .or_default() += 1;
        } else {
            for n in nights_of(need) {
                *rooms.entry((b, n)).or_default() += 1;
            }
            cost += blocks[b].rate.amount * Decimal::from(need.nights());
        }
    }
    for (&(b, first, last), &count) in &groups {
        let r = count.div_ceil(blocks[b].occupancy);
        let nights = (last - first).num_days() + 1;
        cost += blocks[b].rate.amount * Decimal::from(nights) * Decimal::from(r);
        for i in 0..nights {
            *rooms.entry((b, first + TimeDelta::days(i))).or_default() += r;
        }
    }
    if rooms
        .iter()
        .any(|(&(b, n), &used)| used > blocks[b].rooms_on(n))
    {
        return None;
    }
    let housed = choice.iter().filter(|c| c.is_some()).count();
    let nights: i64 = needs
        .iter()
        .zip(choice)
        .filter(|(_, c)| c.is_some())
        .map(|(n, _)| n.nights())
        .sum();
    // Moves: a person's next stay at another hotel, both housed.
    let mut by_person: BTreeMap<&str, Vec<(NaiveDate, Option<usize>)>> = BTreeMap::new();
    for (need, c) in needs.iter().zip(choice) {
        by_person
            .entry(need.person.as_str())
            .or_default()
            .push((need.first_night, *c));
    }
    let mut moves = 0;
    for stays in by_person.values_mut() {
        stays.sort();
        for w in stays.windows(2) {
            if let (Some(x), Some(y)) = (w[0].1, w[1].1) {
                if blocks[x].hotel != blocks[y].hotel {
                    moves += 1;
                }
            }
        }
    }
    Some((housed, nights, cost, moves))
}

/// The best (most stays, then most nights housed, least cost, fewest
/// moves) over every way to place the needs.
fn exhaustive(needs: &[StayNeed], blocks: &[RoomBlock]) -> (usize, i64, Decimal, usize) {
    let options: Vec<Vec<Option<usize>>> = needs
        .iter()
        .map(|n| {
            std::iter::once(None)
                .chain(
                    (0..blocks.len())
                        .filter(|&b| eligible(n, &blocks[b]))
                        .map(Some),
                )
                .collect()
        })
        .collect();
    let mut best: Option<(usize, i64, Decimal, usize)> = None;
    let mut pick = vec![0usize; needs.len()];
    loop {
        let choice: Vec<Option<usize>> = pick.iter().zip(&options).map(|(&i, o)| o[i]).collect();
        if let Some(s) = score(needs, blocks, &choice) {
            let better = match best {
                None => true,
                Some(b) => {
                    use std::cmp::Reverse;
                    (Reverse(s.0), Reverse(s.1), s.2, s.3) < (Reverse(b.0), Reverse(b.1), b.2, b.3)
                }
            };
            if better {
                best = Some(s);
            }
        }
        // Next combination.
        let mut i = 0;
        loop {
            if i == pick.len() {
                return best.expect("housing nobody is always possible");
            }
            pick[i] += 1;
            if pick[i] < options[i].len() {
                break;
            }
            pick[i] = 0;
            i += 1;
        }
    }
}

fn total_cost(result: &RoomAllocation) -> Decimal {
    result.cost.iter().map(|m| m.amount).sum()
}

/// Every hard rule, capacity, and the sums of the report, checked from the
/// assignments alone.
fn check(
    needs: &[StayNeed],
    blocks: &[RoomBlock],
    result: &RoomAllocation,
) -> Result<(), TestCaseError> {
    let block_of = |id: &str| blocks.iter().find(|b| b.id.as_str() == id).expect("block");
    // Each need exactly once, housed or not.
    let mut seen: BTreeSet<(String, NaiveDate)> = BTreeSet::new();
    for a in &result.assignments {
        prop_assert!(seen.insert((a.person.to_string(), a.first_night)));
    }
    for u in &result.unhoused {
        prop_assert!(seen.insert((u.person.to_string(), u.first_night)));
    }
    prop_assert_eq!(seen.len(), needs.len());
    prop_assert_eq!(result.housed, result.assignments.len());

    // Rooms: (block, room) → (people, first, last).
    let mut rooms: BTreeMap<(String, String), (BTreeSet<String>, NaiveDate, NaiveDate)> =
        BTreeMap::new();
    for a in &result.assignments {
        let need = needs
            .iter()
            .find(|n| n.person == a.person && n.first_night == a.first_night)
            .expect("need");
        prop_assert_eq!(a.last_night, need.last_night);
        let block = block_of(a.block.as_str());
        prop_assert_eq!(&a.hotel, &block.hotel);
        prop_assert!(
            eligible(need, block),
            "{} is not eligible for {}",
            a.person,
            a.block
        );
        if need.tier != ContractTier::Standard || !need.may_share {
            prop_assert!(a.room_mates.is_empty(), "{} may not share", a.person);
        }
        prop_assert!(a.room_mates.len() < block.occupancy as usize);
        for mate in &a.room_mates {
            // The room-mate's stay in this room on these nights.
            let other = result.assignments.iter().find(|x| {
                &x.person == mate
                    && x.block == a.block
                    && x.room == a.room
                    && x.first_night <= a.last_night
                    && a.first_night <= x.last_night
            });
            let other = other.expect("room-mate's assignment");
            prop_assert_eq!(other.first_night, a.first_night);
            prop_assert_eq!(other.last_night, a.last_night);
            prop_assert!(other.room_mates.contains(&a.person));
        }
        let entry = rooms
            .entry((a.block.to_string(), a.room.clone()))
            .or_insert_with(|| (BTreeSet::new(), a.first_night, a.last_night));
        entry.0.insert(a.person.to_string());
        // One room, one set of nights at a time: rooms with the same label
        // never overlap.
        prop_assert!(entry.1 == a.first_night || entry.2 < a.first_night || a.last_night < entry.1);
    }
    // Capacity, every night of every block; rooming list agrees.
    let mut used: BTreeMap<(String, NaiveDate), u32> = BTreeMap::new();
    let mut labels: BTreeMap<(String, NaiveDate), BTreeSet<String>> = BTreeMap::new();
    for a in &result.assignments {
        let need = needs
            .iter()
            .find(|n| n.person == a.person && n.first_night == a.first_night)
            .expect("need");
        for n in nights_of(need) {
            if labels
                .entry((a.block.to_string(), n))
                .or_default()
                .insert(a.room.clone())
            {
                *used.entry((a.block.to_string(), n)).or_default() += 1;
            }
            let listed = result
                .rooming_list
                .iter()
                .find(|r| r.hotel == a.hotel && r.night == n)
                .and_then(|r| {
                    r.rooms
                        .iter()
                        .find(|e| e.block == a.block && e.room == a.room)
                });
            prop_assert!(listed.is_some_and(|e| e.people.contains(&a.person)));
        }
    }
    for ((b, n), &count) in &used {
        prop_assert!(
            count <= block_of(b).rooms_on(*n),
            "{} over capacity on {}",
            b,
            n
        );
    }
    let listed: usize = result.rooming_list.iter().map(|r| r.rooms.len()).sum();
    prop_assert_eq!(listed as u32, used.values().sum::<u32>());

    // Cost: one rate per room-night in use; by account adds up.
    let mut cost = Decimal::ZERO;
    for ((b, _), &count) in &used {
        cost += block_of(b).rate.amount * Decimal::from(count);
    }
    prop_assert_eq!(total_cost(result), cost);
    let by_account: Decimal = result.cost_by_account.iter().map(|a| a.cost.amount).sum();
    prop_assert_eq!(by_account, cost);
    // Unused rooms and exposure: what is held and not used, night by night.
    let mut exposure = Decimal::ZERO;
    for block in blocks {
        let mut n = block.first_night;
        while n <= block.last_night {
            let held = block.rooms_on(n);
            let taken = used.get(&(block.id.to_string(), n)).copied().unwrap_or(0);
            let entry = result
                .unused
                .iter()
                .find(|u| u.block == block.id && u.night == n);
            match entry {
                Some(u) => {
                    prop_assert_eq!(u.rooms, held - taken);
                    prop_assert_eq!(
                        u.exposure.amount,
                        block.rate.amount * Decimal::from(u.rooms)
                    );
                    exposure += u.exposure.amount;
                }
                None => prop_assert_eq!(held, taken),
            }
            n += TimeDelta::days(1);
        }
    }
    let reported: Decimal = result.exposure.iter().map(|m| m.amount).sum();
    prop_assert_eq!(reported, exposure);
    // A block's room-nights are its nights' rooms, overrides included.
    for b in blocks {
        let mut sum = 0u64;
        let mut n = b.first_night;
        while n <= b.last_night {
            sum += u64::from(b.rooms_on(n));
            n += TimeDelta::days(1);
        }
        prop_assert_eq!(b.room_nights(), sum);
    }
    // A proof is only claimed when the bounds are met.
    if result.optimality.proven {
        prop_assert_eq!(result.optimality.max_housed, result.housed);
        if let Some(bound) = &result.optimality.cost_bound {
            prop_assert_eq!(bound.amount, total_cost(result));
        }
    }
    Ok(())
}

/// A permutation from a seed (a small LCG; any order will do).
fn shuffle<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut out = items.to_vec();
    let mut s = seed | 1;
    for i in (1..out.len()).rev() {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (s >> 33) as usize % (i + 1);
        out.swap(i, j);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_hard_rule_holds_and_capacity_is_never_exceeded((needs, blocks) in arb_problem(12)) {
        let result = allocate(&needs, &blocks, &RoomingOptions::default()).expect("valid problem");
        check(&needs, &blocks, &result)?;
    }

    #[test]
    fn the_result_is_deterministic_and_ignores_input_order(
        (needs, blocks) in arb_problem(12),
        seed in any::<u64>(),
    ) {
        let options = RoomingOptions::default();
        let first = allocate(&needs, &blocks, &options).expect("valid problem");
        let again = allocate(&needs, &blocks, &options).expect("valid problem");
        prop_assert_eq!(&first, &again);
        let shuffled = allocate(&shuffle(&needs, seed), &shuffle(&blocks, seed ^ 0xABCD), &options)
            .expect("valid problem");
        prop_assert_eq!(&first, &shuffled);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Problems larger than the exact search takes (up to 40 stays on
    /// three blocks: one part), solved by local search and bounded by the
    /// Lagrangian relaxation: every rule still holds and a proof is only
    /// claimed when the bounds are met.
    #[test]
    fn larger_problems_keep_every_rule((needs, blocks) in arb_problem(40)) {
        let result = allocate(&needs, &blocks, &RoomingOptions::default()).expect("valid problem");
        check(&needs, &blocks, &result)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn small_problems_are_solved_optimally((needs, blocks) in arb_problem(8)) {
        let result = allocate(&needs, &blocks, &RoomingOptions::default()).expect("valid problem");
        check_optimal(&needs, &blocks, &result)?;
    }

    /// Parts whose stays all have the same nights are solved without
    /// search: still the exhaustive search's optimum, proven, with every
    /// rule kept.
    #[test]
    fn same_night_parts_are_solved_optimally((needs, blocks) in arb_same_nights_problem(8)) {
        let result = allocate(&needs, &blocks, &RoomingOptions::default()).expect("valid problem");
        check(&needs, &blocks, &result)?;
        check_optimal(&needs, &blocks, &result)?;
    }
}

/// The result scores as the exhaustive search's best (stays, nights, cost,
/// moves), is proven, and its bounds are met.
fn check_optimal(
    needs: &[StayNeed],
    blocks: &[RoomBlock],
    result: &RoomAllocation,
) -> Result<(), TestCaseError> {
    let (housed, nights, cost, moves) = exhaustive(needs, blocks);
    prop_assert_eq!(result.housed, housed, "housed");
    let housed_nights: i64 = result
        .assignments
        .iter()
        .map(|a| (a.last_night - a.first_night).num_days() + 1)
        .sum();
    prop_assert_eq!(housed_nights, nights, "nights");
    prop_assert_eq!(total_cost(result), cost, "cost");
    prop_assert_eq!(result.moves, moves, "moves");
    prop_assert!(result.optimality.proven);
    prop_assert_eq!(result.optimality.max_housed, housed);
    let bound = result.optimality.cost_bound.map(|m| m.amount);
    prop_assert_eq!(bound, Some(cost));
    Ok(())
}

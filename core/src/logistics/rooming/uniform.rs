//! Parts whose stays all need the same nights and each take a room of
//! their own: an assignment problem, solved exactly without search.
//!
//! In such a part every stay has the same length, so every stay housed
//! adds the same nights, and a room of block `b` costs the same whoever
//! takes it (the block's rate × the nights). Nobody outside the part uses
//! the part's blocks on its nights (they would share a block and a night
//! with it, so be in it), and nobody in it belongs to a chain of stays
//! (a person's stays never overlap, so a chain spans several nights), so
//! there are no moves. What remains is: pick rooms — `b`'s free rooms on
//! the part's nights, each priced at `b`'s rate — so that as many stays as
//! possible are housed, at least cost.
//!
//! The sets of rooms that can all be given to different stays are the
//! independent sets of a transversal matroid, so taking rooms cheapest
//! first and keeping each that an augmenting path can still fill (the
//! matroid greedy) gives a matching of the largest size (a basis) of the
//! least cost. Rooms of one block are interchangeable: once one of them
//! cannot be filled, neither can the rest, and the block is done.
//! Everything runs on the canonical order of blocks and stays, so the
//! result is deterministic.

use super::instance::NONE;
use super::state::State;

/// Whether `part` is solved here: every unit has the same nights, is in
/// no chain, and takes a room of its own in every block it may use (no
/// sharing).
pub(super) fn applies(state: &State, part: &[u32]) -> bool {
    let inst = state.inst;
    let Some(&first) = part.first() else {
        return false;
    };
    let (a, e) = (inst.units[first as usize].a, inst.units[first as usize].e);
    part.iter().all(|&u| {
        let unit = &inst.units[u as usize];
        unit.a == a
            && unit.e == e
            && inst.neighbours[u as usize] == (NONE, NONE)
            && (unit.group == NONE || unit.elig.iter().all(|&b| inst.blocks[b as usize].occ <= 1))
    })
}

/// Houses the units of `part` (for which [`applies`] holds) optimally:
/// the most housed, then the least cost. Other parts are left as they
/// are.
pub(super) fn solve(state: &mut State, part: &[u32]) {
    let inst = state.inst;
    for &u in part {
        state.remove(u);
    }
    let Some(&first) = part.first() else {
        return;
    };
    let (a, e) = (inst.units[first as usize].a, inst.units[first as usize].e);
    // The part's blocks, cheapest first, and the units (by position in
    // `part`) each may take.
    let mut blocks: Vec<u32> = part
        .iter()
        .flat_map(|&u| inst.units[u as usize].elig.iter().copied())
        .collect();
    blocks.sort_unstable_by_key(|&b| (inst.blocks[b as usize].weight, b));
    blocks.dedup();
    let mut takers: Vec<Vec<u32>> = vec![Vec::new(); blocks.len()];
    for (i, &u) in part.iter().enumerate() {
        for &b in &inst.units[u as usize].elig {
            let k = blocks
                .iter()
                .position(|&x| x == b)
                .expect("an eligible block of the part");
            takers[k].push(i as u32);
        }
    }
    // Block (by position in `blocks`) each unit is matched to.
    let mut matched: Vec<u32> = vec![NONE; part.len()];
    let mut seen: Vec<bool> = vec![false; part.len()];
    let mut path: Vec<(u32, usize)> = Vec::new();
    let mut cursor: Vec<usize> = vec![0; blocks.len()];
    for (k, &b) in blocks.iter().enumerate() {
        let blk = &inst.blocks[b as usize];
        let lo = (a - blk.first) as usize;
        let hi = (e - blk.first) as usize;
        // Rooms free on every night of the part (nobody else uses them).
        let free = (lo..=hi)
            .map(|i| blk.cap[i].saturating_sub(state.used[b as usize][i]))
            .min()
            .unwrap_or(0) as usize;
        for _ in 0..free.min(part.len()) {
            seen.iter_mut().for_each(|s| *s = false);
            if !augment(
                k as u32,
                &takers,
                &mut cursor,
                &mut matched,
                &mut seen,
                &mut path,
            ) {
                break;
            }
        }
    }
    for (i, &u) in part.iter().enumerate() {
        if matched[i] != NONE {
            state.add(u, blocks[matched[i] as usize]);
        }
    }
}

/// Finds an augmenting path from a new room of block `k` to a unit not
/// yet housed (depth first, without recursion) and flips it: every unit
/// on the path moves to the block before it, the last one is housed.
/// Returns whether there was one.
///
/// Each block on the path first looks for a taker not yet housed (from
/// `cursor`, its first taker that may still be: a housed unit stays
/// housed, so the cursors only move on), and only then goes through one
/// housed elsewhere: a large part is not searched deep for every room.
fn augment(
    k: u32,
    takers: &[Vec<u32>],
    cursor: &mut [usize],
    matched: &mut [u32],
    seen: &mut [bool],
    path: &mut Vec<(u32, usize)>,
) -> bool {
    // The path: (block, next taker to try); the unit through which each
    // block was reached is the previous entry's last taker tried.
    path.clear();
    path.push((k, 0));
    while let Some(&(b, _)) = path.last() {
        let list = &takers[b as usize];
        let c = &mut cursor[b as usize];
        while *c < list.len() && matched[list[*c] as usize] != NONE {
            *c += 1;
        }
        if let Some(&free) = list.get(*c) {
            // Flip: the free unit takes the top block; each block below
            // it takes the unit through which the next one was reached.
            matched[free as usize] = b;
            for d in (1..path.len()).rev() {
                let (below, tried) = path[d - 1];
                let via = takers[below as usize][tried - 1] as usize;
                debug_assert_eq!(matched[via], path[d].0);
                matched[via] = below;
            }
            return true;
        }
        // Every taker is housed: go on through the next one not seen.
        let next = &mut path.last_mut().expect("a block on the path").1;
        let mut step = None;
        while *next < list.len() {
            let i = list[*next] as usize;
            *next += 1;
            if !seen[i] {
                seen[i] = true;
                step = Some(i);
                break;
            }
        }
        match step {
            Some(i) => path.push((matched[i], 0)),
            None => {
                path.pop();
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    //! The assignment against the branch and bound on the same parts:
    //! parts larger than the exhaustive search of the property tests takes,
    //! with hotel requests, suite contracts, sharers in one-person rooms,
    //! blocks that miss some of the nights and nightly capacities.

    use chrono::{NaiveDate, TimeDelta};
    use rust_decimal::Decimal;

    use super::super::instance::Instance;
    use super::super::{HotelChoice, Paths, RoomingOptions, StayNeed, exact};
    use super::*;
    use crate::logistics::{NightRooms, RoomBlock, RoomType};
    use crate::model::{ContractTier, CurrencyCode, Money};

    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) % n
        }
    }

    fn night(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 1).expect("date") + TimeDelta::days(i64::from(n))
    }

    /// Stays on nights 2–3 (all the same), blocks around them.
    fn problem(rng: &mut Rng) -> (Vec<StayNeed>, Vec<RoomBlock>) {
        let blocks: Vec<RoomBlock> = (0..1 + rng.below(6))
            .map(|i| {
                let first = rng.below(3) as u32;
                let last = 2 + rng.below(3) as u32;
                let nightly_rooms = if rng.below(3) == 0 {
                    vec![NightRooms {
                        night: night((2 + rng.below(2) as u32).min(last)),
                        rooms: rng.below(3) as u32,
                    }]
                } else {
                    Vec::new()
                };
                RoomBlock {
                    id: format!("B{i}").into(),
                    hotel: format!("H{}", rng.below(2)).into(),
                    room_type: if rng.below(4) == 0 {
                        RoomType::Suite
                    } else {
                        RoomType::Standard
                    },
                    occupancy: 1,
                    first_night: night(first),
                    last_night: night(last),
                    rooms: 1 + rng.below(3) as u32,
                    rate: Money::new(
                        Decimal::new(rng.below(5) as i64 * 2_500, 2),
                        CurrencyCode::USD,
                    ),
                    release_deadline: "2027-02-01T17:00:00Z".parse().expect("instant"),
                    account: None,
                    nightly_rooms,
                }
            })
            .collect();
        let needs: Vec<StayNeed> = (0..1 + rng.below(12))
            .map(|i| {
                let mut need = StayNeed::new(format!("P{i:02}").as_str(), night(2), night(3));
                need.tier = match rng.below(6) {
                    0 => ContractTier::Suite,
                    1 => ContractTier::Single,
                    _ => ContractTier::Standard,
                };
                need.may_share = rng.below(2) == 0;
                need.hotels = match rng.below(4) {
                    0 => HotelChoice::OneOf(vec!["H0".into()]),
                    1 => HotelChoice::OneOf(vec!["H1".into()]),
                    _ => HotelChoice::Any,
                };
                need
            })
            .collect();
        (needs, blocks)
    }

    #[test]
    fn the_assignment_is_as_good_as_branch_and_bound() {
        let mut rng = Rng(7);
        let mut housed_some = 0;
        for _ in 0..2_000 {
            let (needs, blocks) = problem(&mut rng);
            let inst = Instance::build(
                &needs,
                &blocks,
                &RoomingOptions::default(),
                &Paths::ARGUMENTS,
            )
            .expect("valid problem");
            let part: Vec<u32> = (0..inst.units.len() as u32)
                .filter(|&u| !inst.units[u as usize].elig.is_empty())
                .collect();
            if part.is_empty() {
                continue;
            }
            let mut fast = State::new(&inst);
            assert!(applies(&fast, &part));
            solve(&mut fast, &part);
            let mut searched = State::new(&inst);
            assert!(exact::solve(&mut searched, &part, u64::MAX));
            assert_eq!(fast.z(), searched.z(), "{needs:?} {blocks:?}");
            assert_eq!(fast.unhoused, searched.unhoused);
            // Capacity holds.
            for (b, blk) in inst.blocks.iter().enumerate() {
                for (i, &c) in blk.cap.iter().enumerate() {
                    assert!(fast.used[b][i] <= c);
                }
            }
            housed_some += usize::from(fast.unhoused < inst.units.len() as u32);
        }
        assert!(housed_some > 1_000);
    }
}

//! The solver: independent parts, an exact assignment for parts whose
//! stays all have the same nights, exact branch and bound for other small
//! parts, greedy and local search with a Lagrangian bound for the rest.

use super::EXACT_STAYS;
use super::bound;
use super::exact;
use super::flow::{self, Item, Scratch};
use super::instance::{Instance, NONE};
use super::state::State;
use super::uniform;

/// The allocation found and what is known about it.
#[derive(Debug, Clone)]
pub(super) struct Solution {
    /// Block of each unit, or [`NONE`].
    pub assign: Vec<u32>,
    /// Upper bound on housed units.
    pub max_housed: usize,
    /// Lower bound on cost (comparison units) of any allocation housing as
    /// many stays and nights, when `housed == max_housed`.
    pub cost_bound: Option<i128>,
    /// Whether stays housed, nights housed and cost are proven optimal.
    pub proven: bool,
}

/// Branch-and-bound nodes allowed per small part.
const EXACT_NODES: u64 = 2_000_000;

/// Solves the whole instance.
pub(super) fn solve(inst: &Instance) -> Solution {
    let mut state = State::new(inst);
    let mut large: Vec<u32> = Vec::new();
    let mut proven = inst.exact_weights;
    let mut max_housed = 0usize;
    let mut cost_bound = Some(0i128);
    for part in components(inst) {
        if uniform::applies(&state, &part) {
            // Exact without search: the most housed at the least cost.
            uniform::solve(&mut state, &part);
            max_housed += housed(&state, &part);
            cost_bound = cost_bound.map(|c| c + part_cost(&state, &part));
            continue;
        }
        if part.len() <= EXACT_STAYS {
            greedy(&mut state, &part);
            improve(&mut state, &part, ROUNDS);
            if exact::solve(&mut state, &part, EXACT_NODES) {
                max_housed += housed(&state, &part);
                cost_bound = cost_bound.map(|c| c + part_cost(&state, &part));
                continue;
            }
        }
        large.extend_from_slice(&part);
    }
    large.sort_unstable();
    if !large.is_empty() {
        // First the most stays, then the cheapest (nights not counted: a
        // search that prefers long stays from the start houses fewer), ...
        state.set_penalty(&inst.stay_penalty);
        greedy(&mut state, &large);
        improve(&mut state, &large, ROUNDS);
        ruin_recreate(&mut state, &large, RUINS);
        improve(&mut state, &large, 3);
        // ... then trade short stays for long ones where as many stay
        // housed (the full objective never accepts housing fewer).
        state.set_penalty(&inst.penalty);
        improve(&mut state, &large, ROUNDS);
        let housed = housed(&state, &large);
        let cost = part_cost(&state, &large);
        let bound = bound::housing(inst, &large, housed);
        max_housed += bound.max(housed);
        if bound <= housed {
            let bound = bound::costing(inst, &large, housed, cost).min(cost);
            cost_bound = cost_bound.map(|c| c + bound);
            // The bounds say nothing about nights: at equal numbers housed,
            // another allocation might house longer stays. Only when every
            // stay is housed are the nights the most possible.
            proven &= bound >= cost && housed == large.len();
        } else {
            cost_bound = None;
            proven = false;
        }
    }
    reduce_moves(&mut state);
    Solution {
        assign: state.assign,
        max_housed,
        cost_bound,
        proven,
    }
}

/// Housed units of a part.
fn housed(state: &State, part: &[u32]) -> usize {
    part.iter()
        .filter(|&&u| state.assign[u as usize] != NONE)
        .count()
}

/// Cost of the rooms of a part's units.
pub(super) fn part_cost(state: &State, part: &[u32]) -> i128 {
    // Rooms of sharers are counted once per (group, block).
    let inst = state.inst;
    let mut seen = rustc_hash::FxHashSet::default();
    let mut cost = 0;
    for &u in part {
        let b = state.assign[u as usize];
        if b == NONE {
            continue;
        }
        let unit = &inst.units[u as usize];
        if unit.group == NONE {
            cost += inst.room_cost(u, b);
        } else if seen.insert((unit.group, b)) {
            let rooms = inst.rooms_for(b, state.group_count(unit.group, b));
            cost += inst.room_cost(u, b) * i128::from(rooms);
        }
    }
    cost
}

/// Independent parts: stays that share a block on some night, or belong to
/// one person, are in the same part. Units no block can take are left out.
/// Parts come in order of their first unit, units in canonical order.
fn components(inst: &Instance) -> Vec<Vec<u32>> {
    let n = inst.units.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let next = parent[parent[x as usize] as usize];
            parent[x as usize] = next;
            x = next;
        }
        x
    }
    fn union(parent: &mut [u32], x: u32, y: u32) {
        let (rx, ry) = (find(parent, x), find(parent, y));
        if rx != ry {
            let (lo, hi) = if rx < ry { (rx, ry) } else { (ry, rx) };
            parent[hi as usize] = lo;
        }
    }
    for units in &inst.block_units {
        // Units are in canonical order (by first night): sweep.
        let mut reach: Option<(u32, u32)> = None; // (last night, unit)
        for &u in units {
            let unit = &inst.units[u as usize];
            match reach {
                Some((end, r)) if unit.a <= end => {
                    union(&mut parent, r, u);
                    if unit.e > end {
                        reach = Some((unit.e, u));
                    }
                }
                _ => reach = Some((unit.e, u)),
            }
        }
    }
    for chain in &inst.chains {
        for w in chain.windows(2) {
            union(&mut parent, w[0], w[1]);
        }
    }
    let mut parts: Vec<Vec<u32>> = Vec::new();
    let mut index = vec![u32::MAX; n];
    for u in 0..n as u32 {
        if inst.units[u as usize].elig.is_empty() {
            continue;
        }
        let r = find(&mut parent, u);
        if index[r as usize] == u32::MAX {
            index[r as usize] = parts.len() as u32;
            parts.push(Vec::new());
        }
        parts[index[r as usize] as usize].push(u);
    }
    parts
}

/// Houses the part's unhoused units one by one, the most constrained
/// first (fewest eligible blocks, then longest), each in the cheapest block
/// that fits.
fn greedy(state: &mut State, part: &[u32]) {
    let inst = state.inst;
    let mut order: Vec<u32> = part
        .iter()
        .copied()
        .filter(|&u| state.assign[u as usize] == NONE)
        .collect();
    order.sort_by_key(|&u| {
        let unit = &inst.units[u as usize];
        (unit.elig.len(), std::cmp::Reverse(unit.len()), u)
    });
    for u in order {
        if let Some((b, _)) = state.best_fit(u, NONE) {
            state.add(u, b);
        }
    }
}

/// Local search on a part, in rounds of single moves, every block
/// re-filled, single moves again, then moves that push others out of the
/// way; until a round houses no one more and saves less than a
/// [`SETTLED`]th of the cost, or after `rounds` rounds.
fn improve(state: &mut State, part: &[u32], rounds: usize) {
    let inst = state.inst;
    let mut blocks: Vec<u32> = part
        .iter()
        .flat_map(|&u| inst.units[u as usize].elig.iter().copied())
        .collect();
    blocks.sort_unstable();
    blocks.dedup();
    let mut scratch = Scratch::default();
    // Block re-fills only move this part's stays (others are in parts of
    // their own, on other nights): membership by binary search.
    let mut members = part.to_vec();
    members.sort_unstable();
    for _ in 0..rounds {
        let (unhoused, z0, cost) = (state.unhoused, state.z(), state.cost);
        relocate(state, part);
        for &b in &blocks {
            reoptimise_block(state, b, &members, &mut scratch);
        }
        relocate(state, part);
        insert_ejecting(state, part);
        // Settled: no one more housed, and the objective fell by less than
        // a small fraction of the cost (with the full objective, a round
        // that houses longer stays falls by far more).
        if state.unhoused >= unhoused && (z0 - state.z()).saturating_mul(SETTLED) <= cost {
            break;
        }
    }
}

/// Most rounds of the first local search.
const ROUNDS: usize = 12;

/// A round that saves less than this fraction of the cost (and houses no
/// one more) ends the local search.
const SETTLED: i128 = 5_000;

/// Moves single units to where they are cheaper (or housed at all).
fn relocate(state: &mut State, part: &[u32]) {
    loop {
        let mut changed = false;
        for &u in part {
            let current = state.assign[u as usize];
            let gain_now = state.contribution(u);
            if let Some((b, _)) = state.best_fit_below(u, current, gain_now) {
                state.set(u, b);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Moves units where they are worth more (unhoused ones into a room,
/// housed ones into a cheaper block) by moving others out of their way: in
/// a block full on some of the unit's nights, occupants covering those
/// nights leave for a free room elsewhere (the unit's old room included).
///
/// Only the most promising [`TRIES`] blocks are tried per unit: those with
/// the fewest full nights on its stay (the cheapest on ties).
fn insert_ejecting(state: &mut State, part: &[u32]) {
    let inst = state.inst;
    // Unhoused first (shortest first), then housed ones.
    let mut order: Vec<u32> = part.to_vec();
    order.sort_by_key(|&u| {
        (
            state.assign[u as usize] != NONE,
            inst.units[u as usize].len(),
            u,
        )
    });
    let mut targets: Vec<(u32, i128, u32)> = Vec::new();
    let mut candidates = Vec::new();
    for u in order {
        let limit = state.contribution(u);
        let current = state.assign[u as usize];
        targets.clear();
        targets.extend(
            inst.units[u as usize]
                .elig
                .iter()
                .copied()
                .filter(|&b| b != current && inst.room_cost(u, b) < limit)
                .map(|b| (state.full_nights(u, b), inst.room_cost(u, b), b)),
        );
        targets.sort_unstable();
        for &(_, _, b) in targets.iter().take(TRIES) {
            if eject_into(state, u, b, &mut candidates) {
                break;
            }
        }
    }
}

/// Blocks tried per unit by [`insert_ejecting`].
const TRIES: usize = 4;

/// Tries to move `u` (housed or not) into block `b`, moving occupants that
/// cover its full nights to their cheapest free room elsewhere; keeps the
/// change only if the objective improves.
fn eject_into(
    state: &mut State,
    u: u32,
    b: u32,
    candidates: &mut Vec<(u32, u32, Option<bool>)>,
) -> bool {
    let inst = state.inst;
    let unit = &inst.units[u as usize];
    let blk = &inst.blocks[b as usize];
    let old = state.assign[u as usize];
    let z0 = state.z();
    state.remove(u);
    if state.fits(u, b) {
        state.add(u, b);
        if state.z() < z0 {
            return true;
        }
        state.remove(u);
        if old != NONE {
            state.add(u, old);
        }
        return false;
    }
    let full = |state: &State, n: u32| {
        let i = (n - blk.first) as usize;
        state.used[b as usize][i] >= blk.cap[i]
    };
    // Occupants overlapping u's nights whose leaving frees a room, longest
    // reaching first; whether each has a free room elsewhere is found out
    // only when needed.
    candidates.clear();
    candidates.extend(
        state.members[b as usize]
            .iter()
            .copied()
            .filter(|&v| {
                let w = &inst.units[v as usize];
                w.a <= unit.e && w.e >= unit.a && state.frees_room(v)
            })
            .map(|v| (inst.units[v as usize].e, v, None)),
    );
    candidates.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut eject: Vec<u32> = Vec::new();
    let mut n = unit.a;
    let mut possible = true;
    while n <= unit.e {
        if !full(state, n) {
            n += 1;
            continue;
        }
        let mut pick = None;
        for (e, v, movable) in candidates.iter_mut() {
            let a = inst.units[*v as usize].a;
            if a > n || *e < n || eject.contains(v) {
                continue;
            }
            let ok = *movable.get_or_insert_with(|| state.best_fit(*v, b).is_some());
            if ok {
                pick = Some((*v, *e));
                break;
            }
        }
        match pick {
            Some((v, e)) if eject.len() < 3 => {
                eject.push(v);
                n = e + 1;
            }
            _ => {
                possible = false;
                break;
            }
        }
    }
    if possible {
        for &v in &eject {
            state.remove(v);
        }
        let mut ok = state.fits(u, b);
        if ok {
            state.add(u, b);
            for &v in &eject {
                match state.best_fit(v, b) {
                    Some((nb, _)) => state.add(v, nb),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
        }
        if ok && state.z() < z0 {
            return true;
        }
        state.remove(u);
        for &v in &eject {
            state.remove(v);
        }
        for &v in &eject {
            state.add(v, b);
        }
    }
    if old != NONE {
        state.add(u, old);
    }
    false
}

/// Re-fills block `b` optimally given where everyone else is: stays in the
/// block may leave for their best free room elsewhere (or be unhoused),
/// stays elsewhere or unhoused may come in. Keeps the change only if the
/// whole allocation improves. When stays that were to leave find no room
/// after all (another took it), the block is re-filled again with them
/// kept, a few times.
fn reoptimise_block(state: &mut State, b: u32, members: &[u32], scratch: &mut Scratch) -> bool {
    let mut pinned: Vec<u32> = Vec::new();
    for _ in 0..4 {
        match try_block(state, b, members, scratch, &pinned) {
            Attempt::Improved => return true,
            Attempt::Unchanged => return false,
            Attempt::Stranded(more) => {
                if more.is_empty() {
                    return false;
                }
                pinned.extend(more);
                pinned.sort_unstable();
                pinned.dedup();
            }
        }
    }
    false
}

enum Attempt {
    Improved,
    Unchanged,
    /// Undone; these units found no room after leaving.
    Stranded(Vec<u32>),
}

/// Re-fills block `b` with the stays of `members` (sorted), over the
/// nights they span.
fn try_block(
    state: &mut State,
    b: u32,
    members: &[u32],
    scratch: &mut Scratch,
    pinned: &[u32],
) -> Attempt {
    let inst = state.inst;
    let blk = &inst.blocks[b as usize];
    let occ = blk.occ;
    let first = blk.first;
    // Items and, per item, the units it stands for:
    // `units[starts[i]..starts[i + 1]]`.
    let mut items: Vec<Item> = Vec::new();
    let mut units: Vec<u32> = Vec::new();
    let mut starts: Vec<u32> = vec![0];
    // Sharers in this block: (group, value, unit).
    let mut sharers: Vec<(u32, i128, u32)> = Vec::new();
    for &u in &inst.block_units[b as usize] {
        if members.binary_search(&u).is_err() {
            continue;
        }
        let unit = &inst.units[u as usize];
        let inside = state.assign[u as usize] == b;
        // What the unit is worth to this block: the objective it avoids
        // elsewhere.
        let value = if inside {
            if pinned.binary_search(&u).is_ok() {
                state.penalty[u as usize]
            } else {
                state
                    .best_fit(u, b)
                    .map_or(state.penalty[u as usize], |(_, c)| c)
            }
        } else {
            state.contribution(u)
        };
        if unit.group != NONE && occ > 1 {
            sharers.push((unit.group, value, u));
            continue;
        }
        let gain = value - inst.room_cost(u, b);
        if inside || gain > 0 {
            items.push(Item {
                a: unit.a - first,
                e: unit.e - first,
                gain,
                selected: inside,
            });
            units.push(u);
            starts.push(units.len() as u32);
        }
    }
    // Per share group, people by value: each room takes the next
    // `occupancy` of them, so room gains only fall.
    sharers.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
    for people in sharers.chunk_by(|x, y| x.0 == y.0) {
        let g = people[0].0;
        let rooms_now = inst.rooms_for(b, state.group_count(g, b)) as usize;
        let unit = &inst.units[people[0].2 as usize];
        let room_cost = inst.room_cost(people[0].2, b);
        for (j, chunk) in people.chunks(occ as usize).enumerate() {
            let gain = chunk.iter().map(|p| p.1).sum::<i128>() - room_cost;
            let selected = j < rooms_now;
            if !selected && gain <= 0 {
                break;
            }
            items.push(Item {
                a: unit.a - first,
                e: unit.e - first,
                gain,
                selected,
            });
            units.extend(chunk.iter().map(|p| p.2));
            starts.push(units.len() as u32);
        }
    }
    // Only the nights the items span: stays of other parts in the block
    // never share a night with these (or they would be in this part), so
    // the window's other nights are unchanged by any re-fill.
    let Some(lo) = items.iter().map(|it| it.a).min() else {
        return Attempt::Unchanged;
    };
    let hi = items.iter().map(|it| it.e).max().unwrap_or(lo);
    for it in &mut items {
        it.a -= lo;
        it.e -= lo;
    }
    let before: Vec<bool> = items.iter().map(|it| it.selected).collect();
    flow::optimise(&blk.cap[lo as usize..=hi as usize], &mut items, scratch);
    // Target occupants.
    let mut target: Vec<u32> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if it.selected {
            target.extend_from_slice(&units[starts[i] as usize..starts[i + 1] as usize]);
        }
    }
    target.sort_unstable();
    // This part's occupants only: stays of other parts in the block are on
    // other nights, and their allocation (solved, its bounds counted)
    // stays as it is.
    let mut current: Vec<u32> = state.members[b as usize]
        .iter()
        .copied()
        .filter(|u| members.binary_search(u).is_ok())
        .collect();
    current.sort_unstable();
    let unchanged_sel = items.iter().zip(&before).all(|(it, &s)| it.selected == s);
    if unchanged_sel && current == target {
        return Attempt::Unchanged;
    }
    let z0 = state.z();
    let mut log: Vec<(u32, u32)> = Vec::new();
    let leaving: Vec<u32> = current
        .iter()
        .copied()
        .filter(|u| target.binary_search(u).is_err())
        .collect();
    for &u in &leaving {
        log.push((u, b));
        state.remove(u);
    }
    for &u in &target {
        let was = state.assign[u as usize];
        if was != b {
            log.push((u, was));
            state.remove(u);
            if state.fits(u, b) {
                state.add(u, b);
            }
        }
    }
    let mut stranded = Vec::new();
    for &u in &leaving {
        match state.best_fit(u, NONE) {
            Some((nb, _)) => state.add(u, nb),
            None => stranded.push(u),
        }
    }
    if state.z() < z0 {
        return Attempt::Improved;
    }
    // Undo: take every changed unit out, then put each back.
    for &(u, _) in &log {
        state.remove(u);
    }
    for &(u, was) in &log {
        if was != NONE && state.assign[u as usize] == NONE {
            state.add(u, was);
        }
    }
    Attempt::Stranded(stranded)
}

/// Ruin-and-recreate steps after the first local search.
const RUINS: usize = 2_000;

/// Most units taken out by one ruin-and-recreate step.
const RUIN_SIZE: usize = 12;

/// Ruin and recreate: take out a unit and some occupants of its other
/// blocks on its nights, put them back most constrained first, each in the
/// cheapest block that fits, and keep the result if it is no worse (so the
/// search can drift across equally good allocations). The choices come
/// from a fixed-seed generator over the canonical order of units: the same
/// input always gives the same result.
fn ruin_recreate(state: &mut State, part: &[u32], steps: usize) {
    let inst = state.inst;
    let mut rng = SplitMix64(0x5EED_0FC0_FFEE);
    let mut taken: Vec<(u32, u32)> = Vec::new();
    let mut pool: Vec<u32> = Vec::new();
    for _ in 0..steps {
        let s = part[rng.below(part.len())];
        let unit = &inst.units[s as usize];
        pool.clear();
        pool.push(s);
        let current = state.assign[s as usize];
        for &b in &unit.elig {
            if pool.len() >= RUIN_SIZE {
                break;
            }
            if b == current || rng.below(3) != 0 {
                continue;
            }
            for &v in &state.members[b as usize] {
                let other = &inst.units[v as usize];
                if other.a <= unit.e && other.e >= unit.a && rng.below(2) == 0 && !pool.contains(&v)
                {
                    pool.push(v);
                }
            }
        }
        pool.truncate(RUIN_SIZE);
        let z0 = state.z();
        taken.clear();
        for &v in &pool {
            taken.push((v, state.assign[v as usize]));
            state.remove(v);
        }
        pool.sort_by_cached_key(|&v| {
            let other = &inst.units[v as usize];
            let fits = other.elig.iter().filter(|&&b| state.fits(v, b)).count();
            (fits, std::cmp::Reverse(other.len()), v)
        });
        for &v in &pool {
            if let Some((b, _)) = state.best_fit(v, NONE) {
                state.add(v, b);
            }
        }
        if state.z() > z0 {
            for &(v, _) in &taken {
                state.remove(v);
            }
            for &(v, b) in &taken {
                if b != NONE {
                    state.add(v, b);
                }
            }
        }
    }
}

/// SplitMix64: small, fast, and the same on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Cuts moves without changing who is housed or the cost: a stay moves to
/// a block at the hotel of the person's neighbouring stays when that costs
/// no more.
fn reduce_moves(state: &mut State) {
    let inst = state.inst;
    for chain in &inst.chains {
        for (i, &u) in chain.iter().enumerate() {
            let b = state.assign[u as usize];
            if b == NONE {
                continue;
            }
            let hotel_of = |x: u32| {
                let blk = state.assign[x as usize];
                (blk != NONE).then(|| inst.blocks[blk as usize].hotel)
            };
            let prev = i.checked_sub(1).and_then(|j| hotel_of(chain[j]));
            let next = chain.get(i + 1).and_then(|&x| hotel_of(x));
            let here = inst.blocks[b as usize].hotel;
            let count = |h: u32| {
                u32::from(prev.is_some_and(|p| p != h)) + u32::from(next.is_some_and(|n| n != h))
            };
            let now = count(here);
            if now == 0 {
                continue;
            }
            let saving = state.remove_saving(u);
            let mut best: Option<(u32, u32)> = None;
            for &nb in &inst.units[u as usize].elig {
                if nb == b {
                    continue;
                }
                let m = count(inst.blocks[nb as usize].hotel);
                if m >= now || best.is_some_and(|(bm, _)| m >= bm) {
                    continue;
                }
                if state.fits(u, nb) && state.add_cost(u, nb) <= saving {
                    best = Some((m, nb));
                }
            }
            if let Some((_, nb)) = best {
                let z0 = state.z();
                state.set(u, nb);
                if state.z() > z0 {
                    state.set(u, b);
                }
            }
        }
    }
}

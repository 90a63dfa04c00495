//! An allocation under construction, with exact incremental bookkeeping.

use rustc_hash::FxHashMap;

use super::instance::{Instance, NONE};

/// People per (share group, block): a dense table when it is small enough,
/// a hash map otherwise.
#[derive(Debug, Clone)]
enum GroupCounts {
    Dense { blocks: usize, counts: Vec<u32> },
    Sparse(FxHashMap<(u32, u32), u32>),
}

impl GroupCounts {
    fn new(groups: usize, blocks: usize) -> Self {
        match groups.checked_mul(blocks) {
            Some(n) if n <= 1 << 22 => GroupCounts::Dense {
                blocks,
                counts: vec![0; n],
            },
            _ => GroupCounts::Sparse(FxHashMap::default()),
        }
    }

    #[inline]
    fn get(&self, g: u32, b: u32) -> u32 {
        match self {
            GroupCounts::Dense { blocks, counts } => counts[g as usize * blocks + b as usize],
            GroupCounts::Sparse(map) => map.get(&(g, b)).copied().unwrap_or(0),
        }
    }

    #[inline]
    fn add(&mut self, g: u32, b: u32, delta: i32) {
        match self {
            GroupCounts::Dense { blocks, counts } => {
                let c = &mut counts[g as usize * *blocks + b as usize];
                *c = c.wrapping_add_signed(delta);
            }
            GroupCounts::Sparse(map) => {
                let c = map.entry((g, b)).or_insert(0);
                *c = c.wrapping_add_signed(delta);
                if *c == 0 {
                    map.remove(&(g, b));
                }
            }
        }
    }
}

/// Who is where, rooms in use per block and night, and the objective.
#[derive(Debug, Clone)]
pub(super) struct State<'a> {
    pub inst: &'a Instance,
    /// Block of each unit, or [`NONE`].
    pub assign: Vec<u32>,
    /// Rooms in use per block, indexed like `Blk::cap`.
    pub used: Vec<Vec<u32>>,
    /// Per block, a bit per night: no room left.
    full: Vec<Vec<u64>>,
    /// Units in each block (any order).
    pub members: Vec<Vec<u32>>,
    /// Position of each housed unit in its block's `members`.
    slot: Vec<u32>,
    /// People of each (share group, block) pair.
    gcount: GroupCounts,
    /// Unhoused units.
    pub unhoused: u32,
    /// What leaving each unit unhoused costs in the objective
    /// ([`Instance::penalty`] or [`Instance::stay_penalty`]).
    pub penalty: &'a [i128],
    /// Sum of the unhoused units' penalties.
    unhoused_penalty: i128,
    /// Cost in comparison units.
    pub cost: i128,
}

impl<'a> State<'a> {
    /// Everyone unhoused.
    pub fn new(inst: &'a Instance) -> Self {
        Self {
            inst,
            assign: vec![NONE; inst.units.len()],
            used: inst.blocks.iter().map(|b| vec![0; b.cap.len()]).collect(),
            full: inst
                .blocks
                .iter()
                .map(|b| {
                    let mut bits = vec![0u64; b.cap.len().div_ceil(64)];
                    for (i, &c) in b.cap.iter().enumerate() {
                        if c == 0 {
                            bits[i / 64] |= 1 << (i % 64);
                        }
                    }
                    bits
                })
                .collect(),
            members: vec![Vec::new(); inst.blocks.len()],
            slot: vec![NONE; inst.units.len()],
            gcount: GroupCounts::new(inst.groups, inst.blocks.len()),
            unhoused: inst.units.len() as u32,
            penalty: &inst.penalty,
            unhoused_penalty: inst.penalty.iter().sum(),
            cost: 0,
        }
    }

    /// Switches the objective's penalties (recomputing it).
    pub fn set_penalty(&mut self, penalty: &'a [i128]) {
        self.penalty = penalty;
        self.unhoused_penalty = self
            .assign
            .iter()
            .zip(penalty)
            .filter(|(b, _)| **b == NONE)
            .map(|(_, p)| *p)
            .sum();
    }

    /// The unhoused stays' penalties + cost: lower is better.
    #[inline]
    pub fn z(&self) -> i128 {
        self.unhoused_penalty + self.cost
    }

    /// People of share group `g` in block `b`.
    #[inline]
    pub fn group_count(&self, g: u32, b: u32) -> u32 {
        self.gcount.get(g, b)
    }

    /// Whether adding `u` to `b` takes another room.
    #[inline]
    pub fn needs_room(&self, u: u32, b: u32) -> bool {
        let unit = &self.inst.units[u as usize];
        let occ = self.inst.blocks[b as usize].occ;
        unit.group == NONE || occ <= 1 || self.group_count(unit.group, b) % occ == 0
    }

    /// Whether removing `u` from its block frees a room.
    #[inline]
    pub fn frees_room(&self, u: u32) -> bool {
        let b = self.assign[u as usize];
        let unit = &self.inst.units[u as usize];
        let occ = self.inst.blocks[b as usize].occ;
        unit.group == NONE || occ <= 1 || self.group_count(unit.group, b) % occ == 1
    }

    /// Whether block `b` has a free room on every night of `u`.
    #[inline]
    pub fn has_room(&self, u: u32, b: u32) -> bool {
        let unit = &self.inst.units[u as usize];
        let first = self.inst.blocks[b as usize].first;
        let lo = (unit.a - first) as usize;
        let hi = (unit.e - first) as usize;
        let bits = &self.full[b as usize];
        let (wlo, whi) = (lo / 64, hi / 64);
        for (w, &word) in bits.iter().enumerate().take(whi + 1).skip(wlo) {
            let mut mask = u64::MAX;
            if w == wlo {
                mask &= u64::MAX << (lo % 64);
            }
            if w == whi {
                mask &= u64::MAX >> (63 - hi % 64);
            }
            if word & mask != 0 {
                return false;
            }
        }
        true
    }

    /// Nights of `u` on which block `b` has no room left.
    #[inline]
    pub fn full_nights(&self, u: u32, b: u32) -> u32 {
        let unit = &self.inst.units[u as usize];
        let first = self.inst.blocks[b as usize].first;
        let lo = (unit.a - first) as usize;
        let hi = (unit.e - first) as usize;
        let bits = &self.full[b as usize];
        let (wlo, whi) = (lo / 64, hi / 64);
        let mut count = 0;
        for (w, &word) in bits.iter().enumerate().take(whi + 1).skip(wlo) {
            let mut mask = u64::MAX;
            if w == wlo {
                mask &= u64::MAX << (lo % 64);
            }
            if w == whi {
                mask &= u64::MAX >> (63 - hi % 64);
            }
            count += (word & mask).count_ones();
        }
        count
    }

    /// Whether `u` can join block `b` now.
    #[inline]
    pub fn fits(&self, u: u32, b: u32) -> bool {
        !self.needs_room(u, b) || self.has_room(u, b)
    }

    /// What adding `u` to `b` costs.
    #[inline]
    pub fn add_cost(&self, u: u32, b: u32) -> i128 {
        if self.needs_room(u, b) {
            self.inst.room_cost(u, b)
        } else {
            0
        }
    }

    /// What removing `u` from its block saves (0 when unhoused).
    #[inline]
    pub fn remove_saving(&self, u: u32) -> i128 {
        let b = self.assign[u as usize];
        if b == NONE {
            0
        } else if self.frees_room(u) {
            self.inst.room_cost(u, b)
        } else {
            0
        }
    }

    /// What `u` currently contributes to the objective and would stop
    /// contributing if it left: its penalty when unhoused, its room saving
    /// otherwise.
    #[inline]
    pub fn contribution(&self, u: u32) -> i128 {
        if self.assign[u as usize] == NONE {
            self.penalty[u as usize]
        } else {
            self.remove_saving(u)
        }
    }

    fn book(&mut self, u: u32, b: u32, delta: i32) {
        let unit = &self.inst.units[u as usize];
        let blk = &self.inst.blocks[b as usize];
        let lo = (unit.a - blk.first) as usize;
        let hi = (unit.e - blk.first) as usize;
        let used = &mut self.used[b as usize];
        let bits = &mut self.full[b as usize];
        for i in lo..=hi {
            let x = used[i].wrapping_add_signed(delta);
            used[i] = x;
            if x >= blk.cap[i] {
                bits[i / 64] |= 1 << (i % 64);
            } else {
                bits[i / 64] &= !(1 << (i % 64));
            }
        }
    }

    /// Puts unhoused `u` in block `b` (the caller checked [`State::fits`]).
    pub fn add(&mut self, u: u32, b: u32) {
        debug_assert_eq!(self.assign[u as usize], NONE);
        if self.needs_room(u, b) {
            self.book(u, b, 1);
            self.cost += self.inst.room_cost(u, b);
        }
        let g = self.inst.units[u as usize].group;
        if g != NONE {
            self.gcount.add(g, b, 1);
        }
        self.slot[u as usize] = self.members[b as usize].len() as u32;
        self.members[b as usize].push(u);
        self.assign[u as usize] = b;
        self.unhoused -= 1;
        self.unhoused_penalty -= self.penalty[u as usize];
    }

    /// Takes `u` out of its block (no-op when unhoused).
    pub fn remove(&mut self, u: u32) {
        let b = self.assign[u as usize];
        if b == NONE {
            return;
        }
        if self.frees_room(u) {
            self.book(u, b, -1);
            self.cost -= self.inst.room_cost(u, b);
        }
        let g = self.inst.units[u as usize].group;
        if g != NONE {
            self.gcount.add(g, b, -1);
        }
        let at = self.slot[u as usize] as usize;
        let list = &mut self.members[b as usize];
        list.swap_remove(at);
        if let Some(&moved) = list.get(at) {
            self.slot[moved as usize] = at as u32;
        }
        self.slot[u as usize] = NONE;
        self.assign[u as usize] = NONE;
        self.unhoused += 1;
        self.unhoused_penalty += self.penalty[u as usize];
    }

    /// Moves `u` to `b` (or out, with [`NONE`]).
    pub fn set(&mut self, u: u32, b: u32) {
        if self.assign[u as usize] == b {
            return;
        }
        self.remove(u);
        if b != NONE {
            self.add(u, b);
        }
    }

    /// The cheapest block other than `except` that `u` fits in now, with
    /// what joining it costs.
    pub fn best_fit(&self, u: u32, except: u32) -> Option<(u32, i128)> {
        self.best_fit_below(u, except, i128::MAX)
    }

    /// The same, among blocks where joining costs less than `limit`.
    pub fn best_fit_below(&self, u: u32, except: u32, limit: i128) -> Option<(u32, i128)> {
        let unit = &self.inst.units[u as usize];
        if limit <= 0 {
            return None;
        }
        if unit.group != NONE {
            // A free bed in a shared room costs nothing.
            for &b in &unit.elig {
                if b != except && !self.needs_room(u, b) {
                    return Some((b, 0));
                }
            }
        }
        // Eligible blocks are sorted by room cost: the first with a room is
        // the cheapest.
        for &b in &unit.elig {
            let c = self.inst.room_cost(u, b);
            if c >= limit {
                return None;
            }
            if b != except && self.has_room(u, b) {
                return Some((b, c));
            }
        }
        None
    }

    /// Moves: consecutive stays of one person, both housed, at different
    /// hotels.
    pub fn moves(&self) -> u32 {
        let mut moves = 0;
        for chain in &self.inst.chains {
            for w in chain.windows(2) {
                let (x, y) = (self.assign[w[0] as usize], self.assign[w[1] as usize]);
                if x != NONE
                    && y != NONE
                    && self.inst.blocks[x as usize].hotel != self.inst.blocks[y as usize].hotel
                {
                    moves += 1;
                }
            }
        }
        moves
    }

    /// Rebuilds a state from assignments.
    pub fn from_assign(inst: &'a Instance, assign: &[u32]) -> Self {
        let mut s = State::new(inst);
        for (u, &b) in assign.iter().enumerate() {
            if b != NONE {
                s.add(u as u32, b);
            }
        }
        s
    }
}

//! Branch and bound over one small part: every stay tries every block it
//! fits, cheapest first, then staying unhoused. Exact in all four
//! objectives (stays housed, nights housed, cost, moves) when it finishes.

use super::instance::{Instance, NONE};
use super::state::State;

struct Search<'s, 'a> {
    state: &'s mut State<'a>,
    /// Units in search order.
    order: Vec<u32>,
    /// Lower bound on what the units from position i on add to the
    /// objective.
    rest: Vec<i128>,
    /// The penalties of the units from position i on (they count as
    /// unhoused in z until placed).
    pending: Vec<i128>,
    /// Whether unit i may not take an option earlier than unit i − 1's
    /// (interchangeable units).
    symmetric: Vec<bool>,
    /// Option index chosen at each position.
    chosen: Vec<usize>,
    best_z: i128,
    best_moves: u32,
    best: Vec<u32>,
    moves: u32,
    nodes: u64,
    limit: u64,
}

/// Solves for the units of `part` exactly, everyone else staying where
/// they are, starting from the state's allocation as the incumbent.
/// Returns whether the search finished (the result is then optimal for
/// `part`); the state holds the best allocation found either way.
pub(super) fn solve(state: &mut State, part: &[u32], limit: u64) -> bool {
    let inst: &Instance = state.inst;
    let in_chain = |u: u32| inst.neighbours[u as usize] != (NONE, NONE);
    let mut order: Vec<u32> = part.to_vec();
    order.sort_by(|&x, &y| {
        let (a, b) = (&inst.units[x as usize], &inst.units[y as usize]);
        (a.elig.len(), &a.elig, a.a, a.e, a.group, x).cmp(&(
            b.elig.len(),
            &b.elig,
            b.a,
            b.e,
            b.group,
            y,
        ))
    });
    let symmetric: Vec<bool> = (0..order.len())
        .map(|i| {
            i > 0 && {
                let (x, y) = (order[i - 1], order[i]);
                let (a, b) = (&inst.units[x as usize], &inst.units[y as usize]);
                a.elig == b.elig
                    && a.a == b.a
                    && a.e == b.e
                    && a.group == b.group
                    && !in_chain(x)
                    && !in_chain(y)
            }
        })
        .collect();
    let mut rest = vec![0i128; order.len() + 1];
    let mut pending = vec![0i128; order.len() + 1];
    for i in (0..order.len()).rev() {
        pending[i] = pending[i + 1] + state.penalty[order[i] as usize];
        let u = order[i];
        let unit = &inst.units[u as usize];
        let lb = if unit.group != NONE {
            0
        } else {
            inst.room_cost(u, unit.elig[0])
        };
        rest[i] = rest[i + 1] + lb;
    }
    // Incumbent: the current allocation.
    let best: Vec<u32> = order.iter().map(|&u| state.assign[u as usize]).collect();
    let best_z = state.z();
    let best_moves = state.moves();
    let moves_outside = best_moves - part_moves(state, &order);
    for &u in &order {
        state.remove(u);
    }
    let mut search = Search {
        state,
        chosen: vec![0; order.len()],
        order,
        rest,
        pending,
        symmetric,
        best_z,
        best_moves,
        best,
        moves: moves_outside,
        nodes: 0,
        limit,
    };
    search.dfs(0);
    let finished = search.nodes <= search.limit;
    let Search {
        state, order, best, ..
    } = search;
    for &u in &order {
        state.remove(u);
    }
    for (&u, &b) in order.iter().zip(&best) {
        if b != NONE {
            state.add(u, b);
        }
    }
    finished
}

/// Moves involving at least one unit of `order`.
fn part_moves(state: &State, order: &[u32]) -> u32 {
    let inst = state.inst;
    let mut m = 0;
    for &u in order {
        let (prev, next) = inst.neighbours[u as usize];
        for n in [prev, next] {
            if n == NONE {
                continue;
            }
            // A pair inside the part is counted from its lower unit only.
            if order.contains(&n) && n < u {
                continue;
            }
            m += u32::from(differs(state, u, n));
        }
    }
    m
}

fn differs(state: &State, x: u32, y: u32) -> bool {
    let (bx, by) = (state.assign[x as usize], state.assign[y as usize]);
    bx != NONE
        && by != NONE
        && state.inst.blocks[bx as usize].hotel != state.inst.blocks[by as usize].hotel
}

impl Search<'_, '_> {
    fn dfs(&mut self, i: usize) {
        self.nodes += 1;
        if self.nodes > self.limit {
            return;
        }
        let z = self.state.z();
        if i == self.order.len() {
            if (z, self.moves) < (self.best_z, self.best_moves) {
                self.best_z = z;
                self.best_moves = self.moves;
                self.best = self
                    .order
                    .iter()
                    .map(|&u| self.state.assign[u as usize])
                    .collect();
            }
            return;
        }
        // The units not yet placed still count as unhoused in z: take that
        // out and add their least possible cost instead.
        let lb = z - self.pending[i] + self.rest[i];
        if (lb, self.moves) >= (self.best_z, self.best_moves) {
            return;
        }
        let u = self.order[i];
        let inst = self.state.inst;
        let options = inst.units[u as usize].elig.len();
        let from = if self.symmetric[i] {
            self.chosen[i - 1]
        } else {
            0
        };
        for k in from..=options {
            self.chosen[i] = k;
            if k == options {
                // Unhoused.
                self.dfs(i + 1);
                continue;
            }
            let b = inst.units[u as usize].elig[k];
            if !self.state.fits(u, b) {
                continue;
            }
            self.state.add(u, b);
            let added = self.moves_with(u);
            self.moves += added;
            self.dfs(i + 1);
            self.moves -= added;
            self.state.remove(u);
            if self.nodes > self.limit {
                return;
            }
        }
    }

    /// Moves between `u` (just placed) and its already placed neighbours.
    fn moves_with(&self, u: u32) -> u32 {
        let (prev, next) = self.state.inst.neighbours[u as usize];
        let mut m = 0;
        for n in [prev, next] {
            if n != NONE && self.state.assign[n as usize] != NONE {
                m += u32::from(differs(self.state, u, n));
            }
        }
        m
    }
}

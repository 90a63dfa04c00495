//! The best selection of room-intervals within one block: a min-cost
//! circulation over the block's nights, improved from a feasible start by
//! cancelling negative cycles.
//!
//! Nodes are the boundaries between nights (`0..=L` for `L` nights). A room
//! that is free on night `n` is one unit of flow on the chain arc
//! `n → n+1`; a selected item (a room held from night `a` to night `e`)
//! carries one unit from `a` to `e + 1`. Flow conservation then says that
//! on every night free rooms plus selected items equal the block's rooms,
//! so a selection is feasible exactly when every chain flow is non-negative.
//! The constraint matrix is an interval matrix (consecutive ones), so the
//! optimum is integral, and a selection is optimal exactly when the
//! residual graph has no negative cycle.

/// A candidate room-interval.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// First night, local to the block.
    pub a: u32,
    /// Last night, inclusive.
    pub e: u32,
    /// What selecting it is worth.
    pub gain: i128,
    /// Whether it is selected.
    pub selected: bool,
}

/// Improves a feasible selection until it is optimal. `cap` holds the rooms
/// per night; returns whether anything changed.
///
/// Negative cycles are found by Bellman-Ford with passes that alternate
/// direction (forward arcs by rising node, then backward arcs by falling
/// node), so a pass follows a whole monotone stretch of a path, and the
/// predecessor graph is checked for a cycle after every pass.
pub(super) fn optimise(cap: &[u32], items: &mut [Item], scratch: &mut Scratch) -> bool {
    let nights = cap.len();
    let nodes = nights + 1;
    let Scratch {
        free,
        dist,
        pred,
        by_start,
        by_end,
        start_at,
        end_at,
        mark,
    } = scratch;
    free.clear();
    free.extend(cap.iter().map(|&c| i64::from(c)));
    for it in items.iter().filter(|it| it.selected) {
        for f in &mut free[it.a as usize..=it.e as usize] {
            *f -= 1;
        }
    }
    // Items by start node and by end node (e + 1), as CSR lists.
    index(
        items.iter().map(|it| it.a as usize),
        nodes,
        start_at,
        by_start,
    );
    index(
        items.iter().map(|it| it.e as usize + 1),
        nodes,
        end_at,
        by_end,
    );

    let mut changed = false;
    // Each cancellation strictly lowers the cost; the cap only guards
    // against pathological inputs.
    'cancel: for _ in 0..100_000 {
        dist.clear();
        dist.resize(nodes, 0);
        pred.clear();
        pred.resize(nodes, Pred::None);
        let mut passes = 0;
        loop {
            passes += 1;
            let mut relaxed = false;
            // Forward: chain n → n+1 and unselected items a → e+1.
            for v in 0..nodes {
                let dv = dist[v];
                if v + 1 < nodes && dv < dist[v + 1] {
                    dist[v + 1] = dv;
                    pred[v + 1] = Pred::Chain;
                    relaxed = true;
                }
                for &i in &by_start[start_at[v] as usize..start_at[v + 1] as usize] {
                    let it = &items[i as usize];
                    if it.selected || it.gain <= 0 {
                        continue;
                    }
                    let to = it.e as usize + 1;
                    let d = dv - it.gain;
                    if d < dist[to] {
                        dist[to] = d;
                        pred[to] = Pred::Item(i);
                        relaxed = true;
                    }
                }
            }
            // Backward: chain n+1 → n where a room is free, selected items
            // e+1 → a.
            for v in (0..nodes).rev() {
                let dv = dist[v];
                if v > 0 && free[v - 1] > 0 && dv < dist[v - 1] {
                    dist[v - 1] = dv;
                    pred[v - 1] = Pred::Back;
                    relaxed = true;
                }
                for &i in &by_end[end_at[v] as usize..end_at[v + 1] as usize] {
                    let it = &items[i as usize];
                    if !it.selected {
                        continue;
                    }
                    let to = it.a as usize;
                    let d = dv + it.gain;
                    if d < dist[to] {
                        dist[to] = d;
                        pred[to] = Pred::Item(i);
                        relaxed = true;
                    }
                }
            }
            if !relaxed {
                break 'cancel;
            }
            if let Some(start) = pred_cycle(items, pred, mark) {
                cancel(items, pred, free, start);
                changed = true;
                continue 'cancel;
            }
            if passes > 2 * nodes + 2 {
                // Cannot happen without a cycle in the predecessor graph;
                // stop rather than loop.
                break 'cancel;
            }
        }
    }
    changed
}

/// How a node was last reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pred {
    None,
    /// From the node before, along the chain.
    Chain,
    /// From the node after, backwards along the chain.
    Back,
    /// Along an item arc.
    Item(u32),
}

/// The node a predecessor arc comes from.
fn from(items: &[Item], v: usize, p: Pred) -> Option<usize> {
    match p {
        Pred::None => None,
        Pred::Chain => Some(v - 1),
        Pred::Back => Some(v + 1),
        Pred::Item(i) => {
            let it = &items[i as usize];
            Some(if it.selected {
                it.e as usize + 1
            } else {
                it.a as usize
            })
        }
    }
}

/// A node on a cycle of the predecessor graph, if it has one (such a cycle
/// is always negative).
fn pred_cycle(items: &[Item], pred: &[Pred], mark: &mut Vec<u32>) -> Option<usize> {
    mark.clear();
    mark.resize(pred.len(), 0);
    for s in 0..pred.len() {
        if mark[s] != 0 {
            continue;
        }
        let tag = s as u32 + 1;
        let mut v = s;
        loop {
            if mark[v] == tag {
                return Some(v);
            }
            if mark[v] != 0 {
                break;
            }
            mark[v] = tag;
            match from(items, v, pred[v]) {
                Some(u) => v = u,
                None => break,
            }
        }
    }
    None
}

/// Pushes one unit around the cycle through `start`.
fn cancel(items: &mut [Item], pred: &[Pred], free: &mut [i64], start: usize) {
    let mut flips = Vec::new();
    let mut v = start;
    loop {
        let p = pred[v];
        if let Pred::Item(i) = p {
            flips.push(i);
        }
        match from(items, v, p) {
            Some(u) => v = u,
            None => break,
        }
        if v == start {
            break;
        }
    }
    for i in flips {
        let it = &mut items[i as usize];
        it.selected = !it.selected;
        let d = if it.selected { -1 } else { 1 };
        for f in &mut free[it.a as usize..=it.e as usize] {
            *f += d;
        }
    }
}

/// Counting sort of item indices by key into CSR form.
fn index(
    keys: impl Iterator<Item = usize> + Clone,
    nodes: usize,
    at: &mut Vec<u32>,
    list: &mut Vec<u32>,
) {
    at.clear();
    at.resize(nodes + 1, 0);
    for k in keys.clone() {
        at[k + 1] += 1;
    }
    for v in 0..nodes {
        at[v + 1] += at[v];
    }
    list.clear();
    list.resize(at[nodes] as usize, 0);
    let mut next: Vec<u32> = at[..nodes].to_vec();
    for (i, k) in keys.enumerate() {
        list[next[k] as usize] = i as u32;
        next[k] += 1;
    }
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    free: Vec<i64>,
    dist: Vec<i128>,
    pred: Vec<Pred>,
    by_start: Vec<u32>,
    by_end: Vec<u32>,
    start_at: Vec<u32>,
    end_at: Vec<u32>,
    mark: Vec<u32>,
}

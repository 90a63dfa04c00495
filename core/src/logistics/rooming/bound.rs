//! Lagrangian bounds: room capacity is priced per block and night, after
//! which every stay chooses alone. The best prices give the bound of the
//! linear relaxation (sharers may take fractions of rooms); subgradient
//! steps look for them.
//!
//! Floating point is used for the prices only; the bounds are rounded
//! towards safety, and costs themselves stay exact integers elsewhere.

use super::instance::{Instance, NONE};

/// Subgradient iterations per bound.
const ITERATIONS: usize = 150;

/// One (unit, eligible block) pair, flattened.
#[derive(Debug, Clone, Copy)]
struct Option_ {
    /// First and one-past-last index into the flat night arrays.
    lo: u32,
    hi: u32,
    /// Share of a room the unit takes.
    share: f64,
    /// Room cost × share.
    cost: f64,
}

/// The part of the problem the bound looks at, flattened.
struct Flat {
    /// Options of each unit: `opts[start[i]..start[i + 1]]`.
    start: Vec<u32>,
    opts: Vec<Option_>,
    /// Rooms per block-night, all blocks end to end.
    cap: Vec<f64>,
}

impl Flat {
    fn new(inst: &Instance, units: &[u32]) -> Flat {
        let mut offset = Vec::with_capacity(inst.blocks.len());
        let mut cap = Vec::new();
        for b in &inst.blocks {
            offset.push(cap.len() as u32);
            cap.extend(b.cap.iter().map(|&c| f64::from(c)));
        }
        let mut start = Vec::with_capacity(units.len() + 1);
        let mut opts = Vec::new();
        start.push(0);
        for &u in units {
            let unit = &inst.units[u as usize];
            for &b in &unit.elig {
                let blk = &inst.blocks[b as usize];
                let share = if unit.group != NONE && blk.occ > 1 {
                    1.0 / f64::from(blk.occ)
                } else {
                    1.0
                };
                let base = offset[b as usize] + unit.a - blk.first;
                opts.push(Option_ {
                    lo: base,
                    hi: base + unit.len(),
                    share,
                    cost: share * inst.room_cost(u, b) as f64,
                });
            }
            start.push(opts.len() as u32);
        }
        Flat { start, opts, cap }
    }

    fn units(&self) -> usize {
        self.start.len() - 1
    }
}

/// Evaluates the relaxation at prices `lambda`: each unit picks its option
/// with the least `score` below `threshold` (or none). Returns the sum of
/// the picked scores and the number picked, and fills `usage`.
fn evaluate(
    flat: &Flat,
    lambda: &[f64],
    prefix: &mut Vec<f64>,
    usage: &mut Vec<f64>,
    score: impl Fn(&Option_, f64) -> f64,
    threshold: f64,
) -> (f64, usize) {
    prefix.clear();
    prefix.push(0.0);
    let mut acc = 0.0;
    for &x in lambda {
        acc += x;
        prefix.push(acc);
    }
    usage.clear();
    usage.resize(lambda.len() + 1, 0.0);
    let mut total = 0.0;
    let mut picked = 0;
    for i in 0..flat.units() {
        let mut best: Option<(f64, &Option_)> = None;
        for o in &flat.opts[flat.start[i] as usize..flat.start[i + 1] as usize] {
            let price = prefix[o.hi as usize] - prefix[o.lo as usize];
            let v = score(o, price);
            if v < threshold && best.is_none_or(|(bv, _)| v < bv) {
                best = Some((v, o));
            }
        }
        if let Some((v, o)) = best {
            total += v;
            picked += 1;
            // Difference array: add `share` over [lo, hi).
            usage[o.lo as usize] += o.share;
            usage[o.hi as usize] -= o.share;
        }
    }
    let mut run = 0.0;
    for x in usage.iter_mut() {
        run += *x;
        *x = run;
    }
    (total, picked)
}

/// Upper bound on how many of `units` can be housed; `housed` is a known
/// feasible count.
pub(super) fn housing(inst: &Instance, units: &[u32], housed: usize) -> usize {
    let flat = Flat::new(inst, units);
    let mut lambda = vec![0.0; flat.cap.len()];
    let (mut prefix, mut usage) = (Vec::new(), Vec::new());
    let mut best = f64::INFINITY;
    let mut steps = Steps::new();
    for _ in 0..ITERATIONS {
        // Maximise housed units: a unit is worth 1 less its priced share.
        let (total, _) = evaluate(
            &flat,
            &lambda,
            &mut prefix,
            &mut usage,
            |o, price| o.share * price - 1.0,
            0.0,
        );
        let capacity: f64 = flat.cap.iter().zip(&lambda).map(|(c, l)| c * l).sum();
        let value = capacity - total;
        let theta = steps.record(value < best - 1e-9);
        best = best.min(value);
        if best < housed as f64 + 1.0 - 1e-6 {
            break;
        }
        // Minimise: step against the subgradient cap − usage.
        let g: Vec<f64> = projected(&flat.cap, &usage, &lambda);
        let norm: f64 = g.iter().map(|x| x * x).sum();
        if norm <= 0.0 {
            break;
        }
        let step = theta * (value - housed as f64).max(1e-3) / norm;
        for (l, x) in lambda.iter_mut().zip(&g) {
            *l = (*l + step * x).max(0.0);
        }
    }
    let bound = (best + 1e-6).floor();
    if bound.is_finite() && bound >= 0.0 {
        (bound as usize).min(units.len())
    } else {
        units.len()
    }
}

/// The direction prices move in: up where more rooms are taken than held
/// (`usage − cap`), down elsewhere, leaving out what would push a zero
/// price below zero.
fn projected(cap: &[f64], usage: &[f64], lambda: &[f64]) -> Vec<f64> {
    cap.iter()
        .zip(usage)
        .zip(lambda)
        .map(|((c, x), l)| {
            let g = x - c;
            if *l <= 0.0 && g < 0.0 { 0.0 } else { g }
        })
        .collect()
}

/// Step-size schedule: a factor that halves after a run of iterations
/// without a better bound.
struct Steps {
    theta: f64,
    stall: usize,
}

impl Steps {
    fn new() -> Self {
        Steps {
            theta: 2.0,
            stall: 0,
        }
    }

    fn record(&mut self, improved: bool) -> f64 {
        if improved {
            self.stall = 0;
        } else {
            self.stall += 1;
            if self.stall >= 20 {
                self.theta *= 0.5;
                self.stall = 0;
            }
        }
        self.theta
    }
}

/// Lower bound (comparison units) on the cost of housing at least `target`
/// of `units`; `cost` is a known feasible cost at that target.
///
/// When every unit must be housed, each takes its cheapest priced option;
/// otherwise the value of housing one more (`mu`) is priced too.
pub(super) fn costing(inst: &Instance, units: &[u32], target: usize, cost: i128) -> i128 {
    let flat = Flat::new(inst, units);
    let all = target >= flat.units();
    let mut lambda = vec![0.0; flat.cap.len()];
    let (mut prefix, mut usage) = (Vec::new(), Vec::new());
    // The value of housing one stay: start above any single stay's cost.
    let mut mu = flat.opts.iter().map(|o| o.cost).fold(0.0, f64::max) + 1.0;
    let ub = cost as f64;
    let mut best = f64::NEG_INFINITY;
    let mut steps = Steps::new();
    for _ in 0..ITERATIONS {
        let (total, housed) = if all {
            evaluate(
                &flat,
                &lambda,
                &mut prefix,
                &mut usage,
                |o, price| o.cost + o.share * price,
                f64::INFINITY,
            )
        } else {
            evaluate(
                &flat,
                &lambda,
                &mut prefix,
                &mut usage,
                |o, price| o.cost + o.share * price - mu,
                0.0,
            )
        };
        let capacity: f64 = flat.cap.iter().zip(&lambda).map(|(c, l)| c * l).sum();
        let value = if all {
            total - capacity
        } else {
            mu * target as f64 + total - capacity
        };
        let theta = steps.record(value > best + 1e-12 * best.abs().max(1.0));
        best = best.max(value);
        if best > ub - 0.5 {
            break;
        }
        // Maximise: step along usage − cap (and target − housed).
        let g = projected(&flat.cap, &usage, &lambda);
        let gmu = if all {
            0.0
        } else {
            target as f64 - housed as f64
        };
        let norm: f64 = gmu * gmu + g.iter().map(|x| x * x).sum::<f64>();
        if norm <= 0.0 {
            break;
        }
        let step = theta * (ub - value).max(1.0) / norm;
        mu = (mu + step * gmu).max(0.0);
        for (l, x) in lambda.iter_mut().zip(&g) {
            *l = (*l + step * x).max(0.0);
        }
    }
    // Round towards safety: sums over thousands of terms are accurate far
    // below one comparison unit at these magnitudes, but not exactly.
    let slack = 1e-9 * best.abs() + 1e-6;
    let bound = (best - slack).ceil();
    if bound.is_finite() {
        (bound as i128).max(0)
    } else {
        0
    }
}

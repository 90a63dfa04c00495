//! Solves a rooming problem written by `gen-rooming` and prints callsheet's
//! result as JSON: `rooming-solve PROBLEM.json [REPEAT] [--assignments]`.
//!
//! Printed: stays housed, total cost (exact decimal string), moves, whether
//! the result is proven optimal, the bounds, and the wall-clock time of
//! `allocate` (the best of `REPEAT` runs, default 5); with `--assignments`,
//! also every housed stay as `[person, first night, block]`, so that a
//! script can check the allocation on its own.

use std::process::ExitCode;
use std::time::Instant;

use callsheet::logistics::RoomBlock;
use callsheet::logistics::rooming::{RoomingOptions, StayNeed, allocate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let with_assignments = args.iter().any(|a| a == "--assignments");
    let mut args = args.into_iter().filter(|a| a != "--assignments");
    let Some(path) = args.next() else {
        eprintln!("usage: rooming-solve PROBLEM.json [REPEAT] [--assignments]");
        return ExitCode::FAILURE;
    };
    let repeat: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5).max(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let doc: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let needs: Vec<StayNeed> = match serde_json::from_value(doc["needs"].clone()) {
        Ok(v) => v,
        Err(err) => {
            eprintln!("{path}: needs: {err}");
            return ExitCode::FAILURE;
        }
    };
    let blocks: Vec<RoomBlock> = match serde_json::from_value(doc["blocks"].clone()) {
        Ok(v) => v,
        Err(err) => {
            eprintln!("{path}: blocks: {err}");
            return ExitCode::FAILURE;
        }
    };
    let options = RoomingOptions::default();
    let mut best = f64::INFINITY;
    let mut result = None;
    for _ in 0..repeat {
        let t = Instant::now();
        let r = allocate(&needs, &blocks, &options);
        best = best.min(t.elapsed().as_secs_f64());
        result = Some(r);
    }
    let result = match result {
        Some(Ok(r)) => r,
        Some(Err(err)) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
        None => return ExitCode::FAILURE,
    };
    let mut out = serde_json::json!({
        "stays": needs.len(),
        "housed": result.housed,
        "unhoused": result.unhoused.len(),
        "cost": result.cost.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "moves": result.moves,
        "proven": result.optimality.proven,
        "max_housed": result.optimality.max_housed,
        "cost_bound": result.optimality.cost_bound.map(|m| m.to_string()),
        "seconds": best,
    });
    if with_assignments {
        out["assignments"] = result
            .assignments
            .iter()
            .map(|a| serde_json::json!([a.person, a.first_night, a.block]))
            .collect();
    }
    println!("{out}");
    ExitCode::SUCCESS
}

//! Writes the generated rooming problem as JSON on stdout, for benchmark
//! scripts in other languages: `gen-rooming [STAYS NIGHTS BLOCKS] [SEED]`
//! (default: 3,000 stays, 90 nights, 40 blocks, seed 42).
//!
//! The JSON object has `needs` (callsheet `StayNeed`s) and `blocks`
//! (`RoomBlock`s), exactly as `callsheet::logistics::rooming::allocate`
//! takes them.

use std::process::ExitCode;

use callsheet_benches::rooming::{RoomingSize, rooming_problem};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, default: u64| {
        args.get(i)
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(default)
    };
    let (size, seed) = if args.len() >= 3 {
        (
            RoomingSize {
                stays: num(0, 3_000) as usize,
                nights: num(1, 90) as u32,
                blocks: num(2, 40) as usize,
            },
            num(3, 42),
        )
    } else {
        (RoomingSize::BENCH, num(0, 42))
    };
    let (needs, blocks) = rooming_problem(size, seed);
    let doc = serde_json::json!({ "needs": needs, "blocks": blocks });
    match serde_json::to_string(&doc) {
        Ok(text) => {
            println!("{text}");
            eprintln!("{} stays, {} blocks", needs.len(), blocks.len());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

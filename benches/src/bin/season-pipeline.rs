//! Times the season pipeline in Rust alone, for comparison with the same
//! pipeline from Python (`benches/python/season_vs_rust.py`):
//! `season-pipeline FILE [--repeat N] [--as-of YYYY-MM-DD]`.
//!
//! Each run, on a file from `gen-season-budget`:
//!
//! 1. `load`: [`Production::load`] (read, parse and validate, as the
//!    library's normal load does);
//! 2. `conflicts`: the full conflict check ([`Production::conflicts`]: the
//!    index built from scratch, every rule);
//! 3. `dood`: the day out of days of everyone over their dates
//!    ([`DoodPeople::Everyone`], other options at their defaults);
//! 4. `cost_report`: the cost report as of `--as-of` (default 2027-05-04,
//!    [`report_date`]), budget engine included ([`cost_report`]).
//!
//! Best of `--repeat` runs (default 5) per step and for the total (the best
//! run's sum), printed as JSON on stdout with every run's times and the
//! results' sizes (to check that both sides did the same work). Times are
//! wall clock; `cpu_ms` has the process's CPU time (all threads, as Python's
//! `time.process_time`) of the same runs, steadier on a shared machine.

use std::process::ExitCode;
use std::time::Instant;

use callsheet::Production;
use callsheet::budget::{CostReportOptions, cost_report};
use callsheet::comms::{DoodOptions, DoodPeople, day_out_of_days};
use callsheet_benches::ledger::report_date;
use chrono::NaiveDate;
use serde_json::json;

const STEPS: [&str; 4] = ["load", "conflicts", "dood", "cost_report"];

struct Args {
    path: String,
    repeat: usize,
    as_of: NaiveDate,
}

fn args() -> Result<Args, String> {
    let mut path = None;
    let mut repeat = 5;
    let mut as_of = report_date();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--repeat" => {
                let n = it.next().ok_or("--repeat needs a number")?;
                repeat = n.parse().map_err(|e| format!("--repeat {n}: {e}"))?;
            }
            "--as-of" => {
                let d = it.next().ok_or("--as-of needs a date")?;
                as_of = d.parse().map_err(|e| format!("--as-of {d}: {e}"))?;
            }
            _ if path.is_none() && !arg.starts_with('-') => path = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    Ok(Args {
        path: path.ok_or("no production file given")?,
        repeat: repeat.max(1),
        as_of,
    })
}

/// Milliseconds to the microsecond.
fn round_ms(seconds: f64) -> f64 {
    (seconds * 1e6).round() / 1000.0
}

/// CPU seconds used by the process so far, all threads
/// (`CLOCK_PROCESS_CPUTIME_ID`).
fn cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    if rc != 0 {
        return f64::NAN;
    }
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Wall-clock and CPU time of one step.
#[derive(Clone, Copy)]
struct Clock {
    wall: Instant,
    cpu: f64,
}

impl Clock {
    fn start() -> Self {
        Self {
            wall: Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    /// (wall ms, CPU ms) since `start`.
    fn stop(self) -> (f64, f64) {
        let cpu = cpu_seconds() - self.cpu;
        (round_ms(self.wall.elapsed().as_secs_f64()), round_ms(cpu))
    }
}

fn min(samples: &[f64]) -> f64 {
    samples.iter().copied().fold(f64::INFINITY, f64::min)
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(err) => {
            eprintln!("{err}\nusage: season-pipeline FILE [--repeat N] [--as-of YYYY-MM-DD]");
            return ExitCode::FAILURE;
        }
    };
    let dood_options = DoodOptions {
        people: DoodPeople::Everyone,
        ..DoodOptions::default()
    };
    let report_options = CostReportOptions::as_of(args.as_of);
    // Per step: (wall ms, CPU ms) of each run.
    let mut runs: [Vec<(f64, f64)>; 4] = Default::default();
    let mut results = serde_json::Value::Null;
    for _ in 0..args.repeat {
        let t = Clock::start();
        let production = match Production::load(&args.path) {
            Ok(p) => p,
            Err(err) => {
                eprintln!("{}: {err}", args.path);
                return ExitCode::FAILURE;
            }
        };
        runs[0].push(t.stop());

        let t = Clock::start();
        let conflicts = production.conflicts();
        runs[1].push(t.stop());

        let t = Clock::start();
        let dood = day_out_of_days(&production, &dood_options);
        runs[2].push(t.stop());

        let t = Clock::start();
        let report = match cost_report(&production, &report_options) {
            Ok(r) => r,
            Err(err) => {
                eprintln!("cost report: {err}");
                return ExitCode::FAILURE;
            }
        };
        runs[3].push(t.stop());

        results = json!({
            "events": production.events.len(),
            "people": production.people.len(),
            "detail_lines": production.budget.lines.len(),
            "transactions": production.ledger.transactions.len(),
            "conflicts": conflicts.len(),
            "dood_rows": dood.rows.len(),
            "dood_columns": dood.columns.len(),
            "cost_report_rows": report.rows().len(),
            "estimated_final_cost": report.total.estimated_final_cost.to_string(),
        });
        // Dropping the results is not timed (nor is it in Python).
        drop((report, dood, conflicts, production));
    }
    let mut best = serde_json::Map::new();
    let mut wall = serde_json::Map::new();
    let mut cpu = serde_json::Map::new();
    for (name, samples) in STEPS.iter().zip(&runs) {
        let w: Vec<f64> = samples.iter().map(|s| s.0).collect();
        best.insert((*name).into(), json!(min(&w)));
        wall.insert((*name).into(), json!(w));
        let c: Vec<f64> = samples.iter().map(|s| s.1).collect();
        cpu.insert((*name).into(), json!(c));
    }
    let total = |pick: fn(&(f64, f64)) -> f64| -> Vec<f64> {
        (0..args.repeat)
            .map(|i| round_ms(runs.iter().map(|r| pick(&r[i])).sum::<f64>() / 1000.0))
            .collect()
    };
    let totals = total(|s| s.0);
    best.insert("total".into(), json!(min(&totals)));
    wall.insert("total".into(), json!(totals));
    cpu.insert("total".into(), json!(total(|s| s.1)));
    let out = json!({
        "file": args.path,
        "repeat": args.repeat,
        "as_of": args.as_of.to_string(),
        "results": results,
        "best_ms": best,
        "runs_ms": wall,
        "cpu_ms": cpu,
    });
    println!("{out:#}");
    ExitCode::SUCCESS
}

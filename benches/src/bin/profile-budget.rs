//! Runs the budget engine and cost report in a loop, for profilers:
//! `profile-budget [ROUNDS] [DIVISOR]` (DIVISOR shrinks the 100k lines / 1M
//! transactions target, e.g. 10 for callgrind). Prints the time of each phase.

use std::time::Instant;

use callsheet::budget::{CostReportOptions, budget_totals, cost_report, cost_report_with};
use callsheet_benches::ledger::{LedgerSize, accounting, ledger_start};

fn main() {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let divisor: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let t = LedgerSize::TARGET;
    let size = LedgerSize {
        lines: t.lines / divisor,
        transactions: t.transactions / divisor,
        purchase_orders: t.purchase_orders / divisor,
        people: t.people / divisor,
    };
    let production = accounting(size, 7);
    let options = CostReportOptions::as_of(ledger_start() + chrono::Days::new(120));
    for _ in 0..rounds {
        let t0 = Instant::now();
        let totals = budget_totals(&production).expect("totals");
        let t1 = Instant::now();
        let report = cost_report_with(&production, &totals, &options).expect("report");
        let t2 = Instant::now();
        drop(totals);
        let t3 = Instant::now();
        let full = cost_report(&production, &options).expect("report");
        let t4 = Instant::now();
        eprintln!(
            "budget totals {:?}, cost report from totals {:?}, full cost report {:?} ({} accounts)",
            t1 - t0,
            t2 - t1,
            t4 - t3,
            report.accounts.len().max(full.accounts.len())
        );
    }
}

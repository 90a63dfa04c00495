//! Writes one production file with a generated season and a budget and
//! ledger, for `season-pipeline` and `benches/python/season_vs_rust.py`:
//! `gen-season-budget OUT.json [SEED]`.
//!
//! The season is [`SeasonSize::SEASON`] (120 shoot days for two units, 1,500
//! people, about 50,000 events); the budget and ledger are
//! [`LedgerSize::SEASON`] (the standard feature chart, 10,000 detail lines
//! with formulas and six fringes paying the season's people, 2,000 purchase
//! orders, 100,000 transactions over 26 weeks). SEED defaults to 42.

use std::process::ExitCode;

use callsheet_benches::SeasonSize;
use callsheet_benches::ledger::{LedgerSize, season_with_ledger};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: gen-season-budget OUT.json [SEED]");
        return ExitCode::FAILURE;
    };
    let seed: u64 = match args.next().map(|s| s.parse()) {
        None => 42,
        Some(Ok(seed)) => seed,
        Some(Err(err)) => {
            eprintln!("SEED: {err}");
            return ExitCode::FAILURE;
        }
    };
    let production = season_with_ledger(SeasonSize::SEASON, LedgerSize::SEASON, seed);
    match production.save(&out) {
        Ok(()) => {
            let attendances: usize = production.events.iter().map(|e| e.attendees.len()).sum();
            eprintln!(
                "{out}: {} events ({attendances} attendances), {} people, {} detail lines, \
                 {} purchase orders, {} transactions",
                production.events.len(),
                production.people.len(),
                production.budget.lines.len(),
                production.ledger.purchase_orders.len(),
                production.ledger.transactions.len()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{out}: {err}");
            ExitCode::FAILURE
        }
    }
}

//! Writes the generated budget and ledger for benchmark scripts in other
//! languages: `gen-ledger OUT_DIR [DIVISOR] [SEED]`.
//!
//! `OUT_DIR/ledger.json` is the production file (the standard feature chart,
//! globals, fringes, detail lines, purchase orders and transactions of
//! [`accounting`]); `lines.csv`, `purchase_orders.csv` and
//! `transactions.csv` hold the same rows as plain tables for pandas (amounts
//! as written in the file, exact decimals), and `meta.json` is the same
//! production without its lines, ledger and people (chart, globals, fringes,
//! unit equivalences, markups: small enough to read with `json.load`). DIVISOR shrinks the 100,000
//! lines / 1,000,000 transactions target (default 1); SEED defaults to 7.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use callsheet::Production;
use callsheet::budget::{RateUnit, TransactionKind};
use callsheet_benches::ledger::{LedgerSize, accounting};

fn write_csv(
    path: &Path,
    header: &str,
    rows: impl Iterator<Item = String>,
) -> std::io::Result<usize> {
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, "{header}")?;
    let mut n = 0;
    for row in rows {
        writeln!(out, "{row}")?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

fn tables(p: &Production, dir: &Path) -> std::io::Result<()> {
    let lines = write_csv(
        &dir.join("lines.csv"),
        "index,account,description,amount,unit,multiplier,rate,fringes,person",
        p.budget.lines.iter().enumerate().map(|(i, l)| {
            format!(
                "{i},{},{},{},{},{},{},{},{}",
                l.account.as_str(),
                l.description,
                l.amount,
                unit(l.unit),
                l.multiplier,
                l.rate.amount,
                l.fringes.join(";"),
                l.person.as_ref().map_or("", |x| x.as_str())
            )
        }),
    )?;
    let orders = write_csv(
        &dir.join("purchase_orders.csv"),
        "id,account,date,amount,closed",
        p.ledger.purchase_orders.iter().map(|o| {
            format!(
                "{},{},{},{},{}",
                o.id,
                o.account.as_str(),
                o.date,
                o.amount.amount,
                o.closed.map_or_else(String::new, |d| d.to_string())
            )
        }),
    )?;
    let transactions = write_csv(
        &dir.join("transactions.csv"),
        "id,kind,account,date,amount,purchase_order",
        p.ledger.transactions.iter().map(|t| {
            format!(
                "{},{},{},{},{},{}",
                t.id,
                kind(t.kind),
                t.account.as_str(),
                t.date,
                t.amount.amount,
                t.purchase_order.as_deref().unwrap_or("")
            )
        }),
    )?;
    let mut meta = p.clone();
    meta.budget.lines.clear();
    meta.ledger = Default::default();
    meta.people.clear();
    std::fs::write(dir.join("meta.json"), meta.to_json())?;
    eprintln!(
        "{}: {lines} lines, {orders} purchase orders, {transactions} transactions",
        dir.display()
    );
    Ok(())
}

fn unit(u: RateUnit) -> &'static str {
    match u {
        RateUnit::Allow => "allow",
        RateUnit::Flat => "flat",
        RateUnit::Hours => "hours",
        RateUnit::Days => "days",
        RateUnit::Weeks => "weeks",
        RateUnit::Months => "months",
    }
}

fn kind(k: TransactionKind) -> &'static str {
    match k {
        TransactionKind::Invoice => "invoice",
        TransactionKind::PettyCash => "petty_cash",
        TransactionKind::Payroll => "payroll",
        TransactionKind::Journal => "journal",
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: gen-ledger OUT_DIR [DIVISOR] [SEED]");
        return ExitCode::FAILURE;
    };
    let divisor: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(7);
    let t = LedgerSize::TARGET;
    let size = LedgerSize {
        lines: t.lines / divisor,
        transactions: t.transactions / divisor,
        purchase_orders: t.purchase_orders / divisor,
        people: t.people / divisor,
    };
    let dir = Path::new(&out);
    if let Err(err) = std::fs::create_dir_all(dir) {
        eprintln!("{out}: {err}");
        return ExitCode::FAILURE;
    }
    let production = accounting(size, seed);
    if let Err(err) = production.save(dir.join("ledger.json")) {
        eprintln!("{err}");
        return ExitCode::FAILURE;
    }
    match tables(&production, dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{out}: {err}");
            ExitCode::FAILURE
        }
    }
}

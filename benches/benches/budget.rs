//! The budget engine and cost report on 100,000 detail lines and 1,000,000
//! transactions (the target: a full cost report under 200 ms).

use callsheet::budget::{CostReportOptions, budget_totals, cost_report, cost_report_with};
use callsheet_benches::ledger::{LedgerSize, accounting, ledger_start};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn budget(c: &mut Criterion) {
    let production = accounting(LedgerSize::TARGET, 7);
    let as_of = ledger_start() + chrono::Days::new(120);
    let options = CostReportOptions::as_of(as_of);
    let totals = budget_totals(&production).expect("budget totals");
    eprintln!(
        "ledger: {} lines, {} transactions, {} purchase orders; grand total {}",
        production.budget.lines.len(),
        production.ledger.transactions.len(),
        production.ledger.purchase_orders.len(),
        totals.grand_total
    );
    let mut group = c.benchmark_group("budget");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("budget totals", "100k lines"), |b| {
        b.iter(|| budget_totals(&production).expect("totals"))
    });
    group.bench_function(
        BenchmarkId::new("cost report from totals", "1M transactions"),
        |b| b.iter(|| cost_report_with(&production, &totals, &options).expect("report")),
    );
    group.bench_function(
        BenchmarkId::new("full cost report", "100k lines + 1M transactions"),
        |b| b.iter(|| cost_report(&production, &options).expect("report")),
    );
    group.finish();
}

criterion_group!(benches, budget);
criterion_main!(benches);

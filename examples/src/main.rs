//! `callsheet-demo`: the main job, run on a production file (by default the
//! bundled sample production).
//!
//! ```text
//! cargo run -p callsheet-examples --bin callsheet-demo -- [PATH]
//! ```
//!
//! Today it loads and validates the production and prints a summary; each
//! engine adds its section as it lands.

use std::process::ExitCode;

use callsheet::{EventKind, PersonCategory, Production};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample-production.json");

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| SAMPLE.to_owned());
    let production = match Production::load(&path) {
        Ok(production) => production,
        Err(err) => {
            eprintln!("{path}: cannot load the production");
            for problem in err.problems() {
                eprintln!("  {problem}");
            }
            return ExitCode::FAILURE;
        }
    };
    print!("{}", summary(&production));
    print!("{}", conflicts(&production));
    print!("\n{}", production.day_out_of_days().to_text());
    print!("{}", first_call_sheet(&production));
    match production.budget_totals() {
        Ok(totals) => print!("\n{}", totals.topsheet_text()),
        Err(err) => println!("\nbudget: {err}"),
    }
    ExitCode::SUCCESS
}

fn summary(p: &Production) -> String {
    let count = |cat| p.people.iter().filter(|x| x.category == cat).count();
    let shoot_days: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.kind == EventKind::ShootDay)
        .collect();
    let first = shoot_days.iter().map(|e| p.zone.civil_date(e.start)).min();
    let last = shoot_days.iter().map(|e| p.zone.civil_date(e.start)).max();
    let mut out = String::new();
    out.push_str(&format!("== {} ==\n", p.name));
    out.push_str(&format!(
        "home zone {}, base currency {}\n",
        p.zone, p.currency
    ));
    out.push_str(&format!(
        "people: {} cast, {} crew, {} other\n",
        count(PersonCategory::Cast),
        count(PersonCategory::Crew),
        count(PersonCategory::Other)
    ));
    out.push_str(&format!(
        "locations: {}, resources: {}, events: {}\n",
        p.locations.len(),
        p.resources.len(),
        p.events.len()
    ));
    if let (Some(first), Some(last)) = (first, last) {
        out.push_str(&format!(
            "shoot: {} days, {first} to {last}\n",
            shoot_days.len()
        ));
    }
    out.push_str(&format!(
        "budget: {} categories, {} accounts, {} detail lines; ledger: {} POs, {} transactions\n",
        p.budget.categories.len(),
        p.budget.accounts.len(),
        p.budget.lines.len(),
        p.ledger.purchase_orders.len(),
        p.ledger.transactions.len()
    ));
    out.push_str(&format!(
        "logistics: {} hotels, {} room blocks\n",
        p.logistics.hotels.len(),
        p.logistics.room_blocks.len()
    ));
    out.push_str("validation: ok\n");
    out
}

fn conflicts(p: &Production) -> String {
    use callsheet::schedule::Severity;
    let found = p.conflicts();
    let errors = found
        .iter()
        .filter(|c| c.severity == Severity::Error)
        .count();
    let mut out = format!(
        "\n== Conflicts: {} ({errors} errors, {} warnings) ==\n",
        found.len(),
        found.len() - errors
    );
    for c in &found {
        let cost = c.cost.map(|m| format!(" [cost {m}]")).unwrap_or_default();
        out.push_str(&format!(
            "{:<7} {:<22} {}{cost}\n",
            format!("{:?}", c.severity).to_lowercase(),
            c.kind,
            c.message
        ));
    }
    out
}

/// The call sheet of the first shoot day, and who it goes to.
fn first_call_sheet(p: &Production) -> String {
    use callsheet::comms::{CallSheetOptions, CallSheetScope, call_sheets_for_recipients};
    let Some(first) = p
        .events
        .iter()
        .filter(|e| {
            e.kind == EventKind::ShootDay && e.status != callsheet::BookingStatus::Cancelled
        })
        .min_by_key(|e| e.start)
    else {
        return String::new();
    };
    let mut options = CallSheetOptions::new(p.zone.civil_date(first.start));
    options.unit = first.unit.clone();
    let mut out = String::from("\n");
    match callsheet::comms::call_sheet(p, &options) {
        Ok(sheet) => out.push_str(&sheet.to_text()),
        Err(err) => out.push_str(&format!("call sheet: {err}\n")),
    }
    if let Ok(sent) = call_sheets_for_recipients(p, &options) {
        let count = |scope| sent.iter().filter(|r| r.recipient.scope == scope).count();
        out.push_str(&format!(
            "\n== Distribution: {} recipients ({} full, {} own department, {} personal) ==\n",
            sent.len(),
            count(CallSheetScope::Full),
            count(CallSheetScope::Department),
            count(CallSheetScope::Personal)
        ));
    }
    out
}

//! `callsheet-demo`: the main job, run on a production file (by default the
//! bundled sample production).
//!
//! ```text
//! cargo run -p callsheet-examples --bin callsheet-demo -- [PATH]
//! ```
//!
//! It loads and validates the production, then prints a summary, the
//! conflicts, the day out of days, the first call sheet and who gets it, the
//! budget topsheet, the cost report of the latest ledger week, the hotel
//! rooming list, the pickup list of the first distant-location day (from
//! the hotels people sleep at) and the camera packages' unit assignments.

use std::process::ExitCode;

use callsheet::{EventKind, PersonCategory, Production};
use chrono::Datelike;

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
    print!("{}", cost_report(&production));
    let rooms = rooming(&production);
    print!("{}", transport(&production, rooms.as_ref()));
    print!("{}", equipment(&production));
    ExitCode::SUCCESS
}

/// The cost report for the week of the latest ledger entry: categories,
/// sections, the total and the alerts.
fn cost_report(p: &Production) -> String {
    use callsheet::budget::{BudgetLevel, CostReportOptions};
    let Some(last) = p.ledger.transactions.iter().map(|t| t.date).max() else {
        return String::new();
    };
    // The week ending on the Sunday on or after the last entry.
    let days_to_sunday = 6 - u64::from(last.weekday().num_days_from_monday());
    let as_of = last + chrono::Days::new(days_to_sunday);
    let report = match p.cost_report(&CostReportOptions::as_of(as_of)) {
        Ok(report) => report,
        Err(err) => return format!("\ncost report: {err}\n"),
    };
    let units = p.currency.minor_units() as usize;
    let money = |x: rust_decimal::Decimal| format!("{x:>14.units$}");
    let mut out = format!(
        "\n== Cost report as of {as_of} (week from {}), {} ==\n{:<10}{:<30}{:>14}{:>14}{:>14}{:>14}{:>14}\n",
        report.period_start,
        p.currency,
        "Code",
        "Name",
        "Final budget",
        "Actual",
        "Committed",
        "EFC",
        "Variance"
    );
    for row in report.rows() {
        if row.level == BudgetLevel::Account {
            continue;
        }
        let name: String = row.name.chars().take(29).collect();
        out.push_str(&format!(
            "{:<10}{:<30}{}{}{}{}{}\n",
            row.code,
            name,
            money(row.final_budget),
            money(row.actual_to_date),
            money(row.commitments),
            money(row.estimated_final_cost),
            money(row.variance)
        ));
    }
    out.push_str(&format!("alerts: {}\n", report.alerts.len()));
    for alert in report.alerts.iter().take(8) {
        out.push_str(&format!("  - {}\n", alert.message));
    }
    out
}

/// The rooming list for the distant-location shoot: prints it and returns
/// the allocation, so that transport picks people up at their hotels.
fn rooming(p: &Production) -> Option<callsheet::logistics::RoomAllocation> {
    use callsheet::logistics::allocate_rooms;
    if p.logistics.room_blocks.is_empty() {
        return None;
    }
    match allocate_rooms(p, &p.logistics.rooming) {
        Ok(rooms) => {
            print!("\n{}", rooms.to_text(p));
            Some(rooms)
        }
        Err(err) => {
            println!("\nrooming: {err}");
            None
        }
    }
}

/// The pickup list of the first shoot day at a distant location, from the
/// hotels of the room allocation.
fn transport(p: &Production, rooms: Option<&callsheet::logistics::RoomAllocation>) -> String {
    use callsheet::logistics::plan_transport;
    use callsheet::logistics::transport::TransportOptions;
    let distant: Vec<_> = p
        .locations
        .iter()
        .filter(|l| l.distant)
        .map(|l| &l.id)
        .collect();
    let Some(day) = p
        .events
        .iter()
        .filter(|e| {
            e.kind == EventKind::ShootDay
                && e.location.as_ref().is_some_and(|l| distant.contains(&l))
        })
        .map(|e| p.zone.civil_date(e.start))
        .min()
    else {
        return String::new();
    };
    let mut options = TransportOptions::default();
    if let Some(rooms) = rooms {
        match rooms.lodging(p) {
            Ok(lodging) => options.lodging = lodging,
            Err(err) => return format!("\ntransport: {err}\n"),
        }
    }
    match plan_transport(p, day, &options) {
        Ok(plan) => format!("\n{}", plan.to_text(p)),
        Err(err) => format!("\ntransport: {err}\n"),
    }
}

/// Serial numbers assigned to every camera-package booking, and shortfalls.
fn equipment(p: &Production) -> String {
    use callsheet::logistics::assign_units;
    let Some(camera) = p.resources.iter().find(|r| !r.serials.is_empty()) else {
        return String::new();
    };
    match assign_units(p, &camera.id) {
        Ok(a) => {
            let mut out = format!(
                "\n== {}: {} bookings on {} of {} units, {} shortfalls ==\n",
                camera.name,
                a.bookings.len(),
                a.units_used.len(),
                a.owned,
                a.shortfalls.len()
            );
            for s in &a.shortfalls {
                out.push_str(&format!(
                    "  short {} at {} for {}\n",
                    s.missing,
                    p.zone.local(s.at).format("%Y-%m-%d %H:%M"),
                    s.event.as_str()
                ));
            }
            out
        }
        Err(err) => format!("\nequipment: {err}\n"),
    }
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

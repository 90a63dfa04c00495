//! The budget exports (topsheet, cost report, comparison, CSV/XLSX), called
//! from Rust exactly as the foreign side calls them.

use std::path::PathBuf;
use std::sync::Arc;

use callsheet::budget::{BudgetLevel, CostReportRow};
use callsheet_ffi::{
    CallsheetError, CostReportOptions, Production, compare_budgets, standard_feature_chart,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn sample() -> Arc<Production> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/sample-production.json");
    Production::load(path.display().to_string()).unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn options() -> CostReportOptions {
    CostReportOptions {
        as_of: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        period_start: None,
        alert_percent: None,
    }
}

#[test]
fn topsheet_of_the_sample() {
    let t = sample().budget_topsheet().unwrap();
    assert_eq!(t.currency.code(), "USD");
    assert_eq!(t.grand_total, dec("7256320.79"));
    assert_eq!(t.categories.len(), 37);
    assert_eq!(t.accounts.len(), 175);
    let sections: Decimal = t.sections.iter().map(|s| s.total).sum();
    assert_eq!(sections, t.total_before_contingency);
    assert_eq!(
        t.above_the_line + t.below_the_line,
        t.total_before_contingency
    );
    let categories: Decimal = t.categories.iter().map(|c| c.total).sum();
    assert_eq!(categories, t.total_before_contingency);
    let codes: Vec<&str> = t.markups.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["contingency", "overhead", "completion_bond"]);
    let markups: Decimal = t.markups.iter().map(|m| m.amount).sum();
    assert_eq!(t.total_before_contingency + markups, t.grand_total);
    assert_eq!(t.markups[0].percent, dec("10"));
    for a in &t.accounts {
        let fringes: Decimal = a.fringes.iter().map(|f| f.amount).sum();
        assert_eq!(fringes, a.fringe_total, "{}", a.code.as_str());
        assert_eq!(a.lines + a.fringe_total, a.total, "{}", a.code.as_str());
    }
    assert!(!t.globals.is_empty());
}

#[test]
fn topsheet_documents() {
    let p = sample();
    let text = p.topsheet_text().unwrap();
    assert!(text.contains("GRAND TOTAL"));
    assert!(text.contains("7,256,320.79"));
    let csv = p.topsheet_csv().unwrap();
    assert!(csv.starts_with("Level,Code,Name,Lines,Fringes,Total\r\n"));
    assert!(csv.contains("7256320.79"));
    assert!(p.topsheet_xlsx().unwrap().starts_with(b"PK"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("topsheet.csv");
    p.export_topsheet(out.display().to_string()).unwrap();
    assert_eq!(std::fs::read_to_string(out).unwrap(), csv);
}

/// Every parent row is, column by column, the sum of the rows that name it
/// as their parent; the total is the sum of the sections.
#[test]
fn cost_report_rolls_up() {
    let report = sample().cost_report(options()).unwrap();
    assert_eq!(report.as_of, NaiveDate::from_ymd_opt(2027, 3, 31).unwrap());
    assert_eq!(
        report.period_start,
        NaiveDate::from_ymd_opt(2027, 3, 25).unwrap()
    );
    let total = report.rows.last().unwrap();
    assert_eq!(total.level, BudgetLevel::Total);
    assert_eq!(total.code, "TOTAL");
    assert_eq!(*total, report.total);
    assert_eq!(
        report
            .rows
            .iter()
            .filter(|r| r.level == BudgetLevel::Section)
            .count(),
        4
    );
    let sum = |children: Vec<&CostReportRow>| -> Vec<Decimal> {
        let mut out = vec![Decimal::ZERO; 10];
        for row in children {
            for (i, (_, v)) in row.columns().iter().enumerate() {
                out[i] += v;
            }
        }
        out
    };
    let columns = |row: &CostReportRow| row.columns().iter().map(|(_, v)| *v).collect::<Vec<_>>();
    let sections: Vec<&CostReportRow> = report
        .rows
        .iter()
        .filter(|r| r.level == BudgetLevel::Section)
        .collect();
    assert_eq!(sum(sections), columns(total));
    for parent in report
        .rows
        .iter()
        .filter(|r| r.level != BudgetLevel::Account)
    {
        let children: Vec<&CostReportRow> = report
            .rows
            .iter()
            .filter(|r| r.parent == parent.code)
            .collect();
        assert!(
            !children.is_empty() || parent.level == BudgetLevel::Category,
            "{}",
            parent.code
        );
        assert_eq!(sum(children), columns(parent), "{}", parent.code);
    }
    assert_eq!(total.budget, dec("6596655.26"));
    assert_eq!(total.actual_to_date, dec("955494.06"));
    assert!(!report.alerts.is_empty());
}

#[test]
fn cost_report_documents_and_export() {
    let p = sample();
    let csv = p.cost_report_csv(options()).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("Level,Code,Name,Budget,"));
    assert_eq!(
        lines.len(),
        p.cost_report(options()).unwrap().rows.len() + 2
    );
    assert!(lines[lines.len() - 2].starts_with("total,TOTAL,"));
    let text = p.cost_report_text(options()).unwrap();
    assert!(text.starts_with("COST REPORT as of 2027-03-31"));
    let xlsx = p.cost_report_xlsx(options()).unwrap();
    assert!(xlsx.starts_with(b"PK"));

    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).display().to_string();
    p.export_cost_report(at("report.csv"), options()).unwrap();
    assert_eq!(std::fs::read_to_string(at("report.csv")).unwrap(), csv);
    p.export_cost_report(at("report.TXT"), options()).unwrap();
    assert_eq!(std::fs::read_to_string(at("report.TXT")).unwrap(), text);
    p.export_cost_report(at("report.xlsx"), options()).unwrap();
    assert!(std::fs::read(at("report.xlsx")).unwrap().starts_with(b"PK"));
    match p.export_cost_report(at("report.pdf"), options()) {
        Err(CallsheetError::Invalid { problems, .. }) => {
            assert_eq!(problems[0].path, "path");
            assert!(
                problems[0].detail.contains("\"pdf\""),
                "{}",
                problems[0].detail
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    match p.export_cost_report(at("no/such/dir/report.csv"), options()) {
        Err(CallsheetError::File { path, .. }) => assert!(path.ends_with("report.csv"), "{path}"),
        other => panic!("expected File, got {other:?}"),
    }
}

#[test]
fn cost_report_options() {
    let p = sample();
    let mut week = options();
    week.period_start = Some(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
    let report = p.cost_report(week).unwrap();
    assert_eq!(
        report.period_start,
        NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
    );
    assert!(report.total.this_period > Decimal::ZERO);
    let mut strict = options();
    strict.alert_percent = Some(dec("1"));
    let more = p.cost_report(strict).unwrap().alerts.len();
    assert!(more > p.cost_report(options()).unwrap().alerts.len());
}

const GOOD_TRANSACTIONS: &str = "id,account,date,amount,description\r\n\
    INV-9001,3903,2027-03-20,\"1,250.00\",Stage rent top-up\r\n\
    PC-9002,1102,2027-03-21,(12.50),Refund\r\n";

#[test]
fn transactions_import_all_or_nothing() {
    let p = sample();
    let before = p.to_json().unwrap();
    let bad = "id,account,date,amount\nINV-9001,9999,2027-03-40,abc\nINV-2001,3903,2027-03-20,5\n";
    match p.import_transactions_csv(bad.to_owned()) {
        Err(CallsheetError::CsvImport { summary, problems }) => {
            let got: Vec<(u64, &str)> = problems
                .iter()
                .map(|x| (x.row, x.column.as_str()))
                .collect();
            assert_eq!(got, [(2, "account"), (2, "date"), (2, "amount"), (3, "id")]);
            assert_eq!(problems[0].message, "unknown account \"9999\"");
            assert!(
                summary.starts_with("4 problems:\n  row 2, column \"account\""),
                "{summary}"
            );
        }
        other => panic!("expected CsvImport, got {other:?}"),
    }
    assert_eq!(p.to_json().unwrap(), before);
    match p.import_transactions_csv("foo,bar\n1,2\n".to_owned()) {
        Err(CallsheetError::CsvImport { problems, .. }) => {
            assert!(problems.iter().all(|x| x.row == 1), "{problems:?}");
        }
        other => panic!("expected CsvImport, got {other:?}"),
    }
    assert_eq!(p.to_json().unwrap(), before);

    let actual = p.cost_report(options()).unwrap().total.actual_to_date;
    assert_eq!(
        p.import_transactions_csv(GOOD_TRANSACTIONS.to_owned())
            .unwrap(),
        2
    );
    assert_ne!(p.to_json().unwrap(), before);
    let after = p.cost_report(options()).unwrap().total.actual_to_date;
    assert_eq!(after - actual, dec("1237.50"));
    // The same file again: both ids are now in the ledger.
    assert!(matches!(
        p.import_transactions_csv(GOOD_TRANSACTIONS.to_owned()),
        Err(CallsheetError::CsvImport { .. })
    ));
    assert!(p.validate().unwrap().is_empty());
}

#[test]
fn budget_import_and_comparison() {
    let before = sample();
    let after = sample();
    let json = after.to_json().unwrap();
    let bad = "account,description,amount,unit,rate\n3301,DP,6,fortnights,abc\n";
    match after.import_budget_csv(bad.to_owned()) {
        Err(CallsheetError::CsvImport { problems, .. }) => {
            let got: Vec<(u64, &str)> = problems
                .iter()
                .map(|x| (x.row, x.column.as_str()))
                .collect();
            assert_eq!(got, [(2, "unit"), (2, "rate")]);
        }
        other => panic!("expected CsvImport, got {other:?}"),
    }
    assert_eq!(after.to_json().unwrap(), json);

    let same = compare_budgets(Arc::clone(&before), Arc::clone(&after)).unwrap();
    assert!(same.grand_total.delta.is_zero());
    assert!(same.accounts.iter().all(|d| d.delta.is_zero()));
    assert!(same.globals.is_empty());

    let lines = "account,description,amount,unit,rate,fringes\n\
        3301,DP - shoot,SHOOT_WEEKS,weeks,4500.00,FICA;MEDICARE\n\
        1102,Screenplay,1,flat,\"120,000.00\",\n";
    assert_eq!(after.import_budget_csv(lines.to_owned()).unwrap(), 2);
    let new_total = after.budget_topsheet().unwrap().grand_total;
    let cmp = compare_budgets(Arc::clone(&before), Arc::clone(&after)).unwrap();
    assert_eq!(cmp.grand_total.before, dec("7256320.79"));
    assert_eq!(cmp.grand_total.after, new_total);
    assert_eq!(cmp.grand_total.delta, new_total - dec("7256320.79"));
    let screenplay = cmp.accounts.iter().find(|d| d.code == "1102").unwrap();
    assert_eq!(screenplay.after, dec("120000.00"));
    assert_eq!(cmp.markups.len(), 3);
    assert_eq!(cmp.sections.len(), 4);
}

#[test]
fn standard_chart() {
    let chart = standard_feature_chart().unwrap();
    assert_eq!(chart.categories.len(), 37);
    assert_eq!(chart.accounts.len(), 175);
    assert_eq!(chart.categories[0].code.as_str(), "1100");
}

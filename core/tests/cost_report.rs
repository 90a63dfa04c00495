//! Budget features around the totals: schedule-linked globals, flat
//! fringes, fringe posting, markups, the cost report (hand-worked to the
//! cent), comparisons and schedule deltas, CSV import and CSV/XLSX export,
//! and properties of the cost report against a brute-force oracle.

use callsheet::budget::{
    Account, ApprovedOverage, BudgetCategory, BudgetLevel, BudgetSection, CostAlertKind,
    CostEstimate, CostReportOptions, DetailLine, ExchangeRate, FlatFringe, Fringe, FringePosting,
    Global, PurchaseOrder, RateUnit, ScheduleLink, Transaction, TransactionKind, budget_delta,
    compare_budgets, cost_report,
};
use callsheet::{
    Attendance, BookingStatus, CurrencyCode, Event, EventKind, Money, Person, PersonCategory,
    Production,
};
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

fn usd(text: &str) -> Money {
    Money::new(d(text), CurrencyCode::USD)
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

fn line(account: &str, description: &str, amount: &str, unit: RateUnit, rate: &str) -> DetailLine {
    DetailLine {
        account: account.into(),
        description: description.into(),
        amount: amount.into(),
        unit,
        multiplier: Decimal::ONE,
        rate: usd(rate),
        fringes: Vec::new(),
        person: None,
    }
}

fn paid(mut l: DetailLine, person: &str) -> DetailLine {
    l.fringes = vec!["FICA".into(), "HEALTH".into()];
    l.person = Some(person.into());
    l
}

fn global(name: &str, value: &str, link: Option<ScheduleLink>) -> Global {
    Global {
        name: name.into(),
        value: value.into(),
        link,
        description: String::new(),
    }
}

/// Ten shoot days, Monday 2027-02-01 to Friday 2027-02-12 (Los Angeles).
fn shoot_days() -> Vec<Event> {
    let days = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12];
    days.iter()
        .enumerate()
        .map(|(i, &day)| {
            // 07:00–19:00 PST = 15:00–03:00 UTC.
            let start = Utc.with_ymd_and_hms(2027, 2, day, 15, 0, 0).unwrap();
            let end = Utc.with_ymd_and_hms(2027, 2, day + 1, 3, 0, 0).unwrap();
            let mut e = Event::new(format!("SD{}", i + 1), EventKind::ShootDay, start, end);
            e.day_number = Some(i as u32 + 1);
            e.attendees.push(Attendance::new("P1"));
            e
        })
        .collect()
}

/// The hand-worked production (figures in the comments are worked by hand).
fn night_diner() -> Production {
    let mut p = Production::new(
        "Night Diner",
        "America/Los_Angeles".parse().unwrap(),
        CurrencyCode::USD,
    );
    p.people
        .push(Person::new("P1", "Ava Lead", PersonCategory::Cast));
    p.people
        .push(Person::new("P2", "Dan Photog", PersonCategory::Crew));
    p.events = shoot_days();
    let b = &mut p.budget;
    for (code, name, section) in [
        ("1400", "Cast", BudgetSection::AboveTheLine),
        ("3300", "Camera", BudgetSection::Production),
        ("6700", "Insurance", BudgetSection::Other),
    ] {
        b.categories.push(BudgetCategory {
            code: code.into(),
            name: name.into(),
            section,
        });
    }
    for (code, name) in [
        ("1401", "Principal cast"),
        ("1499", "Cast fringe"),
        ("3301", "Director of photography"),
        ("3307", "Camera rentals"),
        ("3399", "Camera fringe"),
        ("6701", "Production package"),
    ] {
        b.accounts.push(Account {
            code: code.into(),
            name: name.into(),
            category: format!("{}00", &code[..2]).into(),
        });
    }
    b.globals = vec![
        // Declared before what it depends on: order does not matter.
        global("SHOOT_WEEKS", "SHOOT_DAYS / 5", None),
        global("SHOOT_DAYS", "", Some(ScheduleLink::ShootDays)),
        global("PREP_WEEKS", "2", None),
    ];
    b.fringes = vec![
        Fringe {
            id: "FICA".into(),
            name: "Social Security".into(),
            percent: d("6.2"),
            flat: None,
            wage_cap: Some(usd("10000.00")),
        },
        Fringe {
            id: "HEALTH".into(),
            name: "Health, per day worked".into(),
            percent: Decimal::ZERO,
            flat: Some(FlatFringe {
                amount: usd("30.00"),
                per: RateUnit::Days,
            }),
            wage_cap: None,
        },
    ];
    b.lines = vec![
        paid(
            line(
                "1401",
                "Lead - shoot",
                "SHOOT_DAYS",
                RateUnit::Days,
                "1000.00",
            ),
            "P1",
        ),
        paid(
            line("1401", "Lead - rehearsal", "2", RateUnit::Days, "1000.00"),
            "P1",
        ),
        paid(
            line(
                "3301",
                "DP - prep",
                "PREP_WEEKS",
                RateUnit::Weeks,
                "4000.00",
            ),
            "P2",
        ),
        paid(
            line(
                "3301",
                "DP - shoot",
                "SHOOT_WEEKS",
                RateUnit::Weeks,
                "4000.00",
            ),
            "P2",
        ),
        line(
            "3307",
            "Camera package",
            "SHOOT_WEEKS",
            RateUnit::Weeks,
            "10000.00",
        ),
        line(
            "6701",
            "Production package",
            "1",
            RateUnit::Allow,
            "25000.00",
        ),
    ];
    b.fringe_posting = FringePosting::CategoryXx99;
    b.contingency_percent = Some(d("10"));
    b.overhead_percent = Some(d("5"));
    b.completion_bond_percent = Some(d("2"));
    b.rates = vec![
        ExchangeRate {
            currency: CurrencyCode::GBP,
            rate_to_base: d("1.25"),
            as_of: date("2027-01-01"),
        },
        ExchangeRate {
            currency: CurrencyCode::GBP,
            rate_to_base: d("1.30"),
            as_of: date("2027-02-05"),
        },
    ];
    let l = &mut p.ledger;
    let po = |id: &str, account: &str, day: &str, amount: Money| PurchaseOrder {
        id: id.into(),
        vendor: "Vendor".into(),
        account: account.into(),
        date: date(day),
        amount,
        description: String::new(),
        closed: None,
    };
    l.purchase_orders = vec![
        po("PO-1", "3307", "2027-01-25", usd("20000.00")),
        po("PO-2", "6701", "2027-01-10", usd("25000.00")),
        po(
            "PO-3",
            "3307",
            "2027-02-01",
            Money::new(d("1000.00"), CurrencyCode::GBP),
        ),
    ];
    let tx =
        |id: &str, kind, account: &str, day: &str, amount: &str, po: Option<&str>| Transaction {
            id: id.into(),
            kind,
            account: account.into(),
            date: date(day),
            amount: usd(amount),
            purchase_order: po.map(str::to_owned),
            description: String::new(),
        };
    use TransactionKind::*;
    l.transactions = vec![
        tx(
            "INV-1",
            Invoice,
            "3307",
            "2027-02-01",
            "8000.00",
            Some("PO-1"),
        ),
        tx(
            "INV-2",
            Invoice,
            "3307",
            "2027-02-10",
            "8000.00",
            Some("PO-1"),
        ),
        tx(
            "INV-3",
            Invoice,
            "3307",
            "2027-02-20",
            "4000.00",
            Some("PO-1"),
        ),
        tx("PR-1", Payroll, "1401", "2027-02-05", "6000.00", None),
        tx("PR-2", Payroll, "1401", "2027-02-12", "5000.00", None),
        tx("PC-1", PettyCash, "3301", "2027-02-09", "250.00", None),
        tx(
            "INV-4",
            Invoice,
            "6701",
            "2027-01-15",
            "25000.00",
            Some("PO-2"),
        ),
    ];
    l.overages = vec![ApprovedOverage {
        account: "3307".into(),
        date: date("2027-02-03"),
        amount: usd("3000.00"),
        note: "second lens set".into(),
    }];
    l.estimates = vec![CostEstimate {
        account: "1401".into(),
        date: date("2027-02-14"),
        amount: usd("3000.00"),
        note: "two more payroll weeks".into(),
    }];
    p
}

fn s(x: Decimal) -> String {
    x.to_string()
}

#[test]
fn linked_globals_flat_fringes_posting_and_markups_to_the_cent() {
    let p = night_diner();
    p.validate().expect("valid");
    let t = p.budget_totals().expect("totals");
    let global = |name: &str| t.globals.iter().find(|g| g.name == name).unwrap().value;
    assert_eq!(global("SHOOT_DAYS"), d("10"));
    assert_eq!(global("SHOOT_WEEKS"), d("2"));
    // P1: rehearsal (2,000) comes before shoot (10,000) in description order;
    // FICA caps at 10,000: 124.00 then 496.00. HEALTH: 2 and 10 days × 30.
    let fringes = |i: usize| -> Vec<(String, String, String)> {
        let l = &t.lines[i];
        l.fringes
            .iter()
            .map(|f| {
                (
                    f.fringe.to_string(),
                    s(f.amount),
                    l.fringe_account.as_str().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        fringes(1),
        [
            ("FICA".into(), "124.00".into(), "1499".into()),
            ("HEALTH".into(), "60.00".into(), "1499".into())
        ]
    );
    assert_eq!(
        fringes(0),
        [
            ("FICA".into(), "496.00".into(), "1499".into()),
            ("HEALTH".into(), "300.00".into(), "1499".into())
        ]
    );
    // P2: 2 weeks prep, 2 weeks shoot at 4,000; HEALTH per day on weeks lines
    // counts 5 days a week: 10 days × 30 = 300.00 per line.
    assert_eq!(
        fringes(3),
        [
            ("FICA".into(), "124.00".into(), "3399".into()),
            ("HEALTH".into(), "300.00".into(), "3399".into())
        ]
    );
    let account = |code: &str| {
        let a = t.account(code).unwrap();
        (s(a.lines), s(a.fringe_total), s(a.total))
    };
    assert_eq!(
        account("1401"),
        ("12000.00".into(), "0.00".into(), "12000.00".into())
    );
    assert_eq!(
        account("1499"),
        ("0.00".into(), "980.00".into(), "980.00".into())
    );
    assert_eq!(
        account("3399"),
        ("0.00".into(), "1220.00".into(), "1220.00".into())
    );
    assert_eq!(s(t.category("3300").unwrap().total), "37220.00");
    assert_eq!(s(t.above_the_line), "12980.00");
    assert_eq!(s(t.below_the_line), "62220.00");
    assert_eq!(s(t.total_before_contingency), "75200.00");
    assert_eq!(s(t.contingency), "7520.00");
    assert_eq!(s(t.overhead), "3760.00");
    // Bond: 2 % of (75,200 + 7,520).
    assert_eq!(s(t.completion_bond), "1654.40");
    assert_eq!(s(t.grand_total), "88134.40");
    let text = t.topsheet_text();
    assert!(text.contains("OVERHEAD 5%"), "{text}");
    assert!(text.contains("COMPLETION BOND 2%"), "{text}");
}

#[test]
fn cost_report_hand_worked_to_the_cent() {
    let p = night_diner();
    let r = cost_report(&p, &CostReportOptions::as_of(date("2027-02-14"))).expect("report");
    assert_eq!(r.period_start, date("2027-02-08"));
    let row = |code: &str| -> Vec<String> {
        let row = r.rows().into_iter().find(|x| x.code == code).unwrap();
        row.columns().iter().map(|(_, v)| s(*v)).collect()
    };
    // budget, overages, final, period, ATD, commitments, total, ETC, EFC, variance
    assert_eq!(
        row("3307"),
        // PO-1 open 20,000 − 16,000 invoiced; PO-3 £1,000 at 1.25 (its date's rate).
        [
            "20000.00", "3000.00", "23000.00", "8000.00", "16000.00", "5250.00", "21250.00",
            "1750.00", "23000.00", "0.00"
        ]
    );
    assert_eq!(
        row("1401"),
        [
            "12000.00", "0.00", "12000.00", "5000.00", "11000.00", "0.00", "11000.00", "3000.00",
            "14000.00", "-2000.00"
        ]
    );
    assert_eq!(
        row("6701"),
        [
            "25000.00", "0.00", "25000.00", "0.00", "25000.00", "0.00", "25000.00", "0.00",
            "25000.00", "0.00"
        ]
    );
    assert_eq!(
        row("TOTAL"),
        [
            "75200.00", "3000.00", "78200.00", "13250.00", "52250.00", "5250.00", "57500.00",
            "22700.00", "80200.00", "-2000.00"
        ]
    );
    let alerts: Vec<(&str, CostAlertKind)> = r
        .alerts
        .iter()
        .map(|a| (a.account.as_str(), a.kind))
        .collect();
    assert_eq!(
        alerts,
        [
            ("1401", CostAlertKind::OverBudget),
            ("3307", CostAlertKind::NearBudget),
            ("6701", CostAlertKind::NearBudget)
        ]
    );
    assert_eq!(
        r.alerts[0].message,
        "1401 Principal cast: estimated final cost 14,000.00 is 2,000.00 over the final budget 12,000.00"
    );
    assert_eq!(
        r.alerts[1].message,
        "3307 Camera rentals: total cost 21,250.00 is 92.4% of the final budget 23,000.00"
    );
    // Print order: accounts, their category, ..., section, ..., total.
    let order: Vec<(&str, BudgetLevel)> = r
        .rows()
        .iter()
        .map(|x| (x.code.as_str(), x.level))
        .collect();
    assert_eq!(order[0], ("1401", BudgetLevel::Account));
    assert_eq!(order[2], ("1400", BudgetLevel::Category));
    assert_eq!(order[3], ("above_the_line", BudgetLevel::Section));
    assert_eq!(*order.last().unwrap(), ("TOTAL", BudgetLevel::Total));
    // Before the PO-3 date nothing of it is committed; INV-2 not yet posted.
    let early = cost_report(&p, &CostReportOptions::as_of(date("2027-01-31"))).unwrap();
    let a = early.account("3307").unwrap();
    assert_eq!(
        (s(a.actual_to_date), s(a.commitments)),
        ("0.00".into(), "20000.00".into())
    );
    // A closed PO commits nothing.
    let mut q = p.clone();
    q.ledger.purchase_orders[0].closed = Some(date("2027-02-11"));
    let closed = cost_report(&q, &CostReportOptions::as_of(date("2027-02-14"))).unwrap();
    assert_eq!(s(closed.account("3307").unwrap().commitments), "1250.00");
}

#[test]
fn cost_report_exports_csv_text_and_xlsx() {
    let p = night_diner();
    let r = cost_report(&p, &CostReportOptions::as_of(date("2027-02-14"))).unwrap();
    let csv = r.to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Level,Code,Name,Budget,Approved overages,Final budget,This period,Actual to date,Commitments,Total cost,Estimate to complete,Estimated final cost,Variance"
    );
    assert_eq!(
        lines.next().unwrap(),
        "account,1401,Principal cast,12000.00,0.00,12000.00,5000.00,11000.00,0.00,11000.00,3000.00,14000.00,-2000.00"
    );
    assert!(csv.ends_with("total,TOTAL,Total,75200.00,3000.00,78200.00,13250.00,52250.00,5250.00,57500.00,22700.00,80200.00,-2000.00\r\n"));
    let text = r.to_text();
    assert!(text.contains("ALERTS"), "{text}");
    let xlsx = r.to_xlsx().unwrap();
    assert_eq!(&xlsx[..2], b"PK", "a zip container");
    let dir = tempfile::tempdir().unwrap();
    r.export(dir.path().join("report.xlsx")).unwrap();
    r.export(dir.path().join("report.csv")).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.csv")).unwrap(),
        csv
    );
    let err = r.export(dir.path().join("report.pdf")).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("unknown format \"pdf\" (expected .csv, .xlsx or .txt)")
    );
    let t = p.budget_totals().unwrap();
    let topsheet = t.topsheet_csv();
    assert!(
        topsheet.contains("category,3300,Camera,36000.00,1220.00,37220.00\r\n"),
        "{topsheet}"
    );
    assert!(
        topsheet.contains("total,grand_total,Grand total,,,88134.40\r\n"),
        "{topsheet}"
    );
    assert_eq!(&t.topsheet_xlsx().unwrap()[..2], b"PK");
}

#[test]
fn comparison_and_schedule_delta() {
    let before = night_diner();
    let mut after = before.clone();
    // The last shoot day is cancelled: SHOOT_DAYS 10 → 9, SHOOT_WEEKS 2 → 1.8.
    after.events[9].status = BookingStatus::Cancelled;
    let delta = budget_delta(&before, &after).unwrap();
    let changed: Vec<(&str, String)> = delta
        .accounts
        .iter()
        .filter(|a| !a.delta.is_zero())
        .map(|a| (a.code.as_str(), s(a.delta)))
        .collect();
    assert_eq!(
        changed,
        [
            ("1401", "-1000.00".to_owned()),
            ("1499", "-30.00".to_owned()),
            ("3301", "-800.00".to_owned()),
            ("3307", "-2000.00".to_owned()),
            ("3399", "-30.00".to_owned())
        ]
    );
    let globals: Vec<(String, Option<Decimal>, Option<Decimal>)> = delta
        .globals
        .iter()
        .map(|g| (g.name.clone(), g.before, g.after))
        .collect();
    assert_eq!(
        globals,
        [
            ("SHOOT_WEEKS".into(), Some(d("2")), Some(d("1.8"))),
            ("SHOOT_DAYS".into(), Some(d("10")), Some(d("9")))
        ]
    );
    // −3,860 before markups; contingency −386, overhead −193, bond −84.92.
    assert_eq!(s(delta.grand_total.delta), "-4523.92");
    let markups: Vec<String> = delta.markups.iter().map(|m| s(m.delta)).collect();
    assert_eq!(markups, ["-386.00", "-193.00", "-84.92"]);
    let text = delta.to_text();
    assert!(text.contains("SHOOT_DAYS 10 → 9"));
    // Accounts, sections and markups (`completion_bond`) line up: every
    // changed row has its amounts in the same columns.
    let rows: Vec<&str> = text.lines().filter(|l| !l.contains('→')).collect();
    assert!(
        rows.iter().any(|l| l.starts_with("completion_bond ")),
        "{text}"
    );
    assert!(rows.iter().any(|l| l.starts_with("3301 ")), "{text}");
    let widths: std::collections::BTreeSet<usize> =
        rows.iter().map(|l| l.chars().count()).collect();
    assert_eq!(widths.len(), 1, "{text}");

    // A budget compared with itself has no change; a new account shows up.
    let t = before.budget_totals().unwrap();
    assert!(compare_budgets(&t, &t).unwrap().changed().is_empty());
    let mut grown = before.clone();
    grown.budget.accounts.push(Account {
        code: "3308".into(),
        name: "Camera expendables".into(),
        category: "3300".into(),
    });
    grown.budget.lines.push(line(
        "3308",
        "Tape and batteries",
        "1",
        RateUnit::Allow,
        "1500.00",
    ));
    let cmp = compare_budgets(&t, &grown.budget_totals().unwrap()).unwrap();
    let new = cmp.account("3308").unwrap();
    assert_eq!(
        (s(new.before), s(new.after)),
        ("0.00".into(), "1500.00".into())
    );
    let euros = Production::new(
        "Euro Diner",
        "Europe/Paris".parse().unwrap(),
        CurrencyCode::EUR,
    );
    let err = compare_budgets(&t, &euros.budget_totals().unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "currency: cannot compare a budget in USD with one in EUR"
    );
}

#[test]
fn global_cycles_and_posting_accounts_are_named() {
    let mut p = night_diner();
    p.budget.globals.push(global("A", "B + 1", None));
    p.budget.globals.push(global("B", "A * 2", None));
    p.budget.accounts.retain(|a| a.code.as_str() != "3399");
    let problems: Vec<String> = p
        .budget_totals()
        .unwrap_err()
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "budget.globals[3].value: cycle: A → B → A",
            "budget.fringe_posting: fringes post to account \"3399\", which is not in the chart"
        ]
    );
    let v = p.validate().unwrap_err().to_string();
    assert!(
        v.contains("budget.globals[3].value: cycle: A → B → A"),
        "{v}"
    );
}

// ------------------------------------------------------------------- CSV

#[test]
fn transactions_csv_imports_all_or_nothing() {
    let mut p = night_diner();
    let good = "Ref,Type,Account Code,Posting Date,Amount,PO #,Memo\r\n\
        INV-9,Invoice,3307,2027-02-11,\"1,500.00\",PO-1,lens repair\r\n\
        PC-9,petty cash,3301,2027-02-12,(25.00),,refund\r\n\
        \r\n\
        JE-1,,6701,2027-02-13,100,,\r\n";
    assert_eq!(p.import_transactions_csv(good).unwrap(), 3);
    let added = &p.ledger.transactions[7..];
    assert_eq!(added[0].kind, TransactionKind::Invoice);
    assert_eq!(added[0].amount, usd("1500.00"));
    assert_eq!(added[1].amount, usd("-25.00"));
    assert_eq!(added[2].kind, TransactionKind::Journal);

    let before = p.to_json();
    let bad = "id,kind,account,date,amount,currency,purchase order\n\
        INV-10,invoice,9999,2027-02-11,10.00,,\n\
        INV-11,invoice,3307,11/02/2027,1.234,,\n\
        PR-1,payroll,1401,2027-02-11,12,,\n\
        INV-12,bribe,3307,2027-02-11,12,,PO-77\n\
        INV-13,invoice,3307,2027-02-11,12,EUR,PO-1\n\
        INV-13,invoice,3307,2027-02-11,12,,\n\
        INV-14,invoice,3307,2027-02-11,12,,\n";
    let problems: Vec<String> = p
        .import_transactions_csv(bad)
        .unwrap_err()
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "row 2, column \"account\": unknown account \"9999\"",
            "row 3, column \"date\": \"11/02/2027\" is not a date (expected YYYY-MM-DD)",
            "row 3, column \"amount\": \"1.234\" has more decimals than USD allows (2)",
            "row 4, column \"id\": \"PR-1\" is already in the ledger",
            "row 5, column \"purchase order\": unknown purchase order \"PO-77\"",
            "row 5, column \"kind\": \"bribe\" is not a kind (expected invoice, petty cash, payroll or journal)",
            "row 6, column \"currency\": EUR does not match purchase order \"PO-1\" in USD",
            "row 7, column \"id\": \"INV-13\" repeats row 6",
        ]
    );
    assert_eq!(p.to_json(), before, "nothing imported");

    let missing = p
        .import_transactions_csv("ref,date\nX,2027-01-01\n")
        .unwrap_err();
    assert!(
        missing
            .to_string()
            .starts_with("2 problems:\n  row 1: no \"account\" column"),
        "{missing}"
    );
    let ragged = p
        .import_transactions_csv("id,account,date,amount\nA,3307,2027-01-01\n")
        .unwrap_err();
    assert_eq!(ragged.to_string(), "row 2: has 3 fields, the header has 4");
    assert_eq!(p.to_json(), before);
}

#[test]
fn budget_csv_replaces_lines_all_or_nothing() {
    let mut p = night_diner();
    let good = "Account,Description,Amount,Unit,X,Rate,Currency,Fringes,Person\n\
        1401,Lead - shoot,SHOOT_DAYS,days,,1000.00,,FICA; HEALTH,P1\n\
        3307,Camera package,SHOOT_WEEKS,wks,1,\"10,000.00\",,,\n\
        3307,London lens,1,flat,,800.00,gbp,,\n";
    assert_eq!(p.import_budget_csv(good).unwrap(), 3);
    let t = p.budget_totals().unwrap();
    // 800 GBP at the newest rate 1.30.
    assert_eq!(s(t.account("3307").unwrap().lines), "21040.00");

    let before = p.to_json();
    let bad = "account,description,amount,unit,rate,fringes,person\n\
        1401,Lead,SHOT_DAYS,days,1000,,P1\n\
        3307,Package,2,fortnights,10,,\n\
        3307,Lens,1,flat,800,FOO,\n\
        3307,Lens,1,flat,800,,P99\n";
    let problems: Vec<String> = p
        .import_budget_csv(bad)
        .unwrap_err()
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "row 3, column \"unit\": \"fortnights\" is not a unit (expected allow, flat, hours, days, weeks or months)"
        ]
    );
    let bad = "account,description,amount,unit,rate,fringes,person\n\
        1401,Lead,SHOT_DAYS,days,1000,,P1\n\
        3307,Lens,1,flat,800,FOO,\n\
        3307,Lens,1,flat,800,,P99\n";
    let problems: Vec<String> = p
        .import_budget_csv(bad)
        .unwrap_err()
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "row 2, column \"amount\": unknown global \"SHOT_DAYS\"",
            "row 3, column \"fringes\": unknown fringe \"FOO\"",
            "row 4, column \"person\": unknown person \"P99\"",
        ]
    );
    assert_eq!(p.to_json(), before, "nothing imported");
}

// ------------------------------------------------------------ properties

const ACCOUNTS: [&str; 4] = ["1401", "3301", "3307", "6701"];

fn arb_ledger() -> impl Strategy<Value = Production> {
    let tx = (
        0..ACCOUNTS.len(),
        0u32..60,
        -50_000i64..500_000,
        proptest::option::of(0usize..3),
        0usize..4,
    );
    let po = (
        0..ACCOUNTS.len(),
        0u32..60,
        0i64..1_000_000,
        proptest::option::of(0u32..60),
    );
    (
        proptest::collection::vec(tx, 0..40),
        proptest::collection::vec(po, 0..3),
        0u32..60,
    )
        .prop_map(|(txs, pos, _)| {
            let mut p = night_diner();
            let day = |n: u32| date("2027-01-01") + chrono::Days::new(u64::from(n));
            p.ledger.purchase_orders = pos
                .iter()
                .enumerate()
                .map(|(i, (a, when, cents, closed))| PurchaseOrder {
                    id: format!("PO-{i}"),
                    vendor: "V".into(),
                    account: ACCOUNTS[*a].into(),
                    date: day(*when),
                    amount: Money::new(Decimal::new(*cents, 2), CurrencyCode::USD),
                    description: String::new(),
                    closed: closed.map(day),
                })
                .collect();
            let n_pos = p.ledger.purchase_orders.len();
            p.ledger.transactions = txs
                .iter()
                .enumerate()
                .map(|(i, (a, when, cents, po, kind))| Transaction {
                    id: format!("T-{i}"),
                    kind: [
                        TransactionKind::Invoice,
                        TransactionKind::PettyCash,
                        TransactionKind::Payroll,
                        TransactionKind::Journal,
                    ][*kind],
                    account: ACCOUNTS[*a].into(),
                    date: day(*when),
                    amount: Money::new(Decimal::new(*cents, 2), CurrencyCode::USD),
                    purchase_order: po.filter(|&k| k < n_pos).map(|k| format!("PO-{k}")),
                    description: String::new(),
                })
                .collect();
            p.ledger.overages.clear();
            p.ledger.estimates.clear();
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Every account's actuals and commitments equal a naive recomputation,
    /// parents are sums of children, and the report does not depend on the
    /// order of the ledger.
    #[test]
    fn cost_report_matches_a_naive_oracle(p in arb_ledger(), as_of in 0u32..60, seed in any::<u64>()) {
        let as_of = date("2027-01-01") + chrono::Days::new(u64::from(as_of));
        let options = CostReportOptions::as_of(as_of);
        let r = cost_report(&p, &options).unwrap();
        let start = as_of - chrono::Days::new(6);
        // The report totals the budget without per-line detail: same figures.
        let totals = p.budget_totals().unwrap();
        for a in &totals.accounts {
            prop_assert_eq!(r.account(a.code.as_str()).unwrap().budget, a.total);
        }
        for code in ACCOUNTS {
            let mine: Vec<&Transaction> = p.ledger.transactions.iter()
                .filter(|t| t.account.as_str() == code && t.date <= as_of).collect();
            let atd: Decimal = mine.iter().map(|t| t.amount.amount).sum();
            let period: Decimal = mine.iter().filter(|t| t.date >= start).map(|t| t.amount.amount).sum();
            let mut commitments = Decimal::ZERO;
            for po in p.ledger.purchase_orders.iter().filter(|po| po.account.as_str() == code) {
                if po.date > as_of || po.closed.is_some_and(|c| c <= as_of) { continue; }
                let invoiced: Decimal = p.ledger.transactions.iter()
                    .filter(|t| t.purchase_order.as_deref() == Some(po.id.as_str()) && t.date <= as_of)
                    .map(|t| t.amount.amount).sum();
                commitments += (po.amount.amount - invoiced).max(Decimal::ZERO);
            }
            let row = r.account(code).unwrap();
            prop_assert_eq!(row.actual_to_date, atd);
            prop_assert_eq!(row.this_period, period);
            prop_assert_eq!(row.commitments, commitments);
            prop_assert!(row.commitments >= Decimal::ZERO);
            prop_assert_eq!(row.estimated_final_cost, row.total_cost + row.estimate_to_complete);
            prop_assert_eq!(row.variance, row.final_budget - row.estimated_final_cost);
            prop_assert!(row.estimate_to_complete >= Decimal::ZERO);
        }
        for c in &r.categories {
            let kids: Vec<_> = r.accounts.iter().filter(|a| a.parent == c.code).collect();
            for k in 0..10 {
                let sum: Decimal = kids.iter().map(|a| a.columns()[k].1).sum();
                prop_assert_eq!(c.columns()[k].1, sum);
            }
        }
        for k in 0..10 {
            let sum: Decimal = r.sections.iter().map(|x| x.columns()[k].1).sum();
            prop_assert_eq!(r.total.columns()[k].1, sum);
        }
        // Order independence.
        let mut q = p.clone();
        let n = q.ledger.transactions.len();
        if n > 1 {
            let k = (seed % n as u64) as usize;
            q.ledger.transactions.rotate_left(k);
            q.ledger.transactions.reverse();
        }
        q.ledger.purchase_orders.reverse();
        prop_assert_eq!(&cost_report(&q, &options).unwrap(), &r);
    }

    /// A CSV written from transactions imports back to the same
    /// transactions.
    #[test]
    fn transactions_csv_round_trips(p in arb_ledger()) {
        let mut csv = String::from("id,kind,account,date,amount,purchase order\n");
        for t in &p.ledger.transactions {
            let kind = match t.kind {
                TransactionKind::Invoice => "invoice",
                TransactionKind::PettyCash => "petty cash",
                TransactionKind::Payroll => "payroll",
                TransactionKind::Journal => "journal",
            };
            csv.push_str(&format!("{},{kind},{},{},{},{}\n", t.id, t.account.as_str(), t.date, t.amount.amount, t.purchase_order.as_deref().unwrap_or("")));
        }
        let mut q = p.clone();
        q.ledger.transactions.clear();
        let parsed = callsheet::budget::parse_transactions_csv(&q, &csv).unwrap();
        prop_assert_eq!(parsed, p.ledger.transactions.clone());
    }
}

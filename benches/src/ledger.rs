//! A seeded production with a large budget and ledger, for the budget and
//! cost-report benchmarks.

use callsheet::budget::{
    Budget, Chart, DetailLine, FlatFringe, Fringe, Global, PurchaseOrder, RateUnit, Transaction,
    TransactionKind,
};
use callsheet::{CurrencyCode, Money, Person, PersonCategory, Production};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::{SeasonSize, SplitMix64, season};

/// Size of a generated budget and ledger.
#[derive(Debug, Clone, Copy)]
pub struct LedgerSize {
    /// Detail lines.
    pub lines: usize,
    /// Transactions (invoices, payroll, petty cash, journals).
    pub transactions: usize,
    /// Purchase orders.
    pub purchase_orders: usize,
    /// People paid by budget lines.
    pub people: usize,
}

impl LedgerSize {
    /// The target: 100,000 detail lines and 1,000,000 transactions.
    pub const TARGET: LedgerSize = LedgerSize {
        lines: 100_000,
        transactions: 1_000_000,
        purchase_orders: 20_000,
        people: 5_000,
    };
}

impl LedgerSize {
    /// The budget and ledger of [`season_with_ledger`]'s default production:
    /// a tenth of [`LedgerSize::TARGET`], paying the season's 1,500 people.
    pub const SEASON: LedgerSize = LedgerSize {
        lines: 10_000,
        transactions: 100_000,
        purchase_orders: 2_000,
        people: 1_500,
    };
}

/// The date the benchmarks report costs as of: 120 days into the ledger
/// (2027-05-04), a Tuesday in the middle of the shoot.
pub fn report_date() -> NaiveDate {
    ledger_start() + Days::new(120)
}

/// A generated season (see [`season`]) with the budget and ledger of
/// [`accounting`]: one production file that exercises the conflict check,
/// the day out of days and the cost report together.
///
/// The budget's people are the season's first `ledger.people` people (ids
/// `P0`, `P1`, …), so `ledger.people` must not exceed `size.people`.
pub fn season_with_ledger(size: SeasonSize, ledger: LedgerSize, seed: u64) -> Production {
    assert!(
        ledger.people <= size.people as usize,
        "the budget pays {} people, the season has {}",
        ledger.people,
        size.people
    );
    let mut p = season(size, seed);
    let books = accounting(ledger, seed.wrapping_add(1));
    p.budget = books.budget;
    p.ledger = books.ledger;
    p
}

/// The first day of the generated ledger.
pub fn ledger_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date")
}

fn cents(rng: &mut SplitMix64, low: u64, high: u64) -> Decimal {
    Decimal::new((low + rng.below(high - low)) as i64, 2)
}

/// A production with the standard feature chart, globals (some formulas),
/// percentage fringes with caps and a flat one, `size.lines` detail lines
/// (70 % paying a person), purchase orders and transactions over 26 weeks.
pub fn accounting(size: LedgerSize, seed: u64) -> Production {
    let mut rng = SplitMix64::new(seed);
    let usd = CurrencyCode::USD;
    let mut p = Production::new(
        "Ledger Season",
        "America/Los_Angeles".parse().expect("zone"),
        usd,
    );
    for i in 0..size.people {
        p.people.push(Person::new(
            format!("P{i}"),
            format!("Person {i}"),
            PersonCategory::Crew,
        ));
    }
    let mut budget = Budget::with_chart(Chart::standard_feature());
    budget.globals = vec![
        global("SHOOT_DAYS", "120"),
        global("SHOOT_WEEKS", "SHOOT_DAYS / 5"),
        global("PREP_WEEKS", "8"),
        global("WRAP_WEEKS", "SHOOT_WEEKS / 6"),
    ];
    let fringe = |id: &str, percent: &str, cap: Option<&str>| Fringe {
        id: id.into(),
        name: id.into(),
        percent: percent.parse().expect("percent"),
        flat: None,
        wage_cap: cap.map(|c| Money::new(c.parse().expect("cap"), usd)),
    };
    budget.fringes = vec![
        fringe("FICA", "6.2", Some("184500.00")),
        fringe("MEDICARE", "1.45", None),
        fringe("FUTA", "0.6", Some("7000.00")),
        fringe("SUI", "3.4", Some("7000.00")),
        fringe("PH", "19.5", Some("250000.00")),
        Fringe {
            id: "HEALTH_DAY".into(),
            name: "Health per day".into(),
            percent: Decimal::ZERO,
            flat: Some(FlatFringe {
                amount: Money::new(Decimal::new(3500, 2), usd),
                per: RateUnit::Days,
            }),
            wage_cap: None,
        },
    ];
    let accounts: Vec<_> = budget.accounts.iter().map(|a| a.code.clone()).collect();
    let amounts = [
        "SHOOT_WEEKS",
        "PREP_WEEKS",
        "WRAP_WEEKS",
        "SHOOT_DAYS",
        "3",
        "12.5",
    ];
    for i in 0..size.lines {
        let account = accounts[rng.below(accounts.len() as u64) as usize].clone();
        let k = rng.below(amounts.len() as u64) as usize;
        let unit = if amounts[k].contains("DAYS") {
            RateUnit::Days
        } else {
            RateUnit::Weeks
        };
        let person = rng.below(10) < 7;
        let fringes = if person {
            vec!["FICA", "MEDICARE", "FUTA", "SUI", "PH", "HEALTH_DAY"]
        } else if rng.below(2) == 0 {
            vec!["MEDICARE", "FUTA"]
        } else {
            vec![]
        };
        budget.lines.push(DetailLine {
            account,
            description: format!("Line {i}"),
            amount: amounts[k].into(),
            unit,
            multiplier: if person {
                Decimal::ONE
            } else {
                Decimal::from(1 + rng.below(4))
            },
            rate: Money::new(cents(&mut rng, 10_000, 800_000), usd),
            fringes: fringes.into_iter().map(str::to_owned).collect(),
            person: person.then(|| format!("P{}", rng.below(size.people as u64)).into()),
        });
    }
    budget.contingency_percent = Some(Decimal::TEN);
    p.budget = budget;
    let start = ledger_start();
    let day = |n: u64| start.checked_add_days(Days::new(n)).expect("date");
    for i in 0..size.purchase_orders {
        p.ledger.purchase_orders.push(PurchaseOrder {
            id: format!("PO-{i}"),
            vendor: format!("Vendor {}", i % 300),
            account: accounts[rng.below(accounts.len() as u64) as usize].clone(),
            date: day(rng.below(120)),
            amount: Money::new(cents(&mut rng, 100_000, 10_000_000), usd),
            description: String::new(),
            closed: None,
        });
    }
    for i in 0..size.transactions {
        let on_po = size.purchase_orders > 0 && rng.below(3) == 0;
        let (account, purchase_order, kind) = if on_po {
            let k = rng.below(size.purchase_orders as u64) as usize;
            let po = &p.ledger.purchase_orders[k];
            (
                po.account.clone(),
                Some(po.id.clone()),
                TransactionKind::Invoice,
            )
        } else {
            let kind = [
                TransactionKind::Payroll,
                TransactionKind::PettyCash,
                TransactionKind::Journal,
            ][rng.below(3) as usize];
            (
                accounts[rng.below(accounts.len() as u64) as usize].clone(),
                None,
                kind,
            )
        };
        p.ledger.transactions.push(Transaction {
            id: format!("T{i}"),
            kind,
            account,
            date: day(rng.below(182)),
            amount: Money::new(cents(&mut rng, 1_000, 500_000), usd),
            purchase_order,
            description: String::new(),
        });
    }
    p
}

fn global(name: &str, value: &str) -> Global {
    Global {
        name: name.into(),
        value: value.into(),
        link: None,
        description: String::new(),
    }
}

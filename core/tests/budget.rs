//! Budget engine: a hand-worked budget to the cent, formula and chart errors
//! with paths, the bundled sample against its generator, and properties
//! (parents are sums of children, caps hold, order independence).

use callsheet::budget::{
    Account, BudgetCategory, BudgetSection, BudgetTotals, DetailLine, ExchangeRate, Formula,
    Fringe, Global, RateUnit, budget_totals_as_of,
};
use callsheet::{CurrencyCode, Money, Person, PersonCategory, PersonId, Production};
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::common::sample_path;

fn d(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

fn usd(text: &str) -> Money {
    Money::new(d(text), CurrencyCode::USD)
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

fn category(code: &str, name: &str, section: BudgetSection) -> BudgetCategory {
    BudgetCategory {
        code: code.into(),
        name: name.into(),
        section,
    }
}

fn account(code: &str, name: &str) -> Account {
    Account {
        code: code.into(),
        name: name.into(),
        category: format!("{}00", &code[..2]).into(),
    }
}

fn line(
    account: &str,
    description: &str,
    amount: &str,
    multiplier: &str,
    rate: Money,
    fringes: &[&str],
    person: Option<&str>,
) -> DetailLine {
    DetailLine {
        account: account.into(),
        description: description.into(),
        amount: amount.into(),
        unit: RateUnit::Weeks,
        multiplier: d(multiplier),
        rate,
        fringes: fringes.iter().map(|f| (*f).to_owned()).collect(),
        person: person.map(PersonId::from),
    }
}

fn fringe(id: &str, percent: &str, cap: Option<&str>) -> Fringe {
    Fringe {
        id: id.into(),
        name: format!("{id} (employer)"),
        percent: d(percent),
        flat: None,
        wage_cap: cap.map(usd),
    }
}

fn global(name: &str, value: &str) -> Global {
    Global {
        name: name.into(),
        value: value.into(),
        link: None,
        description: String::new(),
    }
}

/// The hand-worked budget. Figures worked out by hand in the comments.
fn hand_worked() -> Production {
    let mut p = Production::new(
        "Night Diner",
        "America/Los_Angeles".parse().unwrap(),
        CurrencyCode::USD,
    );
    for (id, name) in [("DP", "Ana Reyes"), ("DIR", "Sam Cole"), ("OP", "Lee Park")] {
        p.people.push(Person::new(id, name, PersonCategory::Crew));
    }
    let b = &mut p.budget;
    b.categories = vec![
        category("1300", "Director", BudgetSection::AboveTheLine),
        category("3300", "Camera", BudgetSection::Production),
        category("5100", "Music", BudgetSection::Post),
        category("6700", "Insurance", BudgetSection::Other),
    ];
    b.accounts = vec![
        account("1301", "Director"),
        account("3301", "Director of Photography"),
        account("3302", "Camera Operator"),
        account("5104", "Score Recording"),
        account("6701", "Production Package"),
    ];
    b.globals = vec![global("SHOOT_WEEKS", "6"), global("PREP_WEEKS", "3")];
    b.fringes = vec![
        fringe("FICA", "6.2", Some("184500.00")),
        fringe("MEDICARE", "1.45", None),
        fringe("FUTA", "0.6", Some("7000.00")),
    ];
    b.rates = vec![
        ExchangeRate {
            currency: CurrencyCode::GBP,
            rate_to_base: d("1.25"),
            as_of: date("2026-01-05"),
        },
        ExchangeRate {
            currency: CurrencyCode::GBP,
            rate_to_base: d("1.2710"),
            as_of: date("2026-03-02"),
        },
    ];
    let dir = ["FICA", "MEDICARE", "FUTA"];
    let crew = ["FICA", "MEDICARE"];
    b.lines = vec![
        // 0: 3 × 1 × 4,500 = 13,500.00; FICA 837.00; Medicare 195.75
        line(
            "3301",
            "DP - prep",
            "PREP_WEEKS",
            "1",
            usd("4500.00"),
            &crew,
            Some("DP"),
        ),
        // 1: 120,000.00; FICA 7,440.00; Medicare 1,740.00; FUTA 42.00 (7,000 × 0.6 %)
        line(
            "1301",
            "Director - prep",
            "8",
            "1",
            usd("15000.00"),
            &dir,
            Some("DIR"),
        ),
        // 2: 6 × 1 × 4,500 = 27,000.00; FICA 1,674.00; Medicare 391.50
        line(
            "3301",
            "DP - shoot",
            "SHOOT_WEEKS",
            "1",
            usd("4500.00"),
            &crew,
            Some("DP"),
        ),
        // 3: 90,000.00; running pay 210,000 > cap: FICA on 64,500 = 3,999.00; Medicare 1,305.00; FUTA 0
        line(
            "1301",
            "Director - shoot",
            "SHOOT_WEEKS",
            "1",
            usd("15000.00"),
            &dir,
            Some("DIR"),
        ),
        // 4: 30,000.00; FICA 0 (cap used up); Medicare 435.00; FUTA 0
        line(
            "1301",
            "Director - wrap",
            "2",
            "1",
            usd("15000.00"),
            &dir,
            Some("DIR"),
        ),
        // 5: (6 + 3) × 1 × 3,100 = 27,900.00; FICA 1,729.80; Medicare 404.55
        line(
            "3302",
            "Operator - prep and shoot",
            "SHOOT_WEEKS + PREP_WEEKS",
            "1",
            usd("3100.00"),
            &crew,
            Some("OP"),
        ),
        // 6: no person, so uncapped: 10 × 2 × 650 = 13,000.00; FICA 806.00; FUTA 78.00
        line(
            "3302",
            "Day-player operators",
            "10",
            "2",
            usd("650.00"),
            &["FICA", "FUTA"],
            None,
        ),
        // 7: £18,500.55 at 1.2710 (2026-03-02) = 23,514.19905 → 23,514.20
        line(
            "5104",
            "String quartet, London",
            "1",
            "1",
            Money::new(d("18500.55"), CurrencyCode::GBP),
            &[],
            None,
        ),
        // 8: 12,345.125 → half-even → 12,345.12
        line(
            "6701",
            "Insurance package",
            "1",
            "1",
            usd("12345.125"),
            &[],
            None,
        ),
    ];
    b.contingency_percent = Some(d("10"));
    p
}

fn amount(totals: &BudgetTotals, code: &str) -> String {
    totals.account(code).expect("account").total.to_string()
}

#[test]
fn hand_worked_budget_to_the_cent() {
    let p = hand_worked();
    let t = p.budget_totals().expect("totals");

    let bases: Vec<String> = t.lines.iter().map(|l| l.base.to_string()).collect();
    assert_eq!(
        bases,
        [
            "13500.00",
            "120000.00",
            "27000.00",
            "90000.00",
            "30000.00",
            "27900.00",
            "13000.00",
            "23514.20",
            "12345.12"
        ]
    );
    let fringes = |i: usize| -> Vec<(String, String, String)> {
        t.lines[i]
            .fringes
            .iter()
            .map(|f| {
                (
                    f.fringe.to_string(),
                    f.subject.to_string(),
                    f.amount.to_string(),
                )
            })
            .collect()
    };
    let row = |id: &str, subject: &str, amount: &str| {
        (id.to_owned(), subject.to_owned(), amount.to_owned())
    };
    assert_eq!(
        fringes(1),
        [
            row("FICA", "120000.00", "7440.00"),
            row("MEDICARE", "120000.00", "1740.00"),
            row("FUTA", "7000.00", "42.00"),
        ]
    );
    assert_eq!(
        fringes(3),
        [
            row("FICA", "64500.00", "3999.00"),
            row("MEDICARE", "90000.00", "1305.00"),
            row("FUTA", "0.00", "0.00"),
        ]
    );
    assert_eq!(
        fringes(4),
        [
            row("FICA", "0.00", "0.00"),
            row("MEDICARE", "30000.00", "435.00"),
            row("FUTA", "0.00", "0.00"),
        ]
    );
    assert_eq!(
        fringes(6),
        [
            row("FICA", "13000.00", "806.00"),
            row("FUTA", "13000.00", "78.00")
        ]
    );
    assert_eq!(t.lines[5].quantity, d("9"));
    assert_eq!(
        t.lines[7].subtotal,
        Money::new(d("18500.55"), CurrencyCode::GBP)
    );
    assert_eq!(t.lines[7].exchange_rate.as_ref(), Some(&p.budget.rates[1]));

    assert_eq!(amount(&t, "1301"), "254961.00");
    assert_eq!(amount(&t, "3301"), "43598.25");
    assert_eq!(amount(&t, "3302"), "43918.35");
    assert_eq!(amount(&t, "5104"), "23514.20");
    assert_eq!(amount(&t, "6701"), "12345.12");
    let dir = t.account("1301").unwrap();
    assert_eq!(dir.lines.to_string(), "240000.00");
    assert_eq!(dir.fringes["FICA"].to_string(), "11439.00"); // = 184,500 × 6.2 %
    assert_eq!(dir.fringes["MEDICARE"].to_string(), "3480.00");
    assert_eq!(dir.fringes["FUTA"].to_string(), "42.00");
    assert_eq!(dir.fringe_total.to_string(), "14961.00");

    assert_eq!(t.category("3300").unwrap().total.to_string(), "87516.60");
    assert_eq!(
        t.section(BudgetSection::AboveTheLine).to_string(),
        "254961.00"
    );
    assert_eq!(t.section(BudgetSection::Production).to_string(), "87516.60");
    assert_eq!(t.section(BudgetSection::Post).to_string(), "23514.20");
    assert_eq!(t.section(BudgetSection::Other).to_string(), "12345.12");
    assert_eq!(t.below_the_line.to_string(), "123375.92");
    assert_eq!(t.total_before_contingency.to_string(), "378336.92");
    assert_eq!(t.contingency.to_string(), "37833.69"); // 37,833.692
    assert_eq!(t.grand_total.to_string(), "416170.61");

    let fica = t.fringe("FICA").unwrap();
    assert_eq!(
        (fica.subject.to_string(), fica.amount.to_string()),
        ("265900.00".to_owned(), "16485.80".to_owned())
    );
    assert_eq!(t.fringe("MEDICARE").unwrap().amount.to_string(), "4471.80");
    assert_eq!(t.fringe("FUTA").unwrap().amount.to_string(), "120.00");

    // An earlier rate date picks the earlier GBP rate: 18,500.55 × 1.25 = 23,125.6875.
    let early = budget_totals_as_of(&p, date("2026-02-01")).unwrap();
    assert_eq!(early.lines[7].base.to_string(), "23125.69");
    assert_eq!(
        early.lines[7].exchange_rate.as_ref(),
        Some(&p.budget.rates[0])
    );
    let err = budget_totals_as_of(&p, date("2025-12-31")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "budget.lines[7].rate.currency: no exchange rate from GBP to USD on or before 2025-12-31 in budget.rates"
    );
}

#[test]
fn topsheet_text() {
    let t = hand_worked().budget_totals().unwrap();
    let expected = "\
Code  Category                                                   USD
--------------------------------------------------------------------
1300  Director                                            254,961.00
      TOTAL ABOVE-THE-LINE                                254,961.00

3300  Camera                                               87,516.60
      TOTAL PRODUCTION                                     87,516.60

5100  Music                                                23,514.20
      TOTAL POST-PRODUCTION                                23,514.20

6700  Insurance                                            12,345.12
      TOTAL OTHER                                          12,345.12
--------------------------------------------------------------------
      TOTAL ABOVE-THE-LINE                                254,961.00
      TOTAL BELOW-THE-LINE                                123,375.92
      TOTAL ABOVE AND BELOW-THE-LINE                      378,336.92
      CONTINGENCY 10%                                      37,833.69
      GRAND TOTAL                                         416,170.61
";
    assert_eq!(t.topsheet_text(), expected);
}

#[test]
fn totals_serialise_deterministically() {
    let t = hand_worked().budget_totals().unwrap();
    let a = serde_json::to_string(&t).unwrap();
    let b = serde_json::to_string(&hand_worked().budget_totals().unwrap()).unwrap();
    assert_eq!(a, b);
    assert!(a.contains(r#""grand_total":"416170.61""#), "{a}");
}

fn problems(p: &Production) -> Vec<String> {
    p.budget_totals()
        .unwrap_err()
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let mut p = hand_worked();
    p.budget.lines[0].amount = "SHOT_DAYS".into();
    p.budget.lines[2].amount = "SHOOT_WEEKS / (PREP_WEEKS - 3)".into();
    p.budget.lines[5].amount = "6 * * 2".into();
    p.budget.lines[6].amount = "(SHOOT_WEEKS + 1".into();
    p.budget.lines[3].fringes.push("PENSION".into());
    p.budget.lines[4].account = "9999".into();
    p.budget.lines[7].rate = Money::new(d("8000.00"), CurrencyCode::EUR);
    p.budget.accounts[4].category = "6800".into();
    assert_eq!(
        problems(&p),
        [
            "budget.accounts[4].category: unknown category \"6800\"",
            "budget.lines[0].amount: unknown global \"SHOT_DAYS\"",
            "budget.lines[2].amount: division by zero at column 13",
            "budget.lines[3].fringes[3]: unknown fringe \"PENSION\"",
            "budget.lines[4].account: unknown account \"9999\"",
            "budget.lines[5].amount: syntax error at column 5: expected a number, a global name or \"(\", found '*'",
            "budget.lines[6].amount: syntax error at column 17: expected \")\" to close the \"(\" at column 1, found the end",
            "budget.lines[7].rate.currency: no exchange rate from EUR to USD in budget.rates",
        ]
    );
    let err = p.budget_totals().unwrap_err();
    assert!(
        err.to_string()
            .starts_with("8 problems:\n  budget.accounts[4]")
    );
}

#[test]
fn chart_and_rate_problems() {
    let mut p = hand_worked();
    p.budget.globals.push(global("SHOOT_WEEKS", "7"));
    p.budget.rates[1].rate_to_base = d("0");
    p.budget.rates.push(p.budget.rates[0].clone());
    p.budget.fringes[0].wage_cap = Some(Money::new(d("150000"), CurrencyCode::EUR));
    assert_eq!(
        problems(&p),
        [
            "budget.rates[1].rate_to_base: must be positive",
            "budget.rates[2]: duplicate rate for GBP on 2026-01-05",
            "budget.globals[2].name: duplicate global \"SHOOT_WEEKS\"",
            "budget.fringes[0].wage_cap.currency: no exchange rate from EUR to USD in budget.rates",
        ]
    );
}

#[test]
fn formulas() {
    let eval = |text: &str| {
        Formula::parse(text).and_then(|f| {
            f.evaluate(|name| match name {
                "SHOOT_DAYS" => Some(d("27")),
                "NM_DAYS" => Some(d("6")),
                _ => None,
            })
        })
    };
    assert_eq!(eval("42").unwrap(), d("42"));
    assert_eq!(eval(" (SHOOT_DAYS - NM_DAYS) / 5 ").unwrap(), d("4.2"));
    assert_eq!(eval("2 + 3 * 4").unwrap(), d("14"));
    assert_eq!(eval("(2 + 3) × 4 ÷ 8 − 1").unwrap(), d("1.5"));
    assert_eq!(eval("10 - 4 - 3").unwrap(), d("3"));
    assert_eq!(eval("-NM_DAYS + .5").unwrap(), d("-5.5"));
    assert_eq!(eval("1 / 3 * 3").unwrap().round_dp(10), d("1"));
    let msg = |text: &str| eval(text).unwrap_err().to_string();
    assert_eq!(
        msg("SHOOT_DAYS / (NM_DAYS - 6)"),
        "division by zero at column 12"
    );
    assert_eq!(
        msg(""),
        "syntax error at column 1: expected a number, a global name or \"(\", found the end"
    );
    assert_eq!(msg("2 3"), "syntax error at column 3: unexpected '3'");
    assert_eq!(
        msg("1.2.3"),
        "syntax error at column 1: \"1.2.3\" is not a number"
    );
    assert_eq!(msg("6 $"), "syntax error at column 3: unexpected '$'");
    assert_eq!(msg("PREP_WEEKS"), "unknown global \"PREP_WEEKS\"");
    let f = Formula::parse("(a - (b - c)) / (d * e)").unwrap();
    assert_eq!(f.to_string(), "(a - (b - c)) / (d * e)");
    assert_eq!(f.names(), ["a", "b", "c", "d", "e"]);
    assert_eq!(
        Formula::parse(" 4.50 ").unwrap().as_number(),
        Some(d("4.50"))
    );
}

/// The sample production against `examples/data/generate_sample.py --check`,
/// which totals the budget independently in Python `Decimal`s: same rates
/// (the file's table), same caps (per person across lines; a personless
/// line is its multiplier's number of people), same rounding.
#[test]
fn sample_production_against_its_generator() {
    let mut p = Production::load(sample_path()).expect("sample loads");
    // The sample converts its GBP and EUR lines at the rates it stores.
    assert_eq!(p.budget.rates.len(), 2);
    let figures = |t: &BudgetTotals| -> Vec<String> {
        [
            t.section(BudgetSection::AboveTheLine),
            t.section(BudgetSection::Production),
            t.section(BudgetSection::Post),
            t.section(BudgetSection::Other),
            t.total_before_contingency,
            t.contingency,
            t.grand_total,
        ]
        .iter()
        .map(ToString::to_string)
        .collect()
    };
    // The generator's own Decimal arithmetic (`generate_sample.py --check`)
    // prints these figures: its lines are in account order and it caps a
    // personless line at `cap × multiplier`, the engine's rules.
    let engine = p.budget_totals().unwrap();
    assert_eq!(
        figures(&engine),
        [
            "1692970.06",
            "3611965.40",
            "788710.20",
            "503009.60",
            "6596655.26",
            "659665.53",
            "7256320.79"
        ]
    );
    // Capping each personless line as one person instead would change them.
    for line in &mut p.budget.lines {
        if line.person.is_none() {
            line.person = Some(PersonId::from(format!("line:{}", line.description)));
        }
    }
    let per_line = p.budget_totals().unwrap();
    assert!(per_line.total_before_contingency < engine.total_before_contingency);
    assert!(engine.topsheet_text().contains("GRAND TOTAL"));
}

// ---------------------------------------------------------------- properties

const SECTIONS: [BudgetSection; 4] = [
    BudgetSection::AboveTheLine,
    BudgetSection::Production,
    BudgetSection::Post,
    BudgetSection::Other,
];
const ACCOUNTS: [&str; 7] = ["1101", "1301", "3301", "3302", "5101", "6701", "6702"];
const PEOPLE: [&str; 3] = ["P1", "P2", "P3"];
const FRINGES: [&str; 3] = ["CAPPED_A", "CAPPED_B", "FREE"];

fn arb_money() -> impl Strategy<Value = Decimal> {
    // Up to 3 decimals, so that line rounding happens.
    (0i64..2_000_000, 0u32..=3).prop_map(|(n, scale)| Decimal::new(n, scale))
}

fn arb_line() -> impl Strategy<Value = DetailLine> {
    (
        0..ACCOUNTS.len(),
        prop_oneof![
            (0i64..40).prop_map(|n| n.to_string()),
            Just("WEEKS".to_owned()),
            Just("WEEKS + 2 * DAYS / 5".to_owned()),
        ],
        (1i64..30, 0u32..=1).prop_map(|(n, s)| Decimal::new(n, s)),
        arb_money(),
        any::<bool>(),
        proptest::collection::vec(any::<bool>(), 3),
        proptest::option::of(0..PEOPLE.len()),
    )
        .prop_map(
            |(a, amount, multiplier, rate, gbp, fringes, person)| DetailLine {
                account: ACCOUNTS[a].into(),
                description: String::new(),
                amount,
                unit: RateUnit::Days,
                multiplier,
                rate: Money::new(
                    rate,
                    if gbp {
                        CurrencyCode::GBP
                    } else {
                        CurrencyCode::USD
                    },
                ),
                fringes: FRINGES
                    .iter()
                    .zip(fringes)
                    .filter(|(_, on)| *on)
                    .map(|(f, _)| (*f).to_owned())
                    .collect(),
                person: person.map(|i| PEOPLE[i].into()),
            },
        )
}

fn arb_production() -> impl Strategy<Value = Production> {
    (
        proptest::collection::vec(arb_line(), 0..40),
        proptest::collection::vec((0i64..3000, 0u32..=2), 3),
        (0i64..5_000_000, 0i64..100_000),
        (1i64..20_000, 0u32..=4),
        0i64..200,
    )
        .prop_map(
            |(lines, percents, (cap_a, cap_b), (rate, rate_scale), contingency)| {
                let mut p =
                    Production::new("Props", "Europe/London".parse().unwrap(), CurrencyCode::USD);
                let b = &mut p.budget;
                b.categories = ["1100", "1300", "3300", "5100", "6700"]
                    .iter()
                    .enumerate()
                    .map(|(i, code)| category(code, code, SECTIONS[[0, 0, 1, 2, 3][i]]))
                    .collect();
                b.accounts = ACCOUNTS.iter().map(|code| account(code, code)).collect();
                b.globals = vec![global("WEEKS", "6"), global("DAYS", "3")];
                let caps = [
                    Some(Decimal::new(cap_a, 2)),
                    Some(Decimal::new(cap_b, 2)),
                    None,
                ];
                b.fringes = FRINGES
                    .iter()
                    .zip(percents)
                    .zip(caps)
                    .map(|((id, (n, s)), cap)| Fringe {
                        id: (*id).to_owned(),
                        name: (*id).to_owned(),
                        percent: Decimal::new(n, s),
                        flat: None,
                        wage_cap: cap.map(|c| Money::new(c, CurrencyCode::USD)),
                    })
                    .collect();
                b.rates = vec![ExchangeRate {
                    currency: CurrencyCode::GBP,
                    rate_to_base: Decimal::new(rate, rate_scale),
                    as_of: date("2026-01-05"),
                }];
                b.lines = lines;
                b.contingency_percent = Some(Decimal::new(contingency, 1));
                p
            },
        )
}

fn sum<I: IntoIterator<Item = Decimal>>(items: I) -> Decimal {
    items.into_iter().sum()
}

/// Reorders lines by `keys` (any order: caps are applied in account order).
fn shuffle(lines: &[DetailLine], keys: &[u32]) -> Vec<DetailLine> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| (keys[i % keys.len()], i));
    order.iter().map(|&i| lines[i].clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parents_are_sums_of_children(p in arb_production()) {
        let t = p.budget_totals().unwrap();
        for l in &t.lines {
            prop_assert_eq!(l.fringe_total, sum(l.fringes.iter().map(|f| f.amount)));
            prop_assert_eq!(l.total, l.base + l.fringe_total);
            prop_assert_eq!(l.base.scale(), 2);
        }
        for a in &t.accounts {
            let lines: Vec<_> = t.lines.iter().filter(|l| l.account == a.code).collect();
            prop_assert_eq!(a.lines, sum(lines.iter().map(|l| l.base)));
            prop_assert_eq!(a.fringe_total, sum(lines.iter().map(|l| l.fringe_total)));
            prop_assert_eq!(a.fringe_total, sum(a.fringes.values().copied()));
            prop_assert_eq!(a.total, a.lines + a.fringe_total);
        }
        for c in &t.categories {
            let accounts: Vec<_> = t.accounts.iter().filter(|a| a.category == c.code).collect();
            prop_assert_eq!(c.total, sum(accounts.iter().map(|a| a.total)));
            prop_assert_eq!(c.lines, sum(accounts.iter().map(|a| a.lines)));
            prop_assert_eq!(c.fringes, sum(accounts.iter().map(|a| a.fringe_total)));
        }
        for s in &t.sections {
            prop_assert_eq!(s.total, sum(t.categories.iter().filter(|c| c.section == s.section).map(|c| c.total)));
        }
        prop_assert_eq!(t.above_the_line, t.sections[0].total);
        prop_assert_eq!(t.below_the_line, t.sections[1].total + t.sections[2].total + t.sections[3].total);
        prop_assert_eq!(t.total_before_contingency, t.above_the_line + t.below_the_line);
        prop_assert_eq!(t.total_before_contingency, sum(t.lines.iter().map(|l| l.total)));
        prop_assert_eq!(t.grand_total, t.total_before_contingency + t.contingency);
        for f in &t.fringes {
            let on = t.lines.iter().flat_map(|l| &l.fringes).filter(|x| *x.fringe == *f.id);
            prop_assert_eq!(f.amount, sum(on.map(|x| x.amount)));
        }
        prop_assert_eq!(sum(t.fringes.iter().map(|f| f.amount)), sum(t.lines.iter().map(|l| l.fringe_total)));
    }

    #[test]
    fn no_person_exceeds_a_cap(p in arb_production()) {
        let t = p.budget_totals().unwrap();
        for fringe in p.budget.fringes.iter().filter(|f| f.wage_cap.is_some()) {
            let cap = fringe.wage_cap.unwrap().amount;
            let most = (cap * fringe.percent / Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven);
            for person in PEOPLE {
                let theirs = t.lines.iter()
                    .filter(|l| l.person.as_ref().is_some_and(|p| p.as_str() == person))
                    .flat_map(|l| &l.fringes)
                    .filter(|f| *f.fringe == *fringe.id);
                let (subject, amount) = theirs.fold((Decimal::ZERO, Decimal::ZERO), |(s, a), f| (s + f.subject, a + f.amount));
                prop_assert!(subject <= cap, "{person} {}: {subject} > {cap}", fringe.id);
                prop_assert!(amount <= most, "{person} {}: {amount} > {most}", fringe.id);
            }
        }
    }

    #[test]
    fn totals_do_not_depend_on_input_order(
        p in arb_production(),
        keys in proptest::collection::vec(any::<u32>(), 1..40),
        rotate in 0..ACCOUNTS.len(),
    ) {
        let t = p.budget_totals().unwrap();
        let mut q = p.clone();
        q.budget.lines = shuffle(&p.budget.lines, &keys);
        q.budget.accounts.rotate_left(rotate);
        q.budget.categories.reverse();
        let u = q.budget_totals().unwrap();
        for a in &t.accounts {
            prop_assert_eq!(Some(a), u.account(a.code.as_str()));
        }
        for c in &t.categories {
            prop_assert_eq!(Some(c), u.category(c.code.as_str()));
        }
        prop_assert_eq!(&t.sections, &u.sections);
        prop_assert_eq!(&t.fringes, &u.fringes);
        prop_assert_eq!(t.grand_total, u.grand_total);
    }

    #[test]
    fn formula_display_round_trips(
        ops in proptest::collection::vec((0usize..4, 0i64..1000, 0u32..=2, any::<bool>()), 1..8),
    ) {
        // Build `((n0 op n1) op n2) ...` with optional names, print, reparse.
        let mut text = String::new();
        for (k, (op, n, s, name)) in ops.iter().enumerate() {
            let operand = if *name { "X".to_owned() } else { Decimal::new(*n, *s).to_string() };
            if k == 0 {
                text = operand;
            } else {
                text = format!("({text}) {} {operand}", ["+", "-", "*", "/"][*op]);
            }
        }
        let x = |_: &str| Some(Decimal::new(7, 1));
        let f = Formula::parse(&text).unwrap();
        let g = Formula::parse(&f.to_string()).unwrap();
        prop_assert_eq!(f.to_string(), g.to_string());
        // Same value; for errors the same kind (columns refer to each text).
        match (f.evaluate(x), g.evaluate(x)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(a), Err(b)) => prop_assert_eq!(std::mem::discriminant(&a), std::mem::discriminant(&b)),
            (a, b) => prop_assert!(false, "{a:?} vs {b:?}"),
        }
    }
}

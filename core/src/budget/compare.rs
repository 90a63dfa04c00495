//! Budget versions compared account by account, and the budget delta of a
//! schedule change.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use super::engine::{BudgetTotals, round_to};
use super::{BudgetError, BudgetLevel};
use crate::io::Problem;
use crate::model::{CurrencyCode, Production};

/// One row of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetDelta {
    /// Row level.
    pub level: BudgetLevel,
    /// Account or category code, section name, markup name or `TOTAL`.
    pub code: String,
    /// Name (from the newer budget when both have it).
    pub name: String,
    /// Total in the first budget (0 when it lacks the row).
    pub before: Decimal,
    /// Total in the second budget (0 when it lacks the row).
    pub after: Decimal,
    /// `after - before`.
    pub delta: Decimal,
}

/// A global whose value differs between two budgets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlobalDelta {
    /// Name.
    pub name: String,
    /// Value before (`None` when the first budget lacks it).
    pub before: Option<Decimal>,
    /// Value after (`None` when the second budget lacks it).
    pub after: Option<Decimal>,
}

/// Two budgets compared at every level.
///
/// Accounts and categories follow the second budget's chart order, then
/// those only the first has, in its order. Every row is listed, changed or
/// not; [`BudgetComparison::changed`] keeps the ones that moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetComparison {
    /// Currency of both budgets.
    pub currency: CurrencyCode,
    /// One row per account in either budget.
    pub accounts: Vec<BudgetDelta>,
    /// One row per category in either budget.
    pub categories: Vec<BudgetDelta>,
    /// The four topsheet sections.
    pub sections: Vec<BudgetDelta>,
    /// Contingency, overhead and completion bond.
    pub markups: Vec<BudgetDelta>,
    /// The grand total.
    pub grand_total: BudgetDelta,
    /// Globals whose values differ (schedule-linked ones included).
    pub globals: Vec<GlobalDelta>,
}

impl BudgetComparison {
    /// The account, category, section and markup rows whose totals differ,
    /// then the grand total if it does.
    pub fn changed(&self) -> Vec<&BudgetDelta> {
        self.accounts
            .iter()
            .chain(&self.categories)
            .chain(&self.sections)
            .chain(&self.markups)
            .chain(std::iter::once(&self.grand_total))
            .filter(|d| !d.delta.is_zero())
            .collect()
    }

    /// The row of an account.
    pub fn account(&self, code: &str) -> Option<&BudgetDelta> {
        self.accounts.iter().find(|a| a.code == code)
    }

    /// A plain-text summary of what changed.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let units = self.currency.minor_units();
        let money = |x: Decimal| super::engine::format_amount(x, units);
        let signed = |x: Decimal| {
            let text = money(x);
            if x.is_sign_positive() && !x.is_zero() {
                format!("+{text}")
            } else {
                text
            }
        };
        let mut out = String::new();
        for g in &self.globals {
            let show = |v: Option<Decimal>| v.map_or("-".to_owned(), |v| v.normalize().to_string());
            let _ = writeln!(out, "{} {} → {}", g.name, show(g.before), show(g.after));
        }
        let changed = self.changed();
        // Section and markup codes (`above_the_line`, `completion_bond`)
        // are longer than account codes: the column fits the longest.
        let width = changed
            .iter()
            .map(|d| d.code.chars().count())
            .max()
            .unwrap_or(0)
            .max(8)
            + 2;
        for d in changed {
            let _ = writeln!(
                out,
                "{:<width$}{:<36}{:>16}{:>16}{:>16}",
                d.code,
                d.name.chars().take(35).collect::<String>(),
                money(d.before),
                money(d.after),
                signed(d.delta)
            );
        }
        if out.is_empty() {
            out.push_str("no change\n");
        }
        out
    }
}

type Row<'a> = (&'a str, &'a str, Decimal);

fn account(t: &BudgetTotals) -> Vec<Row<'_>> {
    t.accounts
        .iter()
        .map(|a| (a.code.as_str(), a.name.as_str(), a.total))
        .collect()
}

fn category(t: &BudgetTotals) -> Vec<Row<'_>> {
    t.categories
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str(), c.total))
        .collect()
}

fn section(t: &BudgetTotals) -> Vec<Row<'_>> {
    t.sections
        .iter()
        .map(|s| {
            let (code, name) = super::cost_report::section_code(s.section);
            (code, name, s.total)
        })
        .collect()
}

fn markup(t: &BudgetTotals) -> Vec<Row<'_>> {
    vec![
        ("contingency", "Contingency", t.contingency),
        ("overhead", "Overhead", t.overhead),
        ("completion_bond", "Completion bond", t.completion_bond),
    ]
}

fn rows<'a>(
    level: BudgetLevel,
    before: impl Iterator<Item = (&'a str, &'a str, Decimal)>,
    after: impl Iterator<Item = (&'a str, &'a str, Decimal)>,
    zero: Decimal,
) -> Vec<BudgetDelta> {
    let mut out: Vec<BudgetDelta> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::default();
    for (code, name, total) in after {
        at.insert(code, out.len());
        out.push(BudgetDelta {
            level,
            code: code.to_owned(),
            name: name.to_owned(),
            before: zero,
            after: total,
            delta: zero,
        });
    }
    for (code, name, total) in before {
        match at.get(code) {
            Some(&i) => out[i].before = total,
            None => out.push(BudgetDelta {
                level,
                code: code.to_owned(),
                name: name.to_owned(),
                before: total,
                after: zero,
                delta: zero,
            }),
        }
    }
    for d in &mut out {
        d.delta = d.after - d.before;
    }
    out
}

/// Compares two budgets' totals account by account, category by category,
/// section by section, with markups and the grand total.
///
/// # Errors
/// A [`BudgetError`] when the budgets are in different currencies.
///
/// ```
/// # use callsheet::{Money, Production};
/// # use callsheet::budget::*;
/// # use rust_decimal::Decimal;
/// let usd = "USD".parse()?;
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, usd);
/// p.budget.categories.push(BudgetCategory { code: "3300".into(), name: "Camera".into(), section: BudgetSection::Production });
/// p.budget.accounts.push(Account { code: "3301".into(), name: "DP".into(), category: "3300".into() });
/// p.budget.lines.push(DetailLine {
///     account: "3301".into(), description: "DP - shoot".into(), amount: "6".into(),
///     unit: RateUnit::Weeks, multiplier: Decimal::ONE, rate: Money::new("4500.00".parse()?, usd),
///     fringes: vec![], person: None,
/// });
/// let before = p.budget_totals()?;
/// p.budget.lines[0].amount = "7".into();
/// let after = p.budget_totals()?;
/// let cmp = compare_budgets(&before, &after)?;
/// assert_eq!(cmp.account("3301").unwrap().delta.to_string(), "4500.00");
/// assert_eq!(cmp.grand_total.delta.to_string(), "4500.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compare_budgets(
    before: &BudgetTotals,
    after: &BudgetTotals,
) -> Result<BudgetComparison, BudgetError> {
    if before.currency != after.currency {
        return Err(BudgetError {
            problems: vec![Problem::new(
                "currency",
                format!(
                    "cannot compare a budget in {} with one in {}",
                    before.currency, after.currency
                ),
            )],
        });
    }
    let zero = round_to(Decimal::ZERO, after.currency);
    let (ab, aa) = (account(before), account(after));
    let (cb, ca) = (category(before), category(after));
    let (sb, sa) = (section(before), section(after));
    let (mb, ma) = (markup(before), markup(after));
    let mut globals = Vec::new();
    let old: HashMap<&str, Decimal> = before
        .globals
        .iter()
        .map(|g| (g.name.as_str(), g.value))
        .collect();
    let new: HashMap<&str, Decimal> = after
        .globals
        .iter()
        .map(|g| (g.name.as_str(), g.value))
        .collect();
    let mut names: Vec<&str> = after.globals.iter().map(|g| g.name.as_str()).collect();
    let known: BTreeSet<&str> = names.iter().copied().collect();
    names.extend(
        before
            .globals
            .iter()
            .map(|g| g.name.as_str())
            .filter(|n| !known.contains(n)),
    );
    for name in names {
        let (b, a) = (old.get(name).copied(), new.get(name).copied());
        if b != a {
            globals.push(GlobalDelta {
                name: name.to_owned(),
                before: b,
                after: a,
            });
        }
    }
    Ok(BudgetComparison {
        currency: after.currency,
        accounts: rows(BudgetLevel::Account, ab.into_iter(), aa.into_iter(), zero),
        categories: rows(BudgetLevel::Category, cb.into_iter(), ca.into_iter(), zero),
        sections: rows(BudgetLevel::Section, sb.into_iter(), sa.into_iter(), zero),
        markups: rows(BudgetLevel::Total, mb.into_iter(), ma.into_iter(), zero),
        grand_total: BudgetDelta {
            level: BudgetLevel::Total,
            code: "TOTAL".into(),
            name: "Grand total".into(),
            before: before.grand_total,
            after: after.grand_total,
            delta: after.grand_total - before.grand_total,
        },
        globals,
    })
}

/// What a schedule change does to the budget: both productions' budgets
/// totalled (schedule-linked globals re-read from each schedule) and
/// compared.
///
/// # Errors
/// Either budget's problems, or different currencies.
pub fn budget_delta(
    before: &Production,
    after: &Production,
) -> Result<BudgetComparison, BudgetError> {
    use super::engine::budget_summary;
    compare_budgets(&budget_summary(before)?, &budget_summary(after)?)
}

//! The budget engine: line subtotals, currency conversion, fringes with
//! per-person caps, and the roll-up to accounts, categories, topsheet
//! sections, contingency and grand total.
//!
//! Rounding happens in exactly three places, always half-even to the minor
//! unit: a line's subtotal (in its own currency, then again after conversion
//! into the base currency), each fringe on each line, and the contingency.
//! Every other figure is a plain sum of rounded figures, so each parent is
//! exactly the sum of its children.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use super::{BudgetSection, ExchangeRate, Formula};
use crate::io::Problem;
use crate::model::{AccountCode, CurrencyCode, Money, PersonId, Production};

/// Every problem that kept the budget from being totalled (never empty).
///
/// Each problem names its path in the production file, e.g.
/// `budget.lines[12].amount: unknown global "SHOT_DAYS"`. Totals are all or
/// nothing: when any line fails, no totals are returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BudgetError {
    problems: Vec<Problem>,
}

impl BudgetError {
    /// The problems, in the order of the file.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [only] => write!(f, "{only}"),
            many => {
                write!(f, "{} problems:", many.len())?;
                for problem in many {
                    write!(f, "\n  {problem}")?;
                }
                Ok(())
            }
        }
    }
}

/// One fringe on one detail line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineFringe {
    /// The fringe id (`"FICA"`).
    pub fringe: String,
    /// The part of the line's pay subject to the fringe, in the base
    /// currency: the whole line when uncapped, otherwise what is left of
    /// the person's cap (possibly zero).
    pub subject: Decimal,
    /// The fringe amount, rounded to the base currency's minor unit.
    pub amount: Decimal,
}

/// A detail line, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineTotal {
    /// Position of the line in `budget.lines`.
    pub index: usize,
    /// The line's account.
    pub account: AccountCode,
    /// The line's description.
    pub description: String,
    /// The line's person, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    /// The evaluated amount (quantity).
    pub quantity: Decimal,
    /// The multiplier.
    pub multiplier: Decimal,
    /// The rate, in the line's currency.
    pub rate: Money,
    /// `quantity × multiplier × rate`, rounded to the line currency's minor unit.
    pub subtotal: Money,
    /// The exchange rate used when the line's currency is not the base
    /// currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange_rate: Option<ExchangeRate>,
    /// The subtotal in the base currency, rounded to its minor unit.
    pub base: Decimal,
    /// The line's fringes, in the line's order.
    pub fringes: Vec<LineFringe>,
    /// Sum of the line's fringe amounts.
    pub fringe_total: Decimal,
    /// `base + fringe_total`.
    pub total: Decimal,
}

/// An account's totals (in the base currency).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountTotal {
    /// Account code.
    pub code: AccountCode,
    /// Account name.
    pub name: String,
    /// Its category.
    pub category: AccountCode,
    /// Sum of the account's lines (before fringes).
    pub lines: Decimal,
    /// Fringes posted to the account, per fringe id (only fringes that apply).
    pub fringes: BTreeMap<String, Decimal>,
    /// Sum of `fringes`.
    pub fringe_total: Decimal,
    /// `lines + fringe_total`.
    pub total: Decimal,
}

/// A topsheet category's totals (in the base currency).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryTotal {
    /// Category code.
    pub code: AccountCode,
    /// Category name.
    pub name: String,
    /// Topsheet section.
    pub section: BudgetSection,
    /// Sum of its accounts' `lines`.
    pub lines: Decimal,
    /// Sum of its accounts' `fringe_total`.
    pub fringes: Decimal,
    /// Sum of its accounts' `total` (= `lines + fringes`).
    pub total: Decimal,
}

/// A topsheet section's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionTotal {
    /// The section.
    pub section: BudgetSection,
    /// Sum of its categories' totals.
    pub total: Decimal,
}

/// A fringe's totals across the budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FringeTotal {
    /// Fringe id.
    pub id: String,
    /// Fringe name.
    pub name: String,
    /// Sum of the pay subject to it, over all lines.
    pub subject: Decimal,
    /// Sum of its amounts over all lines.
    pub amount: Decimal,
}

/// A budget totalled at every level, in the production's base currency.
///
/// Lines are in file order; accounts, categories and fringes in chart order
/// (the order of `budget.accounts`, `budget.categories`, `budget.fringes`);
/// sections in topsheet order. Every parent is exactly the sum of its
/// children: no sum is ever re-rounded.
///
/// ```
/// use callsheet::budget::{Account, BudgetCategory, BudgetSection, DetailLine, Fringe, RateUnit};
/// use callsheet::{Money, Production};
/// use rust_decimal::Decimal;
///
/// let usd = "USD".parse()?;
/// let mut p = Production::new("Night Diner", "America/Los_Angeles".parse()?, usd);
/// let b = &mut p.budget;
/// b.categories.push(BudgetCategory { code: "3300".into(), name: "Camera".into(), section: BudgetSection::Production });
/// b.accounts.push(callsheet::budget::Account { code: "3301".into(), name: "Director of Photography".into(), category: "3300".into() });
/// b.fringes.push(Fringe { id: "MEDICARE".into(), name: "Medicare".into(), percent: "1.45".parse()?, wage_cap: None });
/// b.lines.push(DetailLine {
///     account: "3301".into(), description: "DP - shoot".into(), amount: "6".into(),
///     unit: RateUnit::Weeks, multiplier: Decimal::ONE, rate: Money::new("4500.00".parse()?, usd),
///     fringes: vec!["MEDICARE".into()], person: None,
/// });
/// b.contingency_percent = Some("10".parse()?);
///
/// let totals = p.budget_totals()?;
/// assert_eq!(totals.lines[0].base.to_string(), "27000.00");
/// assert_eq!(totals.lines[0].fringe_total.to_string(), "391.50");
/// assert_eq!(totals.total_before_contingency.to_string(), "27391.50");
/// assert_eq!(totals.contingency.to_string(), "2739.15");
/// assert_eq!(totals.grand_total.to_string(), "30130.65");
/// assert!(totals.topsheet_text().contains("3300  Camera"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetTotals {
    /// The base currency every total is in.
    pub currency: CurrencyCode,
    /// Every detail line, in file order.
    pub lines: Vec<LineTotal>,
    /// Every account, in chart order.
    pub accounts: Vec<AccountTotal>,
    /// Every category, in chart order.
    pub categories: Vec<CategoryTotal>,
    /// The four topsheet sections, in topsheet order.
    pub sections: Vec<SectionTotal>,
    /// Every fringe, in chart order.
    pub fringes: Vec<FringeTotal>,
    /// The above-the-line section's total.
    pub above_the_line: Decimal,
    /// Production + post + other.
    pub below_the_line: Decimal,
    /// `above_the_line + below_the_line`.
    pub total_before_contingency: Decimal,
    /// Contingency percentage (0 when the budget has none).
    pub contingency_percent: Decimal,
    /// `total_before_contingency × contingency_percent / 100`, rounded.
    pub contingency: Decimal,
    /// `total_before_contingency + contingency`.
    pub grand_total: Decimal,
}

const SECTIONS: [BudgetSection; 4] = [
    BudgetSection::AboveTheLine,
    BudgetSection::Production,
    BudgetSection::Post,
    BudgetSection::Other,
];

fn section_title(section: BudgetSection) -> &'static str {
    match section {
        BudgetSection::AboveTheLine => "ABOVE-THE-LINE",
        BudgetSection::Production => "PRODUCTION",
        BudgetSection::Post => "POST-PRODUCTION",
        BudgetSection::Other => "OTHER",
    }
}

impl BudgetTotals {
    /// The account with this code.
    pub fn account(&self, code: &str) -> Option<&AccountTotal> {
        self.accounts.iter().find(|a| a.code.as_str() == code)
    }

    /// The category with this code.
    pub fn category(&self, code: &str) -> Option<&CategoryTotal> {
        self.categories.iter().find(|c| c.code.as_str() == code)
    }

    /// The total of a topsheet section.
    pub fn section(&self, section: BudgetSection) -> Decimal {
        self.sections
            .iter()
            .find(|s| s.section == section)
            .map_or(Decimal::ZERO, |s| s.total)
    }

    /// The fringe totals with this id.
    pub fn fringe(&self, id: &str) -> Option<&FringeTotal> {
        self.fringes.iter().find(|f| f.id == id)
    }

    /// A fixed-width, plain-text topsheet: each section's categories (code,
    /// name, total), the section subtotal, total below-the-line, total
    /// before contingency, contingency and grand total. Amounts have
    /// thousands separators and the currency's minor units.
    pub fn topsheet_text(&self) -> String {
        const NAME: usize = 44;
        const AMOUNT: usize = 18;
        let units = self.currency.minor_units();
        let row = |out: &mut String, code: &str, name: &str, amount: &str| {
            let name: String = name.chars().take(NAME).collect();
            let _ = writeln!(out, "{code:<6}{name:<NAME$}{amount:>AMOUNT$}");
        };
        let money = |amount: Decimal| format_amount(amount, units);
        let rule = format!("{}\n", "-".repeat(6 + NAME + AMOUNT));
        let mut out = String::new();
        row(&mut out, "Code", "Category", self.currency.code());
        out.push_str(&rule);
        let mut first = true;
        for section in SECTIONS {
            let mut categories = self
                .categories
                .iter()
                .filter(|c| c.section == section)
                .peekable();
            if categories.peek().is_none() {
                continue;
            }
            if !first {
                out.push('\n');
            }
            first = false;
            for c in categories {
                row(&mut out, c.code.as_str(), &c.name, &money(c.total));
            }
            let title = format!("TOTAL {}", section_title(section));
            row(&mut out, "", &title, &money(self.section(section)));
        }
        out.push_str(&rule);
        row(
            &mut out,
            "",
            "TOTAL ABOVE-THE-LINE",
            &money(self.above_the_line),
        );
        row(
            &mut out,
            "",
            "TOTAL BELOW-THE-LINE",
            &money(self.below_the_line),
        );
        let total = "TOTAL ABOVE AND BELOW-THE-LINE";
        row(&mut out, "", total, &money(self.total_before_contingency));
        let contingency = format!("CONTINGENCY {}%", self.contingency_percent.normalize());
        row(&mut out, "", &contingency, &money(self.contingency));
        row(&mut out, "", "GRAND TOTAL", &money(self.grand_total));
        out
    }
}

/// `1234567.8` → `1,234,567.80` with `units` decimals.
fn format_amount(amount: Decimal, units: u32) -> String {
    let mut value = amount.round_dp_with_strategy(units, RoundingStrategy::MidpointNearestEven);
    value.rescale(units);
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// Rounds half-even to `currency`'s minor unit and fixes the scale to it, so
/// that sums print with the same number of decimals.
fn round_to(amount: Decimal, currency: CurrencyCode) -> Decimal {
    let units = currency.minor_units();
    let mut value = amount.round_dp_with_strategy(units, RoundingStrategy::MidpointNearestEven);
    value.rescale(units);
    value
}

impl Production {
    /// Totals the budget at every level, using the newest rate of each
    /// currency in `budget.rates`. See [`budget_totals`].
    pub fn budget_totals(&self) -> Result<BudgetTotals, BudgetError> {
        budget_totals(self)
    }
}

/// Totals the production's budget at every level, in its base currency
/// (`production.currency`), converting foreign-currency lines and caps at the
/// newest rate of their currency in `budget.rates`.
///
/// - **Lines**: `amount × multiplier × rate`, where `amount` is a
///   [`Formula`] over the globals, rounded half-even to the line currency's
///   minor unit; then, for a foreign currency, × the exchange rate and
///   rounded again to the base currency's minor unit.
/// - **Fringes**: each fringe on a line is `percent` of the line's base
///   amount, rounded per line. A fringe with a `wage_cap` is capped per
///   person across all that person's lines in file order: earlier lines use
///   the cap up, later lines get what is left. It is computed on the
///   person's running pay (fringe on the capped running total minus fringe
///   already charged), so a person's fringe never exceeds the rounded
///   `cap × percent`. Lines without a person are fringed uncapped (a
///   personless line may stand for many people, so no single cap applies).
///   Fringes post to the line's account.
/// - **Roll-up**: account = lines + fringes; category = its accounts;
///   section = its categories; below-the-line = production + post + other;
///   contingency = `percent` of the total before contingency, rounded; grand
///   total = total before contingency + contingency.
///
/// Every problem (unknown account, category, fringe or global, formula
/// errors, missing exchange rates, duplicate codes, overflow) is reported with
/// its path, and nothing is returned when there is any.
pub fn budget_totals(production: &Production) -> Result<BudgetTotals, BudgetError> {
    Engine::new(production, None).run()
}

/// Like [`budget_totals`], converting at the newest rate of each currency
/// fixed on or before `as_of`.
pub fn budget_totals_as_of(
    production: &Production,
    as_of: NaiveDate,
) -> Result<BudgetTotals, BudgetError> {
    Engine::new(production, Some(as_of)).run()
}

struct Engine<'a> {
    production: &'a Production,
    as_of: Option<NaiveDate>,
    problems: Vec<Problem>,
}

/// A fringe's definition with its cap in the base currency.
struct FringeDef<'a> {
    id: &'a str,
    name: &'a str,
    percent: Decimal,
    cap: Option<Decimal>,
}

impl<'a> Engine<'a> {
    fn new(production: &'a Production, as_of: Option<NaiveDate>) -> Self {
        Self {
            production,
            as_of,
            problems: Vec::new(),
        }
    }

    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// The rate into the base currency for `currency`, or a message.
    fn rate(&self, currency: CurrencyCode) -> Result<&'a ExchangeRate, String> {
        self.production
            .budget
            .rates
            .iter()
            .filter(|r| r.currency == currency && self.as_of.is_none_or(|d| r.as_of <= d))
            .max_by_key(|r| r.as_of)
            .ok_or_else(|| {
                let base = self.production.currency;
                match self.as_of {
                    Some(d) => format!(
                        "no exchange rate from {currency} to {base} on or before {d} in budget.rates"
                    ),
                    None => format!("no exchange rate from {currency} to {base} in budget.rates"),
                }
            })
    }

    fn run(mut self) -> Result<BudgetTotals, BudgetError> {
        let production = self.production;
        let budget = &production.budget;
        let base = production.currency;

        // Exchange rates.
        let mut seen_rates = HashMap::default();
        for (i, r) in budget.rates.iter().enumerate() {
            if r.rate_to_base <= Decimal::ZERO {
                self.report(
                    format!("budget.rates[{i}].rate_to_base"),
                    "must be positive",
                );
            }
            if seen_rates.insert((r.currency, r.as_of), i).is_some() {
                self.report(
                    format!("budget.rates[{i}]"),
                    format!("duplicate rate for {} on {}", r.currency, r.as_of),
                );
            }
        }

        // Chart.
        let mut categories: HashMap<&str, usize> = HashMap::default();
        for (i, c) in budget.categories.iter().enumerate() {
            if categories.insert(c.code.as_str(), i).is_some() {
                self.report(
                    format!("budget.categories[{i}].code"),
                    format!("duplicate category {:?}", c.code.as_str()),
                );
            }
        }
        let mut accounts: HashMap<&str, usize> = HashMap::default();
        let mut account_category = Vec::with_capacity(budget.accounts.len());
        for (i, a) in budget.accounts.iter().enumerate() {
            if accounts.insert(a.code.as_str(), i).is_some() {
                self.report(
                    format!("budget.accounts[{i}].code"),
                    format!("duplicate account {:?}", a.code.as_str()),
                );
            }
            let category = categories.get(a.category.as_str()).copied();
            if category.is_none() {
                self.report(
                    format!("budget.accounts[{i}].category"),
                    format!("unknown category {:?}", a.category.as_str()),
                );
            }
            account_category.push(category);
        }

        // Globals and fringes.
        let mut globals: HashMap<&str, Decimal> = HashMap::default();
        for (i, g) in budget.globals.iter().enumerate() {
            if globals.insert(g.name.as_str(), g.value).is_some() {
                self.report(
                    format!("budget.globals[{i}].name"),
                    format!("duplicate global {:?}", g.name),
                );
            }
        }
        let mut fringe_index: HashMap<&str, usize> = HashMap::default();
        let mut fringes = Vec::with_capacity(budget.fringes.len());
        for (i, f) in budget.fringes.iter().enumerate() {
            if fringe_index.insert(f.id.as_str(), i).is_some() {
                self.report(
                    format!("budget.fringes[{i}].id"),
                    format!("duplicate fringe {:?}", f.id),
                );
            }
            if f.percent.is_sign_negative() {
                self.report(
                    format!("budget.fringes[{i}].percent"),
                    "must not be negative",
                );
            }
            let cap = f.wage_cap.and_then(|cap| {
                if cap.amount.is_sign_negative() {
                    self.report(
                        format!("budget.fringes[{i}].wage_cap"),
                        "must not be negative",
                    );
                }
                if cap.currency == base {
                    return Some(cap.amount);
                }
                match self.rate(cap.currency) {
                    Ok(r) => cap
                        .amount
                        .checked_mul(r.rate_to_base)
                        .map(|a| round_to(a, base)),
                    Err(message) => {
                        self.report(format!("budget.fringes[{i}].wage_cap.currency"), message);
                        None
                    }
                }
            });
            fringes.push(FringeDef {
                id: &f.id,
                name: &f.name,
                percent: f.percent,
                cap,
            });
        }
        let hundred = Decimal::ONE_HUNDRED;

        // Lines, in file order (cap consumption depends on it).
        let mut lines = Vec::with_capacity(budget.lines.len());
        let mut line_account = Vec::with_capacity(budget.lines.len());
        // (person, fringe index) → pay so far, for capped fringes.
        let mut paid: HashMap<(&str, usize), Decimal> = HashMap::default();
        for (i, line) in budget.lines.iter().enumerate() {
            let path = format!("budget.lines[{i}]");
            let account = accounts.get(line.account.as_str()).copied();
            if account.is_none() {
                self.report(
                    format!("{path}.account"),
                    format!("unknown account {:?}", line.account.as_str()),
                );
            }
            let quantity = match Formula::parse(&line.amount)
                .and_then(|f| f.evaluate(|name| globals.get(name).copied()))
            {
                Ok(q) => Some(q),
                Err(e) => {
                    self.report(format!("{path}.amount"), e.to_string());
                    None
                }
            };
            let mut line_fringes = Vec::with_capacity(line.fringes.len());
            for (k, id) in line.fringes.iter().enumerate() {
                match fringe_index.get(id.as_str()) {
                    None => self.report(
                        format!("{path}.fringes[{k}]"),
                        format!("unknown fringe {id:?}"),
                    ),
                    Some(&f) if line_fringes.contains(&f) => self.report(
                        format!("{path}.fringes[{k}]"),
                        format!("fringe {id:?} listed twice"),
                    ),
                    Some(&f) => line_fringes.push(f),
                }
            }
            let exchange = if line.rate.currency == base {
                None
            } else {
                match self.rate(line.rate.currency) {
                    Ok(r) => Some(r),
                    Err(message) => {
                        self.report(format!("{path}.rate.currency"), message);
                        continue;
                    }
                }
            };
            let Some(quantity) = quantity else { continue };
            let Some(raw) = quantity
                .checked_mul(line.multiplier)
                .and_then(|x| x.checked_mul(line.rate.amount))
            else {
                self.report(path, "amount × multiplier × rate is too large");
                continue;
            };
            let subtotal = round_to(raw, line.rate.currency);
            let base_amount = match exchange {
                None => Some(subtotal),
                Some(r) => subtotal
                    .checked_mul(r.rate_to_base)
                    .map(|x| round_to(x, base)),
            };
            let Some(base_amount) = base_amount else {
                self.report(path, "converted amount is too large");
                continue;
            };
            let mut fringe_rows = Vec::with_capacity(line_fringes.len());
            let mut overflow = false;
            for f in line_fringes {
                let def = &fringes[f];
                let (subject, amount) = match (def.cap, &line.person) {
                    (Some(cap), Some(person)) => {
                        let before = paid.entry((person.as_str(), f)).or_insert(Decimal::ZERO);
                        let after = *before + base_amount;
                        let capped = |w: Decimal| w.clamp(Decimal::ZERO, cap);
                        let (b, a) = (capped(*before), capped(after));
                        *before = after;
                        let charged = |w: Decimal| {
                            w.checked_mul(def.percent)
                                .map(|x| round_to(x / hundred, base))
                        };
                        match (charged(b), charged(a)) {
                            (Some(cb), Some(ca)) => (a - b, ca - cb),
                            _ => {
                                overflow = true;
                                continue;
                            }
                        }
                    }
                    _ => match base_amount.checked_mul(def.percent) {
                        Some(x) => (base_amount, round_to(x / hundred, base)),
                        None => {
                            overflow = true;
                            continue;
                        }
                    },
                };
                fringe_rows.push(LineFringe {
                    fringe: def.id.to_owned(),
                    subject,
                    amount,
                });
            }
            if overflow {
                self.report(path, "fringe amount is too large");
                continue;
            }
            let fringe_total = fringe_rows
                .iter()
                .fold(round_to(Decimal::ZERO, base), |sum, f| sum + f.amount);
            line_account.push(account);
            lines.push(LineTotal {
                index: i,
                account: line.account.clone(),
                description: line.description.clone(),
                person: line.person.clone(),
                quantity,
                multiplier: line.multiplier,
                rate: line.rate,
                subtotal: Money::new(subtotal, line.rate.currency),
                exchange_rate: exchange.cloned(),
                base: base_amount,
                fringes: fringe_rows,
                fringe_total,
                total: base_amount + fringe_total,
            });
        }

        let contingency_percent = budget.contingency_percent.unwrap_or(Decimal::ZERO);
        if contingency_percent.is_sign_negative() {
            self.report("budget.contingency_percent", "must not be negative");
        }
        if !self.problems.is_empty() {
            return Err(BudgetError {
                problems: self.problems,
            });
        }

        let zero = round_to(Decimal::ZERO, base);
        // Accounts.
        let mut account_totals: Vec<AccountTotal> = budget
            .accounts
            .iter()
            .map(|a| AccountTotal {
                code: a.code.clone(),
                name: a.name.clone(),
                category: a.category.clone(),
                lines: zero,
                fringes: BTreeMap::new(),
                fringe_total: zero,
                total: zero,
            })
            .collect();
        let mut fringe_totals: Vec<FringeTotal> = fringes
            .iter()
            .map(|f| FringeTotal {
                id: f.id.to_owned(),
                name: f.name.to_owned(),
                subject: zero,
                amount: zero,
            })
            .collect();
        for (line, account) in lines.iter().zip(&line_account) {
            let account = &mut account_totals[account.expect("checked above")];
            account.lines += line.base;
            for f in &line.fringes {
                *account.fringes.entry(f.fringe.clone()).or_insert(zero) += f.amount;
                account.fringe_total += f.amount;
                let total = &mut fringe_totals[fringe_index[f.fringe.as_str()]];
                total.subject += f.subject;
                total.amount += f.amount;
            }
        }
        for a in &mut account_totals {
            a.total = a.lines + a.fringe_total;
        }

        // Categories.
        let mut category_totals: Vec<CategoryTotal> = budget
            .categories
            .iter()
            .map(|c| CategoryTotal {
                code: c.code.clone(),
                name: c.name.clone(),
                section: c.section,
                lines: zero,
                fringes: zero,
                total: zero,
            })
            .collect();
        for (a, category) in account_totals.iter().zip(&account_category) {
            let c = &mut category_totals[category.expect("checked above")];
            c.lines += a.lines;
            c.fringes += a.fringe_total;
            c.total += a.total;
        }

        // Sections and the topsheet.
        let sections: Vec<SectionTotal> = SECTIONS
            .iter()
            .map(|&section| SectionTotal {
                section,
                total: category_totals
                    .iter()
                    .filter(|c| c.section == section)
                    .fold(zero, |sum, c| sum + c.total),
            })
            .collect();
        let above_the_line = sections[0].total;
        let below_the_line = sections[1].total + sections[2].total + sections[3].total;
        let total_before_contingency = above_the_line + below_the_line;
        let Some(contingency) = total_before_contingency
            .checked_mul(contingency_percent)
            .map(|x| round_to(x / hundred, base))
        else {
            return Err(BudgetError {
                problems: vec![Problem::new(
                    "budget.contingency_percent",
                    "contingency is too large",
                )],
            });
        };
        Ok(BudgetTotals {
            currency: base,
            lines,
            accounts: account_totals,
            categories: category_totals,
            sections,
            fringes: fringe_totals,
            above_the_line,
            below_the_line,
            total_before_contingency,
            contingency_percent,
            contingency,
            grand_total: total_before_contingency + contingency,
        })
    }
}

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
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;

use super::globals::{self, GlobalValue};
use super::{BudgetSection, ExchangeRate, Formula, FringePosting, RateUnit};
use crate::io::Problem;
use crate::model::{AccountCode, CurrencyCode, Money, PersonId, Production};

/// Every problem that kept the budget from being totalled (never empty).
///
/// Each problem names its path in the production file, e.g.
/// `budget.lines[12].amount: unknown global "SHOT_DAYS"`. Totals are all or
/// nothing: when any line fails, no totals are returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BudgetError {
    pub(crate) problems: Vec<Problem>,
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
    /// The fringe id (`"FICA"`), shared with every other line's.
    pub fringe: Arc<str>,
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
    /// The account the line's fringes post to (see [`FringePosting`]).
    pub fringe_account: AccountCode,
    /// Sum of the line's fringe amounts (wherever they post).
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
    /// Fringes posted to the account (from its own lines or, with
    /// [`FringePosting::CategoryXx99`] or section accounts, from others),
    /// per fringe id (only fringes that apply).
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
/// b.fringes.push(Fringe { id: "MEDICARE".into(), name: "Medicare".into(), percent: "1.45".parse()?, flat: None, wage_cap: None });
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
    /// Overhead percentage (0 when the budget has none).
    pub overhead_percent: Decimal,
    /// `total_before_contingency × overhead_percent / 100`, rounded.
    pub overhead: Decimal,
    /// Completion bond percentage (0 when the budget has none).
    pub completion_bond_percent: Decimal,
    /// `(total_before_contingency + contingency) × completion_bond_percent /
    /// 100`, rounded.
    pub completion_bond: Decimal,
    /// `total_before_contingency + contingency + overhead + completion_bond`.
    pub grand_total: Decimal,
    /// Every global's value as used (linked globals as the schedule gave them).
    pub globals: Vec<GlobalValue>,
}

/// What a [`TopsheetRow`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopsheetLevel {
    /// A category (`1100 Story & Rights`), with its lines and fringes.
    Category,
    /// A section's subtotal (`production`).
    Section,
    /// A total or markup (`above_the_line`, `contingency`, `grand_total`).
    Total,
}

impl TopsheetLevel {
    /// `"category"`, `"section"` or `"total"`, as the exports write it.
    pub fn code(self) -> &'static str {
        match self {
            TopsheetLevel::Category => "category",
            TopsheetLevel::Section => "section",
            TopsheetLevel::Total => "total",
        }
    }
}

/// One row of the topsheet ([`BudgetTotals::topsheet_rows`]), in the base
/// currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopsheetRow {
    /// Category, section subtotal or total.
    pub level: TopsheetLevel,
    /// The category code (`"3300"`), section code (`"production"`) or
    /// total's code (`"contingency"`, `"grand_total"`).
    pub code: String,
    /// As printed (`"Camera"`, `"Total production"`, `"Contingency 10%"`).
    pub name: String,
    /// The section of a category or section row.
    pub section: Option<BudgetSection>,
    /// A category's lines before fringes.
    pub lines: Option<Decimal>,
    /// A category's fringes.
    pub fringes: Option<Decimal>,
    /// The row's total.
    pub total: Decimal,
}

pub(crate) const SECTIONS: [BudgetSection; 4] = [
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

    /// Every topsheet row in print order: each section's categories then
    /// the section's subtotal, the above/below-the-line totals, the total
    /// before markups, each markup (contingency always; overhead and
    /// completion bond when the budget has them) and the grand total —
    /// the rows of [`topsheet_text`](Self::topsheet_text) and the CSV and
    /// XLSX exports.
    ///
    /// ```
    /// use callsheet::Production;
    /// use callsheet::budget::TopsheetLevel;
    /// let p = Production::new("Demo", "Europe/London".parse()?, "GBP".parse()?);
    /// let rows = p.budget_totals()?.topsheet_rows();
    /// assert_eq!(rows.last().map(|r| r.code.as_str()), Some("grand_total"));
    /// assert!(rows.iter().all(|r| r.level != TopsheetLevel::Category));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn topsheet_rows(&self) -> Vec<TopsheetRow> {
        let mut rows = Vec::with_capacity(self.categories.len() + 12);
        let total = |code: &str, name: String, amount: Decimal| TopsheetRow {
            level: TopsheetLevel::Total,
            code: code.to_owned(),
            name,
            section: None,
            lines: None,
            fringes: None,
            total: amount,
        };
        for section in SECTIONS {
            let (code, name) = super::cost_report::section_code(section);
            rows.extend(
                self.categories
                    .iter()
                    .filter(|c| c.section == section)
                    .map(|c| TopsheetRow {
                        level: TopsheetLevel::Category,
                        code: c.code.as_str().to_owned(),
                        name: c.name.clone(),
                        section: Some(section),
                        lines: Some(c.lines),
                        fringes: Some(c.fringes),
                        total: c.total,
                    }),
            );
            rows.push(TopsheetRow {
                level: TopsheetLevel::Section,
                code: code.to_owned(),
                name: name.to_owned(),
                section: Some(section),
                lines: None,
                fringes: None,
                total: self.section(section),
            });
        }
        rows.push(total(
            "above_the_line",
            "Total above-the-line".into(),
            self.above_the_line,
        ));
        rows.push(total(
            "below_the_line",
            "Total below-the-line".into(),
            self.below_the_line,
        ));
        rows.push(total(
            "before_markups",
            "Total above and below-the-line".into(),
            self.total_before_contingency,
        ));
        rows.push(total(
            "contingency",
            format!("Contingency {}%", self.contingency_percent.normalize()),
            self.contingency,
        ));
        if !self.overhead_percent.is_zero() {
            rows.push(total(
                "overhead",
                format!("Overhead {}%", self.overhead_percent.normalize()),
                self.overhead,
            ));
        }
        if !self.completion_bond_percent.is_zero() {
            rows.push(total(
                "completion_bond",
                format!(
                    "Completion bond {}%",
                    self.completion_bond_percent.normalize()
                ),
                self.completion_bond,
            ));
        }
        rows.push(total("grand_total", "Grand total".into(), self.grand_total));
        rows
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
        if !self.overhead_percent.is_zero() {
            let overhead = format!("OVERHEAD {}%", self.overhead_percent.normalize());
            row(&mut out, "", &overhead, &money(self.overhead));
        }
        if !self.completion_bond_percent.is_zero() {
            let bond = format!(
                "COMPLETION BOND {}%",
                self.completion_bond_percent.normalize()
            );
            row(&mut out, "", &bond, &money(self.completion_bond));
        }
        row(&mut out, "", "GRAND TOTAL", &money(self.grand_total));
        out
    }
}

/// `1234567.8` → `1,234,567.80` with `units` decimals.
pub(crate) fn format_amount(amount: Decimal, units: u32) -> String {
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
pub(crate) fn round_to(amount: Decimal, currency: CurrencyCode) -> Decimal {
    let units = currency.minor_units();
    let mut value = amount.round_dp_with_strategy(units, RoundingStrategy::MidpointNearestEven);
    value.rescale(units);
    value
}

impl Production {
    /// Totals the budget at every level, using the newest rate of each
    /// currency in `budget.rates`. See [`budget_totals`].
    ///
    /// # Errors
    /// A [`BudgetError`] listing every problem, each with its path.
    pub fn budget_totals(&self) -> Result<BudgetTotals, BudgetError> {
        budget_totals(self)
    }
}

/// Totals the production's budget at every level, in its base currency
/// (`production.currency`), converting foreign-currency lines and caps at the
/// newest rate of their currency in `budget.rates`.
///
/// - **Globals**: numbers, [`Formula`]s over other globals (evaluated in
///   dependency order; a cycle is an error naming every global on it) or
///   [`ScheduleLink`](super::ScheduleLink)s, which read the schedule (shoot days, a person's
///   day-out-of-days, the hotel allocation, labor-rule costs).
/// - **Lines**: `amount × multiplier × rate`, where `amount` is a
///   [`Formula`] over the globals, rounded half-even to the line currency's
///   minor unit; then, for a foreign currency, × the exchange rate and
///   rounded again to the base currency's minor unit.
/// - **Fringes**: a percentage fringe is `percent` of the line's base
///   amount; a flat fringe is its amount per unit of the line (converted
///   through the budget's [`UnitEquivalences`](super::UnitEquivalences)),
///   each rounded per line. A percentage fringe with a `wage_cap` is capped
///   per person across all that person's lines: lines are taken in account
///   code order (then description, then file order), earlier lines use the
///   cap up and later lines get what is left, computed on the person's
///   running pay (fringe on the capped running total minus fringe already
///   charged) so that a person's fringe never exceeds the rounded `cap ×
///   percent` and account totals do not depend on the order of the lines in
///   the file. A line without a person stands for its multiplier's number of
///   people (at least one), each paid `amount × rate`: its pay subject to the
///   fringe is at most `cap × multiplier`. Fringes post where
///   [`FringePosting`] says.
/// - **Roll-up**: account = its lines + the fringes posted to it; category =
///   its accounts; section = its categories; below-the-line = production +
///   post + other; contingency and overhead = their percentage of the total
///   above and below the line, completion bond = its percentage of that
///   total plus contingency, each rounded; grand total = the sum of all.
///
/// # Errors
/// Every problem (unknown account, category, fringe or global, formula
/// errors, global cycles, missing exchange rates or posting accounts,
/// duplicate codes, overflow) is reported with its path, and nothing is
/// returned when there is any.
pub fn budget_totals(production: &Production) -> Result<BudgetTotals, BudgetError> {
    Engine::new(production, None).run()
}

/// Like [`budget_totals`], converting at the newest rate of each currency
/// fixed on or before `as_of`.
///
/// # Errors
/// As [`budget_totals`].
pub fn budget_totals_as_of(
    production: &Production,
    as_of: NaiveDate,
) -> Result<BudgetTotals, BudgetError> {
    Engine::new(production, Some(as_of)).run()
}

/// Like [`budget_totals`] without the per-line detail (`lines` is empty):
/// what the topsheet, the cost report and comparisons need, about twice as
/// fast on large budgets. Every other field equals [`budget_totals`]'s.
///
/// ```
/// use callsheet::Production;
/// use callsheet::budget::{budget_summary, budget_totals};
/// let p = Production::new("Empty", "Europe/London".parse()?, "GBP".parse()?);
/// let summary = budget_summary(&p)?;
/// assert!(summary.lines.is_empty());
/// assert_eq!(summary.grand_total, budget_totals(&p)?.grand_total);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`budget_totals`].
pub fn budget_summary(production: &Production) -> Result<BudgetTotals, BudgetError> {
    let mut engine = Engine::new(production, None);
    engine.lines = false;
    engine.run()
}

struct Engine<'a> {
    production: &'a Production,
    as_of: Option<NaiveDate>,
    problems: Vec<Problem>,
    /// Whether to build the per-line report.
    lines: bool,
}

/// What a fringe charges, in the base currency.
enum Charge {
    /// The percentage as a fraction (6.2 % → 0.062).
    Percent(Decimal),
    /// Unrounded amount per unit, in the base currency.
    Flat { amount: Decimal, per: RateUnit },
}

/// A fringe's definition with its cap in the base currency.
struct FringeDef<'a> {
    id: &'a str,
    name: &'a str,
    charge: Charge,
    cap: Option<Decimal>,
}

/// A line's fringe rows: (fringe, subject, amount).
type Rows = Vec<(usize, Decimal, Decimal)>;

/// A rayon split's sums, kept rows and problems.
type Partial = (Sums, Vec<(usize, Rows)>, Vec<(usize, Problem)>);

/// Running sums of lines and fringes, per account and fringe.
struct Sums {
    /// Lines per account.
    lines: Vec<Decimal>,
    /// Fringes posted per account.
    fringe_total: Vec<Decimal>,
    /// Fringes per (posting account × fringe), and which cells were used.
    cells: Vec<Decimal>,
    touched: Vec<bool>,
    /// Subject and amount per fringe.
    subject: Vec<Decimal>,
    amount: Vec<Decimal>,
}

impl Sums {
    fn new(accounts: usize, fringes: usize, zero: Decimal) -> Self {
        Self {
            lines: vec![zero; accounts],
            fringe_total: vec![zero; accounts],
            cells: vec![zero; accounts * fringes],
            touched: vec![false; accounts * fringes],
            subject: vec![zero; fringes],
            amount: vec![zero; fringes],
        }
    }

    fn add(&mut self, e: &Evaluated, rows: &[(usize, Decimal, Decimal)], n_fringes: usize) {
        self.lines[e.account] += e.base;
        for &(f, subject, amount) in rows {
            let cell = e.posting * n_fringes + f;
            self.cells[cell] += amount;
            self.touched[cell] = true;
            self.fringe_total[e.posting] += amount;
            self.subject[f] += subject;
            self.amount[f] += amount;
        }
    }

    fn merge(mut self, other: Self) -> Self {
        let add = |a: &mut Vec<Decimal>, b: Vec<Decimal>| {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        };
        add(&mut self.lines, other.lines);
        add(&mut self.fringe_total, other.fringe_total);
        add(&mut self.cells, other.cells);
        add(&mut self.subject, other.subject);
        add(&mut self.amount, other.amount);
        for (t, u) in self.touched.iter_mut().zip(other.touched) {
            *t |= u;
        }
        self
    }
}

/// The base-currency figures of one line, before fringes.
struct Evaluated {
    quantity: Decimal,
    subtotal: Decimal,
    exchange: Option<ExchangeRate>,
    base: Decimal,
    account: usize,
    posting: usize,
    fringes: Vec<usize>,
}

/// `code` with its last two characters replaced by `99` (`3300` → `3399`).
fn xx99(code: &str) -> Option<String> {
    let cut = code.char_indices().rev().nth(1)?.0;
    Some(format!("{}99", &code[..cut]))
}

impl<'a> Engine<'a> {
    fn new(production: &'a Production, as_of: Option<NaiveDate>) -> Self {
        Self {
            production,
            as_of,
            problems: Vec::new(),
            lines: true,
        }
    }

    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// The rate into the base currency for `currency`, or a message.
    fn rate(&self, currency: CurrencyCode) -> Result<&'a ExchangeRate, String> {
        super::rate_on(
            &self.production.budget.rates,
            self.production.currency,
            currency,
            self.as_of,
        )
    }

    /// `amount` of `currency` in the base currency, unrounded.
    fn in_base(&mut self, amount: Decimal, currency: CurrencyCode, path: &str) -> Option<Decimal> {
        if currency == self.production.currency {
            return Some(amount);
        }
        match self.rate(currency) {
            Ok(r) => amount.checked_mul(r.rate_to_base).or_else(|| {
                self.report(path, "converted amount is too large");
                None
            }),
            Err(message) => {
                self.report(format!("{path}.currency"), message);
                None
            }
        }
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
        let posting = self.posting_accounts(&accounts, &account_category);

        // Globals.
        let resolver = super::link::Resolver::new(production);
        let (globals, global_values) =
            globals::evaluate(budget, &|link| resolver.value(link), &mut self.problems);

        // Fringes.
        let mut fringe_index: HashMap<&str, usize> = HashMap::default();
        let mut fringes = Vec::with_capacity(budget.fringes.len());
        for (i, f) in budget.fringes.iter().enumerate() {
            let path = format!("budget.fringes[{i}]");
            if fringe_index.insert(f.id.as_str(), i).is_some() {
                self.report(format!("{path}.id"), format!("duplicate fringe {:?}", f.id));
            }
            if f.percent.is_sign_negative() {
                self.report(format!("{path}.percent"), "must not be negative");
            }
            let charge = match &f.flat {
                // Exact: dividing by 100 only moves the decimal point.
                None => Charge::Percent(
                    f.percent
                        .checked_div(Decimal::ONE_HUNDRED)
                        .unwrap_or(Decimal::ZERO),
                ),
                Some(flat) => {
                    if !f.percent.is_zero() {
                        self.report(
                            format!("{path}.flat"),
                            "a fringe is a percentage or flat, not both",
                        );
                    }
                    if f.wage_cap.is_some() {
                        self.report(
                            format!("{path}.wage_cap"),
                            "a wage cap applies to percentage fringes only",
                        );
                    }
                    if matches!(flat.per, RateUnit::Allow) {
                        self.report(
                            format!("{path}.flat.per"),
                            "must be hours, days, weeks, months or flat",
                        );
                    }
                    let amount = self
                        .in_base(
                            flat.amount.amount,
                            flat.amount.currency,
                            &format!("{path}.flat.amount"),
                        )
                        .unwrap_or_default();
                    Charge::Flat {
                        amount,
                        per: flat.per,
                    }
                }
            };
            let cap = f.wage_cap.and_then(|cap| {
                if cap.amount.is_sign_negative() {
                    self.report(format!("{path}.wage_cap"), "must not be negative");
                }
                self.in_base(cap.amount, cap.currency, &format!("{path}.wage_cap"))
                    .map(|a| round_to(a, base))
            });
            fringes.push(FringeDef {
                id: &f.id,
                name: &f.name,
                charge,
                cap,
            });
        }

        // Lines: each distinct amount text evaluated once (many lines share
        // `SHOOT_WEEKS`), then every line in parallel; problems in file order.
        let mut amounts: HashMap<&str, Result<Decimal, super::FormulaError>> = HashMap::default();
        for line in &budget.lines {
            amounts.entry(line.amount.as_str()).or_insert_with(|| {
                match line.amount.parse::<Decimal>() {
                    Ok(q) => Ok(q),
                    Err(_) => Formula::parse(&line.amount)
                        .and_then(|f| f.evaluate(|name| globals.get(name).copied())),
                }
            });
        }
        let this = &self;
        let results: Vec<(Option<Evaluated>, Vec<Problem>)> = (0..budget.lines.len())
            .into_par_iter()
            .map(|i| {
                let mut problems = Vec::new();
                let e = this.evaluate_line(
                    i,
                    &accounts,
                    &posting,
                    &fringe_index,
                    &amounts,
                    &mut problems,
                );
                (e, problems)
            })
            .collect();
        let mut evaluated: Vec<Option<Evaluated>> = Vec::with_capacity(results.len());
        let mut seen_posting: HashSet<(String, String)> = HashSet::default();
        for (e, problems) in results {
            evaluated.push(e);
            for p in problems {
                // A missing posting account is reported once, not per line.
                if p.path.starts_with("budget.fringe_posting")
                    && !seen_posting.insert((p.path.clone(), p.message.clone()))
                {
                    continue;
                }
                self.problems.push(p);
            }
        }
        let contingency_percent = self.percent("contingency_percent", budget.contingency_percent);
        let overhead_percent = self.percent("overhead_percent", budget.overhead_percent);
        let bond_percent = self.percent("completion_bond_percent", budget.completion_bond_percent);
        if !self.problems.is_empty() {
            return Err(BudgetError {
                problems: self.problems,
            });
        }
        let evaluated: Vec<Evaluated> = evaluated.into_iter().flatten().collect();

        // Fringes. Caps are consumed per person in account-code order, then
        // description, then file order; people are independent, so only each
        // person's own lines are sorted.
        let mut rank = vec![0u32; budget.accounts.len()];
        {
            let mut by_code: Vec<usize> = (0..budget.accounts.len()).collect();
            by_code.sort_by(|&a, &b| budget.accounts[a].code.cmp(&budget.accounts[b].code));
            for (r, a) in by_code.into_iter().enumerate() {
                rank[a] = r as u32;
            }
        }
        let mut people: HashMap<&str, u32> = HashMap::default();
        let mut buckets: Vec<Vec<usize>> = Vec::new();
        let mut personless: Vec<usize> = Vec::new();
        for (i, line) in budget.lines.iter().enumerate() {
            match &line.person {
                None => personless.push(i),
                Some(p) => {
                    let next = people.len() as u32;
                    let k = *people.entry(p.as_str()).or_insert(next) as usize;
                    if k == buckets.len() {
                        buckets.push(Vec::new());
                    }
                    buckets[k].push(i);
                }
            }
        }
        let zero = round_to(Decimal::ZERO, base);
        let units = &budget.units;
        // The fringe rows of line `i`; `paid` is the line's person's
        // (pay so far, fringe charged so far) per capped fringe.
        let fringe_rows = |i: usize,
                           paid: &mut HashMap<usize, (Decimal, Decimal)>,
                           problems: &mut Vec<(usize, Problem)>|
         -> Vec<(usize, Decimal, Decimal)> {
            let line = &budget.lines[i];
            let e = &evaluated[i];
            let heads = line.multiplier.max(Decimal::ONE);
            let mut rows = Vec::with_capacity(e.fringes.len());
            for &f in &e.fringes {
                let def = &fringes[f];
                let row = match (&def.charge, def.cap, line.person.is_some()) {
                    (Charge::Percent(rate), Some(cap), true) => {
                        let state = paid.entry(f).or_insert((Decimal::ZERO, zero));
                        let before = state.0.clamp(Decimal::ZERO, cap);
                        state.0 += e.base;
                        let after = state.0.clamp(Decimal::ZERO, cap);
                        if after == before {
                            Some((zero, zero))
                        } else {
                            after.checked_mul(*rate).map(|x| {
                                let charged = round_to(x, base);
                                let row = (after - before, charged - state.1);
                                state.1 = charged;
                                row
                            })
                        }
                    }
                    (Charge::Percent(rate), cap, _) => {
                        let subject = match cap.and_then(|c| c.checked_mul(heads)) {
                            Some(limit) => e.base.min(limit),
                            None => e.base,
                        };
                        subject
                            .checked_mul(*rate)
                            .map(|x| (subject, round_to(x, base)))
                    }
                    (Charge::Flat { amount, per }, _, _) => {
                        let count = if *per == RateUnit::Flat {
                            Some(if line.person.is_some() {
                                Decimal::ONE
                            } else {
                                heads
                            })
                        } else {
                            e.quantity
                                .checked_mul(line.multiplier)
                                .and_then(|q| units.convert(q, line.unit, *per))
                        };
                        match count {
                            None => {
                                problems.push((
                                    i,
                                    Problem::new(
                                        format!("budget.lines[{i}].fringes"),
                                        format!(
                                            "flat fringe {:?} is per {:?} but the line is counted in {:?}",
                                            def.id, per, line.unit
                                        ),
                                    ),
                                ));
                                continue;
                            }
                            Some(count) => count
                                .checked_mul(*amount)
                                .map(|x| (e.base, round_to(x, base))),
                        }
                    }
                };
                match row {
                    Some((subject, amount)) => rows.push((f, subject, amount)),
                    None => problems.push((
                        i,
                        Problem::new(format!("budget.lines[{i}]"), "fringe amount is too large"),
                    )),
                }
            }
            rows
        };
        // People in parallel, each person's lines in cap order; personless
        // lines in parallel chunks.
        let mut chunks: Vec<Vec<usize>> = personless.chunks(1024).map(<[usize]>::to_vec).collect();
        chunks.extend(buckets.into_iter().map(|mut bucket| {
            bucket.sort_by(|&a, &b| {
                let (la, lb) = (&budget.lines[a], &budget.lines[b]);
                (rank[evaluated[a].account], la.description.as_str(), a).cmp(&(
                    rank[evaluated[b].account],
                    lb.description.as_str(),
                    b,
                ))
            });
            bucket
        }));
        // Each rayon split sums its chunks into its own cells; the sums are
        // exact, so merging them gives the same totals as one pass.
        let n_fringes = fringes.len();
        let n_accounts = budget.accounts.len();
        let keep_rows = self.lines;
        let (sums, computed, mut fringe_problems) = chunks
            .par_iter()
            .fold(
                || {
                    (
                        Sums::new(n_accounts, n_fringes, zero),
                        Vec::new(),
                        Vec::new(),
                    )
                },
                |(mut sums, mut kept, mut problems): Partial, chunk| {
                    let mut paid = HashMap::default();
                    for &i in chunk {
                        let rows = fringe_rows(i, &mut paid, &mut problems);
                        sums.add(&evaluated[i], &rows, n_fringes);
                        if keep_rows {
                            kept.push((i, rows));
                        }
                    }
                    (sums, kept, problems)
                },
            )
            .reduce(
                || {
                    (
                        Sums::new(n_accounts, n_fringes, zero),
                        Vec::new(),
                        Vec::new(),
                    )
                },
                |(a, mut ka, mut pa), (b, kb, pb)| {
                    ka.extend(kb);
                    pa.extend(pb);
                    (a.merge(b), ka, pa)
                },
            );
        let mut line_fringes: Vec<Rows> = if keep_rows {
            vec![Vec::new(); evaluated.len()]
        } else {
            Vec::new()
        };
        for (i, r) in computed {
            line_fringes[i] = r;
        }
        fringe_problems.sort_by_key(|(i, _)| *i);
        self.problems
            .extend(fringe_problems.into_iter().map(|(_, p)| p));
        if !self.problems.is_empty() {
            return Err(BudgetError {
                problems: self.problems,
            });
        }

        let zero = round_to(Decimal::ZERO, base);
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
        let fringe_ids: Vec<Arc<str>> = fringes.iter().map(|f| Arc::from(f.id)).collect();
        for (a, (lines, fringe_total)) in account_totals
            .iter_mut()
            .zip(sums.lines.iter().zip(&sums.fringe_total))
        {
            a.lines = *lines;
            a.fringe_total = *fringe_total;
        }
        for (t, (subject, amount)) in fringe_totals
            .iter_mut()
            .zip(sums.subject.iter().zip(&sums.amount))
        {
            t.subject = *subject;
            t.amount = *amount;
        }
        let posted: Vec<((usize, usize), Decimal)> = (0..sums.cells.len())
            .filter(|&c| sums.touched[c])
            .map(|c| ((c / n_fringes, c % n_fringes), sums.cells[c]))
            .collect();
        // The per-line report, in parallel.
        let evaluated = if self.lines { evaluated } else { Vec::new() };
        let line_fringes = if self.lines { line_fringes } else { Vec::new() };
        let lines: Vec<LineTotal> = evaluated
            .into_par_iter()
            .zip(line_fringes)
            .enumerate()
            .map(|(i, (e, rows))| {
                let line = &budget.lines[i];
                let fringe_total = rows.iter().fold(zero, |sum, r| sum + r.2);
                LineTotal {
                    index: i,
                    account: line.account.clone(),
                    description: line.description.clone(),
                    person: line.person.clone(),
                    quantity: e.quantity,
                    multiplier: line.multiplier,
                    rate: line.rate,
                    subtotal: Money::new(e.subtotal, line.rate.currency),
                    exchange_rate: e.exchange,
                    base: e.base,
                    fringes: rows
                        .into_iter()
                        .map(|(f, subject, amount)| LineFringe {
                            fringe: Arc::clone(&fringe_ids[f]),
                            subject,
                            amount,
                        })
                        .collect(),
                    fringe_account: budget.accounts[e.posting].code.clone(),
                    fringe_total,
                    total: e.base + fringe_total,
                }
            })
            .collect();
        for ((account, f), amount) in posted {
            account_totals[account]
                .fringes
                .insert(fringes[f].id.to_owned(), amount);
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
        let share = |of: Decimal, percent: Decimal| {
            of.checked_mul(percent)
                .map(|x| round_to(x / Decimal::ONE_HUNDRED, base))
        };
        let markups = share(total_before_contingency, contingency_percent).and_then(|c| {
            let o = share(total_before_contingency, overhead_percent)?;
            let b = share(total_before_contingency + c, bond_percent)?;
            Some((c, o, b))
        });
        let Some((contingency, overhead, completion_bond)) = markups else {
            return Err(BudgetError {
                problems: vec![Problem::new("budget", "markups are too large")],
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
            overhead_percent,
            overhead,
            completion_bond_percent: bond_percent,
            completion_bond,
            grand_total: total_before_contingency + contingency + overhead + completion_bond,
            globals: global_values,
        })
    }

    fn percent(&mut self, field: &str, value: Option<Decimal>) -> Decimal {
        let value = value.unwrap_or(Decimal::ZERO);
        if value.is_sign_negative() {
            self.report(format!("budget.{field}"), "must not be negative");
        }
        value
    }

    /// For each account, the account its lines' fringes post to, or the
    /// path and code of a posting account missing from the chart.
    fn posting_accounts(
        &self,
        accounts: &HashMap<&str, usize>,
        account_category: &[Option<usize>],
    ) -> Vec<Result<usize, (String, String)>> {
        let budget = &self.production.budget;
        (0..budget.accounts.len())
            .map(|i| {
                let Some(category) = account_category[i].map(|c| &budget.categories[c]) else {
                    return Ok(i);
                };
                let (path, code) = match &budget.fringe_posting {
                    FringePosting::Account => return Ok(i),
                    FringePosting::CategoryXx99 => match xx99(category.code.as_str()) {
                        Some(code) => ("budget.fringe_posting".to_owned(), code),
                        None => return Ok(i),
                    },
                    FringePosting::SectionAccounts(s) => {
                        let (field, code) = match category.section {
                            BudgetSection::AboveTheLine => ("above_the_line", &s.above_the_line),
                            BudgetSection::Production => ("production", &s.production),
                            BudgetSection::Post => ("post", &s.post),
                            BudgetSection::Other => ("other", &s.other),
                        };
                        (
                            format!("budget.fringe_posting.section_accounts.{field}"),
                            code.as_str().to_owned(),
                        )
                    }
                };
                accounts.get(code.as_str()).copied().ok_or((path, code))
            })
            .collect()
    }

    /// Evaluates line `i` (amount, currency, base amount, fringe list,
    /// posting account). Pure: problems are returned, so lines evaluate in
    /// parallel.
    #[allow(clippy::too_many_arguments)]
    fn evaluate_line(
        &self,
        i: usize,
        accounts: &HashMap<&str, usize>,
        posting: &[Result<usize, (String, String)>],
        fringe_index: &HashMap<&str, usize>,
        amounts: &HashMap<&str, Result<Decimal, super::FormulaError>>,
        problems: &mut Vec<Problem>,
    ) -> Option<Evaluated> {
        let mut report = |path: String, message: String| problems.push(Problem::new(path, message));
        let line = &self.production.budget.lines[i];
        let base = self.production.currency;
        let path = || format!("budget.lines[{i}]");
        let account = accounts.get(line.account.as_str()).copied();
        if account.is_none() {
            report(
                format!("{}.account", path()),
                format!("unknown account {:?}", line.account.as_str()),
            );
        }
        let quantity = amounts
            .get(line.amount.as_str())
            .cloned()
            .unwrap_or(Ok(Decimal::ZERO));
        let quantity = match quantity {
            Ok(q) => Some(q),
            Err(e) => {
                report(format!("{}.amount", path()), e.to_string());
                None
            }
        };
        let mut line_fringes = Vec::with_capacity(line.fringes.len());
        for (k, id) in line.fringes.iter().enumerate() {
            match fringe_index.get(id.as_str()) {
                None => report(
                    format!("{}.fringes[{k}]", path()),
                    format!("unknown fringe {id:?}"),
                ),
                Some(&f) if line_fringes.contains(&f) => report(
                    format!("{}.fringes[{k}]", path()),
                    format!("fringe {id:?} listed twice"),
                ),
                Some(&f) => line_fringes.push(f),
            }
        }
        let exchange = if line.rate.currency == base {
            None
        } else {
            match self.rate(line.rate.currency) {
                Ok(r) => Some(r.clone()),
                Err(message) => {
                    report(format!("{}.rate.currency", path()), message);
                    return None;
                }
            }
        };
        let account = account?;
        let posting = match &posting[account] {
            Ok(k) => *k,
            Err((where_, code)) => {
                if line_fringes.is_empty() {
                    account
                } else {
                    let message =
                        format!("fringes post to account {code:?}, which is not in the chart");
                    report(where_.clone(), message);
                    return None;
                }
            }
        };
        let quantity = quantity?;
        let Some(raw) = quantity
            .checked_mul(line.multiplier)
            .and_then(|x| x.checked_mul(line.rate.amount))
        else {
            report(path(), "amount × multiplier × rate is too large".into());
            return None;
        };
        let subtotal = round_to(raw, line.rate.currency);
        let base_amount = match &exchange {
            None => Some(subtotal),
            Some(r) => subtotal
                .checked_mul(r.rate_to_base)
                .map(|x| round_to(x, base)),
        };
        let Some(base_amount) = base_amount else {
            report(path(), "converted amount is too large".into());
            return None;
        };
        Some(Evaluated {
            quantity,
            subtotal,
            exchange,
            base: base_amount,
            account,
            posting,
            fringes: line_fringes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::xx99;

    #[test]
    fn xx99_replaces_the_last_two_characters() {
        assert_eq!(xx99("3300").as_deref(), Some("3399"));
        assert_eq!(xx99("A10").as_deref(), Some("A99"));
        assert_eq!(xx99("7").as_deref(), None);
    }
}

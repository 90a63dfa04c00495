//! The weekly cost report: budget, approved overages, final budget, this
//! period, actual to date, commitments, total cost, estimate to complete,
//! estimated final cost and variance, per account and rolled up to every
//! level, with alerts.

use chrono::{Days, NaiveDate};
use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use super::engine::{BudgetTotals, round_to};
use super::{BudgetError, BudgetSection, rate_on};
use crate::io::Problem;
use crate::model::{AccountCode, CurrencyCode, Production};

/// What a cost report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostReportOptions {
    /// The report date: entries dated after it are left out.
    pub as_of: NaiveDate,
    /// First day of the reporting period (default: six days before
    /// `as_of`, i.e. the week ending `as_of`).
    pub period_start: Option<NaiveDate>,
    /// Alert when an account's total cost reaches this percentage of its
    /// final budget (default 90).
    pub alert_percent: Decimal,
}

impl CostReportOptions {
    /// A report as of `as_of` for the week ending then, alerting at 90 %.
    pub fn as_of(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            period_start: None,
            alert_percent: Decimal::from(90),
        }
    }

    fn period_start(&self) -> NaiveDate {
        self.period_start.unwrap_or_else(|| {
            self.as_of
                .checked_sub_days(Days::new(6))
                .unwrap_or(self.as_of)
        })
    }
}

/// The level of a cost-report row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetLevel {
    /// One account.
    Account,
    /// A topsheet category (the sum of its accounts).
    Category,
    /// A topsheet section (the sum of its categories).
    Section,
    /// The whole production.
    Total,
}

/// One row of a cost report, in the production's base currency.
///
/// `final_budget = budget + approved_overages`, `total_cost =
/// actual_to_date + commitments`, `estimated_final_cost = total_cost +
/// estimate_to_complete`, `variance = final_budget - estimated_final_cost`
/// (negative = over budget). Parent rows are the sums of their children,
/// column by column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostReportRow {
    /// Row level.
    pub level: BudgetLevel,
    /// Account or category code, section name (`production`) or `TOTAL`.
    pub code: String,
    /// Name.
    pub name: String,
    /// The code of the row it rolls up into: an account's category, a
    /// category's section, `TOTAL` for a section; empty for the total.
    pub parent: String,
    /// The locked budget (lines plus posted fringes).
    pub budget: Decimal,
    /// Approved overages up to the report date.
    pub approved_overages: Decimal,
    /// `budget + approved_overages`.
    pub final_budget: Decimal,
    /// Actual cost posted in the period.
    pub this_period: Decimal,
    /// Actual cost posted up to the report date.
    pub actual_to_date: Decimal,
    /// Open value of purchase orders.
    pub commitments: Decimal,
    /// `actual_to_date + commitments`.
    pub total_cost: Decimal,
    /// Estimate to complete.
    pub estimate_to_complete: Decimal,
    /// `total_cost + estimate_to_complete`.
    pub estimated_final_cost: Decimal,
    /// `final_budget - estimated_final_cost` (negative = over).
    pub variance: Decimal,
}

impl CostReportRow {
    fn empty(
        level: BudgetLevel,
        code: String,
        name: String,
        parent: String,
        zero: Decimal,
    ) -> Self {
        Self {
            level,
            code,
            name,
            parent,
            budget: zero,
            approved_overages: zero,
            final_budget: zero,
            this_period: zero,
            actual_to_date: zero,
            commitments: zero,
            total_cost: zero,
            estimate_to_complete: zero,
            estimated_final_cost: zero,
            variance: zero,
        }
    }

    fn add(&mut self, other: &Self) {
        self.budget += other.budget;
        self.approved_overages += other.approved_overages;
        self.final_budget += other.final_budget;
        self.this_period += other.this_period;
        self.actual_to_date += other.actual_to_date;
        self.commitments += other.commitments;
        self.total_cost += other.total_cost;
        self.estimate_to_complete += other.estimate_to_complete;
        self.estimated_final_cost += other.estimated_final_cost;
        self.variance += other.variance;
    }

    /// The ten money columns in report order, with their headers.
    pub fn columns(&self) -> [(&'static str, Decimal); 10] {
        [
            ("Budget", self.budget),
            ("Approved overages", self.approved_overages),
            ("Final budget", self.final_budget),
            ("This period", self.this_period),
            ("Actual to date", self.actual_to_date),
            ("Commitments", self.commitments),
            ("Total cost", self.total_cost),
            ("Estimate to complete", self.estimate_to_complete),
            ("Estimated final cost", self.estimated_final_cost),
            ("Variance", self.variance),
        ]
    }
}

/// Why an account is flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CostAlertKind {
    /// Estimated final cost above the final budget.
    OverBudget,
    /// Total cost at or past the alert percentage of the final budget.
    NearBudget,
}

/// An account that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostAlert {
    /// The account.
    pub account: AccountCode,
    /// Why.
    pub kind: CostAlertKind,
    /// A sentence for the report.
    pub message: String,
}

/// A cost report as of a date, in the production's base currency.
///
/// Accounts, categories and sections come in chart/topsheet order;
/// [`CostReport::rows`] interleaves them the way a printed report does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostReport {
    /// Base currency.
    pub currency: CurrencyCode,
    /// Report date.
    pub as_of: NaiveDate,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// One row per account of the chart.
    pub accounts: Vec<CostReportRow>,
    /// One row per category.
    pub categories: Vec<CostReportRow>,
    /// One row per topsheet section.
    pub sections: Vec<CostReportRow>,
    /// The whole production (before contingency and other markups).
    pub total: CostReportRow,
    /// Accounts over budget or near it, in chart order.
    pub alerts: Vec<CostAlert>,
}

pub(crate) fn section_code(section: BudgetSection) -> (&'static str, &'static str) {
    match section {
        BudgetSection::AboveTheLine => ("above_the_line", "Total above-the-line"),
        BudgetSection::Production => ("production", "Total production"),
        BudgetSection::Post => ("post", "Total post-production"),
        BudgetSection::Other => ("other", "Total other"),
    }
}

impl CostReport {
    /// Every row in print order: each category's accounts then the
    /// category, each section after its categories, the total last.
    pub fn rows(&self) -> Vec<&CostReportRow> {
        let mut accounts: HashMap<&str, Vec<&CostReportRow>> = HashMap::default();
        for a in &self.accounts {
            accounts.entry(a.parent.as_str()).or_default().push(a);
        }
        let mut out = Vec::with_capacity(
            self.accounts.len() + self.categories.len() + self.sections.len() + 1,
        );
        for section in &self.sections {
            for category in self.categories.iter().filter(|c| c.parent == section.code) {
                out.extend(accounts.get(category.code.as_str()).into_iter().flatten());
                out.push(category);
            }
            out.push(section);
        }
        out.push(&self.total);
        out
    }

    /// The row of an account.
    pub fn account(&self, code: &str) -> Option<&CostReportRow> {
        self.accounts.iter().find(|a| a.code == code)
    }
}

impl Production {
    /// The cost report as of `options.as_of`. See [`cost_report`].
    ///
    /// # Errors
    /// As [`cost_report`].
    pub fn cost_report(&self, options: &CostReportOptions) -> Result<CostReport, BudgetError> {
        cost_report(self, options)
    }
}

/// Builds the cost report.
///
/// - **Budget** per account is the budget engine's account total (lines
///   plus the fringes posted there, see [`super::budget_totals`]).
/// - **Approved overages** dated on or before `as_of` add to it.
/// - **Actuals** are the ledger's transactions dated on or before `as_of`
///   (this period: on or after the period start); an invoice against a
///   purchase order is an actual and reduces that order's open value.
/// - **Commitments** are the open values of purchase orders issued on or
///   before `as_of` and not closed by then (never below zero).
/// - **Estimate to complete** is the newest [`super::CostEstimate`] on or
///   before `as_of`, otherwise what is left of the final budget after the
///   total cost (never below zero).
///
/// Foreign-currency entries convert at the rate in force on their own date
/// (the first rate in the table for entries dated before it) and are
/// rounded per entry to the base currency's minor unit.
///
/// # Errors
/// Any budget problem (see [`super::budget_totals`]), and ledger entries on
/// unknown accounts or purchase orders or in currencies without a rate, each
/// with its path.
pub fn cost_report(
    production: &Production,
    options: &CostReportOptions,
) -> Result<CostReport, BudgetError> {
    let totals = super::engine::budget_summary(production)?;
    cost_report_with(production, &totals, options)
}

/// Like [`cost_report`], with the budget totals already computed.
///
/// # Errors
/// As [`cost_report`], without the budget's own problems.
pub fn cost_report_with(
    production: &Production,
    totals: &BudgetTotals,
    options: &CostReportOptions,
) -> Result<CostReport, BudgetError> {
    let budget = &production.budget;
    let ledger = &production.ledger;
    let base = production.currency;
    let zero = round_to(Decimal::ZERO, base);
    let as_of = options.as_of;
    let period_start = options.period_start();
    let mut problems = Vec::new();

    let index: HashMap<&str, usize> = budget
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.code.as_str(), i))
        .collect();
    let mut rows: Vec<CostReportRow> = totals
        .accounts
        .iter()
        .map(|a| {
            let mut row = CostReportRow::empty(
                BudgetLevel::Account,
                a.code.as_str().into(),
                a.name.clone(),
                a.category.as_str().into(),
                zero,
            );
            row.budget = a.total;
            row
        })
        .collect();

    // Converts an entry into the base currency at its own date.
    let convert = |amount: crate::model::Money, date: NaiveDate| -> Result<Decimal, String> {
        if amount.currency == base {
            return Ok(amount.amount);
        }
        let rate = rate_on(&budget.rates, base, amount.currency, Some(date)).or_else(|e| {
            budget
                .rates
                .iter()
                .filter(|r| r.currency == amount.currency)
                .min_by_key(|r| r.as_of)
                .ok_or(e)
        })?;
        amount
            .amount
            .checked_mul(rate.rate_to_base)
            .map(|x| round_to(x, base))
            .ok_or_else(|| "converted amount is too large".to_owned())
    };
    let account_of =
        |code: &AccountCode, path: &dyn Fn() -> String, problems: &mut Vec<Problem>| {
            let found = index.get(code.as_str()).copied();
            if found.is_none() {
                problems.push(Problem::new(
                    path(),
                    format!("unknown account {:?}", code.as_str()),
                ));
            }
            found
        };

    // Purchase orders: open value in their own currency.
    let mut orders: HashMap<&str, usize> = HashMap::default();
    let mut open: Vec<Decimal> = Vec::with_capacity(ledger.purchase_orders.len());
    for (i, po) in ledger.purchase_orders.iter().enumerate() {
        if orders.insert(po.id.as_str(), i).is_some() {
            problems.push(Problem::new(
                format!("ledger.purchase_orders[{i}].id"),
                format!("duplicate purchase order {:?}", po.id),
            ));
        }
        open.push(po.amount.amount);
    }

    // Actuals: chunks of the ledger in parallel, each summing into its own
    // per-account and per-order cells; the sums are exact, so merging them
    // gives the same figures as one pass.
    struct Partial {
        /// (actual to date, this period) per account.
        actual: Vec<(Decimal, Decimal)>,
        /// Invoiced against each purchase order, in its currency.
        invoiced: Vec<Decimal>,
        problems: Vec<Problem>,
    }
    const CHUNK: usize = 16 * 1024;
    let partials: Vec<Partial> = ledger
        .transactions
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut part = Partial {
                actual: vec![(zero, zero); rows.len()],
                invoiced: vec![Decimal::ZERO; ledger.purchase_orders.len()],
                problems: Vec::new(),
            };
            for (k, t) in chunk.iter().enumerate() {
                let i = c * CHUNK + k;
                if t.date > as_of {
                    continue;
                }
                let Some(account) = account_of(
                    &t.account,
                    &|| format!("ledger.transactions[{i}].account"),
                    &mut part.problems,
                ) else {
                    continue;
                };
                if let Some(po) = &t.purchase_order {
                    match orders.get(po.as_str()) {
                        Some(&k)
                            if ledger.purchase_orders[k].amount.currency == t.amount.currency =>
                        {
                            part.invoiced[k] += t.amount.amount;
                        }
                        Some(&k) => part.problems.push(Problem::new(
                            format!("ledger.transactions[{i}].amount.currency"),
                            format!(
                                "{} does not match purchase order {po:?} in {}",
                                t.amount.currency, ledger.purchase_orders[k].amount.currency
                            ),
                        )),
                        None => part.problems.push(Problem::new(
                            format!("ledger.transactions[{i}].purchase_order"),
                            format!("unknown purchase order {po:?}"),
                        )),
                    }
                }
                match convert(t.amount, t.date) {
                    Ok(amount) => {
                        let cell = &mut part.actual[account];
                        cell.0 += amount;
                        if t.date >= period_start {
                            cell.1 += amount;
                        }
                    }
                    Err(message) => part.problems.push(Problem::new(
                        format!("ledger.transactions[{i}].amount.currency"),
                        message,
                    )),
                }
            }
            part
        })
        .collect();
    for part in partials {
        for (row, (atd, period)) in rows.iter_mut().zip(part.actual) {
            row.actual_to_date += atd;
            row.this_period += period;
        }
        for (open, invoiced) in open.iter_mut().zip(part.invoiced) {
            *open -= invoiced;
        }
        problems.extend(part.problems);
    }

    // Commitments.
    for (i, po) in ledger.purchase_orders.iter().enumerate() {
        let Some(account) = account_of(
            &po.account,
            &|| format!("ledger.purchase_orders[{i}].account"),
            &mut problems,
        ) else {
            continue;
        };
        if po.date > as_of || po.closed.is_some_and(|d| d <= as_of) || open[i] <= Decimal::ZERO {
            continue;
        }
        let value = crate::model::Money::new(open[i], po.amount.currency);
        match convert(value, po.date) {
            Ok(amount) => rows[account].commitments += amount,
            Err(message) => problems.push(Problem::new(
                format!("ledger.purchase_orders[{i}].amount.currency"),
                message,
            )),
        }
    }

    // Approved overages and estimates.
    for (i, o) in ledger.overages.iter().enumerate() {
        if o.date > as_of {
            continue;
        }
        let Some(account) = account_of(
            &o.account,
            &|| format!("ledger.overages[{i}].account"),
            &mut problems,
        ) else {
            continue;
        };
        match convert(o.amount, o.date) {
            Ok(amount) => rows[account].approved_overages += amount,
            Err(message) => problems.push(Problem::new(
                format!("ledger.overages[{i}].amount.currency"),
                message,
            )),
        }
    }
    let mut estimate: Vec<Option<(NaiveDate, usize, Decimal)>> = vec![None; rows.len()];
    for (i, e) in ledger.estimates.iter().enumerate() {
        if e.date > as_of {
            continue;
        }
        let Some(account) = account_of(
            &e.account,
            &|| format!("ledger.estimates[{i}].account"),
            &mut problems,
        ) else {
            continue;
        };
        match convert(e.amount, e.date) {
            Ok(amount) => {
                let newer = estimate[account].is_none_or(|(d, k, _)| (e.date, i) >= (d, k));
                if newer {
                    estimate[account] = Some((e.date, i, amount));
                }
            }
            Err(message) => problems.push(Problem::new(
                format!("ledger.estimates[{i}].amount.currency"),
                message,
            )),
        }
    }
    if !problems.is_empty() {
        return Err(BudgetError { problems });
    }

    // Derived columns and alerts.
    let hundred = Decimal::ONE_HUNDRED;
    let mut alerts = Vec::new();
    for (row, estimate) in rows.iter_mut().zip(&estimate) {
        row.final_budget = row.budget + row.approved_overages;
        row.total_cost = row.actual_to_date + row.commitments;
        row.estimate_to_complete = match estimate {
            Some((_, _, amount)) => *amount,
            None => (row.final_budget - row.total_cost).max(zero),
        };
        row.estimated_final_cost = row.total_cost + row.estimate_to_complete;
        row.variance = row.final_budget - row.estimated_final_cost;
        let units = base.minor_units();
        let money = |x: Decimal| super::engine::format_amount(x, units);
        if row.estimated_final_cost > row.final_budget {
            alerts.push(CostAlert {
                account: AccountCode::from(row.code.as_str()),
                kind: CostAlertKind::OverBudget,
                message: format!(
                    "{} {}: estimated final cost {} is {} over the final budget {}",
                    row.code,
                    row.name,
                    money(row.estimated_final_cost),
                    money(-row.variance),
                    money(row.final_budget)
                ),
            });
        } else if row.final_budget > Decimal::ZERO
            && row.total_cost * hundred >= row.final_budget * options.alert_percent
        {
            alerts.push(CostAlert {
                account: AccountCode::from(row.code.as_str()),
                kind: CostAlertKind::NearBudget,
                message: format!(
                    "{} {}: total cost {} is {}% of the final budget {}",
                    row.code,
                    row.name,
                    money(row.total_cost),
                    (row.total_cost * hundred / row.final_budget)
                        .round_dp(1)
                        .normalize(),
                    money(row.final_budget)
                ),
            });
        }
    }

    // Roll-ups.
    let mut categories: Vec<CostReportRow> = budget
        .categories
        .iter()
        .map(|c| {
            let parent = section_code(c.section).0.into();
            CostReportRow::empty(
                BudgetLevel::Category,
                c.code.as_str().into(),
                c.name.clone(),
                parent,
                zero,
            )
        })
        .collect();
    let category_index: HashMap<&str, usize> = budget
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();
    for (row, account) in rows.iter().zip(&budget.accounts) {
        if let Some(&c) = category_index.get(account.category.as_str()) {
            categories[c].add(row);
        }
    }
    let sections: Vec<CostReportRow> = super::engine::SECTIONS
        .iter()
        .map(|&section| {
            let (code, name) = section_code(section);
            let mut row = CostReportRow::empty(
                BudgetLevel::Section,
                code.into(),
                name.into(),
                "TOTAL".into(),
                zero,
            );
            for (c, def) in categories.iter().zip(&budget.categories) {
                if def.section == section {
                    row.add(c);
                }
            }
            row
        })
        .collect();
    let mut total = CostReportRow::empty(
        BudgetLevel::Total,
        "TOTAL".into(),
        "Total".into(),
        String::new(),
        zero,
    );
    for s in &sections {
        total.add(s);
    }
    Ok(CostReport {
        currency: base,
        as_of,
        period_start,
        accounts: rows,
        categories,
        sections,
        total,
        alerts,
    })
}

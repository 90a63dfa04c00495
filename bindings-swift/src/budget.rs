//! The budget: topsheet, cost report, comparison of two budgets, and the
//! accountants' files (CSV import, CSV/XLSX/text export).
//!
//! Every amount is an `Amount` (an exact decimal) in the production's base
//! currency. Imports go through the handle's `update`: the change is made on
//! a copy under the write lock and validated, so it is all or nothing.

use std::sync::Arc;

use callsheet::budget::{
    Account, BudgetCategory, BudgetComparison, BudgetDelta, BudgetLevel, BudgetSection,
    BudgetTotals, CategoryTotal, Chart, CostAlert, CostAlertKind, CostReportRow, CsvProblem,
    FringeTotal, GlobalDelta, GlobalValue, ScheduleLink, SectionTotal,
};
use callsheet::{AccountCode, CurrencyCode, LocationId, PersonId, UnitId};

use crate::errors::{CallsheetError, guard};
use crate::production::Production;
use crate::types::{Amount, CivilDate};

/// Where a category sits on the topsheet.
#[uniffi::remote(Enum)]
pub enum BudgetSection {
    AboveTheLine,
    Production,
    Post,
    Other,
}

/// A topsheet category such as `1100 Story & Rights` or `3300 Camera`.
#[uniffi::remote(Record)]
pub struct BudgetCategory {
    pub code: AccountCode,
    pub name: String,
    pub section: BudgetSection,
}

/// An account within a category, such as `3301 Director of Photography`.
#[uniffi::remote(Record)]
pub struct Account {
    pub code: AccountCode,
    pub name: String,
    pub category: AccountCode,
}

/// A chart of accounts: topsheet categories and their accounts. (Not
/// `Chart`: that would collide with Swift Charts' `Chart` in apps that
/// import both.)
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChartOfAccounts {
    /// The chart's name.
    pub name: String,
    /// Categories in topsheet order.
    pub categories: Vec<BudgetCategory>,
    /// Accounts in chart order.
    pub accounts: Vec<Account>,
}

impl From<Chart> for ChartOfAccounts {
    fn from(chart: Chart) -> Self {
        Self {
            name: chart.name,
            categories: chart.categories,
            accounts: chart.accounts,
        }
    }
}

/// The schedule figure a global follows.
#[uniffi::remote(Enum)]
pub enum ScheduleLink {
    ShootDays,
    ShootWeeks,
    UnitShootDays(UnitId),
    LocationShootDays(LocationId),
    WorkDays(PersonId),
    HoldDays(PersonId),
    TravelDays(PersonId),
    PaidDays(PersonId),
    HotelRoomNights,
    HotelCost,
    RuleViolationCost,
}

/// A global after evaluation (linked globals as the schedule gave them).
#[uniffi::remote(Record)]
pub struct GlobalValue {
    pub name: String,
    pub value: Amount,
    pub link: Option<ScheduleLink>,
}

/// A topsheet category's totals: its accounts' lines, fringes and total.
#[uniffi::remote(Record)]
pub struct CategoryTotal {
    pub code: AccountCode,
    pub name: String,
    pub section: BudgetSection,
    pub lines: Amount,
    pub fringes: Amount,
    pub total: Amount,
}

/// A topsheet section's total (the sum of its categories).
#[uniffi::remote(Record)]
pub struct SectionTotal {
    pub section: BudgetSection,
    pub total: Amount,
}

/// A fringe's totals across the budget: the pay subject to it and its amount.
#[uniffi::remote(Record)]
pub struct FringeTotal {
    pub id: String,
    pub name: String,
    pub subject: Amount,
    pub amount: Amount,
}

/// One fringe posted to an account.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FringeAmount {
    /// The fringe id (`"FICA"`).
    pub fringe: String,
    /// The amount posted.
    pub amount: Amount,
}

/// An account's totals: its lines before fringes, the fringes posted to it
/// (per fringe, in fringe id order) and `lines + fringe_total`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AccountTotal {
    /// Account code.
    pub code: AccountCode,
    /// Account name.
    pub name: String,
    /// Its category.
    pub category: AccountCode,
    /// Sum of the account's lines (before fringes).
    pub lines: Amount,
    /// Fringes posted to the account, by fringe id.
    pub fringes: Vec<FringeAmount>,
    /// Sum of `fringes`.
    pub fringe_total: Amount,
    /// `lines + fringe_total`.
    pub total: Amount,
}

/// A markup on the topsheet: contingency, overhead or completion bond.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Markup {
    /// `"contingency"`, `"overhead"` or `"completion_bond"` (the codes of a
    /// comparison's markup rows).
    pub code: String,
    /// `"Contingency"`, `"Overhead"`, `"Completion bond"`.
    pub name: String,
    /// The percentage (0 when the budget has none).
    pub percent: Amount,
    /// The amount, rounded to the currency's minor unit.
    pub amount: Amount,
}

/// The budget's topsheet, in the production's base currency: categories,
/// sections, above/below the line, markups and the grand total, with the
/// accounts and fringes behind them. Every parent is exactly the sum of its
/// children.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Topsheet {
    /// The base currency every amount is in.
    pub currency: CurrencyCode,
    /// Every category, in chart order.
    pub categories: Vec<CategoryTotal>,
    /// The four sections, in topsheet order.
    pub sections: Vec<SectionTotal>,
    /// The above-the-line section's total.
    pub above_the_line: Amount,
    /// Production + post + other.
    pub below_the_line: Amount,
    /// `above_the_line + below_the_line`.
    pub total_before_contingency: Amount,
    /// Contingency, overhead, completion bond (always all three, in that order).
    pub markups: Vec<Markup>,
    /// `total_before_contingency` plus the markups.
    pub grand_total: Amount,
    /// Every account, in chart order.
    pub accounts: Vec<AccountTotal>,
    /// Every fringe, in chart order.
    pub fringes: Vec<FringeTotal>,
    /// Every global's value as used.
    pub globals: Vec<GlobalValue>,
}

impl From<BudgetTotals> for Topsheet {
    fn from(t: BudgetTotals) -> Self {
        let markup = |code: &str, name: &str, percent: Amount, amount: Amount| Markup {
            code: code.to_owned(),
            name: name.to_owned(),
            percent,
            amount,
        };
        Self {
            currency: t.currency,
            markups: vec![
                markup(
                    "contingency",
                    "Contingency",
                    t.contingency_percent,
                    t.contingency,
                ),
                markup("overhead", "Overhead", t.overhead_percent, t.overhead),
                markup(
                    "completion_bond",
                    "Completion bond",
                    t.completion_bond_percent,
                    t.completion_bond,
                ),
            ],
            categories: t.categories,
            sections: t.sections,
            above_the_line: t.above_the_line,
            below_the_line: t.below_the_line,
            total_before_contingency: t.total_before_contingency,
            grand_total: t.grand_total,
            accounts: t
                .accounts
                .into_iter()
                .map(|a| AccountTotal {
                    code: a.code,
                    name: a.name,
                    category: a.category,
                    lines: a.lines,
                    fringes: a
                        .fringes
                        .into_iter()
                        .map(|(fringe, amount)| FringeAmount { fringe, amount })
                        .collect(),
                    fringe_total: a.fringe_total,
                    total: a.total,
                })
                .collect(),
            fringes: t.fringes,
            globals: t.globals,
        }
    }
}

/// The level of a cost-report or comparison row.
#[uniffi::remote(Enum)]
pub enum BudgetLevel {
    Account,
    Category,
    Section,
    Total,
}

/// One row of a cost report, in the base currency. `final_budget = budget +
/// approved_overages`, `total_cost = actual_to_date + commitments`,
/// `estimated_final_cost = total_cost + estimate_to_complete`, `variance =
/// final_budget - estimated_final_cost` (negative = over budget). `code` is
/// the account or category code, the section's name (`production`) or
/// `TOTAL`; `parent` the code of the row it rolls up into (empty for the
/// total).
#[uniffi::remote(Record)]
pub struct CostReportRow {
    pub level: BudgetLevel,
    pub code: String,
    pub name: String,
    pub parent: String,
    pub budget: Amount,
    pub approved_overages: Amount,
    pub final_budget: Amount,
    pub this_period: Amount,
    pub actual_to_date: Amount,
    pub commitments: Amount,
    pub total_cost: Amount,
    pub estimate_to_complete: Amount,
    pub estimated_final_cost: Amount,
    pub variance: Amount,
}

/// Why an account is flagged on a cost report.
#[uniffi::remote(Enum)]
pub enum CostAlertKind {
    OverBudget,
    NearBudget,
}

/// An account that needs attention.
#[uniffi::remote(Record)]
pub struct CostAlert {
    pub account: AccountCode,
    pub kind: CostAlertKind,
    pub message: String,
}

/// What a cost report covers: entries up to `as_of`, the period from
/// `period_start` (default: the week ending `as_of`), alerts when an
/// account's total cost reaches `alert_percent` of its final budget
/// (default 90).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CostReportOptions {
    /// The report date: entries dated after it are left out.
    pub as_of: CivilDate,
    /// First day of the period (default: six days before `as_of`).
    #[uniffi(default = None)]
    pub period_start: Option<CivilDate>,
    /// Alert percentage (default 90).
    #[uniffi(default = None)]
    pub alert_percent: Option<Amount>,
}

impl CostReportOptions {
    fn core(&self) -> callsheet::budget::CostReportOptions {
        let mut options = callsheet::budget::CostReportOptions::as_of(self.as_of);
        options.period_start = self.period_start;
        if let Some(percent) = self.alert_percent {
            options.alert_percent = percent;
        }
        options
    }
}

/// A cost report as of a date, in the base currency: every row in print
/// order (each category's accounts then the category, each section after
/// its categories, the `TOTAL` row last) and the alerts.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CostReport {
    /// Base currency.
    pub currency: CurrencyCode,
    /// Report date.
    pub as_of: CivilDate,
    /// First day of the period.
    pub period_start: CivilDate,
    /// Every row, in print order; the last is the total.
    pub rows: Vec<CostReportRow>,
    /// The whole production (before contingency and other markups): the
    /// same as the last row.
    pub total: CostReportRow,
    /// Accounts over budget or near it, in chart order.
    pub alerts: Vec<CostAlert>,
}

impl From<&callsheet::budget::CostReport> for CostReport {
    fn from(report: &callsheet::budget::CostReport) -> Self {
        Self {
            currency: report.currency,
            as_of: report.as_of,
            period_start: report.period_start,
            rows: report.rows().into_iter().cloned().collect(),
            total: report.total.clone(),
            alerts: report.alerts.clone(),
        }
    }
}

/// One row of a comparison: a total before, after and the difference.
#[uniffi::remote(Record)]
pub struct BudgetDelta {
    pub level: BudgetLevel,
    pub code: String,
    pub name: String,
    pub before: Amount,
    pub after: Amount,
    pub delta: Amount,
}

/// A global whose value differs between two budgets (`None`: absent there).
#[uniffi::remote(Record)]
pub struct GlobalDelta {
    pub name: String,
    pub before: Option<Amount>,
    pub after: Option<Amount>,
}

/// Two budgets compared at every level: every account, category, section
/// and markup row (changed or not), the grand total, and the globals whose
/// values differ.
#[uniffi::remote(Record)]
pub struct BudgetComparison {
    pub currency: CurrencyCode,
    pub accounts: Vec<BudgetDelta>,
    pub categories: Vec<BudgetDelta>,
    pub sections: Vec<BudgetDelta>,
    pub markups: Vec<BudgetDelta>,
    pub grand_total: BudgetDelta,
    pub globals: Vec<GlobalDelta>,
}

/// One problem in an imported CSV file: the spreadsheet row (the header is
/// row 1; 0 for the file as a whole), the column header as written in the
/// file (empty for a whole row) and what is wrong.
#[uniffi::remote(Record)]
pub struct CsvProblem {
    pub row: u64,
    pub column: String,
    pub message: String,
}

impl Production {
    fn totals(&self) -> Result<BudgetTotals, CallsheetError> {
        Ok(self.snapshot().budget_totals()?)
    }

    fn core_cost_report(
        &self,
        options: &CostReportOptions,
    ) -> Result<callsheet::budget::CostReport, CallsheetError> {
        Ok(self.snapshot().cost_report(&options.core())?)
    }
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

#[uniffi::export]
impl Production {
    /// The budget's topsheet: categories, sections, markups and grand total,
    /// with accounts, fringes and globals.
    ///
    /// # Errors
    /// `Invalid` listing every budget problem with its path
    /// (`budget.lines[12].amount: unknown global "SHOT_DAYS"`).
    pub fn budget_topsheet(&self) -> Result<Topsheet, CallsheetError> {
        guard(|| Ok(self.totals()?.into()))
    }

    /// The topsheet as fixed-width text.
    ///
    /// # Errors
    /// As `budgetTopsheet`.
    pub fn topsheet_text(&self) -> Result<String, CallsheetError> {
        guard(|| Ok(self.totals()?.topsheet_text()))
    }

    /// The topsheet as CSV (CRLF line ends, plain numbers).
    ///
    /// # Errors
    /// As `budgetTopsheet`.
    pub fn topsheet_csv(&self) -> Result<String, CallsheetError> {
        guard(|| Ok(self.totals()?.topsheet_csv()))
    }

    /// The topsheet as an XLSX workbook (numbers as numbers, money format).
    ///
    /// # Errors
    /// As `budgetTopsheet`.
    pub fn topsheet_xlsx(&self) -> Result<Vec<u8>, CallsheetError> {
        guard(|| Ok(self.totals()?.topsheet_xlsx()?))
    }

    /// Writes the topsheet to `path` atomically, in the format its extension
    /// names (`.csv`, `.xlsx`, `.txt`).
    ///
    /// # Errors
    /// As `budgetTopsheet`; `Invalid` (path `path`) for another extension;
    /// `File` if writing fails (the previous file is untouched).
    pub fn export_topsheet(&self, path: String) -> Result<(), CallsheetError> {
        guard(|| Ok(self.totals()?.export_topsheet(&path)?))
    }

    /// The cost report as of `options.asOf`.
    ///
    /// # Errors
    /// `Invalid` listing every budget and ledger problem with its path.
    pub fn cost_report(&self, options: CostReportOptions) -> Result<CostReport, CallsheetError> {
        guard(|| Ok(CostReport::from(&self.core_cost_report(&options)?)))
    }

    /// The cost report as CSV: one row per report row (level, code, name,
    /// the ten money columns as plain numbers).
    ///
    /// # Errors
    /// As `costReport`.
    pub fn cost_report_csv(&self, options: CostReportOptions) -> Result<String, CallsheetError> {
        guard(|| Ok(self.core_cost_report(&options)?.to_csv()))
    }

    /// The cost report as fixed-width text, alerts at the end.
    ///
    /// # Errors
    /// As `costReport`.
    pub fn cost_report_text(&self, options: CostReportOptions) -> Result<String, CallsheetError> {
        guard(|| Ok(self.core_cost_report(&options)?.to_text()))
    }

    /// The cost report as an XLSX workbook ("Cost report" and "Alerts" sheets).
    ///
    /// # Errors
    /// As `costReport`.
    pub fn cost_report_xlsx(&self, options: CostReportOptions) -> Result<Vec<u8>, CallsheetError> {
        guard(|| Ok(self.core_cost_report(&options)?.to_xlsx()?))
    }

    /// Writes the cost report to `path` atomically, in the format its
    /// extension names (`.csv`, `.xlsx`, `.txt`).
    ///
    /// # Errors
    /// As `costReport`; `Invalid` (path `path`) for another extension;
    /// `File` if writing fails (the previous file is untouched).
    pub fn export_cost_report(
        &self,
        path: String,
        options: CostReportOptions,
    ) -> Result<(), CallsheetError> {
        guard(|| Ok(self.core_cost_report(&options)?.export(&path)?))
    }

    /// Adds the transactions of an accountant's CSV to the ledger: every row
    /// or none. Columns are found by header name: `id`, `account`, `date`,
    /// `amount` required; `kind`, `currency`, `purchase order`,
    /// `description` optional. Returns how many transactions were added.
    ///
    /// # Errors
    /// `CsvImport` with every problem (row and column); `Invalid` if the
    /// result would not validate. Either way the production is unchanged.
    pub fn import_transactions_csv(&self, text: String) -> Result<u64, CallsheetError> {
        guard(|| {
            let added = self.handle().update(|p| p.import_transactions_csv(&text))?;
            Ok(count(added))
        })
    }

    /// Replaces the budget's detail lines with a budget CSV's: every row or
    /// none. Columns: `account`, `description`, `amount` (a number or a
    /// formula over the globals), `unit`, `rate` required; `multiplier`,
    /// `currency`, `fringes`, `person` optional. Returns how many lines were
    /// read.
    ///
    /// # Errors
    /// `CsvImport` with every problem (row and column); `Invalid` if the
    /// result would not validate. Either way the production is unchanged.
    pub fn import_budget_csv(&self, text: String) -> Result<u64, CallsheetError> {
        guard(|| {
            let read = self.handle().update(|p| p.import_budget_csv(&text))?;
            Ok(count(read))
        })
    }
}

/// Compares the budgets of two productions (two budget versions, or the
/// schedule before and after a change: schedule-linked globals are re-read
/// from each) account by account, category by category, section by
/// section, with markups and the grand total. Accounts and categories
/// follow `after`'s chart order, then those only `before` has.
///
/// This is the core's `budget_delta`, which totals both budgets and runs
/// `compare_budgets` on them; the binding has this one function for both.
///
/// # Errors
/// `Invalid` with either budget's problems, or (path `currency`) when the
/// two productions are in different currencies.
#[uniffi::export]
pub fn compare_budgets(
    before: Arc<Production>,
    after: Arc<Production>,
) -> Result<BudgetComparison, CallsheetError> {
    guard(|| {
        Ok(callsheet::budget::budget_delta(
            &before.snapshot(),
            &after.snapshot(),
        )?)
    })
}

/// The standard feature-film chart of accounts that ships with callsheet:
/// 37 categories from `1100 Story & Rights` to `7500 Fees`, 175 accounts.
///
/// # Errors
/// Only `Internal`.
#[uniffi::export]
pub fn standard_feature_chart() -> Result<ChartOfAccounts, CallsheetError> {
    guard(|| Ok(Chart::standard_feature().into()))
}

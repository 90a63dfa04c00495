//! Budget and ledger data: chart of accounts, detail lines, globals,
//! fringes, purchase orders and actual costs.
//!
//! This module holds the data model and the budget engine:
//! [`budget_totals`] evaluates every detail line (amounts may be
//! [`Formula`]s over the globals), converts foreign-currency lines at the
//! [`ExchangeRate`] table, applies fringes with per-person caps and rolls the
//! result up to accounts, categories, topsheet sections, contingency and the
//! grand total ([`BudgetTotals`]). Cost reports come later.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{AccountCode, CurrencyCode, LocationId, Money, PersonId, UnitId, exact_decimal};

mod chart;
mod compare;
mod cost_report;
mod engine;
mod formula;
mod globals;
mod link;
mod sheets;

pub use chart::{Chart, ChartError};
pub use compare::{BudgetComparison, BudgetDelta, GlobalDelta, budget_delta, compare_budgets};
pub use cost_report::{
    BudgetLevel, CostAlert, CostAlertKind, CostReport, CostReportOptions, CostReportRow,
    cost_report, cost_report_with,
};
pub use engine::{
    AccountTotal, BudgetError, BudgetTotals, CategoryTotal, FringeTotal, LineFringe, LineTotal,
    SectionTotal, TopsheetLevel, TopsheetRow, budget_summary, budget_totals, budget_totals_as_of,
};
pub use formula::{Formula, FormulaError};
pub use globals::GlobalValue;
pub(crate) use globals::global_problems;
pub use sheets::{
    CsvError, CsvProblem, ExportError, ReportFormat, parse_budget_csv, parse_transactions_csv,
};

/// The newest rate of `currency` into `base` in `rates`, fixed on or before
/// `as_of` when given.
pub(crate) fn rate_on(
    rates: &[ExchangeRate],
    base: CurrencyCode,
    currency: CurrencyCode,
    as_of: Option<NaiveDate>,
) -> Result<&ExchangeRate, String> {
    rates
        .iter()
        .filter(|r| r.currency == currency && as_of.is_none_or(|d| r.as_of <= d))
        .max_by_key(|r| r.as_of)
        .ok_or_else(|| match as_of {
            Some(d) => {
                format!(
                    "no exchange rate from {currency} to {base} on or before {d} in budget.rates"
                )
            }
            None => format!("no exchange rate from {currency} to {base} in budget.rates"),
        })
}

/// Where a category sits on the topsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetSection {
    /// Above the line: story, producers, director, cast.
    AboveTheLine,
    /// Below the line: production (shoot) costs.
    Production,
    /// Below the line: post-production.
    Post,
    /// Other: publicity, insurance, overhead, fees.
    Other,
}

/// A topsheet category such as `1100 Story & Rights` or `3300 Camera`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetCategory {
    /// Category code (`"3300"`).
    pub code: AccountCode,
    /// Name (`"Camera"`).
    pub name: String,
    /// Topsheet section.
    pub section: BudgetSection,
}

/// An account within a category, such as `3301 Director of Photography`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Account code (`"3301"`).
    pub code: AccountCode,
    /// Name.
    pub name: String,
    /// The category it belongs to.
    pub category: AccountCode,
}

/// The unit a detail line's amount is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateUnit {
    /// A lump allowance.
    Allow,
    /// A flat fee.
    Flat,
    /// Hours.
    Hours,
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
}

/// One detail line: `amount × multiplier × rate`, e.g. `6 Weeks × 1 × $4,500`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetailLine {
    /// The account the line belongs to.
    pub account: AccountCode,
    /// Description ("Director of Photography - shoot").
    pub description: String,
    /// Quantity of `unit`: a number, the name of a global (`"SHOOT_WEEKS"`)
    /// or a [`Formula`] over numbers and globals (`"SHOOT_WEEKS + PREP_WEEKS"`).
    pub amount: String,
    /// What `amount` counts.
    pub unit: RateUnit,
    /// Multiplier (people, episodes); usually 1.
    #[serde(
        default = "one",
        skip_serializing_if = "is_one",
        with = "exact_decimal"
    )]
    pub multiplier: Decimal,
    /// Rate per unit, in the line's currency.
    pub rate: Money,
    /// Fringes applied to this line (by fringe id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fringes: Vec<String>,
    /// The person paid by this line, for fringe caps across lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
}

fn one() -> Decimal {
    Decimal::ONE
}

fn is_one(value: &Decimal) -> bool {
    *value == Decimal::ONE
}

/// A named value used in detail lines (`SHOOT_DAYS = 30`).
///
/// Its value is a number or a [`Formula`] over other globals
/// (`"SHOOT_DAYS / 5"`), or it is fed by the schedule through `link`.
/// Globals may refer to each other in any order; a cycle is an error that
/// names every global on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Global {
    /// Name: letters, digits and `_`, not starting with a digit; upper case by
    /// convention.
    pub name: String,
    /// A number (`"30"`) or a formula (`"SHOOT_DAYS / 5"`). Must be empty
    /// when `link` is set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// The schedule figure this global follows, if any: the budget then
    /// updates whenever the schedule changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<ScheduleLink>,
    /// What it means.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A schedule figure a [`Global`] follows.
///
/// Serialised as `"shoot_days"` or, with an id, `{"work_days": "P01"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleLink {
    /// Distinct civil dates (in the production's zone) with a confirmed or
    /// held shoot day, over all units.
    ShootDays,
    /// `ShootDays` ÷ the budget's days per week.
    ShootWeeks,
    /// Shoot days of one shooting unit.
    UnitShootDays(UnitId),
    /// Shoot days at one location.
    LocationShootDays(LocationId),
    /// A person's work days, from the day-out-of-days.
    WorkDays(PersonId),
    /// A person's hold days, from the day-out-of-days.
    HoldDays(PersonId),
    /// A person's travel days, from the day-out-of-days.
    TravelDays(PersonId),
    /// A person's paid days (work + hold + travel + rehearsal + fitting).
    PaidDays(PersonId),
    /// Room-nights the production's hotel allocation uses
    /// ([`allocate_rooms`](crate::logistics::allocate_rooms) with
    /// `logistics.rooming`): each occupied room once per night, however
    /// many share it.
    HotelRoomNights,
    /// What the production's hotel allocation costs (the rooms in use, as
    /// for [`ScheduleLink::HotelRoomNights`]), in the base currency at the
    /// budget's rate table.
    HotelCost,
    /// The cost of every labor-rule violation the conflict engine finds
    /// (meal penalties, turnaround, overtime), in the base currency.
    RuleViolationCost,
}

/// A fringe: a percentage of labor (payroll taxes, union pension and
/// health) or a flat amount per unit worked (a union's daily health
/// contribution).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fringe {
    /// Id used by detail lines (`"FICA"`).
    pub id: String,
    /// Name ("Social Security").
    pub name: String,
    /// Percentage of the line's labor (6.2 for 6.2 %); 0 for a flat fringe.
    #[serde(
        default,
        skip_serializing_if = "Decimal::is_zero",
        with = "exact_decimal"
    )]
    pub percent: Decimal,
    /// A flat amount per unit of the line instead of a percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat: Option<FlatFringe>,
    /// Cap on wages subject to a percentage fringe, per person over the
    /// production (a line without a person is its multiplier's number of
    /// people, each paid `amount × rate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wage_cap: Option<Money>,
}

/// A flat fringe: `amount` per `per` of the line (per hour, day, week…),
/// counted through the budget's [`UnitEquivalences`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlatFringe {
    /// Amount per unit.
    pub amount: Money,
    /// The unit (`hours`, `days`, `weeks`, `months`, or `flat` for once per
    /// line and person).
    pub per: RateUnit,
}

/// How many of one unit make the next: used to count a line's days when a
/// flat fringe is per day but the line is in weeks, and by
/// [`ScheduleLink::ShootWeeks`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEquivalences {
    /// Hours in a day (default 10).
    #[serde(with = "exact_decimal")]
    pub hours_per_day: Decimal,
    /// Days in a week (default 5).
    #[serde(with = "exact_decimal")]
    pub days_per_week: Decimal,
    /// Weeks in a month (default 4.33).
    #[serde(with = "exact_decimal")]
    pub weeks_per_month: Decimal,
}

impl Default for UnitEquivalences {
    fn default() -> Self {
        Self {
            hours_per_day: Decimal::TEN,
            days_per_week: Decimal::from(5),
            weeks_per_month: Decimal::new(433, 2),
        }
    }
}

impl UnitEquivalences {
    /// `quantity` of `from` expressed in `to`, or `None` when either is a
    /// lump unit (`allow`, `flat`) and they differ.
    pub fn convert(&self, quantity: Decimal, from: RateUnit, to: RateUnit) -> Option<Decimal> {
        if from == to {
            return Some(quantity);
        }
        let hours = |unit: RateUnit| -> Option<Decimal> {
            let day = self.hours_per_day;
            let week = day.checked_mul(self.days_per_week)?;
            match unit {
                RateUnit::Hours => Some(Decimal::ONE),
                RateUnit::Days => Some(day),
                RateUnit::Weeks => Some(week),
                RateUnit::Months => week.checked_mul(self.weeks_per_month),
                RateUnit::Allow | RateUnit::Flat => None,
            }
        };
        let (f, t) = (hours(from)?, hours(to)?);
        if t.is_zero() {
            return None;
        }
        quantity.checked_mul(f)?.checked_div(t)
    }

    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Where fringes post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FringePosting {
    /// To the line's own account (the default).
    #[default]
    Account,
    /// To the line's category's `xx99` account (`3300 Camera` → `3399`),
    /// which must exist in the chart.
    CategoryXx99,
    /// To one fringe account per topsheet section (`1900` above the line,
    /// `4900` production, `5900` post, `6900` other), each in the chart.
    SectionAccounts(SectionFringeAccounts),
}

/// The fringe account of each topsheet section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFringeAccounts {
    /// Above-the-line fringe account.
    pub above_the_line: AccountCode,
    /// Production fringe account.
    pub production: AccountCode,
    /// Post-production fringe account.
    pub post: AccountCode,
    /// Other fringe account.
    pub other: AccountCode,
}

impl FringePosting {
    fn is_default(&self) -> bool {
        *self == Self::Account
    }
}

/// A dated exchange rate into the production's base currency.
///
/// One unit of `currency` is worth `rate_to_base` units of the base
/// currency (`Production::currency`) from `as_of` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    /// The foreign currency.
    pub currency: CurrencyCode,
    /// Units of the base currency per unit of `currency` (`1.27` for GBP → USD).
    #[serde(with = "exact_decimal")]
    pub rate_to_base: Decimal,
    /// The date the rate was fixed.
    pub as_of: NaiveDate,
}

/// The production's budget.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Topsheet categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<BudgetCategory>,
    /// Accounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<Account>,
    /// Detail lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<DetailLine>,
    /// Globals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub globals: Vec<Global>,
    /// Fringes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fringes: Vec<Fringe>,
    /// Where fringes post (default: each line's own account).
    #[serde(default, skip_serializing_if = "FringePosting::is_default")]
    pub fringe_posting: FringePosting,
    /// Unit equivalences (default: 10 hours a day, 5 days a week, 4.33
    /// weeks a month).
    #[serde(default, skip_serializing_if = "UnitEquivalences::is_default")]
    pub units: UnitEquivalences,
    /// Contingency as a percentage of the total above and below the line.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "exact_decimal::option"
    )]
    pub contingency_percent: Option<Decimal>,
    /// Overhead as a percentage of the total above and below the line.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "exact_decimal::option"
    )]
    pub overhead_percent: Option<Decimal>,
    /// Completion bond fee as a percentage of the total above and below the
    /// line plus contingency.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "exact_decimal::option"
    )]
    pub completion_bond_percent: Option<Decimal>,
    /// Exchange rates into the base currency, for lines in other currencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<ExchangeRate>,
}

impl Budget {
    /// True when the budget has no content.
    pub fn is_empty(&self) -> bool {
        *self == Budget::default()
    }
}

/// A purchase order: money committed to a vendor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseOrder {
    /// PO number.
    pub id: String,
    /// Vendor name.
    pub vendor: String,
    /// Account charged.
    pub account: AccountCode,
    /// Date issued.
    pub date: NaiveDate,
    /// Committed value.
    pub amount: Money,
    /// What it is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Closed on this date: from then on nothing of it stays committed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
}

/// An approved change to an account's budget (the locked budget itself is
/// never edited): final budget = budget + approved overages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovedOverage {
    /// Account.
    pub account: AccountCode,
    /// Date approved.
    pub date: NaiveDate,
    /// Amount (negative for a saving moved elsewhere).
    pub amount: Money,
    /// Why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The accountant's estimate of what an account still needs beyond what is
/// spent and committed, as of a date. The newest estimate on or before a
/// report date wins; without one the report assumes the rest of the final
/// budget (never below zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostEstimate {
    /// Account.
    pub account: AccountCode,
    /// Date the estimate was made.
    pub date: NaiveDate,
    /// Estimate to complete.
    pub amount: Money,
    /// Why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How an actual cost was incurred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransactionKind {
    /// An invoice, usually against a purchase order.
    Invoice,
    /// Petty cash.
    PettyCash,
    /// Payroll.
    Payroll,
    /// A journal entry or adjustment.
    Journal,
}

/// An actual cost posted to an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// Transaction reference.
    pub id: String,
    /// Kind.
    pub kind: TransactionKind,
    /// Account charged.
    pub account: AccountCode,
    /// Posting date.
    pub date: NaiveDate,
    /// Amount.
    pub amount: Money,
    /// The purchase order it draws on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// Purchase orders and actual costs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Purchase orders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purchase_orders: Vec<PurchaseOrder>,
    /// Actual costs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transactions: Vec<Transaction>,
    /// Approved overages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overages: Vec<ApprovedOverage>,
    /// Estimates to complete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimates: Vec<CostEstimate>,
}

impl Ledger {
    /// True when the ledger has no entries.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

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

use crate::model::{AccountCode, CurrencyCode, Money, PersonId, exact_decimal};

mod engine;
mod formula;

pub use engine::{
    AccountTotal, BudgetError, BudgetTotals, CategoryTotal, FringeTotal, LineFringe, LineTotal,
    SectionTotal, budget_totals, budget_totals_as_of,
};
pub use formula::{Formula, FormulaError};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Global {
    /// Name, upper case by convention.
    pub name: String,
    /// Value.
    #[serde(with = "exact_decimal")]
    pub value: Decimal,
    /// What it means.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A fringe: a percentage of labor (payroll taxes, union pension and health).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fringe {
    /// Id used by detail lines (`"FICA"`).
    pub id: String,
    /// Name ("Social Security").
    pub name: String,
    /// Percentage of the line's labor (6.2 for 6.2 %).
    #[serde(with = "exact_decimal")]
    pub percent: Decimal,
    /// Cap on wages subject to the fringe, per person over the production.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wage_cap: Option<Money>,
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
    /// Contingency as a percentage of the total before contingency.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "exact_decimal::option"
    )]
    pub contingency_percent: Option<Decimal>,
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
}

impl Ledger {
    /// True when the ledger has no entries.
    pub fn is_empty(&self) -> bool {
        self.purchase_orders.is_empty() && self.transactions.is_empty()
    }
}

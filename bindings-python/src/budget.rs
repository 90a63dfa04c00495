//! Python views of the budget engine: the topsheet, the cost report, budget
//! comparisons and schedule deltas.
//!
//! `Budget` is a snapshot of one version of a production; its totals are
//! computed on first use (with the GIL released) and kept. The report
//! classes keep the core result and convert on access; money is
//! `decimal.Decimal`, exact, in the production's base currency.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rust_decimal::Decimal;

use callsheet::budget::{self, BudgetError, BudgetSection, BudgetTotals, CostReportOptions};

use crate::comms::civil_date;
use crate::errors::{budget_error, export_error, invalid, pandas, run_detached};
use crate::model::label;
use crate::production::Production;

/// The section code the topsheet and the cost report write.
fn section_code(section: BudgetSection) -> &'static str {
    match section {
        BudgetSection::AboveTheLine => "above_the_line",
        BudgetSection::Production => "production",
        BudgetSection::Post => "post",
        BudgetSection::Other => "other",
    }
}

/// A `{name: value}` dict of globals, in file order.
fn globals_dict<'py>(py: Python<'py>, totals: &BudgetTotals) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for g in &totals.globals {
        dict.set_item(&g.name, g.value)?;
    }
    Ok(dict)
}

/// A DataFrame of `records` with `columns` in order.
fn frame<'py>(
    py: Python<'py>,
    records: Bound<'py, PyList>,
    columns: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = pandas(py)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", columns.to_vec())?;
    pandas.getattr("DataFrame")?.call((records,), Some(&kwargs))
}

/// A report file's contents as Python `bytes`.
fn bytes<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
    PyBytes::new(py, data)
}

// ------------------------------------------------------------------ Budget

/// A production's budget, as of one version of the production (a snapshot:
/// later changes to the `Production` do not show here; read
/// `Production.budget` again).
///
/// The totals are computed on first use and kept, so keep the object to ask
/// several questions of the same version. Every method raises
/// `ValidationError` listing every budget problem with its path
/// (`budget.lines[12].amount: unknown global "SHOT_DAYS"`) when the budget
/// cannot be totalled.
#[pyclass(frozen, module = "callsheet._callsheet")]
#[derive(Debug)]
pub struct Budget {
    production: Arc<callsheet::Production>,
    totals: OnceLock<Result<Arc<BudgetTotals>, BudgetError>>,
}

impl Budget {
    /// The budget of `production`.
    pub fn new(production: Arc<callsheet::Production>) -> Self {
        Self {
            production,
            totals: OnceLock::new(),
        }
    }

    /// The totals, computed once (with the GIL released). Without the
    /// per-line detail, which nothing here shows: the topsheet, cost
    /// report, globals and comparisons need only the roll-up, and the
    /// summary takes about half the time of the full totals.
    fn totals(&self, py: Python<'_>) -> PyResult<Arc<BudgetTotals>> {
        let result = match self.totals.get() {
            Some(result) => result,
            None => run_detached(py, || {
                self.totals
                    .get_or_init(|| budget::budget_summary(&self.production).map(Arc::new))
            })?,
        };
        result.clone().map_err(budget_error)
    }

    fn report(
        &self,
        py: Python<'_>,
        options: &CostReportOptions,
    ) -> PyResult<Arc<budget::CostReport>> {
        let totals = self.totals(py)?;
        let production = Arc::clone(&self.production);
        run_detached(py, move || {
            budget::cost_report_with(&production, &totals, options)
        })?
        .map(Arc::new)
        .map_err(budget_error)
    }
}

/// The options of a cost report, checked.
pub fn report_options(
    as_of: &Bound<'_, PyAny>,
    period_start: Option<&Bound<'_, PyAny>>,
    alert_percent: Decimal,
) -> PyResult<CostReportOptions> {
    let mut options = CostReportOptions::as_of(civil_date(as_of, "as_of")?);
    if let Some(start) = period_start {
        let start = civil_date(start, "period_start")?;
        if start > options.as_of {
            return Err(invalid(
                "period_start",
                format!("{start} is after as_of ({})", options.as_of),
            ));
        }
        options.period_start = Some(start);
    }
    if alert_percent.is_sign_negative() {
        return Err(invalid("alert_percent", "must not be negative"));
    }
    options.alert_percent = alert_percent;
    Ok(options)
}

/// Builds the cost report of `production` and writes it to `path`.
pub fn export_cost_report(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    path: PathBuf,
    options: CostReportOptions,
) -> PyResult<()> {
    let report = Budget::new(production).report(py, &options)?;
    run_detached(py, move || report.export(&path))?.map_err(export_error)
}

#[pymethods]
impl Budget {
    /// The base currency every amount is in (ISO 4217 code).
    #[getter]
    fn currency(&self) -> &'static str {
        self.production.currency.code()
    }

    /// Every global's value as used: `{name: Decimal}` in file order
    /// (schedule-linked globals as the schedule gives them).
    #[getter]
    fn globals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let totals = self.totals(py)?;
        globals_dict(py, &totals)
    }

    /// The topsheet: categories, sections, markups and the grand total.
    fn topsheet(&self, py: Python<'_>) -> PyResult<Topsheet> {
        Ok(Topsheet {
            inner: self.totals(py)?,
        })
    }

    /// The cost report as of `as_of` (a `datetime.date`): per account,
    /// category, section and in total, the budget, approved overages, final
    /// budget, this period, actual to date, commitments, total cost,
    /// estimate to complete, estimated final cost and variance.
    ///
    /// The period runs from `period_start` (default: six days before
    /// `as_of`, the week ending `as_of`) to `as_of`. Accounts whose total
    /// cost reaches `alert_percent` (default `Decimal("90")`) of their final
    /// budget, or whose estimated final cost is over it, are in `alerts`.
    /// Ledger problems (unknown accounts, missing exchange rates) raise
    /// `ValidationError` with their paths.
    #[pyo3(signature = (as_of, *, period_start=None, alert_percent=Decimal::from(90)),
        text_signature = "($self, as_of, *, period_start=None, alert_percent=90)")]
    fn cost_report(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyAny>,
        period_start: Option<&Bound<'_, PyAny>>,
        alert_percent: Decimal,
    ) -> PyResult<CostReport> {
        let options = report_options(as_of, period_start, alert_percent)?;
        Ok(CostReport {
            inner: self.report(py, &options)?,
        })
    }

    /// Writes the topsheet to `path` in the format its extension names
    /// (`.csv`, `.xlsx` or `.txt`), atomically.
    fn export_topsheet(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let totals = self.totals(py)?;
        run_detached(py, move || totals.export_topsheet(&path))?.map_err(export_error)
    }

    fn __repr__(&self) -> String {
        let p = &self.production;
        format!(
            "<Budget {:?}: {} lines, {} accounts, {} transactions, {}>",
            p.name,
            p.budget.lines.len(),
            p.budget.accounts.len(),
            p.ledger.transactions.len(),
            p.currency.code()
        )
    }
}

// ---------------------------------------------------------------- Topsheet

/// One row of the topsheet: a category, a section subtotal or a total line.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct TopsheetRow {
    /// `"category"`, `"section"` or `"total"`.
    pub level: String,
    /// Category code (`"3300"`), section (`"production"`) or total
    /// (`"above_the_line"`, `"below_the_line"`, `"before_markups"`,
    /// `"contingency"`, `"overhead"`, `"completion_bond"`, `"grand_total"`).
    pub code: String,
    /// Name (`"Camera"`, `"Total production"`, `"Contingency 10%"`).
    pub name: String,
    /// The section of a category or section row; `None` for totals.
    pub section: Option<String>,
    /// A category's lines before fringes; `None` for other rows.
    pub lines: Option<Decimal>,
    /// A category's fringes; `None` for other rows.
    pub fringes: Option<Decimal>,
    /// The amount.
    pub total: Decimal,
}

#[pymethods]
impl TopsheetRow {
    fn __repr__(&self) -> String {
        format!(
            "TopsheetRow(level={:?}, code={:?}, name={:?}, total=Decimal('{}'))",
            self.level, self.code, self.name, self.total
        )
    }

    /// The row as a dict: `level`, `code`, `name`, `section`, `lines`,
    /// `fringes`, `total`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("level", &self.level)?;
        d.set_item("code", &self.code)?;
        d.set_item("name", &self.name)?;
        d.set_item("section", &self.section)?;
        d.set_item("lines", self.lines)?;
        d.set_item("fringes", self.fringes)?;
        d.set_item("total", self.total)?;
        Ok(d)
    }
}

const TOPSHEET_KEYS: [&str; 7] = [
    "level", "code", "name", "section", "lines", "fringes", "total",
];

impl From<budget::TopsheetRow> for TopsheetRow {
    fn from(r: budget::TopsheetRow) -> Self {
        TopsheetRow {
            level: r.level.code().into(),
            code: r.code,
            name: r.name,
            section: r.section.map(|s| section_code(s).into()),
            lines: r.lines,
            fringes: r.fringes,
            total: r.total,
        }
    }
}

/// Every topsheet row in print order (the core's, as Python rows).
fn topsheet_rows(t: &BudgetTotals) -> Vec<TopsheetRow> {
    t.topsheet_rows()
        .into_iter()
        .map(TopsheetRow::from)
        .collect()
}

/// The topsheet rows of one level.
fn rows_of(t: &BudgetTotals, keep: impl Fn(&budget::TopsheetRow) -> bool) -> Vec<TopsheetRow> {
    t.topsheet_rows()
        .into_iter()
        .filter(keep)
        .map(TopsheetRow::from)
        .collect()
}

const MARKUPS: [&str; 3] = ["contingency", "overhead", "completion_bond"];

/// A budget's topsheet: each category's lines, fringes and total, the
/// section subtotals, markups (contingency, overhead, completion bond) and
/// the grand total, in the production's base currency. Every parent is
/// exactly the sum of its children.
///
/// Iterating gives the `TopsheetRow`s in print order; `rows()` gives them as
/// dicts.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, PartialEq)]
pub struct Topsheet {
    inner: Arc<BudgetTotals>,
}

#[pymethods]
impl Topsheet {
    /// The base currency (ISO 4217 code).
    #[getter]
    fn currency(&self) -> &'static str {
        self.inner.currency.code()
    }

    /// The categories, in chart order.
    #[getter]
    fn categories(&self) -> Vec<TopsheetRow> {
        rows_of(&self.inner, |r| r.level == budget::TopsheetLevel::Category)
    }

    /// The four sections (above the line, production, post, other).
    #[getter]
    fn sections(&self) -> Vec<TopsheetRow> {
        rows_of(&self.inner, |r| r.level == budget::TopsheetLevel::Section)
    }

    /// The markups as printed: contingency, then overhead and completion
    /// bond when the budget has them.
    #[getter]
    fn markups(&self) -> Vec<TopsheetRow> {
        rows_of(&self.inner, |r| {
            r.level == budget::TopsheetLevel::Total && MARKUPS.contains(&r.code.as_str())
        })
    }

    /// The category with this code, or `None`.
    fn category(&self, code: &str) -> Option<TopsheetRow> {
        rows_of(&self.inner, |r| {
            r.level == budget::TopsheetLevel::Category && r.code == code
        })
        .pop()
    }

    /// Total above the line.
    #[getter]
    fn above_the_line(&self) -> Decimal {
        self.inner.above_the_line
    }

    /// Total below the line (production + post + other).
    #[getter]
    fn below_the_line(&self) -> Decimal {
        self.inner.below_the_line
    }

    /// Total above and below the line, before markups.
    #[getter]
    fn total_before_markups(&self) -> Decimal {
        self.inner.total_before_contingency
    }

    /// Contingency percentage (0 without one).
    #[getter]
    fn contingency_percent(&self) -> Decimal {
        self.inner.contingency_percent
    }

    /// Contingency.
    #[getter]
    fn contingency(&self) -> Decimal {
        self.inner.contingency
    }

    /// Overhead.
    #[getter]
    fn overhead(&self) -> Decimal {
        self.inner.overhead
    }

    /// Completion bond.
    #[getter]
    fn completion_bond(&self) -> Decimal {
        self.inner.completion_bond
    }

    /// The grand total: before markups + contingency + overhead + bond.
    #[getter]
    fn grand_total(&self) -> Decimal {
        self.inner.grand_total
    }

    /// Every global's value as used: `{name: Decimal}` in file order.
    #[getter]
    fn globals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        globals_dict(py, &self.inner)
    }

    /// Every row in print order as a dict: `level` (`"category"`,
    /// `"section"`, `"total"`), `code`, `name`, `section`, `lines` and
    /// `fringes` (categories only, else `None`) and `total`.
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for row in topsheet_rows(&self.inner) {
            list.append(row.to_dict(py)?)?;
        }
        Ok(list)
    }

    /// The rows as a `pandas.DataFrame` (money as `Decimal`). Needs pandas,
    /// imported on first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, self.rows(py)?, &TOPSHEET_KEYS)
    }

    /// The topsheet as fixed-width text.
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        let t = Arc::clone(&self.inner);
        run_detached(py, move || t.topsheet_text())
    }

    /// The topsheet as CSV (plain numbers, CRLF line ends).
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        let t = Arc::clone(&self.inner);
        run_detached(py, move || t.topsheet_csv())
    }

    /// The topsheet as an XLSX workbook (numbers stored as numbers).
    fn to_xlsx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let t = Arc::clone(&self.inner);
        let data = run_detached(py, move || t.topsheet_xlsx())?.map_err(export_error)?;
        Ok(bytes(py, &data))
    }

    /// Writes the topsheet to `path` in the format its extension names
    /// (`.csv`, `.xlsx` or `.txt`), atomically.
    fn export(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let t = Arc::clone(&self.inner);
        run_detached(py, move || t.export_topsheet(&path))?.map_err(export_error)
    }

    fn __len__(&self) -> usize {
        topsheet_rows(&self.inner).len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, topsheet_rows(&self.inner))?
            .try_iter()?
            .into_any())
    }

    fn __repr__(&self) -> String {
        format!(
            "<Topsheet: {} categories, grand total {} {}>",
            self.inner.categories.len(),
            self.inner.grand_total,
            self.inner.currency.code()
        )
    }
}

// ------------------------------------------------------------- Cost report

/// One row of a cost report (an account, category, section or the total),
/// in the production's base currency.
///
/// `final_budget = budget + approved_overages`, `total_cost =
/// actual_to_date + commitments`, `estimated_final_cost = total_cost +
/// estimate_to_complete`, `variance = final_budget - estimated_final_cost`
/// (negative = over budget). A parent row is exactly the sum of its
/// children, column by column.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct CostReportRow {
    /// `"account"`, `"category"`, `"section"` or `"total"`.
    pub level: String,
    /// Account or category code, section (`"production"`) or `"TOTAL"`.
    pub code: String,
    /// Name.
    pub name: String,
    /// The code of the row it rolls up into (`""` for the total).
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
    /// `final_budget - estimated_final_cost` (negative = over budget).
    pub variance: Decimal,
}

/// The record keys of a cost-report row, in order.
const COST_KEYS: [&str; 14] = [
    "level",
    "code",
    "name",
    "parent",
    "budget",
    "approved_overages",
    "final_budget",
    "this_period",
    "actual_to_date",
    "commitments",
    "total_cost",
    "estimate_to_complete",
    "estimated_final_cost",
    "variance",
];

impl From<&budget::CostReportRow> for CostReportRow {
    fn from(r: &budget::CostReportRow) -> Self {
        Self {
            level: label(&r.level),
            code: r.code.clone(),
            name: r.name.clone(),
            parent: r.parent.clone(),
            budget: r.budget,
            approved_overages: r.approved_overages,
            final_budget: r.final_budget,
            this_period: r.this_period,
            actual_to_date: r.actual_to_date,
            commitments: r.commitments,
            total_cost: r.total_cost,
            estimate_to_complete: r.estimate_to_complete,
            estimated_final_cost: r.estimated_final_cost,
            variance: r.variance,
        }
    }
}

fn cost_record<'py>(py: Python<'py>, r: &budget::CostReportRow) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("level", label(&r.level))?;
    d.set_item("code", &r.code)?;
    d.set_item("name", &r.name)?;
    d.set_item("parent", &r.parent)?;
    for (key, (_, value)) in COST_KEYS[4..].iter().zip(r.columns()) {
        d.set_item(key, value)?;
    }
    Ok(d)
}

#[pymethods]
impl CostReportRow {
    fn __repr__(&self) -> String {
        format!(
            "CostReportRow(level={:?}, code={:?}, name={:?}, final_budget=Decimal('{}'), \
             estimated_final_cost=Decimal('{}'), variance=Decimal('{}'))",
            self.level,
            self.code,
            self.name,
            self.final_budget,
            self.estimated_final_cost,
            self.variance
        )
    }

    /// The row as a dict with the keys of `CostReport.to_records`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("level", &self.level)?;
        d.set_item("code", &self.code)?;
        d.set_item("name", &self.name)?;
        d.set_item("parent", &self.parent)?;
        let values = [
            self.budget,
            self.approved_overages,
            self.final_budget,
            self.this_period,
            self.actual_to_date,
            self.commitments,
            self.total_cost,
            self.estimate_to_complete,
            self.estimated_final_cost,
            self.variance,
        ];
        for (key, value) in COST_KEYS[4..].iter().zip(values) {
            d.set_item(key, value)?;
        }
        Ok(d)
    }
}

/// An account that needs attention.
#[pyclass(frozen, get_all, eq, hash, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CostAlert {
    /// The account code.
    pub account: String,
    /// `"over_budget"` (estimated final cost above the final budget) or
    /// `"near_budget"` (total cost at or past the alert percentage).
    pub kind: String,
    /// A sentence for the report.
    pub message: String,
}

#[pymethods]
impl CostAlert {
    fn __repr__(&self) -> String {
        format!(
            "CostAlert(account={:?}, kind={:?}, message={:?})",
            self.account, self.kind, self.message
        )
    }

    fn __str__(&self) -> String {
        self.message.clone()
    }
}

/// A cost report as of a date, in the production's base currency.
///
/// `rows` interleaves the levels the way a printed report does (each
/// category's accounts then the category, each section after its
/// categories, the total last); `accounts`, `categories` and `sections` give
/// one level each. Iterating gives `rows`.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, PartialEq)]
pub struct CostReport {
    inner: Arc<budget::CostReport>,
}

#[pymethods]
impl CostReport {
    /// The base currency (ISO 4217 code).
    #[getter]
    fn currency(&self) -> &'static str {
        self.inner.currency.code()
    }

    /// The report date: entries dated after it are left out.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.inner.as_of
    }

    /// The first day of the period.
    #[getter]
    fn period_start(&self) -> NaiveDate {
        self.inner.period_start
    }

    /// Every row in print order.
    #[getter]
    fn rows(&self) -> Vec<CostReportRow> {
        self.inner
            .rows()
            .into_iter()
            .map(CostReportRow::from)
            .collect()
    }

    /// One row per account, in chart order.
    #[getter]
    fn accounts(&self) -> Vec<CostReportRow> {
        self.inner
            .accounts
            .iter()
            .map(CostReportRow::from)
            .collect()
    }

    /// One row per category, in chart order.
    #[getter]
    fn categories(&self) -> Vec<CostReportRow> {
        self.inner
            .categories
            .iter()
            .map(CostReportRow::from)
            .collect()
    }

    /// One row per topsheet section.
    #[getter]
    fn sections(&self) -> Vec<CostReportRow> {
        self.inner
            .sections
            .iter()
            .map(CostReportRow::from)
            .collect()
    }

    /// The whole production (before contingency and other markups).
    #[getter]
    fn total(&self) -> CostReportRow {
        CostReportRow::from(&self.inner.total)
    }

    /// Accounts over budget or near it, in chart order.
    #[getter]
    fn alerts(&self) -> Vec<CostAlert> {
        self.inner
            .alerts
            .iter()
            .map(|a| CostAlert {
                account: a.account.as_str().to_owned(),
                kind: label(&a.kind),
                message: a.message.clone(),
            })
            .collect()
    }

    /// The row of account `code`, or `None`.
    fn account(&self, code: &str) -> Option<CostReportRow> {
        self.inner.account(code).map(CostReportRow::from)
    }

    /// One dict per row, in print order: `level`, `code`, `name`, `parent`
    /// and the ten money columns (`budget`, `approved_overages`,
    /// `final_budget`, `this_period`, `actual_to_date`, `commitments`,
    /// `total_cost`, `estimate_to_complete`, `estimated_final_cost`,
    /// `variance`) as `Decimal`s.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in self.inner.rows() {
            list.append(cost_record(py, r)?)?;
        }
        Ok(list)
    }

    /// The records as a `pandas.DataFrame` (columns in record order; money
    /// columns hold exact `Decimal`s). Needs pandas, imported on first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, self.to_records(py)?, &COST_KEYS)
    }

    /// The report as CSV: level, code, name and the ten money columns as
    /// plain numbers, one line per row (CRLF line ends).
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        let r = Arc::clone(&self.inner);
        run_detached(py, move || r.to_csv())
    }

    /// The report as fixed-width text, with the alerts at the end.
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        let r = Arc::clone(&self.inner);
        run_detached(py, move || r.to_text())
    }

    /// The report as an XLSX workbook (`bytes`): a "Cost report" sheet with
    /// numbers stored as numbers in the currency's money format, and an
    /// "Alerts" sheet.
    fn to_xlsx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let r = Arc::clone(&self.inner);
        let data = run_detached(py, move || r.to_xlsx())?.map_err(export_error)?;
        Ok(bytes(py, &data))
    }

    /// Writes the report to `path` in the format its extension names
    /// (`.csv`, `.xlsx` or `.txt`), atomically: the previous file survives
    /// any error. An unknown extension raises `ValidationError`.
    fn export(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let r = Arc::clone(&self.inner);
        run_detached(py, move || r.export(&path))?.map_err(export_error)
    }

    fn __len__(&self) -> usize {
        self.inner.rows().len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self.rows())?.try_iter()?.into_any())
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        format!(
            "<CostReport as of {} (period from {}): {} accounts, estimated final cost {} of {} {}, {} alerts>",
            r.as_of,
            r.period_start,
            r.accounts.len(),
            r.total.estimated_final_cost,
            r.total.final_budget,
            r.currency.code(),
            r.alerts.len()
        )
    }
}

// -------------------------------------------------------------- Comparison

/// One row of a budget comparison.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetDelta {
    /// `"account"`, `"category"`, `"section"` or `"total"` (markups and the
    /// grand total).
    pub level: String,
    /// Account or category code, section (`"production"`), markup
    /// (`"contingency"`, `"overhead"`, `"completion_bond"`) or `"TOTAL"`.
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

#[pymethods]
impl BudgetDelta {
    fn __repr__(&self) -> String {
        format!(
            "BudgetDelta(level={:?}, code={:?}, name={:?}, before=Decimal('{}'), after=Decimal('{}'), delta=Decimal('{}'))",
            self.level, self.code, self.name, self.before, self.after, self.delta
        )
    }
}

impl From<&budget::BudgetDelta> for BudgetDelta {
    fn from(d: &budget::BudgetDelta) -> Self {
        Self {
            level: label(&d.level),
            code: d.code.clone(),
            name: d.name.clone(),
            before: d.before,
            after: d.after,
            delta: d.delta,
        }
    }
}

/// A global whose value differs between two budgets.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalDelta {
    /// Its name.
    pub name: String,
    /// Value before (`None` when the first budget lacks it).
    pub before: Option<Decimal>,
    /// Value after (`None` when the second budget lacks it).
    pub after: Option<Decimal>,
}

#[pymethods]
impl GlobalDelta {
    fn __repr__(&self) -> String {
        let show = |v: Option<Decimal>| v.map_or("None".to_owned(), |v| format!("Decimal('{v}')"));
        format!(
            "GlobalDelta(name={:?}, before={}, after={})",
            self.name,
            show(self.before),
            show(self.after)
        )
    }
}

const DELTA_KEYS: [&str; 6] = ["level", "code", "name", "before", "after", "delta"];

/// Two budgets compared at every level: accounts, categories, sections,
/// markups and the grand total, each with `before`, `after` and `delta`.
///
/// Every row is listed, changed or not (`changed()` keeps those that moved);
/// accounts and categories follow the second budget's chart order, then
/// those only the first has. Iterating gives every row: accounts,
/// categories, sections, markups, grand total.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, PartialEq)]
pub struct BudgetComparison {
    inner: Arc<budget::BudgetComparison>,
}

impl BudgetComparison {
    fn all(&self) -> impl Iterator<Item = &budget::BudgetDelta> {
        let c = &self.inner;
        c.accounts
            .iter()
            .chain(&c.categories)
            .chain(&c.sections)
            .chain(&c.markups)
            .chain(std::iter::once(&c.grand_total))
    }
}

fn deltas(list: &[budget::BudgetDelta]) -> Vec<BudgetDelta> {
    list.iter().map(BudgetDelta::from).collect()
}

#[pymethods]
impl BudgetComparison {
    /// The currency of both budgets.
    #[getter]
    fn currency(&self) -> &'static str {
        self.inner.currency.code()
    }

    /// One row per account in either budget.
    #[getter]
    fn accounts(&self) -> Vec<BudgetDelta> {
        deltas(&self.inner.accounts)
    }

    /// One row per category in either budget.
    #[getter]
    fn categories(&self) -> Vec<BudgetDelta> {
        deltas(&self.inner.categories)
    }

    /// The four topsheet sections.
    #[getter]
    fn sections(&self) -> Vec<BudgetDelta> {
        deltas(&self.inner.sections)
    }

    /// Contingency, overhead and completion bond.
    #[getter]
    fn markups(&self) -> Vec<BudgetDelta> {
        deltas(&self.inner.markups)
    }

    /// The grand total.
    #[getter]
    fn grand_total(&self) -> BudgetDelta {
        BudgetDelta::from(&self.inner.grand_total)
    }

    /// The globals whose values differ (schedule-linked ones included).
    #[getter]
    fn globals(&self) -> Vec<GlobalDelta> {
        self.inner
            .globals
            .iter()
            .map(|g| GlobalDelta {
                name: g.name.clone(),
                before: g.before,
                after: g.after,
            })
            .collect()
    }

    /// The account, category, section and markup rows whose totals differ,
    /// then the grand total if it does.
    fn changed(&self) -> Vec<BudgetDelta> {
        self.inner
            .changed()
            .into_iter()
            .map(BudgetDelta::from)
            .collect()
    }

    /// The row of account `code`, or `None`.
    fn account(&self, code: &str) -> Option<BudgetDelta> {
        self.inner.account(code).map(BudgetDelta::from)
    }

    /// A plain-text summary: changed globals (`SHOOT_DAYS 27 → 25`), then
    /// each changed row with before, after and delta.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }

    /// One dict per row (`level`, `code`, `name`, `before`, `after`,
    /// `delta`): accounts, categories, sections, markups, grand total.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for d in self.all() {
            let record = PyDict::new(py);
            record.set_item("level", label(&d.level))?;
            record.set_item("code", &d.code)?;
            record.set_item("name", &d.name)?;
            record.set_item("before", d.before)?;
            record.set_item("after", d.after)?;
            record.set_item("delta", d.delta)?;
            list.append(record)?;
        }
        Ok(list)
    }

    /// The records as a `pandas.DataFrame`. Needs pandas, imported on first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, self.to_records(py)?, &DELTA_KEYS)
    }

    fn __len__(&self) -> usize {
        self.all().count()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<BudgetDelta> = self.all().map(BudgetDelta::from).collect();
        Ok(PyList::new(py, rows)?.try_iter()?.into_any())
    }

    fn __repr__(&self) -> String {
        let c = &self.inner;
        format!(
            "<BudgetComparison: {} rows changed, grand total {} → {} ({}{} {})>",
            c.changed().len(),
            c.grand_total.before,
            c.grand_total.after,
            if c.grand_total.delta.is_sign_positive() && !c.grand_total.delta.is_zero() {
                "+"
            } else {
                ""
            },
            c.grand_total.delta,
            c.currency.code()
        )
    }
}

/// Compares two `Budget`s (for example `old.budget` and `new.budget`)
/// account by account, category by category, section by section, with
/// markups and the grand total. Raises `ValidationError` when either budget
/// cannot be totalled or they are in different currencies.
#[pyfunction]
pub fn compare_budgets(
    py: Python<'_>,
    before: &Budget,
    after: &Budget,
) -> PyResult<BudgetComparison> {
    let (b, a) = (before.totals(py)?, after.totals(py)?);
    let cmp = run_detached(py, move || budget::compare_budgets(&b, &a))?.map_err(budget_error)?;
    Ok(BudgetComparison {
        inner: Arc::new(cmp),
    })
}

/// What a schedule change does to the budget: both productions' budgets
/// totalled (schedule-linked globals such as `SHOOT_DAYS` re-read from each
/// schedule) and compared. Raises `ValidationError` when either budget
/// cannot be totalled.
#[pyfunction]
pub fn budget_delta(
    py: Python<'_>,
    before: &Production,
    after: &Production,
) -> PyResult<BudgetComparison> {
    let (b, a) = (before.snapshot(), after.snapshot());
    let cmp = run_detached(py, move || budget::budget_delta(&b, &a))?.map_err(budget_error)?;
    Ok(BudgetComparison {
        inner: Arc::new(cmp),
    })
}

/// The standard feature-film chart of accounts shipped with callsheet, as
/// plain data: `{"name", "categories": [{"code", "name", "section"}],
/// "accounts": [{"code", "name", "category"}]}` (37 categories from `1100
/// Story & Rights` to `7500 Fees`, 175 accounts). Put its categories and
/// accounts in a production file's `budget`.
#[pyfunction]
pub fn standard_feature_chart(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let text = serde_json::to_string(&budget::Chart::standard_feature())
        .map_err(|e| crate::errors::CallsheetError::new_err(e.to_string()))?;
    py.import("callsheet._json")?.call_method1("loads", (text,))
}

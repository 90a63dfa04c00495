//! Accountants' files: CSV import of transactions and budget lines, CSV and
//! XLSX export of the cost report and the topsheet.
//!
//! Imports find their columns by header name (case, spaces, `_` and `-`
//! ignored; common aliases accepted), check every row, and change nothing
//! unless every row is good. Every problem names the spreadsheet row (the
//! header is row 1) and the column.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::cost_report::CostReport;
use super::engine::{BudgetTotals, TopsheetLevel};
use super::{BudgetLevel, DetailLine, RateUnit, Transaction, TransactionKind};
use crate::model::{AccountCode, CurrencyCode, Money, PersonId, Production};

/// One problem in an imported CSV file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CsvProblem {
    /// Spreadsheet row (the header is row 1), or 0 for the file as a whole.
    pub row: u64,
    /// Column header as written in the file (empty for the whole row/file).
    pub column: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column.is_empty()) {
            (0, true) => write!(f, "{}", self.message),
            (0, false) => write!(f, "column {:?}: {}", self.column, self.message),
            (row, true) => write!(f, "row {row}: {}", self.message),
            (row, false) => write!(f, "row {row}, column {:?}: {}", self.column, self.message),
        }
    }
}

/// A CSV import that failed: every problem found, nothing imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct CsvError {
    /// The problems in file order (never empty).
    pub problems: Vec<CsvProblem>,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [only] => write!(f, "{only}"),
            many => {
                write!(f, "{} problems:", many.len())?;
                for p in many {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}

/// A report that could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The XLSX writer failed.
    #[error("cannot write the spreadsheet: {0}")]
    Xlsx(#[from] XlsxError),
    /// The path's extension names no supported format.
    #[error("{path}: unknown format {extension:?} (expected .csv, .xlsx or .txt)")]
    UnknownFormat {
        /// The path.
        path: String,
        /// Its extension.
        extension: String,
    },
    /// Writing the file failed (the previous file, if any, is intact).
    #[error(transparent)]
    Write(#[from] crate::io::SaveError),
}

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    /// Comma-separated values, plain numbers.
    Csv,
    /// An Excel workbook with numbers stored as numbers in money formats.
    Xlsx,
    /// Fixed-width text.
    Text,
}

impl ReportFormat {
    /// The format a path's extension names (`.csv`, `.xlsx`, `.txt`).
    ///
    /// # Errors
    /// [`ExportError::UnknownFormat`] for anything else.
    pub fn from_path(path: &Path) -> Result<Self, ExportError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Ok(Self::Csv),
            "xlsx" => Ok(Self::Xlsx),
            "txt" => Ok(Self::Text),
            _ => Err(ExportError::UnknownFormat {
                path: path.display().to_string(),
                extension,
            }),
        }
    }
}

// ------------------------------------------------------------------ import

/// `"Account Code"` → `"accountcode"`.
fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '#'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A column the importer looks for.
struct Column {
    field: &'static str,
    aliases: &'static [&'static str],
    required: bool,
}

/// Where each wanted column is in the file.
struct Layout {
    /// Field → (position, header as written).
    at: HashMap<&'static str, (usize, String)>,
}

impl Layout {
    fn find(headers: &csv::StringRecord, columns: &[Column]) -> Result<Self, CsvError> {
        let mut at = HashMap::default();
        let mut problems = Vec::new();
        let mut taken: HashMap<usize, &'static str> = HashMap::default();
        for column in columns {
            let found: Vec<usize> = headers
                .iter()
                .enumerate()
                .filter(|(_, h)| column.aliases.contains(&normalise(h).as_str()))
                .map(|(i, _)| i)
                .collect();
            match found.as_slice() {
                [] if column.required => problems.push(CsvProblem {
                    row: 1,
                    column: String::new(),
                    message: format!(
                        "no {:?} column (looked for a header named {})",
                        column.field,
                        column
                            .aliases
                            .iter()
                            .map(|a| format!("{a:?}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }),
                [] => {}
                [i] => {
                    if let Some(other) = taken.insert(*i, column.field) {
                        problems.push(CsvProblem {
                            row: 1,
                            column: headers[*i].to_owned(),
                            message: format!(
                                "header matches both {other:?} and {:?}",
                                column.field
                            ),
                        });
                    }
                    at.insert(column.field, (*i, headers[*i].to_owned()));
                }
                many => problems.push(CsvProblem {
                    row: 1,
                    column: headers[many[1]].to_owned(),
                    message: format!(
                        "{:?} appears in more than one column ({})",
                        column.field,
                        many.iter()
                            .map(|&i| format!("{:?}", &headers[i]))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }),
            }
        }
        if problems.is_empty() {
            Ok(Self { at })
        } else {
            Err(CsvError { problems })
        }
    }

    fn header(&self, field: &str) -> String {
        self.at
            .get(field)
            .map(|(_, h)| h.clone())
            .unwrap_or_default()
    }

    /// The trimmed cell of `field`, `None` when the column is absent or
    /// the cell empty.
    fn cell<'r>(&self, record: &'r csv::StringRecord, field: &str) -> Option<&'r str> {
        let (i, _) = self.at.get(field)?;
        record.get(*i).map(str::trim).filter(|s| !s.is_empty())
    }
}

/// Reads every record, collecting CSV-level problems (bad UTF-8, ragged rows).
fn records(text: &str) -> Result<(csv::StringRecord, Vec<(u64, csv::StringRecord)>), CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let whole = |message: String| CsvError {
        problems: vec![CsvProblem {
            row: 0,
            column: String::new(),
            message,
        }],
    };
    let headers = reader
        .headers()
        .map_err(|e| whole(format!("cannot read the header row: {e}")))?
        .clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(whole("the file is empty: expected a header row".into()));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => {
                let row = record.position().map_or(0, |p| p.line());
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue; // blank line
                }
                rows.push((row, record));
            }
            Err(e) => {
                let row = e.position().map_or(0, |p| p.line());
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("has {len} fields, the header has {expected_len}"),
                    _ => e.to_string(),
                };
                problems.push(CsvProblem {
                    row,
                    column: String::new(),
                    message,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok((headers, rows))
    } else {
        Err(CsvError { problems })
    }
}

/// Parses an accountant's amount: `1234.5`, `1,234.50`, `$1,234.50`,
/// `-12`, `(12.00)` (negative). Exact; never through a float.
pub(crate) fn parse_amount(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, t),
    };
    let (sign, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t),
    };
    let t = t.trim_start_matches(['$', '£', '€', '¥']).trim_start();
    let digits: String = t.chars().filter(|&c| c != ',').collect();
    let valid = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    let grouped_ok = !t.contains(',') || {
        let whole = t.split('.').next().unwrap_or("");
        let groups: Vec<&str> = whole.split(',').collect();
        !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
    };
    if !valid || !grouped_ok || (negative && sign) {
        return Err(format!(
            "{text:?} is not an amount (expected e.g. 1234.50, 1,234.50 or (1,234.50))"
        ));
    }
    let value = Decimal::from_str(&digits).map_err(|_| format!("{text:?} is too large"))?;
    Ok(if negative || sign { -value } else { value })
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date (expected YYYY-MM-DD)"))
}

fn parse_kind(text: &str) -> Result<TransactionKind, String> {
    match normalise(text).as_str() {
        "invoice" | "inv" | "ap" => Ok(TransactionKind::Invoice),
        "pettycash" | "pc" | "petty" => Ok(TransactionKind::PettyCash),
        "payroll" | "pr" => Ok(TransactionKind::Payroll),
        "journal" | "je" | "journalentry" | "adjustment" => Ok(TransactionKind::Journal),
        _ => Err(format!(
            "{text:?} is not a kind (expected invoice, petty cash, payroll or journal)"
        )),
    }
}

/// Checks the amount's decimals against the currency.
fn money_in(amount: Decimal, currency: CurrencyCode, text: &str) -> Result<Money, String> {
    if amount.scale() > currency.minor_units() {
        return Err(format!(
            "{text:?} has more decimals than {currency} allows ({})",
            currency.minor_units()
        ));
    }
    Ok(Money::new(amount, currency))
}

const TRANSACTION_COLUMNS: &[Column] = &[
    Column {
        field: "id",
        aliases: &[
            "id",
            "reference",
            "ref",
            "transaction",
            "transactionid",
            "invoice",
            "invoiceno",
            "invoicenumber",
        ],
        required: true,
    },
    Column {
        field: "kind",
        aliases: &["kind", "type", "transactiontype", "source"],
        required: false,
    },
    Column {
        field: "account",
        aliases: &["account", "accountcode", "acct", "accountno", "glaccount"],
        required: true,
    },
    Column {
        field: "date",
        aliases: &["date", "postingdate", "postdate", "transactiondate"],
        required: true,
    },
    Column {
        field: "amount",
        aliases: &["amount", "value", "net", "netamount"],
        required: true,
    },
    Column {
        field: "currency",
        aliases: &["currency", "ccy", "cur"],
        required: false,
    },
    Column {
        field: "purchase_order",
        aliases: &["purchaseorder", "po", "pono", "ponumber"],
        required: false,
    },
    Column {
        field: "description",
        aliases: &["description", "memo", "details", "narrative", "vendor"],
        required: false,
    },
];

/// Parses a transactions CSV against a production, without changing it.
///
/// Columns are found by header name: `id` (or reference, invoice no.),
/// `account`, `date` (YYYY-MM-DD), `amount` (`1,234.50`, `(12.00)` for a
/// credit) are required; `kind` (invoice, petty cash, payroll, journal;
/// default invoice with a PO, journal without), `currency` (default the
/// production's), `purchase order` and `description` are optional.
///
/// # Errors
/// A [`CsvError`] with every problem: missing or ambiguous columns, cells
/// that do not parse, unknown accounts or purchase orders, a currency that
/// differs from the purchase order's, ids repeated in the file or already
/// in the ledger.
pub fn parse_transactions_csv(
    production: &Production,
    text: &str,
) -> Result<Vec<Transaction>, CsvError> {
    let (headers, rows) = records(text)?;
    let layout = Layout::find(&headers, TRANSACTION_COLUMNS)?;
    let accounts: HashSet<&str> = production
        .budget
        .accounts
        .iter()
        .map(|a| a.code.as_str())
        .collect();
    let orders: HashMap<&str, CurrencyCode> = production
        .ledger
        .purchase_orders
        .iter()
        .map(|po| (po.id.as_str(), po.amount.currency))
        .collect();
    let mut ids: HashSet<String> = production
        .ledger
        .transactions
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut first_row: HashMap<String, u64> = HashMap::default();
    let mut problems = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (row, record) in &rows {
        let row = *row;
        let mut bad = |field: &str, message: String| {
            problems.push(CsvProblem {
                row,
                column: layout.header(field),
                message,
            });
        };
        let id = match layout.cell(record, "id") {
            None => {
                bad("id", "missing".into());
                None
            }
            Some(id) => {
                if !ids.insert(id.to_owned()) {
                    match first_row.get(id) {
                        Some(first) => bad("id", format!("{id:?} repeats row {first}")),
                        None => bad("id", format!("{id:?} is already in the ledger")),
                    }
                } else {
                    first_row.insert(id.to_owned(), row);
                }
                Some(id.to_owned())
            }
        };
        let account = match layout.cell(record, "account") {
            None => {
                bad("account", "missing".into());
                None
            }
            Some(a) if !accounts.contains(a) => {
                bad("account", format!("unknown account {a:?}"));
                None
            }
            Some(a) => Some(AccountCode::from(a)),
        };
        let date = match layout.cell(record, "date").map(parse_date) {
            None => {
                bad("date", "missing (expected YYYY-MM-DD)".into());
                None
            }
            Some(Err(m)) => {
                bad("date", m);
                None
            }
            Some(Ok(d)) => Some(d),
        };
        let currency = match layout.cell(record, "currency") {
            None => Some(production.currency),
            Some(c) => match c.to_ascii_uppercase().parse::<CurrencyCode>() {
                Ok(c) => Some(c),
                Err(_) => {
                    bad(
                        "currency",
                        format!("{c:?} is not an ISO 4217 currency code"),
                    );
                    None
                }
            },
        };
        let amount = match layout.cell(record, "amount") {
            None => {
                bad("amount", "missing".into());
                None
            }
            Some(text) => match parse_amount(text) {
                Err(m) => {
                    bad("amount", m);
                    None
                }
                Ok(a) => match currency.map(|c| money_in(a, c, text)) {
                    Some(Ok(m)) => Some(m),
                    Some(Err(m)) => {
                        bad("amount", m);
                        None
                    }
                    None => None,
                },
            },
        };
        let purchase_order = layout.cell(record, "purchase_order").map(str::to_owned);
        if let (Some(po), Some(amount)) = (&purchase_order, &amount) {
            match orders.get(po.as_str()) {
                None => bad("purchase_order", format!("unknown purchase order {po:?}")),
                Some(&c) if c != amount.currency => bad(
                    "currency",
                    format!(
                        "{} does not match purchase order {po:?} in {c}",
                        amount.currency
                    ),
                ),
                Some(_) => {}
            }
        }
        let kind = match layout.cell(record, "kind") {
            None if purchase_order.is_some() => Some(TransactionKind::Invoice),
            None => Some(TransactionKind::Journal),
            Some(k) => match parse_kind(k) {
                Ok(k) => Some(k),
                Err(m) => {
                    bad("kind", m);
                    None
                }
            },
        };
        if let (Some(id), Some(kind), Some(account), Some(date), Some(amount)) =
            (id, kind, account, date, amount)
        {
            out.push(Transaction {
                id,
                kind,
                account,
                date,
                amount,
                purchase_order,
                description: layout
                    .cell(record, "description")
                    .unwrap_or_default()
                    .to_owned(),
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(CsvError { problems })
    }
}

const LINE_COLUMNS: &[Column] = &[
    Column {
        field: "account",
        aliases: &["account", "accountcode", "acct", "accountno"],
        required: true,
    },
    Column {
        field: "description",
        aliases: &["description", "desc", "item"],
        required: true,
    },
    Column {
        field: "amount",
        aliases: &["amount", "amt", "quantity", "qty"],
        required: true,
    },
    Column {
        field: "unit",
        aliases: &["unit", "units"],
        required: true,
    },
    Column {
        field: "multiplier",
        aliases: &["multiplier", "x", "mult"],
        required: false,
    },
    Column {
        field: "rate",
        aliases: &["rate"],
        required: true,
    },
    Column {
        field: "currency",
        aliases: &["currency", "ccy", "cur"],
        required: false,
    },
    Column {
        field: "fringes",
        aliases: &["fringes", "fringe"],
        required: false,
    },
    Column {
        field: "person",
        aliases: &["person", "personid", "payee"],
        required: false,
    },
];

fn parse_unit(text: &str) -> Result<RateUnit, String> {
    match normalise(text).as_str() {
        "allow" | "allowance" => Ok(RateUnit::Allow),
        "flat" => Ok(RateUnit::Flat),
        "hour" | "hours" | "hr" | "hrs" => Ok(RateUnit::Hours),
        "day" | "days" => Ok(RateUnit::Days),
        "week" | "weeks" | "wk" | "wks" => Ok(RateUnit::Weeks),
        "month" | "months" | "mo" | "mos" => Ok(RateUnit::Months),
        _ => Err(format!(
            "{text:?} is not a unit (expected allow, flat, hours, days, weeks or months)"
        )),
    }
}

/// Parses a budget-lines CSV (one detail line per row), without changing
/// the production.
///
/// Columns: `account`, `description`, `amount` (a number or a formula over
/// the globals), `unit`, `rate` required; `multiplier` (default 1),
/// `currency` (default the production's), `fringes` (ids separated by `;`,
/// `,` or spaces) and `person` optional.
///
/// # Errors
/// A [`CsvError`] with every problem in the file; the budget's own checks
/// (unknown accounts, globals, fringes, people, missing rates) are reported
/// at the row and column of the offending cell.
pub fn parse_budget_csv(production: &Production, text: &str) -> Result<Vec<DetailLine>, CsvError> {
    let (headers, rows) = records(text)?;
    let layout = Layout::find(&headers, LINE_COLUMNS)?;
    let mut problems = Vec::new();
    let mut lines = Vec::with_capacity(rows.len());
    let mut line_rows = Vec::with_capacity(rows.len());
    for (row, record) in &rows {
        let row = *row;
        let mut bad = |field: &str, message: String| {
            problems.push(CsvProblem {
                row,
                column: layout.header(field),
                message,
            });
        };
        let mut required = |field: &str| {
            let cell = layout.cell(record, field);
            if cell.is_none() {
                bad(field, "missing".into());
            }
            cell
        };
        let account = required("account");
        let description = required("description");
        let amount = required("amount");
        let unit_text = required("unit");
        let rate_text = required("rate");
        let unit = unit_text.map(parse_unit).transpose().unwrap_or_else(|m| {
            bad("unit", m);
            None
        });
        let multiplier = match layout.cell(record, "multiplier") {
            None => Some(Decimal::ONE),
            Some(m) => match parse_amount(m) {
                Ok(m) => Some(m),
                Err(e) => {
                    bad("multiplier", e);
                    None
                }
            },
        };
        let currency = match layout.cell(record, "currency") {
            None => Some(production.currency),
            Some(c) => match c.to_ascii_uppercase().parse::<CurrencyCode>() {
                Ok(c) => Some(c),
                Err(_) => {
                    bad(
                        "currency",
                        format!("{c:?} is not an ISO 4217 currency code"),
                    );
                    None
                }
            },
        };
        let rate = rate_text.and_then(|r| match parse_amount(r) {
            Ok(r) => currency.map(|c| Money::new(r, c)),
            Err(e) => {
                bad("rate", e);
                None
            }
        });
        let fringes: Vec<String> = layout
            .cell(record, "fringes")
            .map(|f| {
                f.split([';', ',', ' '])
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let person = layout.cell(record, "person").map(PersonId::from);
        if let (
            Some(account),
            Some(description),
            Some(amount),
            Some(unit),
            Some(multiplier),
            Some(rate),
        ) = (account, description, amount, unit, multiplier, rate)
        {
            lines.push(DetailLine {
                account: AccountCode::from(account),
                description: description.to_owned(),
                amount: amount.to_owned(),
                unit,
                multiplier,
                rate,
                fringes,
                person,
            });
            line_rows.push(row);
        }
    }
    if !problems.is_empty() {
        return Err(CsvError { problems });
    }
    // The budget's own checks, mapped back to rows and columns.
    let mut candidate = production.clone();
    candidate.budget.lines = lines;
    let people: HashSet<&str> = production.people.iter().map(|p| p.id.as_str()).collect();
    for (i, line) in candidate.budget.lines.iter().enumerate() {
        if let Some(person) = &line.person {
            if !people.contains(person.as_str()) {
                problems.push(CsvProblem {
                    row: line_rows[i],
                    column: layout.header("person"),
                    message: format!("unknown person {:?}", person.as_str()),
                });
            }
        }
    }
    if let Err(e) = super::budget_totals(&candidate) {
        for p in e.problems {
            let (row, column) = match p.path.strip_prefix("budget.lines[") {
                Some(rest) => {
                    let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
                    let row = index
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| line_rows.get(i).copied())
                        .unwrap_or(0);
                    let field = field.trim_start_matches('.');
                    let field = field.split(['.', '[']).next().unwrap_or("");
                    let column = match field {
                        "rate" => {
                            if p.path.ends_with("currency") && layout.at.contains_key("currency") {
                                layout.header("currency")
                            } else {
                                layout.header("rate")
                            }
                        }
                        "" => String::new(),
                        f => layout.header(f),
                    };
                    (row, column)
                }
                None => (0, String::new()),
            };
            let message = if row == 0 { p.to_string() } else { p.message };
            problems.push(CsvProblem {
                row,
                column,
                message,
            });
        }
    }
    if problems.is_empty() {
        Ok(candidate.budget.lines)
    } else {
        problems.sort_by_key(|p| p.row);
        Err(CsvError { problems })
    }
}

impl Production {
    /// Imports a transactions CSV into the ledger: every row or none.
    /// Returns how many transactions were added. See
    /// [`parse_transactions_csv`].
    ///
    /// # Errors
    /// A [`CsvError`] with every problem; the production is unchanged.
    pub fn import_transactions_csv(&mut self, text: &str) -> Result<usize, CsvError> {
        let new = parse_transactions_csv(self, text)?;
        let count = new.len();
        self.ledger.transactions.extend(new);
        Ok(count)
    }

    /// Replaces the budget's detail lines with a budget CSV's: every row or
    /// none. Returns how many lines were read. See [`parse_budget_csv`].
    ///
    /// # Errors
    /// A [`CsvError`] with every problem; the production is unchanged.
    pub fn import_budget_csv(&mut self, text: &str) -> Result<usize, CsvError> {
        let lines = parse_budget_csv(self, text)?;
        let count = lines.len();
        self.budget.lines = lines;
        Ok(count)
    }
}

// ------------------------------------------------------------------ export

/// Writes whichever rendering `path`'s extension names, atomically.
fn write_report(
    path: &Path,
    csv: impl FnOnce() -> String,
    xlsx: impl FnOnce() -> Result<Vec<u8>, ExportError>,
    text: impl FnOnce() -> String,
) -> Result<(), ExportError> {
    let bytes = match ReportFormat::from_path(path)? {
        ReportFormat::Csv => csv().into_bytes(),
        ReportFormat::Xlsx => xlsx()?,
        ReportFormat::Text => text().into_bytes(),
    };
    Ok(crate::io::write_atomically(path, &bytes)?)
}

/// A decimal fixed to `units` decimals, without grouping (for CSV).
fn plain(amount: Decimal, units: u32) -> String {
    let mut v = amount.round_dp(units);
    v.rescale(units);
    v.to_string()
}

fn level_name(level: BudgetLevel) -> &'static str {
    match level {
        BudgetLevel::Account => "account",
        BudgetLevel::Category => "category",
        BudgetLevel::Section => "section",
        BudgetLevel::Total => "total",
    }
}

fn csv_text(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The money number format for a currency's minor units, negatives red.
fn money_format(units: u32) -> Format {
    let decimals = if units == 0 {
        String::new()
    } else {
        format!(".{}", "0".repeat(units as usize))
    };
    Format::new().set_num_format(format!("#,##0{decimals};[Red]-#,##0{decimals}"))
}

fn to_f64(x: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    x.to_f64().unwrap_or(0.0)
}

impl CostReport {
    /// The report as CSV: one row per [`CostReport::rows`] entry with its
    /// level, code, name and the ten money columns as plain numbers.
    pub fn to_csv(&self) -> String {
        let units = self.currency.minor_units();
        let mut rows = Vec::with_capacity(self.accounts.len() + 8);
        let mut header = vec!["Level".to_owned(), "Code".to_owned(), "Name".to_owned()];
        header.extend(self.total.columns().iter().map(|(h, _)| (*h).to_owned()));
        rows.push(header);
        for r in self.rows() {
            let mut row = vec![
                level_name(r.level).to_owned(),
                r.code.clone(),
                r.name.clone(),
            ];
            row.extend(r.columns().iter().map(|(_, v)| plain(*v, units)));
            rows.push(row);
        }
        csv_text(rows)
    }

    /// The report as fixed-width text, with alerts at the end.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let units = self.currency.minor_units();
        let money = |x: Decimal| super::engine::format_amount(x, units);
        let mut out = format!(
            "COST REPORT as of {} (period {} to {}), {}\n",
            self.as_of,
            self.period_start,
            self.as_of,
            self.currency.code()
        );
        let _ = write!(out, "{:<8}{:<28}", "Code", "Name");
        for (h, _) in self.total.columns() {
            let short: String = h.chars().take(14).collect();
            let _ = write!(out, "{short:>15}");
        }
        out.push('\n');
        for r in self.rows() {
            let name: String = r.name.chars().take(27).collect();
            let _ = write!(
                out,
                "{:<8}{:<28}",
                r.code.chars().take(7).collect::<String>(),
                name
            );
            for (_, v) in r.columns() {
                let _ = write!(out, "{:>15}", money(v));
            }
            out.push('\n');
        }
        if !self.alerts.is_empty() {
            out.push_str("\nALERTS\n");
            for a in &self.alerts {
                let _ = writeln!(out, "- {}", a.message);
            }
        }
        out
    }

    /// The report as an XLSX workbook: a "Cost report" sheet (numbers as
    /// numbers in the currency's money format, subtotal rows bold, header
    /// frozen) and an "Alerts" sheet.
    ///
    /// # Errors
    /// [`ExportError::Xlsx`] if the writer fails.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        let units = self.currency.minor_units();
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Cost report")?;
        let bold = Format::new().set_bold();
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_border_bottom(FormatBorder::Thin);
        let money = money_format(units);
        let money_bold = money_format(units).set_bold();
        sheet.write_string_with_format(
            0,
            0,
            format!(
                "Cost report as of {} (period {} to {}), {}",
                self.as_of,
                self.period_start,
                self.as_of,
                self.currency.code()
            ),
            &bold,
        )?;
        let mut titles = vec!["Level", "Code", "Name"];
        titles.extend(self.total.columns().iter().map(|(h, _)| *h));
        for (c, t) in titles.iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, *t, &header)?;
        }
        for (i, r) in self.rows().into_iter().enumerate() {
            let row = 3 + i as u32;
            let subtotal = r.level != BudgetLevel::Account;
            sheet.write_string(row, 0, level_name(r.level))?;
            if subtotal {
                sheet.write_string_with_format(row, 1, &r.code, &bold)?;
                sheet.write_string_with_format(row, 2, &r.name, &bold)?;
            } else {
                sheet.write_string(row, 1, &r.code)?;
                sheet.write_string(row, 2, &r.name)?;
            }
            for (c, (_, v)) in r.columns().iter().enumerate() {
                let f = if subtotal { &money_bold } else { &money };
                sheet.write_number_with_format(row, 3 + c as u16, to_f64(*v), f)?;
            }
        }
        sheet.set_column_width(0, 10)?;
        sheet.set_column_width(1, 12)?;
        sheet.set_column_width(2, 34)?;
        for c in 3..13 {
            sheet.set_column_width(c, 16)?;
        }
        sheet.set_freeze_panes(3, 3)?;
        let alerts = workbook.add_worksheet();
        alerts.set_name("Alerts")?;
        alerts.write_string_with_format(0, 0, "Account", &header)?;
        alerts.write_string_with_format(0, 1, "Alert", &header)?;
        alerts.write_string_with_format(0, 2, "Message", &header)?;
        for (i, a) in self.alerts.iter().enumerate() {
            let row = 1 + i as u32;
            alerts.write_string(row, 0, a.account.as_str())?;
            let kind = match a.kind {
                super::CostAlertKind::OverBudget => "over budget",
                super::CostAlertKind::NearBudget => "near budget",
            };
            alerts.write_string(row, 1, kind)?;
            alerts.write_string(row, 2, &a.message)?;
        }
        alerts.set_column_width(2, 100)?;
        Ok(workbook.save_to_buffer()?)
    }

    /// Writes the report to `path` in the format its extension names
    /// (`.csv`, `.xlsx`, `.txt`), atomically.
    ///
    /// # Errors
    /// [`ExportError`] for an unknown extension or a failed write.
    pub fn export(&self, path: impl AsRef<Path>) -> Result<(), ExportError> {
        write_report(
            path.as_ref(),
            || self.to_csv(),
            || self.to_xlsx(),
            || self.to_text(),
        )
    }
}

impl BudgetTotals {
    /// The topsheet as CSV: categories (with lines and fringes), section
    /// subtotals, above/below-the-line, markups and the grand total.
    pub fn topsheet_csv(&self) -> String {
        let units = self.currency.minor_units();
        let mut rows = vec![
            ["Level", "Code", "Name", "Lines", "Fringes", "Total"]
                .map(str::to_owned)
                .to_vec(),
        ];
        for row in self.topsheet_rows() {
            rows.push(vec![
                row.level.code().to_owned(),
                row.code,
                row.name,
                row.lines.map(|l| plain(l, units)).unwrap_or_default(),
                row.fringes.map(|f| plain(f, units)).unwrap_or_default(),
                plain(row.total, units),
            ]);
        }
        csv_text(rows)
    }

    /// The topsheet as an XLSX workbook (numbers as numbers, money format).
    ///
    /// # Errors
    /// [`ExportError::Xlsx`] if the writer fails.
    pub fn topsheet_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        let units = self.currency.minor_units();
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Topsheet")?;
        let bold = Format::new().set_bold();
        let header = Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin);
        let money = money_format(units);
        let money_bold = money_format(units).set_bold();
        sheet.write_string_with_format(
            0,
            0,
            format!("Topsheet, {}", self.currency.code()),
            &bold,
        )?;
        for (c, t) in ["Code", "Name", "Lines", "Fringes", "Total"]
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(2, c as u16, *t, &header)?;
        }
        for (i, r) in self.topsheet_rows().into_iter().enumerate() {
            let row = 3 + i as u32;
            let strong = r.level != TopsheetLevel::Category;
            let (text_format, number_format) = if strong {
                (&bold, &money_bold)
            } else {
                (&Format::new(), &money)
            };
            sheet.write_string_with_format(row, 0, &r.code, text_format)?;
            sheet.write_string_with_format(row, 1, &r.name, text_format)?;
            if let (Some(lines), Some(fringes)) = (r.lines, r.fringes) {
                sheet.write_number_with_format(row, 2, to_f64(lines), number_format)?;
                sheet.write_number_with_format(row, 3, to_f64(fringes), number_format)?;
            }
            sheet.write_number_with_format(row, 4, to_f64(r.total), number_format)?;
        }
        sheet.set_column_width(0, 16)?;
        sheet.set_column_width(1, 40)?;
        for c in 2..5 {
            sheet.set_column_width(c, 18)?;
        }
        sheet.set_freeze_panes(3, 0)?;
        Ok(workbook.save_to_buffer()?)
    }

    /// Writes the topsheet to `path` in the format its extension names
    /// (`.csv`, `.xlsx`, `.txt`), atomically.
    ///
    /// # Errors
    /// [`ExportError`] for an unknown extension or a failed write.
    pub fn export_topsheet(&self, path: impl AsRef<Path>) -> Result<(), ExportError> {
        write_report(
            path.as_ref(),
            || self.topsheet_csv(),
            || self.topsheet_xlsx(),
            || self.topsheet_text(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly_in_accountants_formats() {
        let ok = |t: &str| parse_amount(t).unwrap().to_string();
        assert_eq!(ok("1234.5"), "1234.5");
        assert_eq!(ok("1,234.50"), "1234.50");
        assert_eq!(ok("$1,234,567.89"), "1234567.89");
        assert_eq!(ok("(12.00)"), "-12.00");
        assert_eq!(ok("-0.10"), "-0.10");
        for bad in [
            "", "1.2.3", "12,34.00", "1,2345", "abc", "-(1)", ",123", "1e5",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn headers_match_without_case_spaces_or_underscores() {
        assert_eq!(normalise("Account Code"), "accountcode");
        assert_eq!(normalise("PO #"), "po");
        assert_eq!(normalise("purchase_order"), "purchaseorder");
    }
}

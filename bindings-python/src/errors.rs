//! The one place where core errors and panics become Python exceptions.
//!
//! The exception classes live in `callsheet/_errors.py` so that
//! `ValidationError` can subclass both `CallsheetError` and `ValueError`,
//! and `FileError` both `CallsheetError` and `OSError`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use callsheet::budget::{BudgetError, CsvError, ExportError};
use callsheet::logistics::LogisticsError;
use callsheet::{LoadError, SaveError, UpdateError, ValidationErrors};
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;

pyo3::import_exception!(callsheet._errors, CallsheetError);
pyo3::import_exception!(callsheet._errors, ValidationError);
pyo3::import_exception!(callsheet._errors, FileError);
pyo3::import_exception!(callsheet._errors, NaiveDatetimeError);
pyo3::import_exception!(callsheet._errors, CsvImportError);

/// One problem with the path of the offending item (`people[3].id`).
#[pyclass(frozen, get_all, eq, hash, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problem {
    /// Where: `events[7].attendees[2].person`.
    pub path: String,
    /// What: `unknown person "P99"`.
    pub message: String,
}

#[pymethods]
impl Problem {
    fn __repr__(&self) -> String {
        format!("Problem(path={:?}, message={:?})", self.path, self.message)
    }

    fn __str__(&self) -> String {
        format!("{}: {}", self.path, self.message)
    }
}

impl From<&callsheet::Problem> for Problem {
    fn from(p: &callsheet::Problem) -> Self {
        Self {
            path: p.path.clone(),
            message: p.message.clone(),
        }
    }
}

fn validation(message: String, problems: Vec<Problem>) -> PyErr {
    ValidationError::new_err((message, problems))
}

fn file_error(path: &std::path::Path, source: &std::io::Error) -> PyErr {
    FileError::new_err((
        source.raw_os_error().unwrap_or(0),
        os_message(source),
        path.display().to_string(),
    ))
}

/// The OS error text without Rust's " (os error N)" suffix (Python shows the errno itself).
fn os_message(source: &std::io::Error) -> String {
    let text = source.to_string();
    match text.rfind(" (os error ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// Converts a load error.
pub fn load_error(err: LoadError) -> PyErr {
    match &err {
        LoadError::Io { path, source } => file_error(path, source),
        _ => validation(
            err.to_string(),
            err.problems().iter().map(Problem::from).collect(),
        ),
    }
}

/// Converts a save error.
pub fn save_error(err: SaveError) -> PyErr {
    match err {
        SaveError::Io { path, source } => file_error(&path, &source),
        SaveError::Invalid(errors) => validation_errors(errors),
    }
}

/// Converts validation errors.
pub fn validation_errors(errors: ValidationErrors) -> PyErr {
    validation(
        errors.to_string(),
        errors.problems().iter().map(Problem::from).collect(),
    )
}

/// Runs core work with the GIL released, turning a panic into `CallsheetError`
/// (never a `BaseException` that `except Exception` would miss).
pub fn run_detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work)))
        .map_err(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            CallsheetError::new_err(format!(
                "internal error in callsheet (please report it): {message}"
            ))
        })
}

/// Panics inside the core's worker the way a bug would (for the test that a
/// Rust panic reaches Python as `CallsheetError`, never as a BaseException).
#[pyfunction]
pub fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    run_detached(py, || -> () {
        panic!("deliberate panic for the test suite")
    })
}

/// A `ValidationError` with one problem.
pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> PyErr {
    let problem = Problem {
        path: path.into(),
        message: message.into(),
    };
    validation(
        format!("{}: {}", problem.path, problem.message),
        vec![problem],
    )
}

/// Converts an error of one request (schedule, call sheet, iCalendar) with its path.
pub fn request_error(problem: callsheet::Problem) -> PyErr {
    invalid(problem.path, problem.message)
}

/// Converts a budget error: every problem with its path in the production.
pub fn budget_error(err: BudgetError) -> PyErr {
    validation(
        err.to_string(),
        err.problems().iter().map(Problem::from).collect(),
    )
}

/// Converts a logistics error. Options are keyword arguments in Python, so
/// `options.lodging[3].person` becomes `lodging[3].person`.
pub fn logistics_error(err: LogisticsError) -> PyErr {
    let problem = err.problem();
    let path = problem
        .path
        .strip_prefix("options.")
        .map(str::to_owned)
        .unwrap_or(problem.path);
    invalid(path, problem.message)
}

/// Converts a report export error: an unknown extension is a bad argument
/// (`ValidationError` naming `path`), a failed write a `FileError`.
pub fn export_error(err: ExportError) -> PyErr {
    match err {
        ExportError::UnknownFormat { path, extension } => invalid(
            "path",
            format!("{path}: unknown format {extension:?} (expected .csv, .xlsx or .txt)"),
        ),
        ExportError::Write(err) => save_error(err),
        ExportError::Xlsx(err) => CallsheetError::new_err(format!(
            "cannot write the spreadsheet (please report it): {err}"
        )),
    }
}

/// Why a CSV import changed nothing.
#[derive(Debug)]
pub enum ImportFailure {
    /// The file could not be read.
    Read(std::io::Error),
    /// The file is not UTF-8 text; the first bad byte is on this line.
    NotUtf8 { line: u64 },
    /// The import's own problems, or validation of the result.
    Update(UpdateError<CsvError>),
}

/// Converts a failed CSV import of `path`: `FileError` when it cannot be
/// read, `CsvImportError` (a `ValidationError`) listing every problem by row
/// and column, `ValidationError` when the imported production does not
/// validate.
pub fn import_error(path: &std::path::Path, failure: ImportFailure) -> PyErr {
    let shown = path.display().to_string();
    let csv = |problems: Vec<(u64, String, String)>, message: String| {
        CsvImportError::new_err((format!("{shown}: {message}"), problems, shown.clone()))
    };
    match failure {
        ImportFailure::Read(source) => file_error(path, &source),
        ImportFailure::NotUtf8 { line } => {
            let message = "the file is not UTF-8 text (in a spreadsheet, save it as \"CSV UTF-8\")";
            csv(
                vec![(line, String::new(), message.to_owned())],
                format!("row {line}: {message}"),
            )
        }
        ImportFailure::Update(UpdateError::Change(err)) => csv(
            err.problems
                .iter()
                .map(|p| (p.row, p.column.clone(), p.message.clone()))
                .collect(),
            err.to_string(),
        ),
        ImportFailure::Update(UpdateError::Invalid(errors)) => validation_errors(errors),
    }
}

/// `pandas`, imported on first use, or a clear `ImportError`.
pub fn pandas(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("pandas").map_err(|cause| {
        let err = PyImportError::new_err("pandas is not installed; pip install pandas");
        err.set_cause(py, Some(cause));
        err
    })
}

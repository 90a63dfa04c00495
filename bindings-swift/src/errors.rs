//! The error every export returns, and the panic guard.

use std::panic::{AssertUnwindSafe, catch_unwind};

use callsheet::budget::{BudgetError, CsvError, CsvProblem, ExportError};
use callsheet::logistics::LogisticsError;
use callsheet::{LoadError, SaveError, UpdateError, ValidationErrors};

/// One problem with the path of the offending item (`people[3].id`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Problem {
    /// Where: `events[7].attendees[2].person`.
    pub path: String,
    /// What: `unknown person "P99"`.
    pub detail: String,
}

impl From<&callsheet::Problem> for Problem {
    fn from(p: &callsheet::Problem) -> Self {
        Self {
            path: p.path.clone(),
            detail: p.message.clone(),
        }
    }
}

/// Every error callsheet reports across the FFI boundary.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum CallsheetError {
    /// A production file or production is malformed or inconsistent; every
    /// problem is listed with its path.
    #[error("{summary}")]
    Invalid {
        /// All problems, one line each.
        summary: String,
        /// Each problem with its path.
        problems: Vec<Problem>,
    },
    /// A file could not be read or written; the previous file is untouched.
    #[error("{path}: {detail}")]
    File {
        /// The file.
        path: String,
        /// The operating system's explanation.
        detail: String,
    },
    /// A CSV import found problems; nothing was imported. Each problem names
    /// the spreadsheet row (the header is row 1; 0 for the whole file) and
    /// the column as written in the file.
    #[error("{summary}")]
    CsvImport {
        /// Every problem, one line each (`row 3, column "Amount": ...`).
        summary: String,
        /// Each problem with its row and column.
        problems: Vec<CsvProblem>,
    },
    /// A bug in callsheet (a caught panic). Please report it.
    #[error("internal error in callsheet (please report it): {detail}")]
    Internal {
        /// What went wrong.
        detail: String,
    },
}

impl From<callsheet::Problem> for CallsheetError {
    /// One problem of one request (schedule, call sheet, iCalendar).
    fn from(problem: callsheet::Problem) -> Self {
        CallsheetError::Invalid {
            summary: problem.to_string(),
            problems: vec![Problem::from(&problem)],
        }
    }
}

impl From<ValidationErrors> for CallsheetError {
    fn from(errors: ValidationErrors) -> Self {
        CallsheetError::Invalid {
            summary: errors.to_string(),
            problems: errors.problems().iter().map(Problem::from).collect(),
        }
    }
}

impl From<LoadError> for CallsheetError {
    fn from(err: LoadError) -> Self {
        match err {
            LoadError::Io { path, source } => CallsheetError::File {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            other => CallsheetError::Invalid {
                summary: other.to_string(),
                problems: other.problems().iter().map(Problem::from).collect(),
            },
        }
    }
}

impl From<callsheet::schedule::ScheduleError> for CallsheetError {
    fn from(err: callsheet::schedule::ScheduleError) -> Self {
        err.problem().into()
    }
}

impl From<callsheet::comms::IcalError> for CallsheetError {
    fn from(err: callsheet::comms::IcalError) -> Self {
        err.problem().into()
    }
}

impl From<callsheet::comms::CallSheetError> for CallsheetError {
    fn from(err: callsheet::comms::CallSheetError) -> Self {
        err.problem().into()
    }
}

impl From<BudgetError> for CallsheetError {
    /// The budget could not be totalled (or two budgets compared): every
    /// problem with its path in the production file.
    fn from(err: BudgetError) -> Self {
        CallsheetError::Invalid {
            summary: err.to_string(),
            problems: err.problems().iter().map(Problem::from).collect(),
        }
    }
}

impl From<CsvError> for CallsheetError {
    fn from(err: CsvError) -> Self {
        CallsheetError::CsvImport {
            summary: err.to_string(),
            problems: err.problems,
        }
    }
}

impl From<ExportError> for CallsheetError {
    fn from(err: ExportError) -> Self {
        match err {
            ExportError::UnknownFormat { .. } => CallsheetError::Invalid {
                summary: err.to_string(),
                problems: vec![Problem {
                    path: "path".to_owned(),
                    detail: err.to_string(),
                }],
            },
            ExportError::Write(save) => save.into(),
            // Writing a workbook to memory fails only on a bug.
            ExportError::Xlsx(_) => CallsheetError::Internal {
                detail: err.to_string(),
            },
        }
    }
}

impl From<LogisticsError> for CallsheetError {
    fn from(err: LogisticsError) -> Self {
        err.problem().into()
    }
}

impl<E: Into<CallsheetError>> From<UpdateError<E>> for CallsheetError {
    /// A change to a production that failed (its own error) or left it
    /// invalid; either way the production is unchanged.
    fn from(err: UpdateError<E>) -> Self {
        match err {
            UpdateError::Change(change) => change.into(),
            UpdateError::Invalid(errors) => errors.into(),
        }
    }
}

impl From<SaveError> for CallsheetError {
    fn from(err: SaveError) -> Self {
        match err {
            SaveError::Io { path, source } => CallsheetError::File {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            SaveError::Invalid(errors) => errors.into(),
        }
    }
}

/// Runs `work`, turning a panic into [`CallsheetError::Internal`] so that no
/// panic ever reaches Swift (where uniffi would crash the app on `try!`).
pub fn guard<T>(work: impl FnOnce() -> Result<T, CallsheetError>) -> Result<T, CallsheetError> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(CallsheetError::Internal { detail })
    })
}

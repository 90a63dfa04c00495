//! The error every export returns, and the panic guard.

use std::panic::{AssertUnwindSafe, catch_unwind};

use callsheet::{LoadError, SaveError, ValidationErrors};

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

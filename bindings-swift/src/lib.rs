//! uniffi bindings for callsheet: one component, generating Swift, Kotlin
//! and Python.
//!
//! Thin by design (the bdk-ffi "wrapping" approach): plain core types are
//! mirrored with `#[uniffi::remote(Record/Enum)]`, foreign scalar types are
//! bridged with `custom_type!`, stateful engines are `Object`s with an inner
//! lock, and every export returns `Result<_, CallsheetError>` with panics
//! caught and reported as [`CallsheetError::Internal`].

uniffi::setup_scaffolding!("callsheet_ffi");

mod budget;
mod errors;
mod logistics;
mod production;
mod rooming;
mod types;

pub use budget::{
    AccountTotal, ChartOfAccounts, CostReport, CostReportOptions, FringeAmount, Markup, Topsheet,
    compare_budgets, standard_feature_chart,
};
pub use errors::{CallsheetError, Problem};
pub use production::{AgendaRequest, Production};

/// The production file format version this library writes.
///
/// # Errors
/// Never (every export returns a `Result` so that Swift never needs `try!`).
#[uniffi::export]
pub fn format_version() -> Result<u32, CallsheetError> {
    Ok(callsheet::FORMAT_VERSION)
}

/// The version of the callsheet library.
///
/// # Errors
/// Never.
#[uniffi::export]
pub fn library_version() -> Result<String, CallsheetError> {
    Ok(env!("CARGO_PKG_VERSION").to_owned())
}

/// The text a day-out-of-days code prints in the grid: `"SW"`, `"W"`, `"H"`,
/// `"/"`, or `""` for a company day off and an empty cell.
///
/// # Errors
/// Only `Internal`.
#[uniffi::export]
pub fn dood_code_text(code: callsheet::comms::DoodCode) -> Result<String, CallsheetError> {
    errors::guard(|| Ok(code.code().to_owned()))
}

//! The error of the logistics engines.

/// Why a logistics engine (transport, equipment, rooming) could not run.
///
/// Every variant names the offending item and where it was given, as a
/// path: the argument (`resource`), an option (`options.lodging[3].person`)
/// or a part of the production (`logistics.vehicles[0].vehicle`).
///
/// ```
/// use callsheet::logistics::LogisticsError;
/// let err = LogisticsError::UnknownResource { path: "resource".into(), id: "CAM-9".into() };
/// assert_eq!(err.to_string(), r#"resource: unknown resource "CAM-9""#);
/// assert_eq!(err.problem().path, "resource");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogisticsError {
    /// A person id that is not in the production.
    #[error("{path}: unknown person {id:?}")]
    UnknownPerson {
        /// Where the id was given.
        path: String,
        /// The id that was not found.
        id: String,
    },
    /// A resource id that is not in the production.
    #[error("{path}: unknown resource {id:?}")]
    UnknownResource {
        /// Where the id was given.
        path: String,
        /// The id that was not found.
        id: String,
    },
    /// A location id that is not in the production.
    #[error("{path}: unknown location {id:?}")]
    UnknownLocation {
        /// Where the id was given.
        path: String,
        /// The id that was not found.
        id: String,
    },
    /// An option or argument is malformed or contradicts another.
    #[error("{path}: {message}")]
    InvalidOptions {
        /// The option at fault (`options.lodging[2]`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The production's own data cannot be used as it is (a crew entry
    /// naming a resource that is not a vehicle); validation reports the
    /// same problem.
    #[error("{path}: {message}")]
    InvalidProduction {
        /// Where in the production (`logistics.vehicles[1].unit`).
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl LogisticsError {
    /// The error as a [`Problem`](crate::Problem): where and what is wrong.
    pub fn problem(&self) -> crate::Problem {
        let (LogisticsError::UnknownPerson { path, .. }
        | LogisticsError::UnknownResource { path, .. }
        | LogisticsError::UnknownLocation { path, .. }
        | LogisticsError::InvalidOptions { path, .. }
        | LogisticsError::InvalidProduction { path, .. }) = self;
        crate::Problem::of_error(path, self)
    }
}

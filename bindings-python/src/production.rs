//! `callsheet.Production`: a thread-safe handle on a production.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use chrono::NaiveDate;
use pyo3::prelude::*;

use crate::errors::{load_error, run_detached, save_error, validation_errors};
use crate::model::{self, label};

/// A film, series season or show: people, locations, resources, the schedule,
/// budget, ledger and logistics.
///
/// Load one with `Production.load(path)` or `Production.from_json(text)`.
/// Attributes return snapshots; the handle is safe to share between threads.
#[pyclass(frozen, module = "callsheet._callsheet")]
#[derive(Debug)]
pub struct Production {
    inner: RwLock<Arc<callsheet::Production>>,
}

impl Production {
    fn new(production: callsheet::Production) -> Self {
        Self {
            inner: RwLock::new(Arc::new(production)),
        }
    }

    /// The current production; readers never see a half-applied change.
    pub fn snapshot(&self) -> Arc<callsheet::Production> {
        // A poisoned lock only means a writer panicked before replacing the
        // Arc; the old value is still whole.
        match self.inner.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }
}

#[pymethods]
impl Production {
    /// Loads and validates a production file.
    ///
    /// Raises `ValidationError` (a `ValueError`) listing every problem with
    /// its path, or `FileError` (an `OSError`) if the file cannot be read.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        run_detached(py, || callsheet::Production::load(&path))?
            .map(Self::new)
            .map_err(load_error)
    }

    /// Parses and validates the text of a production file.
    ///
    /// Raises `ValidationError` listing every problem with its path.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        run_detached(py, || callsheet::Production::from_json(text))?
            .map(Self::new)
            .map_err(load_error)
    }

    /// The production as canonical, pretty-printed JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let production = self.snapshot();
        run_detached(py, || production.to_json())
    }

    /// Validates, then writes the production to `path` atomically (temporary
    /// file, flush, rename): the previous file survives any error.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let production = self.snapshot();
        run_detached(py, || production.save(&path))?.map_err(save_error)
    }

    /// Raises `ValidationError` listing every problem, or returns `None`.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        let production = self.snapshot();
        run_detached(py, || production.validate())?.map_err(validation_errors)
    }

    /// Title of the production.
    #[getter]
    fn name(&self) -> String {
        self.snapshot().name.clone()
    }

    /// Home IANA time zone name.
    #[getter]
    fn zone(&self) -> String {
        self.snapshot().zone.name().to_owned()
    }

    /// Base currency code.
    #[getter]
    fn currency(&self) -> String {
        self.snapshot().currency.code().to_owned()
    }

    /// File format version.
    #[getter]
    fn format_version(&self) -> u32 {
        self.snapshot().format_version
    }

    /// Days of the work week (`"Mon"`, `"Tue"`, …).
    #[getter]
    fn work_week(&self) -> Vec<String> {
        self.snapshot()
            .calendar
            .work_week
            .iter()
            .map(label)
            .collect()
    }

    /// Company holidays: date → name.
    #[getter]
    fn holidays(&self) -> BTreeMap<NaiveDate, String> {
        self.snapshot()
            .calendar
            .holidays
            .iter()
            .map(|h| (h.date, h.name.clone()))
            .collect()
    }

    /// Company days off.
    #[getter]
    fn days_off(&self) -> Vec<NaiveDate> {
        self.snapshot().calendar.days_off.clone()
    }

    /// Shooting units.
    #[getter]
    fn units(&self) -> Vec<model::ShootingUnit> {
        self.snapshot()
            .units
            .iter()
            .map(model::ShootingUnit::from)
            .collect()
    }

    /// Cast, crew and others.
    #[getter]
    fn people(&self) -> Vec<model::Person> {
        self.snapshot()
            .people
            .iter()
            .map(model::Person::from)
            .collect()
    }

    /// Locations.
    #[getter]
    fn locations(&self) -> Vec<model::Location> {
        self.snapshot()
            .locations
            .iter()
            .map(model::Location::from)
            .collect()
    }

    /// Pooled resources.
    #[getter]
    fn resources(&self) -> Vec<model::Resource> {
        self.snapshot()
            .resources
            .iter()
            .map(model::Resource::from)
            .collect()
    }

    /// The schedule's events, in file order.
    #[getter]
    fn events(&self) -> Vec<model::Event> {
        self.snapshot()
            .events
            .iter()
            .map(model::Event::from)
            .collect()
    }

    /// The person with this id, or `None`.
    fn person(&self, id: &str) -> Option<model::Person> {
        self.snapshot()
            .people
            .iter()
            .find(|p| p.id.as_str() == id)
            .map(model::Person::from)
    }

    /// The location with this id, or `None`.
    fn location(&self, id: &str) -> Option<model::Location> {
        self.snapshot()
            .locations
            .iter()
            .find(|l| l.id.as_str() == id)
            .map(model::Location::from)
    }

    /// The resource with this id, or `None`.
    fn resource(&self, id: &str) -> Option<model::Resource> {
        self.snapshot()
            .resources
            .iter()
            .find(|r| r.id.as_str() == id)
            .map(model::Resource::from)
    }

    /// The event with this id, or `None`.
    fn event(&self, id: &str) -> Option<model::Event> {
        self.snapshot()
            .events
            .iter()
            .find(|e| e.id.as_str() == id)
            .map(model::Event::from)
    }

    fn __repr__(&self) -> String {
        let p = self.snapshot();
        format!(
            "<Production {:?}: {} people, {} locations, {} resources, {} events>",
            p.name,
            p.people.len(),
            p.locations.len(),
            p.resources.len(),
            p.events.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Production>()
            .map(|o| *self.snapshot() == *o.get().snapshot())
            .unwrap_or(false)
    }

    fn __hash__(&self) -> PyResult<isize> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "unhashable type: 'Production'",
        ))
    }
}

//! A thread-safe handle on a production for long-lived sessions, apps and
//! language bindings.
//!
//! Readers take a snapshot (an `Arc<Production>`) and never see a
//! half-applied change; a writer validates a whole new production and swaps
//! it in, or changes nothing. The conflict index ([`Schedule`]) is built on
//! first use and rebuilt only after the production changes.

use std::sync::{Arc, Mutex, RwLock};

use crate::io::ValidationErrors;
use crate::model::Production;
use crate::schedule::Schedule;

/// A shared, thread-safe production with a cached conflict index.
///
/// ```
/// use callsheet::{Production, ProductionHandle};
/// let handle = ProductionHandle::new(Production::new("Demo", "Europe/London".parse()?, "GBP".parse()?));
/// let before = handle.snapshot();
/// let mut changed = (*before).clone();
/// changed.name = "Demo (revised)".into();
/// handle.replace(changed)?;
/// assert_eq!(before.name, "Demo", "old snapshots stay whole");
/// assert_eq!(handle.snapshot().name, "Demo (revised)");
/// assert!(handle.schedule().conflicts().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ProductionHandle {
    current: RwLock<Arc<Production>>,
    schedule: Mutex<Option<Schedule>>,
}

impl ProductionHandle {
    /// A handle on `production` (which should be valid; see [`Production::validate`]).
    pub fn new(production: Production) -> Self {
        Self {
            current: RwLock::new(Arc::new(production)),
            schedule: Mutex::new(None),
        }
    }

    /// The current production. Cheap: a reference-counted snapshot.
    pub fn snapshot(&self) -> Arc<Production> {
        // A poisoned lock only means a writer panicked before swapping; the
        // value inside is still a whole production.
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// The conflict index of the current production, built once per version.
    pub fn schedule(&self) -> Schedule {
        let snapshot = self.snapshot();
        let mut cache = match self.schedule.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        match cache.as_ref() {
            Some(s) if std::ptr::eq(s.production(), Arc::as_ptr(&snapshot)) => s.clone(),
            _ => {
                let built = Schedule::from_arc(snapshot);
                *cache = Some(built.clone());
                built
            }
        }
    }

    /// Validates `production` and, if it is valid, makes it current.
    ///
    /// # Errors
    /// [`ValidationErrors`] listing every problem; the handle is unchanged.
    pub fn replace(&self, production: Production) -> Result<(), ValidationErrors> {
        production.validate()?;
        let next = Arc::new(production);
        match self.current.write() {
            Ok(mut guard) => *guard = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
        Ok(())
    }

    /// Applies `change` to a copy of the current production under the write
    /// lock, validates the result and makes it current: concurrent updates
    /// never lose each other's changes, and a change that fails (its own
    /// error, or validation) leaves the handle exactly as it was.
    ///
    /// ```
    /// use callsheet::{Production, ProductionHandle};
    /// let handle = ProductionHandle::new(Production::new("Demo", "Europe/London".parse()?, "GBP".parse()?));
    /// let renamed = handle.update(|p| {
    ///     p.name = "Demo II".into();
    ///     Ok::<_, std::convert::Infallible>(p.name.len())
    /// })?;
    /// assert_eq!(renamed, 7);
    /// assert_eq!(handle.snapshot().name, "Demo II");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`UpdateError::Change`] with `change`'s own error, or
    /// [`UpdateError::Invalid`] when the changed production does not
    /// validate; either way nothing changed.
    pub fn update<T, E>(
        &self,
        change: impl FnOnce(&mut Production) -> Result<T, E>,
    ) -> Result<T, UpdateError<E>> {
        let mut guard = match self.current.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut next = (**guard).clone();
        let value = change(&mut next).map_err(UpdateError::Change)?;
        next.validate().map_err(UpdateError::Invalid)?;
        *guard = Arc::new(next);
        Ok(value)
    }
}

/// Why [`ProductionHandle::update`] changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError<E> {
    /// The change itself failed.
    #[error(transparent)]
    Change(E),
    /// The changed production is not valid.
    #[error(transparent)]
    Invalid(ValidationErrors),
}

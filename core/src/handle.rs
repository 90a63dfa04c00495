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
}

//! `callsheet.diff`: per-person change notices between two versions.

use pyo3::prelude::*;

use callsheet::comms;

use crate::errors::run_detached;
use crate::model::label;
use crate::production::Production;
use crate::schedule::{self, Conflict};

/// One change for one person.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct PersonChange {
    /// `"added"`, `"removed"`, `"day_moved"`, `"call_moved"`, `"dismissal_moved"`,
    /// `"location_changed"` or `"status_changed"`.
    pub kind: String,
    /// The event's id.
    pub event_id: String,
    /// The value before, as shown to people, if any.
    pub before: Option<String>,
    /// The value after, if any.
    pub after: Option<String>,
    /// A sentence for the person.
    pub message: String,
}

#[pymethods]
impl PersonChange {
    fn __repr__(&self) -> String {
        format!(
            "PersonChange(kind={:?}, event_id={:?}, message={:?})",
            self.kind, self.event_id, self.message
        )
    }
}

/// Everything that changed for one person between two versions.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeNotice {
    /// The person's id.
    #[pyo3(get)]
    pub person: String,
    /// Their name.
    #[pyo3(get)]
    pub name: String,
    /// Their e-mail address, if known.
    #[pyo3(get)]
    pub email: Option<String>,
    /// The revision the notice belongs to (`"Blue"`).
    #[pyo3(get)]
    pub revision: String,
    /// The changes, in time order.
    #[pyo3(get)]
    pub changes: Vec<PersonChange>,
    /// New conflicts that involve them.
    #[pyo3(get)]
    pub new_conflicts: Vec<Conflict>,
    text: String,
}

#[pymethods]
impl ChangeNotice {
    /// The notice as plain text, ready for an e-mail or SMS.
    fn to_text(&self) -> String {
        self.text.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "ChangeNotice(person={:?}, changes={}, new_conflicts={})",
            self.person,
            self.changes.len(),
            self.new_conflicts.len()
        )
    }
}

impl From<&comms::ChangeNotice> for ChangeNotice {
    fn from(n: &comms::ChangeNotice) -> Self {
        Self {
            person: n.person.to_string(),
            name: n.name.clone(),
            email: n.email.clone(),
            revision: n.revision.clone(),
            changes: n
                .changes
                .iter()
                .map(|c| PersonChange {
                    kind: label(&c.kind),
                    event_id: c.event.to_string(),
                    before: c.before.clone(),
                    after: c.after.clone(),
                    message: c.message.clone(),
                })
                .collect(),
            new_conflicts: schedule::conflicts(&n.new_conflicts),
            text: n.to_text(),
        }
    }
}

/// Per-person notices of what changed from `old` to `new`: only people whose
/// commitments changed get one. `revision` names the new version; by default
/// it is the colour after `old`'s (see `revision_colour`).
#[pyfunction]
#[pyo3(signature = (old, new, revision=None))]
pub fn diff(
    py: Python<'_>,
    old: &Production,
    new: &Production,
    revision: Option<String>,
) -> PyResult<Vec<ChangeNotice>> {
    let (old, new) = (old.snapshot(), new.snapshot());
    let revision = revision.unwrap_or_else(|| comms::RevisionColours::default().name(1));
    let notices = run_detached(py, || comms::change_notices(&old, &new, &revision))?;
    Ok(notices.iter().map(ChangeNotice::from).collect())
}

/// The colour of revision `n` (0 = White, 1 = Blue, …, 11 = Double White),
/// from `colours` or the standard sequence.
#[pyfunction]
#[pyo3(signature = (n, colours=None))]
pub fn revision_colour(n: u32, colours: Option<Vec<String>>) -> String {
    colours
        .map_or_else(comms::RevisionColours::default, comms::RevisionColours)
        .name(n)
}

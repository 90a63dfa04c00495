//! Python views of the conflict engine's results.

use pyo3::prelude::*;

use callsheet::Timestamp;
use callsheet::schedule;

use crate::model::{Money, label};

/// A person, location or resource a conflict is about.
#[pyclass(frozen, get_all, eq, hash, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Subject {
    /// `"person"`, `"location"` or `"resource"`.
    pub kind: String,
    /// Its id.
    pub id: String,
}

#[pymethods]
impl Subject {
    fn __repr__(&self) -> String {
        format!("Subject(kind={:?}, id={:?})", self.kind, self.id)
    }
}

/// The rule (and pack) that fired.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct RuleRef {
    /// Rule pack id (`"sag-aftra"`), or `"permit"`.
    pub pack: String,
    /// Pack version.
    pub version: String,
    /// The parameter that fired (`"turnaround_minutes"`).
    pub rule: String,
}

#[pymethods]
impl RuleRef {
    fn __repr__(&self) -> String {
        format!(
            "RuleRef(pack={:?}, version={:?}, rule={:?})",
            self.pack, self.version, self.rule
        )
    }
}

/// One scheduling problem, explained.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// What kind of problem (`"turnaround"`, `"person_double_booked"`, …).
    pub kind: String,
    /// `"error"` or `"warning"`.
    pub severity: String,
    /// People, locations and resources involved.
    pub subjects: Vec<Subject>,
    /// Ids of the events involved, sorted.
    pub event_ids: Vec<String>,
    /// Start of the exact interval (UTC).
    pub start: Timestamp,
    /// End of the exact interval (UTC).
    pub end: Timestamp,
    /// The rule that fired, if any.
    pub rule: Option<RuleRef>,
    /// Estimated cost, if the rule pack defines one.
    pub cost: Option<Money>,
    /// A sentence for people, in the location's local time.
    pub message: String,
}

#[pymethods]
impl Conflict {
    fn __repr__(&self) -> String {
        format!(
            "Conflict(kind={:?}, severity={:?}, message={:?})",
            self.kind, self.severity, self.message
        )
    }

    fn __str__(&self) -> String {
        format!("{}: {}", self.severity, self.message)
    }
}

impl From<&schedule::Conflict> for Conflict {
    fn from(c: &schedule::Conflict) -> Self {
        Self {
            kind: c.kind.name().to_owned(),
            severity: label(&c.severity),
            subjects: c
                .subjects
                .iter()
                .map(|s| Subject {
                    kind: label(&s.kind),
                    id: s.id.clone(),
                })
                .collect(),
            event_ids: c.events.iter().map(ToString::to_string).collect(),
            start: c.start,
            end: c.end,
            rule: c.rule.as_ref().map(|r| RuleRef {
                pack: r.pack.to_string(),
                version: r.version.clone(),
                rule: r.rule.clone(),
            }),
            cost: c.cost.as_ref().map(Money::from),
            message: c.message.clone(),
        }
    }
}

/// Converts a list of conflicts.
pub fn conflicts(list: &[schedule::Conflict]) -> Vec<Conflict> {
    list.iter().map(Conflict::from).collect()
}

/// A free slot.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Start (UTC).
    pub start: Timestamp,
    /// End (UTC).
    pub end: Timestamp,
}

#[pymethods]
impl Slot {
    fn __repr__(&self) -> String {
        format!(
            "Slot(start={}, end={})",
            self.start.to_rfc3339(),
            self.end.to_rfc3339()
        )
    }
}

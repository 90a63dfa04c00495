//! Python views of the call sheet and the coordinator's agenda.
//!
//! `CallSheet` keeps the core sheet and converts on access: the row types
//! are plain serde data, so nested rows come back as dicts (the serde JSON
//! decoded by `callsheet._json.loads`). Rendering (`to_text`, `to_html`)
//! runs in the core with the GIL released.

use std::sync::Arc;

use chrono::NaiveDate;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use callsheet::Timestamp;
use callsheet::comms::{self, AgendaOptions, CallSheetOptions, DocumentKind, SentDocument};

use crate::comms::{civil_date, type_name};
use crate::errors::{invalid, run_detached};
use crate::model::{Money, label};
use crate::production::{Production, instant};

/// The record keys of `CallSheet.to_records`, in order.
const CAST_KEYS: [&str; 11] = [
    "person",
    "cast_number",
    "name",
    "role",
    "status",
    "pickup",
    "makeup_call",
    "call",
    "on_set",
    "dismissal",
    "notes",
];

/// A serde value as plain Python data (dicts, lists, str, int, bool, None).
fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| crate::errors::CallsheetError::new_err(e.to_string()))?;
    py.import("callsheet._json")?.call_method1("loads", (text,))
}

/// The daily call sheet of one unit's shoot day.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, PartialEq)]
pub struct CallSheet {
    inner: Arc<comms::CallSheet>,
}

#[pymethods]
impl CallSheet {
    /// The production's name.
    #[getter]
    fn production(&self) -> &str {
        &self.inner.production
    }

    /// The shoot day event's id.
    #[getter]
    fn shoot_day(&self) -> &str {
        self.inner.shoot_day.as_str()
    }

    /// The shoot day's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The sheet's date: the local date of the general call.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }

    /// Its weekday (`"Mon"` … `"Sun"`).
    #[getter]
    fn weekday(&self) -> String {
        label(&self.inner.weekday)
    }

    /// N of "Day N of M".
    #[getter]
    fn day_number(&self) -> u32 {
        self.inner.day_number
    }

    /// M of "Day N of M": the unit's non-cancelled shoot days.
    #[getter]
    fn day_count(&self) -> u32 {
        self.inner.total_days
    }

    /// The unit's id, if the day has one.
    #[getter]
    fn unit(&self) -> Option<String> {
        self.inner.unit.as_ref().map(ToString::to_string)
    }

    /// The unit's name (`""` without a unit).
    #[getter]
    fn unit_name(&self) -> &str {
        &self.inner.unit_name
    }

    /// The IANA zone the times are shown in.
    #[getter]
    fn zone(&self) -> &str {
        &self.inner.zone
    }

    /// The general crew call as printed (`"07:00"`).
    #[getter]
    fn general_call(&self) -> &str {
        &self.inner.general_call.local
    }

    /// The estimated wrap as printed (`"19:00"`, `"25:30"` past midnight).
    #[getter]
    fn estimated_wrap(&self) -> &str {
        &self.inner.estimated_wrap.local
    }

    /// The revision number (0 = first issue).
    #[getter]
    fn revision(&self) -> u32 {
        self.inner.revision
    }

    /// The revision's colour (`"White"`, `"Blue"`, …).
    #[getter]
    fn revision_colour(&self) -> &str {
        &self.inner.revision_colour
    }

    /// The schedule version the sheet was made from (may be `""`).
    #[getter]
    fn schedule_version(&self) -> &str {
        &self.inner.schedule_version
    }

    /// The day's pages (`"4 3/8"`).
    #[getter]
    fn total_pages(&self) -> &str {
        &self.inner.total_pages
    }

    /// The day's locations (dicts).
    #[getter]
    fn locations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.locations)
    }

    /// The scenes in shooting order (dicts).
    #[getter]
    fn scenes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.scenes)
    }

    /// The cast rows, by cast number (dicts).
    #[getter]
    fn cast<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.cast)
    }

    /// The crew by department, each with its rows (dicts).
    #[getter]
    fn crew<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.crew)
    }

    /// Meals (dicts).
    #[getter]
    fn meals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.meals)
    }

    /// Booked resources (dicts).
    #[getter]
    fn resources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.resources)
    }

    /// The advance schedule: the unit's next shoot day (a dict), if any.
    #[getter]
    fn advance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.advance)
    }

    /// Notes, in order.
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.inner.notes.clone()
    }

    /// The whole sheet as plain data (the core's serde JSON, decoded).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.inner)
    }

    /// The sheet as fixed-width plain text.
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        let sheet = Arc::clone(&self.inner);
        run_detached(py, move || sheet.to_text())
    }

    /// The sheet as one self-contained, printable HTML page.
    fn to_html(&self, py: Python<'_>) -> PyResult<String> {
        let sheet = Arc::clone(&self.inner);
        run_detached(py, move || sheet.to_html())
    }

    /// One dict per cast row: `person`, `cast_number`, `name`, `role`,
    /// `status`, the times as printed (`pickup`, `makeup_call`, `call`,
    /// `on_set`, `dismissal`; `None` when not set) and `notes`.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let records = PyList::empty(py);
        for row in &self.inner.cast {
            let record = PyDict::new(py);
            let time = |t: &Option<comms::CallTime>| t.as_ref().map(|t| t.local.clone());
            record.set_item("person", row.person.as_str())?;
            record.set_item("cast_number", row.cast_number)?;
            record.set_item("name", &row.name)?;
            record.set_item("role", &row.role)?;
            record.set_item("status", &row.status)?;
            record.set_item("pickup", time(&row.pickup))?;
            record.set_item("makeup_call", time(&row.makeup_call))?;
            record.set_item("call", time(&row.call))?;
            record.set_item("on_set", time(&row.on_set))?;
            record.set_item("dismissal", time(&row.dismissal))?;
            record.set_item("notes", &row.notes)?;
            records.append(record)?;
        }
        Ok(records)
    }

    /// The cast records as a `pandas.DataFrame` (columns in record order).
    /// Needs pandas, imported on first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|cause| {
            let err = PyImportError::new_err("pandas is not installed; pip install pandas");
            err.set_cause(py, Some(cause));
            err
        })?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", CAST_KEYS.to_vec())?;
        pandas
            .getattr("DataFrame")?
            .call((self.to_records(py)?,), Some(&kwargs))
    }

    fn __repr__(&self) -> String {
        let s = &self.inner;
        let unit = s
            .unit
            .as_ref()
            .map_or_else(String::new, |u| format!(" unit {u},"));
        format!(
            "<CallSheet {:?}: {} ({}),{unit} call {}, {} scenes, {} cast, revision {}>",
            s.production,
            s.date,
            s.day_of(),
            s.general_call.local,
            s.scenes.len(),
            s.cast.len(),
            s.revision_colour
        )
    }
}

/// The options of `Production.call_sheet`, checked.
pub fn call_sheet_options(
    date: &Bound<'_, PyAny>,
    unit: Option<String>,
    revision: u32,
    colours: Option<Vec<String>>,
    schedule_version: String,
    notes: Option<Vec<String>>,
) -> PyResult<CallSheetOptions> {
    let mut options = CallSheetOptions::new(civil_date(date, "date")?);
    options.unit = unit.map(Into::into);
    options.revision = revision;
    if let Some(colours) = colours {
        options.colours = comms::RevisionColours(colours);
    }
    options.schedule_version = schedule_version;
    options.notes = notes.unwrap_or_default();
    Ok(options)
}

/// Builds the sheet with the GIL released.
pub fn call_sheet(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    options: CallSheetOptions,
) -> PyResult<CallSheet> {
    let sheet = run_detached(py, move || comms::call_sheet(&production, &options))?
        .map_err(call_sheet_error)?;
    Ok(CallSheet {
        inner: Arc::new(sheet),
    })
}

fn call_sheet_error(err: comms::CallSheetError) -> PyErr {
    crate::errors::request_error(err.problem())
}

/// One thing a coordinator has to do by a deadline.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    /// `"call_sheet_due"`, `"permit_application"`, `"room_block_release"`,
    /// `"document_outdated"` or `"notices_owed"`.
    pub kind: String,
    /// When it is due (timezone-aware UTC).
    pub due: Timestamp,
    /// `due` in the relevant zone, as `"Mon 1 Mar 19:00"`.
    pub due_local: String,
    /// Whether it was due before now.
    pub overdue: bool,
    /// What it is about: an event, location, room block or person id, or a document key.
    pub subject: String,
    /// A sentence for the coordinator.
    pub message: String,
    /// The money at risk if it is missed, if known.
    pub cost_exposure: Option<Money>,
}

#[pymethods]
impl AgendaItem {
    fn __repr__(&self) -> String {
        format!(
            "AgendaItem(kind={:?}, due_local={:?}, overdue={}, subject={:?})",
            self.kind,
            self.due_local,
            if self.overdue { "True" } else { "False" },
            self.subject
        )
    }
}

impl From<&comms::AgendaItem> for AgendaItem {
    fn from(i: &comms::AgendaItem) -> Self {
        Self {
            kind: label(&i.kind),
            due: i.due,
            due_local: i.due_local.clone(),
            overdue: i.overdue,
            subject: i.subject.clone(),
            message: i.message.clone(),
            cost_exposure: i.cost_exposure.as_ref().map(Money::from),
        }
    }
}

/// The options of `Production.agenda`, checked.
pub fn agenda_options(
    now: &Bound<'_, PyAny>,
    call_sheet_lead_hours: u32,
    horizon_days: u32,
    sent: Option<&Bound<'_, PyAny>>,
    previous: Option<&Production>,
) -> PyResult<AgendaOptions> {
    let mut options = AgendaOptions::new(instant(now, "now")?);
    options.call_sheet_lead_hours = call_sheet_lead_hours;
    options.horizon_days = horizon_days;
    if let Some(sent) = sent {
        let items = sent.try_iter().map_err(|_| {
            invalid(
                "sent",
                format!("must be a list of records, got {}", type_name(sent)),
            )
        })?;
        for (i, item) in items.enumerate() {
            options.sent.push(sent_document(&item?, i)?);
        }
    }
    options.previous = previous.map(|p| (*p.snapshot()).clone());
    Ok(options)
}

/// One `sent` record: `kind`, `date` (for call sheets), `schedule_fingerprint`, `sent_at`.
fn sent_document(record: &Bound<'_, PyAny>, i: usize) -> PyResult<SentDocument> {
    let field = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        match record.get_item(key) {
            Ok(value) => Ok(Some(value)),
            Err(err) if err.is_instance_of::<pyo3::exceptions::PyKeyError>(record.py()) => Ok(None),
            Err(_) => Err(invalid(
                format!("sent[{i}]"),
                format!("must be a mapping, got {}", type_name(record)),
            )),
        }
    };
    let required = |key: &str| -> PyResult<Bound<'_, PyAny>> {
        field(key)?.ok_or_else(|| invalid(format!("sent[{i}].{key}"), "is required"))
    };
    let kind = required("kind")?;
    let kind: DocumentKind = kind
        .extract::<String>()
        .ok()
        .and_then(|k| serde_json::from_value(serde_json::Value::String(k)).ok())
        .ok_or_else(|| {
            invalid(
                format!("sent[{i}].kind"),
                format!(
                    "must be \"call_sheet\", \"day_out_of_days\" or \"shooting_schedule\", got {}",
                    kind.repr().map(|r| r.to_string()).unwrap_or_default()
                ),
            )
        })?;
    let date = match field("date")? {
        Some(date) if !date.is_none() => Some(civil_date(&date, &format!("sent[{i}].date"))?),
        _ => None,
    };
    let fingerprint = required("schedule_fingerprint")?;
    let schedule_fingerprint: u64 = fingerprint.extract().map_err(|_| {
        invalid(
            format!("sent[{i}].schedule_fingerprint"),
            format!(
                "must be an int (from schedule_fingerprint), got {}",
                type_name(&fingerprint)
            ),
        )
    })?;
    let sent_at = instant(&required("sent_at")?, &format!("sent[{i}].sent_at"))?;
    Ok(SentDocument {
        kind,
        date,
        schedule_fingerprint,
        sent_at,
    })
}

/// Runs the agenda with the GIL released.
pub fn agenda(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    options: AgendaOptions,
) -> PyResult<Vec<AgendaItem>> {
    let items = run_detached(py, move || comms::agenda(&production, &options))?;
    Ok(items.iter().map(AgendaItem::from).collect())
}

/// A stable 64-bit fingerprint of the schedule as people see it (events,
/// people and locations): store it with each document you send, and pass
/// it back in `Production.agenda(sent=...)`.
#[pyfunction]
pub fn schedule_fingerprint(py: Python<'_>, production: &Production) -> PyResult<u64> {
    let production = production.snapshot();
    run_detached(py, move || comms::schedule_fingerprint(&production))
}

/// A person on a distribution list.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct Recipient {
    /// The person's id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// E-mail address, if known.
    pub email: Option<String>,
    /// Phone number, if known.
    pub phone: Option<String>,
    /// The groups through which they receive the document.
    pub groups: Vec<String>,
    /// `"full"`, `"department"` or `"personal"`: how much of the call sheet they see.
    pub scope: String,
}

#[pymethods]
impl Recipient {
    fn __repr__(&self) -> String {
        format!(
            "Recipient(person={:?}, name={:?}, scope={:?})",
            self.person, self.name, self.scope
        )
    }
}

impl From<&comms::Recipient> for Recipient {
    fn from(r: &comms::Recipient) -> Self {
        Self {
            person: r.person.to_string(),
            name: r.name.clone(),
            email: r.email.clone(),
            phone: r.phone.clone(),
            groups: r.groups.clone(),
            scope: crate::model::label(&r.scope),
        }
    }
}

/// The distribution list of a document (`"call_sheet"`, `"day_out_of_days"`, `"shooting_schedule"`).
pub fn distribution_list(
    production: &callsheet::Production,
    document: &str,
) -> PyResult<Vec<Recipient>> {
    let kind: comms::DocumentKind =
        serde_json::from_value(serde_json::Value::String(document.to_owned())).map_err(|_| {
            crate::errors::invalid(
                "document",
                format!(
                    "unknown document {document:?} (call_sheet, day_out_of_days, shooting_schedule)"
                ),
            )
        })?;
    Ok(comms::recipients(production, kind)
        .iter()
        .map(Recipient::from)
        .collect())
}

/// The day's call sheet for every recipient, filtered to their scope.
pub fn call_sheets_for_recipients(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    options: CallSheetOptions,
) -> PyResult<Vec<(Recipient, CallSheet)>> {
    let sent = run_detached(py, move || {
        comms::call_sheets_for_recipients(&production, &options)
    })?
    .map_err(call_sheet_error)?;
    Ok(sent
        .into_iter()
        .map(|r| {
            (
                Recipient::from(&r.recipient),
                CallSheet {
                    inner: Arc::new(r.sheet),
                },
            )
        })
        .collect())
}

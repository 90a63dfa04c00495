//! `callsheet.Production`: a thread-safe handle on a production.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use pyo3::prelude::*;

use callsheet::ProductionHandle;
use callsheet::comms::{CalendarSubject, IcalOptions};
use callsheet::schedule::{Schedule, SlotRequest};
use chrono::{NaiveTime, TimeDelta};

use crate::budget::{self, Budget};
use crate::call_sheet;
use crate::comms;
use crate::errors::{
    ImportFailure, NaiveDatetimeError, import_error, invalid, load_error, request_error,
    run_detached, save_error, validation_errors,
};
use crate::logistics;
use crate::model::{self, label};
use crate::rooming;
use crate::schedule;
use rust_decimal::Decimal;

/// A film, series season or show: people, locations, resources, the schedule,
/// budget, ledger and logistics.
///
/// Load one with `Production.load(path)` or `Production.from_json(text)`.
/// Attributes return snapshots; the handle is safe to share between threads.
#[pyclass(frozen, module = "callsheet._callsheet")]
#[derive(Debug)]
pub struct Production {
    handle: ProductionHandle,
}

impl Production {
    fn new(production: callsheet::Production) -> Self {
        Self {
            handle: ProductionHandle::new(production),
        }
    }

    /// The current production; readers never see a half-applied change.
    pub fn snapshot(&self) -> Arc<callsheet::Production> {
        self.handle.snapshot()
    }

    /// The conflict index for the current snapshot.
    fn schedule(&self) -> Schedule {
        self.handle.schedule()
    }

    /// Reads the CSV file at `path` and applies `import` to the production
    /// under the write lock: every row or none, and the result validated.
    fn import_csv(
        &self,
        py: Python<'_>,
        path: PathBuf,
        import: fn(&mut callsheet::Production, &str) -> Result<usize, callsheet::budget::CsvError>,
    ) -> PyResult<usize> {
        run_detached(py, || {
            let bytes = std::fs::read(&path).map_err(ImportFailure::Read)?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                ImportFailure::NotUtf8 { line }
            })?;
            self.handle
                .update(|p| import(p, &text))
                .map_err(ImportFailure::Update)
        })?
        .map_err(|failure| import_error(&path, failure))
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

    /// Makes `other`'s production the current one in this handle, after
    /// validating it. Threads reading this `Production` see the old
    /// production or the new one, never a mix; `other` is unchanged.
    ///
    /// Raises `ValidationError` listing every problem; then nothing changes.
    fn replace(&self, py: Python<'_>, other: PyRef<'_, Production>) -> PyResult<()> {
        let next = (*other.snapshot()).clone();
        let handle = &self.handle;
        run_detached(py, || handle.replace(next))?.map_err(validation_errors)
    }

    /// Adds or replaces records by id, and removes ids, in one step: all or
    /// nothing. Records are dicts with the production file's field names
    /// (aware datetimes, dates, `Decimal`s as values); `remove` maps a
    /// collection name to ids, e.g. `{"events": ["E1"]}`. Returns
    /// `{"added": n, "replaced": n, "removed": n}`.
    ///
    /// Raises `ValidationError` listing every problem with its path
    /// (`people[3].category`, `remove.events[0]`, then the merged
    /// production's own); then nothing changes.
    #[pyo3(signature = (*, units=None, people=None, locations=None, resources=None,
        events=None, hotels=None, room_blocks=None, purchase_orders=None, transactions=None,
        remove=None))]
    #[allow(clippy::too_many_arguments)]
    fn apply(
        &self,
        py: Python<'_>,
        units: Option<Bound<'_, PyAny>>,
        people: Option<Bound<'_, PyAny>>,
        locations: Option<Bound<'_, PyAny>>,
        resources: Option<Bound<'_, PyAny>>,
        events: Option<Bound<'_, PyAny>>,
        hotels: Option<Bound<'_, PyAny>>,
        room_blocks: Option<Bound<'_, PyAny>>,
        purchase_orders: Option<Bound<'_, PyAny>>,
        transactions: Option<Bound<'_, PyAny>>,
        remove: Option<Bound<'_, PyAny>>,
    ) -> PyResult<BTreeMap<&'static str, usize>> {
        let batch = pyo3::types::PyDict::new(py);
        for (name, value) in [
            ("units", units),
            ("people", people),
            ("locations", locations),
            ("resources", resources),
            ("events", events),
            ("hotels", hotels),
            ("room_blocks", room_blocks),
            ("purchase_orders", purchase_orders),
            ("transactions", transactions),
            ("remove", remove),
        ] {
            if let Some(value) = value {
                batch.set_item(name, value)?;
            }
        }
        // One encoding of the whole batch (aware datetimes checked there),
        // then the core parses it with paths and applies it atomically.
        let text: String = py
            .import("callsheet._json")?
            .getattr("dumps")?
            .call1((batch,))?
            .extract()?;
        let handle = &self.handle;
        let summary = run_detached(py, || {
            let batch = callsheet::io::RecordBatch::from_json(&text).map_err(load_error)?;
            handle.update(|p| p.apply(batch)).map_err(|e| match e {
                callsheet::UpdateError::Change(errors)
                | callsheet::UpdateError::Invalid(errors) => validation_errors(errors),
            })
        })??;
        Ok(BTreeMap::from([
            ("added", summary.added),
            ("replaced", summary.replaced),
            ("removed", summary.removed),
        ]))
    }

    /// A new production built from plain records in one step (see `apply`):
    /// `Production.build("Night Diner", "America/Los_Angeles", "USD",
    /// people=[...], locations=[...], events=[...])`.
    ///
    /// Raises `ValidationError` listing every problem with its path.
    #[staticmethod]
    #[pyo3(signature = (name, zone, currency, *, units=None, people=None, locations=None,
        resources=None, events=None, hotels=None, room_blocks=None, purchase_orders=None,
        transactions=None))]
    #[allow(clippy::too_many_arguments)]
    fn build(
        py: Python<'_>,
        name: String,
        zone: &str,
        currency: &str,
        units: Option<Bound<'_, PyAny>>,
        people: Option<Bound<'_, PyAny>>,
        locations: Option<Bound<'_, PyAny>>,
        resources: Option<Bound<'_, PyAny>>,
        events: Option<Bound<'_, PyAny>>,
        hotels: Option<Bound<'_, PyAny>>,
        room_blocks: Option<Bound<'_, PyAny>>,
        purchase_orders: Option<Bound<'_, PyAny>>,
        transactions: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let zone = zone
            .parse()
            .map_err(|e: callsheet::UnknownZone| invalid("zone", e.to_string()))?;
        let currency = currency
            .parse()
            .map_err(|e: callsheet::UnknownCurrency| invalid("currency", e.to_string()))?;
        let production = Self::new(callsheet::Production::new(name, zone, currency));
        production.apply(
            py,
            units,
            people,
            locations,
            resources,
            events,
            hotels,
            room_blocks,
            purchase_orders,
            transactions,
            None,
        )?;
        Ok(production)
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

    /// Every scheduling conflict, in deterministic order (by start, then kind).
    fn conflicts(&self, py: Python<'_>) -> PyResult<Vec<schedule::Conflict>> {
        run_detached(py, || {
            let found = self.schedule().conflicts();
            schedule::conflicts(&found)
        })
    }

    /// The conflicts `event` would be involved in if added to the production
    /// (or moved, if an event with its id exists). `event` is an `Event` or a
    /// record (dict) with the production file's field names; datetimes must
    /// be timezone-aware.
    fn check_event(
        &self,
        py: Python<'_>,
        event: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<schedule::Conflict>> {
        let event = event_from_py(event)?;
        run_detached(py, || {
            self.schedule()
                .check_event(&event)
                .map(|c| schedule::conflicts(&c))
        })?
        .map_err(|e| request_error(e.problem()))
    }

    /// The earliest slots of `duration` in which all `people`, the `location`
    /// and the `resources` ({id: quantity}) are free and no rule is broken,
    /// between `earliest` and `latest`, within local working hours.
    #[pyo3(signature = (people, duration, earliest, latest, *, location=None, resources=None,
        day_start=None, day_end=None, working_days_only=true, step=None, count=5,
        kind="meeting", allow_warnings=false))]
    #[allow(clippy::too_many_arguments)]
    fn find_slots(
        &self,
        py: Python<'_>,
        people: Vec<String>,
        duration: TimeDelta,
        earliest: &Bound<'_, PyAny>,
        latest: &Bound<'_, PyAny>,
        location: Option<String>,
        resources: Option<BTreeMap<String, u32>>,
        day_start: Option<NaiveTime>,
        day_end: Option<NaiveTime>,
        working_days_only: bool,
        step: Option<TimeDelta>,
        count: u32,
        kind: &str,
        allow_warnings: bool,
    ) -> PyResult<Vec<schedule::Slot>> {
        let minutes = |d: TimeDelta, what: &str| {
            u32::try_from(d.num_minutes())
                .ok()
                .filter(|m| *m > 0)
                .ok_or_else(|| {
                    invalid(
                        what.to_owned(),
                        "must be a positive whole number of minutes",
                    )
                })
        };
        let kind: callsheet::EventKind =
            serde_json::from_value(serde_json::Value::String(kind.to_owned()))
                .map_err(|_| invalid("kind", format!("unknown event kind {kind:?}")))?;
        let mut request = SlotRequest::meeting(
            people.into_iter().map(Into::into).collect(),
            minutes(duration, "duration")?,
            instant(earliest, "earliest")?,
            instant(latest, "latest")?,
        );
        request.location = location.map(Into::into);
        request.resources = resources
            .unwrap_or_default()
            .into_iter()
            .map(|(resource, quantity)| callsheet::ResourceBooking {
                resource: resource.into(),
                quantity,
            })
            .collect();
        if let Some(t) = day_start {
            request.day_start = t;
        }
        if let Some(t) = day_end {
            request.day_end = t;
        }
        if let Some(s) = step {
            request.step_minutes = minutes(s, "step")?;
        }
        request.working_days_only = working_days_only;
        request.count = count;
        request.kind = kind;
        request.allow_warnings = allow_warnings;
        let slots = run_detached(py, || self.schedule().find_slots(&request))?
            .map_err(|e| request_error(e.problem()))?;
        Ok(slots
            .into_iter()
            .map(|s| schedule::Slot {
                start: s.start,
                end: s.end,
            })
            .collect())
    }

    /// The day out of days: one row per person, one column per civil date
    /// (in the home zone), with grid codes (`"SW"`, `"W"`, `"WF"`, `"H"`, …)
    /// and totals per row.
    ///
    /// `people` is `"cast"`, `"cast_and_crew"`, `"everyone"` or a list of
    /// person ids (in that order). The columns run over the dates of those
    /// people's events (`range="people"`), the shoot (`range="shoot"`), or
    /// from `start` to `end` inclusive (`datetime.date`s, given together).
    /// Holds count unless `include_holds=False`; tentative events only with
    /// `include_tentative=True`. Bad arguments raise `ValidationError`
    /// naming the argument.
    #[pyo3(signature = (*, people=None, start=None, end=None, range="people",
        include_holds=true, include_tentative=false),
        text_signature = "($self, *, people='cast', start=None, end=None, range='people', \
        include_holds=True, include_tentative=False)")]
    #[allow(clippy::too_many_arguments)]
    fn day_out_of_days(
        &self,
        py: Python<'_>,
        people: Option<&Bound<'_, PyAny>>,
        start: Option<&Bound<'_, PyAny>>,
        end: Option<&Bound<'_, PyAny>>,
        range: &str,
        include_holds: bool,
        include_tentative: bool,
    ) -> PyResult<comms::DoodReport> {
        let options = comms::options(people, start, end, range, include_holds, include_tentative)?;
        comms::report(py, self.snapshot(), options)
    }

    /// The call sheet of `unit`'s shoot day on `date` (a `datetime.date` in
    /// the home zone); without `unit`, of the only unit shooting that day.
    /// `revision` numbers the issue (0 = White), `colours` overrides the
    /// revision colour sequence, `schedule_version` and `notes` are printed.
    /// Raises `ValidationError` naming the option at fault (`date` when
    /// nothing shoots that day, `unit` for an unknown or missing unit).
    #[pyo3(signature = (date, unit=None, *, revision=0, colours=None,
        schedule_version=String::new(), notes=None),
        text_signature = "($self, date, unit=None, *, revision=0, colours=None, \
        schedule_version='', notes=None)")]
    #[allow(clippy::too_many_arguments)]
    fn call_sheet(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        unit: Option<String>,
        revision: u32,
        colours: Option<Vec<String>>,
        schedule_version: String,
        notes: Option<Vec<String>>,
    ) -> PyResult<call_sheet::CallSheet> {
        let options =
            call_sheet::call_sheet_options(date, unit, revision, colours, schedule_version, notes)?;
        call_sheet::call_sheet(py, self.snapshot(), options)
    }

    /// Who receives `document` (`"call_sheet"`, `"day_out_of_days"` or
    /// `"shooting_schedule"`) through the production's distribution groups,
    /// once each, with the widest call-sheet scope of their groups.
    #[pyo3(signature = (document="call_sheet"))]
    fn distribution_list(&self, document: &str) -> PyResult<Vec<call_sheet::Recipient>> {
        call_sheet::distribution_list(&self.snapshot(), document)
    }

    /// The call sheet for `date` filtered for each recipient (their own call,
    /// their department's crew calls, or the whole sheet), as
    /// `(Recipient, CallSheet)` pairs.
    #[pyo3(signature = (date, unit=None, *, revision=0, colours=None,
        schedule_version=String::new(), notes=None),
        text_signature = "($self, date, unit=None, *, revision=0, colours=None, \
        schedule_version='', notes=None)")]
    #[allow(clippy::too_many_arguments)]
    fn call_sheets_for_recipients(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        unit: Option<String>,
        revision: u32,
        colours: Option<Vec<String>>,
        schedule_version: String,
        notes: Option<Vec<String>>,
    ) -> PyResult<Vec<(call_sheet::Recipient, call_sheet::CallSheet)>> {
        let options =
            call_sheet::call_sheet_options(date, unit, revision, colours, schedule_version, notes)?;
        call_sheet::call_sheets_for_recipients(py, self.snapshot(), options)
    }

    /// The coordinator's agenda at `now` (a timezone-aware datetime): call
    /// sheets due, permit applications, room block releases, outdated
    /// documents and (with `previous`, the version last communicated)
    /// change notices owed, sorted by due time. `sent` lists documents
    /// already sent: records with `kind` (`"call_sheet"`,
    /// `"day_out_of_days"`, `"shooting_schedule"`), `date` (call sheets'
    /// shoot date, else `None`), `schedule_fingerprint` and `sent_at`.
    #[pyo3(signature = (now, *, call_sheet_lead_hours=12, horizon_days=14, sent=None,
        previous=None))]
    fn agenda(
        &self,
        py: Python<'_>,
        now: &Bound<'_, PyAny>,
        call_sheet_lead_hours: u32,
        horizon_days: u32,
        sent: Option<&Bound<'_, PyAny>>,
        previous: Option<PyRef<'_, Production>>,
    ) -> PyResult<Vec<call_sheet::AgendaItem>> {
        let options = call_sheet::agenda_options(
            now,
            call_sheet_lead_hours,
            horizon_days,
            sent,
            previous.as_deref(),
        )?;
        call_sheet::agenda(py, self.snapshot(), options)
    }

    /// The iCalendar (RFC 5545) feed of one person, location or resource, or
    /// of the whole schedule when none is given: VTIMEZONEs for the zones
    /// used, stable UIDs, holds as TENTATIVE. `dtstamp` defaults to now.
    #[pyo3(signature = (person=None, location=None, resource=None, *, dtstamp=None,
        include_holds=true, include_cancelled=true, uid_domain=None))]
    #[allow(clippy::too_many_arguments)]
    fn to_ical(
        &self,
        py: Python<'_>,
        person: Option<String>,
        location: Option<String>,
        resource: Option<String>,
        dtstamp: Option<&Bound<'_, PyAny>>,
        include_holds: bool,
        include_cancelled: bool,
        uid_domain: Option<String>,
    ) -> PyResult<String> {
        let subject = calendar_subject(person, location, resource)?;
        let mut options = IcalOptions::new(subject, stamp(py, dtstamp)?);
        options.include_holds = include_holds;
        options.include_cancelled = include_cancelled;
        if let Some(domain) = uid_domain {
            options.uid_domain = domain;
        }
        let production = self.snapshot();
        run_detached(py, || callsheet::comms::to_ical(&production, &options))?
            .map(|export| export.text)
            .map_err(|e| request_error(e.problem()))
    }

    /// A VFREEBUSY for one person, location or resource between `start` and
    /// `end`: BUSY, BUSY-TENTATIVE (holds) and BUSY-UNAVAILABLE periods.
    #[pyo3(signature = (start, end, *, person=None, location=None, resource=None, dtstamp=None))]
    #[allow(clippy::too_many_arguments)]
    fn free_busy(
        &self,
        py: Python<'_>,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        person: Option<String>,
        location: Option<String>,
        resource: Option<String>,
        dtstamp: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let subject = calendar_subject(person, location, resource)?;
        let (from, to) = (instant(start, "start")?, instant(end, "end")?);
        let dtstamp = stamp(py, dtstamp)?;
        let production = self.snapshot();
        run_detached(py, || {
            callsheet::comms::free_busy(&production, &subject, from, to, dtstamp)
        })?
        .map_err(|e| request_error(e.problem()))
    }

    /// The budget of the current version (a snapshot: read the property
    /// again after changing the production): topsheet, cost reports,
    /// globals. See `Budget`.
    #[getter]
    fn budget(&self) -> Budget {
        Budget::new(self.snapshot())
    }

    /// Imports a transactions CSV file into the ledger: every row or none.
    /// Returns how many transactions were added.
    ///
    /// Columns are found by header name (case, spaces, `_` and `-` ignored):
    /// `id` (or reference, invoice no.), `account`, `date` (YYYY-MM-DD) and
    /// `amount` (`1,234.50`, `(12.00)` for a credit) are required; `kind`
    /// (invoice, petty cash, payroll, journal), `currency`, `purchase order`
    /// and `description` are optional. Raises `CsvImportError` (a
    /// `ValidationError`) listing every problem by row (the header is row 1)
    /// and column, `FileError` if the file cannot be read; either way the
    /// production is unchanged.
    fn import_transactions_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<usize> {
        self.import_csv(py, path, callsheet::Production::import_transactions_csv)
    }

    /// Replaces the budget's detail lines with a budget CSV file's (one line
    /// per row): every row or none. Returns how many lines were read.
    ///
    /// Columns: `account`, `description`, `amount` (a number or a formula
    /// over the globals), `unit` and `rate` are required; `multiplier`,
    /// `currency`, `fringes` (ids separated by `;`, `,` or spaces) and
    /// `person` are optional. Errors as for `import_transactions_csv`.
    fn import_budget_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<usize> {
        self.import_csv(py, path, callsheet::Production::import_budget_csv)
    }

    /// Writes the cost report as of `as_of` to `path` in the format its
    /// extension names (`.csv`, `.xlsx` or `.txt`), atomically. Options as
    /// for `Budget.cost_report`.
    #[pyo3(signature = (path, *, as_of, period_start=None, alert_percent=Decimal::from(90)),
        text_signature = "($self, path, *, as_of, period_start=None, alert_percent=90)")]
    fn export_cost_report(
        &self,
        py: Python<'_>,
        path: PathBuf,
        as_of: &Bound<'_, PyAny>,
        period_start: Option<&Bound<'_, PyAny>>,
        alert_percent: Decimal,
    ) -> PyResult<()> {
        let options = budget::report_options(as_of, period_start, alert_percent)?;
        budget::export_cost_report(py, self.snapshot(), path, options)
    }

    /// Allocates hotel rooms: derives who needs a room on which nights from
    /// the schedule (work at distant locations) and the stay requests, and
    /// puts every stay in a room of the production's room blocks — as many
    /// housed as possible, then at least cost, then fewest moves — under
    /// the hard rules (contract tiers, sharing only when both agree and the
    /// nights match, one room per continuous stay, never more rooms than a
    /// block holds on any night). Deterministic.
    ///
    /// The options default to the production's standing settings
    /// (`logistics.rooming`); a keyword replaces one: `idle_gap_nights`
    /// (idle days that keep a person on location), `stay_last_night` (keep
    /// the room the night of the last work day), `location_hotels`
    /// (`{location id: [hotel ids]}`: which hotels serve a location) and
    /// `comparison_rates` (`{currency: Decimal}`, to compare blocks priced
    /// in several currencies). Bad options or blocks raise
    /// `ValidationError` naming the item.
    #[pyo3(signature = (*, idle_gap_nights=None, stay_last_night=None, location_hotels=None,
        comparison_rates=None))]
    fn allocate_rooms(
        &self,
        py: Python<'_>,
        idle_gap_nights: Option<u32>,
        stay_last_night: Option<bool>,
        location_hotels: Option<&Bound<'_, PyAny>>,
        comparison_rates: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<rooming::RoomAllocation> {
        let production = self.snapshot();
        let options = rooming::options(
            &production.logistics.rooming,
            idle_gap_nights,
            stay_last_night,
            location_hotels,
            comparison_rates,
        )?;
        rooming::allocate(py, production, options)
    }

    /// The day's transport on `date` (a `datetime.date` in the home zone):
    /// everyone's first call of the day, from where they slept, grouped
    /// into vehicle runs, with per-driver pickup lists, the travel day's
    /// movements and everyone without a pickup (and why).
    ///
    /// Riders arrive `buffer_minutes` before their call. `lodging` says where
    /// people sleep: a `RoomAllocation` (from `allocate_rooms`), `Lodging` records, dicts with `person`, `night` (the
    /// date the night starts) and `location`, or `(person, night, location)`
    /// tuples; people without one start from their home base. A rider may
    /// be delivered up to `max_wait_minutes` early to share a run and ride
    /// up to `max_detour_minutes` longer than the direct route, a run has at
    /// most `max_stops` pickups with `stop_minutes` to load at each after
    /// the first, and a driver drives at most `max_driving_minutes` a day
    /// (`None`: no limit) unless their vehicle crew entry says otherwise.
    /// Bad options raise `ValidationError` naming the option.
    #[pyo3(signature = (date, *, buffer_minutes=15, lodging=None, max_wait_minutes=30,
        max_detour_minutes=20, max_stops=3, stop_minutes=5, max_driving_minutes=Some(600)),
        text_signature = "($self, date, *, buffer_minutes=15, lodging=None, max_wait_minutes=30, \
        max_detour_minutes=20, max_stops=3, stop_minutes=5, max_driving_minutes=600)")]
    #[allow(clippy::too_many_arguments)]
    fn plan_transport(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        buffer_minutes: u32,
        lodging: Option<&Bound<'_, PyAny>>,
        max_wait_minutes: u32,
        max_detour_minutes: u32,
        max_stops: u32,
        stop_minutes: u32,
        max_driving_minutes: Option<u32>,
    ) -> PyResult<logistics::TransportPlan> {
        let date = comms::civil_date(date, "date")?;
        let options = logistics::transport_options(
            buffer_minutes,
            lodging,
            max_wait_minutes,
            max_detour_minutes,
            max_stops,
            stop_minutes,
            max_driving_minutes,
        )?;
        logistics::plan(py, self.snapshot(), date, options)
    }

    /// Resource `resource_id`'s use over time: maximal segments with the
    /// units owned, usable, booked, available and over-allocated, and the
    /// bookings in force (prep and return buffers included). An unknown id
    /// raises `ValidationError`.
    fn resource_timeline(
        &self,
        py: Python<'_>,
        resource_id: String,
    ) -> PyResult<logistics::ResourceTimeline> {
        logistics::timeline(py, self.snapshot(), resource_id)
    }

    /// Specific units (serial numbers, else `"#1"`, `"#2"`, ...) for every
    /// booking of resource `resource_id`, and the bookings that could not
    /// get all of theirs. An unknown id raises `ValidationError`.
    fn assign_units(
        &self,
        py: Python<'_>,
        resource_id: String,
    ) -> PyResult<logistics::UnitAssignment> {
        logistics::assign(py, self.snapshot(), resource_id)
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

/// A timezone-aware datetime (any tzinfo) as a UTC instant; naive ones are refused.
pub fn instant(value: &Bound<'_, PyAny>, what: &str) -> PyResult<callsheet::Timestamp> {
    let py = value.py();
    let aware = value
        .call_method0("utcoffset")
        .map(|offset| !offset.is_none())
        .unwrap_or(false);
    if !aware {
        return Err(NaiveDatetimeError::new_err(format!(
            "{what}: a timezone-aware datetime is required (got {}); \
             add tzinfo, e.g. datetime(..., tzinfo=ZoneInfo(\"America/Los_Angeles\"))",
            value.repr().map(|r| r.to_string()).unwrap_or_default()
        )));
    }
    let utc = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
    value.call_method1("astimezone", (utc,))?.extract()
}

/// An `Event`, or a record (dict) in the production file's form, as a core event.
fn event_from_py(value: &Bound<'_, PyAny>) -> PyResult<callsheet::Event> {
    let json = match value.cast::<model::Event>() {
        Ok(event) => event.get().to_json(),
        Err(_) => {
            let text: String = value
                .py()
                .import("callsheet._json")?
                .call_method1("dumps", (value,))?
                .extract()?;
            serde_json::from_str(&text).map_err(|e| invalid("event", e.to_string()))?
        }
    };
    serde_path_to_error::deserialize(json).map_err(|err| {
        let path = err.path().to_string();
        let path = if path.is_empty() || path == "." {
            "event".to_owned()
        } else {
            format!("event.{path}")
        };
        invalid(path, err.inner().to_string())
    })
}

fn calendar_subject(
    person: Option<String>,
    location: Option<String>,
    resource: Option<String>,
) -> PyResult<CalendarSubject> {
    match (person, location, resource) {
        (None, None, None) => Ok(CalendarSubject::Everything),
        (Some(p), None, None) => Ok(CalendarSubject::Person(p.into())),
        (None, Some(l), None) => Ok(CalendarSubject::Location(l.into())),
        (None, None, Some(r)) => Ok(CalendarSubject::Resource(r.into())),
        _ => Err(invalid(
            "subject",
            "give at most one of person, location or resource",
        )),
    }
}

/// `dtstamp`, or the current time: the binding, not the core, reads the clock.
fn stamp(py: Python<'_>, dtstamp: Option<&Bound<'_, PyAny>>) -> PyResult<callsheet::Timestamp> {
    match dtstamp {
        Some(value) => instant(value, "dtstamp"),
        None => {
            let datetime = py.import("datetime")?;
            let utc = datetime.getattr("timezone")?.getattr("utc")?;
            datetime
                .getattr("datetime")?
                .call_method1("now", (utc,))?
                .extract()
        }
    }
}

//! Python views of the communication hub's documents: the day out of days.
//!
//! `DoodReport` keeps the core report and converts on access; rendering
//! (`to_text`, `to_csv`) runs in the core with the GIL released.

use std::sync::Arc;

use chrono::NaiveDate;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use callsheet::comms::{self, DoodOptions, DoodPeople, DoodRange};

use crate::errors::{invalid, run_detached};
use crate::model::label;

/// A shoot day falling on a column.
#[pyclass(frozen, get_all, eq, hash, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShootDayMark {
    /// The shoot day's unit id, if any.
    pub unit: Option<String>,
    /// Its day number ("Day 12"), if any.
    pub day_number: Option<u32>,
    /// The shoot day event's id.
    pub event: String,
}

#[pymethods]
impl ShootDayMark {
    fn __repr__(&self) -> String {
        let unit = self
            .unit
            .as_ref()
            .map_or_else(|| "None".to_owned(), |u| format!("{u:?}"));
        let day = self
            .day_number
            .map_or_else(|| "None".to_owned(), |n| n.to_string());
        format!(
            "ShootDayMark(unit={unit}, day_number={day}, event={:?})",
            self.event
        )
    }
}

/// One column of the grid: a civil date in the production's home zone.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct DoodColumn {
    /// The date.
    pub date: NaiveDate,
    /// Its weekday (`"Mon"` … `"Sun"`).
    pub weekday: String,
    /// `"working"`, `"holiday"`, `"day_off"`, `"move_day"` or `"non_working"`.
    pub day_type: String,
    /// The holiday's name, on holidays.
    pub holiday: Option<String>,
    /// Shoot days of any unit on this date.
    pub shoot_days: Vec<ShootDayMark>,
    /// The shoot day numbers on this date, ascending, without repeats.
    pub day_numbers: Vec<u32>,
}

#[pymethods]
impl DoodColumn {
    fn __repr__(&self) -> String {
        format!(
            "DoodColumn(date={}, weekday={:?}, day_type={:?}, day_numbers={:?})",
            self.date, self.weekday, self.day_type, self.day_numbers
        )
    }
}

impl From<&comms::DoodColumn> for DoodColumn {
    fn from(c: &comms::DoodColumn) -> Self {
        Self {
            date: c.date,
            weekday: label(&c.weekday),
            day_type: label(&c.day_type),
            holiday: c.holiday.clone(),
            shoot_days: c
                .shoot_days
                .iter()
                .map(|s| ShootDayMark {
                    unit: s.unit.as_ref().map(ToString::to_string),
                    day_number: s.day_number,
                    event: s.event.to_string(),
                })
                .collect(),
            day_numbers: c.day_numbers(),
        }
    }
}

/// Totals of one row, over the person's whole engagement.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct DoodTotals {
    /// Days worked.
    pub work: u32,
    /// Hold days.
    pub hold: u32,
    /// Travel days.
    pub travel: u32,
    /// Rehearsal days.
    pub rehearsal: u32,
    /// Fitting days.
    pub fitting: u32,
    /// Holidays within the span (not dropped).
    pub holiday: u32,
    /// Move days within the span (not dropped).
    pub move_days: u32,
    /// Days dropped.
    pub dropped: u32,
    /// Other days within the span: weekends and company days off.
    pub idle: u32,
    /// Travel, rehearsal and fitting days outside the span.
    pub outside_span: u32,
    /// Calendar days from the first to the last work day inclusive.
    pub span: u32,
    /// First work day.
    pub first_work: Option<NaiveDate>,
    /// Last work day.
    pub last_work: Option<NaiveDate>,
    /// The drop day, if dropped.
    pub drop: Option<NaiveDate>,
    /// The pickup day, if dropped.
    pub pickup: Option<NaiveDate>,
}

#[pymethods]
impl DoodTotals {
    fn __repr__(&self) -> String {
        format!(
            "DoodTotals(work={}, hold={}, travel={}, rehearsal={}, fitting={}, span={})",
            self.work, self.hold, self.travel, self.rehearsal, self.fitting, self.span
        )
    }
}

impl From<&comms::DoodTotals> for DoodTotals {
    fn from(t: &comms::DoodTotals) -> Self {
        Self {
            work: t.work,
            hold: t.hold,
            travel: t.travel,
            rehearsal: t.rehearsal,
            fitting: t.fitting,
            holiday: t.holiday,
            move_days: t.move_days,
            dropped: t.dropped,
            idle: t.idle,
            outside_span: t.outside_span,
            span: t.span,
            first_work: t.first_work,
            last_work: t.last_work,
            drop: t.drop,
            pickup: t.pickup,
        }
    }
}

/// One person's row.
#[pyclass(frozen, get_all, eq, module = "callsheet._callsheet")]
#[derive(Debug, Clone, PartialEq)]
pub struct DoodRow {
    /// Person id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// `"cast"`, `"crew"` or `"other"`.
    pub category: String,
    /// Cast number, if any.
    pub cast_number: Option<u32>,
    /// One grid code per column (`"SW"`, `"W"`, `"H"`, `""` …).
    pub codes: Vec<String>,
    /// Totals over the person's whole engagement.
    pub totals: DoodTotals,
    /// Why days are held against the person's terms.
    pub warnings: Vec<String>,
}

#[pymethods]
impl DoodRow {
    fn __repr__(&self) -> String {
        format!(
            "DoodRow(person={:?}, name={:?}, work={})",
            self.person, self.name, self.totals.work
        )
    }
}

impl From<&comms::DoodRow> for DoodRow {
    fn from(r: &comms::DoodRow) -> Self {
        Self {
            person: r.person.to_string(),
            name: r.name.clone(),
            category: label(&r.category),
            cast_number: r.cast_number,
            codes: r.codes.iter().map(|c| c.code().to_owned()).collect(),
            totals: DoodTotals::from(&r.totals),
            warnings: r.warnings.clone(),
        }
    }
}

/// The names of the totals, in record and CSV order.
const TOTALS: [&str; 15] = [
    "work",
    "hold",
    "travel",
    "rehearsal",
    "fitting",
    "holiday",
    "move_days",
    "dropped",
    "idle",
    "outside_span",
    "span",
    "first_work",
    "last_work",
    "drop",
    "pickup",
];

/// A day-out-of-days report: columns (dates), rows (people) and warnings.
#[pyclass(frozen, eq, module = "callsheet._callsheet")]
#[derive(Debug, PartialEq)]
pub struct DoodReport {
    inner: Arc<comms::DoodReport>,
}

impl DoodReport {
    fn rows_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.inner.rows.iter().map(DoodRow::from))
    }

    /// The record keys, in order: person, name, cast number, dates, totals.
    fn keys(&self) -> Vec<String> {
        ["person", "name", "cast_number"]
            .into_iter()
            .map(str::to_owned)
            .chain(self.inner.columns.iter().map(|c| c.date.to_string()))
            .chain(TOTALS.into_iter().map(str::to_owned))
            .collect()
    }
}

#[pymethods]
impl DoodReport {
    /// The production's name.
    #[getter]
    fn production(&self) -> &str {
        &self.inner.production
    }

    /// The production's home zone (IANA name); dates are civil dates there.
    #[getter]
    fn zone(&self) -> &str {
        self.inner.zone.name()
    }

    /// One column per date, in order.
    #[getter]
    fn columns(&self) -> Vec<DoodColumn> {
        self.inner.columns.iter().map(DoodColumn::from).collect()
    }

    /// One row per person.
    #[getter]
    fn rows(&self) -> Vec<DoodRow> {
        self.inner.rows.iter().map(DoodRow::from).collect()
    }

    /// Problems with the request (unknown people, a range cut short).
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner.warnings.clone()
    }

    /// The row of person `person_id`, or `None`.
    fn row(&self, person_id: &str) -> Option<DoodRow> {
        self.inner.row(person_id).map(DoodRow::from)
    }

    /// Person `person_id`'s grid code on `date` (`""` for a blank cell), or
    /// `None` if the person or the date is not in the report.
    fn code(&self, person_id: &str, date: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
        let date = civil_date(date, "date")?;
        Ok(self.inner.code(person_id, date).map(comms::DoodCode::code))
    }

    /// A fixed-width grid like the paper DOOD, with totals, warnings and a legend.
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        let report = Arc::clone(&self.inner);
        run_detached(py, move || report.to_text())
    }

    /// The report as CSV (RFC 4180, CRLF line ends).
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        let report = Arc::clone(&self.inner);
        run_detached(py, move || report.to_csv())
    }

    /// One dict per row: `person`, `name`, `cast_number`, one key per date
    /// (`"2027-03-01"`) with the grid code, then the totals (`work`, `hold`,
    /// …, `first_work`, `last_work`, `drop`, `pickup`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let dates: Vec<String> = self
            .inner
            .columns
            .iter()
            .map(|c| c.date.to_string())
            .collect();
        let records = PyList::empty(py);
        for row in &self.inner.rows {
            let record = PyDict::new(py);
            record.set_item("person", row.person.as_str())?;
            record.set_item("name", &row.name)?;
            record.set_item("cast_number", row.cast_number)?;
            for (date, code) in dates.iter().zip(&row.codes) {
                record.set_item(date, code.code())?;
            }
            let t = &row.totals;
            let counts = [
                t.work,
                t.hold,
                t.travel,
                t.rehearsal,
                t.fitting,
                t.holiday,
                t.move_days,
                t.dropped,
                t.idle,
                t.outside_span,
                t.span,
            ];
            for (key, n) in TOTALS.iter().zip(counts) {
                record.set_item(key, n)?;
            }
            for (key, date) in
                TOTALS[counts.len()..]
                    .iter()
                    .zip([t.first_work, t.last_work, t.drop, t.pickup])
            {
                record.set_item(key, date)?;
            }
            records.append(record)?;
        }
        Ok(records)
    }

    /// The records as a `pandas.DataFrame` (one row per person, columns in
    /// record order). Needs pandas, imported on first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|cause| {
            let err = PyImportError::new_err("pandas is not installed; pip install pandas");
            err.set_cause(py, Some(cause));
            err
        })?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", self.keys())?;
        pandas
            .getattr("DataFrame")?
            .call((self.to_records(py)?,), Some(&kwargs))
    }

    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.rows_list(py)?.try_iter()?.into_any())
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        let dates = match (r.columns.first(), r.columns.last()) {
            (Some(a), Some(b)) => format!("{} to {}", a.date, b.date),
            _ => "no dates".to_owned(),
        };
        format!(
            "<DoodReport {:?}: {} rows, {} days ({dates})>",
            r.production,
            r.rows.len(),
            r.columns.len()
        )
    }
}

/// A `datetime.date` (not a `datetime.datetime`) as a civil date.
pub fn civil_date(value: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    let datetime = value.py().import("datetime")?;
    if value.is_instance(&datetime.getattr("datetime")?)? {
        return Err(invalid(
            what,
            "must be a datetime.date (a civil date in the production's zone), not a datetime",
        ));
    }
    if !value.is_instance(&datetime.getattr("date")?)? {
        return Err(invalid(
            what,
            format!("must be a datetime.date, got {}", type_name(value)),
        ));
    }
    value.extract()
}

/// The options of `Production.day_out_of_days`, checked.
pub fn options(
    people: Option<&Bound<'_, PyAny>>,
    start: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
    range: &str,
    include_holds: bool,
    include_tentative: bool,
) -> PyResult<DoodOptions> {
    let people = match people {
        None => DoodPeople::Cast,
        Some(people) => people_option(people)?,
    };
    let named = match range {
        "people" => DoodRange::People,
        "shoot" => DoodRange::Shoot,
        other => {
            return Err(invalid(
                "range",
                format!("must be \"people\" or \"shoot\", got {other:?}"),
            ));
        }
    };
    let range = match (start, end) {
        (Some(start), Some(end)) => {
            if named != DoodRange::People {
                return Err(invalid(
                    "range",
                    format!("cannot be {range:?} when start and end are given"),
                ));
            }
            let from = civil_date(start, "start")?;
            let to = civil_date(end, "end")?;
            if from > to {
                return Err(invalid("start", format!("{from} is after end ({to})")));
            }
            DoodRange::Dates { from, to }
        }
        (Some(_), None) => return Err(invalid("end", "is required when start is given")),
        (None, Some(_)) => return Err(invalid("start", "is required when end is given")),
        (None, None) => named,
    };
    Ok(DoodOptions {
        people,
        range,
        include_holds,
        include_tentative,
    })
}

/// Runs the report with the GIL released.
pub fn report(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    options: DoodOptions,
) -> PyResult<DoodReport> {
    let report = run_detached(py, move || comms::day_out_of_days(&production, &options))?;
    Ok(DoodReport {
        inner: Arc::new(report),
    })
}

const PEOPLE: &str = "must be \"cast\", \"cast_and_crew\", \"everyone\" or a list of person ids";

/// `"cast"`, `"cast_and_crew"`, `"everyone"` or an iterable of person ids.
fn people_option(people: &Bound<'_, PyAny>) -> PyResult<DoodPeople> {
    if let Ok(name) = people.extract::<String>() {
        return match name.as_str() {
            "cast" => Ok(DoodPeople::Cast),
            "cast_and_crew" => Ok(DoodPeople::CastAndCrew),
            "everyone" => Ok(DoodPeople::Everyone),
            other => Err(invalid("people", format!("{PEOPLE}, got {other:?}"))),
        };
    }
    let items = people
        .try_iter()
        .map_err(|_| invalid("people", format!("{PEOPLE}, got {}", type_name(people))))?;
    let mut ids = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        let id: String = item.extract().map_err(|_| {
            invalid(
                format!("people[{i}]"),
                format!("must be a person id (str), got {}", type_name(&item)),
            )
        })?;
        ids.push(id.into());
    }
    Ok(DoodPeople::Only(ids))
}

pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}

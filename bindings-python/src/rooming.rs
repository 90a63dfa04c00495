//! Python view of the hotel rooming allocation: the rooming list, the
//! stays not housed, unused room-nights and their exposure, and the cost.
//!
//! Tables are lists of dicts (dates as `datetime.date`, money as
//! `decimal.Decimal` with a `currency` key beside it); `to_pandas()` makes a
//! `DataFrame` of the rooming list.

use std::collections::HashMap;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyMapping};
use rust_decimal::Decimal;

use callsheet::logistics::RoomingOptions;
use callsheet::logistics::rooming::{self, ComparisonRate, LocationHotels};

use crate::comms::type_name;
use crate::errors::{invalid, logistics_error, pandas, run_detached};
use crate::logistics::{Lodging, names_by_id};
use crate::model::label;

/// Column order of `RoomAllocation.to_pandas()`.
const ROOMING_KEYS: [&str; 8] = [
    "hotel",
    "hotel_name",
    "night",
    "block",
    "room",
    "people",
    "names",
    "sharing",
];

/// The options of `Production.allocate_rooms`: the production's standing
/// settings (`logistics.rooming`) with the given keywords replacing theirs.
pub fn options(
    base: &RoomingOptions,
    idle_gap_nights: Option<u32>,
    stay_last_night: Option<bool>,
    location_hotels: Option<&Bound<'_, PyAny>>,
    comparison_rates: Option<&Bound<'_, PyAny>>,
) -> PyResult<RoomingOptions> {
    let mut options = base.clone();
    if let Some(gap) = idle_gap_nights {
        options.idle_gap_nights = gap;
    }
    if let Some(last) = stay_last_night {
        options.stay_last_night = last;
    }
    if let Some(map) = location_hotels {
        let entries: Vec<(String, Vec<String>)> = entries(
            map,
            "location_hotels",
            "location id to a list of hotel ids",
            "a location id (str) and a list of hotel ids (str)",
        )?;
        let mut list: Vec<LocationHotels> = entries
            .into_iter()
            .map(|(location, hotels)| LocationHotels {
                location: location.into(),
                hotels: hotels.into_iter().map(Into::into).collect(),
            })
            .collect();
        list.sort_by(|a, b| a.location.cmp(&b.location));
        options.location_hotels = list;
    }
    if let Some(map) = comparison_rates {
        let entries: Vec<(String, Decimal)> = entries(
            map,
            "comparison_rates",
            "currency code to decimal.Decimal",
            "a currency code (str) and a decimal.Decimal",
        )?;
        let mut list = Vec::with_capacity(entries.len());
        for (currency, value) in entries {
            let currency = currency.parse().map_err(|_| {
                invalid(
                    format!("comparison_rates[{currency:?}]"),
                    "not an ISO 4217 currency code",
                )
            })?;
            list.push(ComparisonRate { currency, value });
        }
        list.sort_by_key(|r| r.currency);
        options.comparison_rates = list;
    }
    Ok(options)
}

/// The `(key, value)` entries of the mapping given as keyword `name`, or a
/// `ValidationError` naming it: what the mapping maps (`of`) when it is
/// not one, what each entry must be (`entry`) when an entry is wrong.
fn entries<'py, T>(value: &Bound<'py, PyAny>, name: &str, of: &str, entry: &str) -> PyResult<Vec<T>>
where
    T: for<'a> FromPyObject<'a, 'py>,
{
    let map = value.cast::<PyMapping>().map_err(|_| {
        invalid(
            name,
            format!("must be a mapping of {of}, got {}", type_name(value)),
        )
    })?;
    map.items()?
        .iter()
        .map(|item| {
            item.extract::<T>()
                .map_err(|_| invalid(name, format!("each entry must be {entry}")))
        })
        .collect()
}

/// Who sleeps where: the rooming list per hotel and night, the stays that
/// could not be housed (with why), rooms held but empty and what they cost
/// before each release deadline, and the cost by budget account.
///
/// `len()` is the number of stays housed; iterating gives the assignments
/// (one dict per housed stay).
#[pyclass(frozen, module = "callsheet._callsheet")]
#[derive(Debug)]
pub struct RoomAllocation {
    inner: Arc<rooming::RoomAllocation>,
    production: Arc<callsheet::Production>,
}

impl RoomAllocation {
    /// Where the allocation's people sleep, for `plan_transport`.
    pub fn lodging_records(&self) -> PyResult<Vec<callsheet::logistics::transport::Lodging>> {
        self.inner
            .lodging(&self.production)
            .map_err(logistics_error)
    }

    fn names(&self) -> (HashMap<&str, &str>, HashMap<&str, &str>) {
        let p = &self.production;
        (
            names_by_id(&p.people, |x| (x.id.as_str(), x.name.as_str())),
            names_by_id(&p.logistics.hotels, |x| (x.id.as_str(), x.name.as_str())),
        )
    }
}

/// Allocates rooms with the GIL released.
pub fn allocate(
    py: Python<'_>,
    production: Arc<callsheet::Production>,
    options: RoomingOptions,
) -> PyResult<RoomAllocation> {
    let p = Arc::clone(&production);
    let rooms = run_detached(py, move || {
        callsheet::logistics::allocate_rooms(&p, &options)
    })?
    .map_err(logistics_error)?;
    Ok(RoomAllocation {
        inner: Arc::new(rooms),
        production,
    })
}

fn money_dict<'py>(py: Python<'py>, list: &[callsheet::Money]) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for m in list {
        out.set_item(m.currency.to_string(), m.amount)?;
    }
    Ok(out)
}

#[pymethods]
impl RoomAllocation {
    /// Stays housed.
    #[getter]
    fn housed(&self) -> usize {
        self.inner.housed
    }

    /// Moves: people whose next stay is at another hotel.
    #[getter]
    fn moves(&self) -> usize {
        self.inner.moves
    }

    /// Room-nights in use (a shared room counts once a night).
    #[getter]
    fn room_nights(&self) -> u64 {
        self.inner.room_nights()
    }

    /// Total cost of the rooms in use: `{currency: Decimal}`.
    #[getter]
    fn cost<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        money_dict(py, &self.inner.cost)
    }

    /// Total exposure of the unused rooms: `{currency: Decimal}`.
    #[getter]
    fn exposure<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        money_dict(py, &self.inner.exposure)
    }

    /// The cost by budget account: dicts with `account` (`None` for blocks
    /// without one), `cost` (Decimal) and `currency`, by account code,
    /// unassigned last.
    #[getter]
    fn cost_by_account<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for c in &self.inner.cost_by_account {
            let r = PyDict::new(py);
            r.set_item("account", c.account.as_ref().map(|a| a.as_str()))?;
            r.set_item("cost", c.cost.amount)?;
            r.set_item("currency", c.cost.currency.to_string())?;
            out.append(r)?;
        }
        Ok(out)
    }

    /// One dict per housed stay, by person id then first night: `person`,
    /// `name`, `hotel`, `block`, `room` (the production's label, `"R03"`),
    /// `first_night`, `last_night` (inclusive) and `room_mates` (ids).
    #[getter]
    fn assignments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let (people, _) = self.names();
        let out = PyList::empty(py);
        for a in &self.inner.assignments {
            let r = PyDict::new(py);
            r.set_item("person", a.person.as_str())?;
            r.set_item("name", people.get(a.person.as_str()).copied())?;
            r.set_item("hotel", a.hotel.as_str())?;
            r.set_item("block", a.block.as_str())?;
            r.set_item("room", &a.room)?;
            r.set_item("first_night", a.first_night)?;
            r.set_item("last_night", a.last_night)?;
            let mates: Vec<&str> = a.room_mates.iter().map(|m| m.as_str()).collect();
            r.set_item("room_mates", mates)?;
            out.append(r)?;
        }
        Ok(out)
    }

    /// The rooming list: one dict per occupied room per night, by hotel id,
    /// night, block and room — `hotel`, `hotel_name`, `night`, `block`,
    /// `room`, `people` (ids), `names` and `sharing` (more than one person).
    #[getter]
    fn rooming_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let (people, hotels) = self.names();
        let out = PyList::empty(py);
        for night in &self.inner.rooming_list {
            for room in &night.rooms {
                let r = PyDict::new(py);
                r.set_item("hotel", night.hotel.as_str())?;
                r.set_item("hotel_name", hotels.get(night.hotel.as_str()).copied())?;
                r.set_item("night", night.night)?;
                r.set_item("block", room.block.as_str())?;
                r.set_item("room", &room.room)?;
                let ids: Vec<&str> = room.people.iter().map(|p| p.as_str()).collect();
                let names: Vec<&str> = ids
                    .iter()
                    .map(|id| people.get(id).copied().unwrap_or(id))
                    .collect();
                let sharing = ids.len() > 1;
                r.set_item("people", ids)?;
                r.set_item("names", names)?;
                r.set_item("sharing", sharing)?;
                out.append(r)?;
            }
        }
        Ok(out)
    }

    /// The stays that could not be housed, by person id then first night:
    /// `person`, `name`, `first_night`, `last_night`, `reason`
    /// (`"capacity_exhausted"`, `"no_covering_block"`, `"no_block_for_tier"`,
    /// `"no_block_at_hotel"` or `"conflicting_hotels"`) and `message`
    /// (naming blocks, hotels and nights).
    #[getter]
    fn unhoused<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let (people, _) = self.names();
        let out = PyList::empty(py);
        for u in &self.inner.unhoused {
            let r = PyDict::new(py);
            r.set_item("person", u.person.as_str())?;
            r.set_item("name", people.get(u.person.as_str()).copied())?;
            r.set_item("first_night", u.first_night)?;
            r.set_item("last_night", u.last_night)?;
            r.set_item("reason", label(&u.reason))?;
            r.set_item("message", &u.message)?;
            out.append(r)?;
        }
        Ok(out)
    }

    /// Rooms held but empty, per block and night, by release deadline:
    /// `block`, `hotel`, `night`, `rooms`, `exposure` (Decimal: what they
    /// cost if not released), `currency` and `release_deadline` (aware UTC
    /// `datetime`).
    #[getter]
    fn unused<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for u in &self.inner.unused {
            let r = PyDict::new(py);
            r.set_item("block", u.block.as_str())?;
            r.set_item("hotel", u.hotel.as_str())?;
            r.set_item("night", u.night)?;
            r.set_item("rooms", u.rooms)?;
            r.set_item("exposure", u.exposure.amount)?;
            r.set_item("currency", u.exposure.currency.to_string())?;
            r.set_item("release_deadline", u.release_deadline)?;
            out.append(r)?;
        }
        Ok(out)
    }

    /// How good the allocation is known to be: `proven` (no allocation
    /// houses more, and none housing as many costs less), `max_housed` (an
    /// upper bound) and `cost_bound` (a lower bound on the cost when the
    /// bound on housing is met and one currency is used, else `None`).
    #[getter]
    fn optimality<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let o = &self.inner.optimality;
        let r = PyDict::new(py);
        r.set_item("proven", o.proven)?;
        r.set_item("max_housed", o.max_housed)?;
        r.set_item("cost_bound", o.cost_bound.map(|m| m.amount))?;
        Ok(r)
    }

    /// Where each housed person sleeps each night (the hotel's location),
    /// as `Lodging` records: pass them, or the allocation itself, as
    /// `Production.plan_transport(lodging=...)`.
    ///
    /// Raises `ValidationError` when the allocation names a hotel the
    /// production does not have.
    fn lodging(&self) -> PyResult<Vec<Lodging>> {
        Ok(self
            .lodging_records()?
            .into_iter()
            .map(|l| Lodging {
                person: l.person.to_string(),
                night: l.night,
                location: l.location.to_string(),
            })
            .collect())
    }

    /// The rooming list as a coordinator sends it: per hotel, each room
    /// with guests and nights, then who is not housed, the exposure before
    /// each release deadline and the cost by account.
    fn to_text(&self) -> String {
        self.inner.to_text(&self.production)
    }

    /// The rooming list (as `rooming_list`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.rooming_list(py)
    }

    /// The rooming list as a `pandas.DataFrame`. Needs pandas, imported on
    /// first use.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", ROOMING_KEYS.to_vec())?;
        pandas(py)?
            .getattr("DataFrame")?
            .call((self.rooming_list(py)?,), Some(&kwargs))
    }

    fn __len__(&self) -> usize {
        self.inner.housed
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.assignments(py)?.try_iter()?.into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<RoomAllocation>()
            .map(|o| self.inner == o.get().inner)
            .unwrap_or(false)
    }

    fn __hash__(&self) -> PyResult<isize> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "unhashable type: 'RoomAllocation'",
        ))
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        let cost: Vec<String> = r.cost.iter().map(ToString::to_string).collect();
        format!(
            "<RoomAllocation: {} stays housed, {} not housed, {} room-nights, {} moves, cost {}>",
            r.housed,
            r.unhoused.len(),
            r.room_nights(),
            r.moves,
            if cost.is_empty() {
                "0".to_owned()
            } else {
                cost.join(" + ")
            }
        )
    }
}

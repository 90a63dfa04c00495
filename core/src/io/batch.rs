//! Bulk changes from plain records: add or replace people, locations,
//! resources, units, events, hotels, room blocks, purchase orders and
//! transactions by id, and remove by id, in one all-or-nothing step.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Deserialize;

use super::{LoadError, Problem, ValidationErrors, limits, structure_error, syntax_error};
use crate::budget::{PurchaseOrder, Transaction};
use crate::logistics::{Hotel, RoomBlock};
use crate::model::{
    Event, EventId, HotelId, Location, LocationId, Person, PersonId, Production, Resource,
    ResourceId, RoomBlockId, ShootingUnit, UnitId,
};

/// Records to add to (or replace in) a production, and ids to remove.
///
/// Records use the production file's field names; a record whose id exists
/// replaces that record in place, a new id is appended. Removals happen
/// first. Built from JSON with [`RecordBatch::from_json`] (what the Python
/// and mobile bindings send) or in code.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecordBatch {
    /// Shooting units.
    pub units: Vec<ShootingUnit>,
    /// People.
    pub people: Vec<Person>,
    /// Locations.
    pub locations: Vec<Location>,
    /// Resources.
    pub resources: Vec<Resource>,
    /// Events.
    pub events: Vec<Event>,
    /// Hotels (`logistics.hotels`).
    pub hotels: Vec<Hotel>,
    /// Room blocks (`logistics.room_blocks`).
    pub room_blocks: Vec<RoomBlock>,
    /// Purchase orders (by PO number).
    pub purchase_orders: Vec<PurchaseOrder>,
    /// Transactions (by reference).
    pub transactions: Vec<Transaction>,
    /// Ids to remove.
    pub remove: Removals,
}

/// Ids of records to remove.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Removals {
    /// People.
    pub people: Vec<PersonId>,
    /// Locations.
    pub locations: Vec<LocationId>,
    /// Resources.
    pub resources: Vec<ResourceId>,
    /// Shooting units.
    pub units: Vec<UnitId>,
    /// Events.
    pub events: Vec<EventId>,
    /// Hotels.
    pub hotels: Vec<HotelId>,
    /// Room blocks.
    pub room_blocks: Vec<RoomBlockId>,
}

/// What [`Production::apply`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct BatchSummary {
    /// Records appended.
    pub added: usize,
    /// Records that replaced one with the same id.
    pub replaced: usize,
    /// Records removed.
    pub removed: usize,
}

impl RecordBatch {
    /// Parses a batch from JSON (`{"people": [...], "events": [...],
    /// "remove": {"events": ["E1"]}}`), within the production file's limits.
    ///
    /// # Errors
    /// [`LoadError`] with the path of the offending value, e.g.
    /// `people[3].category: unknown variant "grip"`.
    pub fn from_json(text: &str) -> Result<Self, LoadError> {
        limits::check(text)?;
        let mut de = serde_json::Deserializer::from_str(text);
        let batch =
            serde_path_to_error::deserialize(&mut de).map_err(|err| structure_error(&err, text))?;
        de.end().map_err(|err| syntax_error(&err))?;
        Ok(batch)
    }

    /// True when the batch changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Removes `ids` from `items`, then adds or replaces each of `incoming` by
/// id. Duplicate ids within `incoming` and removals of unknown ids are
/// problems at `name[i]`.
fn merge<T, K: Eq + Hash + Clone + std::fmt::Display>(
    name: &str,
    items: &mut Vec<T>,
    incoming: Vec<T>,
    remove: &[K],
    id: impl Fn(&T) -> &K,
    summary: &mut BatchSummary,
    problems: &mut Vec<Problem>,
) {
    // One pass over the items for all removals (not one per id: removing
    // many records from a large production would be quadratic). An id
    // listed twice removes nothing the second time, as one by one would.
    let mut first: HashMap<&K, usize> = HashMap::with_capacity(remove.len());
    let mut repeated = vec![false; remove.len()];
    for (i, k) in remove.iter().enumerate() {
        if first.contains_key(k) {
            repeated[i] = true;
        } else {
            first.insert(k, i);
        }
    }
    let mut removed = vec![0_usize; remove.len()];
    if !first.is_empty() {
        items.retain(|x| match first.get(id(x)) {
            Some(&i) => {
                removed[i] += 1;
                false
            }
            None => true,
        });
    }
    for (i, k) in remove.iter().enumerate() {
        if repeated[i] || removed[i] == 0 {
            problems.push(Problem::new(
                format!("remove.{name}[{i}]"),
                format!("no record in {name} has id \"{k}\""),
            ));
        }
        summary.removed += removed[i];
    }
    let mut at: HashMap<K, usize> = items
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x).clone(), i))
        .collect();
    let mut seen: HashMap<K, usize> = HashMap::new();
    for (i, record) in incoming.into_iter().enumerate() {
        let key = id(&record).clone();
        if let Some(first) = seen.insert(key.clone(), i) {
            problems.push(Problem::new(
                format!("{name}[{i}].id"),
                format!("duplicate id \"{key}\" (also {name}[{first}] in this batch)"),
            ));
            continue;
        }
        match at.get(&key) {
            Some(&k) => {
                items[k] = record;
                summary.replaced += 1;
            }
            None => {
                at.insert(key, items.len());
                items.push(record);
                summary.added += 1;
            }
        }
    }
}

impl Production {
    /// Applies a batch: removals, then additions and replacements by id,
    /// then validation of the whole result. All or nothing: on any problem
    /// the production is unchanged.
    ///
    /// ```
    /// use callsheet::{Production, io::RecordBatch};
    /// let mut p = Production::new("Demo", "Europe/London".parse()?, "GBP".parse()?);
    /// let batch = RecordBatch::from_json(r#"{"people": [
    ///     {"id": "P1", "name": "Ann", "category": "crew"},
    ///     {"id": "P2", "name": "Bo", "category": "cast"}]}"#)?;
    /// assert_eq!(p.apply(batch)?.added, 2);
    /// let bad = RecordBatch::from_json(r#"{"people": [{"id": "P1", "name": "", "category": "crew"}],
    ///     "remove": {"events": ["E9"]}}"#)?;
    /// let err = p.apply(bad).unwrap_err();
    /// assert_eq!(err.problems()[0].to_string(), r#"remove.events[0]: no record in events has id "E9""#);
    /// assert_eq!(p.people[0].name, "Ann", "nothing applied");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`ValidationErrors`] with every problem: duplicate ids within the
    /// batch and unknown removals at the batch's paths (`people[3].id`,
    /// `remove.events[0]`), then the merged production's own problems at
    /// its paths.
    pub fn apply(&mut self, batch: RecordBatch) -> Result<BatchSummary, ValidationErrors> {
        let mut next = self.clone();
        let mut summary = BatchSummary::default();
        let mut problems = Vec::new();
        let r = &batch.remove;
        let s = &mut summary;
        let p = &mut problems;
        merge(
            "units",
            &mut next.units,
            batch.units,
            &r.units,
            |x| &x.id,
            s,
            p,
        );
        merge(
            "people",
            &mut next.people,
            batch.people,
            &r.people,
            |x| &x.id,
            s,
            p,
        );
        merge(
            "locations",
            &mut next.locations,
            batch.locations,
            &r.locations,
            |x| &x.id,
            s,
            p,
        );
        merge(
            "resources",
            &mut next.resources,
            batch.resources,
            &r.resources,
            |x| &x.id,
            s,
            p,
        );
        merge(
            "events",
            &mut next.events,
            batch.events,
            &r.events,
            |x| &x.id,
            s,
            p,
        );
        merge(
            "hotels",
            &mut next.logistics.hotels,
            batch.hotels,
            &r.hotels,
            |x| &x.id,
            s,
            p,
        );
        merge(
            "room_blocks",
            &mut next.logistics.room_blocks,
            batch.room_blocks,
            &r.room_blocks,
            |x| &x.id,
            s,
            p,
        );
        merge(
            "purchase_orders",
            &mut next.ledger.purchase_orders,
            batch.purchase_orders,
            &[],
            |x| &x.id,
            s,
            p,
        );
        merge(
            "transactions",
            &mut next.ledger.transactions,
            batch.transactions,
            &[],
            |x| &x.id,
            s,
            p,
        );
        if !problems.is_empty() {
            return Err(ValidationErrors::from_problems(problems));
        }
        next.validate()?;
        *self = next;
        Ok(summary)
    }
}

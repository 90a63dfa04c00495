//! Pooled resources: equipment, vehicles, stages.

use serde::{Deserialize, Serialize};

use super::{AvailabilityWindow, LocationId, Money, ResourceId};

/// What kind of thing a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// Cameras, lights, radios, grip packages.
    Equipment,
    /// Cars, vans, trucks, trailers.
    Vehicle,
    /// Sound stages and other bookable spaces.
    Stage,
    /// Anything else.
    Other,
}

/// A pool of identical items (3 cameras, 40 radios) or a single item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Unique id within the production.
    pub id: ResourceId,
    /// Name, e.g. `"ARRI Alexa 35 package"`.
    pub name: String,
    /// Kind of resource.
    pub kind: ResourceKind,
    /// How many identical units exist.
    pub quantity: u32,
    /// Serial numbers of the units, when identity matters (at most `quantity`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serials: Vec<String>,
    /// Minutes of prep / load-out needed before each booking.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub prep_minutes: u32,
    /// Minutes of return / check-in needed after each booking.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub return_minutes: u32,
    /// Seats, for vehicles (including the driver's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// Where it is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<LocationId>,
    /// Rental rate per day, if rented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_rate: Option<Money>,
    /// Windows in which the resource cannot be used (maintenance, off-hire).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<AvailabilityWindow>,
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

impl Resource {
    /// A resource with the given id, name, kind and quantity and no buffers.
    pub fn new(
        id: impl Into<ResourceId>,
        name: impl Into<String>,
        kind: ResourceKind,
        quantity: u32,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            quantity,
            serials: Vec::new(),
            prep_minutes: 0,
            return_minutes: 0,
            seats: None,
            home: None,
            day_rate: None,
            unavailable: Vec::new(),
        }
    }

    /// The label of unit `k` (counting from 0): its serial number when one
    /// is recorded, otherwise `#` and its position counting from 1 (`"#3"`).
    /// A generated label that equals a recorded serial (a serial `"#3"` in
    /// a pool with unnamed units) gets a `'` appended until it is unique.
    ///
    /// ```
    /// use callsheet::{Resource, ResourceKind};
    /// let mut radios = Resource::new("RAD", "Motorola radios", ResourceKind::Equipment, 3);
    /// radios.serials = vec!["MT-0041".into()];
    /// assert_eq!(radios.unit_labels(), ["MT-0041", "#2", "#3"]);
    /// ```
    pub fn unit_label(&self, k: usize) -> String {
        if let Some(serial) = self.serials.get(k) {
            return serial.clone();
        }
        let mut label = format!("#{}", k + 1);
        while self.serials.contains(&label) {
            label.push('\'');
        }
        label
    }

    /// The position (counting from 0) of the unit with this label, if it
    /// is one of the resource's [`unit_label`](Resource::unit_label)s.
    pub fn unit_position(&self, label: &str) -> Option<usize> {
        if let Some(k) = self.serials.iter().position(|s| s == label) {
            return Some(k);
        }
        let digits = label.strip_prefix('#')?.trim_end_matches('\'');
        let k = digits.parse::<usize>().ok()?.checked_sub(1)?;
        (k >= self.serials.len() && k < self.quantity as usize && self.unit_label(k) == label)
            .then_some(k)
    }

    /// The labels of all `quantity` units, in order (see [`Resource::unit_label`]).
    pub fn unit_labels(&self) -> Vec<String> {
        (0..self.quantity as usize)
            .map(|k| self.unit_label(k))
            .collect()
    }
}

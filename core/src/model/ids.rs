//! Typed identifiers.
//!
//! Every entity in a production file has a string id chosen by the user
//! (`"P12"`, `"LOC-WAREHOUSE"`). Each kind of entity gets its own id type so
//! that a person id can never be passed where a location id is expected.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! define_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Creates an id from anything string-like.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

define_id!(
    /// Identifies a [`Person`](crate::Person) (cast, crew or other).
    PersonId
);
define_id!(
    /// Identifies a [`Location`](crate::Location).
    LocationId
);
define_id!(
    /// Identifies a pooled [`Resource`](crate::Resource) (equipment, vehicle, stage).
    ResourceId
);
define_id!(
    /// Identifies an [`Event`](crate::Event) in the schedule.
    EventId
);
define_id!(
    /// Identifies a shooting [`ShootingUnit`](crate::ShootingUnit) (main unit, second unit, …).
    UnitId
);
define_id!(
    /// Names a labor rule pack (`"sag-aftra"`, `"iatse"`, `"uk-wtr"`, `"non-union"`, or a custom pack).
    RulePackId
);
define_id!(
    /// Identifies a hotel in the logistics section.
    HotelId
);
define_id!(
    /// Identifies a room block at a hotel.
    RoomBlockId
);
define_id!(
    /// Identifies a budget account (`"3300"`) or detail line.
    AccountCode
);

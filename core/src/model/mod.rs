//! The production model: plain, serde-serialisable data.
//!
//! Everything here is data with no behaviour beyond small accessors; the
//! engines (`io`, and later `schedule`, `rules`, `logistics`, `budget`,
//! `comms`) work on it.

mod events;
mod ids;
mod locations;
mod money;
mod people;
mod production;
mod resources;
mod time;

pub use events::{
    Attendance, BookingStatus, Event, EventKind, InteriorExterior, MealBreak, ResourceBooking,
    SceneDetails, StoryTime,
};
pub use ids::{
    AccountCode, EventId, HotelId, LocationId, PersonId, ResourceId, RoomBlockId, RulePackId,
    UnitId,
};
pub use locations::{Coordinates, Location, PermitWindow, TravelTime};
pub(crate) use money::exact_decimal;
pub use money::{CurrencyCode, Money, UnknownCurrency};
pub use people::{
    AvailabilityKind, AvailabilityWindow, ContactDetails, ContractTier, Person, PersonCategory,
};
pub use production::{FORMAT_VERSION, Holiday, Production, ShootingUnit, WorkingCalendar};
pub use resources::{Resource, ResourceKind};
pub use time::{IanaZone, TimeSpan, Timestamp, UnknownZone};

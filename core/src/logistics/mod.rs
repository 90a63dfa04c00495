//! Logistics: hotels, room blocks, stay requests and vehicle crews, and the
//! engines that plan with them.
//!
//! - [`transport`]: the day's pickups grouped into vehicle runs, per-driver
//!   pickup lists and the movement list of travel days ([`plan_transport`]);
//! - [`equipment`]: availability timelines of pooled resources
//!   ([`resource_timeline`]) and assignment of specific units (serial
//!   numbers) to bookings ([`assign_units`]);
//! - [`rooming`]: stay needs from the schedule and requests
//!   ([`stay_needs`]) and the hotel rooming allocation ([`allocate_rooms`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{AccountCode, HotelId, LocationId, Money, PersonId, RoomBlockId, Timestamp};

pub mod equipment;
mod error;
pub mod rooming;
pub mod transport;

pub use equipment::{assign_units, resource_timeline};
pub use error::LogisticsError;
pub use rooming::{RoomAllocation, RoomingOptions, allocate_rooms, stay_needs};
pub use transport::{VehicleCrew, plan_transport};

/// A hotel the production books rooms at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotel {
    /// Unique id.
    pub id: HotelId,
    /// Name.
    pub name: String,
    /// Where it is (a location in the production, for travel times).
    pub location: LocationId,
}

/// Kind of room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoomType {
    /// A standard room (one or two beds).
    Standard,
    /// A suite.
    Suite,
}

/// A block of rooms held at a hotel over a range of nights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomBlock {
    /// Unique id.
    pub id: RoomBlockId,
    /// Hotel.
    pub hotel: HotelId,
    /// Room type.
    pub room_type: RoomType,
    /// How many people a room sleeps.
    pub occupancy: u32,
    /// First night of the block (the date the night starts).
    pub first_night: NaiveDate,
    /// Last night of the block, inclusive.
    pub last_night: NaiveDate,
    /// Rooms held each night.
    pub rooms: u32,
    /// Nightly rate per room.
    pub rate: Money,
    /// After this instant unused rooms can no longer be released free of charge.
    pub release_deadline: Timestamp,
    /// Budget account the cost posts to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountCode>,
    /// Nights on which the block holds another number of rooms than
    /// `rooms` (the hotel has a convention that week, or the block grows for
    /// the big crowd days).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nightly_rooms: Vec<NightRooms>,
}

/// How many rooms a block holds on one night, overriding its `rooms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NightRooms {
    /// The night (the date it starts), within the block's nights.
    pub night: NaiveDate,
    /// Rooms held that night.
    pub rooms: u32,
}

/// An explicit request for accommodation (beyond what the schedule implies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StayRequest {
    /// Who needs a room.
    pub person: PersonId,
    /// First night.
    pub first_night: NaiveDate,
    /// Last night, inclusive.
    pub last_night: NaiveDate,
    /// Preferred hotel, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotel: Option<HotelId>,
}

/// Hotels, room blocks and stay requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logistics {
    /// Hotels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hotels: Vec<Hotel>,
    /// Room blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub room_blocks: Vec<RoomBlock>,
    /// Explicit stay requests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stay_requests: Vec<StayRequest>,
    /// Who drives which vehicle, and drivers' hours limits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vehicles: Vec<VehicleCrew>,
    /// The production's standing rooming settings (which hotels serve
    /// which location, the idle gap that keeps a weekend inside one stay,
    /// …): what [`allocate_rooms`] is usually given, and what the budget's
    /// hotel links ([`ScheduleLink::HotelRoomNights`](crate::budget::ScheduleLink::HotelRoomNights),
    /// [`ScheduleLink::HotelCost`](crate::budget::ScheduleLink::HotelCost))
    /// allocate with.
    #[serde(default, skip_serializing_if = "RoomingOptions::is_default")]
    pub rooming: RoomingOptions,
}

impl Logistics {
    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.hotels.is_empty()
            && self.room_blocks.is_empty()
            && self.stay_requests.is_empty()
            && self.vehicles.is_empty()
            && self.rooming.is_default()
    }
}

//! Hotel rooming: the rooming list, stays not housed, unused room-nights and
//! their exposure, and the cost by account.

use std::sync::Arc;

use callsheet::logistics::rooming::{
    self, AccountCost, ComparisonRate, LocationHotels, RoomAssignment, RoomingEntry, RoomingNight,
    RoomingOptions, Unhoused, UnhousedReason, UnusedRooms,
};
use callsheet::logistics::transport::Lodging;
use callsheet::{
    AccountCode, CurrencyCode, HotelId, LocationId, Money, PersonId, RoomBlockId, Timestamp,
};

use crate::errors::{CallsheetError, guard};
use crate::production::Production;
use crate::types::{Amount, CivilDate};

/// The hotels that serve a distant location.
#[uniffi::remote(Record)]
pub struct LocationHotels {
    pub location: LocationId,
    pub hotels: Vec<HotelId>,
}

/// What one unit of a currency is worth in a common unit, to compare blocks
/// priced in different currencies (never to report).
#[uniffi::remote(Record)]
pub struct ComparisonRate {
    pub currency: CurrencyCode,
    pub value: Amount,
}

/// How stays are derived and costs compared. Defaults: a person stays on
/// location over up to 2 idle days, goes home after their last work day,
/// any hotel serves any location, one currency.
#[uniffi::remote(Record)]
pub struct RoomingOptions {
    #[uniffi(default = 2)]
    pub idle_gap_nights: u32,
    #[uniffi(default = false)]
    pub stay_last_night: bool,
    #[uniffi(default = [])]
    pub location_hotels: Vec<LocationHotels>,
    #[uniffi(default = [])]
    pub comparison_rates: Vec<ComparisonRate>,
}

/// A person's room for one continuous stay (nights inclusive).
#[uniffi::remote(Record)]
pub struct RoomAssignment {
    pub person: PersonId,
    pub block: RoomBlockId,
    pub hotel: HotelId,
    pub room: String,
    pub first_night: CivilDate,
    pub last_night: CivilDate,
    pub room_mates: Vec<PersonId>,
}

/// One occupied room on one night.
#[uniffi::remote(Record)]
pub struct RoomingEntry {
    pub block: RoomBlockId,
    pub room: String,
    pub people: Vec<PersonId>,
}

/// The rooming list of one hotel for one night.
#[uniffi::remote(Record)]
pub struct RoomingNight {
    pub hotel: HotelId,
    pub night: CivilDate,
    pub rooms: Vec<RoomingEntry>,
}

/// Why a stay could not be housed.
#[uniffi::remote(Enum)]
pub enum UnhousedReason {
    ConflictingHotels,
    NoBlockAtHotel,
    NoCoveringBlock,
    NoBlockForTier,
    CapacityExhausted,
}

/// A stay that could not be housed, with the reason in words.
#[uniffi::remote(Record)]
pub struct Unhoused {
    pub person: PersonId,
    pub first_night: CivilDate,
    pub last_night: CivilDate,
    pub reason: UnhousedReason,
    pub message: String,
}

/// Rooms of a block left empty on one night, and what they cost unless
/// released before the deadline.
#[uniffi::remote(Record)]
pub struct UnusedRooms {
    pub block: RoomBlockId,
    pub hotel: HotelId,
    pub night: CivilDate,
    pub rooms: u32,
    pub exposure: Money,
    pub release_deadline: Timestamp,
}

/// Room cost posted to one budget account (`None`: blocks without one).
#[uniffi::remote(Record)]
pub struct AccountCost {
    pub account: Option<AccountCode>,
    pub cost: Money,
}

/// How good the allocation is known to be: `proven` when no allocation
/// houses more stays and none housing as many costs less.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoomingOptimality {
    /// Whether the allocation is proven optimal.
    pub proven: bool,
    /// No allocation houses more stays than this.
    pub max_housed: u64,
    /// A lower bound on the cost of housing `max_housed` stays (one currency).
    pub cost_bound: Option<Money>,
}

/// Who sleeps where: the rooming list per hotel and night, stays not
/// housed (with why), unused room-nights and their exposure, the cost in
/// total and by account, and each housed person's lodging per night (to
/// pass to `planTransport` in `TransportOptions.lodging`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoomAllocation {
    /// Every housed stay, by person id then first night.
    pub assignments: Vec<RoomAssignment>,
    /// Per hotel (by id) and night, who is in which room.
    pub rooming_list: Vec<RoomingNight>,
    /// Stays not housed, by person id then first night.
    pub unhoused: Vec<Unhoused>,
    /// Empty rooms per block and night, by release deadline.
    pub unused: Vec<UnusedRooms>,
    /// Cost of the rooms in use, one amount per currency.
    pub cost: Vec<Money>,
    /// The same cost by budget account.
    pub cost_by_account: Vec<AccountCost>,
    /// Exposure of the unused rooms, one amount per currency.
    pub exposure: Vec<Money>,
    /// Stays housed.
    pub housed: u64,
    /// People whose next stay is at another hotel.
    pub moves: u64,
    /// Rooms in use, counted once a night however many share.
    pub room_nights: u64,
    /// Bounds and proof.
    pub optimality: RoomingOptimality,
    /// Where each housed person sleeps each night (the hotel's location).
    pub lodging: Vec<Lodging>,
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn convert(
    rooms: rooming::RoomAllocation,
    production: &callsheet::Production,
) -> Result<RoomAllocation, CallsheetError> {
    let lodging = rooms.lodging(production)?;
    let room_nights = rooms.room_nights();
    Ok(RoomAllocation {
        housed: count(rooms.housed),
        moves: count(rooms.moves),
        room_nights,
        optimality: RoomingOptimality {
            proven: rooms.optimality.proven,
            max_housed: count(rooms.optimality.max_housed),
            cost_bound: rooms.optimality.cost_bound,
        },
        assignments: rooms.assignments,
        rooming_list: rooms.rooming_list,
        unhoused: rooms.unhoused,
        unused: rooms.unused,
        cost: rooms.cost,
        cost_by_account: rooms.cost_by_account,
        exposure: rooms.exposure,
        lodging,
    })
}

#[uniffi::export]
impl Production {
    /// The production's standing rooming settings (`logistics.rooming`).
    ///
    /// # Errors
    /// `Internal` only if the library fails unexpectedly.
    pub fn rooming_options(&self) -> Result<RoomingOptions, CallsheetError> {
        guard(|| Ok(self.snapshot().logistics.rooming.clone()))
    }

    /// Allocates hotel rooms: stays from the schedule (work at distant
    /// locations) and the stay requests, each in one room of a room block —
    /// as many housed as possible, then at least cost, then fewest moves —
    /// under the hard rules (tiers, sharing only when both agree and the
    /// nights match, one room per continuous stay, never over a block's
    /// rooms on any night). `options`: `null` for the production's settings.
    ///
    /// # Errors
    /// `Invalid` naming the item: an unknown person, hotel or location in a
    /// request or in `options` (`options.location_hotels[0].hotels[1]`), a
    /// malformed block, or blocks in several currencies without comparison
    /// rates.
    pub fn allocate_rooms(
        &self,
        options: Option<RoomingOptions>,
    ) -> Result<RoomAllocation, CallsheetError> {
        guard(|| {
            let (production, rooms) = self.allocate(options)?;
            convert(rooms, &production)
        })
    }

    /// The allocation as plain text, per hotel: each room with its guests
    /// and nights, then who is not housed, the exposure before each release
    /// deadline and the cost by account.
    ///
    /// # Errors
    /// As `allocateRooms`.
    pub fn rooming_text(&self, options: Option<RoomingOptions>) -> Result<String, CallsheetError> {
        guard(|| {
            let (production, rooms) = self.allocate(options)?;
            Ok(rooms.to_text(&production))
        })
    }
}

impl Production {
    /// The allocation with `options` (the production's settings when
    /// `None`), and the snapshot it was made from.
    fn allocate(
        &self,
        options: Option<RoomingOptions>,
    ) -> Result<(Arc<callsheet::Production>, rooming::RoomAllocation), CallsheetError> {
        let production = self.snapshot();
        let options = options.unwrap_or_else(|| production.logistics.rooming.clone());
        let rooms = callsheet::logistics::allocate_rooms(&production, &options)?;
        Ok((production, rooms))
    }
}

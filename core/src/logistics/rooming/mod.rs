//! Hotel rooming: who needs a room on which nights, and who sleeps where.
//!
//! Two steps, each usable on its own:
//!
//! 1. [`stay_needs`] derives the nights each person needs a room from the
//!    schedule (work at a [`distant`](crate::Location::distant) location) and
//!    from explicit [`StayRequest`](super::StayRequest)s.
//! 2. [`allocate_rooms`] (or [`allocate`], for needs and blocks given
//!    directly) puts every stay in a room of a [`RoomBlock`] and returns the
//!    rooming list, the people it could not house and why, the unused
//!    room-nights and what they cost if not released, and the cost by budget
//!    account.
//!
//! # Stays derived from the schedule
//!
//! A person *works* at a distant location on the civil date (in the
//! location's zone) of their report time at every event held there that is
//! not cancelled (an event without a location uses its parent's). A
//! [`Travel`](crate::EventKind::Travel) event held at a distant location is a
//! *travel day* there. The person's days at one location are split into
//! runs wherever more than [`RoomingOptions::idle_gap_nights`] days without
//! work or travel separate two of them (the default, 2, keeps a weekend
//! inside one stay). For each run:
//!
//! - the first night is the night before the first work day, or the travel
//!   day itself when the run starts with travel (they arrive that day);
//! - the last night is the night before the last work day (they go home
//!   after wrap; [`RoomingOptions::stay_last_night`] keeps them that night
//!   too), or the night before the travel day when the run ends with travel.
//!
//! A run whose last night would come before its first (a lone travel day)
//! needs no room.
//!
//! Runs at different distant locations join into one stay when they overlap
//! or touch, or when no more than [`RoomingOptions::idle_gap_nights`] idle
//! days separate them, as long as a hotel serves both (the unit moves
//! between nearby locations and people keep their room over the weekend);
//! the nights in between are part of the stay.
//!
//! # One person, one room per continuous stay
//!
//! A person's needs (derived and requested) whose nights overlap or touch
//! are one *continuous stay*, and a continuous stay is spent in one room.
//! Its acceptable hotels are those every part accepts: a request's hotel, or
//! for derived stays the hotels [`RoomingOptions::location_hotels`] lists for
//! the location (any hotel when the location is not listed). Two parts that
//! only touch and have no hotel in common stay separate (the person moves
//! with the unit); two that overlap with no hotel in common make a stay that
//! cannot be housed ([`UnhousedReason::ConflictingHotels`]).
//!
//! # Hard rules
//!
//! - **Tiers**: a [`ContractTier::Suite`] person gets a room of a
//!   [`RoomType::Suite`] block; [`ContractTier::Single`] and
//!   [`ContractTier::Suite`] people never share; a
//!   [`ContractTier::Standard`] person may have any room.
//! - **Sharing**: people share a room only when both are standard tier,
//!   both [`may_share_room`](crate::Person::may_share_room), the block's
//!   occupancy allows it, and they need *exactly the same nights* (same
//!   first and last night): room-mates check in and out together, so no
//!   room is ever held half-empty for one of them. Up to `occupancy` people
//!   share a room.
//! - **Continuity**: a stay is spent in one room of one block, from its
//!   first to its last night; it is housed whole or not at all.
//! - **Capacity**: on no night does a block have more rooms in use than it
//!   holds that night ([`RoomBlock::rooms_on`]).
//!
//! # Objective
//!
//! In this order: house as many stays as possible; among allocations that
//! house as many, house the most *nights* (so a week-long stay is not left
//! out for a two-night one just because it is cheaper); then pay as little
//! as possible (every room in use costs its block's nightly rate once,
//! however many people share it; unused rooms are *exposure*, not
//! allocation cost); then make as few *moves* as possible. A move is a
//! person whose next stay (in time) is at another hotel than the previous
//! one, both housed. With blocks in several currencies, costs are compared
//! at [`RoomingOptions::comparison_rates`] and still reported per currency.
//!
//! People's importance is not modelled: when not everyone fits, contract
//! tiers are hard rules (a suite contract never gets a standard room) but
//! not priorities (a standard booking may be given a suite that a suite
//! contract of the same length then lacks). Check
//! [`RoomAllocation::unhoused`], and add rooms or narrow who may use a
//! block with [`RoomingOptions::location_hotels`] or stay requests.
//!
//! # How it is solved
//!
//! Stays only interact through blocks whose nights they share (or by
//! belonging to one person), so the problem splits into independent parts.
//!
//! - A part whose stays all need the same nights, each in a room of its
//!   own (no sharing), whatever its size, is an assignment problem: rooms
//!   taken cheapest first, each kept if an augmenting path can still fill
//!   it (the greedy of a transversal matroid), house the most stays at the
//!   least cost, exactly and without search. Many such parts (one-night
//!   stays, crews arriving and leaving together) cost about nothing each.
//! - Another small part (up to [`EXACT_STAYS`] stays) is solved by branch
//!   and bound, exactly in all four objectives. A search stopped at its node
//!   limit keeps the best allocation found and is not claimed proven. The
//!   known slow case: thousands of small parts of sharers and
//!   interchangeable two-person blocks (four years of one-night stays, a
//!   quarter of them sharing) take tens of seconds and may end unproven.
//! - A larger part starts from a greedy allocation (most constrained stays
//!   first, each in the cheapest block that fits) and is improved by local
//!   search, in rounds: single stays move to a cheaper block with room (or
//!   into a room at all); each block in turn is re-filled optimally given
//!   where everyone else is (a min-cost circulation over the block's nights,
//!   whose interval structure makes it exact and integral: stays may come
//!   in from other blocks or from the unhoused, occupants may leave for a
//!   free room elsewhere); and stays take the place of up to three
//!   occupants who move on to free rooms. A fixed-seed ruin-and-recreate
//!   phase (take a few related stays out, put them back, keep what is no
//!   worse) then lets the search cross between equally good allocations
//!   before a last few rounds. Finally moves are removed where cost allows.
//! - A Lagrangian relaxation (room capacity priced per block and night,
//!   prices found by subgradient steps) bounds how many stays any
//!   allocation can house and, when that bound is met, what housing them
//!   must cost; [`RoomAllocation::optimality`] reports the bounds and
//!   whether they prove the result optimal.
//!
//! Everything is deterministic: no clock, a fixed seed, ties broken by ids,
//! and the result does not depend on the order of the needs or blocks
//! given. The work is about linear in the number of (stay, eligible block)
//! pairs per round: there is no pass over all pairs of stays.

mod bound;
pub(crate) mod checks;
mod exact;
mod flow;
mod instance;
mod needs;
mod present;
mod report;
mod search;
mod state;
mod uniform;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{LogisticsError, RoomBlock, RoomType};
use crate::model::{
    AccountCode, ContractTier, CurrencyCode, HotelId, LocationId, Money, PersonId, Production,
    RoomBlockId, Timestamp,
};

pub use needs::stay_needs;

/// Parts of the problem with at most this many stays are solved exactly by
/// branch and bound.
pub const EXACT_STAYS: usize = 14;

/// The most nights a room block may hold (ten years): the allocation keeps
/// per-night state for every block, so a longer block is refused rather
/// than exhausting memory.
pub const MAX_BLOCK_NIGHTS: u32 = 3_660;

/// Choices for deriving stays and comparing costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomingOptions {
    /// Days without work or travel at a distant location that still keep a
    /// person there (one continuous stay) rather than sending them home.
    /// Default 2: a weekend.
    #[serde(default = "default_idle_gap")]
    pub idle_gap_nights: u32,
    /// Whether a person also stays the night of their last work day at a
    /// distant location (default: no, they travel home after wrap).
    #[serde(default)]
    pub stay_last_night: bool,
    /// Hotels acceptable for stays derived from work at a location; a
    /// location not listed accepts any hotel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub location_hotels: Vec<LocationHotels>,
    /// Relative values of currencies, used only to compare the costs of
    /// blocks priced in different currencies (never to report). Needed for
    /// every currency when the blocks use more than one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparison_rates: Vec<ComparisonRate>,
}

fn default_idle_gap() -> u32 {
    2
}

impl RoomingOptions {
    /// Whether these are the default options (nothing to save).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl Default for RoomingOptions {
    fn default() -> Self {
        Self {
            idle_gap_nights: default_idle_gap(),
            stay_last_night: false,
            location_hotels: Vec::new(),
            comparison_rates: Vec::new(),
        }
    }
}

/// The hotels that serve a distant location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocationHotels {
    /// The location.
    pub location: LocationId,
    /// Hotels acceptable for people working there.
    pub hotels: Vec<HotelId>,
}

/// The value of one unit of a currency, for comparing costs only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRate {
    /// The currency.
    pub currency: CurrencyCode,
    /// What one unit of it is worth in a common unit of your choice (for
    /// example the production's currency), greater than zero.
    #[serde(with = "crate::model::exact_decimal")]
    pub value: Decimal,
}

/// Where a stay need comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum StaySource {
    /// Work or travel at a distant location in the schedule.
    Schedule {
        /// The location.
        location: LocationId,
    },
    /// An explicit request: its index in `logistics.stay_requests`.
    Request {
        /// Index in `logistics.stay_requests`.
        index: usize,
    },
}

/// Which hotels a stay accepts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HotelChoice {
    /// Any hotel.
    Any,
    /// One of these hotels (none, when the parts of a stay disagree).
    OneOf(Vec<HotelId>),
}

impl HotelChoice {
    /// Whether `hotel` is acceptable.
    pub fn accepts(&self, hotel: &HotelId) -> bool {
        match self {
            HotelChoice::Any => true,
            HotelChoice::OneOf(list) => list.contains(hotel),
        }
    }
}

/// One continuous stay a person needs: a room every night from
/// `first_night` to `last_night`, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StayNeed {
    /// Who.
    pub person: PersonId,
    /// First night (the date the night starts).
    pub first_night: NaiveDate,
    /// Last night, inclusive.
    pub last_night: NaiveDate,
    /// The person's accommodation entitlement.
    pub tier: ContractTier,
    /// Whether the person agrees to share a room.
    pub may_share: bool,
    /// Acceptable hotels.
    pub hotels: HotelChoice,
    /// Where the need comes from, in order of first night.
    pub sources: Vec<StaySource>,
}

impl StayNeed {
    /// A need for `person` from `first_night` to `last_night` with standard
    /// tier, no sharing, any hotel and no recorded source.
    pub fn new(person: impl Into<PersonId>, first_night: NaiveDate, last_night: NaiveDate) -> Self {
        Self {
            person: person.into(),
            first_night,
            last_night,
            tier: ContractTier::Standard,
            may_share: false,
            hotels: HotelChoice::Any,
            sources: Vec::new(),
        }
    }

    /// Number of nights.
    pub fn nights(&self) -> i64 {
        (self.last_night - self.first_night).num_days() + 1
    }
}

impl RoomBlock {
    /// Rooms the block holds on `night`: its `nightly_rooms` entry for that
    /// night, else `rooms`; zero outside its nights.
    pub fn rooms_on(&self, night: NaiveDate) -> u32 {
        if night < self.first_night || night > self.last_night {
            return 0;
        }
        self.nightly_rooms
            .iter()
            .find(|n| n.night == night)
            .map_or(self.rooms, |n| n.rooms)
    }

    /// Room-nights the block holds over all its nights.
    pub fn room_nights(&self) -> u64 {
        if self.last_night < self.first_night {
            return 0;
        }
        let nights = (self.last_night - self.first_night).num_days() as u64 + 1;
        let mut total = nights * u64::from(self.rooms);
        // Each night's override (the first given, as `rooms_on` reads it)
        // replaces the usual count.
        let mut seen = std::collections::BTreeSet::new();
        for o in &self.nightly_rooms {
            if o.night >= self.first_night && o.night <= self.last_night && seen.insert(o.night) {
                total = total - u64::from(self.rooms) + u64::from(o.rooms);
            }
        }
        total
    }
}

/// A person's room for one stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomAssignment {
    /// Who.
    pub person: PersonId,
    /// The block the room belongs to.
    pub block: RoomBlockId,
    /// The block's hotel.
    pub hotel: HotelId,
    /// The room's label within the block (`"R03"`): the production's own
    /// numbering, stable for the same allocation; the hotel assigns the
    /// actual room numbers.
    pub room: String,
    /// First night.
    pub first_night: NaiveDate,
    /// Last night, inclusive.
    pub last_night: NaiveDate,
    /// Who shares the room (same nights), by id.
    pub room_mates: Vec<PersonId>,
}

/// One occupied room on one night of the rooming list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomingEntry {
    /// The block.
    pub block: RoomBlockId,
    /// The room's label within the block.
    pub room: String,
    /// Who sleeps there, by id.
    pub people: Vec<PersonId>,
}

/// The rooming list of one hotel for one night.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomingNight {
    /// The hotel.
    pub hotel: HotelId,
    /// The night (the date it starts).
    pub night: NaiveDate,
    /// Occupied rooms, by block id then room label.
    pub rooms: Vec<RoomingEntry>,
}

/// Why a stay could not be housed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnhousedReason {
    /// Parts of the stay ask for different hotels on the same nights.
    ConflictingHotels,
    /// None of the acceptable hotels has a room block.
    NoBlockAtHotel,
    /// No block at an acceptable hotel holds a room on every night of the
    /// stay.
    NoCoveringBlock,
    /// Blocks cover the nights, but none has a room type the person's
    /// contract allows (a suite).
    NoBlockForTier,
    /// Acceptable blocks exist, but their rooms are needed for others
    /// (housing more people, or the same number for less).
    CapacityExhausted,
}

/// A stay that could not be housed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unhoused {
    /// Who.
    pub person: PersonId,
    /// First night.
    pub first_night: NaiveDate,
    /// Last night, inclusive.
    pub last_night: NaiveDate,
    /// Why.
    pub reason: UnhousedReason,
    /// The reason in words, naming blocks, hotels and nights.
    pub message: String,
}

/// Rooms of a block left empty on one night.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnusedRooms {
    /// The block.
    pub block: RoomBlockId,
    /// Its hotel.
    pub hotel: HotelId,
    /// The night.
    pub night: NaiveDate,
    /// Rooms held but empty.
    pub rooms: u32,
    /// What they cost if they are not released: rooms × nightly rate.
    pub exposure: Money,
    /// Release them before this instant to pay nothing.
    pub release_deadline: Timestamp,
}

/// Allocation cost posted to one budget account, in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountCost {
    /// The blocks' account; `None` for blocks without one ("unassigned").
    pub account: Option<AccountCode>,
    /// Total cost of the rooms in use.
    pub cost: Money,
}

/// How good the allocation is known to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Optimality {
    /// Whether no allocation houses more stays, none housing as many houses
    /// more nights, and none housing as many stays and nights costs less.
    /// (Moves are minimised exactly in parts solved by branch and bound, and
    /// as far as local search finds otherwise.)
    pub proven: bool,
    /// No allocation houses more stays than this.
    pub max_housed: usize,
    /// When this allocation houses `max_housed` stays and all blocks use
    /// one currency: no allocation housing as many stays and as many nights
    /// costs less than this.
    pub cost_bound: Option<Money>,
}

/// The result of [`allocate_rooms`] or [`allocate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomAllocation {
    /// Every housed stay, by person id then first night.
    pub assignments: Vec<RoomAssignment>,
    /// The rooming list: per hotel (by id) and night, who is in which room.
    pub rooming_list: Vec<RoomingNight>,
    /// Stays that could not be housed, by person id then first night.
    pub unhoused: Vec<Unhoused>,
    /// Empty rooms per block and night, by release deadline, block id and
    /// night.
    pub unused: Vec<UnusedRooms>,
    /// Total cost of the rooms in use, one amount per currency (by code).
    pub cost: Vec<Money>,
    /// The same cost by budget account (by code, unassigned last) and
    /// currency.
    pub cost_by_account: Vec<AccountCost>,
    /// Total exposure of the unused rooms, one amount per currency.
    pub exposure: Vec<Money>,
    /// Stays housed.
    pub housed: usize,
    /// Moves: people whose next stay is at another hotel.
    pub moves: usize,
    /// Bounds and proof.
    pub optimality: Optimality,
}

/// Derives the stay needs of `production` ([`stay_needs`]) and allocates
/// rooms in its room blocks ([`allocate`]).
///
/// # Errors
/// [`LogisticsError`] naming the offending item: an unknown person, hotel or
/// location in a request or in `options`, a malformed block (nights out of
/// order, no occupancy, a negative rate, a nightly override outside the
/// block's nights or given twice), or blocks in several currencies without
/// comparison rates.
///
/// # Examples
/// A cast member on a suite contract and two crew who share, on location
/// for two shoot days:
///
/// ```
/// use callsheet::logistics::{Hotel, RoomBlock, RoomType, allocate_rooms, RoomingOptions};
/// use callsheet::{Attendance, ContractTier, Event, EventKind, Location, Money, Person, PersonCategory, Production};
///
/// let mut p = Production::new("Night Diner", "America/Denver".parse()?, "USD".parse()?);
/// let mut desert = Location::new("L-DESERT", "Desert Flats", "America/Denver".parse()?);
/// desert.distant = true;
/// p.locations.push(desert);
/// p.locations.push(Location::new("L-INN", "Desert Inn", "America/Denver".parse()?));
/// let mut lead = Person::new("P1", "Maya Ortiz", PersonCategory::Cast);
/// lead.contract_tier = ContractTier::Suite;
/// let mut grip = Person::new("P2", "Sam Lee", PersonCategory::Crew);
/// grip.may_share_room = true;
/// let mut gaffer = Person::new("P3", "Ana Ruiz", PersonCategory::Crew);
/// gaffer.may_share_room = true;
/// p.people.extend([lead, grip, gaffer]);
/// for (id, day) in [("D1", "2027-03-16"), ("D2", "2027-03-17")] {
///     let start = format!("{day}T14:00:00Z").parse()?;
///     let end = format!("{day}T23:00:00Z").parse()?;
///     let mut e = Event::new(id, EventKind::ShootDay, start, end);
///     e.location = Some("L-DESERT".into());
///     e.attendees = ["P1", "P2", "P3"].into_iter().map(Attendance::new).collect();
///     p.events.push(e);
/// }
/// p.logistics.hotels.push(Hotel { id: "H1".into(), name: "Desert Inn".into(), location: "L-INN".into() });
/// let block = |id: &str, room_type, occupancy, rooms, rate: &str| RoomBlock {
///     id: id.into(),
///     hotel: "H1".into(),
///     room_type,
///     occupancy,
///     first_night: "2027-03-15".parse().unwrap(),
///     last_night: "2027-03-17".parse().unwrap(),
///     rooms,
///     rate: Money::new(rate.parse().unwrap(), "USD".parse().unwrap()),
///     release_deadline: "2027-03-01T07:00:00Z".parse().unwrap(),
///     account: Some("3500".into()),
///     nightly_rooms: Vec::new(),
/// };
/// p.logistics.room_blocks.push(block("B-STD", RoomType::Standard, 2, 2, "139.00"));
/// p.logistics.room_blocks.push(block("B-STE", RoomType::Suite, 1, 1, "289.00"));
///
/// let rooms = allocate_rooms(&p, &RoomingOptions::default())?;
/// // Nights of the 15th and 16th: the night before each shoot day.
/// assert_eq!(rooms.housed, 3);
/// assert_eq!(rooms.assignments[0].block.as_str(), "B-STE");
/// assert_eq!(rooms.assignments[1].room_mates, ["P3".into()]);
/// // One suite and one shared standard room for two nights.
/// assert_eq!(rooms.cost[0].to_string(), "856.00 USD");
/// assert!(rooms.optimality.proven);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn allocate_rooms(
    production: &Production,
    options: &RoomingOptions,
) -> Result<RoomAllocation, LogisticsError> {
    let needs = stay_needs(production, options)?;
    solve(
        &needs,
        &production.logistics.room_blocks,
        options,
        &Paths::PRODUCTION,
    )
}

/// Allocates rooms in `blocks` for `needs` (the engine of
/// [`allocate_rooms`], for needs built by hand or by [`stay_needs`]).
///
/// Each need is one continuous stay, housed whole in one room or not at
/// all. A person's needs must not overlap; needs that only touch are
/// separate stays (and may be in different rooms: [`stay_needs`] joins
/// them when one hotel can take both). The result does not depend on the
/// order of `needs` or `blocks`.
///
/// # Errors
/// [`LogisticsError::InvalidOptions`] for a need whose last night is before
/// its first or that overlaps another need of the same person (path
/// `needs[i]`); [`LogisticsError::InvalidProduction`] for a malformed block
/// (path `blocks[i]`, as for [`allocate_rooms`]);
/// [`LogisticsError::InvalidOptions`] for blocks in several currencies
/// without comparison rates.
pub fn allocate(
    needs: &[StayNeed],
    blocks: &[RoomBlock],
    options: &RoomingOptions,
) -> Result<RoomAllocation, LogisticsError> {
    solve(needs, blocks, options, &Paths::ARGUMENTS)
}

/// How to name the needs and blocks in errors.
pub(crate) struct Paths {
    needs: &'static str,
    blocks: &'static str,
}

impl Paths {
    const PRODUCTION: Paths = Paths {
        needs: "needs",
        blocks: "logistics.room_blocks",
    };
    const ARGUMENTS: Paths = Paths {
        needs: "needs",
        blocks: "blocks",
    };
}

fn solve(
    needs: &[StayNeed],
    blocks: &[RoomBlock],
    options: &RoomingOptions,
    paths: &Paths,
) -> Result<RoomAllocation, LogisticsError> {
    let inst = instance::Instance::build(needs, blocks, options, paths)?;
    let solution = search::solve(&inst);
    report::build(&inst, needs, blocks, &solution, paths)
}

/// Whether a block's room type suits a tier.
pub(crate) fn tier_allows(tier: ContractTier, room_type: RoomType) -> bool {
    tier != ContractTier::Suite || room_type == RoomType::Suite
}

//! Logistics: the day's transport plan, and the timelines and unit
//! assignments of pooled resources. (Hotel rooming comes later.)
//!
//! All times are UTC instants (`Timestamp`); stops and movements also carry
//! the wall-clock time in their location's zone (`CivilDateTime`, with the
//! zone) and, for stops, the time as a call sheet prints it (`"05:15"`,
//! `"24:45"` past midnight).

use callsheet::logistics::equipment::{
    BookingWindow, ResourceTimeline, ShortfallReason, TimelineSegment, UnitAssignment, UnitBooking,
    UnitShortfall,
};
use callsheet::logistics::transport::{
    DriverList, Lodging, Movement, NoPickup, NoPickupReason, Ride, Run, Stop, StopKind,
    TransportOptions, TransportPlan, Unassigned, UnassignedReason,
};
use callsheet::{
    AvailabilityKind, BookingStatus, EventId, IanaZone, LocationId, PersonId, ResourceId, Timestamp,
};

use crate::errors::{CallsheetError, guard};
use crate::production::Production;
use crate::types::{CivilDate, CivilDateTime};

/// Where a person sleeps on a night (the date the night starts).
#[uniffi::remote(Record)]
pub struct Lodging {
    pub person: PersonId,
    pub night: CivilDate,
    pub location: LocationId,
}

/// How the transport plan is made. Defaults: riders arrive 15 minutes before
/// their call, wait at most 30 minutes to share a run, detour at most 20
/// minutes, at most 3 pickup stops, 5 minutes to load at each later stop,
/// drivers drive at most 600 minutes a day (`None`: no limit). People
/// without `lodging` for the night before start from their home base.
#[uniffi::remote(Record)]
pub struct TransportOptions {
    #[uniffi(default = 15)]
    pub buffer_minutes: u32,
    #[uniffi(default = [])]
    pub lodging: Vec<Lodging>,
    #[uniffi(default = 30)]
    pub max_wait_minutes: u32,
    #[uniffi(default = 20)]
    pub max_detour_minutes: u32,
    #[uniffi(default = 3)]
    pub max_stops: u32,
    #[uniffi(default = 5)]
    pub stop_minutes: u32,
    #[uniffi(default = Some(600))]
    pub max_driving_minutes: Option<u32>,
}

/// Whether a stop picks riders up or drops them off.
#[uniffi::remote(Enum)]
pub enum StopKind {
    Pickup,
    DropOff,
}

/// One stop of a run: `at` (UTC; for a pickup, when the vehicle leaves with
/// the riders aboard), `local` on the location's wall clock in `zone`, and
/// `clock` as a call sheet prints it for the plan's date.
#[uniffi::remote(Record)]
pub struct Stop {
    pub run: u32,
    pub kind: StopKind,
    pub location: LocationId,
    pub zone: IanaZone,
    pub at: Timestamp,
    pub local: CivilDateTime,
    pub clock: String,
    pub people: Vec<PersonId>,
}

/// One rider on a run.
#[uniffi::remote(Record)]
pub struct Ride {
    pub person: PersonId,
    pub event: EventId,
    pub call: Timestamp,
    pub origin: LocationId,
    pub pickup: Timestamp,
    pub latest_pickup: Timestamp,
    pub ride_minutes: u32,
}

/// A vehicle's trip from one or more pickups to one destination.
#[uniffi::remote(Record)]
pub struct Run {
    pub number: u32,
    pub vehicle: ResourceId,
    pub unit: String,
    pub driver: Option<PersonId>,
    pub destination: LocationId,
    pub depart: Timestamp,
    pub arrive: Timestamp,
    pub deadhead_minutes: u32,
    pub stops: Vec<Stop>,
    pub riders: Vec<Ride>,
}

/// A driver's pickup list: one vehicle's runs of the day.
#[uniffi::remote(Record)]
pub struct DriverList {
    pub driver: Option<PersonId>,
    pub vehicle: ResourceId,
    pub unit: String,
    pub runs: Vec<u32>,
    pub driving_minutes: u32,
    pub stops: Vec<Stop>,
}

/// One person's journey on a travel day.
#[uniffi::remote(Record)]
pub struct Movement {
    pub person: PersonId,
    pub event: EventId,
    pub title: String,
    pub from: Option<LocationId>,
    pub to: Option<LocationId>,
    pub depart: Timestamp,
    pub depart_local: CivilDateTime,
    pub depart_zone: IanaZone,
    pub arrive: Timestamp,
    pub arrive_local: CivilDateTime,
    pub arrive_zone: IanaZone,
    pub notes: String,
}

/// Why a rider got no pickup although one is needed.
#[uniffi::remote(Enum)]
pub enum UnassignedReason {
    NoTravelTime,
    NoSeats,
    NoVehicleFree,
}

/// A rider who needs a pickup and did not get one.
#[uniffi::remote(Record)]
pub struct Unassigned {
    pub person: PersonId,
    pub event: EventId,
    pub call: Timestamp,
    pub origin: LocationId,
    pub destination: LocationId,
    pub reason: UnassignedReason,
}

/// Why a person called that day gets no pickup.
#[uniffi::remote(Enum)]
pub enum NoPickupReason {
    UnknownOrigin,
    UnknownDestination,
    AlreadyThere,
}

/// A person called that day who gets no pickup, and why.
#[uniffi::remote(Record)]
pub struct NoPickup {
    pub person: PersonId,
    pub event: EventId,
    pub call: Timestamp,
    pub reason: NoPickupReason,
}

/// The day's transport: runs, per-driver lists, the travel day's movements,
/// riders without a run (`unassigned`) and people called that day who need
/// no pickup or cannot have one (`no_pickup`). Nobody is dropped silently.
#[uniffi::remote(Record)]
pub struct TransportPlan {
    pub date: CivilDate,
    pub buffer_minutes: u32,
    pub runs: Vec<Run>,
    pub driver_lists: Vec<DriverList>,
    pub movements: Vec<Movement>,
    pub unassigned: Vec<Unassigned>,
    pub no_pickup: Vec<NoPickup>,
}

/// One booking of a resource over its operational window (the event widened
/// by the resource's prep and return times), half-open `[start, end)`.
#[uniffi::remote(Record)]
pub struct BookingWindow {
    pub event: EventId,
    pub status: BookingStatus,
    pub quantity: u32,
    pub start: Timestamp,
    pub end: Timestamp,
}

/// A maximal stretch of time over which a resource's use does not change.
#[uniffi::remote(Record)]
pub struct TimelineSegment {
    pub start: Timestamp,
    pub end: Timestamp,
    pub owned: u32,
    pub usable: u32,
    pub unavailable: Option<AvailabilityKind>,
    pub booked: u32,
    pub confirmed: u32,
    pub available: u32,
    pub over_allocated: u32,
    pub bookings: Vec<BookingWindow>,
}

/// A resource's use over time: contiguous segments in time order, from the
/// first instant anything starts to the last instant anything ends.
#[uniffi::remote(Record)]
pub struct ResourceTimeline {
    pub resource: ResourceId,
    pub owned: u32,
    pub segments: Vec<TimelineSegment>,
}

/// The units (labels: serial numbers, else `#1`, `#2`, …) given to one booking.
#[uniffi::remote(Record)]
pub struct UnitBooking {
    pub booking: BookingWindow,
    pub units: Vec<String>,
}

/// Why a booking did not get all its units.
#[uniffi::remote(Enum)]
pub enum ShortfallReason {
    AllUnitsBusy,
    Unavailable(AvailabilityKind),
}

/// A booking that could not get all its units, from instant `at`.
#[uniffi::remote(Record)]
pub struct UnitShortfall {
    pub event: EventId,
    pub at: Timestamp,
    pub needed: u32,
    pub assigned: u32,
    pub missing: u32,
    pub reason: ShortfallReason,
}

/// Specific units for every booking of a resource, and the shortfalls.
#[uniffi::remote(Record)]
pub struct UnitAssignment {
    pub resource: ResourceId,
    pub owned: u32,
    pub units_used: Vec<String>,
    pub bookings: Vec<UnitBooking>,
    pub shortfalls: Vec<UnitShortfall>,
}

#[uniffi::export]
impl Production {
    /// The transport plan of a day (a civil date in the home zone): each
    /// person's first call, from where they slept, grouped into vehicle runs.
    ///
    /// # Errors
    /// `Invalid` naming the option at fault (`options.max_stops`,
    /// `options.lodging[3].person`) or the production's (`logistics.vehicles[0].vehicle`).
    pub fn plan_transport(
        &self,
        date: CivilDate,
        options: TransportOptions,
    ) -> Result<TransportPlan, CallsheetError> {
        guard(|| {
            Ok(callsheet::logistics::plan_transport(
                &self.snapshot(),
                date,
                &options,
            )?)
        })
    }

    /// The day's pickup list as plain text, the way a transport captain
    /// hands it out (runs with their stops, people without a ride, movements).
    ///
    /// # Errors
    /// As `planTransport`.
    pub fn transport_text(
        &self,
        date: CivilDate,
        options: TransportOptions,
    ) -> Result<String, CallsheetError> {
        guard(|| {
            let production = self.snapshot();
            let plan = callsheet::logistics::plan_transport(&production, date, &options)?;
            Ok(plan.to_text(&production))
        })
    }

    /// A resource's use over time: owned, usable, booked, available and
    /// over-allocated units per segment, with the bookings in force.
    ///
    /// # Errors
    /// `Invalid` (path `resource`) for an unknown resource.
    pub fn resource_timeline(
        &self,
        resource: ResourceId,
    ) -> Result<ResourceTimeline, CallsheetError> {
        guard(|| {
            Ok(callsheet::logistics::resource_timeline(
                &self.snapshot(),
                &resource,
            )?)
        })
    }

    /// Specific units (serial numbers, else `#1`, `#2`, …) for every booking
    /// of a resource, using as few distinct units as possible, and the
    /// bookings that could not get theirs.
    ///
    /// # Errors
    /// `Invalid` (path `resource`) for an unknown resource.
    pub fn assign_units(&self, resource: ResourceId) -> Result<UnitAssignment, CallsheetError> {
        guard(|| {
            Ok(callsheet::logistics::assign_units(
                &self.snapshot(),
                &resource,
            )?)
        })
    }
}

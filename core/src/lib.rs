//! # callsheet
//!
//! The hard parts of a film, TV or theatre production coordinator's job, as
//! an embeddable library: scheduling conflict detection, booking allocation,
//! call sheets and change notices, and budget oversight.
//!
//! ## Overview
//!
//! A [`Production`] is plain data — people, locations, pooled resources,
//! the schedule's [`Event`]s, a budget, a ledger and logistics — that you
//! build in code or load from a versioned JSON production file. The engines
//! read it and answer questions; none of them reads the clock (pass "now"
//! where it matters) or performs I/O beyond the production file itself.
//!
//! Modules, one per area:
//!
//! | module | what it holds |
//! |---|---|
//! | [`model`] | the production's data: people, locations, resources, events, money, time |
//! | [`io`] | production files: load, validate, migrate, save atomically |
//! | [`rules`] | labor rule packs |
//! | [`budget`] | chart of accounts, detail lines, fringes, ledger |
//! | [`comms`] | documents for people: day out of days |
//! | [`logistics`] | hotels, room blocks, stay requests; transport pickups, equipment timelines and serial numbers |
//!
//! Conventions that hold everywhere:
//!
//! - **Instants are UTC** ([`Timestamp`]); civil dates belong to the
//!   production's home zone; times shown to people use the location's
//!   [`IanaZone`].
//! - **Money is exact**: [`Money`] is a `rust_decimal::Decimal` tagged with
//!   an ISO 4217 [`CurrencyCode`]; there are no floats anywhere near it.
//! - **Errors name the item and its path** (`people[3].id: duplicate id
//!   "P12"`) and failed operations change nothing.
//! - **Deterministic**: the same input gives the same output, byte for byte.
//!
//! ## Usage
//!
//! ```toml
//! [dependencies]
//! callsheet = "0.1"
//! ```
//!
//! ## Examples
//!
//! Build a production in code, save it and load it back:
//!
//! ```
//! use callsheet::{Attendance, Event, EventKind, Location, Person, PersonCategory, Production};
//!
//! let mut production = Production::new(
//!     "Night Diner",
//!     "America/Los_Angeles".parse()?,
//!     "USD".parse()?,
//! );
//! production.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
//! production.locations.push(Location::new("L1", "Rosie's Diner", "America/Los_Angeles".parse()?));
//! let mut day = Event::new(
//!     "D1",
//!     EventKind::ShootDay,
//!     "2026-03-02T15:00:00Z".parse()?,
//!     "2026-03-03T03:00:00Z".parse()?,
//! );
//! day.day_number = Some(1);
//! day.location = Some("L1".into());
//! day.attendees.push(Attendance::new("P1"));
//! production.events.push(day);
//!
//! let text = production.to_json();
//! let loaded = Production::from_json(&text)?;
//! assert_eq!(loaded, production);
//! assert_eq!(loaded.to_json(), text);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Errors carry paths:
//!
//! ```
//! use callsheet::Production;
//! let text = r#"{"format_version": 1, "name": "Demo", "zone": "Europe/London", "currency": "GBP",
//!   "events": [{"id": "E1", "kind": "meeting", "status": "confirmed",
//!               "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T09:00:00Z",
//!               "attendees": [{"person": "P99"}]}]}"#;
//! let err = Production::from_json(text).unwrap_err();
//! let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
//! assert_eq!(problems, [
//!     "events[0]: ends (2026-03-02 09:00:00 UTC) before it starts (2026-03-02 10:00:00 UTC)",
//!     "events[0].attendees[0].person: unknown person \"P99\"",
//!     "events[0].attendees[0].dismissal: dismissal 2026-03-02 09:00:00 UTC is not after call 2026-03-02 10:00:00 UTC",
//! ]);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod budget;
pub mod comms;
mod handle;
pub mod io;
pub mod logistics;
pub mod model;
pub mod rules;
pub mod schedule;

pub use handle::{ProductionHandle, UpdateError};
pub use io::{LoadError, Problem, SaveError, ValidationErrors};
pub use model::*;

//! What an allocation means for the rest of the production: where people
//! sleep (for transport), room-nights (for the budget) and the rooming list
//! as text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::RoomAllocation;
use crate::logistics::LogisticsError;
use crate::logistics::transport::Lodging;
use crate::model::{HotelId, Production};

impl RoomAllocation {
    /// Room-nights in use: each occupied room counts once per night,
    /// however many people share it (what the hotels bill).
    ///
    /// ```
    /// use callsheet::logistics::rooming::{StayNeed, RoomingOptions, allocate};
    /// use callsheet::logistics::{RoomBlock, RoomType};
    /// use callsheet::Money;
    /// let night = |d: &str| d.parse().unwrap();
    /// let block = RoomBlock {
    ///     id: "B1".into(), hotel: "H1".into(), room_type: RoomType::Standard, occupancy: 1,
    ///     first_night: night("2027-03-01"), last_night: night("2027-03-10"), rooms: 5,
    ///     rate: Money::new("120.00".parse()?, "USD".parse()?),
    ///     release_deadline: "2027-02-01T00:00:00Z".parse()?, account: None,
    ///     nightly_rooms: Vec::new(),
    /// };
    /// let needs = [
    ///     StayNeed::new("P1", night("2027-03-01"), night("2027-03-03")),
    ///     StayNeed::new("P2", night("2027-03-02"), night("2027-03-03")),
    /// ];
    /// let rooms = allocate(&needs, &[block], &RoomingOptions::default())?;
    /// assert_eq!(rooms.room_nights(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn room_nights(&self) -> u64 {
        self.rooming_list
            .iter()
            .map(|night| night.rooms.len() as u64)
            .sum()
    }

    /// Where each housed person sleeps each night, as the hotel's location:
    /// the `lodging` that [`plan_transport`](crate::logistics::plan_transport)
    /// takes, so pickups start at the hotel. Ordered by night, then person.
    ///
    /// # Errors
    /// [`LogisticsError::InvalidProduction`] when an assignment names a
    /// hotel that `production` does not have (an allocation made for
    /// another production).
    pub fn lodging(&self, production: &Production) -> Result<Vec<Lodging>, LogisticsError> {
        let hotels: BTreeMap<&HotelId, _> = production
            .logistics
            .hotels
            .iter()
            .map(|h| (&h.id, &h.location))
            .collect();
        let mut out = Vec::new();
        for (i, a) in self.assignments.iter().enumerate() {
            let Some(location) = hotels.get(&a.hotel) else {
                return Err(LogisticsError::InvalidProduction {
                    path: format!("assignments[{i}].hotel"),
                    message: format!(
                        "unknown hotel {:?}: the allocation was not made for this production",
                        a.hotel.as_str()
                    ),
                });
            };
            for night in nights(a.first_night, a.last_night) {
                out.push(Lodging {
                    person: a.person.clone(),
                    night,
                    location: (*location).clone(),
                });
            }
        }
        out.sort_by(|x, y| (x.night, &x.person).cmp(&(y.night, &y.person)));
        Ok(out)
    }

    /// The allocation as plain text, as a coordinator sends it to each
    /// hotel: per hotel, each room with its guests and nights (arrival and
    /// departure dates), then the people not housed and why, the empty
    /// rooms' exposure per release deadline, and the cost by account.
    /// Names come from `production` (ids when unknown).
    pub fn to_text(&self, production: &Production) -> String {
        let names: std::collections::HashMap<&str, &str> = production
            .people
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        let person = |id: &crate::model::PersonId| {
            names
                .get(id.as_str())
                .map_or_else(|| id.as_str().to_owned(), |name| (*name).to_owned())
        };
        let hotel_name = |id: &HotelId| {
            production
                .logistics
                .hotels
                .iter()
                .find(|h| h.id == *id)
                .map_or_else(|| id.as_str().to_owned(), |h| h.name.clone())
        };
        let money = |items: &[crate::model::Money]| {
            if items.is_empty() {
                "0".to_owned()
            } else {
                items
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" + ")
            }
        };
        let mut out = format!(
            "== Rooming: {} stays housed, {} not housed, {} room-nights, {} moves, cost {} ==\n",
            self.housed,
            self.unhoused.len(),
            self.room_nights(),
            self.moves,
            money(&self.cost),
        );
        // One line per room and run of nights: the assignment of the
        // first occupant (by id) stands for the room.
        let mut by_hotel: BTreeMap<&HotelId, Vec<&super::RoomAssignment>> = BTreeMap::new();
        for a in &self.assignments {
            if a.room_mates.iter().all(|m| *m > a.person) {
                by_hotel.entry(&a.hotel).or_default().push(a);
            }
        }
        for (hotel, mut rooms) in by_hotel {
            rooms.sort_by(|x, y| {
                (&x.block, &x.room, x.first_night).cmp(&(&y.block, &y.room, y.first_night))
            });
            let _ = writeln!(out, "{} ({}):", hotel_name(hotel), hotel.as_str());
            for a in rooms {
                let mut guests = vec![person(&a.person)];
                guests.extend(a.room_mates.iter().map(&person));
                let count = (a.last_night - a.first_night).num_days() + 1;
                let _ = writeln!(
                    out,
                    "  {} {:<4} in {} out {} ({count} night{}) {}",
                    a.block.as_str(),
                    a.room,
                    a.first_night,
                    a.last_night.succ_opt().unwrap_or(a.last_night),
                    if count == 1 { "" } else { "s" },
                    guests.join(", "),
                );
            }
        }
        if !self.unhoused.is_empty() {
            out.push_str("Not housed:\n");
            for u in &self.unhoused {
                let _ = writeln!(
                    out,
                    "  {} {} to {}: {}",
                    person(&u.person),
                    u.first_night,
                    u.last_night,
                    u.message
                );
            }
        }
        if !self.unused.is_empty() {
            // Per block and deadline: room-nights and exposure.
            let mut exposure: BTreeMap<_, (u64, Vec<crate::model::Money>)> = BTreeMap::new();
            for u in &self.unused {
                let entry = exposure
                    .entry((u.release_deadline, u.block.clone()))
                    .or_insert((0, Vec::new()));
                entry.0 += u64::from(u.rooms);
                match entry
                    .1
                    .iter_mut()
                    .find(|m| m.currency == u.exposure.currency)
                {
                    Some(m) => m.amount = m.amount.saturating_add(u.exposure.amount),
                    None => entry.1.push(u.exposure),
                }
            }
            out.push_str("Unused room-nights (release before the deadline or pay):\n");
            for ((deadline, block), (rooms, cost)) in exposure {
                let _ = writeln!(
                    out,
                    "  {} by {}: {rooms} room-nights, {}",
                    block.as_str(),
                    deadline.format("%Y-%m-%d %H:%M UTC"),
                    money(&cost)
                );
            }
        }
        if !self.cost_by_account.is_empty() {
            out.push_str("Cost by account:\n");
            for c in &self.cost_by_account {
                let account = c.account.as_ref().map_or("unassigned", |a| a.as_str());
                let _ = writeln!(out, "  {account:<10} {}", c.cost);
            }
        }
        out
    }
}

/// Every night from `first` to `last`, inclusive.
fn nights(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |d| *d <= last)
}

//! From the solver's assignment to the rooming list, costs and exposure.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::{NaiveDate, TimeDelta};
use rust_decimal::Decimal;

use super::instance::{Instance, NONE};
use super::search::Solution;
use super::state::State;
use super::{
    AccountCost, HotelChoice, Optimality, Paths, RoomAllocation, RoomAssignment, RoomingEntry,
    RoomingNight, StayNeed, Unhoused, UnhousedReason, UnusedRooms,
};
use crate::logistics::{LogisticsError, RoomBlock};
use crate::model::{AccountCode, ContractTier, CurrencyCode, Money};

/// One room held over a run of nights.
struct Room {
    block: u32,
    a: u32,
    e: u32,
    /// Units in it, by person id.
    units: Vec<u32>,
    label: u32,
}

fn too_large(paths: &Paths, index: usize) -> LogisticsError {
    LogisticsError::InvalidProduction {
        path: format!("{}[{index}].rate", paths.blocks),
        message: "the block's cost is too large to compute".into(),
    }
}

/// Builds the allocation report.
pub(super) fn build(
    inst: &Instance,
    needs: &[StayNeed],
    blocks: &[RoomBlock],
    solution: &Solution,
    paths: &Paths,
) -> Result<RoomAllocation, LogisticsError> {
    let state = State::from_assign(inst, &solution.assign);
    let night = |n: u32| inst.origin + TimeDelta::days(i64::from(n));
    let person_of = |u: u32| &needs[inst.units[u as usize].need].person;

    // Rooms per block.
    let mut per_block: Vec<Vec<u32>> = vec![Vec::new(); inst.blocks.len()];
    for (u, &b) in solution.assign.iter().enumerate() {
        if b != NONE {
            per_block[b as usize].push(u as u32);
        }
    }
    let mut rooms: Vec<Room> = Vec::new();
    for (b, units) in per_block.iter().enumerate() {
        let occ = inst.blocks[b].occ;
        let mut sharers: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        let start = rooms.len();
        for &u in units {
            let unit = &inst.units[u as usize];
            if unit.group != NONE && occ > 1 {
                sharers.entry(unit.group).or_default().push(u);
            } else {
                rooms.push(Room {
                    block: b as u32,
                    a: unit.a,
                    e: unit.e,
                    units: vec![u],
                    label: 0,
                });
            }
        }
        for (_, mut people) in sharers {
            people.sort_by(|&x, &y| person_of(x).cmp(person_of(y)));
            for chunk in people.chunks(occ as usize) {
                let unit = &inst.units[chunk[0] as usize];
                rooms.push(Room {
                    block: b as u32,
                    a: unit.a,
                    e: unit.e,
                    units: chunk.to_vec(),
                    label: 0,
                });
            }
        }
        // Labels: rooms by first night, last night and first occupant; each
        // takes the lowest label free on its first night.
        let block_rooms = &mut rooms[start..];
        block_rooms.sort_by(|x, y| {
            (x.a, x.e, person_of(x.units[0])).cmp(&(y.a, y.e, person_of(y.units[0])))
        });
        let mut free: BinaryHeap<Reverse<u32>> = BinaryHeap::new();
        let mut busy: BinaryHeap<Reverse<(u32, u32)>> = BinaryHeap::new();
        let mut next = 1u32;
        for room in block_rooms.iter_mut() {
            while let Some(&Reverse((end, label))) = busy.peek() {
                if end >= room.a {
                    break;
                }
                busy.pop();
                free.push(Reverse(label));
            }
            let label = match free.pop() {
                Some(Reverse(l)) => l,
                None => {
                    next += 1;
                    next - 1
                }
            };
            room.label = label;
            busy.push(Reverse((room.e, label)));
        }
    }
    let width = rooms
        .iter()
        .map(|r| r.label)
        .max()
        .unwrap_or(1)
        .to_string()
        .len()
        .max(2);
    let label = |l: u32| format!("R{l:0width$}");

    // Assignments.
    let mut assignments = Vec::new();
    for room in &rooms {
        let blk = &blocks[inst.blocks[room.block as usize].src];
        let text = label(room.label);
        for &u in &room.units {
            let need = &needs[inst.units[u as usize].need];
            assignments.push(RoomAssignment {
                person: need.person.clone(),
                block: blk.id.clone(),
                hotel: blk.hotel.clone(),
                room: text.clone(),
                first_night: need.first_night,
                last_night: need.last_night,
                room_mates: room
                    .units
                    .iter()
                    .filter(|&&o| o != u)
                    .map(|&o| person_of(o).clone())
                    .collect(),
            });
        }
    }
    assignments.sort_by(|x, y| (&x.person, x.first_night).cmp(&(&y.person, y.first_night)));

    // Rooming list: (hotel, night, block, label) → people.
    let mut nights: Vec<(u32, u32, u32, u32, usize)> = Vec::new();
    for (i, room) in rooms.iter().enumerate() {
        let hotel = inst.blocks[room.block as usize].hotel;
        for n in room.a..=room.e {
            nights.push((hotel, n, room.block, room.label, i));
        }
    }
    nights.sort_unstable();
    let mut rooming_list: Vec<RoomingNight> = Vec::new();
    let mut key: Option<(u32, u32)> = None;
    for &(hotel, n, b, l, i) in &nights {
        let blk = &blocks[inst.blocks[b as usize].src];
        if key != Some((hotel, n)) {
            key = Some((hotel, n));
            rooming_list.push(RoomingNight {
                hotel: blk.hotel.clone(),
                night: night(n),
                rooms: Vec::new(),
            });
        }
        if let Some(last) = rooming_list.last_mut() {
            last.rooms.push(RoomingEntry {
                block: blk.id.clone(),
                room: label(l),
                people: rooms[i]
                    .units
                    .iter()
                    .map(|&u| person_of(u).clone())
                    .collect(),
            });
        }
    }

    // Unhoused.
    let mut unhoused = Vec::new();
    for (u, unit) in inst.units.iter().enumerate() {
        if solution.assign[u] != NONE {
            continue;
        }
        let need = &needs[unit.need];
        let reason = unit.reason.unwrap_or(UnhousedReason::CapacityExhausted);
        let message = unhoused_message(inst, blocks, &state, u as u32, need, reason);
        unhoused.push(Unhoused {
            person: need.person.clone(),
            first_night: need.first_night,
            last_night: need.last_night,
            reason,
            message,
        });
    }
    unhoused.sort_by(|x, y| (&x.person, x.first_night).cmp(&(&y.person, y.first_night)));

    // Cost, exposure, unused rooms.
    let mut cost: BTreeMap<CurrencyCode, Decimal> = BTreeMap::new();
    let mut by_account: BTreeMap<(Option<AccountCode>, CurrencyCode), Decimal> = BTreeMap::new();
    let mut exposure: BTreeMap<CurrencyCode, Decimal> = BTreeMap::new();
    let mut unused = Vec::new();
    for (b, blk) in inst.blocks.iter().enumerate() {
        let src = &blocks[blk.src];
        let mut room_nights = 0u64;
        for (i, (&used, &cap)) in state.used[b].iter().zip(&blk.cap).enumerate() {
            room_nights += u64::from(used);
            let empty = cap.saturating_sub(used);
            if empty > 0 {
                let amount = src
                    .rate
                    .amount
                    .checked_mul(Decimal::from(empty))
                    .ok_or_else(|| too_large(paths, blk.src))?;
                let total = exposure.entry(src.rate.currency).or_default();
                *total = total
                    .checked_add(amount)
                    .ok_or_else(|| too_large(paths, blk.src))?;
                unused.push(UnusedRooms {
                    block: src.id.clone(),
                    hotel: src.hotel.clone(),
                    night: night(blk.first + i as u32),
                    rooms: empty,
                    exposure: Money::new(amount, src.rate.currency),
                    release_deadline: src.release_deadline,
                });
            }
        }
        let amount = src
            .rate
            .amount
            .checked_mul(Decimal::from(room_nights))
            .ok_or_else(|| too_large(paths, blk.src))?;
        if room_nights > 0 {
            let total = cost.entry(src.rate.currency).or_default();
            *total = total
                .checked_add(amount)
                .ok_or_else(|| too_large(paths, blk.src))?;
            // Unassigned (None) sorts last.
            let key = (src.account.clone(), src.rate.currency);
            let total = by_account.entry(key).or_default();
            *total = total
                .checked_add(amount)
                .ok_or_else(|| too_large(paths, blk.src))?;
        }
    }
    // Blocks are in id order already; sort by deadline, block id, night.
    unused.sort_by(|x, y| {
        (x.release_deadline, &x.block, x.night).cmp(&(y.release_deadline, &y.block, y.night))
    });
    let mut cost_by_account: Vec<AccountCost> = by_account
        .into_iter()
        .map(|((account, currency), amount)| AccountCost {
            account,
            cost: Money::new(amount, currency),
        })
        .collect();
    cost_by_account.sort_by(|x, y| {
        (x.account.is_none(), &x.account, x.cost.currency).cmp(&(
            y.account.is_none(),
            &y.account,
            y.cost.currency,
        ))
    });

    let housed = solution.assign.iter().filter(|&&b| b != NONE).count();
    let cost_bound = match (inst.currency, solution.cost_bound) {
        (Some(currency), Some(bound)) if housed >= solution.max_housed => {
            Decimal::try_from_i128_with_scale(bound.max(0), inst.scale)
                .ok()
                .map(|mut amount| {
                    amount.rescale(inst.scale.max(currency.minor_units()));
                    Money::new(amount, currency)
                })
        }
        _ => None,
    };
    Ok(RoomAllocation {
        assignments,
        rooming_list,
        unhoused,
        unused,
        cost: cost.into_iter().map(|(c, a)| Money::new(a, c)).collect(),
        cost_by_account,
        exposure: exposure
            .into_iter()
            .map(|(c, a)| Money::new(a, c))
            .collect(),
        housed,
        moves: state.moves() as usize,
        optimality: Optimality {
            proven: solution.proven,
            max_housed: solution.max_housed.max(housed),
            cost_bound,
        },
    })
}

fn nights_text(need: &StayNeed) -> String {
    if need.first_night == need.last_night {
        format!("the night of {}", need.first_night)
    } else {
        format!("nights {} to {}", need.first_night, need.last_night)
    }
}

fn list<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    let all: Vec<String> = items.into_iter().map(|x| x.to_string()).collect();
    const SHOWN: usize = 5;
    if all.len() > SHOWN {
        format!(
            "{}, and {} more",
            all[..SHOWN].join(", "),
            all.len() - SHOWN
        )
    } else {
        all.join(", ")
    }
}

fn unhoused_message(
    inst: &Instance,
    blocks: &[RoomBlock],
    state: &State,
    u: u32,
    need: &StayNeed,
    reason: UnhousedReason,
) -> String {
    let nights = nights_text(need);
    match reason {
        UnhousedReason::ConflictingHotels => format!(
            "{}: parts of the stay ask for different hotels on the same nights ({})",
            nights,
            list(need.sources.iter().map(|s| match s {
                super::StaySource::Schedule { location } => format!("work at {location}"),
                super::StaySource::Request { index } => {
                    format!("logistics.stay_requests[{index}]")
                }
            }))
        ),
        UnhousedReason::NoBlockAtHotel => match &need.hotels {
            HotelChoice::OneOf(hotels) => format!(
                "{}: no room block is held at {}",
                nights,
                list(hotels.iter().map(|h| format!("{:?}", h.as_str())))
            ),
            HotelChoice::Any => format!("{nights}: no room block is held at any hotel"),
        },
        UnhousedReason::NoCoveringBlock => format!(
            "{nights}: no room block at an acceptable hotel has a room every one of these nights"
        ),
        UnhousedReason::NoBlockForTier => {
            let tier = match need.tier {
                ContractTier::Suite => "suite",
                ContractTier::Single => "single",
                ContractTier::Standard => "standard",
            };
            format!(
                "{nights}: the {tier} contract needs a suite, and no suite block at an acceptable hotel covers these nights"
            )
        }
        UnhousedReason::CapacityExhausted => {
            let unit = &inst.units[u as usize];
            let full: Vec<String> = unit
                .elig
                .iter()
                .map(|&b| {
                    let blk = &inst.blocks[b as usize];
                    let id = blocks[blk.src].id.as_str();
                    let first_full = (unit.a..=unit.e).find(|&n| {
                        let i = (n - blk.first) as usize;
                        state.used[b as usize][i] >= blk.cap[i]
                    });
                    match first_full {
                        Some(n) => format!("{id} is full on {}", night_date(inst.origin, n)),
                        None => format!("{id} has a room but no free bed for sharing"),
                    }
                })
                .collect();
            format!(
                "{nights}: every acceptable block is taken by others ({})",
                list(full)
            )
        }
    }
}

fn night_date(origin: NaiveDate, n: u32) -> NaiveDate {
    origin + TimeDelta::days(i64::from(n))
}

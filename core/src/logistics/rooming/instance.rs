//! The allocation problem in compact form: nights as indices, blocks and
//! stays in canonical order, costs as integers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::{HotelChoice, Paths, RoomingOptions, StayNeed, UnhousedReason, tier_allows};
use crate::logistics::{LogisticsError, RoomBlock};
use crate::model::{ContractTier, CurrencyCode};

/// No block / no share group.
pub(super) const NONE: u32 = u32::MAX;

/// A room block.
#[derive(Debug, Clone)]
pub(super) struct Blk {
    /// Index in the caller's blocks.
    pub src: usize,
    /// Hotel, as an index into [`Instance::hotels`].
    pub hotel: u32,
    /// People a room sleeps.
    pub occ: u32,
    /// Cost of one room-night in comparison units.
    pub weight: i128,
    /// First night index.
    pub first: u32,
    /// Rooms per night from `first` on.
    pub cap: Vec<u32>,
}

/// A stay: one need that the problem may house.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// Index in the caller's needs.
    pub need: usize,
    /// First and last night index, inclusive.
    pub a: u32,
    pub e: u32,
    /// Share group (sharers with exactly these nights), or [`NONE`].
    pub group: u32,
    /// Eligible blocks, cheapest first.
    pub elig: Vec<u32>,
    /// Why no block is eligible, when none is.
    pub reason: Option<UnhousedReason>,
}

impl Unit {
    /// Number of nights.
    #[inline]
    pub fn len(&self) -> u32 {
        self.e - self.a + 1
    }
}

/// The compact problem.
#[derive(Debug, Clone)]
pub(super) struct Instance {
    /// Night index 0.
    pub origin: NaiveDate,
    /// Blocks by id.
    pub blocks: Vec<Blk>,
    /// Stays by (first night, last night, person id).
    pub units: Vec<Unit>,
    /// Number of share groups.
    pub groups: usize,
    /// Each person's stays in time order (only people with several).
    pub chains: Vec<Vec<u32>>,
    /// Each unit's previous and next stay of the same person, or [`NONE`].
    pub neighbours: Vec<(u32, u32)>,
    /// Units eligible for each block.
    pub block_units: Vec<Vec<u32>>,
    /// What leaving each stay unhoused costs in the objective: more than
    /// all costs together, and more for a longer stay (at equal numbers
    /// housed, the most nights are housed).
    pub penalty: Vec<i128>,
    /// The same for every stay (nights not counted).
    pub stay_penalty: Vec<i128>,
    /// Decimal places of comparison units (weights are amount × 10^scale).
    pub scale: u32,
    /// The one currency of all blocks, if there is one.
    pub currency: Option<CurrencyCode>,
    /// Whether the weights are the costs exactly (not rounded): only then
    /// can an allocation be proven optimal.
    pub exact_weights: bool,
}

fn invalid_block(path: String, message: impl Into<String>) -> LogisticsError {
    LogisticsError::InvalidProduction {
        path,
        message: message.into(),
    }
}

fn invalid_option(path: String, message: impl Into<String>) -> LogisticsError {
    LogisticsError::InvalidOptions {
        path,
        message: message.into(),
    }
}

fn night_index(origin: NaiveDate, night: NaiveDate) -> i64 {
    (night - origin).num_days()
}

impl Instance {
    /// Checks the input and builds the compact problem.
    pub fn build(
        needs: &[StayNeed],
        blocks: &[RoomBlock],
        options: &RoomingOptions,
        paths: &Paths,
    ) -> Result<Instance, LogisticsError> {
        check_blocks(blocks, paths)?;
        check_needs(needs, paths)?;
        let (weights, scale, currency, exact_weights) = weights(blocks, options, paths)?;

        // Canonical block order: by id.
        let mut order: Vec<usize> = (0..blocks.len()).collect();
        order.sort_by(|&x, &y| blocks[x].id.cmp(&blocks[y].id));
        let origin = blocks
            .iter()
            .map(|b| b.first_night)
            .min()
            .unwrap_or(NaiveDate::MIN);
        let mut hotel_ix: BTreeMap<&str, u32> = BTreeMap::new();
        for b in blocks {
            let next = hotel_ix.len() as u32;
            hotel_ix.entry(b.hotel.as_str()).or_insert(next);
        }
        // Hotel indices in id order (BTreeMap iterates sorted).
        for (i, v) in hotel_ix.values_mut().enumerate() {
            *v = i as u32;
        }
        let mut blks = Vec::with_capacity(blocks.len());
        for &src in &order {
            let b = &blocks[src];
            let first = night_index(origin, b.first_night) as u32;
            let len = (b.last_night - b.first_night).num_days() as usize + 1;
            let mut cap = vec![b.rooms; len];
            for o in &b.nightly_rooms {
                cap[night_index(b.first_night, o.night) as usize] = o.rooms;
            }
            blks.push(Blk {
                src,
                hotel: hotel_ix[b.hotel.as_str()],
                occ: b.occupancy,
                weight: weights[src],
                first,
                cap,
            });
        }

        // Canonical unit order.
        let mut uorder: Vec<usize> = (0..needs.len()).collect();
        uorder.sort_by(|&x, &y| {
            let (a, b) = (&needs[x], &needs[y]);
            (a.first_night, a.last_night, &a.person).cmp(&(b.first_night, b.last_night, &b.person))
        });
        let mut persons: FxHashMap<&str, u32> = FxHashMap::default();
        let mut person_units: Vec<Vec<u32>> = Vec::new();
        let mut groups: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut units = Vec::with_capacity(needs.len());
        let mut block_units = vec![Vec::new(); blks.len()];
        let mut max_cost: i128 = 0;
        for &src in &uorder {
            let need = &needs[src];
            let pix = {
                let next = persons.len() as u32;
                *persons.entry(need.person.as_str()).or_insert(next)
            };
            if pix as usize == person_units.len() {
                person_units.push(Vec::new());
            }
            let uix = units.len() as u32;
            person_units[pix as usize].push(uix);
            let a = night_index(origin, need.first_night);
            let e = night_index(origin, need.last_night);
            let (elig, reason) = eligible(need, a, e, blocks, &blks);
            // Nights outside every block never matter: clamp for storage.
            let (a, e) = if elig.is_empty() {
                (0, 0)
            } else {
                (a as u32, e as u32)
            };
            let sharer = need.may_share && need.tier == ContractTier::Standard;
            let group = if sharer && !elig.is_empty() {
                let next = groups.len() as u32;
                *groups.entry((a, e)).or_insert(next)
            } else {
                NONE
            };
            let len = i128::from(e - a + 1);
            let mut elig = elig;
            elig.sort_by_key(|&b| (blks[b as usize].weight, b));
            // The dearest eligible block (the last, once sorted by weight):
            // housing a stay must be worth more than any cost.
            if let Some(&b) = elig.last() {
                max_cost = max_cost.max(blks[b as usize].weight * len);
            }
            for &b in &elig {
                block_units[b as usize].push(uix);
            }
            units.push(Unit {
                need: src,
                a,
                e,
                group,
                elig,
                reason,
            });
        }
        // The objective is lexicographic — stays housed, then nights housed,
        // then cost — as one integer: costs are at most (stays × the dearest
        // stay), so a housed night is worth more than all of them
        // (`night_w`), and a housed stay more than all nights (`big_w`).
        // Leaving stay `u` unhoused costs `big_w + nights(u) × night_w`.
        let total_nights: i128 = units.iter().map(|u| i128::from(u.len())).sum();
        let stays = units.len() as i128 + 1;
        let weights_fit = || -> Option<(i128, i128)> {
            let night_w = max_cost.checked_mul(stays)?.checked_add(1)?;
            let big_w = night_w.checked_mul(total_nights.checked_add(1)?)?;
            // Every stay unhoused, plus every cost, must still fit.
            big_w.checked_mul(stays)?.checked_mul(2)?;
            Some((night_w, big_w))
        };
        let Some((night_w, big_w)) = weights_fit() else {
            return Err(invalid_block(
                paths.blocks.to_owned(),
                "rates, nights and stays together are too large to compare exactly",
            ));
        };
        let penalty: Vec<i128> = units
            .iter()
            .map(|u| big_w + i128::from(u.len()) * night_w)
            .collect();
        // The same objective without the nights: what the first searches of
        // a large part use (longer stays preferred from the start block
        // capacity that shorter ones could use, and fewer are housed).
        let stay_penalty = vec![big_w; units.len()];
        let chains: Vec<Vec<u32>> = person_units.into_iter().filter(|c| c.len() > 1).collect();
        let mut neighbours = vec![(NONE, NONE); units.len()];
        for chain in &chains {
            for (i, &u) in chain.iter().enumerate() {
                let prev = if i > 0 { chain[i - 1] } else { NONE };
                let next = chain.get(i + 1).copied().unwrap_or(NONE);
                neighbours[u as usize] = (prev, next);
            }
        }
        Ok(Instance {
            origin,
            blocks: blks,
            units,
            groups: groups.len(),
            chains,
            neighbours,
            block_units,
            penalty,
            stay_penalty,
            scale,
            currency,
            exact_weights,
        })
    }

    /// Rooms a share group of `count` people takes in block `b`.
    #[inline]
    pub fn rooms_for(&self, b: u32, count: u32) -> u32 {
        let occ = self.blocks[b as usize].occ.max(1);
        count.div_ceil(occ)
    }

    /// Cost of a room for unit `u` in block `b`.
    #[inline]
    pub fn room_cost(&self, u: u32, b: u32) -> i128 {
        let unit = &self.units[u as usize];
        self.blocks[b as usize].weight * i128::from(unit.len())
    }
}

/// Blocks a need may use (any order), or why there are none.
fn eligible(
    need: &StayNeed,
    a: i64,
    e: i64,
    blocks: &[RoomBlock],
    blks: &[Blk],
) -> (Vec<u32>, Option<UnhousedReason>) {
    if let HotelChoice::OneOf(list) = &need.hotels {
        if list.is_empty() {
            return (Vec::new(), Some(UnhousedReason::ConflictingHotels));
        }
    }
    let mut at_hotel = false;
    let mut covering = false;
    let mut out = Vec::new();
    for (i, blk) in blks.iter().enumerate() {
        let b = &blocks[blk.src];
        if !need.hotels.accepts(&b.hotel) {
            continue;
        }
        at_hotel = true;
        let first = i64::from(blk.first);
        let last = first + blk.cap.len() as i64 - 1;
        if a < first || e > last {
            continue;
        }
        let lo = (a - first) as usize;
        let hi = (e - first) as usize;
        if blk.cap[lo..=hi].contains(&0) {
            continue;
        }
        covering = true;
        if !tier_allows(need.tier, b.room_type) {
            continue;
        }
        out.push(i as u32);
    }
    let reason = if !out.is_empty() {
        None
    } else if !at_hotel {
        Some(UnhousedReason::NoBlockAtHotel)
    } else if !covering {
        Some(UnhousedReason::NoCoveringBlock)
    } else {
        Some(UnhousedReason::NoBlockForTier)
    };
    (out, reason)
}

fn check_blocks(blocks: &[RoomBlock], paths: &Paths) -> Result<(), LogisticsError> {
    let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, b) in blocks.iter().enumerate() {
        let path = format!("{}[{i}]", paths.blocks);
        if let Some(j) = ids.insert(b.id.as_str(), i) {
            return Err(invalid_block(
                format!("{path}.id"),
                format!(
                    "duplicate id {:?} (also {}[{j}])",
                    b.id.as_str(),
                    paths.blocks
                ),
            ));
        }
        if let Some((field, message)) = super::checks::block_flaws(b).into_iter().next() {
            return Err(invalid_block(format!("{path}.{field}"), message));
        }
    }
    Ok(())
}

fn check_needs(needs: &[StayNeed], paths: &Paths) -> Result<(), LogisticsError> {
    let mut by_person: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, n) in needs.iter().enumerate() {
        if n.last_night < n.first_night {
            return Err(invalid_option(
                format!("{}[{i}].last_night", paths.needs),
                format!("{} is before first_night {}", n.last_night, n.first_night),
            ));
        }
        by_person.entry(n.person.as_str()).or_default().push(i);
    }
    let mut people: Vec<_> = by_person.into_iter().collect();
    people.sort_unstable();
    for (person, mut list) in people {
        list.sort_by_key(|&i| (needs[i].first_night, i));
        for w in list.windows(2) {
            let (p, q) = (&needs[w[0]], &needs[w[1]]);
            if q.first_night <= p.last_night {
                return Err(invalid_option(
                    format!("{}[{}]", paths.needs, w[1]),
                    format!(
                        "overlaps {}[{}]: {person:?} needs two rooms on {}",
                        paths.needs, w[0], q.first_night
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Each block's cost per room-night as an integer in comparison units, the
/// scale of those units, and the single currency if there is one.
fn weights(
    blocks: &[RoomBlock],
    options: &RoomingOptions,
    paths: &Paths,
) -> Result<(Vec<i128>, u32, Option<CurrencyCode>, bool), LogisticsError> {
    let mut currencies: Vec<CurrencyCode> = blocks.iter().map(|b| b.rate.currency).collect();
    currencies.sort_unstable();
    currencies.dedup();
    if let Some((field, message)) = super::checks::comparison_rate_flaws(&options.comparison_rates)
        .into_iter()
        .next()
    {
        return Err(invalid_option(
            format!("options.comparison_rates{field}"),
            message,
        ));
    }
    let single = currencies.len() <= 1;
    let mut values = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        let value = if single {
            b.rate.amount
        } else {
            let rate = options
                .comparison_rates
                .iter()
                .find(|r| r.currency == b.rate.currency)
                .ok_or_else(|| {
                    invalid_option(
                        format!("{}[{i}].rate", paths.blocks),
                        format!(
                            "blocks are priced in {}; options.comparison_rates has no rate for {} to compare them",
                            currencies
                                .iter()
                                .map(|c| c.code())
                                .collect::<Vec<_>>()
                                .join(", "),
                            b.rate.currency
                        ),
                    )
                })?;
            b.rate
                .amount
                .checked_mul(rate.value)
                .ok_or_else(|| invalid_block(format!("{}[{i}].rate", paths.blocks), "too large"))?
        };
        values.push(value);
    }
    // Exact in one currency: scale by the largest number of decimals
    // (capped, for converted amounts, at 9: then weights are rounded, and
    // the result is never claimed proven).
    let max_scale = values.iter().map(|v| v.scale()).max().unwrap_or(0);
    let exact = max_scale <= 9;
    let scale = max_scale.min(9);
    let factor = Decimal::from(10u64.pow(scale));
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let w = v
            .checked_mul(factor)
            .map(|w| w.round())
            .and_then(|w| i128::try_from(w).ok())
            .filter(|w| *w < (1i128 << 62))
            .ok_or_else(|| invalid_block(format!("{}[{i}].rate", paths.blocks), "too large"))?;
        out.push(w);
    }
    let currency = if single {
        currencies.first().copied()
    } else {
        None
    };
    Ok((out, scale, currency, exact))
}

//! A seeded rooming problem: stays over a season of nights and room blocks
//! at several hotels, with contract tiers, sharers, hotel requests and
//! nightly capacities that change.
//!
//! The shape follows a series shooting on location for a quarter: crews
//! arrive together (a department's people need the same nights, and some
//! of them share), cast come and go for a few days, some people come back
//! for a second stay, a few ask for a particular hotel, and hotels lend
//! fewer rooms during a convention week. Capacity is scaled to about the
//! demand, so that some nights are short of rooms: where to put whom then
//! decides how many people are housed and what it costs.

use callsheet::logistics::rooming::{HotelChoice, StayNeed};
use callsheet::logistics::{NightRooms, RoomBlock, RoomType};
use callsheet::{ContractTier, Money};
use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};

use crate::SplitMix64;

/// Size of a generated rooming problem.
#[derive(Debug, Clone, Copy)]
pub struct RoomingSize {
    /// Stays (needs).
    pub stays: usize,
    /// Nights in the season.
    pub nights: u32,
    /// Room blocks.
    pub blocks: usize,
}

impl RoomingSize {
    /// The size the target is stated for: 3,000 stays over 90
    /// nights in 40 room blocks.
    pub const BENCH: RoomingSize = RoomingSize {
        stays: 3_000,
        nights: 90,
        blocks: 40,
    };
}

/// Hotels (and their ids, `H01`…) of a generated problem.
pub fn hotel_count(size: RoomingSize) -> usize {
    size.blocks.div_ceil(5).max(1)
}

/// The first night of the season.
pub fn season_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or(NaiveDate::MIN)
}

fn money(cents: u64) -> Money {
    Money::new(
        rust_decimal::Decimal::new(cents as i64, 2),
        callsheet::CurrencyCode::USD,
    )
}

/// Generates stays and blocks for `size` from `seed` (same seed, same
/// problem, on every machine).
pub fn rooming_problem(size: RoomingSize, seed: u64) -> (Vec<StayNeed>, Vec<RoomBlock>) {
    let mut rng = SplitMix64::new(seed);
    let start = season_start();
    let nights = size.nights.max(1);
    let night = |n: u32| start + TimeDelta::days(i64::from(n));
    let hotels = hotel_count(size);

    // Stays: crews of 1–6 people with the same nights.
    let mut needs: Vec<StayNeed> = Vec::with_capacity(size.stays);
    let mut person = 0usize;
    while needs.len() < size.stays {
        let crew = 1 + rng.below(6) as usize;
        let len = match rng.below(10) {
            0..=3 => 1 + rng.below(5),
            4..=7 => 6 + rng.below(15),
            _ => 21 + rng.below(40),
        } as u32;
        let len = len.min(nights);
        let first = rng.below(u64::from(nights - len + 1)) as u32;
        let last = first + len - 1;
        // A crew may ask for one hotel, or one of two.
        let hotels_choice = match rng.below(100) {
            0..=7 => {
                HotelChoice::OneOf(vec![format!("H{:02}", 1 + rng.below(hotels as u64)).into()])
            }
            8..=12 => {
                let x = 1 + rng.below(hotels as u64);
                let y = 1 + rng.below(hotels as u64);
                let mut list: Vec<callsheet::HotelId> =
                    vec![format!("H{x:02}").into(), format!("H{y:02}").into()];
                list.sort();
                list.dedup();
                HotelChoice::OneOf(list)
            }
            _ => HotelChoice::Any,
        };
        for _ in 0..crew {
            if needs.len() >= size.stays {
                break;
            }
            person += 1;
            let tier = match rng.below(100) {
                0..=4 => ContractTier::Suite,
                5..=19 => ContractTier::Single,
                _ => ContractTier::Standard,
            };
            let may_share = tier == ContractTier::Standard && rng.below(100) < 55;
            let id = format!("P{person:05}");
            let mut need = StayNeed::new(id.as_str(), night(first), night(last));
            need.tier = tier;
            need.may_share = may_share;
            need.hotels = hotels_choice.clone();
            needs.push(need);
            // One in ten comes back for a second stay after a break.
            if rng.below(10) == 0 && needs.len() < size.stays && last + 4 < nights {
                let gap = 3 + rng.below(10) as u32;
                let first2 = (last + 1 + gap).min(nights - 1);
                let len2 = (1 + rng.below(12) as u32).min(nights - first2);
                let mut again = StayNeed::new(id.as_str(), night(first2), night(first2 + len2 - 1));
                again.tier = tier;
                again.may_share = may_share;
                again.hotels = HotelChoice::Any;
                needs.push(again);
            }
        }
    }

    // Demand in room-nights per night (sharers count half).
    let mut demand = vec![0.0f64; nights as usize];
    for n in &needs {
        let a = (n.first_night - start).num_days() as usize;
        let b = (n.last_night - start).num_days() as usize;
        let w = if n.may_share { 0.5 } else { 1.0 };
        for d in &mut demand[a..=b] {
            *d += w;
        }
    }
    let total_demand: f64 = demand.iter().sum();

    // Blocks: five per hotel, of mixed types and windows.
    struct Draft {
        hotel: usize,
        room_type: RoomType,
        occupancy: u32,
        first: u32,
        last: u32,
        weight: f64,
        rate_cents: u64,
        dips: Vec<(u32, u32, f64)>,
    }
    let mut drafts = Vec::with_capacity(size.blocks);
    let hotel_rate: Vec<u64> = (0..hotels).map(|_| 8_900 + rng.below(160) * 100).collect();
    for i in 0..size.blocks {
        let hotel = i % hotels;
        let (room_type, occupancy, factor, weight) = match rng.below(100) {
            0..=17 => (RoomType::Suite, 1 + rng.below(2) as u32, 2.3, 0.35),
            18..=45 => (RoomType::Standard, 1, 0.85, 1.0),
            _ => (RoomType::Standard, 2, 1.0, 1.0),
        };
        let (first, last) = if rng.below(10) < 6 {
            (0, nights - 1)
        } else {
            let len = (nights / 3 + rng.below(u64::from(nights / 2 + 1)) as u32).min(nights);
            let first = rng.below(u64::from(nights - len + 1)) as u32;
            (first, first + len - 1)
        };
        // Rates in dollars and cents, varying around the hotel's level.
        let base = hotel_rate[hotel] as f64 * factor;
        let rate_cents =
            (base * (0.9 + rng.below(21) as f64 / 100.0)) as u64 / 50 * 50 + 50 * rng.below(2);
        let mut dips = Vec::new();
        for _ in 0..rng.below(3) {
            let at = first + rng.below(u64::from(last - first + 1)) as u32;
            let len = 2 + rng.below(6) as u32;
            let scale = [0.3, 0.5, 0.7, 1.4][rng.below(4) as usize];
            dips.push((at, (at + len - 1).min(last), scale));
        }
        drafts.push(Draft {
            hotel,
            room_type,
            occupancy,
            first,
            last,
            weight: weight * (0.5 + rng.below(100) as f64 / 100.0),
            rate_cents,
            dips,
        });
    }
    // Scale rooms so that capacity is about 4 % above demand in total.
    let weighted: f64 = drafts
        .iter()
        .map(|d| d.weight * f64::from(d.last - d.first + 1))
        .sum();
    let per_weight = 1.04 * total_demand / weighted.max(1.0);
    let mut blocks = Vec::with_capacity(size.blocks);
    for (i, d) in drafts.iter().enumerate() {
        let rooms = ((d.weight * per_weight).round() as u32).max(1);
        let mut nightly_rooms = Vec::new();
        for &(a, b, scale) in &d.dips {
            for n in a..=b {
                if nightly_rooms
                    .iter()
                    .any(|o: &NightRooms| o.night == night(n))
                {
                    continue;
                }
                nightly_rooms.push(NightRooms {
                    night: night(n),
                    rooms: (f64::from(rooms) * scale).round() as u32,
                });
            }
        }
        nightly_rooms.sort_by_key(|o| o.night);
        let first_night = night(d.first);
        let deadline = Utc.from_utc_datetime(
            &(first_night - TimeDelta::days(30))
                .and_hms_opt(17, 0, 0)
                .unwrap_or_default(),
        );
        blocks.push(RoomBlock {
            id: format!("B{:02}", i + 1).into(),
            hotel: format!("H{:02}", d.hotel + 1).into(),
            room_type: d.room_type,
            occupancy: d.occupancy,
            first_night,
            last_night: night(d.last),
            rooms,
            rate: money(d.rate_cents),
            release_deadline: deadline,
            account: match d.room_type {
                RoomType::Suite => Some("1350".into()),
                RoomType::Standard if i % 7 == 3 => None,
                RoomType::Standard => Some("3560".into()),
            },
            nightly_rooms,
        });
    }
    (needs, blocks)
}

/// Size of a generated problem of many tiny independent parts.
#[derive(Debug, Clone, Copy)]
pub struct TinyPartsSize {
    /// Nights in the season (every stay is one of them).
    pub nights: u32,
    /// Stays per night on average (each night has this ± 2, in pairs of
    /// nights, so the total is exactly `nights × stays_per_night`).
    pub stays_per_night: u32,
    /// One-room blocks, each over the whole season.
    pub blocks: usize,
}

impl TinyPartsSize {
    /// Four years of nights with about 12 one-night stays each (17,520
    /// stays) and 20 one-room blocks over the four years.
    pub const BENCH: TinyPartsSize = TinyPartsSize {
        nights: 1_460,
        stays_per_night: 12,
        blocks: 20,
    };
}

/// Generates many small independent parts: one-night stays of different
/// people (standard tier, no sharing, any hotel), so that each night's
/// stays are a part of their own, and one-room blocks over the whole
/// season at four hotels with rates between 89.00 and 148.00 (some equal):
/// every stay may take any block, and the blocks only differ by rate and
/// hotel. Same seed, same problem.
pub fn tiny_parts_problem(size: TinyPartsSize, seed: u64) -> (Vec<StayNeed>, Vec<RoomBlock>) {
    let mut rng = SplitMix64::new(seed);
    let start = season_start();
    let nights = size.nights.max(1);
    let night = |n: u32| start + TimeDelta::days(i64::from(n));
    let mut needs: Vec<StayNeed> = Vec::new();
    let mut person = 0usize;
    let mut swing = 0i64;
    for n in 0..nights {
        // Nights in pairs: the first gets `d` more, the second `d` fewer.
        let count = if n % 2 == 0 {
            swing = rng.below(5) as i64 - 2;
            i64::from(size.stays_per_night) + swing
        } else {
            i64::from(size.stays_per_night) - swing
        };
        for _ in 0..count.max(0) {
            person += 1;
            needs.push(StayNeed::new(
                format!("P{person:05}").as_str(),
                night(n),
                night(n),
            ));
        }
    }
    let deadline = Utc.from_utc_datetime(
        &(start - TimeDelta::days(30))
            .and_hms_opt(17, 0, 0)
            .unwrap_or_default(),
    );
    let blocks = (0..size.blocks)
        .map(|i| RoomBlock {
            id: format!("B{:02}", i + 1).into(),
            hotel: format!("H{:02}", i % 4 + 1).into(),
            room_type: RoomType::Standard,
            occupancy: 1,
            first_night: start,
            last_night: night(nights - 1),
            rooms: 1,
            rate: money(8_900 + 100 * rng.below(60)),
            release_deadline: deadline,
            account: Some("3560".into()),
            nightly_rooms: Vec::new(),
        })
        .collect();
    (needs, blocks)
}

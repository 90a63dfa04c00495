//! The checks of room blocks and rooming settings, written once.
//!
//! Two callers use them: the production file's validation
//! (`io::validate`, which reports every problem, under
//! `logistics.room_blocks[i]` and `logistics.rooming`) and the engine
//! ([`super::allocate`] and [`super::stay_needs`], which take blocks and
//! options that never went through a file and stop at the first problem,
//! under the caller's paths). Both give the same words for the same fault.
//!
//! Each check returns its problems as `(field, message)`, with `field`
//! relative to the item checked (`"last_night"`,
//! `"nightly_rooms[2].night"`); the caller puts its own path in front.
//! Duplicate ids stay with each caller, which has its own index of them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{ComparisonRate, LocationHotels, MAX_BLOCK_NIGHTS};
use crate::logistics::RoomBlock;

/// One problem: the field it is in (relative to the item) and what is wrong.
pub(crate) type Flaw = (String, String);

/// The problems of one room block, apart from its id and hotel.
pub(crate) fn block_flaws(b: &RoomBlock) -> Vec<Flaw> {
    let mut out = Vec::new();
    if b.last_night < b.first_night {
        out.push((
            "last_night".to_owned(),
            format!("{} is before first_night {}", b.last_night, b.first_night),
        ));
    }
    let nights = (b.last_night - b.first_night).num_days() + 1;
    if nights > i64::from(MAX_BLOCK_NIGHTS) {
        out.push((
            "last_night".to_owned(),
            format!(
                "the block holds {nights} nights ({} to {}); a block holds at most {MAX_BLOCK_NIGHTS}",
                b.first_night, b.last_night
            ),
        ));
    }
    if b.occupancy == 0 {
        out.push(("occupancy".to_owned(), "must be at least 1".to_owned()));
    }
    // A rate written "-0.00" is zero, not negative.
    if b.rate.amount < Decimal::ZERO {
        out.push(("rate".to_owned(), "must not be negative".to_owned()));
    }
    let mut seen: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for (k, o) in b.nightly_rooms.iter().enumerate() {
        let field = format!("nightly_rooms[{k}].night");
        if o.night < b.first_night || o.night > b.last_night {
            out.push((
                field,
                format!(
                    "{} is outside the block's nights ({} to {})",
                    o.night, b.first_night, b.last_night
                ),
            ));
        } else if let Some(j) = seen.insert(o.night, k) {
            out.push((
                field,
                format!("{} is also given at nightly_rooms[{j}]", o.night),
            ));
        }
    }
    out
}

/// The problems of the hotels-per-location setting: a location that does
/// not exist or is listed twice, a hotel that does not exist. Fields are
/// relative to the setting's list (`"[1].location"`).
pub(crate) fn location_hotels_flaws(
    list: &[LocationHotels],
    location_known: impl Fn(&str) -> bool,
    hotel_known: impl Fn(&str) -> bool,
) -> Vec<Flaw> {
    let mut out = Vec::new();
    let mut first_at: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, l) in list.iter().enumerate() {
        if !location_known(l.location.as_str()) {
            out.push((
                format!("[{i}].location"),
                format!("unknown location {:?}", l.location.as_str()),
            ));
        } else if let Some(j) = first_at.get(l.location.as_str()) {
            out.push((
                format!("[{i}].location"),
                format!(
                    "location {:?} is also listed at location_hotels[{j}]",
                    l.location.as_str()
                ),
            ));
        } else {
            first_at.insert(l.location.as_str(), i);
        }
        for (k, h) in l.hotels.iter().enumerate() {
            if !hotel_known(h.as_str()) {
                out.push((
                    format!("[{i}].hotels[{k}]"),
                    format!("unknown hotel {:?}", h.as_str()),
                ));
            }
        }
    }
    out
}

/// The problems of the comparison rates: a value not above zero, a currency
/// given twice. Fields are relative to the list (`"[0].value"`).
pub(crate) fn comparison_rate_flaws(list: &[ComparisonRate]) -> Vec<Flaw> {
    let mut out = Vec::new();
    let mut first_at = BTreeMap::new();
    for (i, r) in list.iter().enumerate() {
        if r.value <= Decimal::ZERO {
            out.push((
                format!("[{i}].value"),
                "must be greater than zero".to_owned(),
            ));
        }
        if let Some(j) = first_at.get(&r.currency) {
            out.push((
                format!("[{i}].currency"),
                format!("{} is also given at comparison_rates[{j}]", r.currency),
            ));
        } else {
            first_at.insert(r.currency, i);
        }
    }
    out
}

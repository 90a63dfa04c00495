//! The rule packs that ship with callsheet, as data.
//!
//! Sources (see DOMAIN.md): SAG-AFTRA Codified Basic Agreement (day
//! performers), IATSE Basic Agreement (Los Angeles crew), UK Working Time
//! Regulations 1998, Equity (stage), and common product defaults for
//! non-union work. California child labor rules for minors. Not legal
//! advice: productions override what their own contracts say.

use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;

use super::{MinorBand, MinorRules, RulePack, RuleParams};
use crate::model::{CurrencyCode, Money};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

fn usd(amount: i64, scale: u32) -> Money {
    Money::new(Decimal::new(amount, scale), CurrencyCode::USD)
}

const HOUR: u32 = 60;

/// California minors (Labor Code / 8 CCR 11760): hours at the workplace by age.
fn california_minors() -> MinorRules {
    let band = |under_age_months, workplace_hours: u32, work_minutes| MinorBand {
        under_age_months,
        max_workplace_minutes: workplace_hours * HOUR,
        max_work_minutes: work_minutes,
    };
    MinorRules {
        bands: vec![
            band(6, 2, 20),
            band(24, 4, 120),
            band(72, 6, 180),
            band(108, 8, 240),
            band(192, 9, 300),
            band(216, 10, 360),
        ],
        earliest_call: time(5, 0),
        latest_dismissal: time(22, 0),
        latest_dismissal_before_non_school_day: time(0, 30),
        turnaround_minutes: 12 * HOUR,
    }
}

/// The built-in rule packs.
pub fn builtin_packs() -> Vec<RulePack> {
    vec![
        RulePack {
            id: "sag-aftra".into(),
            name: "SAG-AFTRA Codified Basic Agreement (day performers)".into(),
            jurisdiction: "US".into(),
            version: "2023".into(),
            effective_from: date(2023, 11, 9),
            effective_until: None,
            params: RuleParams {
                turnaround_minutes: Some(12 * HOUR),
                weekly_rest_minutes: Some(56 * HOUR),
                max_daily_minutes: None,
                max_weekly_minutes: None,
                consecutive_days_warning: Some(6),
                meal_interval_minutes: Some(6 * HOUR),
                meal_min_minutes: Some(30),
                breakfast_window_minutes: Some(2 * HOUR),
                meal_penalties: Some(vec![usd(25, 0), usd(35, 0), usd(50, 0)]),
                forced_call_cost: Some(usd(900, 0)),
                drop_min_gap_days: Some(14),
                minors: Some(california_minors()),
            },
        },
        RulePack {
            id: "iatse".into(),
            name: "IATSE Basic Agreement (Los Angeles crew)".into(),
            jurisdiction: "US-CA Los Angeles".into(),
            version: "2024".into(),
            effective_from: date(2024, 8, 1),
            effective_until: None,
            params: RuleParams {
                turnaround_minutes: Some(10 * HOUR),
                weekly_rest_minutes: Some(54 * HOUR),
                max_daily_minutes: None,
                max_weekly_minutes: None,
                consecutive_days_warning: Some(6),
                meal_interval_minutes: Some(6 * HOUR),
                meal_min_minutes: Some(30),
                breakfast_window_minutes: Some(2 * HOUR),
                meal_penalties: Some(vec![usd(850, 2), usd(1100, 2), usd(1350, 2)]),
                forced_call_cost: None,
                drop_min_gap_days: None,
                minors: Some(california_minors()),
            },
        },
        RulePack {
            id: "uk-wtr".into(),
            name: "UK Working Time Regulations 1998".into(),
            jurisdiction: "UK".into(),
            version: "1998 (as amended)".into(),
            effective_from: date(1998, 10, 1),
            effective_until: None,
            params: RuleParams {
                turnaround_minutes: Some(11 * HOUR),
                weekly_rest_minutes: Some(24 * HOUR),
                max_daily_minutes: None,
                max_weekly_minutes: Some(48 * HOUR),
                consecutive_days_warning: Some(7),
                meal_interval_minutes: Some(6 * HOUR),
                meal_min_minutes: Some(20),
                breakfast_window_minutes: None,
                meal_penalties: None,
                forced_call_cost: None,
                drop_min_gap_days: None,
                minors: None,
            },
        },
        RulePack {
            id: "equity".into(),
            name: "Equity (stage)".into(),
            jurisdiction: "UK".into(),
            version: "2024".into(),
            effective_from: date(2024, 4, 1),
            effective_until: None,
            params: RuleParams {
                turnaround_minutes: Some(12 * HOUR),
                weekly_rest_minutes: Some(24 * HOUR),
                max_daily_minutes: Some(12 * HOUR),
                max_weekly_minutes: None,
                consecutive_days_warning: Some(15),
                meal_interval_minutes: None,
                meal_min_minutes: None,
                breakfast_window_minutes: None,
                meal_penalties: None,
                forced_call_cost: None,
                drop_min_gap_days: None,
                minors: None,
            },
        },
        RulePack {
            id: "non-union".into(),
            name: "Non-union default".into(),
            jurisdiction: "any".into(),
            version: "1".into(),
            effective_from: date(2000, 1, 1),
            effective_until: None,
            params: RuleParams {
                turnaround_minutes: Some(10 * HOUR),
                weekly_rest_minutes: None,
                max_daily_minutes: Some(14 * HOUR),
                max_weekly_minutes: Some(60 * HOUR),
                consecutive_days_warning: Some(6),
                meal_interval_minutes: Some(6 * HOUR),
                meal_min_minutes: Some(30),
                breakfast_window_minutes: None,
                meal_penalties: None,
                forced_call_cost: None,
                drop_min_gap_days: None,
                minors: Some(california_minors()),
            },
        },
    ]
}

//! Labor rules as versioned data.
//!
//! A [`RulePack`] is a named, versioned set of [`RuleParams`] for one
//! jurisdiction, effective over a range of dates. callsheet ships packs for
//! SAG-AFTRA performers, IATSE crew (Los Angeles), the UK Working Time
//! Regulations, Equity (stage) and a non-union default ([`builtin_packs`]);
//! a production can add its own packs or newer versions
//! ([`Production::rule_packs`](crate::Production::rule_packs)) and override
//! any parameter per department or person
//! ([`Production::rule_overrides`](crate::Production::rule_overrides)).
//!
//! Figures come from public union and government documents (see
//! `DOMAIN.md`); union contracts change every cycle, which is why every
//! number here is data with an effective date, never a constant in an engine.

mod builtin;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

pub use builtin::builtin_packs;

use crate::model::{Money, PersonId, RulePackId};

/// The pack used for people who name none.
pub const DEFAULT_PACK: &str = "non-union";

/// Ids of the rule packs that ship with callsheet.
pub const BUILTIN_PACKS: &[&str] = &["sag-aftra", "iatse", "uk-wtr", "equity", "non-union"];

/// Limits for one age band of minors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinorBand {
    /// The band covers ages below this many whole months (e.g. 72 = under 6 years).
    pub under_age_months: u32,
    /// Most minutes at the workplace per day.
    pub max_workplace_minutes: u32,
    /// Most minutes of actual work per day (informational: callsheet checks workplace time).
    pub max_work_minutes: u32,
}

/// Rules for performers and crew under 18.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinorRules {
    /// Age bands, youngest first.
    pub bands: Vec<MinorBand>,
    /// Earliest local call.
    pub earliest_call: NaiveTime,
    /// Latest local dismissal before a school day.
    pub latest_dismissal: NaiveTime,
    /// Latest local dismissal before a non-school day (past midnight, e.g. 00:30).
    pub latest_dismissal_before_non_school_day: NaiveTime,
    /// Minimum rest between dismissal and next call.
    pub turnaround_minutes: u32,
}

impl MinorRules {
    /// The band for an age in whole months, or `None` for adults.
    pub fn band(&self, age_months: u32) -> Option<&MinorBand> {
        self.bands.iter().find(|b| age_months < b.under_age_months)
    }
}

/// The parameters of a rule pack. Every field is optional: a missing value
/// means the rule does not apply, and in an override it means "keep the
/// pack's value".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleParams {
    /// Minimum rest from a person's dismissal to their next call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnaround_minutes: Option<u32>,
    /// Minimum weekly rest: no run of work may go this long without it (see the
    /// conflict engine's documentation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_rest_minutes: Option<u32>,
    /// Most minutes from first call to last dismissal in one work day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_daily_minutes: Option<u32>,
    /// Most minutes of work in one calendar week (Monday to Sunday, home zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_weekly_minutes: Option<u32>,
    /// Warn from this consecutive work day on (6 = warn on the 6th and 7th day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consecutive_days_warning: Option<u32>,
    /// A meal must start within this many minutes of call or of the end of the previous meal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal_interval_minutes: Option<u32>,
    /// Shortest break that counts as a meal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal_min_minutes: Option<u32>,
    /// A non-deductible breakfast within this many minutes of call restarts the meal clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakfast_window_minutes: Option<u32>,
    /// Meal penalty per half hour (or part) late: first, second, and every further one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal_penalties: Option<Vec<Money>>,
    /// Estimated cost of a rest (turnaround) violation, e.g. a forced call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forced_call_cost: Option<Money>,
    /// Smallest gap, in calendar days, for which a performer may be dropped and picked up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_min_gap_days: Option<u32>,
    /// Rules for minors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minors: Option<MinorRules>,
}

impl RuleParams {
    /// These parameters with every value set in `patch` replaced by the patch's.
    pub fn patched(&self, patch: &RuleParams) -> RuleParams {
        RuleParams {
            turnaround_minutes: patch.turnaround_minutes.or(self.turnaround_minutes),
            weekly_rest_minutes: patch.weekly_rest_minutes.or(self.weekly_rest_minutes),
            max_daily_minutes: patch.max_daily_minutes.or(self.max_daily_minutes),
            max_weekly_minutes: patch.max_weekly_minutes.or(self.max_weekly_minutes),
            consecutive_days_warning: patch
                .consecutive_days_warning
                .or(self.consecutive_days_warning),
            meal_interval_minutes: patch.meal_interval_minutes.or(self.meal_interval_minutes),
            meal_min_minutes: patch.meal_min_minutes.or(self.meal_min_minutes),
            breakfast_window_minutes: patch
                .breakfast_window_minutes
                .or(self.breakfast_window_minutes),
            meal_penalties: patch
                .meal_penalties
                .clone()
                .or_else(|| self.meal_penalties.clone()),
            forced_call_cost: patch.forced_call_cost.or(self.forced_call_cost),
            drop_min_gap_days: patch.drop_min_gap_days.or(self.drop_min_gap_days),
            minors: patch.minors.clone().or_else(|| self.minors.clone()),
        }
    }

    /// The meal penalty for the `n`th half hour late (0-based): the schedule's
    /// last amount repeats.
    pub fn meal_penalty(&self, n: usize) -> Option<Money> {
        let schedule = self.meal_penalties.as_ref()?;
        schedule.get(n).or(schedule.last()).copied()
    }
}

/// A named, versioned set of labor rules for one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    /// Id people refer to (`"sag-aftra"`).
    pub id: RulePackId,
    /// Full name ("SAG-AFTRA Codified Basic Agreement, day performers").
    pub name: String,
    /// Where it applies ("US", "US-CA Los Angeles", "UK").
    pub jurisdiction: String,
    /// Version label ("2023").
    pub version: String,
    /// First date the version applies.
    pub effective_from: NaiveDate,
    /// Last date the version applies, if superseded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<NaiveDate>,
    /// The rules.
    pub params: RuleParams,
}

impl RulePack {
    /// Whether this version applies on `date`.
    pub fn effective_on(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_until.is_none_or(|until| date <= until)
    }
}

/// Replaces rule parameters for a department or a person.
///
/// Department overrides apply first, person overrides last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    /// The person it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    /// The department it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The replacement values.
    pub params: RuleParams,
}

/// Whether `id` names a rule pack callsheet ships.
pub fn is_known_pack(id: &str) -> bool {
    BUILTIN_PACKS.contains(&id)
}

/// Age in whole months on `date` for someone born on `birth`.
pub fn age_in_months(birth: NaiveDate, date: NaiveDate) -> u32 {
    if date < birth {
        return 0;
    }
    let mut months = (date.year() - birth.year()) * 12 + date.month() as i32 - birth.month() as i32;
    if date.day() < birth.day() {
        months -= 1;
    }
    months.max(0) as u32
}

/// The rule packs of a production and the overrides, resolved per person and date.
#[derive(Debug, Clone)]
pub struct RuleBook {
    packs: Vec<RulePack>,
}

impl RuleBook {
    /// The production's packs first (they win), then the built-in ones.
    pub fn new(production_packs: &[RulePack]) -> Self {
        let mut packs = production_packs.to_vec();
        packs.extend(builtin_packs());
        Self { packs }
    }

    /// Whether any pack (production or built-in) has this id.
    pub fn knows(&self, id: &str) -> bool {
        self.packs.iter().any(|p| p.id.as_str() == id)
    }

    /// The version of pack `id` in force on `date`, if any.
    pub fn pack(&self, id: &str, date: NaiveDate) -> Option<&RulePack> {
        self.packs
            .iter()
            .find(|p| p.id.as_str() == id && p.effective_on(date))
    }
}

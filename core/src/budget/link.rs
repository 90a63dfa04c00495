//! The schedule → budget link: the values of [`ScheduleLink`] globals.
//!
//! Each figure is computed from the production at most once per budget
//! run, and only when some global asks for it.

use std::cell::OnceCell;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ScheduleLink;
use crate::comms::{DoodOptions, DoodPeople, DoodRange, DoodReport, day_out_of_days};
use crate::logistics::{RoomAllocation, allocate_rooms};
use crate::model::{BookingStatus, EventKind, Money, Production};

/// Computes linked globals' values from the production's schedule.
pub(crate) struct Resolver<'a> {
    production: &'a Production,
    dood: OnceCell<DoodReport>,
    violation_cost: OnceCell<Result<Decimal, String>>,
    rooms: OnceCell<Result<RoomAllocation, String>>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(production: &'a Production) -> Self {
        Self {
            production,
            dood: OnceCell::new(),
            violation_cost: OnceCell::new(),
            rooms: OnceCell::new(),
        }
    }

    /// The value of `link`, or why there is none.
    pub(crate) fn value(&self, link: &ScheduleLink) -> Result<Decimal, String> {
        let p = self.production;
        match link {
            ScheduleLink::ShootDays => Ok(self.shoot_days(|_| true)),
            ScheduleLink::ShootWeeks => {
                let days = self.shoot_days(|_| true);
                let per_week = p.budget.units.days_per_week;
                if per_week <= Decimal::ZERO {
                    return Err("budget.units.days_per_week must be positive".into());
                }
                Ok(days / per_week)
            }
            ScheduleLink::UnitShootDays(unit) => {
                if !p.units.iter().any(|u| u.id == *unit) {
                    return Err(format!("unknown unit {:?}", unit.as_str()));
                }
                Ok(self.shoot_days(|e| e.unit.as_ref() == Some(unit)))
            }
            ScheduleLink::LocationShootDays(location) => {
                if !p.locations.iter().any(|l| l.id == *location) {
                    return Err(format!("unknown location {:?}", location.as_str()));
                }
                Ok(self.shoot_days(|e| e.location.as_ref() == Some(location)))
            }
            ScheduleLink::WorkDays(person)
            | ScheduleLink::HoldDays(person)
            | ScheduleLink::TravelDays(person)
            | ScheduleLink::PaidDays(person) => {
                if !p.people.iter().any(|x| x.id == *person) {
                    return Err(format!("unknown person {:?}", person.as_str()));
                }
                let dood = self.dood.get_or_init(|| {
                    day_out_of_days(
                        p,
                        &DoodOptions {
                            people: DoodPeople::Everyone,
                            range: DoodRange::People,
                            ..DoodOptions::default()
                        },
                    )
                });
                let Some(row) = dood.row(person.as_str()) else {
                    return Ok(Decimal::ZERO);
                };
                let t = &row.totals;
                let days = match link {
                    ScheduleLink::WorkDays(_) => t.work,
                    ScheduleLink::HoldDays(_) => t.hold,
                    ScheduleLink::TravelDays(_) => t.travel,
                    _ => t.work + t.hold + t.travel + t.rehearsal + t.fitting,
                };
                Ok(Decimal::from(days))
            }
            ScheduleLink::RuleViolationCost => self
                .violation_cost
                .get_or_init(|| self.rule_violation_cost())
                .clone(),
            ScheduleLink::HotelRoomNights => {
                let rooms = self.rooms()?;
                Ok(Decimal::from(rooms.room_nights()))
            }
            ScheduleLink::HotelCost => {
                let rooms = self.rooms()?;
                let mut total = Decimal::ZERO;
                for cost in &rooms.cost {
                    total += self.in_base(cost)?;
                }
                Ok(super::engine::round_to(total, p.currency))
            }
        }
    }

    /// The production's room allocation with its standing rooming
    /// settings, made once per budget run.
    fn rooms(&self) -> Result<&RoomAllocation, String> {
        let p = self.production;
        self.rooms
            .get_or_init(|| {
                allocate_rooms(p, &p.logistics.rooming)
                    .map_err(|e| format!("the room allocation failed: {e}"))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// `money` in the base currency, at the budget's rate table.
    fn in_base(&self, money: &Money) -> Result<Decimal, String> {
        let p = self.production;
        if money.currency == p.currency {
            return Ok(money.amount);
        }
        let rate = super::rate_on(&p.budget.rates, p.currency, money.currency, None)?;
        Ok(money.amount * rate.rate_to_base)
    }

    fn shoot_days(&self, keep: impl Fn(&crate::model::Event) -> bool) -> Decimal {
        let p = self.production;
        let dates: BTreeSet<NaiveDate> = p
            .events
            .iter()
            .filter(|e| {
                e.kind == EventKind::ShootDay
                    && matches!(e.status, BookingStatus::Confirmed | BookingStatus::Hold)
                    && keep(e)
            })
            .map(|e| p.zone.civil_date(e.start))
            .collect();
        Decimal::from(dates.len())
    }

    fn rule_violation_cost(&self) -> Result<Decimal, String> {
        let p = self.production;
        let mut total = Decimal::ZERO;
        for conflict in p.conflicts() {
            let Some(cost) = conflict.cost else { continue };
            total += self.in_base(&cost)?;
        }
        Ok(super::engine::round_to(total, p.currency))
    }
}

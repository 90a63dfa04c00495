//! Free-slot search: the earliest times at which a set of people, a location
//! and resources are all free and no rule would be broken.

use chrono::{Duration as TimeDelta, NaiveTime};
use serde::{Deserialize, Serialize};

use super::context::{Context, secs};
use super::{ScheduleError, Severity};
use crate::model::{
    Attendance, BookingStatus, Event, EventKind, LocationId, PersonId, ResourceBooking, Timestamp,
};

/// What to find a slot for: a production meeting with every head of
/// department, a costume fitting, a rehearsal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRequest {
    /// Everyone who must attend.
    pub people: Vec<PersonId>,
    /// Where, if it matters.
    pub location: Option<LocationId>,
    /// Resources needed, with quantities.
    pub resources: Vec<ResourceBooking>,
    /// Length of the slot.
    pub duration_minutes: u32,
    /// Search from this instant.
    pub earliest: Timestamp,
    /// Search until this instant (slots end by then).
    pub latest: Timestamp,
    /// Working hours: earliest local start each day (location's zone, else the production's).
    pub day_start: NaiveTime,
    /// Working hours: latest local end each day.
    pub day_end: NaiveTime,
    /// Only on working days of the production calendar.
    pub working_days_only: bool,
    /// Granularity of start times, in minutes (e.g. 15).
    pub step_minutes: u32,
    /// How many slots to return at most.
    pub count: u32,
    /// Kind of event the slot is for (rules differ: a meal is not work).
    pub kind: EventKind,
    /// Accept slots whose only conflicts are warnings (holds, tentative bookings).
    pub allow_warnings: bool,
}

impl SlotRequest {
    /// A request for a meeting of `duration_minutes` between `earliest` and
    /// `latest`, 08:00–19:00 on working days, 15-minute steps, first 5 slots.
    pub fn meeting(
        people: Vec<PersonId>,
        duration_minutes: u32,
        earliest: Timestamp,
        latest: Timestamp,
    ) -> Self {
        Self {
            people,
            location: None,
            resources: Vec::new(),
            duration_minutes,
            earliest,
            latest,
            day_start: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or(NaiveTime::MIN),
            day_end: NaiveTime::from_hms_opt(19, 0, 0).unwrap_or(NaiveTime::MIN),
            working_days_only: true,
            step_minutes: 15,
            count: 5,
            kind: EventKind::Meeting,
            allow_warnings: false,
        }
    }
}

/// A free slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Slot {
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
}

/// Longest search, in candidate checks, before giving up (bounds the work of
/// a request over a very long window).
const MAX_CANDIDATES: usize = 200_000;

pub(crate) fn find(ctx: &Context<'_>, request: &SlotRequest) -> Result<Vec<Slot>, ScheduleError> {
    let invalid = |path: String, message: String| ScheduleError::InvalidRequest { path, message };
    let p = ctx.production();
    if request.duration_minutes == 0 {
        return Err(invalid(
            "request.duration_minutes".into(),
            "must be at least 1".into(),
        ));
    }
    if request.step_minutes == 0 {
        return Err(invalid(
            "request.step_minutes".into(),
            "must be at least 1".into(),
        ));
    }
    if request.latest <= request.earliest {
        return Err(invalid(
            "request.latest".into(),
            "must be after earliest".into(),
        ));
    }
    let mut people = Vec::new();
    for (i, person) in request.people.iter().enumerate() {
        let ix = ctx.person_ix(person.as_str()).ok_or_else(|| {
            invalid(
                format!("request.people[{i}]"),
                format!("unknown person {:?}", person.as_str()),
            )
        })?;
        people.push(ix);
    }
    let location = match &request.location {
        None => None,
        Some(l) => Some(ctx.location_ix(l.as_str()).ok_or_else(|| {
            invalid(
                "request.location".into(),
                format!("unknown location {:?}", l.as_str()),
            )
        })?),
    };
    for (i, b) in request.resources.iter().enumerate() {
        if ctx.resource_ix(b.resource.as_str()).is_none() {
            return Err(invalid(
                format!("request.resources[{i}].resource"),
                format!("unknown resource {:?}", b.resource.as_str()),
            ));
        }
    }
    let zone = location.map_or(p.zone, |l| p.locations[l as usize].zone);

    // Busy intervals of the people and the (exclusive) location: candidates
    // inside them are skipped without a full check.
    let mut busy: Vec<(i64, i64)> = Vec::new();
    for &person in &people {
        // With warnings allowed, holds and tentative bookings do not block:
        // the full check decides.
        busy.extend(
            ctx.commitments[person as usize]
                .iter()
                .filter(|s| s.confirmed || !request.allow_warnings)
                .map(|s| (s.start, s.end)),
        );
    }
    if let Some(l) = location {
        if !p.locations[l as usize].shared {
            busy.extend(
                ctx.occupancy[l as usize]
                    .iter()
                    .filter(|s| s.confirmed || !request.allow_warnings)
                    .map(|s| (s.start, s.end)),
            );
        }
    }
    busy.sort_unstable();

    let mut id = String::from("__slot_candidate__");
    while ctx.event_ix(id.as_str()).is_some() {
        id.push('_');
    }
    let duration = i64::from(request.duration_minutes) * 60;
    let step = i64::from(request.step_minutes) * 60;
    let (earliest, latest) = (secs(request.earliest), secs(request.latest));
    let mut slots = Vec::new();
    let mut checked = 0usize;
    let mut date = zone.civil_date(request.earliest);
    let last_date = zone.civil_date(request.latest);
    while date <= last_date && slots.len() < request.count as usize && checked < MAX_CANDIDATES {
        let today = date;
        date += TimeDelta::days(1);
        if request.working_days_only && !p.calendar.is_working_day(today) {
            continue;
        }
        let open = zone
            .instant_at(today.and_time(request.day_start))
            .timestamp();
        let close = zone
            .instant_at(today.and_time(request.day_end))
            .timestamp()
            .min(latest);
        // First grid point (from the day's opening) at or after `earliest`.
        let mut t = if open >= earliest {
            open
        } else {
            open + (earliest - open + step - 1) / step * step
        };
        let mut cursor = busy.partition_point(|b| b.1 <= t);
        while t + duration <= close
            && slots.len() < request.count as usize
            && checked < MAX_CANDIDATES
        {
            // Skip past busy intervals overlapping [t, t + duration).
            while cursor < busy.len() && busy[cursor].1 <= t {
                cursor += 1;
            }
            if let Some(&(a, b)) = busy[cursor..]
                .iter()
                .take_while(|b| b.0 < t + duration)
                .find(|x| x.1 > t && x.0 < t + duration)
            {
                let _ = a;
                t += (b - t + step - 1) / step * step;
                continue;
            }
            checked += 1;
            let mut event = Event::new(
                id.as_str(),
                request.kind,
                super::context::instant(t),
                super::context::instant(t + duration),
            );
            event.status = BookingStatus::Confirmed;
            event.location = request.location.clone();
            event.attendees = request
                .people
                .iter()
                .map(|x| Attendance::new(x.clone()))
                .collect();
            event.resources = request.resources.clone();
            let conflicts = ctx.check_event(&event)?;
            let ok = conflicts
                .iter()
                .all(|c| request.allow_warnings && c.severity == Severity::Warning);
            if ok {
                slots.push(Slot {
                    start: event.start,
                    end: event.end,
                });
                // The next grid point at or after this slot's end.
                t += (duration + step - 1) / step * step;
            } else {
                t += step;
            }
        }
    }
    Ok(slots)
}

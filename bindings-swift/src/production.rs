//! The `Production` object: a thread-safe handle on a production.

use std::sync::Arc;

use callsheet::ProductionHandle;

use callsheet::comms::{
    AgendaItem, AgendaOptions, CallSheet, CallSheetOptions, DoodOptions, DoodReport, SentDocument,
    day_out_of_days,
};
use callsheet::schedule::{Conflict, Schedule, Slot, SlotRequest};

use callsheet::{Event, Location, Person, Resource, ShootingUnit, WorkingCalendar};

use crate::errors::{CallsheetError, guard};
use crate::types::CivilDate;

/// What the agenda needs besides the production: the binding's form of the
/// core's options, with the previous version as a `Production` handle.
#[derive(Debug, Clone, uniffi::Record)]
pub struct AgendaRequest {
    /// The current instant (the library never reads the clock).
    pub now: callsheet::Timestamp,
    /// Call sheets are due this many wall-clock hours before general call.
    #[uniffi(default = 12)]
    pub call_sheet_lead_hours: u32,
    /// How many days ahead of `now` to look.
    #[uniffi(default = 14)]
    pub horizon_days: u32,
    /// Documents already sent.
    #[uniffi(default = [])]
    pub sent: Vec<SentDocument>,
    /// The version last communicated to people, for change notices owed.
    #[uniffi(default = None)]
    pub previous: Option<Arc<Production>>,
}

impl AgendaRequest {
    fn options(self) -> AgendaOptions {
        AgendaOptions {
            now: self.now,
            call_sheet_lead_hours: self.call_sheet_lead_hours,
            horizon_days: self.horizon_days,
            sent: self.sent,
            previous: self.previous.map(|p| (*p.snapshot()).clone()),
        }
    }
}

/// A film, series season or show. Load one with `Production.load(path)` or
/// `Production.fromJson(text)`. Safe to share between threads: readers get
/// consistent snapshots.
#[derive(Debug, uniffi::Object)]
pub struct Production {
    handle: ProductionHandle,
}

impl Production {
    fn wrap(production: callsheet::Production) -> Arc<Self> {
        Arc::new(Self {
            handle: ProductionHandle::new(production),
        })
    }

    pub(crate) fn snapshot(&self) -> Arc<callsheet::Production> {
        self.handle.snapshot()
    }

    pub(crate) fn handle(&self) -> &ProductionHandle {
        &self.handle
    }

    fn schedule(&self) -> Schedule {
        self.handle.schedule()
    }

    fn read<T>(&self, f: impl FnOnce(&callsheet::Production) -> T) -> Result<T, CallsheetError> {
        guard(|| Ok(f(&self.snapshot())))
    }
}

#[uniffi::export]
impl Production {
    /// Loads and validates a production file.
    ///
    /// # Errors
    /// `Invalid` listing every problem with its path, or `File`.
    #[uniffi::constructor]
    pub fn load(path: String) -> Result<Arc<Self>, CallsheetError> {
        guard(|| Ok(Self::wrap(callsheet::Production::load(&path)?)))
    }

    /// Parses and validates the text of a production file.
    ///
    /// # Errors
    /// `Invalid` listing every problem with its path.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>, CallsheetError> {
        guard(|| Ok(Self::wrap(callsheet::Production::from_json(&text)?)))
    }

    /// Adds or replaces records by id and removes ids, from one JSON batch
    /// in the production file's field names: `{"people": [...], "events":
    /// [...], "locations": [...], "resources": [...], "units": [...],
    /// "hotels": [...], "room_blocks": [...], "purchase_orders": [...],
    /// "transactions": [...], "remove": {"events": ["E1"], "room_blocks":
    /// ["B1"]}}`. All or nothing: the whole result is validated first.
    ///
    /// # Errors
    /// `Invalid` with every problem and its path (`people[3].category`,
    /// `remove.events[0]`, then the merged production's); the production is
    /// unchanged.
    pub fn apply_records(&self, batch_json: String) -> Result<RecordsApplied, CallsheetError> {
        guard(|| {
            let batch = callsheet::io::RecordBatch::from_json(&batch_json)?;
            let summary = self.handle().update(|p| p.apply(batch))?;
            Ok(RecordsApplied {
                added: summary.added as u64,
                replaced: summary.replaced as u64,
                removed: summary.removed as u64,
            })
        })
    }

    /// The production as canonical, pretty-printed JSON.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn to_json(&self) -> Result<String, CallsheetError> {
        self.read(callsheet::Production::to_json)
    }

    /// Validates, then writes the production atomically to `path`.
    ///
    /// # Errors
    /// `Invalid` if the production does not validate, `File` if writing fails
    /// (the previous file is untouched).
    pub fn save(&self, path: String) -> Result<(), CallsheetError> {
        guard(|| Ok(self.snapshot().save(&path)?))
    }

    /// Makes `other`'s production the current one here, after validating
    /// it. Threads reading this `Production` see the old production or the
    /// new one, never a mix; `other` is unchanged.
    ///
    /// # Errors
    /// `Invalid` listing every problem; then nothing changes.
    pub fn replace(&self, other: Arc<Production>) -> Result<(), CallsheetError> {
        guard(|| Ok(self.handle.replace((*other.snapshot()).clone())?))
    }

    /// Checks the production; returns every problem (empty when valid).
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn validate(&self) -> Result<Vec<crate::Problem>, CallsheetError> {
        self.read(|p| match p.validate() {
            Ok(()) => Vec::new(),
            Err(errors) => errors.problems().iter().map(crate::Problem::from).collect(),
        })
    }

    /// Title of the production.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn name(&self) -> Result<String, CallsheetError> {
        self.read(|p| p.name.clone())
    }

    /// Home IANA time zone.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn zone(&self) -> Result<String, CallsheetError> {
        self.read(|p| p.zone.name().to_owned())
    }

    /// Base currency code.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn currency(&self) -> Result<String, CallsheetError> {
        self.read(|p| p.currency.code().to_owned())
    }

    /// Working calendar.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn calendar(&self) -> Result<WorkingCalendar, CallsheetError> {
        self.read(|p| p.calendar.clone())
    }

    /// Shooting units.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn units(&self) -> Result<Vec<ShootingUnit>, CallsheetError> {
        self.read(|p| p.units.clone())
    }

    /// Cast, crew and others.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn people(&self) -> Result<Vec<Person>, CallsheetError> {
        self.read(|p| p.people.clone())
    }

    /// Locations.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn locations(&self) -> Result<Vec<Location>, CallsheetError> {
        self.read(|p| p.locations.clone())
    }

    /// Pooled resources.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn resources(&self) -> Result<Vec<Resource>, CallsheetError> {
        self.read(|p| p.resources.clone())
    }

    /// The schedule's events, in file order.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn events(&self) -> Result<Vec<Event>, CallsheetError> {
        self.read(|p| p.events.clone())
    }

    /// The civil date (in the production's home zone) of each shoot day, in order.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn shoot_dates(&self) -> Result<Vec<CivilDate>, CallsheetError> {
        self.read(|p| {
            let mut dates: Vec<CivilDate> = p
                .events
                .iter()
                .filter(|e| {
                    e.kind == callsheet::EventKind::ShootDay
                        && e.status != callsheet::BookingStatus::Cancelled
                })
                .map(|e| p.zone.civil_date(e.start))
                .collect();
            dates.sort();
            dates.dedup();
            dates
        })
    }

    /// Every scheduling conflict, in deterministic order.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn conflicts(&self) -> Result<Vec<Conflict>, CallsheetError> {
        guard(|| Ok(self.schedule().conflicts()))
    }

    /// The conflicts `event` would be involved in if added (or moved, if its
    /// id exists), from the index: only what the event touches is rechecked.
    ///
    /// # Errors
    /// `Invalid` naming the path of a bad reference (`event.attendees[1].person`).
    pub fn check_event(&self, event: Event) -> Result<Vec<Conflict>, CallsheetError> {
        guard(|| Ok(self.schedule().check_event(&event)?))
    }

    /// The earliest free slots for a request (people, location, resources,
    /// duration, window, working hours).
    ///
    /// # Errors
    /// `Invalid` for unknown ids, a zero duration or an empty window.
    pub fn find_slots(&self, request: SlotRequest) -> Result<Vec<Slot>, CallsheetError> {
        guard(|| Ok(self.schedule().find_slots(&request)?))
    }

    /// The day out of days: one row per person, one column per civil date
    /// (in the home zone), with a code per cell and totals per row.
    ///
    /// # Errors
    /// Only `Internal`. Problems with the request (unknown people, a range
    /// that ends before it starts or is cut short) are the report's warnings.
    pub fn day_out_of_days(&self, options: DoodOptions) -> Result<DoodReport, CallsheetError> {
        self.read(|p| day_out_of_days(p, &options))
    }

    /// The day out of days as a fixed-width text grid like the paper DOOD,
    /// with totals, warnings and a legend.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn dood_text(&self, options: DoodOptions) -> Result<String, CallsheetError> {
        self.read(|p| day_out_of_days(p, &options).to_text())
    }

    /// The day out of days as CSV (RFC 4180, CRLF line ends): one row per
    /// person with a column per date, then the totals.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn dood_csv(&self, options: DoodOptions) -> Result<String, CallsheetError> {
        self.read(|p| day_out_of_days(p, &options).to_csv())
    }

    /// The call sheet of a unit's shoot day.
    ///
    /// # Errors
    /// `Invalid` naming the option at fault: `date` when nothing shoots that
    /// day, `unit` for an unknown unit or when several units shoot.
    pub fn call_sheet(&self, options: CallSheetOptions) -> Result<CallSheet, CallsheetError> {
        guard(|| Ok(callsheet::comms::call_sheet(&self.snapshot(), &options)?))
    }

    /// The call sheet as fixed-width plain text.
    ///
    /// # Errors
    /// As `callSheet`.
    pub fn call_sheet_text(&self, options: CallSheetOptions) -> Result<String, CallsheetError> {
        guard(|| Ok(callsheet::comms::call_sheet(&self.snapshot(), &options)?.to_text()))
    }

    /// The call sheet as one self-contained, printable HTML page.
    ///
    /// # Errors
    /// As `callSheet`.
    pub fn call_sheet_html(&self, options: CallSheetOptions) -> Result<String, CallsheetError> {
        guard(|| Ok(callsheet::comms::call_sheet(&self.snapshot(), &options)?.to_html()))
    }

    /// The coordinator's agenda at `request.now`: call sheets due, permit
    /// applications, room block releases, outdated documents and change
    /// notices owed, sorted by due time.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn agenda(&self, request: AgendaRequest) -> Result<Vec<AgendaItem>, CallsheetError> {
        guard(|| {
            Ok(callsheet::comms::agenda(
                &self.snapshot(),
                &request.options(),
            ))
        })
    }

    /// The iCalendar (RFC 5545) feed of a person, location, resource or the
    /// whole schedule, stamped `dtstamp` (pass the current time).
    ///
    /// # Errors
    /// `Invalid` for an unknown subject.
    pub fn to_ical(
        &self,
        subject: callsheet::comms::CalendarSubject,
        dtstamp: callsheet::Timestamp,
    ) -> Result<String, CallsheetError> {
        guard(|| Ok(self.snapshot().to_ical(subject, dtstamp)?))
    }

    /// Who receives `document` through the distribution groups, once each.
    ///
    /// # Errors
    /// Only `Internal`.
    pub fn distribution_list(
        &self,
        document: callsheet::comms::DocumentKind,
    ) -> Result<Vec<callsheet::comms::Recipient>, CallsheetError> {
        guard(|| Ok(callsheet::comms::recipients(&self.snapshot(), document)))
    }

    /// The call sheet filtered for each recipient (personal, department or full).
    ///
    /// # Errors
    /// `Invalid` when nothing shoots on the date or the unit is unknown or missing.
    pub fn call_sheets_for_recipients(
        &self,
        options: callsheet::comms::CallSheetOptions,
    ) -> Result<Vec<callsheet::comms::RecipientCallSheet>, CallsheetError> {
        guard(|| {
            Ok(callsheet::comms::call_sheets_for_recipients(
                &self.snapshot(),
                &options,
            )?)
        })
    }

    /// A VFREEBUSY for a subject between `from` and `to`.
    ///
    /// # Errors
    /// `Invalid` for an unknown subject or `to` not after `from`.
    pub fn free_busy(
        &self,
        subject: callsheet::comms::CalendarSubject,
        from: callsheet::Timestamp,
        to: callsheet::Timestamp,
        dtstamp: callsheet::Timestamp,
    ) -> Result<String, CallsheetError> {
        guard(|| {
            Ok(callsheet::comms::free_busy(
                &self.snapshot(),
                &subject,
                from,
                to,
                dtstamp,
            )?)
        })
    }
}

/// Per-person notices of what changed from `old` to `new`, for revision `revision`.
///
/// # Errors
/// Only `Internal`.
#[uniffi::export]
pub fn change_notices(
    old: Arc<Production>,
    new: Arc<Production>,
    revision: String,
) -> Result<Vec<callsheet::comms::ChangeNotice>, CallsheetError> {
    guard(|| {
        Ok(callsheet::comms::change_notices(
            &old.snapshot(),
            &new.snapshot(),
            &revision,
        ))
    })
}

/// The colour of revision `n` (0 = White) from `colours`, or the standard
/// sequence when `colours` is empty.
///
/// # Errors
/// Only `Internal`.
#[uniffi::export]
pub fn revision_colour(n: u32, colours: Vec<String>) -> Result<String, CallsheetError> {
    guard(|| Ok(callsheet::comms::RevisionColours(colours).name(n)))
}

/// A stable 64-bit fingerprint of the schedule as people see it (events,
/// people, locations): store it with each `SentDocument`.
///
/// # Errors
/// Only `Internal`.
#[uniffi::export]
pub fn schedule_fingerprint(production: Arc<Production>) -> Result<u64, CallsheetError> {
    guard(|| {
        Ok(callsheet::comms::schedule_fingerprint(
            &production.snapshot(),
        ))
    })
}

/// What [`Production::apply_records`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RecordsApplied {
    /// Records appended.
    pub added: u64,
    /// Records that replaced one with the same id.
    pub replaced: u64,
    /// Records removed.
    pub removed: u64,
}

//! Mirrors of the core's plain data types, and bridges for foreign scalars.
//!
//! Scalars cross as documented custom types: `Timestamp` (a UTC instant;
//! Swift `Date`, Kotlin `java.time.Instant`, Python `datetime`), `CivilDate`
//! (`"2027-02-22"`), `ClockTime` (`"07:00:00"`), `CivilDateTime` (a wall-clock
//! date and time without a zone, `"2027-02-22T05:15:00"`), `Amount` (an exact decimal
//! as a string; Swift `Foundation.Decimal`, Kotlin `java.math.BigDecimal`,
//! Python `decimal.Decimal`), and ids, zones and currency codes as strings.

use std::time::SystemTime;

use callsheet::{
    AccountCode, Attendance, AvailabilityKind, AvailabilityWindow, BookingStatus, ContactDetails,
    ContractTier, Coordinates, CurrencyCode, Event, EventId, EventKind, Holiday, HotelId, IanaZone,
    InteriorExterior, Location, LocationId, MealBreak, Money, PermitWindow, Person, PersonCategory,
    PersonId, Resource, ResourceBooking, ResourceId, ResourceKind, RoomBlockId, RulePackId,
    SceneDetails, ShootingUnit, StoryTime, Timestamp, UnitId, WorkingCalendar,
};
use chrono::Weekday;

/// A civil (calendar) date, crossing as `"YYYY-MM-DD"`.
pub type CivilDate = chrono::NaiveDate;
/// A wall-clock time of day, crossing as `"HH:MM:SS"`.
pub type ClockTime = chrono::NaiveTime;
/// A wall-clock date and time without a zone (a stop's local time),
/// crossing as `"YYYY-MM-DDTHH:MM:SS"`.
pub type CivilDateTime = chrono::NaiveDateTime;
/// An exact decimal amount, crossing as a string such as `"4500.00"`.
pub type Amount = rust_decimal::Decimal;

uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    lower: |instant| SystemTime::from(instant),
    try_lift: |time| Ok(Timestamp::from(time)),
});

uniffi::custom_type!(CivilDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| Ok(text.parse::<CivilDate>()?),
});

uniffi::custom_type!(ClockTime, String, {
    remote,
    lower: |time| time.format("%H:%M:%S").to_string(),
    try_lift: |text| Ok(match ClockTime::parse_from_str(&text, "%H:%M") {
        Ok(time) => time,
        Err(_) => text.parse::<ClockTime>()?,
    }),
});

uniffi::custom_type!(CivilDateTime, String, {
    remote,
    lower: |time| time.format("%Y-%m-%dT%H:%M:%S").to_string(),
    // Kotlin's LocalDateTime.toString() leaves out zero seconds.
    try_lift: |text| Ok(match CivilDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M") {
        Ok(time) => time,
        Err(_) => text.parse::<CivilDateTime>()?,
    }),
});

uniffi::custom_type!(Amount, String, {
    remote,
    lower: |amount| amount.to_string(),
    try_lift: |text| Ok(text.trim().parse::<Amount>()?),
});

uniffi::custom_type!(IanaZone, String, {
    remote,
    lower: |zone| zone.name().to_owned(),
    try_lift: |text| Ok(text.parse::<IanaZone>()?),
});

uniffi::custom_type!(CurrencyCode, String, {
    remote,
    lower: |code| code.code().to_owned(),
    try_lift: |text| Ok(text.parse::<CurrencyCode>()?),
});

macro_rules! string_ids {
    ($($id:ident),+) => {
        $(uniffi::custom_type!($id, String, {
            remote,
            lower: |id| id.0,
            try_lift: |text| Ok($id(text)),
        });)+
    };
}

string_ids!(
    PersonId,
    LocationId,
    ResourceId,
    EventId,
    UnitId,
    RulePackId,
    HotelId,
    RoomBlockId,
    AccountCode
);

#[uniffi::remote(Enum)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

#[uniffi::remote(Record)]
pub struct Money {
    pub amount: Amount,
    pub currency: CurrencyCode,
}

#[uniffi::remote(Record)]
pub struct Holiday {
    pub date: CivilDate,
    pub name: String,
}

#[uniffi::remote(Record)]
pub struct WorkingCalendar {
    pub work_week: Vec<Weekday>,
    pub holidays: Vec<Holiday>,
    pub days_off: Vec<CivilDate>,
    pub move_days: Vec<CivilDate>,
}

#[uniffi::remote(Record)]
pub struct ShootingUnit {
    pub id: UnitId,
    pub name: String,
}

#[uniffi::remote(Enum)]
pub enum PersonCategory {
    Cast,
    Crew,
    Other,
}

#[uniffi::remote(Enum)]
pub enum ContractTier {
    Standard,
    Single,
    Suite,
}

#[uniffi::remote(Record)]
pub struct ContactDetails {
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[uniffi::remote(Enum)]
pub enum AvailabilityKind {
    Unavailable,
    Tentative,
}

#[uniffi::remote(Record)]
pub struct AvailabilityWindow {
    pub start: Timestamp,
    pub end: Timestamp,
    pub kind: AvailabilityKind,
    pub note: String,
}

#[uniffi::remote(Record)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub category: PersonCategory,
    pub department: Option<String>,
    pub role: String,
    pub cast_number: Option<u32>,
    pub head_of_department: bool,
    pub rule_pack: Option<RulePackId>,
    pub home_base: Option<LocationId>,
    pub contract_tier: ContractTier,
    pub may_share_room: bool,
    pub allow_hold: bool,
    pub allow_drop: bool,
    pub contact: ContactDetails,
    pub date_of_birth: Option<CivilDate>,
    pub unavailable: Vec<AvailabilityWindow>,
}

#[uniffi::remote(Record)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

#[uniffi::remote(Record)]
pub struct PermitWindow {
    pub reference: String,
    pub first_day: CivilDate,
    pub last_day: CivilDate,
    pub daily_start: ClockTime,
    pub daily_end: ClockTime,
    pub max_consecutive_days: Option<u32>,
    pub application_lead_business_days: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct Location {
    pub id: LocationId,
    pub name: String,
    pub address: String,
    pub zone: IanaZone,
    pub coordinates: Option<Coordinates>,
    pub parking: String,
    pub nearest_hospital: String,
    pub notes: String,
    pub shared: bool,
    pub distant: bool,
    pub permits: Vec<PermitWindow>,
}

#[uniffi::remote(Enum)]
pub enum ResourceKind {
    Equipment,
    Vehicle,
    Stage,
    Other,
}

#[uniffi::remote(Record)]
pub struct Resource {
    pub id: ResourceId,
    pub name: String,
    pub kind: ResourceKind,
    pub quantity: u32,
    pub serials: Vec<String>,
    pub prep_minutes: u32,
    pub return_minutes: u32,
    pub seats: Option<u32>,
    pub home: Option<LocationId>,
    pub day_rate: Option<Money>,
    pub unavailable: Vec<AvailabilityWindow>,
}

#[uniffi::remote(Enum)]
pub enum EventKind {
    ShootDay,
    Scene,
    Meeting,
    Fitting,
    Rehearsal,
    Travel,
    Prep,
    Meal,
}

#[uniffi::remote(Enum)]
pub enum BookingStatus {
    Confirmed,
    Hold,
    Tentative,
    Cancelled,
}

#[uniffi::remote(Enum)]
pub enum InteriorExterior {
    Int,
    Ext,
    IntExt,
}

#[uniffi::remote(Enum)]
pub enum StoryTime {
    Day,
    Night,
    Dawn,
    Dusk,
}

#[uniffi::remote(Record)]
pub struct SceneDetails {
    pub number: String,
    pub eighths: u32,
    pub int_ext: InteriorExterior,
    pub story_time: StoryTime,
    pub synopsis: String,
    pub set: String,
}

#[uniffi::remote(Record)]
pub struct Attendance {
    pub person: PersonId,
    pub call: Option<Timestamp>,
    pub makeup_call: Option<Timestamp>,
    pub on_set: Option<Timestamp>,
    pub dismissal: Option<Timestamp>,
    pub note: String,
}

#[uniffi::remote(Record)]
pub struct ResourceBooking {
    pub resource: ResourceId,
    pub quantity: u32,
}

#[uniffi::remote(Record)]
pub struct MealBreak {
    pub start: Timestamp,
    pub end: Timestamp,
    pub non_deductible: bool,
}

#[uniffi::remote(Record)]
pub struct Event {
    pub id: EventId,
    pub kind: EventKind,
    pub title: String,
    pub unit: Option<UnitId>,
    pub location: Option<LocationId>,
    pub start: Timestamp,
    pub end: Timestamp,
    pub status: BookingStatus,
    pub parent: Option<EventId>,
    pub day_number: Option<u32>,
    pub scene: Option<SceneDetails>,
    pub attendees: Vec<Attendance>,
    pub resources: Vec<ResourceBooking>,
    pub meals: Vec<MealBreak>,
    pub notes: String,
}

use callsheet::schedule::{
    Conflict, ConflictKind, RuleRef, Severity, Slot, SlotRequest, Subject, SubjectKind,
};

#[uniffi::remote(Enum)]
pub enum ConflictKind {
    PersonDoubleBooked,
    LocationDoubleBooked,
    ResourceOverbooked,
    TravelTime,
    PersonUnavailable,
    ResourceUnavailable,
    OutsidePermit,
    PermitConsecutiveDays,
    Turnaround,
    WeeklyRest,
    DailyHours,
    WeeklyHours,
    ConsecutiveDays,
    MealPenalty,
    MinorHours,
    MinorClockWindow,
}

#[uniffi::remote(Enum)]
pub enum Severity {
    Error,
    Warning,
}

#[uniffi::remote(Enum)]
pub enum SubjectKind {
    Person,
    Location,
    Resource,
}

#[uniffi::remote(Record)]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: String,
}

#[uniffi::remote(Record)]
pub struct RuleRef {
    pub pack: RulePackId,
    pub version: String,
    pub rule: String,
}

#[uniffi::remote(Record)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub severity: Severity,
    pub subjects: Vec<Subject>,
    pub events: Vec<EventId>,
    pub start: Timestamp,
    pub end: Timestamp,
    pub rule: Option<RuleRef>,
    pub cost: Option<Money>,
    pub message: String,
}

#[uniffi::remote(Record)]
pub struct SlotRequest {
    pub people: Vec<PersonId>,
    pub location: Option<LocationId>,
    pub resources: Vec<ResourceBooking>,
    pub duration_minutes: u32,
    pub earliest: Timestamp,
    pub latest: Timestamp,
    pub day_start: ClockTime,
    pub day_end: ClockTime,
    pub working_days_only: bool,
    pub step_minutes: u32,
    pub count: u32,
    pub kind: EventKind,
    pub allow_warnings: bool,
}

#[uniffi::remote(Record)]
pub struct Slot {
    pub start: Timestamp,
    pub end: Timestamp,
}

use callsheet::comms::{
    DayType, DoodCode, DoodColumn, DoodOptions, DoodPeople, DoodRange, DoodReport, DoodRow,
    DoodTotals, ShootDayMark,
};

/// What a person's cell of the day out of days says about a day; the grid
/// text (`"SW"`, `"H"`, `"/"`, `""`) comes from `doodCodeText`.
#[uniffi::remote(Enum)]
pub enum DoodCode {
    StartWork,
    Work,
    WorkFinish,
    StartWorkFinish,
    Hold,
    Drop,
    PickupWork,
    PickupWorkFinish,
    Travel,
    Rehearsal,
    Fitting,
    Holiday,
    MoveDay,
    DayOff,
    Empty,
}

/// What kind of day a column of the day out of days is for the company.
#[uniffi::remote(Enum)]
pub enum DayType {
    Working,
    Holiday,
    DayOff,
    MoveDay,
    NonWorking,
}

/// A shoot day falling on a column of the day out of days.
#[uniffi::remote(Record)]
pub struct ShootDayMark {
    pub unit: Option<UnitId>,
    pub day_number: Option<u32>,
    pub event: EventId,
}

/// One column of the day out of days: a civil date in the home zone.
#[uniffi::remote(Record)]
pub struct DoodColumn {
    pub date: CivilDate,
    pub weekday: Weekday,
    pub day_type: DayType,
    pub holiday: Option<String>,
    pub shoot_days: Vec<ShootDayMark>,
}

/// Totals of one row of the day out of days, over the whole engagement.
#[uniffi::remote(Record)]
pub struct DoodTotals {
    pub work: u32,
    pub hold: u32,
    pub travel: u32,
    pub rehearsal: u32,
    pub fitting: u32,
    pub holiday: u32,
    pub move_days: u32,
    pub dropped: u32,
    pub idle: u32,
    pub outside_span: u32,
    pub span: u32,
    pub first_work: Option<CivilDate>,
    pub last_work: Option<CivilDate>,
    pub drop: Option<CivilDate>,
    pub pickup: Option<CivilDate>,
}

/// One person's row of the day out of days: one code per column.
#[uniffi::remote(Record)]
pub struct DoodRow {
    pub person: PersonId,
    pub name: String,
    pub category: PersonCategory,
    pub cast_number: Option<u32>,
    pub codes: Vec<DoodCode>,
    pub totals: DoodTotals,
    pub warnings: Vec<String>,
}

/// A day-out-of-days report: columns (dates), rows (people) and warnings.
#[uniffi::remote(Record)]
pub struct DoodReport {
    pub production: String,
    pub zone: IanaZone,
    pub columns: Vec<DoodColumn>,
    pub rows: Vec<DoodRow>,
    pub warnings: Vec<String>,
}

/// Which people get a row of the day out of days.
#[uniffi::remote(Enum)]
pub enum DoodPeople {
    Cast,
    CastAndCrew,
    Everyone,
    Only(Vec<PersonId>),
}

/// Which dates get a column of the day out of days.
#[uniffi::remote(Enum)]
pub enum DoodRange {
    People,
    Shoot,
    Dates { from: CivilDate, to: CivilDate },
}

/// What a day-out-of-days report covers.
#[uniffi::remote(Record)]
pub struct DoodOptions {
    pub people: DoodPeople,
    pub range: DoodRange,
    #[uniffi(default = true)]
    pub include_holds: bool,
    #[uniffi(default = false)]
    pub include_tentative: bool,
}

use callsheet::comms::{CalendarSubject, ChangeKind, ChangeNotice, PersonChange};

#[uniffi::remote(Enum)]
pub enum CalendarSubject {
    Person(PersonId),
    Location(LocationId),
    Resource(ResourceId),
    Everything,
}

#[uniffi::remote(Enum)]
pub enum ChangeKind {
    Added,
    Removed,
    DayMoved,
    CallMoved,
    DismissalMoved,
    LocationChanged,
    StatusChanged,
}

#[uniffi::remote(Record)]
pub struct PersonChange {
    pub kind: ChangeKind,
    pub event: EventId,
    pub before: Option<String>,
    pub after: Option<String>,
    pub message: String,
}

#[uniffi::remote(Record)]
pub struct ChangeNotice {
    pub person: PersonId,
    pub name: String,
    pub email: Option<String>,
    pub revision: String,
    pub changes: Vec<PersonChange>,
    pub new_conflicts: Vec<Conflict>,
}

use callsheet::comms::{
    AdvanceDay, AgendaItem, AgendaKind, CallSheet, CallSheetLocation, CallSheetOptions, CallTime,
    CastRow, CrewDepartment, CrewRow, DocumentKind, MealRow, ResourceRow, RevisionColours,
    SceneRow, SentDocument,
};

// A tuple struct cannot be a remote Record: the revision colour sequence
// crosses as a plain list of names (empty: the standard sequence).
uniffi::custom_type!(RevisionColours, Vec<String>, {
    remote,
    lower: |colours| colours.0,
    try_lift: |names| Ok(RevisionColours(names)),
});

/// Which call sheet to build: `unit`'s shoot day on `date` (home-zone civil
/// date; without a unit, the only unit shooting that day), revision `revision`
/// (0 = White) in the colour sequence `colours` (empty: the standard one).
#[uniffi::remote(Record)]
pub struct CallSheetOptions {
    pub date: CivilDate,
    #[uniffi(default = None)]
    pub unit: Option<UnitId>,
    #[uniffi(default = 0)]
    pub revision: u32,
    #[uniffi(default = [])]
    pub colours: RevisionColours,
    #[uniffi(default = "")]
    pub schedule_version: String,
    #[uniffi(default = [])]
    pub notes: Vec<String>,
}

/// A time as printed on a call sheet (`"07:00"`, `"25:30"` past midnight).
#[uniffi::remote(Record)]
pub struct CallTime {
    pub local: String,
    pub minutes_after_midnight: u32,
}

/// One of the day's locations.
#[uniffi::remote(Record)]
pub struct CallSheetLocation {
    pub id: LocationId,
    pub name: String,
    pub address: String,
    pub parking: String,
    pub nearest_hospital: String,
    pub notes: String,
    pub zone: String,
    pub scenes: Vec<String>,
}

/// A scene, in shooting order.
#[uniffi::remote(Record)]
pub struct SceneRow {
    pub event: EventId,
    pub number: String,
    pub set: String,
    pub int_ext: String,
    pub day_night: String,
    pub synopsis: String,
    pub eighths: u32,
    pub pages: String,
    pub cast_numbers: Vec<u32>,
    pub start: CallTime,
    pub end: CallTime,
    pub location: Option<LocationId>,
}

/// A cast member's row.
#[uniffi::remote(Record)]
pub struct CastRow {
    pub person: PersonId,
    pub cast_number: Option<u32>,
    pub name: String,
    pub role: String,
    pub status: String,
    pub pickup: Option<CallTime>,
    pub makeup_call: Option<CallTime>,
    pub call: Option<CallTime>,
    pub on_set: Option<CallTime>,
    pub dismissal: Option<CallTime>,
    pub notes: String,
}

/// A crew member's row.
#[uniffi::remote(Record)]
pub struct CrewRow {
    pub person: PersonId,
    pub name: String,
    pub role: String,
    pub head_of_department: bool,
    pub call: CallTime,
    pub notes: String,
}

/// One department's crew calls.
#[uniffi::remote(Record)]
pub struct CrewDepartment {
    pub department: String,
    pub rows: Vec<CrewRow>,
}

/// A meal.
#[uniffi::remote(Record)]
pub struct MealRow {
    pub label: String,
    pub start: CallTime,
    pub end: CallTime,
}

/// A booked resource.
#[uniffi::remote(Record)]
pub struct ResourceRow {
    pub resource: ResourceId,
    pub name: String,
    pub quantity: u32,
}

/// The advance schedule: the unit's next shoot day.
#[uniffi::remote(Record)]
pub struct AdvanceDay {
    pub event: EventId,
    pub date: CivilDate,
    pub weekday: Weekday,
    pub day_number: u32,
    pub general_call: CallTime,
    pub locations: Vec<String>,
    pub scenes: Vec<SceneRow>,
    pub total_eighths: u32,
    pub total_pages: String,
}

/// The daily call sheet of one unit's shoot day.
#[uniffi::remote(Record)]
pub struct CallSheet {
    pub production: String,
    pub shoot_day: EventId,
    pub title: String,
    pub date: CivilDate,
    pub weekday: Weekday,
    pub day_number: u32,
    pub total_days: u32,
    pub unit: Option<UnitId>,
    pub unit_name: String,
    pub zone: String,
    pub general_call: CallTime,
    pub estimated_wrap: CallTime,
    pub revision: u32,
    pub revision_colour: String,
    pub schedule_version: String,
    pub locations: Vec<CallSheetLocation>,
    pub scenes: Vec<SceneRow>,
    pub total_eighths: u32,
    pub total_pages: String,
    pub cast: Vec<CastRow>,
    pub crew: Vec<CrewDepartment>,
    pub meals: Vec<MealRow>,
    pub resources: Vec<ResourceRow>,
    pub advance: Option<AdvanceDay>,
    pub notes: Vec<String>,
}

/// A document a coordinator sends out and keeps current.
#[uniffi::remote(Enum)]
pub enum DocumentKind {
    CallSheet,
    DayOutOfDays,
    ShootingSchedule,
}

/// A record that a document went out, for a schedule fingerprint.
#[uniffi::remote(Record)]
pub struct SentDocument {
    pub kind: DocumentKind,
    pub date: Option<CivilDate>,
    pub schedule_fingerprint: u64,
    pub sent_at: Timestamp,
}

/// What an agenda item asks for.
#[uniffi::remote(Enum)]
pub enum AgendaKind {
    CallSheetDue,
    PermitApplication,
    RoomBlockRelease,
    DocumentOutdated,
    NoticesOwed,
}

/// One thing to do by a deadline.
#[uniffi::remote(Record)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub due: Timestamp,
    pub due_local: String,
    pub overdue: bool,
    pub subject: String,
    pub message: String,
    pub cost_exposure: Option<Money>,
}

use callsheet::comms::{CallSheetScope, Recipient, RecipientCallSheet};

#[uniffi::remote(Enum)]
pub enum CallSheetScope {
    Personal,
    Department,
    Full,
}

#[uniffi::remote(Record)]
pub struct Recipient {
    pub person: PersonId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub groups: Vec<String>,
    pub scope: CallSheetScope,
}

#[uniffi::remote(Record)]
pub struct RecipientCallSheet {
    pub recipient: Recipient,
    pub sheet: callsheet::comms::CallSheet,
}

//! The coordinator's agenda: hand-worked deadlines and ordering properties.

use callsheet::comms::{
    AgendaItem, AgendaKind, AgendaOptions, DocumentKind, SentDocument, agenda, schedule_fingerprint,
};
use callsheet::logistics::{Hotel, RoomBlock, RoomType};
use callsheet::{
    Attendance, BookingStatus, Event, EventKind, Holiday, Location, Money, PermitWindow, Person,
    PersonCategory, Production,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use proptest::prelude::*;

use crate::common::{arb_schedule, base as props_base, sample_path};

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn la(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    crate::common::los_angeles(y, mo, d, h, mi)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn production() -> Production {
    let mut p = Production::new(
        "Agenda",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    );
    for (id, name) in [("P1", "Maya Ortiz"), ("P2", "Leo Park")] {
        p.people.push(Person::new(id, name, PersonCategory::Cast));
    }
    p.locations.push(Location::new(
        "STAGE",
        "Stage 4",
        "America/Los_Angeles".parse().unwrap(),
    ));
    p
}

fn shoot_day(id: &str, start: DateTime<Utc>) -> Event {
    let mut e = Event::new(
        id,
        EventKind::ShootDay,
        start,
        start + chrono::TimeDelta::hours(12),
    );
    e.title = format!("Day {id}");
    e.location = Some("STAGE".into());
    e.attendees = vec![Attendance::new("P1"), Attendance::new("P2")];
    e
}

fn of_kind(items: &[AgendaItem], kind: AgendaKind) -> Vec<&AgendaItem> {
    items.iter().filter(|i| i.kind == kind).collect()
}

fn subjects(items: &[AgendaItem], kind: AgendaKind) -> Vec<&str> {
    of_kind(items, kind)
        .iter()
        .map(|i| i.subject.as_str())
        .collect()
}

#[test]
fn call_sheet_is_due_at_19_00_the_evening_before_a_07_00_call() {
    let mut p = production();
    p.events.push(shoot_day("D1", la(2027, 3, 2, 7, 0)));
    let now = utc("2027-03-01T12:00:00Z");
    let items = agenda(&p, &AgendaOptions::new(now));
    let sheets = of_kind(&items, AgendaKind::CallSheetDue);
    assert_eq!(sheets.len(), 1);
    let sheet = sheets[0];
    assert_eq!(sheet.subject, "D1");
    assert_eq!(sheet.due, utc("2027-03-02T03:00:00Z"));
    assert_eq!(sheet.due_local, "Mon 1 Mar 19:00");
    assert!(!sheet.overdue);
    assert_eq!(sheet.cost_exposure, None);
    assert_eq!(
        sheet.message,
        "Send the call sheet for Day D1 (Tue 2 Mar, general call 07:00 at Stage 4)"
    );
    // The same through the convenience method.
    assert_eq!(p.agenda(now), items);
}

#[test]
fn call_sheet_lead_is_wall_clock_across_the_2027_dst_change() {
    let mut p = production();
    // Sun 14 March 2027: clocks go forward at 02:00 in Los Angeles.
    p.events.push(shoot_day("SUN", la(2027, 3, 14, 7, 0)));
    p.events.push(shoot_day("MON", la(2027, 3, 15, 7, 0)));
    assert_eq!(p.events[0].start, utc("2027-03-14T14:00:00Z")); // 07:00 PDT
    let items = agenda(&p, &AgendaOptions::new(utc("2027-03-12T00:00:00Z")));
    let sheets = of_kind(&items, AgendaKind::CallSheetDue);
    assert_eq!(sheets.len(), 2);
    // Saturday 19:00 is still standard time (UTC−8): 11 hours before the call.
    assert_eq!(sheets[0].subject, "SUN");
    assert_eq!(sheets[0].due, utc("2027-03-14T03:00:00Z"));
    assert_eq!(sheets[0].due_local, "Sat 13 Mar 19:00");
    // Sunday 19:00 is daylight time (UTC−7).
    assert_eq!(sheets[1].subject, "MON");
    assert_eq!(sheets[1].due, utc("2027-03-15T02:00:00Z"));
    assert_eq!(sheets[1].due_local, "Sun 14 Mar 19:00");

    // A deadline in the skipped hour (06:30 − 4 h = 02:30, which does not
    // exist on 14 March) is the first instant after the gap.
    p.events[0].start = la(2027, 3, 14, 6, 30);
    let mut options = AgendaOptions::new(utc("2027-03-12T00:00:00Z"));
    options.call_sheet_lead_hours = 4;
    let items = agenda(&p, &options);
    let sun = of_kind(&items, AgendaKind::CallSheetDue)[0];
    assert_eq!(sun.due, utc("2027-03-14T10:00:00Z"));
    assert_eq!(sun.due_local, "Sun 14 Mar 03:00");
}

#[test]
fn call_sheets_use_the_shoot_days_location_zone() {
    let mut p = production();
    p.locations.push(Location::new(
        "PLAZA",
        "Santa Fe Plaza",
        "America/Denver".parse().unwrap(),
    ));
    let mut day = shoot_day("SF", utc("2027-03-18T13:00:00Z")); // 07:00 MDT
    day.location = Some("PLAZA".into());
    p.events.push(day);
    let items = p.agenda(utc("2027-03-16T00:00:00Z"));
    let sheet = of_kind(&items, AgendaKind::CallSheetDue)[0];
    assert_eq!(sheet.due, utc("2027-03-18T01:00:00Z"));
    assert_eq!(sheet.due_local, "Wed 17 Mar 19:00");
}

#[test]
fn call_sheets_cover_upcoming_uncancelled_shoot_days_within_the_horizon() {
    let mut p = production();
    p.events.push(shoot_day("PAST", la(2027, 3, 1, 7, 0)));
    p.events.push(shoot_day("SOON", la(2027, 3, 3, 7, 0)));
    let mut cancelled = shoot_day("CXL", la(2027, 3, 4, 7, 0));
    cancelled.status = BookingStatus::Cancelled;
    p.events.push(cancelled);
    let mut hold = shoot_day("HOLD", la(2027, 3, 5, 7, 0));
    hold.status = BookingStatus::Hold;
    p.events.push(hold);
    p.events.push(shoot_day("FAR", la(2027, 3, 30, 7, 0)));
    let mut meeting = shoot_day("MTG", la(2027, 3, 3, 9, 0));
    meeting.kind = EventKind::Meeting;
    p.events.push(meeting);
    let now = la(2027, 3, 2, 9, 0);
    let items = p.agenda(now);
    assert_eq!(subjects(&items, AgendaKind::CallSheetDue), ["SOON", "HOLD"]);
    let mut options = AgendaOptions::new(now);
    options.horizon_days = 40;
    assert_eq!(
        subjects(&agenda(&p, &options), AgendaKind::CallSheetDue),
        ["SOON", "HOLD", "FAR"]
    );
}

#[test]
fn overdue_is_relative_to_now() {
    let mut p = production();
    p.events.push(shoot_day("D1", la(2027, 3, 2, 7, 0)));
    // 21:00 the evening before: the 19:00 deadline has passed, the call has not.
    let items = p.agenda(la(2027, 3, 1, 21, 0));
    let sheet = of_kind(&items, AgendaKind::CallSheetDue)[0];
    assert!(sheet.overdue);
    // Exactly at the deadline it is due, not overdue.
    let items = p.agenda(la(2027, 3, 1, 19, 0));
    assert!(!of_kind(&items, AgendaKind::CallSheetDue)[0].overdue);
    // Once general call has come, the call sheet is no longer on the agenda.
    let items = p.agenda(la(2027, 3, 2, 7, 0));
    assert!(of_kind(&items, AgendaKind::CallSheetDue).is_empty());
    // Documents are due now, never overdue.
    for i in of_kind(&items, AgendaKind::DocumentOutdated) {
        assert_eq!(i.due, la(2027, 3, 2, 7, 0));
        assert!(!i.overdue);
    }
}

fn permit(first_day: NaiveDate, lead: Option<u32>) -> PermitWindow {
    PermitWindow {
        reference: "FilmLA LA-27-1".into(),
        first_day,
        last_day: first_day,
        daily_start: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        daily_end: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
        max_consecutive_days: None,
        application_lead_business_days: lead,
    }
}

#[test]
fn permit_application_counts_business_days_over_a_weekend_and_a_holiday() {
    let mut p = production();
    p.calendar.holidays.push(Holiday {
        date: date(2027, 4, 5),
        name: "Company holiday".into(),
    });
    let mut diner = Location::new(
        "DINER",
        "Rosie's Diner",
        "America/Los_Angeles".parse().unwrap(),
    );
    // First day Wed 7 April: Tue 6 (1), Mon 5 holiday, Sun 4 and Sat 3
    // weekend, Fri 2 (2), Thu 1 (3): due Thu 1 April, 17:00 PDT.
    diner.permits.push(permit(date(2027, 4, 7), Some(3)));
    diner.permits.push(permit(date(2027, 4, 20), None));
    p.locations.push(diner);
    let now = utc("2027-03-25T12:00:00Z");
    let items = p.agenda(now);
    let permits = of_kind(&items, AgendaKind::PermitApplication);
    assert_eq!(permits.len(), 1, "only the permit with a lead time");
    assert_eq!(permits[0].subject, "DINER");
    assert_eq!(permits[0].due, utc("2027-04-02T00:00:00Z"));
    assert_eq!(permits[0].due_local, "Thu 1 Apr 17:00");
    assert!(!permits[0].overdue);
    assert_eq!(
        permits[0].message,
        "Apply for permit FilmLA LA-27-1 for Rosie's Diner (first day Wed 7 Apr, 3 business days' lead)"
    );

    // A company day off on Fri 2 April moves it back to Wed 31 March.
    p.calendar.days_off.push(date(2027, 4, 2));
    let items = p.agenda(now);
    let permits = of_kind(&items, AgendaKind::PermitApplication);
    assert_eq!(permits[0].due_local, "Wed 31 Mar 17:00");

    // Overdue while the first day has not begun; gone once it has.
    let items = p.agenda(utc("2027-04-06T12:00:00Z"));
    assert!(of_kind(&items, AgendaKind::PermitApplication)[0].overdue);
    let items = p.agenda(la(2027, 4, 7, 0, 0));
    assert!(of_kind(&items, AgendaKind::PermitApplication).is_empty());

    // Beyond the horizon it is not listed yet.
    let items = p.agenda(utc("2027-03-01T12:00:00Z"));
    assert!(of_kind(&items, AgendaKind::PermitApplication).is_empty());
}

#[test]
fn permit_deadline_is_17_00_in_the_locations_zone() {
    let mut p = production();
    let mut plaza = Location::new("PLAZA", "Santa Fe Plaza", "America/Denver".parse().unwrap());
    // Thu 18 March 2027, 5 business days: Wed 17, Tue 16, Mon 15, Fri 12, Thu 11.
    plaza.permits.push(permit(date(2027, 3, 18), Some(5)));
    p.locations.push(plaza);
    let items = p.agenda(utc("2027-03-05T00:00:00Z"));
    let permits = of_kind(&items, AgendaKind::PermitApplication);
    assert_eq!(permits[0].due, utc("2027-03-12T00:00:00Z")); // 17:00 MST
    assert_eq!(permits[0].due_local, "Thu 11 Mar 17:00");
}

fn with_hotel(p: &mut Production) {
    p.locations.push(Location::new(
        "L-SAGE",
        "Sage Motor Inn",
        "America/Los_Angeles".parse().unwrap(),
    ));
    p.logistics.hotels.push(Hotel {
        id: "HTL-SAGE".into(),
        name: "Sage Motor Inn".into(),
        location: "L-SAGE".into(),
    });
}

fn block(id: &str, first: NaiveDate, last: NaiveDate, deadline: DateTime<Utc>) -> RoomBlock {
    RoomBlock {
        id: id.into(),
        hotel: "HTL-SAGE".into(),
        room_type: RoomType::Standard,
        occupancy: 2,
        first_night: first,
        last_night: last,
        rooms: 12,
        rate: Money::new("189.00".parse().unwrap(), "USD".parse().unwrap()),
        release_deadline: deadline,
        account: None,
        nightly_rooms: Vec::new(),
    }
}

#[test]
fn room_block_release_with_its_cost_exposure() {
    let mut p = production();
    with_hotel(&mut p);
    p.logistics.room_blocks.push(block(
        "BLK-STD",
        date(2027, 3, 15),
        date(2027, 3, 23),
        utc("2027-02-23T00:00:00Z"),
    ));
    let items = p.agenda(utc("2027-02-15T16:00:00Z"));
    let releases = of_kind(&items, AgendaKind::RoomBlockRelease);
    assert_eq!(releases.len(), 1);
    let r = releases[0];
    assert_eq!(r.subject, "BLK-STD");
    assert_eq!(r.due, utc("2027-02-23T00:00:00Z"));
    assert_eq!(r.due_local, "Mon 22 Feb 16:00");
    assert!(!r.overdue);
    // 12 rooms × 9 nights (15–23 March inclusive) × 189.00.
    let exposure = r.cost_exposure.unwrap();
    assert_eq!(exposure.amount, "20412.00".parse().unwrap());
    assert_eq!(exposure.currency.code(), "USD");
    assert_eq!(
        r.message,
        "Release unneeded rooms of block BLK-STD at Sage Motor Inn (12 rooms × 9 nights from Mon 15 Mar at 189.00 USD), or 20412.00 USD is committed"
    );
}

#[test]
fn room_blocks_within_the_horizon_or_overdue_before_their_first_night() {
    let mut p = production();
    with_hotel(&mut p);
    let now = la(2027, 3, 1, 12, 0);
    // Deadline in 20 days: beyond the horizon.
    p.logistics.room_blocks.push(block(
        "FAR",
        date(2027, 4, 1),
        date(2027, 4, 2),
        utc("2027-03-21T00:00:00Z"),
    ));
    // Deadline passed, first night tonight: still worth acting on.
    p.logistics.room_blocks.push(block(
        "TONIGHT",
        date(2027, 3, 1),
        date(2027, 3, 3),
        utc("2027-02-20T00:00:00Z"),
    ));
    // Deadline passed, first night over: nothing to do.
    p.logistics.room_blocks.push(block(
        "GONE",
        date(2027, 2, 28),
        date(2027, 3, 3),
        utc("2027-02-20T00:00:00Z"),
    ));
    let items = p.agenda(now);
    let releases = of_kind(&items, AgendaKind::RoomBlockRelease);
    assert_eq!(subjects(&items, AgendaKind::RoomBlockRelease), ["TONIGHT"]);
    assert!(releases[0].overdue);
    assert_eq!(
        releases[0].cost_exposure.unwrap().amount,
        "6804.00".parse().unwrap()
    );
}

fn sent(kind: DocumentKind, date: Option<NaiveDate>, fp: u64, at: &str) -> SentDocument {
    SentDocument {
        kind,
        date,
        schedule_fingerprint: fp,
        sent_at: utc(at),
    }
}

#[test]
fn sent_documents_suppress_items_only_for_the_current_fingerprint() {
    let mut p = production();
    p.events.push(shoot_day("D1", la(2027, 3, 2, 7, 0)));
    p.events.push(shoot_day("D2", la(2027, 3, 3, 7, 0)));
    let now = la(2027, 3, 1, 9, 0);
    let current = schedule_fingerprint(&p);
    let mut old = p.clone();
    old.events[1].start = la(2027, 3, 3, 8, 0);
    let stale = schedule_fingerprint(&old);
    assert_ne!(current, stale);

    // Nothing sent: both call sheets and both documents.
    let items = agenda(&p, &AgendaOptions::new(now));
    assert_eq!(subjects(&items, AgendaKind::CallSheetDue), ["D1", "D2"]);
    assert_eq!(
        subjects(&items, AgendaKind::DocumentOutdated),
        ["day_out_of_days", "shooting_schedule"]
    );
    assert!(
        of_kind(&items, AgendaKind::DocumentOutdated)[0]
            .message
            .contains("not been sent")
    );

    let mut options = AgendaOptions::new(now);
    options.sent = vec![
        // Day 1's call sheet for this schedule: done.
        sent(
            DocumentKind::CallSheet,
            Some(date(2027, 3, 2)),
            current,
            "2027-03-01T16:00:00Z",
        ),
        // Day 2's for an older one: must go again.
        sent(
            DocumentKind::CallSheet,
            Some(date(2027, 3, 3)),
            stale,
            "2027-03-01T16:00:00Z",
        ),
        // The day out of days is current, the shooting schedule stale.
        sent(
            DocumentKind::DayOutOfDays,
            None,
            current,
            "2027-03-01T16:00:00Z",
        ),
        sent(
            DocumentKind::ShootingSchedule,
            None,
            stale,
            "2027-03-01T16:00:00Z",
        ),
    ];
    let items = agenda(&p, &options);
    assert_eq!(subjects(&items, AgendaKind::CallSheetDue), ["D2"]);
    assert!(
        of_kind(&items, AgendaKind::CallSheetDue)[0]
            .message
            .ends_with("again (the schedule changed since it was sent)")
    );
    assert_eq!(
        subjects(&items, AgendaKind::DocumentOutdated),
        ["shooting_schedule"]
    );
    assert_eq!(
        of_kind(&items, AgendaKind::DocumentOutdated)[0].message,
        "Send the shooting schedule: the schedule changed since it was last sent (Mon 1 Mar 08:00)"
    );

    // Sending the current version later suppresses it; a stale send after a
    // current one brings it back (people now hold the stale version).
    options.sent.push(sent(
        DocumentKind::ShootingSchedule,
        None,
        current,
        "2027-03-01T17:00:00Z",
    ));
    options.sent.push(sent(
        DocumentKind::DayOutOfDays,
        None,
        stale,
        "2027-03-01T17:00:00Z",
    ));
    let items = agenda(&p, &options);
    assert_eq!(
        subjects(&items, AgendaKind::DocumentOutdated),
        ["day_out_of_days"]
    );

    // Once the schedule changes, every sent document is outdated again.
    let mut changed = p.clone();
    changed.events[0].notes = "Bring rain gear".into();
    let items = agenda(&changed, &options);
    assert_eq!(subjects(&items, AgendaKind::CallSheetDue), ["D1", "D2"]);
    assert_eq!(
        subjects(&items, AgendaKind::DocumentOutdated),
        ["day_out_of_days", "shooting_schedule"]
    );
}

#[test]
fn no_documents_are_owed_without_shoot_days() {
    let mut p = production();
    let mut meeting = shoot_day("M1", la(2027, 3, 2, 9, 0));
    meeting.kind = EventKind::Meeting;
    p.events.push(meeting);
    assert!(p.agenda(la(2027, 3, 1, 9, 0)).is_empty());
}

#[test]
fn fingerprint_is_stable_and_ignores_file_order() {
    let mut p = production();
    p.events.push(shoot_day("D1", la(2027, 3, 2, 7, 0)));
    p.events.push(shoot_day("D2", la(2027, 3, 3, 7, 0)));
    let fp = schedule_fingerprint(&p);
    let mut reordered = p.clone();
    reordered.events.reverse();
    reordered.people.reverse();
    assert_eq!(schedule_fingerprint(&reordered), fp);
    // Not part of the schedule people see: the budget, name, logistics.
    let mut renamed = p.clone();
    renamed.name = "Other".into();
    assert_eq!(schedule_fingerprint(&renamed), fp);
    let mut moved = p.clone();
    moved.events[0].attendees[0].call = Some(la(2027, 3, 2, 6, 0));
    assert_ne!(schedule_fingerprint(&moved), fp);
    // Serde names.
    assert_eq!(
        serde_json::to_string(&DocumentKind::DayOutOfDays).unwrap(),
        "\"day_out_of_days\""
    );
    assert_eq!(
        serde_json::to_string(&AgendaKind::CallSheetDue).unwrap(),
        "\"call_sheet_due\""
    );
}

#[test]
fn notices_are_owed_to_each_person_whose_schedule_changed() {
    let mut previous = production();
    previous.events.push(shoot_day("D1", la(2027, 3, 2, 7, 0)));
    let mut p = previous.clone();
    p.events[0].attendees[0].call = Some(la(2027, 3, 2, 6, 0));
    let now = la(2027, 3, 1, 9, 0);
    let mut options = AgendaOptions::new(now);

    // Without a previous version no notices are considered.
    assert!(of_kind(&agenda(&p, &options), AgendaKind::NoticesOwed).is_empty());

    options.previous = Some(previous.clone());
    let items = agenda(&p, &options);
    let owed = of_kind(&items, AgendaKind::NoticesOwed);
    assert_eq!(owed.len(), 1, "only Maya's call moved");
    assert_eq!(owed[0].subject, "P1");
    assert_eq!(owed[0].due, now);
    assert!(!owed[0].overdue);
    assert_eq!(
        owed[0].message,
        "Send Maya Ortiz a change notice (1 change)"
    );

    // Moving the whole day affects both.
    p.events[0].start = la(2027, 3, 2, 8, 0);
    let items = agenda(&p, &options);
    assert_eq!(subjects(&items, AgendaKind::NoticesOwed), ["P1", "P2"]);

    // Nothing owed when the previous version is the current one.
    options.previous = Some(p.clone());
    assert!(of_kind(&agenda(&p, &options), AgendaKind::NoticesOwed).is_empty());
}

fn assert_sorted(items: &[AgendaItem]) {
    for w in items.windows(2) {
        assert!(
            (w[0].due, w[0].kind, &w[0].subject) <= (w[1].due, w[1].kind, &w[1].subject),
            "not sorted: {:?} before {:?}",
            w[0],
            w[1]
        );
    }
}

#[test]
fn sample_production_agenda() {
    let p = Production::load(sample_path()).unwrap();
    let now = utc("2027-02-15T16:00:00Z");
    let items = p.agenda(now);
    assert!(!items.is_empty());
    assert_sorted(&items);
    for i in &items {
        assert_eq!(i.overdue, i.due < now);
    }
    // The first week's call sheets (Mon 22 – Fri 26 February).
    let sheets = subjects(&items, AgendaKind::CallSheetDue);
    for day in ["MU-D01", "MU-D02", "MU-D03", "MU-D04", "MU-D05"] {
        assert!(sheets.contains(&day), "{day} missing from {sheets:?}");
    }
    let d1 = of_kind(&items, AgendaKind::CallSheetDue)
        .into_iter()
        .find(|i| i.subject == "MU-D01")
        .unwrap();
    assert_eq!(d1.due_local, "Sun 21 Feb 19:00");
    // Room blocks: those due within two weeks, and the Larch blocks whose
    // deadline passed while their first night (tonight) has not.
    let blocks = subjects(&items, AgendaKind::RoomBlockRelease);
    for id in [
        "BLK-ADOBE-STE",
        "BLK-ADOBE-STD",
        "BLK-SAGE-ADV",
        "BLK-SAGE-STD",
        "BLK-LARCH-STE-1",
    ] {
        assert!(blocks.contains(&id), "{id} missing from {blocks:?}");
    }
    for r in of_kind(&items, AgendaKind::RoomBlockRelease) {
        let exposure = r.cost_exposure.expect("room blocks carry an exposure");
        assert!(exposure.amount > rust_decimal::Decimal::ZERO);
    }
    let adobe = of_kind(&items, AgendaKind::RoomBlockRelease)
        .into_iter()
        .find(|i| i.subject == "BLK-ADOBE-STD")
        .unwrap();
    // 12 rooms × 9 nights × 189.00.
    assert_eq!(
        adobe.cost_exposure.unwrap().amount,
        "20412.00".parse().unwrap()
    );
    // Nothing sent: both documents are owed.
    assert_eq!(
        subjects(&items, AgendaKind::DocumentOutdated),
        ["day_out_of_days", "shooting_schedule"]
    );
    // Deterministic.
    assert_eq!(p.agenda(now), items);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn agenda_is_sorted_flags_overdue_and_refers_to_live_shoot_days(
        p in arb_schedule(),
        offset in -(10i64 * 24 * 60)..(40 * 24 * 60),
        lead in 0u32..48,
        horizon in 0u32..30,
    ) {
        let now = props_base() + chrono::TimeDelta::minutes(offset);
        let mut options = AgendaOptions::new(now);
        options.call_sheet_lead_hours = lead;
        options.horizon_days = horizon;
        let items = agenda(&p, &options);
        for w in items.windows(2) {
            prop_assert!(
                (w[0].due, w[0].kind, &w[0].subject) <= (w[1].due, w[1].kind, &w[1].subject)
            );
        }
        for i in &items {
            prop_assert_eq!(i.overdue, i.due < now);
            if i.kind == AgendaKind::CallSheetDue {
                let day = p.events.iter().find(|e| e.id.as_str() == i.subject);
                prop_assert!(day.is_some(), "unknown shoot day {}", i.subject);
                let day = day.unwrap();
                prop_assert_eq!(day.kind, EventKind::ShootDay);
                prop_assert_ne!(day.status, BookingStatus::Cancelled);
                prop_assert!(day.start > now);
                prop_assert!(i.due <= day.start);
            }
        }
        // Sending every call sheet and document for this version clears them.
        let fp = schedule_fingerprint(&p);
        for i in &items {
            if i.kind == AgendaKind::CallSheetDue {
                let day = p.events.iter().find(|e| e.id.as_str() == i.subject).unwrap();
                let zone = day
                    .location
                    .as_ref()
                    .and_then(|l| p.locations.iter().find(|x| &x.id == l))
                    .map_or(p.zone, |l| l.zone);
                options.sent.push(SentDocument {
                    kind: DocumentKind::CallSheet,
                    date: Some(zone.civil_date(day.start)),
                    schedule_fingerprint: fp,
                    sent_at: now,
                });
            }
        }
        for kind in [DocumentKind::DayOutOfDays, DocumentKind::ShootingSchedule] {
            options.sent.push(SentDocument { kind, date: None, schedule_fingerprint: fp, sent_at: now });
        }
        let after = agenda(&p, &options);
        prop_assert!(after.iter().all(|i| !matches!(
            i.kind,
            AgendaKind::CallSheetDue | AgendaKind::DocumentOutdated
        )));
    }
}

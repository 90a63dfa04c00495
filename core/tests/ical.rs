//! iCalendar feeds: a hand-worked person feed line by line, time zones around
//! the 2027 DST changes, sequences, UIDs, folding and escaping, free/busy,
//! and the sample production parsed back with the `icalendar` crate.
//!
//! March 2027: Friday 12, Saturday 13, Sunday 14 (DST starts in the US at
//! 02:00 local), Monday 15; Europe/London changes on Sunday 28 March.

use std::collections::BTreeMap;

use callsheet::comms::{
    CalendarSubject, IcalError, IcalExport, IcalOptions, SequenceSource, content_hash, free_busy,
    to_ical,
};
use callsheet::{
    Attendance, AvailabilityKind, AvailabilityWindow, BookingStatus, Event, EventKind,
    InteriorExterior, Location, Person, PersonCategory, Production, Resource, ResourceBooking,
    ResourceKind, SceneDetails, StoryTime, Timestamp,
};
use chrono::{DateTime, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::America::Los_Angeles;
use chrono_tz::Europe::London;
use chrono_tz::Tz;
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike};

use crate::common::sample_path;

/// Local wall-clock time in 2027 in `tz` as a UTC instant (first occurrence).
fn at(tz: Tz, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    tz.with_ymd_and_hms(2027, m, d, h, min, 0)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn la(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    at(Los_Angeles, m, d, h, min)
}

fn utc(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn now() -> Timestamp {
    utc("2027-03-01T12:00:00Z")
}

fn scene(id: &str, parent: &str, number: &str, start: Timestamp, end: Timestamp) -> Event {
    let mut e = Event::new(id, EventKind::Scene, start, end);
    e.parent = Some(parent.into());
    e.scene = Some(SceneDetails {
        number: number.into(),
        eighths: 8,
        int_ext: InteriorExterior::Int,
        story_time: StoryTime::Day,
        synopsis: String::new(),
        set: String::new(),
    });
    e
}

/// Night Diner: two shoot days either side of the DST change, a hold, a
/// cancelled fitting, scenes folded into their day.
fn production() -> Production {
    let mut p = Production::new(
        "Night Diner",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    );
    let mut stage = Location::new("STAGE", "Stage 4", "America/Los_Angeles".parse().unwrap());
    stage.address = "1 Main St, Burbank".into();
    p.locations.push(stage);
    p.people
        .push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
    p.people
        .push(Person::new("P2", "Leo Park", PersonCategory::Cast));

    // Day 1, Friday 12 March, 07:00–19:00 PST. Maya: makeup 05:30, call
    // 06:30, on set 07:00, released 18:00.
    let mut d1 = Event::new("D1", EventKind::ShootDay, la(3, 12, 7, 0), la(3, 12, 19, 0));
    d1.day_number = Some(1);
    d1.location = Some("STAGE".into());
    d1.notes = "Bring sides; wear flats".into();
    let mut maya = Attendance::new("P1");
    maya.makeup_call = Some(la(3, 12, 5, 30));
    maya.call = Some(la(3, 12, 6, 30));
    maya.on_set = Some(la(3, 12, 7, 0));
    maya.dismissal = Some(la(3, 12, 18, 0));
    d1.attendees.push(maya);
    d1.attendees.push(Attendance::new("P2"));
    let mut sc12 = scene("SC12", "D1", "12", la(3, 12, 9, 0), la(3, 12, 11, 0));
    sc12.attendees.push(Attendance::new("P1"));
    let mut sc14 = scene("SC14A", "D1", "14A", la(3, 12, 13, 0), la(3, 12, 15, 0));
    sc14.attendees.push(Attendance::new("P1"));
    sc14.attendees.push(Attendance::new("P2"));

    // Day 2, Monday 15 March, 07:00–19:00 PDT, on hold. Leo only has scene 20.
    let mut d2 = Event::new("D2", EventKind::ShootDay, la(3, 15, 7, 0), la(3, 15, 19, 0));
    d2.day_number = Some(2);
    d2.location = Some("STAGE".into());
    d2.status = BookingStatus::Hold;
    d2.attendees.push(Attendance::new("P1"));
    let mut sc20 = scene("SC20", "D2", "20", la(3, 15, 16, 0), la(3, 15, 18, 0));
    sc20.attendees.push(Attendance::new("P2"));

    // A cancelled fitting without a location (shown in the home zone).
    let mut fitting = Event::new(
        "FIT",
        EventKind::Fitting,
        la(3, 16, 10, 0),
        la(3, 16, 11, 0),
    );
    fitting.title = "Wardrobe fitting".into();
    fitting.status = BookingStatus::Cancelled;
    fitting.attendees.push(Attendance::new("P1"));

    // In file order that is not time order.
    p.events.extend([fitting, sc20, d2, sc14, sc12, d1]);
    p
}

fn person(id: &str) -> CalendarSubject {
    CalendarSubject::Person(id.into())
}

fn export(p: &Production, subject: CalendarSubject) -> IcalExport {
    to_ical(p, &IcalOptions::new(subject, now())).unwrap()
}

fn crlf(lines: &[&str]) -> String {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// Undoes folding (RFC 5545 §3.1): CRLF followed by one space or tab.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
        match raw.strip_prefix([' ', '\t']) {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(raw.to_owned()),
        }
    }
    lines
}

/// The unfolded lines of each VEVENT.
fn vevents(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in unfold(text) {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(line);
                }
            }
        }
    }
    out
}

fn prop<'a>(event: &'a [String], name: &str) -> Option<&'a str> {
    event.iter().find_map(|l| {
        l.strip_prefix(name)
            .filter(|rest| rest.starts_with([':', ';']))
    })
}

/// The VTIMEZONE block of `zone`, unfolded.
fn vtimezone(text: &str, zone: &str) -> Vec<String> {
    let lines = unfold(text);
    let tzid = format!("TZID:{zone}");
    let start = lines
        .iter()
        .position(|l| *l == tzid)
        .unwrap_or_else(|| panic!("no VTIMEZONE for {zone}"))
        - 1;
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l == "END:VTIMEZONE")
            .unwrap();
    lines[start..=end].to_vec()
}

/// Every physical line ends in CRLF, fits in 75 octets, and only
/// continuation lines start with whitespace.
fn assert_well_formed(text: &str) {
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
    }
}

// ---------------------------------------------------------------------------

#[test]
fn person_feed_line_by_line() {
    let text = export(&production(), person("P1")).text;
    let expected = crlf(&[
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//callsheet//callsheet//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Night Diner: Maya Ortiz",
        "BEGIN:VTIMEZONE",
        "TZID:America/Los_Angeles",
        "BEGIN:STANDARD",
        "DTSTART:20261101T020000",
        "TZOFFSETFROM:-0700",
        "TZOFFSETTO:-0800",
        "TZNAME:PST",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20270314T020000",
        "TZOFFSETFROM:-0800",
        "TZOFFSETTO:-0700",
        "TZNAME:PDT",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20271107T020000",
        "TZOFFSETFROM:-0700",
        "TZOFFSETTO:-0800",
        "TZNAME:PST",
        "END:STANDARD",
        "END:VTIMEZONE",
        // Day 1 from Maya's makeup call to her dismissal; scenes 12 and 14A
        // folded into it.
        "BEGIN:VEVENT",
        "UID:D1-person-P1@callsheet.invalid",
        "DTSTAMP:20270301T120000Z",
        "SEQUENCE:0",
        "DTSTART;TZID=America/Los_Angeles:20270312T053000",
        "DTEND;TZID=America/Los_Angeles:20270312T180000",
        "SUMMARY:Shoot day 1",
        "LOCATION:Stage 4\\, 1 Main St\\, Burbank",
        "DESCRIPTION:Makeup: 05:30 PST\\nCall: 06:30 PST\\nOn set: 07:00 PST\\nDismissa",
        " l: 18:00 PST\\nScenes: 12\\, 14A\\nBring sides\\; wear flats",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "CATEGORIES:Shoot day",
        "X-CALLSHEET-EVENT-ID:D1",
        "END:VEVENT",
        // Day 2 is a hold: tentative, after the DST change.
        "BEGIN:VEVENT",
        "UID:D2-person-P1@callsheet.invalid",
        "DTSTAMP:20270301T120000Z",
        "SEQUENCE:0",
        "DTSTART;TZID=America/Los_Angeles:20270315T070000",
        "DTEND;TZID=America/Los_Angeles:20270315T190000",
        "SUMMARY:Shoot day 2",
        "LOCATION:Stage 4\\, 1 Main St\\, Burbank",
        "DESCRIPTION:Call: 07:00 PDT\\nDismissal: 19:00 PDT",
        "STATUS:TENTATIVE",
        "TRANSP:OPAQUE",
        "CATEGORIES:Shoot day",
        "X-CALLSHEET-EVENT-ID:D2",
        "END:VEVENT",
        // The cancelled fitting stays, cancelled, so calendars drop it.
        "BEGIN:VEVENT",
        "UID:FIT-person-P1@callsheet.invalid",
        "DTSTAMP:20270301T120000Z",
        "SEQUENCE:0",
        "DTSTART;TZID=America/Los_Angeles:20270316T100000",
        "DTEND;TZID=America/Los_Angeles:20270316T110000",
        "SUMMARY:Wardrobe fitting",
        "DESCRIPTION:Call: 10:00 PDT\\nDismissal: 11:00 PDT",
        "STATUS:CANCELLED",
        "TRANSP:TRANSPARENT",
        "CATEGORIES:Fitting",
        "X-CALLSHEET-EVENT-ID:FIT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    assert_eq!(text, expected);
}

#[test]
fn a_scene_without_its_day_is_an_event_of_its_own() {
    // Leo attends day 1 (scene 14A folds into it) but only scene 20 of day 2.
    let text = export(&production(), person("P2")).text;
    let events = vevents(&text);
    let ids: Vec<&str> = events
        .iter()
        .map(|e| prop(e, "X-CALLSHEET-EVENT-ID").unwrap())
        .collect();
    assert_eq!(ids, [":D1", ":SC20"]);
    assert_eq!(
        prop(&events[0], "DESCRIPTION"),
        Some(":Call: 07:00 PST\\nDismissal: 19:00 PST\\nScenes: 14A\\nBring sides\\; wear flats")
    );
    assert_eq!(prop(&events[1], "SUMMARY"), Some(":Scene 20"));
    // A scene of a day on hold is on hold too.
    assert_eq!(prop(&events[1], "STATUS"), Some(":TENTATIVE"));
    assert_eq!(
        prop(&events[1], "DTSTART"),
        Some(";TZID=America/Los_Angeles:20270315T160000")
    );
}

#[test]
fn holds_and_cancelled_events_can_be_left_out() {
    let p = production();
    let mut options = IcalOptions::new(person("P1"), now());
    options.include_holds = false;
    options.include_cancelled = false;
    let text = to_ical(&p, &options).unwrap().text;
    let ids: Vec<String> = vevents(&text)
        .iter()
        .map(|e| prop(e, "UID").unwrap().to_owned())
        .collect();
    assert_eq!(ids, [":D1-person-P1@callsheet.invalid"]);
}

#[test]
fn location_feed_folds_scenes_and_shows_company_times() {
    let text = export(&production(), CalendarSubject::Location("STAGE".into())).text;
    let events = vevents(&text);
    assert_eq!(events.len(), 2);
    assert_eq!(
        prop(&events[0], "UID"),
        Some(":D1-location-STAGE@callsheet.invalid")
    );
    assert_eq!(
        prop(&events[0], "DTSTART"),
        Some(";TZID=America/Los_Angeles:20270312T070000")
    );
    assert_eq!(
        prop(&events[0], "DESCRIPTION"),
        Some(
            ":Crew call: 07:00 PST\\nWrap: 19:00 PST\\nScenes: 12\\, 14A\\nBring sides\\; wear flats"
        )
    );
    // Scene 20 inherits the stage from day 2 and folds into it.
    assert_eq!(
        prop(&events[1], "DESCRIPTION"),
        Some(":Crew call: 07:00 PDT\\nWrap: 19:00 PDT\\nScenes: 20")
    );
}

#[test]
fn folded_scenes_show_their_own_status_and_late_times_their_date() {
    let mut p = production();
    for e in &mut p.events {
        match e.id.as_str() {
            "SC12" => e.status = BookingStatus::Cancelled,
            "SC14A" => e.status = BookingStatus::Hold,
            // Day 1 wraps after midnight.
            "D1" => e.end = la(3, 13, 1, 0),
            _ => {}
        }
    }
    // A meal folds in with its times.
    let mut lunch = Event::new(
        "LUNCH",
        EventKind::Meal,
        la(3, 12, 12, 0),
        la(3, 12, 12, 30),
    );
    lunch.parent = Some("D1".into());
    p.events.push(lunch);
    let text = export(&p, CalendarSubject::Location("STAGE".into())).text;
    let events = vevents(&text);
    assert_eq!(
        prop(&events[0], "DESCRIPTION"),
        Some(
            ":Crew call: 07:00 PST\\nWrap: Sat 13 Mar 01:00 PST\\nScenes: 12 (cancelled)\\, 14A (hold)\\nMeal: 12:00 PST – 12:30 PST\\nBring sides\\; wear flats"
        )
    );
    assert_eq!(
        prop(&events[0], "DTEND"),
        Some(";TZID=America/Los_Angeles:20270313T010000")
    );
}

#[test]
fn resource_feed_uses_the_operational_window() {
    let mut p = production();
    let mut camera = Resource::new("CAM-A", "Alexa 35, body A", ResourceKind::Equipment, 3);
    camera.prep_minutes = 90;
    camera.return_minutes = 45;
    p.resources.push(camera);
    let d1 = p.events.iter_mut().find(|e| e.id.as_str() == "D1").unwrap();
    d1.resources.push(ResourceBooking {
        resource: "CAM-A".into(),
        quantity: 2,
    });
    let text = export(&p, CalendarSubject::Resource("CAM-A".into())).text;
    let events = vevents(&text);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(
        prop(e, "UID"),
        Some(":D1-resource-CAM%2DA@callsheet.invalid")
    );
    assert_eq!(
        prop(e, "DTSTART"),
        Some(";TZID=America/Los_Angeles:20270312T053000")
    );
    assert_eq!(
        prop(e, "DTEND"),
        Some(";TZID=America/Los_Angeles:20270312T194500")
    );
    assert_eq!(
        prop(e, "DESCRIPTION"),
        Some(
            ":Quantity: 2 of 3\\nEvent: 07:00 PST – 19:00 PST\\nPrep: 90 min before\\, return: 45 min after\\nBring sides\\; wear flats"
        )
    );
}

#[test]
fn everything_feed_has_one_event_per_day_and_loose_event() {
    let text = export(&production(), CalendarSubject::Everything).text;
    let uids: Vec<String> = vevents(&text)
        .iter()
        .map(|e| prop(e, "UID").unwrap().to_owned())
        .collect();
    assert_eq!(
        uids,
        [
            ":D1-all@callsheet.invalid",
            ":D2-all@callsheet.invalid",
            ":FIT-all@callsheet.invalid",
        ]
    );
}

// ---------------------------------------------------------------------------
// Time zones

#[test]
fn vtimezone_los_angeles_2027() {
    let text = export(&production(), CalendarSubject::Everything).text;
    assert_eq!(
        vtimezone(&text, "America/Los_Angeles"),
        [
            "BEGIN:VTIMEZONE",
            "TZID:America/Los_Angeles",
            "BEGIN:STANDARD",
            "DTSTART:20261101T020000",
            "TZOFFSETFROM:-0700",
            "TZOFFSETTO:-0800",
            "TZNAME:PST",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:20270314T020000",
            "TZOFFSETFROM:-0800",
            "TZOFFSETTO:-0700",
            "TZNAME:PDT",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "DTSTART:20271107T020000",
            "TZOFFSETFROM:-0700",
            "TZOFFSETTO:-0800",
            "TZNAME:PST",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    );
}

fn london_production() -> Production {
    let mut p = Production::new(
        "Night Diner",
        "America/Los_Angeles".parse().unwrap(),
        "USD".parse().unwrap(),
    );
    p.locations.push(Location::new(
        "EALING",
        "Ealing Studios",
        "Europe/London".parse().unwrap(),
    ));
    // Saturday 27 March (GMT) and Monday 29 March (BST), 09:00–17:00 local.
    for (id, day) in [("L1", 27), ("L2", 29)] {
        let mut e = Event::new(
            id,
            EventKind::Rehearsal,
            at(London, 3, day, 9, 0),
            at(London, 3, day, 17, 0),
        );
        e.location = Some("EALING".into());
        p.events.push(e);
    }
    p
}

#[test]
fn vtimezone_europe_london_2027() {
    let p = london_production();
    let text = export(&p, CalendarSubject::Everything).text;
    assert_eq!(
        vtimezone(&text, "Europe/London"),
        [
            "BEGIN:VTIMEZONE",
            "TZID:Europe/London",
            "BEGIN:STANDARD",
            "DTSTART:20261025T020000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "TZNAME:GMT",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:20270328T010000",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "TZNAME:BST",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "DTSTART:20271031T020000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "TZNAME:GMT",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    );
    // Only zones that are used get a VTIMEZONE (not the home zone here).
    assert!(!text.contains("TZID:America/Los_Angeles"));
}

#[test]
fn wall_clock_times_survive_the_dst_change() {
    // Los Angeles: Saturday 13 March 07:00 PST and Monday 15 March 07:00 PDT.
    let p = production();
    let text = export(&p, CalendarSubject::Location("STAGE".into())).text;
    assert!(text.contains("DTSTART;TZID=America/Los_Angeles:20270312T070000\r\n"));
    assert!(text.contains("DTSTART;TZID=America/Los_Angeles:20270315T070000\r\n"));
    assert_eq!(la(3, 15, 7, 0) - la(3, 12, 7, 0), TimeDelta::hours(71));

    // London: 09:00 both sides of 28 March, an hour apart in UTC.
    let text = export(&london_production(), CalendarSubject::Everything).text;
    let starts: Vec<String> = vevents(&text)
        .iter()
        .map(|e| prop(e, "DTSTART").unwrap().to_owned())
        .collect();
    assert_eq!(
        starts,
        [
            ";TZID=Europe/London:20270327T090000",
            ";TZID=Europe/London:20270329T090000",
        ]
    );
    assert_eq!(at(London, 3, 29, 9, 0), utc("2027-03-29T08:00:00Z"));
}

#[test]
fn the_repeated_hour_is_written_in_utc() {
    // 7 November 2027 in Los Angeles: 01:30 happens twice. The first (PDT)
    // can be written with TZID; the second (PST) only in UTC.
    let mut p = production();
    p.events.clear();
    for (id, start) in [
        ("FIRST", utc("2027-11-07T08:30:00Z")),
        ("SECOND", utc("2027-11-07T09:30:00Z")),
    ] {
        let mut e = Event::new(id, EventKind::Prep, start, start + TimeDelta::minutes(60));
        e.location = Some("STAGE".into());
        p.events.push(e);
    }
    let text = export(&p, CalendarSubject::Everything).text;
    let events = vevents(&text);
    assert_eq!(
        prop(&events[0], "DTSTART"),
        Some(";TZID=America/Los_Angeles:20271107T013000")
    );
    // FIRST ends at the second 01:30 (PST), so in UTC too.
    assert_eq!(prop(&events[0], "DTEND"), Some(":20271107T093000Z"));
    assert_eq!(prop(&events[1], "DTSTART"), Some(":20271107T093000Z"));
    // SECOND ends at 02:30 PST, which happens once.
    assert_eq!(
        prop(&events[1], "DTEND"),
        Some(";TZID=America/Los_Angeles:20271107T023000")
    );
}

/// Checks every observance of every VTIMEZONE in `text` against chrono-tz:
/// one second before the onset the zone is at TZOFFSETFROM, at the onset at
/// TZOFFSETTO; and every TZID-qualified time in an event maps back to the
/// instant chrono-tz gives for it.
fn assert_vtimezones_agree_with_chrono_tz(text: &str) {
    let lines = unfold(text);
    let mut zone: Option<Tz> = None;
    let mut onset: Option<NaiveDateTime> = None;
    let mut from: Option<i32> = None;
    let parse_offset = |s: &str| {
        let sign = if s.starts_with('-') { -1 } else { 1 };
        let digits = &s[1..];
        let h: i32 = digits[0..2].parse().unwrap();
        let m: i32 = digits[2..4].parse().unwrap();
        let sec: i32 = digits.get(4..6).map_or(0, |x| x.parse().unwrap());
        sign * (h * 3600 + m * 60 + sec)
    };
    let mut checked = 0;
    for line in &lines {
        if let Some(name) = line.strip_prefix("TZID:") {
            zone = Some(name.parse().unwrap());
        } else if let Some(local) = line.strip_prefix("DTSTART:").filter(|_| zone.is_some()) {
            if !local.ends_with('Z') {
                onset = Some(NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").unwrap());
            }
        } else if let Some(off) = line.strip_prefix("TZOFFSETFROM:") {
            from = Some(parse_offset(off));
        } else if let Some(off) = line.strip_prefix("TZOFFSETTO:") {
            let (tz, onset, from) = (zone.unwrap(), onset.unwrap(), from.unwrap());
            let to = parse_offset(off);
            let instant = onset - TimeDelta::seconds(i64::from(from));
            let offset_at =
                |t: NaiveDateTime| tz.offset_from_utc_datetime(&t).fix().local_minus_utc();
            assert_eq!(offset_at(instant), to, "{tz} at {instant}");
            if from != to {
                assert_eq!(
                    offset_at(instant - TimeDelta::seconds(1)),
                    from,
                    "{tz} before {instant}"
                );
            }
            checked += 1;
        } else if line == "END:VTIMEZONE" {
            zone = None;
        }
    }
    assert!(checked > 0);
    for event in vevents(text) {
        for name in ["DTSTART", "DTEND"] {
            let Some(value) = prop(&event, name) else {
                continue;
            };
            let Some(rest) = value.strip_prefix(";TZID=") else {
                continue;
            };
            let (tzid, local) = rest.split_once(':').unwrap();
            let tz: Tz = tzid.parse().unwrap();
            let local = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").unwrap();
            assert!(tz.from_local_datetime(&local).earliest().is_some());
        }
    }
}

#[test]
fn vtimezones_agree_with_chrono_tz() {
    assert_vtimezones_agree_with_chrono_tz(
        &export(&production(), CalendarSubject::Everything).text,
    );
    assert_vtimezones_agree_with_chrono_tz(
        &export(&london_production(), CalendarSubject::Everything).text,
    );
    // A zone without DST, and one south of the equator, across two years.
    let mut p = Production::new(
        "Tour",
        "Asia/Kolkata".parse().unwrap(),
        "INR".parse().unwrap(),
    );
    p.locations.push(Location::new(
        "MUM",
        "Film City",
        "Asia/Kolkata".parse().unwrap(),
    ));
    p.locations.push(Location::new(
        "SYD",
        "Fox Studios",
        "Australia/Sydney".parse().unwrap(),
    ));
    for (id, loc, start) in [
        ("A", "MUM", "2027-06-01T04:00:00Z"),
        ("B", "SYD", "2027-12-30T22:00:00Z"),
        ("C", "SYD", "2028-04-10T22:00:00Z"),
    ] {
        let start = utc(start);
        let mut e = Event::new(id, EventKind::Meeting, start, start + TimeDelta::hours(2));
        e.location = Some(loc.into());
        p.events.push(e);
    }
    let text = export(&p, CalendarSubject::Everything).text;
    assert_vtimezones_agree_with_chrono_tz(&text);
    assert_eq!(
        vtimezone(&text, "Asia/Kolkata"),
        [
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Kolkata",
            "BEGIN:STANDARD",
            "DTSTART:20270101T000000",
            "TZOFFSETFROM:+0530",
            "TZOFFSETTO:+0530",
            "TZNAME:IST",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    );
    // Sydney over 2027 and 2028: the October 2026 change, then two a year.
    let sydney = vtimezone(&text, "Australia/Sydney");
    let onsets: Vec<&str> = sydney
        .iter()
        .filter_map(|l| l.strip_prefix("DTSTART:"))
        .collect();
    assert_eq!(
        onsets,
        [
            "20261004T020000",
            "20270404T030000",
            "20271003T020000",
            "20280402T030000",
            "20281001T020000",
        ]
    );
}

// ---------------------------------------------------------------------------
// Sequences and UIDs

fn options_with(sequence: SequenceSource, dtstamp: Timestamp) -> IcalOptions {
    let mut options = IcalOptions::new(person("P1"), dtstamp);
    options.sequence = sequence;
    options
}

fn sequences(export: &IcalExport) -> Vec<(String, u32)> {
    vevents(&export.text)
        .iter()
        .map(|e| {
            let uid = prop(e, "UID").unwrap()[1..].to_owned();
            let seq = prop(e, "SEQUENCE").unwrap()[1..].parse().unwrap();
            (uid, seq)
        })
        .collect()
}

#[test]
fn sequence_goes_up_exactly_for_changed_events() {
    let mut p = production();
    let first = to_ical(&p, &options_with(SequenceSource::Fresh, now())).unwrap();
    assert!(first.sequences.values().all(|&(seq, _)| seq == 0));
    assert_eq!(first.sequences.len(), 3);

    // Nothing changed but the stamp: same sequences, same hashes.
    let later = utc("2027-03-02T12:00:00Z");
    let same = to_ical(
        &p,
        &options_with(SequenceSource::Previous(first.sequences.clone()), later),
    )
    .unwrap();
    assert_eq!(same.sequences, first.sequences);

    // Maya's dismissal on day 1 moves (her own time); day 2 is confirmed.
    let d1 = p.events.iter_mut().find(|e| e.id.as_str() == "D1").unwrap();
    d1.attendees[0].dismissal = Some(la(3, 12, 18, 30));
    let d2 = p.events.iter_mut().find(|e| e.id.as_str() == "D2").unwrap();
    d2.status = BookingStatus::Confirmed;
    let second = to_ical(
        &p,
        &options_with(SequenceSource::Previous(same.sequences), later),
    )
    .unwrap();
    assert_eq!(
        sequences(&second),
        [
            ("D1-person-P1@callsheet.invalid".to_owned(), 1),
            ("D2-person-P1@callsheet.invalid".to_owned(), 1),
            ("FIT-person-P1@callsheet.invalid".to_owned(), 0),
        ]
    );

    // Leo's times are not in Maya's feed: changing them changes nothing.
    let d1 = p.events.iter_mut().find(|e| e.id.as_str() == "D1").unwrap();
    d1.attendees[1].call = Some(la(3, 12, 8, 0));
    let third = to_ical(
        &p,
        &options_with(SequenceSource::Previous(second.sequences.clone()), later),
    )
    .unwrap();
    assert_eq!(third.sequences, second.sequences);

    // The location's address changes: both events there go up again.
    p.locations[0].address = "2 Main St, Burbank".into();
    let fourth = to_ical(
        &p,
        &options_with(SequenceSource::Previous(third.sequences), later),
    )
    .unwrap();
    assert_eq!(
        sequences(&fourth),
        [
            ("D1-person-P1@callsheet.invalid".to_owned(), 2),
            ("D2-person-P1@callsheet.invalid".to_owned(), 2),
            ("FIT-person-P1@callsheet.invalid".to_owned(), 0),
        ]
    );
}

#[test]
fn events_leaving_the_feed_keep_their_sequence_for_later() {
    let mut p = production();
    let mut previous = BTreeMap::new();
    previous.insert("GONE-person-P1@callsheet.invalid".to_owned(), (4, 42));
    let first = to_ical(&p, &options_with(SequenceSource::Previous(previous), now())).unwrap();
    assert_eq!(first.sequences["GONE-person-P1@callsheet.invalid"], (4, 42));

    // Maya leaves day 2, then comes back with a new call: 0 → 1.
    let d2 = p.events.iter().position(|e| e.id.as_str() == "D2").unwrap();
    let attendance = p.events[d2].attendees.remove(0);
    let second = to_ical(
        &p,
        &options_with(SequenceSource::Previous(first.sequences), now()),
    )
    .unwrap();
    assert!(!second.text.contains("UID:D2-person-P1"));
    assert_eq!(second.sequences["D2-person-P1@callsheet.invalid"].0, 0);
    let mut attendance = attendance;
    attendance.call = Some(la(3, 15, 8, 0));
    p.events[d2].attendees.push(attendance);
    let third = to_ical(
        &p,
        &options_with(SequenceSource::Previous(second.sequences), now()),
    )
    .unwrap();
    assert_eq!(third.sequences["D2-person-P1@callsheet.invalid"].0, 1);
}

#[test]
fn content_hash_is_fnv1a_64() {
    assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(content_hash("a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(content_hash("foobar"), 0x8594_4171_f739_67e8);
    // The hash of an event is that of its lines without DTSTAMP and SEQUENCE.
    let export = export(&production(), person("P1"));
    let fit = vevents(&export.text).pop().unwrap();
    let mut canonical = String::from("callsheet-ical-1");
    for line in fit
        .iter()
        .filter(|l| !l.starts_with("DTSTAMP:") && !l.starts_with("SEQUENCE:"))
    {
        canonical.push('\n');
        canonical.push_str(line);
    }
    assert_eq!(
        export.sequences["FIT-person-P1@callsheet.invalid"],
        (0, content_hash(&canonical))
    );
}

#[test]
fn uids_are_stable_and_output_is_deterministic() {
    let p = production();
    let a = export(&p, person("P1"));
    let b = export(&p, person("P1"));
    assert_eq!(a, b);

    // Reversed file order, another stamp: same UIDs, same text but the stamp.
    let mut reversed = p.clone();
    reversed.events.reverse();
    let later = utc("2027-04-01T00:00:00Z");
    let c = to_ical(&reversed, &IcalOptions::new(person("P1"), later)).unwrap();
    assert_eq!(
        c.text
            .replace("DTSTAMP:20270401T000000Z", "DTSTAMP:20270301T120000Z"),
        a.text
    );
    assert_eq!(c.sequences, a.sequences);

    // Another domain changes only the domain.
    let mut options = IcalOptions::new(person("P1"), now());
    options.uid_domain = "night-diner.example.com".into();
    let d = to_ical(&p, &options).unwrap();
    assert!(
        d.text
            .contains("UID:D1-person-P1@night-diner.example.com\r\n")
    );
}

#[test]
fn ids_are_percent_encoded_into_distinct_uids() {
    let mut p = Production::new(
        "Demo",
        "Europe/London".parse().unwrap(),
        "GBP".parse().unwrap(),
    );
    p.people
        .push(Person::new("B-person-C", "Odd id", PersonCategory::Crew));
    p.people
        .push(Person::new("C", "Plain id", PersonCategory::Crew));
    for (id, who) in [
        ("A", "B-person-C"),
        ("A-person-B", "C"),
        ("Ça va; ok,@x", "C"),
    ] {
        let mut e = Event::new(
            id,
            EventKind::Meeting,
            utc("2027-05-03T09:00:00Z"),
            utc("2027-05-03T10:00:00Z"),
        );
        e.attendees.push(Attendance::new(who));
        p.events.push(e);
    }
    let odd = export(&p, person("B-person-C")).text;
    let plain = export(&p, person("C")).text;
    assert!(odd.contains("UID:A-person-B%2Dperson%2DC@callsheet.invalid\r\n"));
    assert!(plain.contains("UID:A%2Dperson%2DB-person-C@callsheet.invalid\r\n"));
    assert!(plain.contains("UID:%C3%87a%20va%3B%20ok%2C%40x-person-C@callsheet.invalid\r\n"));
    // The event id itself is kept as text, escaped.
    assert!(plain.contains("X-CALLSHEET-EVENT-ID:Ça va\\; ok\\,@x\r\n"));
}

#[test]
fn uid_domain_must_be_a_domain_name() {
    let mut options = IcalOptions::new(person("P1"), now());
    options.uid_domain = "bad domain@x".into();
    let err = to_ical(&production(), &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "uid_domain: not a domain name: \"bad domain@x\""
    );
}

// ---------------------------------------------------------------------------
// Folding and escaping

#[test]
fn long_text_is_escaped_and_folded_on_character_boundaries() {
    let title = "Nuit américaine, extérieur; Café «Zoë» — 夜の撮影, take 2; \
                 back\\slash, then a much longer tail so that the line folds more than once";
    let mut p = production();
    let d1 = p.events.iter_mut().find(|e| e.id.as_str() == "D1").unwrap();
    d1.title = title.into();
    d1.notes = "Line one\r\nLine two\nLine three\rend\u{7}".into();
    let text = export(&p, person("P1")).text;
    assert_well_formed(&text);

    let escaped = "Nuit américaine\\, extérieur\\; Café «Zoë» — 夜の撮影\\, take 2\\; \
                   back\\\\slash\\, then a much longer tail so that the line folds more than once";
    let events = vevents(&text);
    assert_eq!(prop(&events[0], "SUMMARY").unwrap(), format!(":{escaped}"));
    assert!(
        prop(&events[0], "DESCRIPTION")
            .unwrap()
            .ends_with("\\nLine one\\nLine two\\nLine three\\nend")
    );

    // The physical lines of SUMMARY: 75 octets at most, each a whole
    // UTF-8 string (no character split), continuations led by one space.
    let physical: Vec<&str> = text
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .collect();
    assert!(physical.len() >= 3, "{physical:?}");
    for (i, line) in physical.iter().enumerate() {
        assert!(line.len() <= 75);
        assert_eq!(i > 0, line.starts_with(' '));
        // A line is cut only where the next character would not fit.
        if let Some(next) = physical.get(i + 1) {
            let following = next[1..].chars().next().unwrap();
            assert!(line.len() + following.len_utf8() > 75, "{line:?} cut early");
        }
    }

    // Parsed back, the title is the original.
    let calendar: icalendar::Calendar = text.parse().unwrap();
    let summaries: Vec<&str> = calendar.events().filter_map(|e| e.get_summary()).collect();
    assert_eq!(summaries[0], title);
}

// ---------------------------------------------------------------------------
// Round trip

#[test]
fn round_trip_through_the_icalendar_parser() {
    let text = export(&production(), person("P1")).text;
    let calendar: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar.events().collect();
    assert_eq!(events.len(), 3);
    let uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(
        uids,
        [
            "D1-person-P1@callsheet.invalid",
            "D2-person-P1@callsheet.invalid",
            "FIT-person-P1@callsheet.invalid",
        ]
    );
    let d1 = events[0];
    assert_eq!(d1.get_summary(), Some("Shoot day 1"));
    assert_eq!(d1.get_location(), Some("Stage 4, 1 Main St, Burbank"));
    assert_eq!(
        d1.get_description(),
        Some(
            "Makeup: 05:30 PST\nCall: 06:30 PST\nOn set: 07:00 PST\nDismissal: 18:00 PST\n\
             Scenes: 12, 14A\nBring sides; wear flats"
        )
    );
    assert_eq!(d1.get_sequence(), Some(0));
    assert_eq!(d1.get_timestamp(), Some(now()));
    assert_eq!(d1.get_status(), Some(icalendar::EventStatus::Confirmed));
    assert_eq!(
        events[1].get_status(),
        Some(icalendar::EventStatus::Tentative)
    );
    assert_eq!(
        events[2].get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
    assert_eq!(d1.property_value("X-CALLSHEET-EVENT-ID"), Some("D1"));
    assert_eq!(d1.get_categories(), Some(vec!["Shoot day".to_owned()]));
    match d1.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "America/Los_Angeles");
            assert_eq!(date_time.to_string(), "2027-03-12 05:30:00");
        }
        other => panic!("DTSTART {other:?}"),
    }
    // The VTIMEZONE is there with its three observances.
    let vtimezone = calendar
        .components
        .iter()
        .find_map(|c| match c {
            icalendar::CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
            _ => None,
        })
        .expect("VTIMEZONE");
    assert_eq!(
        vtimezone.property_value("TZID"),
        Some("America/Los_Angeles")
    );
    assert_eq!(vtimezone.components().len(), 3);
}

// ---------------------------------------------------------------------------
// Free/busy

fn periods(text: &str) -> Vec<String> {
    unfold(text)
        .into_iter()
        .filter(|l| l.starts_with("FREEBUSY"))
        .collect()
}

#[test]
fn free_busy_merges_and_ranks_periods() {
    let mut p = production();
    // Maya: unavailable Tuesday morning (overlapping the cancelled
    // fitting), pencilled elsewhere on Wednesday.
    p.people[0].unavailable.push(AvailabilityWindow {
        start: la(3, 16, 8, 0),
        end: la(3, 16, 12, 0),
        kind: AvailabilityKind::Unavailable,
        note: "Dentist".into(),
    });
    p.people[0].unavailable.push(AvailabilityWindow {
        start: la(3, 17, 9, 0),
        end: la(3, 17, 18, 0),
        kind: AvailabilityKind::Tentative,
        note: String::new(),
    });
    // A confirmed meeting straight after day 1 (touching), and a held one
    // overlapping the end of that meeting.
    let mut meeting = Event::new("M1", EventKind::Meeting, la(3, 12, 18, 0), la(3, 12, 19, 0));
    meeting.attendees.push(Attendance::new("P1"));
    let mut held = Event::new(
        "M2",
        EventKind::Meeting,
        la(3, 12, 18, 30),
        la(3, 12, 20, 0),
    );
    held.status = BookingStatus::Tentative;
    held.attendees.push(Attendance::new("P1"));
    p.events.extend([meeting, held]);

    let text = free_busy(
        &p,
        &person("P1"),
        utc("2027-03-12T00:00:00Z"),
        utc("2027-03-17T20:00:00Z"),
        now(),
    )
    .unwrap();
    assert_well_formed(&text);
    assert_eq!(
        periods(&text),
        [
            // Day 1 05:30–18:00 PST, joined to the meeting until 19:00 PST;
            // the hold adds 19:00–20:00 only.
            "FREEBUSY;FBTYPE=BUSY:20270312T133000Z/20270313T030000Z",
            "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270313T030000Z/20270313T040000Z",
            // Day 2 is a hold.
            "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270315T140000Z/20270316T020000Z",
            // The dentist; the cancelled fitting inside it counts for nothing.
            "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20270316T150000Z/20270316T190000Z",
            // Pencilled elsewhere, cut at the end of the range.
            "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270317T160000Z/20270317T200000Z",
        ]
    );
    let lines = unfold(&text);
    for expected in [
        "BEGIN:VFREEBUSY",
        "UID:freebusy-person-P1@callsheet.invalid",
        "DTSTAMP:20270301T120000Z",
        "DTSTART:20270312T000000Z",
        "DTEND:20270317T200000Z",
        "END:VFREEBUSY",
    ] {
        assert!(lines.iter().any(|l| l == expected), "{expected}");
    }
    // The parser reads it back.
    let calendar: icalendar::Calendar = text.parse().unwrap();
    assert_eq!(calendar.components.len(), 1);
}

#[test]
fn free_busy_of_a_pool_is_busy_only_when_every_unit_is_taken() {
    let mut p = production();
    let mut radios = Resource::new("RADIO", "Radios", ResourceKind::Equipment, 2);
    radios.prep_minutes = 30;
    radios.unavailable.push(AvailabilityWindow {
        start: la(3, 20, 0, 0),
        end: la(3, 21, 0, 0),
        kind: AvailabilityKind::Unavailable,
        note: "Service".into(),
    });
    p.resources.push(radios);
    let book = |e: &mut Event, quantity| {
        e.resources.push(ResourceBooking {
            resource: "RADIO".into(),
            quantity,
        })
    };
    for e in &mut p.events {
        match e.id.as_str() {
            // Day 1 takes one radio, its scene 14A one more (beyond the day's).
            "D1" => book(e, 1),
            "SC14A" => book(e, 2),
            // Scene 12 takes one, covered by the day's booking.
            "SC12" => book(e, 1),
            // Day 2 (hold) takes both.
            "D2" => book(e, 2),
            _ => {}
        }
    }
    let text = free_busy(
        &p,
        &CalendarSubject::Resource("RADIO".into()),
        utc("2027-03-01T00:00:00Z"),
        utc("2027-04-01T00:00:00Z"),
        now(),
    )
    .unwrap();
    assert_eq!(
        periods(&text),
        [
            // Scene 14A 13:00–15:00 PST, from 12:30 with prep.
            "FREEBUSY;FBTYPE=BUSY:20270312T203000Z/20270312T230000Z",
            // Day 2 on hold, from 06:30 PDT.
            "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270315T133000Z/20270316T020000Z",
            "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20270320T070000Z/20270321T070000Z",
        ]
    );
}

#[test]
fn free_busy_of_a_location_and_of_everything() {
    let p = production();
    let stage = free_busy(
        &p,
        &CalendarSubject::Location("STAGE".into()),
        utc("2027-03-01T00:00:00Z"),
        utc("2027-04-01T00:00:00Z"),
        now(),
    )
    .unwrap();
    assert_eq!(
        periods(&stage),
        [
            "FREEBUSY;FBTYPE=BUSY:20270312T150000Z/20270313T030000Z",
            "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270315T140000Z/20270316T020000Z",
        ]
    );
    let all = free_busy(
        &p,
        &CalendarSubject::Everything,
        utc("2027-03-01T00:00:00Z"),
        utc("2027-04-01T00:00:00Z"),
        now(),
    )
    .unwrap();
    assert_eq!(periods(&all), periods(&stage));
    assert!(all.contains("UID:freebusy-all@callsheet.invalid\r\n"));
}

// ---------------------------------------------------------------------------
// Errors

#[test]
fn unknown_subjects_are_errors_with_a_path() {
    let p = production();
    for (subject, message) in [
        (person("P99"), "subject: unknown person \"P99\""),
        (
            CalendarSubject::Location("NOWHERE".into()),
            "subject: unknown location \"NOWHERE\"",
        ),
        (
            CalendarSubject::Resource("R9".into()),
            "subject: unknown resource \"R9\"",
        ),
    ] {
        let err = to_ical(&p, &IcalOptions::new(subject.clone(), now())).unwrap_err();
        assert_eq!(err.to_string(), message);
        assert_eq!(p.to_ical(subject.clone(), now()).unwrap_err(), err);
        let fb = free_busy(&p, &subject, now(), now() + TimeDelta::days(1), now()).unwrap_err();
        assert_eq!(fb, err);
    }
    let err = to_ical(&p, &IcalOptions::new(person("P99"), now())).unwrap_err();
    assert_eq!(
        err,
        IcalError::UnknownSubject {
            path: "subject".into(),
            kind: "person".into(),
            id: "P99".into(),
        }
    );
}

#[test]
fn bad_ranges_and_years_are_errors() {
    let p = production();
    let err = free_busy(&p, &person("P1"), now(), now(), now()).unwrap_err();
    assert!(matches!(err, IcalError::InvalidOption { ref path, .. } if path == "to"));

    let mut far = production();
    far.events[0].end = utc("9999-12-31T23:00:00Z");
    let err = to_ical(&far, &IcalOptions::new(person("P1"), now())).unwrap_err();
    assert!(
        matches!(err, IcalError::OutOfRange { ref path, .. } if path == "events[0]"),
        "{err}"
    );
}

#[test]
fn convenience_method_equals_a_fresh_export() {
    let p = production();
    assert_eq!(
        p.to_ical(person("P1"), now()).unwrap(),
        export(&p, person("P1")).text
    );
}

// ---------------------------------------------------------------------------
// The sample production

#[test]
fn sample_exports_for_every_cast_member() {
    let p = Production::load(sample_path()).unwrap();
    let cast: Vec<&Person> = p
        .people
        .iter()
        .filter(|x| x.category == PersonCategory::Cast)
        .collect();
    assert!(cast.len() >= 20);
    let mut total = 0;
    for member in cast {
        let export = to_ical(&p, &IcalOptions::new(person(member.id.as_str()), now()))
            .unwrap_or_else(|e| panic!("{}: {e}", member.id));
        assert_well_formed(&export.text);
        let events = vevents(&export.text);
        assert!(!events.is_empty(), "{} has no events", member.id);
        for event in &events {
            let start = prop(event, "DTSTART").unwrap();
            assert!(start.starts_with(";TZID="), "{}: DTSTART{start}", member.id);
            assert!(prop(event, "DTEND").unwrap().starts_with(";TZID="));
            // Scenes are folded into days the person works.
            if prop(event, "CATEGORIES") == Some(":Scene") {
                let id = &prop(event, "X-CALLSHEET-EVENT-ID").unwrap()[1..];
                let e = p.events.iter().find(|e| e.id.as_str() == id).unwrap();
                let parent = e.parent.as_ref().unwrap();
                let day = p.events.iter().find(|d| d.id == *parent).unwrap();
                assert!(!day.attendees.iter().any(|a| a.person == member.id));
            }
        }
        assert_eq!(export.sequences.len(), events.len());
        assert_vtimezones_agree_with_chrono_tz(&export.text);
        let calendar: icalendar::Calendar = export.text.parse().unwrap();
        assert_eq!(calendar.events().count(), events.len());
        total += events.len();
    }
    assert!(total > 100, "{total}");

    // Locations, resources and the whole schedule export too.
    for l in &p.locations {
        let text = export(&p, CalendarSubject::Location(l.id.clone())).text;
        assert_well_formed(&text);
    }
    for r in &p.resources {
        let text = export(&p, CalendarSubject::Resource(r.id.clone())).text;
        assert_well_formed(&text);
        assert_vtimezones_agree_with_chrono_tz_if_any(&text);
    }
    let all = export(&p, CalendarSubject::Everything).text;
    assert_vtimezones_agree_with_chrono_tz(&all);
    assert_eq!(vtimezone(&all, "America/Denver")[1], "TZID:America/Denver");
}

fn assert_vtimezones_agree_with_chrono_tz_if_any(text: &str) {
    if text.contains("BEGIN:VTIMEZONE") {
        assert_vtimezones_agree_with_chrono_tz(text);
    }
}

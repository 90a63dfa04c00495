//! A production → iCalendar export → parsed back.
//!
//! The input is either a production file (first byte `J`, the rest is the
//! file) or, more usefully, raw bytes from which a small valid production is
//! built: arbitrary text in names, titles, addresses, notes and ids (to
//! exercise escaping, UTF-8-safe folding and UID percent-encoding), zones
//! with odd offsets and DST rules, and instants anywhere from year 1 to
//! 9999 (to exercise the out-of-range refusal).
//!
//! For each subject (everything, the first person, location and resource)
//! the export is an error naming where, or a calendar that:
//! - ends every line in CRLF, with no bare CR or LF;
//! - has no line longer than 75 octets, continuation lines starting with one
//!   space, folds never splitting a UTF-8 character (the text is a `str`);
//! - has balanced, properly nested BEGIN/END;
//! - has one VEVENT per UID, each with its `X-CALLSHEET-EVENT-ID` (the
//!   event's id, ASCII control characters dropped as in any TEXT value), and
//!   the `SUMMARY` of an event with a title is that title after escaping and
//!   unescaping (control characters dropped, line breaks kept);
//! - is parsed by the `icalendar` crate into the same number of events;
//! - exported again with the previous sequences, gives the same text.
//!
//! Free/busy over the production's span obeys the same line rules.
#![no_main]

use std::collections::BTreeSet;

use arbitrary::{Result, Unstructured};
use callsheet::comms::{CalendarSubject, IcalOptions, SequenceSource, free_busy, to_ical};
use callsheet::{
    Attendance, BookingStatus, Coordinates, Event, EventKind, InteriorExterior, Location, Person,
    PersonCategory, Production, Resource, ResourceBooking, ResourceKind, SceneDetails, StoryTime,
    Timestamp,
};
use chrono::{DateTime, TimeDelta};
use libfuzzer_sys::fuzz_target;

const ZONES: &[&str] = &[
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/St_Johns",
    "UTC",
    "Africa/Casablanca",
    "Antarctica/Troll",
    "Pacific/Apia",
    "Asia/Kathmandu",
    "America/Sao_Paulo",
];

const KINDS: &[EventKind] = &[
    EventKind::ShootDay,
    EventKind::Scene,
    EventKind::Meeting,
    EventKind::Fitting,
    EventKind::Rehearsal,
    EventKind::Travel,
    EventKind::Prep,
    EventKind::Meal,
];

const STATUSES: &[BookingStatus] = &[
    BookingStatus::Confirmed,
    BookingStatus::Hold,
    BookingStatus::Tentative,
    BookingStatus::Cancelled,
];

/// 2027-01-04T00:00:00Z.
const BASE: i64 = 1_799_020_800;

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    let len = u.int_in_range(0..=40)?;
    let mut out = String::new();
    for _ in 0..len {
        // Mostly the characters iCalendar cares about, sometimes anything.
        let c = match u.int_in_range(0..=9)? {
            0 => *u.choose(&[
                '\\', ';', ',', ':', '"', '\n', '\r', '\t', '\u{7}', '\u{7f}',
            ])?,
            1 => *u.choose(&[
                'é', 'ß', '—', '€', '日', '😀', '\u{200b}', '\u{85}', '\u{2028}',
            ])?,
            2 => u.arbitrary::<char>()?,
            3 => ' ',
            _ => char::from(u.int_in_range(b'A'..=b'z')?),
        };
        out.push(c);
    }
    Ok(out)
}

/// A unique id: arbitrary text ending in the item's single-digit index.
fn id(u: &mut Unstructured<'_>, i: usize) -> Result<String> {
    let mut out = text(u)?.replace(char::is_whitespace, "");
    out.truncate(out.char_indices().nth(12).map_or(out.len(), |(at, _)| at));
    out.push(char::from(b'0' + i as u8));
    Ok(out)
}

fn zone(u: &mut Unstructured<'_>) -> Result<callsheet::IanaZone> {
    Ok(u.choose(ZONES)?.parse().expect("a known zone"))
}

fn instant(u: &mut Unstructured<'_>) -> Result<Timestamp> {
    // Usually around 2027 (both DST changes); now and then far away.
    let seconds = if u.ratio(1, 64)? {
        u.int_in_range(-62_135_596_800i64..=253_402_300_799)?
    } else {
        BASE + u.int_in_range(-2_000_000i64..=40_000_000)? / 60 * 60
    };
    Ok(DateTime::from_timestamp(seconds, 0).expect("within chrono's range"))
}

fn minutes(u: &mut Unstructured<'_>, max: i64) -> Result<TimeDelta> {
    Ok(TimeDelta::minutes(u.int_in_range(1..=max)?))
}

fn build(u: &mut Unstructured<'_>) -> Result<Production> {
    let mut p = Production::new(text(u)?, zone(u)?, "USD".parse().expect("USD"));
    if p.name.trim().is_empty() {
        p.name.push('N');
    }
    for i in 0..u.int_in_range(1..=3)? {
        let mut name = text(u)?;
        name.push('n');
        let category = *u.choose(&[PersonCategory::Cast, PersonCategory::Crew])?;
        p.people.push(Person::new(id(u, i)?, name, category));
    }
    for i in 0..u.int_in_range(0..=3)? {
        let mut l = Location::new(id(u, i)?, format!("{}n", text(u)?), zone(u)?);
        l.address = text(u)?;
        if u.arbitrary()? {
            l.coordinates = Some(Coordinates {
                lat: f64::from(u.int_in_range(-90_000..=90_000)?) / 1000.0,
                lon: f64::from(u.int_in_range(-180_000..=180_000)?) / 1000.0,
            });
        }
        p.locations.push(l);
    }
    for i in 0..u.int_in_range(0..=2)? {
        let mut r = Resource::new(id(u, i)?, "Kit", ResourceKind::Equipment, 2);
        r.prep_minutes = u.int_in_range(0..=600)?;
        r.return_minutes = u.int_in_range(0..=600)?;
        p.resources.push(r);
    }
    let mut days: Vec<usize> = Vec::new();
    let mut day_number = 0;
    for i in 0..u.int_in_range(0..=8)? {
        let kind = *u.choose(KINDS)?;
        let parent = match (kind, days.is_empty()) {
            (EventKind::Scene | EventKind::Meal, false) if u.arbitrary()? => {
                Some(*u.choose(&days)?)
            }
            _ => None,
        };
        let (start, end) = match parent {
            Some(d) => {
                let day = &p.events[d];
                let start = day.start + minutes(u, 600)?;
                (start, start + minutes(u, 600)?)
            }
            None => {
                let start = instant(u)?;
                let end = start
                    .checked_add_signed(minutes(u, 3000)?)
                    .unwrap_or(start + TimeDelta::seconds(1));
                (start, end)
            }
        };
        let mut e = Event::new(id(u, i)?, kind, start, end);
        e.parent = parent.map(|d| p.events[d].id.clone());
        e.title = if u.arbitrary()? {
            text(u)?
        } else {
            String::new()
        };
        e.notes = text(u)?;
        e.status = *u.choose(STATUSES)?;
        if !p.locations.is_empty() && u.arbitrary()? {
            e.location = Some(u.choose(&p.locations)?.id.clone());
        }
        if kind == EventKind::ShootDay {
            day_number += 1;
            e.day_number = Some(day_number);
            days.push(p.events.len());
        }
        if kind == EventKind::Scene && u.arbitrary()? {
            e.scene = Some(SceneDetails {
                number: text(u)?,
                eighths: 8,
                int_ext: InteriorExterior::IntExt,
                story_time: StoryTime::Night,
                synopsis: text(u)?,
                set: text(u)?,
            });
        }
        for person in &p.people {
            if u.arbitrary()? {
                let mut a = Attendance::new(person.id.clone());
                if u.arbitrary()? {
                    a.makeup_call = start.checked_sub_signed(minutes(u, 180)?);
                }
                if u.arbitrary()? {
                    a.dismissal = end.checked_add_signed(minutes(u, 120)?);
                }
                a.note = text(u)?;
                e.attendees.push(a);
            }
        }
        for r in &p.resources {
            if u.arbitrary()? {
                e.resources.push(ResourceBooking {
                    resource: r.id.clone(),
                    quantity: 1,
                });
            }
        }
        p.events.push(e);
    }
    Ok(p)
}

/// The calendar's lines, checked for CRLF, length and folding, unfolded.
fn unfold(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"), "the calendar does not end in CRLF");
    let mut lines: Vec<String> = Vec::new();
    for raw in ics[..ics.len() - 2].split("\r\n") {
        assert!(!raw.contains(['\r', '\n']), "a bare CR or LF in {raw:?}");
        assert!(raw.len() <= 75, "{} octets: {raw:?}", raw.len());
        match raw.strip_prefix(' ') {
            Some(rest) => lines
                .last_mut()
                .expect("a continuation first")
                .push_str(rest),
            None => {
                assert!(!raw.is_empty(), "an empty line");
                lines.push(raw.to_owned());
            }
        }
    }
    lines
}

fn check_nesting(lines: &[String]) {
    let mut stack: Vec<&str> = Vec::new();
    for line in lines {
        if let Some(name) = line.strip_prefix("BEGIN:") {
            stack.push(name);
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(
                stack.pop(),
                Some(name),
                "END:{name} closes the wrong component"
            );
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("a dangling backslash in {value:?}"),
            }
        } else {
            assert!(c != ';' && c != ',', "unescaped {c:?} in {value:?}");
            out.push(c);
        }
    }
    out
}

/// What a TEXT value holds once escaped and unescaped: line breaks as LF,
/// other ASCII control characters but tab dropped.
fn text_value(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !(c.is_ascii_control() && c != '\t' && c != '\n'))
        .collect()
}

fn check_calendar(p: &Production, ics: &str) {
    let lines = unfold(ics);
    check_nesting(&lines);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    let mut uids = BTreeSet::new();
    let mut event_id: Option<String> = None;
    let mut summary: Option<String> = None;
    let mut events = 0;
    for line in &lines {
        if line == "BEGIN:VEVENT" {
            (event_id, summary) = (None, None);
        } else if let Some(uid) = line.strip_prefix("UID:") {
            assert!(uids.insert(uid.to_owned()), "UID {uid} twice");
        } else if let Some(value) = line.strip_prefix("X-CALLSHEET-EVENT-ID:") {
            event_id = Some(unescape(value));
        } else if let Some(value) = line.strip_prefix("SUMMARY:") {
            summary = Some(unescape(value));
        } else if line == "END:VEVENT" {
            events += 1;
            let id = event_id.take().expect("every VEVENT names its event");
            // Control characters in ids are dropped from the text value (the
            // UID keeps them, percent-encoded).
            let event = p
                .events
                .iter()
                .find(|e| text_value(e.id.as_str()) == id)
                .unwrap_or_else(|| panic!("X-CALLSHEET-EVENT-ID {id:?} is not an event"));
            let summary = summary.take().expect("every VEVENT has a SUMMARY");
            if !event.title.trim().is_empty() {
                assert_eq!(summary, text_value(event.title.trim()));
            }
        }
    }
    let parsed: icalendar::Calendar = ics
        .parse()
        .unwrap_or_else(|err| panic!("icalendar cannot parse the export: {err}\n{ics}"));
    assert_eq!(parsed.events().count(), events);
}

/// Everything, and the first person, location and resource (each export
/// costs a VTIMEZONE scan per zone and year, so not every subject).
fn subjects(p: &Production) -> Vec<CalendarSubject> {
    let mut out = vec![CalendarSubject::Everything];
    out.extend(
        p.people
            .first()
            .map(|x| CalendarSubject::Person(x.id.clone())),
    );
    out.extend(
        p.locations
            .first()
            .map(|x| CalendarSubject::Location(x.id.clone())),
    );
    out.extend(
        p.resources
            .first()
            .map(|x| CalendarSubject::Resource(x.id.clone())),
    );
    out
}

fuzz_target!(|data: &[u8]| {
    let production = match data.split_first() {
        Some((b'J', rest)) => match std::str::from_utf8(rest).map(Production::from_json) {
            Ok(Ok(p)) => p,
            _ => return,
        },
        _ => match build(&mut Unstructured::new(data)) {
            Ok(p) => p,
            Err(_) => return,
        },
    };
    if production.validate().is_err() {
        return;
    }
    let dtstamp: Timestamp = DateTime::from_timestamp(BASE, 0).expect("in range");
    for subject in subjects(&production) {
        let mut options = IcalOptions::new(subject.clone(), dtstamp);
        let first = match to_ical(&production, &options) {
            Ok(export) => export,
            Err(err) => {
                assert!(!err.problem().path.is_empty());
                continue;
            }
        };
        check_calendar(&production, &first.text);
        options.sequence = SequenceSource::Previous(first.sequences.clone());
        let second = to_ical(&production, &options).expect("the same export succeeds twice");
        assert_eq!(
            second.text, first.text,
            "an unchanged production changed SEQUENCE"
        );
        assert_eq!(second.sequences, first.sequences);

        let from = production
            .events
            .iter()
            .map(|e| e.start)
            .min()
            .unwrap_or(dtstamp);
        let to = production
            .events
            .iter()
            .map(|e| e.end)
            .max()
            .unwrap_or(dtstamp);
        let to = to.checked_add_signed(TimeDelta::hours(1)).unwrap_or(to);
        if let Ok(fb) = free_busy(&production, &subject, from, to, dtstamp) {
            let lines = unfold(&fb);
            check_nesting(&lines);
        }
    }
});

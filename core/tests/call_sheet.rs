//! Call sheets: a hand-built overnight day checked field by field, errors,
//! every main-unit day of the sample production, and the renderings.

use callsheet::comms::{
    CallSheet, CallSheetError, CallSheetOptions, call_sheet, call_sheet_time, format_pages,
};
use callsheet::{
    Attendance, BookingStatus, Event, EventKind, InteriorExterior, Location, MealBreak, Person,
    PersonCategory, Production, Resource, ResourceBooking, ResourceKind, SceneDetails,
    ShootingUnit, StoryTime, UnitId,
};
use chrono::{DateTime, NaiveDate, Utc, Weekday};

use crate::common::sample_path;

/// 2027-03-`d` `h`:`m` in Los Angeles (PST), as UTC. Hours ≥ 24 roll over.
fn la(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    crate::common::los_angeles(2027, 3, d + h / 24, h % 24, m)
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, d).unwrap()
}

fn person(id: &str, name: &str, category: PersonCategory) -> Person {
    Person::new(id, name, category)
}

fn cast(id: &str, name: &str, role: &str, number: u32) -> Person {
    let mut p = person(id, name, PersonCategory::Cast);
    p.role = role.into();
    p.cast_number = Some(number);
    p
}

fn crew(id: &str, name: &str, department: &str, role: &str, hod: bool) -> Person {
    let mut p = person(id, name, PersonCategory::Crew);
    p.department = Some(department.into());
    p.role = role.into();
    p.head_of_department = hod;
    p
}

fn day(id: &str, unit: &str, n: u32, start: DateTime<Utc>, end: DateTime<Utc>) -> Event {
    let mut e = Event::new(id, EventKind::ShootDay, start, end);
    e.unit = Some(unit.into());
    e.day_number = Some(n);
    e.location = Some("L1".into());
    e
}

#[allow(clippy::too_many_arguments)]
fn scene(
    id: &str,
    parent: &str,
    number: &str,
    eighths: u32,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    cast: &[&str],
    int_ext: InteriorExterior,
) -> Event {
    let mut e = Event::new(id, EventKind::Scene, start, end);
    e.unit = Some("MAIN".into());
    e.parent = Some(parent.into());
    e.scene = Some(SceneDetails {
        number: number.into(),
        eighths,
        int_ext,
        story_time: StoryTime::Night,
        synopsis: String::new(),
        set: format!("SET {number}"),
    });
    e.attendees = cast.iter().map(|c| Attendance::new(*c)).collect();
    e
}

/// Three main-unit days (Mon 3/1, an overnight Tue 3/2 18:00 to 02:15, Wed
/// 3/3), a cancelled Thu 3/4, and a second-unit day on Mon 3/1.
fn production() -> Production {
    let zone = "America/Los_Angeles".parse().unwrap();
    let mut p = Production::new("Night Diner & Sons", zone, "USD".parse().unwrap());
    p.units = vec![
        ShootingUnit {
            id: "MAIN".into(),
            name: "Main Unit".into(),
        },
        ShootingUnit {
            id: "SECOND".into(),
            name: "Second Unit".into(),
        },
    ];
    let mut diner = Location::new("L1", "Rosie's Diner", zone);
    diner.address = "1 Main St, Los Angeles".into();
    diner.parking = "Lot behind the diner".into();
    diner.nearest_hospital = "St. Mary's <ER>, 1050 Linden Ave".into();
    diner.notes = "Quiet after 22:00".into();
    p.locations.push(diner);
    p.locations.push(Location::new("L2", "Back Alley", zone));
    p.people = vec![
        cast("C2", "Leo Park", "Sam", 2),
        cast("C1", "Maya Ortiz", "Rosie", 1),
        cast("C3", "Ava Chen", "Lily", 3),
        crew("K4", "Bo Best", "Electric", "Best Boy Electric", false),
        crew("K1", "Dana Volt", "Electric", "Gaffer", true),
        crew("K5", "Acct Person", "Accounting", "Payroll", false),
        crew("K2", "Sam Focus", "Camera", "1st AC", false),
        crew("K3", "Pat Manager", "Production", "UPM", true),
    ];
    p.resources.push(Resource::new(
        "R1",
        "ARRI Alexa 35",
        ResourceKind::Equipment,
        2,
    ));

    let mut d1 = day("D1", "MAIN", 1, la(1, 7, 0), la(1, 19, 0));
    d1.attendees = vec![Attendance::new("C1"), Attendance::new("C3")];
    let s1 = scene(
        "S1",
        "D1",
        "1",
        8,
        la(1, 8, 0),
        la(1, 10, 0),
        &["C1", "C3"],
        InteriorExterior::Int,
    );

    // The overnight day: 18:00 to 02:15.
    let mut d2 = day("D2", "MAIN", 2, la(2, 18, 0), la(2, 26, 15));
    d2.title = "Night at the diner".into();
    d2.notes = "Night shoot: dress warmly.".into();
    let mut maya = Attendance::new("C1");
    maya.makeup_call = Some(la(2, 17, 0));
    maya.call = Some(la(2, 17, 30));
    maya.on_set = Some(la(2, 18, 30));
    maya.dismissal = Some(la(2, 25, 45));
    let mut leo = Attendance::new("C2");
    leo.call = Some(la(2, 18, 0));
    leo.note = "Bring own boots".into();
    let mut upm = Attendance::new("K3");
    upm.call = Some(la(2, 17, 30));
    d2.attendees = vec![
        maya,
        leo,
        Attendance::new("K1"),
        Attendance::new("K2"),
        upm,
        Attendance::new("K4"),
        Attendance::new("K5"),
    ];
    d2.meals.push(MealBreak {
        start: la(2, 23, 0),
        end: la(2, 23, 30),
        non_deductible: false,
    });
    d2.resources.push(ResourceBooking {
        resource: "R1".into(),
        quantity: 2,
    });
    // Scenes in the file out of time order; 6 at another location; one cancelled.
    let s7 = scene(
        "S7",
        "D2",
        "7A",
        8,
        la(2, 24, 30),
        la(2, 25, 30),
        &["C1"],
        InteriorExterior::Int,
    );
    let mut s5 = scene(
        "S5",
        "D2",
        "5",
        12,
        la(2, 18, 30),
        la(2, 20, 30),
        &["C2", "C1"],
        InteriorExterior::Int,
    );
    if let Some(d) = s5.scene.as_mut() {
        d.synopsis = "Rosie & Sam argue <loudly>".into();
        d.set = "DINER - BOOTH".into();
    }
    let mut s6 = scene(
        "S6",
        "D2",
        "6",
        6,
        la(2, 20, 30),
        la(2, 22, 45),
        &["C2"],
        InteriorExterior::Ext,
    );
    s6.location = Some("L2".into());
    s6.notes = "Rain towers".into();
    let mut s8 = scene(
        "S8",
        "D2",
        "8",
        16,
        la(2, 22, 45),
        la(2, 23, 0),
        &["C1"],
        InteriorExterior::Int,
    );
    s8.status = BookingStatus::Cancelled;

    let mut d3 = day("D3", "MAIN", 3, la(3, 14, 0), la(3, 23, 0));
    d3.attendees = vec![Attendance::new("C1"), Attendance::new("C3")];
    let s9 = scene(
        "S9",
        "D3",
        "9",
        4,
        la(3, 15, 0),
        la(3, 17, 0),
        &["C3", "C1"],
        InteriorExterior::Int,
    );

    let mut d4 = day("D4", "MAIN", 4, la(4, 8, 0), la(4, 18, 0));
    d4.status = BookingStatus::Cancelled;

    let mut u2 = day("U2", "SECOND", 1, la(1, 8, 0), la(1, 17, 0));
    u2.location = Some("L2".into());

    p.events = vec![d1, s1, d2, s7, s5, s6, s8, d3, s9, d4, u2];
    p
}

fn options(d: NaiveDate) -> CallSheetOptions {
    let mut o = CallSheetOptions::new(d);
    o.unit = Some("MAIN".into());
    o.revision = 2;
    o.schedule_version = "Shooting schedule v3".into();
    o.notes = vec!["Closed set".into()];
    o
}

fn locals<'a>(
    times: impl IntoIterator<Item = Option<&'a callsheet::comms::CallTime>>,
) -> Vec<String> {
    times
        .into_iter()
        .map(|t| t.map_or_else(|| "-".to_owned(), |t| t.local.clone()))
        .collect()
}

#[test]
fn hand_built_production_is_valid() {
    let p = production();
    assert!(p.validate().is_ok(), "{:?}", p.validate().err());
}

#[test]
fn overnight_day_field_by_field() {
    let p = production();
    let sheet = call_sheet(&p, &options(date(3, 2))).expect("sheet");

    assert_eq!(sheet.production, "Night Diner & Sons");
    assert_eq!(sheet.shoot_day.as_str(), "D2");
    assert_eq!(sheet.title, "Night at the diner");
    assert_eq!(sheet.date, date(3, 2));
    assert_eq!(sheet.weekday, Weekday::Tue);
    assert_eq!((sheet.day_number, sheet.total_days), (2, 3));
    assert_eq!(
        sheet.day_of(),
        "Day 2 of 3",
        "the cancelled day is not counted"
    );
    assert_eq!(sheet.unit, Some(UnitId::from("MAIN")));
    assert_eq!(sheet.unit_name, "Main Unit");
    assert_eq!(sheet.zone, "America/Los_Angeles");
    assert_eq!(sheet.general_call.local, "18:00");
    assert_eq!(sheet.general_call.minutes_after_midnight, 18 * 60);
    assert_eq!(sheet.estimated_wrap.local, "26:15");
    assert_eq!(sheet.estimated_wrap.minutes_after_midnight, 26 * 60 + 15);
    assert_eq!(sheet.revision, 2);
    assert_eq!(sheet.revision_colour, "Pink");
    assert_eq!(sheet.schedule_version, "Shooting schedule v3");

    // Locations: the day's, then the scene location.
    let locations: Vec<(&str, Vec<String>)> = sheet
        .locations
        .iter()
        .map(|l| (l.name.as_str(), l.scenes.clone()))
        .collect();
    assert_eq!(
        locations,
        [
            ("Rosie's Diner", vec!["5".to_owned(), "7A".to_owned()]),
            ("Back Alley", vec!["6".to_owned()]),
        ]
    );
    let diner = &sheet.locations[0];
    assert_eq!(diner.address, "1 Main St, Los Angeles");
    assert_eq!(diner.parking, "Lot behind the diner");
    assert_eq!(diner.nearest_hospital, "St. Mary's <ER>, 1050 Linden Ave");
    assert_eq!(diner.notes, "Quiet after 22:00");
    assert_eq!(diner.zone, "America/Los_Angeles");

    // Scenes in time order, the cancelled one left out, past midnight as 24:30.
    type SceneLine<'a> = (&'a str, &'a str, &'a str, &'a str, Vec<u32>, &'a str);
    let scenes: Vec<SceneLine> = sheet
        .scenes
        .iter()
        .map(|s| {
            (
                s.number.as_str(),
                s.pages.as_str(),
                s.int_ext.as_str(),
                s.start.local.as_str(),
                s.cast_numbers.clone(),
                s.day_night.as_str(),
            )
        })
        .collect();
    assert_eq!(
        scenes,
        [
            ("5", "1 4/8", "INT", "18:30", vec![1, 2], "NIGHT"),
            ("6", "6/8", "EXT", "20:30", vec![2], "NIGHT"),
            ("7A", "1", "INT", "24:30", vec![1], "NIGHT"),
        ]
    );
    assert_eq!(sheet.scenes[0].set, "DINER - BOOTH");
    assert_eq!(sheet.scenes[0].synopsis, "Rosie & Sam argue <loudly>");
    assert_eq!(sheet.scenes[2].end.local, "25:30");
    assert_eq!(sheet.scenes[1].location.as_ref().unwrap().as_str(), "L2");
    assert_eq!(sheet.total_eighths, 26);
    assert_eq!(sheet.total_pages, "3 2/8");

    // Cast by number; Ava is held (H) between her work days.
    let cast: Vec<(Option<u32>, &str, &str, &str)> = sheet
        .cast
        .iter()
        .map(|c| {
            (
                c.cast_number,
                c.name.as_str(),
                c.role.as_str(),
                c.status.as_str(),
            )
        })
        .collect();
    assert_eq!(
        cast,
        [
            (Some(1), "Maya Ortiz", "Rosie", "W"),
            (Some(2), "Leo Park", "Sam", "SWF"),
            (Some(3), "Ava Chen", "Lily", "H"),
        ]
    );
    let maya = &sheet.cast[0];
    assert_eq!(
        locals([
            maya.pickup.as_ref(),
            maya.makeup_call.as_ref(),
            maya.call.as_ref(),
            maya.on_set.as_ref(),
            maya.dismissal.as_ref(),
        ]),
        ["-", "17:00", "17:30", "18:30", "25:45"]
    );
    assert!(
        maya.makeup_call.as_ref().unwrap().minutes_after_midnight
            < maya.call.as_ref().unwrap().minutes_after_midnight
    );
    let leo = &sheet.cast[1];
    assert_eq!(
        locals([
            leo.pickup.as_ref(),
            leo.makeup_call.as_ref(),
            leo.call.as_ref(),
            leo.on_set.as_ref(),
            leo.dismissal.as_ref(),
        ]),
        ["-", "-", "18:00", "18:30", "-"],
        "on set defaults to his first scene; no dismissal set"
    );
    assert_eq!(leo.notes, "Bring own boots");
    let ava = &sheet.cast[2];
    assert!(ava.call.is_none() && ava.makeup_call.is_none() && ava.pickup.is_none());

    // Crew: fixed department order, then others; heads first.
    let crew: Vec<(&str, Vec<(&str, &str)>)> = sheet
        .crew
        .iter()
        .map(|d| {
            (
                d.department.as_str(),
                d.rows
                    .iter()
                    .map(|r| (r.name.as_str(), r.call.local.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        crew,
        [
            ("Production", vec![("Pat Manager", "17:30")]),
            ("Camera", vec![("Sam Focus", "18:00")]),
            (
                "Electric",
                vec![("Dana Volt", "18:00"), ("Bo Best", "18:00")]
            ),
            ("Accounting", vec![("Acct Person", "18:00")]),
        ]
    );
    assert!(sheet.crew[2].rows[0].head_of_department);

    // Meals, resources, advance schedule, notes.
    let meals: Vec<(&str, &str, &str)> = sheet
        .meals
        .iter()
        .map(|m| {
            (
                m.label.as_str(),
                m.start.local.as_str(),
                m.end.local.as_str(),
            )
        })
        .collect();
    assert_eq!(meals, [("1st meal", "23:00", "23:30")]);
    let resources: Vec<(&str, u32)> = sheet
        .resources
        .iter()
        .map(|r| (r.name.as_str(), r.quantity))
        .collect();
    assert_eq!(resources, [("ARRI Alexa 35", 2)]);

    let advance = sheet.advance.as_ref().expect("day 3 follows");
    assert_eq!(advance.event.as_str(), "D3");
    assert_eq!(advance.date, date(3, 3));
    assert_eq!(advance.weekday, Weekday::Wed);
    assert_eq!(advance.day_number, 3);
    assert_eq!(advance.general_call.local, "14:00");
    assert_eq!(advance.locations, ["Rosie's Diner"]);
    let numbers: Vec<(&str, &str, Vec<u32>)> = advance
        .scenes
        .iter()
        .map(|s| (s.number.as_str(), s.pages.as_str(), s.cast_numbers.clone()))
        .collect();
    assert_eq!(numbers, [("9", "4/8", vec![1, 3])]);
    assert_eq!(advance.total_pages, "4/8");

    assert_eq!(
        sheet.notes,
        [
            "Closed set",
            "Night shoot: dress warmly.",
            "Sc. 6: Rain towers"
        ]
    );

    // The last day has no advance schedule; the convenience method agrees.
    let last = p
        .call_sheet(date(3, 3), Some(&"MAIN".into()))
        .expect("day 3");
    assert_eq!(last.day_of(), "Day 3 of 3");
    assert!(last.advance.is_none());
    assert_eq!(last.revision_colour, "White");
    let ava = last.cast.iter().find(|c| c.name == "Ava Chen").unwrap();
    assert_eq!(ava.status, "WF");
}

#[test]
fn times_past_midnight() {
    let zone = "America/Los_Angeles".parse().unwrap();
    assert_eq!(call_sheet_time(zone, date(3, 2), la(3, 1, 30)), "25:30");
    assert_eq!(call_sheet_time(zone, date(3, 2), la(2, 0, 0)), "00:00");
    assert_eq!(call_sheet_time(zone, date(3, 2), la(2, 23, 59)), "23:59");
    assert_eq!(call_sheet_time(zone, date(3, 2), la(4, 1, 30)), "49:30");
    assert_eq!(format_pages(26), "3 2/8");
    assert_eq!(format_pages(1), "1/8");
}

#[test]
fn errors_name_the_date_and_unit() {
    let p = production();
    let err = call_sheet(&p, &CallSheetOptions::new(date(3, 5))).unwrap_err();
    assert!(matches!(err, CallSheetError::NoShootDay { ref path, .. } if path == "date"));
    assert_eq!(err.to_string(), "date: no shoot day on 2027-03-05");

    // A cancelled day is no shoot day.
    let err = p.call_sheet(date(3, 4), None).unwrap_err();
    assert_eq!(err.to_string(), "date: no shoot day on 2027-03-04");

    let err = p
        .call_sheet(date(3, 2), Some(&"SECOND".into()))
        .unwrap_err();
    assert_eq!(
        err,
        CallSheetError::NoShootDay {
            path: "date".into(),
            date: date(3, 2),
            unit: Some("SECOND".into()),
        }
    );
    assert_eq!(
        err.to_string(),
        "date: no shoot day on 2027-03-02 for unit \"SECOND\""
    );

    let err = p.call_sheet(date(3, 1), None).unwrap_err();
    assert_eq!(
        err,
        CallSheetError::SeveralUnits {
            path: "unit".into(),
            date: date(3, 1),
            units: vec!["MAIN".into(), "SECOND".into()],
        }
    );
    assert_eq!(
        err.to_string(),
        "unit: 2 units shoot on 2027-03-01 (MAIN, SECOND); choose one"
    );
    // Naming a unit resolves it.
    assert_eq!(
        p.call_sheet(date(3, 1), Some(&"MAIN".into()))
            .unwrap()
            .shoot_day
            .as_str(),
        "D1"
    );
    assert_eq!(
        p.call_sheet(date(3, 1), Some(&"SECOND".into()))
            .unwrap()
            .shoot_day
            .as_str(),
        "U2"
    );

    let err = p.call_sheet(date(3, 2), Some(&"THIRD".into())).unwrap_err();
    assert!(matches!(err, CallSheetError::UnknownUnit { ref path, .. } if path == "unit"));
    assert_eq!(err.to_string(), "unit: unknown unit \"THIRD\"");
}

/// Checks that every opened tag is closed in order (void elements excepted)
/// and returns the number of elements.
fn check_tag_balance(html: &str) -> usize {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input", "col", "wbr"];
    let mut stack: Vec<String> = Vec::new();
    let mut count = 0;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("every tag is closed by >");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        assert!(!tag.contains('<'), "stray < inside tag {tag:?}");
        if tag.starts_with('!') {
            assert_eq!(tag, "!DOCTYPE html");
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(!name.is_empty(), "empty tag name in {tag:?}");
        if closing {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
        } else if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            count += 1;
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    count
}

fn check_html(sheet: &CallSheet) {
    let html = sheet.to_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(check_tag_balance(&html) > 20);
    let lower = html.to_ascii_lowercase();
    for banned in [
        "http", "<script", "<img", "<link", "url(", "@import", "src=",
    ] {
        assert!(!lower.contains(banned), "HTML contains {banned:?}");
    }
    assert!(html.contains("@page"));
    assert_eq!(html, sheet.to_html(), "deterministic");
}

fn check_text(sheet: &CallSheet) {
    let text = sheet.to_text();
    assert!(text.contains("GENERAL CREW CALL"));
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line:?}");
        assert_eq!(line, line.trim_end(), "trailing spaces: {line:?}");
    }
    assert_eq!(text, sheet.to_text(), "deterministic");
}

#[test]
fn html_and_text_renderings() {
    let p = production();
    let sheet = call_sheet(&p, &options(date(3, 2))).expect("sheet");
    check_html(&sheet);
    check_text(&sheet);

    let html = sheet.to_html();
    assert!(html.contains("Night Diner &amp; Sons"));
    assert!(!html.contains("Night Diner & Sons"));
    assert!(html.contains("Rosie &amp; Sam argue &lt;loudly&gt;"));
    assert!(html.contains("St. Mary&#39;s &lt;ER&gt;, 1050 Linden Ave"));
    assert!(html.contains("Nearest hospital"));
    assert!(html.contains("Day 2 of 3"));
    assert!(html.contains("Pink revision"));
    assert!(html.contains("background-color: #f9c6d8"), "pink band");
    assert!(html.contains("26:15"));
    for section in ["Scenes", "Cast", "Crew calls", "Advance schedule", "Notes"] {
        assert!(html.contains(&format!("<h2>{section}</h2>")), "{section}");
    }
    // Departments appear in order.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at(">Production</td>") < at(">Camera</td>"));
    assert!(at(">Camera</td>") < at(">Electric</td>"));
    assert!(at(">Electric</td>") < at(">Accounting</td>"));

    let text = sheet.to_text();
    assert!(text.contains("GENERAL CREW CALL: 18:00    ESTIMATED WRAP: 26:15"));
    assert!(text.contains("CALL SHEET — Night Diner & Sons"));
    assert!(text.contains("Main Unit — Day 2 of 3 — Tuesday 2 March 2027"));
    assert!(text.contains("Revision: Pink (revision 2) — Shooting schedule v3"));
    assert!(text.contains("Nearest hospital: St. Mary's <ER>, 1050 Linden Ave"));
    assert!(text.contains("TOTAL PAGES: 3 2/8"));
    assert!(text.contains("  [PRODUCTION]\n"));
    assert!(text.find("  [CAMERA]\n").unwrap() < text.find("  [ELECTRIC]\n").unwrap());
    assert!(text.find("  [ELECTRIC]\n").unwrap() < text.find("  [ACCOUNTING]\n").unwrap());
    assert!(text.contains("1st meal: 23:00-23:30"));
    assert!(text.contains("  - Sc. 6: Rain towers"));

    // Serde round trip of the plain data.
    let json = serde_json::to_string(&sheet).unwrap();
    let back: CallSheet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, sheet);
}

#[test]
fn long_texts_wrap_within_the_width() {
    let mut p = production();
    p.name = "A ".repeat(80) + &"x".repeat(150);
    p.locations[0].parking = "park far away ".repeat(20);
    let sheet = call_sheet(&p, &options(date(3, 2))).expect("sheet");
    check_text(&sheet);
    check_html(&sheet);
}

#[test]
fn sample_production_main_unit_days() {
    let p = Production::load(sample_path()).expect("sample loads");
    let unit: UnitId = "U-MAIN".into();
    let mut days: Vec<&Event> = p
        .events
        .iter()
        .filter(|e| {
            e.kind == EventKind::ShootDay
                && e.unit.as_ref() == Some(&unit)
                && e.status != BookingStatus::Cancelled
        })
        .collect();
    days.sort_by_key(|e| e.start);
    assert_eq!(days.len(), 27);
    for (k, day) in days.iter().enumerate() {
        let d = p.zone.civil_date(day.start);
        let sheet = p
            .call_sheet(d, Some(&unit))
            .unwrap_or_else(|e| panic!("{}: {e}", day.id));
        assert_eq!(sheet.shoot_day, day.id);
        assert_eq!(
            sheet.day_of(),
            format!("Day {} of 27", day.day_number.unwrap())
        );
        assert_eq!(sheet.unit_name, "Main Unit");

        // Every scene of the day, once, in time order.
        let mut scenes: Vec<&Event> = p
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Scene && e.parent.as_ref() == Some(&day.id))
            .collect();
        scenes.sort_by_key(|e| (e.start, e.end));
        let want: Vec<&str> = scenes.iter().map(|e| e.id.as_str()).collect();
        let got: Vec<&str> = sheet.scenes.iter().map(|s| s.event.as_str()).collect();
        assert_eq!(got, want, "{}", day.id);
        assert!(
            sheet
                .scenes
                .windows(2)
                .all(|w| w[0].start.minutes_after_midnight <= w[1].start.minutes_after_midnight)
        );
        let eighths: u32 = scenes
            .iter()
            .map(|e| e.scene.as_ref().unwrap().eighths)
            .sum();
        assert_eq!(sheet.total_pages, format_pages(eighths));

        // Cast by number, everyone working has a code and a call.
        let numbers: Vec<u32> = sheet.cast.iter().filter_map(|c| c.cast_number).collect();
        assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{}", day.id);
        for c in &sheet.cast {
            assert!(
                ["SW", "W", "WF", "SWF", "H", "PW", "PWF"].contains(&c.status.as_str()),
                "{}: {} has status {:?}",
                day.id,
                c.name,
                c.status
            );
            assert_eq!(c.call.is_none(), c.status == "H");
            if let (Some(m), Some(call)) = (&c.makeup_call, &c.call) {
                assert!(m.minutes_after_midnight <= call.minutes_after_midnight);
            }
        }
        assert!(!sheet.crew.is_empty());
        assert!(!sheet.locations.is_empty() && !sheet.locations[0].nearest_hospital.is_empty());

        match days.get(k + 1) {
            Some(next) => assert_eq!(sheet.advance.as_ref().unwrap().event, next.id),
            None => assert!(sheet.advance.is_none()),
        }
        check_html(&sheet);
        check_text(&sheet);
    }
}

#[test]
fn sample_production_known_days() {
    let p = Production::load(sample_path()).expect("sample loads");
    let main: UnitId = "U-MAIN".into();

    // Two units shoot on Wed 3 March.
    let err = p.call_sheet(date(3, 3), None).unwrap_err();
    assert!(matches!(err, CallSheetError::SeveralUnits { ref units, .. } if units.len() == 2));
    let second = p.call_sheet(date(3, 3), Some(&"U-2ND".into())).unwrap();
    assert_eq!(second.day_of(), "Day 1 of 3");

    // Day 4: general call 11:30, wrap 23:30, two meals.
    let d4 = p.call_sheet(date(2, 25), Some(&main)).unwrap();
    assert_eq!(d4.general_call.local, "11:30");
    assert_eq!(d4.estimated_wrap.local, "23:30");
    assert_eq!(d4.meals.len(), 2);

    // Day 19 in New Mexico: a night, wrap 03:00 MDT the next morning.
    let d19 = p.call_sheet(date(3, 19), Some(&main)).unwrap();
    assert_eq!(d19.zone, "America/Denver");
    assert_eq!(d19.general_call.local, "16:00");
    assert_eq!(d19.estimated_wrap.local, "27:00");
    let sc77 = d19.scenes.iter().find(|s| s.number == "77").unwrap();
    assert_eq!(sc77.start.local, "24:55");

    // Day 24: the company move adds downtown to the locations.
    let d24 = p.call_sheet(date(3, 30), Some(&main)).unwrap();
    let ids: Vec<&str> = d24.locations.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["LOC-HOUSE", "LOC-DTLA"]);

    // Day 27: last day, wrap 04:00.
    let d27 = p.call_sheet(date(4, 2), Some(&main)).unwrap();
    assert_eq!(d27.day_of(), "Day 27 of 27");
    assert_eq!(d27.estimated_wrap.local, "28:00");
    assert!(d27.advance.is_none());
    assert!(d27.to_html().contains("The Long Way Home"));
}

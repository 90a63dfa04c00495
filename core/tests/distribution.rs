//! Distribution lists and per-recipient call sheets.

use callsheet::Production;
use callsheet::comms::{
    CallSheetOptions, CallSheetScope, DistributionGroup, DocumentKind, call_sheets_for_recipients,
    recipients,
};

use crate::common::sample_path;

fn sample() -> Production {
    Production::load(sample_path()).unwrap()
}

#[test]
fn each_recipient_once_with_the_widest_scope() {
    let p = sample();
    let list = recipients(&p, DocumentKind::CallSheet);
    let ids: Vec<&str> = list.iter().map(|r| r.person.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "once each, ordered by id");
    // The director of photography is crew (department scope) and a head of
    // department (full): the wider scope wins, and both groups are listed.
    let dop = list.iter().find(|r| r.person.as_str() == "CAM01").unwrap();
    assert_eq!(dop.scope, CallSheetScope::Full);
    assert_eq!(dop.groups, ["HODS", "CREW"]);
    let cast = list.iter().find(|r| r.person.as_str() == "C01").unwrap();
    assert_eq!(
        (cast.scope, cast.groups.as_slice()),
        (CallSheetScope::Personal, ["CAST".to_owned()].as_slice())
    );
    // Only the production office group receives the day out of days.
    let dood = recipients(&p, DocumentKind::DayOutOfDays);
    assert!(dood.iter().all(|r| r.groups == ["PRODUCTION"]));
    assert!(!dood.is_empty());
}

#[test]
fn call_sheets_are_filtered_to_each_recipients_scope() {
    let p = sample();
    let options = CallSheetOptions::new("2027-02-22".parse().unwrap());
    let sheets = call_sheets_for_recipients(&p, &options).unwrap();
    let full = callsheet::comms::call_sheet(&p, &options).unwrap();
    for sent in &sheets {
        let person = p
            .people
            .iter()
            .find(|x| x.id == sent.recipient.person)
            .unwrap();
        match sent.recipient.scope {
            CallSheetScope::Full => assert_eq!(sent.sheet, full),
            CallSheetScope::Department => {
                assert!(
                    sent.sheet
                        .crew
                        .iter()
                        .all(|d| Some(&d.department) == person.department.as_ref())
                );
                assert_eq!(sent.sheet.cast, full.cast);
            }
            CallSheetScope::Personal => {
                assert!(sent.sheet.cast.iter().all(|row| row.person == person.id));
                assert!(
                    sent.sheet
                        .crew
                        .iter()
                        .flat_map(|d| &d.rows)
                        .all(|row| row.person == person.id)
                );
                if let Some(n) = person.cast_number {
                    assert!(
                        sent.sheet
                            .scenes
                            .iter()
                            .all(|s| s.cast_numbers.contains(&n))
                    );
                }
            }
        }
        assert_eq!(sent.sheet.general_call, full.general_call);
    }
    let personal = sheets
        .iter()
        .find(|s| s.recipient.person.as_str() == "C01")
        .unwrap();
    assert_eq!(personal.sheet.cast.len(), 1);
    assert!(
        personal.sheet.scenes.len() < full.scenes.len()
            || full.scenes.iter().all(|s| s.cast_numbers.contains(&1))
    );
}

#[test]
fn groups_are_validated() {
    let mut p = sample();
    p.distribution.push(DistributionGroup {
        id: "CAST".into(),
        name: "Again".into(),
        departments: vec!["Catering!".into()],
        roles: vec![],
        categories: vec![],
        heads_of_department: false,
        people: vec!["NOBODY".into()],
        documents: vec![],
        call_sheet_scope: CallSheetScope::Full,
    });
    let err = p.validate().unwrap_err();
    let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "distribution[4].id: duplicate group \"CAST\"",
            "distribution[4].documents: name at least one document the group receives",
            "distribution[4].people[0]: unknown person \"NOBODY\"",
            "distribution[4].departments[0]: no person is in department \"Catering!\"",
        ]
    );
}

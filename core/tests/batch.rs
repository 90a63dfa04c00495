//! Bulk changes from plain records: upserts by id, removals, paths, all or
//! nothing.

use callsheet::Production;
use callsheet::io::RecordBatch;

use crate::common::sample_path;

fn sample() -> Production {
    Production::load(sample_path()).expect("sample loads")
}

#[test]
fn upserts_by_id_and_removes() {
    let mut p = sample();
    let people = p.people.len();
    let first = p.people[0].id.clone();
    let batch = RecordBatch::from_json(&format!(
        r#"{{"people": [
            {{"id": "{first}", "name": "Renamed Person", "category": "crew"}},
            {{"id": "NEW-1", "name": "New Grip", "category": "crew", "department": "Grip"}}
        ]}}"#
    ))
    .unwrap();
    let summary = p.apply(batch).unwrap();
    assert_eq!(
        (summary.added, summary.replaced, summary.removed),
        (1, 1, 0)
    );
    assert_eq!(p.people.len(), people + 1);
    assert_eq!(p.people[0].name, "Renamed Person", "replaced in place");
    assert_eq!(p.people.last().unwrap().id.as_str(), "NEW-1");

    // An event nobody refers to can be removed; the same batch again is idempotent.
    let event = p
        .events
        .iter()
        .find(|e| e.parent.is_none() && p.events.iter().all(|c| c.parent.as_ref() != Some(&e.id)))
        .unwrap()
        .id
        .clone();
    let remove =
        RecordBatch::from_json(&format!(r#"{{"remove": {{"events": ["{event}"]}}}}"#)).unwrap();
    assert_eq!(p.apply(remove.clone()).unwrap().removed, 1);
    let err = p.apply(remove).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("remove.events[0]: no record in events has id \"{event}\"")
    );
}

#[test]
fn bad_records_name_their_path_and_change_nothing() {
    let mut p = sample();
    let before = p.to_json();
    let err = RecordBatch::from_json(
        r#"{"people": [{"id": "A", "name": "A", "category": "crew"}, {"id": "B", "name": "B", "category": "grip"}]}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("people[1].category: unknown variant `grip`"),
        "{err}"
    );
    // Duplicates within the batch, then the merged production's own problems.
    let batch = RecordBatch::from_json(
        r#"{"people": [{"id": "X1", "name": "A", "category": "crew"}, {"id": "X1", "name": "B", "category": "crew"}]}"#,
    )
    .unwrap();
    let err = p.apply(batch).unwrap_err();
    assert_eq!(
        err.to_string(),
        "people[1].id: duplicate id \"X1\" (also people[0] in this batch)"
    );
    let first = p.events[0].clone();
    let mut broken = first.clone();
    broken.end = broken.start - chrono::TimeDelta::hours(1);
    let batch = RecordBatch {
        events: vec![broken],
        ..RecordBatch::default()
    };
    let err = p.apply(batch).unwrap_err();
    assert!(
        err.to_string()
            .contains("events[0]: ends (2027-02-16 14:30:00 UTC) before it starts"),
        "{err}"
    );
    assert_eq!(p.to_json(), before, "nothing applied");
}

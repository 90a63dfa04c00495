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

#[test]
fn hotels_and_room_blocks_are_records_too() {
    let mut p = sample();
    let blocks = p.logistics.room_blocks.len();
    // Release the advance block, add a hotel and a block at it, and grow
    // the Sage Hill block by replacing it.
    let mut sage = p
        .logistics
        .room_blocks
        .iter()
        .find(|b| b.id.as_str() == "BLK-SAGE-STD")
        .cloned()
        .expect("sage block");
    sage.rooms += 5;
    let batch = RecordBatch::from_json(&format!(
        r#"{{"hotels": [{{"id": "HTL-INN", "name": "Galisteo Inn", "location": "LOC-RANCH"}}],
            "room_blocks": [
                {},
                {{"id": "BLK-INN", "hotel": "HTL-INN", "room_type": "standard", "occupancy": 1,
                  "first_night": "2027-03-15", "last_night": "2027-03-23", "rooms": 4,
                  "rate": {{"amount": "210.00", "currency": "USD"}},
                  "release_deadline": "2027-02-20T00:00:00Z", "account": "3612"}}],
            "remove": {{"room_blocks": ["BLK-SAGE-ADV"]}}}}"#,
        serde_json::to_string(&sage).expect("json")
    ))
    .expect("batch parses");
    let summary = p.apply(batch).expect("applies");
    assert_eq!(
        (summary.added, summary.replaced, summary.removed),
        (2, 1, 1)
    );
    assert_eq!(p.logistics.room_blocks.len(), blocks + 1 - 1);
    assert!(
        p.logistics
            .hotels
            .iter()
            .any(|h| h.id.as_str() == "HTL-INN")
    );
    let grown = p
        .logistics
        .room_blocks
        .iter()
        .find(|b| b.id.as_str() == "BLK-SAGE-STD")
        .expect("still there");
    assert_eq!(grown.rooms, sage.rooms);

    // A block at an unknown hotel, or removing an unknown one: nothing
    // changes, and the paths say where.
    let before = p.to_json();
    let bad = RecordBatch::from_json(
        r#"{"remove": {"hotels": ["HTL-NOPE"]},
            "room_blocks": [{"id": "BLK-X", "hotel": "HTL-NOPE", "room_type": "standard",
              "occupancy": 1, "first_night": "2027-03-15", "last_night": "2027-03-16",
              "rooms": 1, "rate": {"amount": "1.00", "currency": "USD"},
              "release_deadline": "2027-02-20T00:00:00Z"}]}"#,
    )
    .expect("batch parses");
    let err = p.apply(bad).expect_err("unknown hotel");
    let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [r#"remove.hotels[0]: no record in hotels has id "HTL-NOPE""#]
    );
    assert_eq!(p.to_json(), before);
}

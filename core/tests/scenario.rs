//! The shared scenario: the same questions asked of the sample production in
//! every language (Rust here; uniffi-Python, Kotlin and Swift read the same
//! `tests/scenario/expected.json`), with identical answers.
//!
//! Regenerate the file after a deliberate change with
//! `CALLSHEET_UPDATE_SCENARIO=1 cargo test -p callsheet --test integration scenario`.

use std::path::PathBuf;

use callsheet::Production;
use callsheet::budget::CostReportOptions;
use serde_json::{Value, json};

use crate::common::sample_path;

fn expected_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/scenario/expected.json")
}

/// The scenario's answers as JSON, every amount a string with its minor units.
fn scenario(p: &Production) -> Value {
    let conflicts: Vec<Value> = p
        .conflicts()
        .iter()
        .map(|c| {
            json!({
                "kind": c.kind,
                "severity": c.severity,
                "subjects": c.subjects,
                "events": c.events,
                "start": c.start,
                "end": c.end,
                "cost": c.cost,
                "message": c.message,
            })
        })
        .collect();
    let totals = p.budget_totals().expect("budget totals");
    let as_of = "2027-03-14".parse().expect("date");
    let report = p
        .cost_report(&CostReportOptions::as_of(as_of))
        .expect("cost report");
    let total: serde_json::Map<String, Value> = report
        .total
        .columns()
        .iter()
        .map(|(name, value)| {
            (
                name.to_lowercase().replace(' ', "_"),
                json!(value.to_string()),
            )
        })
        .collect();
    let rooms = callsheet::logistics::allocate_rooms(p, &p.logistics.rooming).expect("rooms");
    let assignments: Vec<Value> = rooms
        .assignments
        .iter()
        .map(|a| {
            json!({
                "person": a.person,
                "block": a.block,
                "room": a.room,
                "first_night": a.first_night,
                "last_night": a.last_night,
            })
        })
        .collect();
    json!({
        "production": "examples/data/sample-production.json",
        "conflicts": conflicts,
        "topsheet": {
            "above_the_line": totals.above_the_line.to_string(),
            "below_the_line": totals.below_the_line.to_string(),
            "grand_total": totals.grand_total.to_string(),
        },
        "cost_report": {
            "as_of": "2027-03-14",
            "total": total,
            "alerts": report.alerts,
        },
        "rooms": {
            "housed": rooms.housed,
            "unhoused": rooms.unhoused.len(),
            "room_nights": rooms.room_nights(),
            "cost": rooms.cost,
            "cost_by_account": rooms.cost_by_account,
            "assignments": assignments,
        },
    })
}

#[test]
fn scenario_matches_the_shared_expected_results() {
    let p = Production::load(sample_path()).expect("sample loads");
    let actual = scenario(&p);
    let path = expected_path();
    if std::env::var_os("CALLSHEET_UPDATE_SCENARIO").is_some() {
        let text = serde_json::to_string_pretty(&actual).expect("json") + "\n";
        std::fs::write(&path, text).expect("write expected.json");
    }
    let text = std::fs::read_to_string(&path).expect("tests/scenario/expected.json exists");
    let expected: Value = serde_json::from_str(&text).expect("expected.json parses");
    assert_eq!(
        actual, expected,
        "the engines' answers changed; see the module docs"
    );
    // The seeded problems are among the answers (examples/data/README.md).
    let kinds: Vec<&str> = expected["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["severity"] == "error")
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "outside_permit",
            "turnaround",
            "person_double_booked",
            "resource_overbooked"
        ]
    );
    assert_eq!(expected["topsheet"]["grand_total"], "7256320.79");
    assert_eq!(expected["conflicts"][1]["subjects"][0]["id"], "C04");
    // Everyone on the New Mexico shoot has a room (examples/data/README.md).
    assert_eq!(expected["rooms"]["housed"], 65);
    assert_eq!(expected["rooms"]["unhoused"], 0);
}

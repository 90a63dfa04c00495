//! The exported surface, called from Rust exactly as the foreign side calls it.

use std::path::PathBuf;

use callsheet_ffi::{CallsheetError, Production};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn load_sample_and_read() {
    let path = repo().join("examples/data/sample-production.json");
    let p = Production::load(path.display().to_string()).unwrap();
    assert_eq!(p.zone().unwrap(), "America/Los_Angeles");
    assert!(p.people().unwrap().len() >= 90);
    assert!(p.validate().unwrap().is_empty());
    assert!(p.shoot_dates().unwrap().len() >= 25);
}

#[test]
fn bad_files_give_every_problem_with_its_path() {
    let dir = repo().join("core/tests/data/bad");
    let expected: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    for (name, want) in expected {
        let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
        match Production::from_json(text) {
            Err(CallsheetError::Invalid { problems, .. }) => {
                let got: Vec<String> = problems
                    .iter()
                    .map(|p| format!("{}: {}", p.path, p.detail))
                    .collect();
                assert_eq!(got, want, "{name}");
            }
            other => panic!("{name}: expected Invalid, got {other:?}"),
        }
    }
}

#[test]
fn missing_file_is_a_file_error() {
    match Production::load("/no/such/production.json".to_owned()) {
        Err(CallsheetError::File { path, .. }) => assert_eq!(path, "/no/such/production.json"),
        other => panic!("expected File, got {other:?}"),
    }
}

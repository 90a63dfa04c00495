//! The catalogue of bad production files, and the bundled sample production.

use std::collections::BTreeMap;

use callsheet::{LoadError, Production};

use crate::common::{data_dir, sample_path};

#[test]
fn every_bad_file_gives_its_path_precise_errors() {
    let dir = data_dir().join("bad");
    let expected: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    assert!(
        expected.len() >= 20,
        "the catalogue holds at least 20 bad files"
    );
    for (name, want) in &expected {
        let path = dir.join(format!("{name}.json"));
        let err = Production::load(&path).expect_err(name);
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(&got, want, "{name}");
    }
}

#[test]
fn the_catalogue_has_a_file_for_every_expectation_and_vice_versa() {
    let dir = data_dir().join("bad");
    let expected: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.json")
        .map(|n| n.trim_end_matches(".json").to_owned())
        .collect();
    files.sort();
    assert_eq!(files, expected.keys().cloned().collect::<Vec<_>>());
}

#[test]
fn the_minimal_good_file_loads() {
    let p = Production::load(data_dir().join("good-minimal.json")).unwrap();
    assert_eq!(p.events.len(), 2);
    assert_eq!(p.people[0].name, "Maya Ortiz");
}

#[test]
fn error_kinds_are_distinguishable() {
    let dir = data_dir().join("bad");
    let kind = |name: &str| Production::load(dir.join(format!("{name}.json"))).unwrap_err();
    assert!(matches!(
        kind("syntax-error"),
        LoadError::Syntax {
            line: 3,
            column: 3,
            ..
        }
    ));
    assert!(matches!(kind("unknown-zone"), LoadError::Structure { .. }));
    assert!(matches!(
        kind("newer-format-version"),
        LoadError::UnsupportedVersion {
            found: 7,
            supported: 1
        }
    ));
    assert!(matches!(kind("duplicate-person-id"), LoadError::Invalid(_)));
    let missing = Production::load(dir.join("no-such-file.json")).unwrap_err();
    assert!(matches!(missing, LoadError::Io { .. }));
    assert!(
        missing.to_string().contains("no-such-file.json"),
        "{missing}"
    );
}

#[test]
fn structure_errors_carry_line_and_column() {
    let text = std::fs::read_to_string(data_dir().join("bad/unknown-zone.json")).unwrap();
    match Production::from_json(&text).unwrap_err() {
        LoadError::Structure { line, path, .. } => {
            assert_eq!(path, "locations[1].zone");
            let expected_line = text.lines().position(|l| l.contains("Lundon")).unwrap() + 1;
            // serde reports the position just after the offending value.
            assert!(
                (expected_line..=expected_line + 1).contains(&line),
                "{line} vs {expected_line}"
            );
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn the_sample_production_loads_and_round_trips() {
    let text = std::fs::read_to_string(sample_path()).unwrap();
    let production = Production::from_json(&text).unwrap();
    assert!(production.people.len() >= 90);
    assert!(production.locations.len() >= 10);
    assert!(production.budget.accounts.len() >= 100);
    let saved = production.to_json();
    assert_eq!(Production::from_json(&saved).unwrap(), production);
    assert_eq!(saved, text, "the sample file is in canonical form");
}

#[test]
fn save_replaces_the_file_atomically_and_refuses_invalid_productions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("show.json");
    let mut production = Production::load(data_dir().join("good-minimal.json")).unwrap();
    production.save(&path).unwrap();
    let first = std::fs::read(&path).unwrap();
    production.save(&path).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "saving twice gives identical bytes"
    );

    production.people[1].id = production.people[0].id.clone();
    let err = production.save(&path).unwrap_err();
    assert!(
        err.to_string()
            .contains("people[1].id: duplicate id \"P1\""),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "a refused save leaves the old file"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files are left behind");
}

#[test]
fn save_into_a_missing_directory_is_an_io_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing/show.json");
    let production = Production::load(data_dir().join("good-minimal.json")).unwrap();
    let err = production.save(&path).unwrap_err();
    assert!(err.to_string().contains("missing/show.json"), "{err}");
}

#[cfg(unix)]
#[test]
fn save_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("show.json");
    let production = Production::load(data_dir().join("good-minimal.json")).unwrap();
    production.save(&path).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o644
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    production.save(&path).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

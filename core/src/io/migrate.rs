//! Migrations of older production files to the current format.
//!
//! Each step takes the JSON of version `n` to version `n + 1`. Version 1 is
//! the first published format, so there are no steps yet; the machinery is
//! here so that the first format change only has to add one.
//!
//! # Adding a format version
//!
//! 1. Bump [`FORMAT_VERSION`] and append the step from the old version to
//!    [`STEPS`] (the build fails until there is exactly one step per older
//!    version).
//! 2. Put a file of the old version in `core/tests/data/migrations/` as
//!    `v{n}-{name}.json`, next to `v{n}-{name}.expected.json`: the same
//!    production written by the new version. The test in
//!    `core/tests/hardening.rs` loads every such pair.
//!
//! Steps work on [`Value`]s, report problems as [`LoadError::Structure`]
//! with the path in the *old* file, and never see versions they were not
//! written for.

use serde_json::Value;

use super::LoadError;
use crate::model::FORMAT_VERSION;

/// One migration step: version `from` to `from + 1`.
pub(super) type Step = fn(Value) -> Result<Value, LoadError>;

/// Steps indexed by their source version minus one.
const STEPS: &[Step] = &[];

// One step per version older than the current one.
const _: () = assert!(STEPS.len() + 1 == FORMAT_VERSION as usize);

/// Migrates `value`, written at `version`, to [`FORMAT_VERSION`].
pub(super) fn to_current(value: Value, version: u32) -> Result<Value, LoadError> {
    run(value, version, FORMAT_VERSION, STEPS)
}

/// Runs `steps[version - 1..current - 1]` over `value` and stamps it
/// `current`. Separate from [`to_current`] so that the chain can be tested
/// with made-up steps before a real one exists.
pub(super) fn run(
    mut value: Value,
    version: u32,
    current: u32,
    steps: &[Step],
) -> Result<Value, LoadError> {
    let mut at = version;
    while at < current {
        let step = usize::try_from(at)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| steps.get(i))
            .ok_or_else(|| LoadError::Structure {
                path: "format_version".to_owned(),
                message: format!(
                    "no migration from format version {at} to {}; this callsheet reads versions 1 to {current}",
                    at + 1
                ),
                line: 0,
                column: 0,
            })?;
        value = step(value)?;
        at += 1;
    }
    if let Value::Object(map) = &mut value {
        map.insert("format_version".to_owned(), Value::from(current));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A made-up version 1 → 2: `people[].role` was called `job`.
    fn rename_job(mut value: Value) -> Result<Value, LoadError> {
        if let Some(people) = value.get_mut("people").and_then(Value::as_array_mut) {
            for (i, person) in people.iter_mut().enumerate() {
                let Some(map) = person.as_object_mut() else {
                    return Err(LoadError::Structure {
                        path: format!("people[{i}]"),
                        message: "expected an object".to_owned(),
                        line: 0,
                        column: 0,
                    });
                };
                if let Some(job) = map.remove("job") {
                    map.insert("role".to_owned(), job);
                }
            }
        }
        Ok(value)
    }

    /// A made-up version 2 → 3: `title` became `name`.
    fn rename_title(mut value: Value) -> Result<Value, LoadError> {
        if let Some(map) = value.as_object_mut() {
            if let Some(title) = map.remove("title") {
                map.insert("name".to_owned(), title);
            }
        }
        Ok(value)
    }

    const MADE_UP: &[Step] = &[rename_job, rename_title];

    #[test]
    fn steps_run_in_order_from_the_files_version_and_stamp_the_current_one() {
        let v1 = json!({"format_version": 1, "title": "Demo",
                        "people": [{"id": "P1", "job": "Gaffer"}]});
        let out = run(v1, 1, 3, MADE_UP).unwrap();
        assert_eq!(
            out,
            json!({"format_version": 3, "name": "Demo",
                   "people": [{"id": "P1", "role": "Gaffer"}]})
        );
        // A version 2 file only gets the second step.
        let v2 = json!({"format_version": 2, "title": "Demo", "people": [{"job": "kept"}]});
        let out = run(v2, 2, 3, MADE_UP).unwrap();
        assert_eq!(
            out,
            json!({"format_version": 3, "name": "Demo", "people": [{"job": "kept"}]})
        );
    }

    #[test]
    fn a_failing_step_names_the_path_in_the_old_file() {
        let bad = json!({"format_version": 1, "people": [{"id": "P1"}, 7]});
        match run(bad, 1, 3, MADE_UP) {
            Err(LoadError::Structure { path, message, .. }) => {
                assert_eq!(
                    (path.as_str(), message.as_str()),
                    ("people[1]", "expected an object")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_step_is_an_error_not_a_panic() {
        let err = run(json!({}), 1, 3, &[rename_job]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "format_version: no migration from format version 2 to 3; this callsheet reads versions 1 to 3"
        );
        assert!(
            run(json!({}), 0, 1, MADE_UP).is_err(),
            "version 0 has no step"
        );
    }

    #[test]
    fn the_current_version_passes_through_unchanged() {
        let v = json!({"format_version": FORMAT_VERSION, "name": "Demo"});
        assert_eq!(to_current(v.clone(), FORMAT_VERSION).unwrap(), v);
    }
}

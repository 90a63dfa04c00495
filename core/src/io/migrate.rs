//! Migrations of older production files to the current format.
//!
//! Each step takes the JSON of version `n` to version `n + 1`. Version 1 is
//! the first published format, so there are no steps yet; the machinery is
//! here so that the first format change only has to add one.

use serde_json::Value;

use super::LoadError;
use crate::model::FORMAT_VERSION;

/// One migration step: version `from` to `from + 1`.
type Step = fn(Value) -> Result<Value, LoadError>;

/// Steps indexed by their source version minus one.
const STEPS: &[Step] = &[];

/// Migrates `value`, written at `version`, to [`FORMAT_VERSION`].
pub(super) fn to_current(mut value: Value, version: u32) -> Result<Value, LoadError> {
    let mut at = version;
    while at < FORMAT_VERSION {
        let step = usize::try_from(at - 1)
            .ok()
            .and_then(|i| STEPS.get(i))
            .ok_or(LoadError::UnsupportedVersion {
                found: u64::from(at),
                supported: FORMAT_VERSION,
            })?;
        value = step(value)?;
        at += 1;
    }
    if let Value::Object(map) = &mut value {
        map.insert("format_version".to_owned(), Value::from(FORMAT_VERSION));
    }
    Ok(value)
}

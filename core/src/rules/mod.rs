//! Labor rules: rule packs for unions and jurisdictions.
//!
//! Rule packs are versioned data (name, jurisdiction, effective dates and
//! parameters). This module names the built-in packs; the rule engine
//! builds on it.

/// Ids of the rule packs that ship with callsheet.
pub const BUILTIN_PACKS: &[&str] = &["sag-aftra", "iatse", "uk-wtr", "equity", "non-union"];

/// Whether `id` names a rule pack callsheet knows.
pub fn is_known_pack(id: &str) -> bool {
    BUILTIN_PACKS.contains(&id)
}

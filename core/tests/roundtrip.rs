//! Property: load → save → load gives equal data; saving twice gives identical bytes.

use callsheet::Production;
use proptest::prelude::*;

use crate::common::arb_production;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn round_trip_is_exact(production in arb_production()) {
        prop_assert!(production.validate().is_ok(), "{:?}", production.validate());
        let text = production.to_json();
        let loaded = Production::from_json(&text).unwrap();
        prop_assert_eq!(&loaded, &production);
        prop_assert_eq!(loaded.to_json(), text);
    }

    #[test]
    fn instants_with_offsets_normalise_to_utc(production in arb_production(), offset_hours in -11i32..=13) {
        // Rewrite every instant with a fixed offset: it is the same instant.
        let offset = chrono::FixedOffset::east_opt(offset_hours * 3600).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&production.to_json()).unwrap();
        if let Some(events) = value.get_mut("events").and_then(|e| e.as_array_mut()) {
            for event in events {
                for key in ["start", "end"] {
                    let utc: chrono::DateTime<chrono::Utc> = event[key].as_str().unwrap().parse().unwrap();
                    event[key] = utc.with_timezone(&offset).to_rfc3339().into();
                }
            }
        }
        let loaded = Production::from_json(&value.to_string()).unwrap();
        prop_assert_eq!(loaded, production);
    }
}

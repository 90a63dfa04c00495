//! Text → `Formula::parse` → evaluate, names, re-print.
//!
//! Parsing and evaluation never panic (overflow and division by zero are
//! errors). Re-printing is a fixed point (`parse(print(f))` prints the same)
//! and evaluates to the same value, or to an error of the same kind (columns
//! refer to each text, so they may differ).
#![no_main]

use callsheet::budget::Formula;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

/// Globals chosen by the name's length: unknown, zero, the largest decimal,
/// the smallest positive decimal, and an ordinary value.
fn global(name: &str) -> Option<Decimal> {
    match name.len() % 5 {
        0 => None,
        1 => Some(Decimal::ZERO),
        2 => Some(Decimal::MAX),
        3 => Some(Decimal::new(1, 28)),
        _ => Some(Decimal::new(15, 1)),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let formula = match Formula::parse(text) {
        Ok(formula) => formula,
        Err(err) => {
            let _ = err.to_string();
            return;
        }
    };
    let value = formula.evaluate(global);
    let names = formula.names();
    for name in &names {
        assert!(!name.is_empty());
    }
    let _ = formula.as_number();
    let printed = formula.to_string();
    let again = match Formula::parse(&printed) {
        Ok(again) => again,
        Err(err) => panic!("{text:?} re-printed as {printed:?} does not parse: {err}"),
    };
    assert_eq!(again.to_string(), printed, "printing is not a fixed point");
    assert_eq!(again.names(), names);
    match (value, again.evaluate(global)) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?} vs {printed:?}"),
        (Err(a), Err(b)) => assert_eq!(
            std::mem::discriminant(&a),
            std::mem::discriminant(&b),
            "{text:?} vs {printed:?}: {a:?} vs {b:?}"
        ),
        (a, b) => panic!("{text:?} vs {printed:?}: {a:?} vs {b:?}"),
    }
});

//! Bytes → the production file loader.
//!
//! Whatever the bytes, loading returns `Ok` or a `LoadError` whose problems
//! can be listed and displayed — never a panic, never unbounded work. A file
//! that loads must save and load back to an equal production with the same
//! bytes, and the engines that read a loaded production (conflicts, budget
//! totals, day-out-of-days) must not panic on it either.
#![no_main]

use callsheet::Production;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Production::load reads the file as UTF-8 first; anything else is an
    // I/O error ("stream did not contain valid UTF-8") before the parser.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Production::from_json(text) {
        Ok(production) => {
            let saved = production.to_json();
            let back = match Production::from_json(&saved) {
                Ok(back) => back,
                Err(err) => panic!("a saved production does not load: {err}\n{saved}"),
            };
            assert_eq!(back, production, "save → load changed the production");
            assert_eq!(back.to_json(), saved, "saving is not deterministic");
            let _ = production.conflicts();
            let _ = production.budget_totals();
            let _ = production.day_out_of_days();
        }
        Err(err) => {
            let problems = err.problems();
            assert!(!problems.is_empty(), "an error without problems: {err:?}");
            for problem in &problems {
                let _ = problem.to_string();
            }
            let _ = err.to_string();
        }
    }
});

//! Bytes → the CSV importers of transactions and budget lines, against a
//! cut-down copy of the sample production (accounts, purchase orders,
//! globals, fringes, people).
//!
//! Whatever the bytes: no panic; an import either succeeds, leaving a
//! production that still validates, with exactly the rows the parser
//! returned, or fails with problems that each name a row (0 for the whole
//! file, else a row that exists in the file) and leaves the production
//! byte-for-byte unchanged (all or nothing).
#![no_main]

use std::sync::OnceLock;

use callsheet::Production;
use callsheet::budget::{CsvError, parse_budget_csv, parse_transactions_csv};
use libfuzzer_sys::fuzz_target;

fn production() -> &'static (Production, String) {
    static P: OnceLock<(Production, String)> = OnceLock::new();
    P.get_or_init(|| {
        let p = Production::from_json(include_str!("../seeds/load_production/mini-sample.json"))
            .expect("the seed production loads");
        let json = p.to_json();
        (p, json)
    })
}

fn check_problems(err: &CsvError, text: &str) {
    assert!(!err.problems.is_empty(), "an error without problems");
    // A record ends at LF, CR or CRLF: at most one row per line break, plus one.
    let rows = text.matches(['\n', '\r']).count() as u64 + 2;
    for problem in &err.problems {
        assert!(
            problem.row <= rows,
            "row {} of {rows}: {problem}",
            problem.row
        );
        assert!(!problem.message.is_empty());
        let _ = problem.to_string();
    }
    let _ = err.to_string();
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (base, json) = production();

    let mut p = base.clone();
    match (
        parse_transactions_csv(base, text),
        p.import_transactions_csv(text),
    ) {
        (Ok(parsed), Ok(count)) => {
            assert_eq!(count, parsed.len());
            let added = &p.ledger.transactions[base.ledger.transactions.len()..];
            assert_eq!(added, parsed.as_slice());
            if let Err(err) = p.validate() {
                panic!("imported transactions do not validate: {err}\n{text:?}");
            }
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            check_problems(&a, text);
            assert_eq!(&p.to_json(), json, "a failed import changed the production");
        }
        (a, b) => panic!("parse and import disagree: {a:?} vs {b:?}"),
    }

    let mut p = base.clone();
    match (parse_budget_csv(base, text), p.import_budget_csv(text)) {
        (Ok(parsed), Ok(count)) => {
            assert_eq!(count, parsed.len());
            assert_eq!(p.budget.lines, parsed);
            if let Err(err) = p.validate() {
                panic!("imported budget lines do not validate: {err}\n{text:?}");
            }
            let _ = p.budget_totals();
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            check_problems(&a, text);
            assert_eq!(&p.to_json(), json, "a failed import changed the production");
        }
        (a, b) => panic!("parse and import disagree: {a:?} vs {b:?}"),
    }
});

//! Hardening (issue #9): regressions of fuzzing finds, hostile sizes, failed
//! saves, format versions, failed operations leaving the production as it
//! was, and one handle shared by reader and writer threads.

use callsheet::Production;
use callsheet::budget::Formula;


// ---------------------------------------------------------------------------
// Fuzzing finds

/// fuzz/regressions/formula/stack-overflow-nested-parentheses.txt: 50,000
/// nested parentheses overflowed the stack in the recursive-descent parser
/// (and a production file holding such a formula in a budget line crashed
/// the loader, which parses every line's amount). Long chains (`1+1+…`) and
/// runs of signs built trees deep enough to overflow evaluation, printing
/// and dropping in the same way.
#[test]
fn formulas_past_the_node_limit_are_errors_not_stack_overflows() {
    let n = 100_000;
    let hostile = [
        format!("{}1{}", "(".repeat(n), ")".repeat(n)),
        format!("{}1", "-".repeat(n)),
        format!("{}1", "+".repeat(n)),
        vec!["X"; n].join(" + "),
        vec!["2"; n].join("*"),
    ];
    for text in &hostile {
        let err = Formula::parse(text).unwrap_err();
        assert!(err.to_string().contains("too complex"), "{err}");
    }
    // Exactly at the limit is fine, and evaluates, prints and re-parses.
    let at_limit = vec!["1"; Formula::MAX_NODES + 1].join(" + ");
    let f = Formula::parse(&at_limit).unwrap();
    assert_eq!(
        f.evaluate(|_| None).unwrap(),
        rust_decimal::Decimal::from(Formula::MAX_NODES + 1)
    );
    assert_eq!(Formula::parse(&f.to_string()).unwrap(), f);
    let over = format!("{at_limit} + 1");
    assert_eq!(
        Formula::parse(&over).unwrap_err().to_string(),
        format!(
            "syntax error at column {}: too complex: more than 256 operators, signs and parentheses",
            at_limit.len() + 2
        )
    );
}

#[test]
fn a_production_file_with_a_hostile_formula_is_refused_with_its_path() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/regressions/load_production/stack-overflow-formula-in-budget-line.json"
    );
    let err = Production::load(path).unwrap_err();
    let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["budget.lines[0].amount: syntax error at column 257: too complex: more than 256 operators, signs and parentheses"]
    );
}

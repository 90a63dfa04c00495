//! Validation reports every problem, in file order, and a valid production has none.

use callsheet::{Attendance, Event, EventKind, Production};

use crate::common::data_dir;

fn minimal() -> Production {
    Production::load(data_dir().join("good-minimal.json")).unwrap()
}

#[test]
fn all_problems_are_reported_not_just_the_first() {
    let mut p = minimal();
    p.people[0].name = String::new();
    p.events[0].attendees.push(Attendance::new("NOBODY"));
    p.resources[0].quantity = 0;
    let err = p.validate().unwrap_err();
    let paths: Vec<&str> = err.problems().iter().map(|x| x.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "people[0].name",
            "resources[0].quantity",
            "events[0].attendees[2].person"
        ]
    );
    assert!(err.to_string().starts_with("3 problems:"), "{err}");
}

#[test]
fn a_shoot_day_cannot_have_a_parent() {
    let mut p = minimal();
    let mut day2 = Event::new(
        "D2",
        EventKind::ShootDay,
        p.events[0].start,
        p.events[0].end,
    );
    day2.parent = Some("D1".into());
    p.events.push(day2);
    let err = p.validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "events[2].parent: a shoot day cannot have a parent"
    );
}

#[test]
fn cancelled_shoot_days_may_reuse_a_day_number() {
    let mut p = minimal();
    let mut old = p.events[0].clone();
    old.id = "D1-OLD".into();
    old.status = callsheet::BookingStatus::Cancelled;
    p.events.push(old);
    assert!(p.validate().is_ok());
}

#[test]
fn purchase_order_currency_must_match_its_invoices() {
    let text = std::fs::read_to_string(data_dir().join("good-minimal.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["ledger"] = serde_json::json!({
        "purchase_orders": [{"id": "PO1", "vendor": "Panavision", "account": "3300", "date": "2027-02-01",
                             "amount": {"amount": "1000.00", "currency": "USD"}}],
        "transactions": [
            {"id": "T1", "kind": "invoice", "account": "3300", "date": "2027-02-10",
             "amount": {"amount": "400.00", "currency": "CAD"}, "purchase_order": "PO1"},
            {"id": "T2", "kind": "invoice", "account": "3300", "date": "2027-02-10",
             "amount": {"amount": "400.00", "currency": "USD"}, "purchase_order": "PO7"}
        ]
    });
    let err = Production::from_json(&value.to_string()).unwrap_err();
    let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "ledger.transactions[0].amount.currency: CAD does not match purchase order \"PO1\" in USD",
            "ledger.transactions[1].purchase_order: unknown purchase order \"PO7\"",
        ]
    );
}

//! `callsheet._callsheet`: the native module behind the `callsheet` Python package.
//!
//! Thin by design: every method extracts its arguments, runs the core with
//! the GIL released and panics caught, and converts the result. All error
//! conversion happens in [`errors`].

use pyo3::prelude::*;

mod budget;
mod call_sheet;
mod comms;
mod errors;
mod logistics;
mod model;
mod notices;
mod production;
mod rooming;
mod schedule;

/// The native module.
#[pymodule]
fn _callsheet(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", callsheet::FORMAT_VERSION)?;
    m.add_class::<errors::Problem>()?;
    m.add_class::<model::Money>()?;
    m.add_class::<model::ShootingUnit>()?;
    m.add_class::<model::AvailabilityWindow>()?;
    m.add_class::<model::Person>()?;
    m.add_class::<model::PermitWindow>()?;
    m.add_class::<model::Location>()?;
    m.add_class::<model::Resource>()?;
    m.add_class::<model::Attendance>()?;
    m.add_class::<model::ResourceBooking>()?;
    m.add_class::<model::MealBreak>()?;
    m.add_class::<model::SceneDetails>()?;
    m.add_class::<model::Event>()?;
    m.add_class::<schedule::Subject>()?;
    m.add_class::<schedule::RuleRef>()?;
    m.add_class::<schedule::Conflict>()?;
    m.add_class::<schedule::Slot>()?;
    m.add_class::<comms::ShootDayMark>()?;
    m.add_class::<comms::DoodColumn>()?;
    m.add_class::<comms::DoodTotals>()?;
    m.add_class::<comms::DoodRow>()?;
    m.add_class::<comms::DoodReport>()?;
    m.add_class::<call_sheet::CallSheet>()?;
    m.add_class::<call_sheet::AgendaItem>()?;
    m.add_function(wrap_pyfunction!(call_sheet::schedule_fingerprint, m)?)?;
    m.add_class::<notices::PersonChange>()?;
    m.add_class::<notices::ChangeNotice>()?;
    m.add_function(wrap_pyfunction!(notices::diff, m)?)?;
    m.add_function(wrap_pyfunction!(notices::revision_colour, m)?)?;
    m.add_class::<call_sheet::Recipient>()?;
    m.add_class::<budget::Budget>()?;
    m.add_class::<budget::TopsheetRow>()?;
    m.add_class::<budget::Topsheet>()?;
    m.add_class::<budget::CostReportRow>()?;
    m.add_class::<budget::CostAlert>()?;
    m.add_class::<budget::CostReport>()?;
    m.add_class::<budget::BudgetDelta>()?;
    m.add_class::<budget::GlobalDelta>()?;
    m.add_class::<budget::BudgetComparison>()?;
    m.add_function(wrap_pyfunction!(budget::compare_budgets, m)?)?;
    m.add_function(wrap_pyfunction!(budget::budget_delta, m)?)?;
    m.add_function(wrap_pyfunction!(budget::standard_feature_chart, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_panic_for_tests, m)?)?;
    m.add_class::<logistics::Lodging>()?;
    m.add_class::<logistics::Stop>()?;
    m.add_class::<logistics::Ride>()?;
    m.add_class::<logistics::Run>()?;
    m.add_class::<logistics::DriverList>()?;
    m.add_class::<logistics::Movement>()?;
    m.add_class::<logistics::Unassigned>()?;
    m.add_class::<logistics::NoPickup>()?;
    m.add_class::<logistics::TransportPlan>()?;
    m.add_class::<logistics::BookingWindow>()?;
    m.add_class::<logistics::TimelineSegment>()?;
    m.add_class::<logistics::ResourceTimeline>()?;
    m.add_class::<logistics::UnitBooking>()?;
    m.add_class::<logistics::UnitShortfall>()?;
    m.add_class::<logistics::UnitAssignment>()?;
    m.add_class::<rooming::RoomAllocation>()?;
    m.add_class::<production::Production>()?;
    Ok(())
}

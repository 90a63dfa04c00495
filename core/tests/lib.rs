//! Integration tests for the `callsheet` core crate (one test binary).

mod agenda;
mod batch;
mod budget;
mod call_sheet;
mod common;
mod cost_report;
mod distribution;
mod dood;
mod dood_props;
mod equipment;
mod files;
mod hardening;
mod ical;
mod logistics_props;
mod notices;
mod rooming;
mod rooming_props;
mod roundtrip;
mod scenario;
mod schedule;
mod schedule_props;
mod transport;
mod validation;

//! The logistics engines: equipment timelines and serial-number assignment
//! over a season with about 500 bookings per resource, and a day's transport
//! for 300 riders and 40 vehicles.

use callsheet::logistics::{assign_units, plan_transport, resource_timeline};
use callsheet_benches::{SeasonSize, add_equipment, season, transport_day};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn equipment(c: &mut Criterion) {
    let mut production = season(SeasonSize::SEASON, 42);
    add_equipment(&mut production, 8, 500, 7);
    production.validate().expect("a valid production");
    let ids: Vec<callsheet::ResourceId> = (0..8).map(|i| format!("EQ{i}").into()).collect();
    let mut segments = 0;
    let mut shortfalls = 0;
    for id in &ids {
        segments += resource_timeline(&production, id)
            .expect("known")
            .segments
            .len();
        shortfalls += assign_units(&production, id)
            .expect("known")
            .shortfalls
            .len();
    }
    eprintln!(
        "season: {} events; 8 pools x 500 bookings: {segments} timeline segments, {shortfalls} shortfalls",
        production.events.len()
    );
    let mut group = c.benchmark_group("equipment");
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("timeline", "1 pool, 500 bookings"), |b| {
        b.iter(|| resource_timeline(&production, &ids[3]).expect("known"))
    });
    group.bench_function(
        BenchmarkId::new("assign units", "1 pool, 500 bookings"),
        |b| b.iter(|| assign_units(&production, &ids[3]).expect("known")),
    );
    group.bench_function(BenchmarkId::new("timeline + assign", "8 pools"), |b| {
        b.iter(|| {
            for id in &ids {
                resource_timeline(&production, id).expect("known");
                assign_units(&production, id).expect("known");
            }
        })
    });
    group.finish();
}

fn transport(c: &mut Criterion) {
    let (production, options, date) = transport_day(300, 40, 42);
    production.validate().expect("a valid production");
    let plan = plan_transport(&production, date, &options).expect("valid");
    let riders: usize = plan.runs.iter().map(|r| r.riders.len()).sum();
    let multi = plan.runs.iter().filter(|r| r.stops.len() > 2).count();
    eprintln!(
        "transport day: {} runs ({multi} multi-stop) carrying {riders} riders, {} unassigned, {} without a pickup, {} vehicles used",
        plan.runs.len(),
        plan.unassigned.len(),
        plan.no_pickup.len(),
        plan.driver_lists.len()
    );
    let mut group = c.benchmark_group("transport");
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("plan", "300 riders, 40 vehicles"), |b| {
        b.iter(|| plan_transport(&production, date, &options).expect("valid"))
    });
    group.finish();
}

criterion_group!(benches, equipment, transport);
criterion_main!(benches);

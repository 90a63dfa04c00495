//! The conflict engine on a generated season: full check, one incremental
//! check, and the same at ten times the data.

use callsheet::schedule::Schedule;
use callsheet::{Attendance, Event, EventKind};
use callsheet_benches::{SeasonSize, season};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn conflicts(c: &mut Criterion) {
    let production = season(SeasonSize::SEASON, 42);
    let assignments: usize = production.events.iter().map(|e| e.attendees.len()).sum();
    eprintln!(
        "season: {} events, {} people, {} person-event assignments, {} conflicts",
        production.events.len(),
        production.people.len(),
        assignments,
        production.conflicts().len()
    );
    let mut group = c.benchmark_group("conflicts");
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("full check", "season"), |b| {
        b.iter(|| production.conflicts())
    });
    let shared = std::sync::Arc::new(production.clone());
    group.bench_function(BenchmarkId::new("index build", "season"), |b| {
        b.iter(|| Schedule::from_arc(std::sync::Arc::clone(&shared)))
    });
    let schedule = Schedule::from_arc(shared);
    group.bench_function(BenchmarkId::new("checks on a built index", "season"), |b| {
        b.iter(|| schedule.conflicts())
    });
    // A costume fitting for three cast members on day 60, moved around.
    let day = &production.events[production.events.len() / 2];
    let mut fitting = Event::new(
        "FITTING",
        EventKind::Fitting,
        day.end,
        day.end + chrono::TimeDelta::hours(1),
    );
    fitting.location = Some("L0".into());
    fitting.attendees = ["P0", "P10", "P20"]
        .into_iter()
        .map(Attendance::new)
        .collect();
    group.bench_function(BenchmarkId::new("incremental check", "season"), |b| {
        b.iter(|| {
            schedule
                .check_event(std::hint::black_box(&fitting))
                .expect("valid")
        })
    });
    // Moving an existing scene.
    let mut moved = production.events[production.events.len() / 2 + 5].clone();
    moved.start += chrono::TimeDelta::minutes(30);
    moved.end += chrono::TimeDelta::minutes(30);
    group.bench_function(BenchmarkId::new("incremental move", "season"), |b| {
        b.iter(|| {
            schedule
                .check_event(std::hint::black_box(&moved))
                .expect("valid")
        })
    });
    drop(schedule);

    let big = season(
        SeasonSize {
            shoot_days: SeasonSize::SEASON.shoot_days * 10,
            people: SeasonSize::SEASON.people * 10,
            events: SeasonSize::SEASON.events * 10,
            attendees_per_event: SeasonSize::SEASON.attendees_per_event,
        },
        42,
    );
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("full check", "10x season"), |b| {
        b.iter(|| big.conflicts())
    });
    group.finish();
}

criterion_group!(benches, conflicts);
criterion_main!(benches);

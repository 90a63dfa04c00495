//! Production file load (parse + validate) and save on a generated season.

use callsheet::Production;
use callsheet_benches::{SeasonSize, season};
use criterion::{Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    let production = season(SeasonSize::SEASON, 42);
    let text = production.to_json();
    let mut group = c.benchmark_group("production file (50,000 events)");
    group.sample_size(10);
    group.bench_function("from_json (parse + validate)", |b| {
        b.iter(|| Production::from_json(std::hint::black_box(&text)).expect("valid"))
    });
    group.bench_function("validate", |b| {
        b.iter(|| production.validate().expect("valid"))
    });
    group.bench_function("to_json", |b| b.iter(|| production.to_json()));
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

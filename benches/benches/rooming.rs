//! The rooming allocation on the generated problem of the issue: 3,000
//! stays over 90 nights in 40 room blocks (target: under 500 ms); and on
//! many tiny independent parts: 17,520 one-night stays over four years in
//! 20 interchangeable one-room blocks (target: well under 1 s).

use callsheet::logistics::RoomBlock;
use callsheet::logistics::rooming::{RoomAllocation, RoomingOptions, StayNeed, allocate};
use callsheet_benches::rooming::{RoomingSize, TinyPartsSize, rooming_problem, tiny_parts_problem};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn summary(name: &str, needs: &[StayNeed], blocks: &[RoomBlock], result: &RoomAllocation) {
    eprintln!(
        "{name}: {} stays, {} blocks: {} housed (at most {}), cost {}, bound {}, {} moves, proven {}",
        needs.len(),
        blocks.len(),
        result.housed,
        result.optimality.max_housed,
        result
            .cost
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" + "),
        result
            .optimality
            .cost_bound
            .map_or_else(|| "-".to_owned(), |m| m.to_string()),
        result.moves,
        result.optimality.proven,
    );
}

fn rooming(c: &mut Criterion) {
    let (needs, blocks) = rooming_problem(RoomingSize::BENCH, 42);
    let options = RoomingOptions::default();
    let result = allocate(&needs, &blocks, &options).expect("valid problem");
    summary("rooming", &needs, &blocks, &result);
    let mut group = c.benchmark_group("rooming");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("allocate", "3000 stays"), |b| {
        b.iter(|| allocate(std::hint::black_box(&needs), &blocks, &options).expect("valid"))
    });
    group.finish();
}

fn tiny_parts(c: &mut Criterion) {
    let (needs, blocks) = tiny_parts_problem(TinyPartsSize::BENCH, 42);
    let options = RoomingOptions::default();
    let result = allocate(&needs, &blocks, &options).expect("valid problem");
    summary("rooming tiny parts", &needs, &blocks, &result);
    let mut group = c.benchmark_group("rooming");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("allocate", "17520 tiny parts"), |b| {
        b.iter(|| allocate(std::hint::black_box(&needs), &blocks, &options).expect("valid"))
    });
    group.finish();
}

criterion_group!(benches, rooming, tiny_parts);
criterion_main!(benches);

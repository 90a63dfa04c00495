//! The rooming allocation on the generated problem of the issue: 3,000
//! stays over 90 nights in 40 room blocks (target: under 500 ms).

use callsheet::logistics::rooming::{RoomingOptions, allocate};
use callsheet_benches::rooming::{RoomingSize, rooming_problem};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn rooming(c: &mut Criterion) {
    let (needs, blocks) = rooming_problem(RoomingSize::BENCH, 42);
    let options = RoomingOptions::default();
    let result = allocate(&needs, &blocks, &options).expect("valid problem");
    eprintln!(
        "rooming: {} stays, {} blocks: {} housed (at most {}), cost {}, bound {}, {} moves, proven {}",
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
    let mut group = c.benchmark_group("rooming");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("allocate", "3000 stays"), |b| {
        b.iter(|| allocate(std::hint::black_box(&needs), &blocks, &options).expect("valid"))
    });
    group.finish();
}

criterion_group!(benches, rooming);
criterion_main!(benches);

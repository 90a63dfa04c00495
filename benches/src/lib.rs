//! Seeded generators for benchmarks.

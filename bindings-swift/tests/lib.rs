//! Integration tests of the uniffi component: the Rust side of the exports,
//! and the generated Python bindings run against the built library.

mod budget;
mod exports;
mod foreign_python;
mod logistics;

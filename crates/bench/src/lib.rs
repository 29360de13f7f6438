//! Benchmarks of cirkel (criterion), kept apart so that `cargo test` never
//! builds criterion. Run them with
//! `cargo bench -p cirkel-bench --features criterion`; the figures are
//! quoted in README.md.

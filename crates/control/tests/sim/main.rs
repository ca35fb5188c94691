//! Deterministic chaos simulations of the control plane (issues 3 and 4):
//! the real `EcsService`, connectivity reconciler and service reconciler on
//! tokio's paused clock, with in-process simulated hosts (`harness.rs`).
//!
//! Debug builds run scaled-down sizes (under a minute each on 2 cores); the
//! full sizes (20 instances / 1,000 instances, 3 simulated hours of chaos
//! each; `GANTRY_SIM_SECS` shortens them) run with
//! `cargo test --release -p gantry-control --test sim -- --ignored full_size --nocapture`
//! (1,000 instances: about 3 minutes of wall time per 5 simulated minutes).
//! A run's chaos schedule (which host, what, when) is a function of its seed
//! (`GANTRY_SIM_SEED` overrides it); task ids are UUIDs, so which task of a
//! host fails is not. Every run prints one summary line. The invariants and
//! their exact tolerances are documented in `checker.rs`.

mod checker;
mod harness;
mod scenarios;

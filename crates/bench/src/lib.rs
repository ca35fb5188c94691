//! gantry-bench: the pieces of the benchmark harness that other code reuses.
//!
//! - [`stats`]: latency summaries (percentiles) shared by every benchmark;
//! - [`simagent`]: a simulated host agent that speaks the real agent sync
//!   protocol (`crates/agent-api`) and reports every desired task RUNNING at
//!   once, so control-plane benchmarks and tests can run many hosts in one
//!   process without Docker.
//!
//! The benchmarks themselves live in the `gantry-bench` binary (`src/main.rs`).

pub mod simagent;
pub mod stats;

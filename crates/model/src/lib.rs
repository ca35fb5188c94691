//! Gantry's pure domain model: IDs and ARNs, name rules, task-definition
//! validation and normalisation, the task lifecycle and resource demand.
//!
//! **Architecture invariant:** this crate does no I/O, reads no clock and
//! spawns nothing. Time comes in as `f64` epoch seconds and randomness as
//! `u128` values chosen by the caller, so every function is deterministic.

pub mod arn;
pub mod names;
pub mod resources;
pub mod task;
pub mod taskdef;

pub use arn::{Partition, TaskDefinitionRef};
pub use taskdef::{validate_and_normalize, NormalizedTaskDef};

//! AWS wire shapes for the services Gantry speaks (ECS and CloudWatch Logs).
//!
//! `ecs` and `logs` are generated from botocore's service models by
//! `tools/gen_api_types.py`; see the header of each file for the mapping
//! (request/response types are `<Operation>Request` / `<Operation>Response`,
//! timestamps are `f64` epoch seconds, string enums are Rust enums).
//! `wire` holds the strict JSON parsing used for request bodies.

#[allow(
    clippy::upper_case_acronyms,
    clippy::large_enum_variant,
    clippy::doc_markdown
)]
pub mod ecs;
pub mod error;
#[allow(
    clippy::upper_case_acronyms,
    clippy::large_enum_variant,
    clippy::doc_markdown
)]
pub mod logs;
pub mod wire;

pub use error::ApiError;

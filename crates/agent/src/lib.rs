//! Gantry's host agent: registers the host as an ECS container instance,
//! receives the host's whole desired state from the control plane, drives
//! Docker to it and reports what it observes.
//!
//! * [`runtime`]: the container runtime edge (Docker, and a stateful fake).
//! * [`spec`]: ECS container definition → runtime create spec.
//! * [`reconcile`]: task lifecycles, the pure decision core and its executor.
//! * [`state`]: the persisted `state.json`.
//! * [`agent`]: registration, the sync loop and [`run`].
//! * [`clock`]: the one wall-clock reader.
//! * [`images`]: records of the images the agent pulled and their automated
//!   cleanup (ECS_IMAGE_CLEANUP_INTERVAL & co).
//! * [`endpoint`]: the task metadata (v4) and task credentials endpoints
//!   served to containers on `169.254.170.2`.

pub mod agent;
pub mod clock;
pub mod endpoint;
pub mod images;
pub mod logs;
pub mod metrics;
pub mod reconcile;
pub mod registry_auth;
pub mod runtime;
pub mod spec;
pub mod state;

#[cfg(test)]
mod agent_tests;
#[cfg(test)]
mod reconcile_tests;
#[cfg(test)]
mod task_resources_tests;

pub use agent::{run, AgentConfig, AgentError};
pub use runtime::{ContainerRuntime, DockerRuntime, FakeRuntime, PullTimeouts};

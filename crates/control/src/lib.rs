//! The Gantry control plane: HTTP routing and SigV4 authentication, the ECS
//! handlers, reconcilers and the agent sync endpoint.

pub mod audit;
pub mod auth;
pub mod clock;
pub mod connectivity;
pub mod credentials;
pub mod ecs;
pub mod events;
pub mod hosts;
pub mod http;
pub mod iam;
pub mod logs;
pub mod metrics;
pub mod mirror;
pub mod server;
mod sigv4_fast;
pub mod state;
#[cfg(test)]
mod test_signing;
pub mod tls;
